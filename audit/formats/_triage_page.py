"""The triage page's markup, style and script (see :mod:`.html`, which fills them in).

``@CSP@``, ``@STYLE@``, ``@DATA@``, ``@TEXTS@`` and ``@SCRIPT@`` in
:data:`PAGE` are replaced by the renderer; the style and the script are
allowed by the page's Content-Security-Policy by their hashes.
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="@CSP@">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>provenance-audit: triage</title>
<style>@STYLE@</style>
</head>
<body>
<header>
<h1>provenance-audit triage</h1>
<p id="run"></p>
</header>
<section id="controls" aria-label="filters">
<label>verdict <select id="f-verdict"><option value="">any</option>
<option value="flagged">flagged</option><option value="review">review</option>
<option value="clean">clean</option><option value="error">error</option></select></label>
<label>category <select id="f-category"><option value="">any</option>
<option value="scraping">scraping</option><option value="machine_translation">machine translation</option></select></label>
<label>rule <select id="f-rule"><option value="">any</option></select></label>
<label>signal <select id="f-signal"><option value="">any</option></select></label>
<label>source language <select id="f-language"><option value="">any</option></select></label>
<label>search <input id="search" type="search" placeholder="path, message, excerpt, outlet" autocomplete="off"></label>
</section>
<main>
<section id="list" aria-label="files">
<p id="count"></p>
<table id="files">
<thead><tr><th>#</th><th>score</th><th>verdict</th><th>path</th><th>scraping</th>
<th>MT</th><th>from</th><th>outlet</th><th>cluster</th><th title="findings">n</th></tr></thead>
<tbody id="rows"></tbody>
</table>
<nav id="pager"><button id="prev-page" type="button">&larr; previous</button>
<span id="page"></span> <button id="next-page" type="button">next &rarr;</button></nav>
</section>
<section id="detail" aria-label="file" hidden>
<h2 id="d-path"></h2>
<p id="d-summary"></p>
<div id="d-meta"></div>
<details id="d-why" open><summary>Why this score</summary>
<div class="why"><table id="d-breakdown"><thead><tr><th>evidence</th><th>hits</th><th>log-odds</th></tr></thead><tbody></tbody></table></div>
</details>
<h3>Text <span class="nav"><button id="prev-finding" type="button">&uarr; previous finding</button>
<button id="next-finding" type="button">&darr; next finding</button> <span id="d-position"></span></span></h3>
<p id="d-current"></p>
<div id="d-text" tabindex="0"></div>
</section>
</main>
@TEXTS@<script type="application/json" id="data">@DATA@</script>
<script>@SCRIPT@</script>
</body>
</html>
"""

STYLE = """
:root{--flagged:#b3261e;--review:#8a5a00;--clean:#1e6b35;--mark:#ffe08a;--cur:#ff9d5c;font-family:system-ui,sans-serif;font-size:14px}
body{margin:0;color:#1b1b1b;background:#fafafa}
header{padding:.5rem 1rem;background:#263238;color:#fff}
header h1{font-size:1.1rem;margin:0}
header p{margin:.2rem 0 0;font-size:.85rem;opacity:.85}
#controls{display:flex;flex-wrap:wrap;gap:.6rem;padding:.6rem 1rem;background:#eceff1;border-bottom:1px solid #cfd8dc}
#controls input{width:16rem}
main{display:grid;grid-template-columns:minmax(30rem,50%) 1fr;gap:0;height:calc(100vh - 6.5rem)}
#list table{font-size:13px}
#list td.path{max-width:16rem}
.why{max-height:28vh;overflow:auto}
summary{font-weight:600;margin:.6rem 0 .3rem;cursor:pointer}
#list{padding:.5rem 1rem;overflow:auto;border-right:1px solid #cfd8dc}
#detail{padding:.5rem 1rem;overflow:auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.15rem .4rem;border-bottom:1px solid #e0e0e0;vertical-align:top}
#rows tr{cursor:pointer}
#rows tr:hover{background:#e3f2fd}
#rows tr.open{background:#bbdefb}
.path,.excerpt,.msg{unicode-bidi:isolate;overflow-wrap:anywhere}
.num{text-align:right;font-variant-numeric:tabular-nums}
.v-flagged{color:var(--flagged);font-weight:600}
.v-review{color:var(--review);font-weight:600}
.v-clean{color:var(--clean)}
.v-error{color:#555;font-style:italic}
#d-text{position:relative;font-family:ui-monospace,monospace;font-size:13px;background:#fff;
  border:1px solid #cfd8dc;max-height:60vh;overflow:auto;white-space:pre-wrap}
.ln{display:flex}
.ln .no{flex:0 0 3.5rem;text-align:right;padding-right:.6rem;color:#90a4ae;user-select:none}
.ln .src{flex:1;unicode-bidi:isolate;overflow-wrap:anywhere}
mark.finding{background:var(--mark);outline:1px solid #e0b000}
mark.finding[data-findings*=" "]{background:#ffc94d}
mark.finding.current{background:var(--cur);outline:2px solid #c2410c}
.ctl{color:#b3261e;border:1px dotted #b3261e;font-size:.8em}
.nav{font-size:.8rem;font-weight:normal;margin-left:1rem}
#d-meta dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.3rem 0}
#d-meta dt{color:#546e7a}
#d-meta dd{margin:0}
#d-breakdown td.contrib{text-align:right;font-variant-numeric:tabular-nums}
#d-breakdown tr.total td{font-weight:600;border-top:2px solid #90a4ae}
#d-current{min-height:1.2em;font-size:.9rem}
"""

SCRIPT = r"""
"use strict";
(function () {
  var PAGE = 100;
  var data = JSON.parse(document.getElementById("data").textContent);
  var files = data.files;
  var state = {page: 0, open: null, cur: -1, shown: files, order: []};
  var CTL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
  function visible(s) {
    return String(s == null ? "" : s).replace(CTL, function (c) {
      var h = c.charCodeAt(0).toString(16);
      return "\\u" + "0000".slice(h.length) + h;
    });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function byId(id) { return document.getElementById(id); }
  function fmt(x) { return x == null ? "–" : Number(x).toFixed(1); }
  function verdictCell(v) { return el("td", "v-" + (v || "error"), v || "error"); }

  files.forEach(function (f) {
    var parts = [f.path, f.origin.outlet || "", f.origin.language_name || ""];
    f.findings.forEach(function (x) { parts.push(x.rule, x.message, x.excerpt); });
    f.hay = parts.join("\n").toLowerCase();
    f.rules = {}; f.signals = {};
    f.findings.forEach(function (x) { f.rules[x.rule] = 1; f.signals[x.signal] = 1; });
  });

  function fill(select, values, labels) {
    values.sort().forEach(function (v) {
      var o = el("option", null, visible(labels ? labels[v] : v)); o.value = v; select.appendChild(o);
    });
  }
  (function () {
    var rules = {}, signals = {}, langs = {};
    files.forEach(function (f) {
      Object.keys(f.rules).forEach(function (r) { rules[r] = 1; });
      Object.keys(f.signals).forEach(function (s) { signals[s] = 1; });
      if (f.origin.language) langs[f.origin.language] = f.origin.language_name || f.origin.language;
    });
    fill(byId("f-rule"), Object.keys(rules));
    fill(byId("f-signal"), Object.keys(signals));
    fill(byId("f-language"), Object.keys(langs), langs);
  })();

  byId("run").textContent = data.total + " file" + (data.total === 1 ? "" : "s") +
    " · weights " + (data.weights_version || "?") + " · review at " + fmt(data.thresholds.review) +
    ", flagged at " + fmt(data.thresholds.flagged);

  function filter() {
    var v = byId("f-verdict").value, c = byId("f-category").value, r = byId("f-rule").value;
    var s = byId("f-signal").value, l = byId("f-language").value;
    var q = byId("search").value.trim().toLowerCase();
    state.shown = files.filter(function (f) {
      if (v && (v === "error" ? !f.error : f.verdict !== v)) return false;
      if (c && (!f.verdicts || !f.verdicts[c] || f.verdicts[c] === "clean")) return false;
      if (r && !f.rules[r]) return false;
      if (s && !f.signals[s]) return false;
      if (l && f.origin.language !== l) return false;
      if (q && f.hay.indexOf(q) < 0) return false;
      return true;
    });
    state.page = 0;
    list();
  }

  function list() {
    var body = byId("rows");
    body.textContent = "";
    var pages = Math.max(1, Math.ceil(state.shown.length / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    var start = state.page * PAGE;
    state.shown.slice(start, start + PAGE).forEach(function (f) {
      var tr = el("tr");
      tr.dataset.index = f.i;
      if (state.open === f.i) tr.className = "open";
      tr.appendChild(el("td", "num", String(f.i + 1)));
      tr.appendChild(el("td", "num", fmt(f.score)));
      tr.appendChild(verdictCell(f.error ? null : f.verdict));
      tr.appendChild(el("td", "path", visible(f.path)));
      tr.appendChild(verdictCell(f.error ? null : f.verdicts.scraping));
      tr.appendChild(verdictCell(f.error ? null : f.verdicts.machine_translation));
      tr.appendChild(el("td", null, visible(f.origin.language_name || "")));
      tr.appendChild(el("td", null, visible(f.origin.outlet || "")));
      tr.appendChild(el("td", null, f.cluster == null ? "" : visible(f.cluster)));
      tr.appendChild(el("td", "num", String(f.findings.length)));
      tr.addEventListener("click", function () { open(f.i); });
      body.appendChild(tr);
    });
    byId("count").textContent = state.shown.length + " of " + files.length + " files shown";
    byId("page").textContent = "page " + (state.page + 1) + " of " + pages;
    byId("prev-page").disabled = state.page === 0;
    byId("next-page").disabled = state.page >= pages - 1;
  }

  function dl(pairs) {
    var d = el("dl");
    pairs.forEach(function (p) {
      if (p[1] == null || p[1] === "") return;
      d.appendChild(el("dt", null, p[0]));
      d.appendChild(el("dd", p[2] || null, p[1]));
    });
    return d;
  }

  function breakdown(f) {
    var body = byId("d-breakdown").tBodies[0];
    body.textContent = "";
    function row(label, hits, value, cls) {
      var tr = el("tr", cls);
      tr.appendChild(el("td", "msg", label));
      tr.appendChild(el("td", "num", hits == null ? "" : String(hits)));
      tr.appendChild(el("td", "contrib", value == null ? "" : (value >= 0 ? "+" : "") + Number(value).toFixed(2)));
      body.appendChild(tr);
    }
    if (!f.evidence) { row("not audited: " + visible(f.error), null, null); return; }
    row("base rate (bias)", null, f.evidence.bias);
    var byRule = {};
    f.findings.forEach(function (x) {
      var b = byRule[x.rule] || (byRule[x.rule] = {hits: 0, sum: 0});
      b.hits += 1; b.sum += x.contribution || 0;
    });
    Object.keys(byRule).sort(function (a, b) { return byRule[b].sum - byRule[a].sum || (a < b ? -1 : 1); })
      .forEach(function (r) { row(visible(r), byRule[r].hits, byRule[r].sum); });
    (f.evidence.features || []).forEach(function (x) { row(x.explanation || x.name, x.value, x.contribution); });
    row("log-odds → score " + fmt(f.score), null, f.evidence.log_odds, "total");
  }

  function showText(f) {
    var box = byId("d-text");
    box.textContent = "";
    state.order = [];
    if (!f.has_text) {
      box.appendChild(el("p", null, f.error ? "not audited: " + visible(f.error) : "the text was not available when the page was made"));
      return;
    }
    var text = JSON.parse(byId("t" + f.i).textContent);
    var spans = f.findings.map(function (x, k) { return {s: x.span[0], e: Math.max(x.span[1], x.span[0]), k: k}; });
    state.order = spans.slice().sort(function (a, b) { return a.s - b.s || a.k - b.k; }).map(function (x) { return x.k; });
    var lines = text.split("\n"), pos = 0, frag = document.createDocumentFragment();
    for (var n = 0; n < lines.length; n++) {
      var ls = pos, le = pos + lines[n].length;
      var row = el("div", "ln");
      row.appendChild(el("span", "no", String(n + 1)));
      var src = el("span", "src");
      // cut the line where any finding starts or ends; each piece is marked with the findings covering it
      var cuts = [ls, le], here = [], empty = [];
      spans.forEach(function (x) {
        var s = Math.max(x.s, ls), e = Math.min(x.e, le);
        if (e > s) { here.push(x); cuts.push(s, e); }
        else if (x.s >= ls && x.s <= le) empty.push(x);  // a finding at a line's end: a visible marker
      });
      cuts = cuts.filter(function (c, i, all) { return all.indexOf(c) === i; }).sort(function (a, b) { return a - b; });
      for (var c = 0; c + 1 < cuts.length; c++) {
        var a = cuts[c], b = cuts[c + 1];
        var cover = here.filter(function (x) { return x.s <= a && x.e >= b; });
        if (!cover.length) { appendText(src, text.slice(a, b)); continue; }
        var mk = el("mark", "finding");
        mk.dataset.findings = cover.map(function (x) { return x.k; }).join(" ");
        mk.title = cover.map(function (x) { return visible(f.findings[x.k].rule + ": " + f.findings[x.k].message); }).join("\n");
        appendText(mk, text.slice(a, b));
        src.appendChild(mk);
      }
      empty.forEach(function (x) {
        var mk = el("mark", "finding empty", "⏎");
        mk.dataset.findings = String(x.k);
        mk.title = visible(f.findings[x.k].rule + ": " + f.findings[x.k].message);
        src.appendChild(mk);
      });
      row.appendChild(src);
      frag.appendChild(row);
      pos = le + 1;
    }
    box.appendChild(frag);
  }

  function marksOf(k) {
    return Array.prototype.filter.call(byId("d-text").querySelectorAll("mark.finding"), function (m) {
      return m.dataset.findings.split(" ").indexOf(String(k)) >= 0;
    });
  }

  function appendText(parent, s) {
    var last = 0;
    s.replace(CTL, function (c, at) {
      if (at > last) parent.appendChild(document.createTextNode(s.slice(last, at)));
      last = at + 1;
      if (c === "\t") { parent.appendChild(document.createTextNode(c)); return c; }
      var h = c.charCodeAt(0).toString(16).toUpperCase();
      parent.appendChild(el("span", "ctl", "U+" + "0000".slice(h.length) + h));
      return c;
    });
    if (last < s.length) parent.appendChild(document.createTextNode(s.slice(last)));
  }

  function open(i) {
    var f = files[i];
    state.open = i; state.cur = -1;
    Array.prototype.forEach.call(byId("rows").children, function (tr) {
      tr.className = Number(tr.dataset.index) === i ? "open" : "";
    });
    byId("detail").hidden = false;
    byId("d-path").textContent = visible(f.path);
    byId("d-summary").textContent = f.error ? "error: " + visible(f.error) :
      f.verdict + " " + fmt(f.score) + " · scraping " + fmt(f.scores.scraping) + " (" + f.verdicts.scraping + ")" +
      " · machine translation " + fmt(f.scores.machine_translation) + " (" + f.verdicts.machine_translation + ")";
    var meta = byId("d-meta");
    meta.textContent = "";
    var pairs = [
      ["source language", f.origin.language_name ? visible(f.origin.language_name)
        + (f.origin.language_confidence != null ? " (confidence " + f.origin.language_confidence + ")" : "") : ""],
      ["source outlet", f.origin.outlet ? visible(f.origin.outlet)
        + (f.origin.outlet_confidence != null ? " (confidence " + f.origin.outlet_confidence + ")" : "") : ""],
      ["copy cluster", f.cluster == null ? "" : visible(f.cluster)],
      ["format", (f.format || "") + (f.encoding ? ", " + visible(f.encoding) : "")],
      ["notes", f.notes.map(visible).join("; ")],
      ["baseline", f.baseline ? f.baseline.status + (f.baseline.note ? ": " + visible(f.baseline.note) : "") : ""]
    ];
    f.copies.forEach(function (c) {
      pairs.push(["copy of", visible(c.path) + (c.similarity != null ? " (similarity " + c.similarity + ")" : "")
        + (c.site ? " · " + visible(c.site) : ""), "path"]);
    });
    meta.appendChild(dl(pairs));
    breakdown(f);
    showText(f);
    byId("d-position").textContent = f.findings.length ? f.findings.length + " findings" : "no findings";
    byId("d-current").textContent = "";
  }

  function step(d) {
    if (state.open == null || !state.order.length) return;
    var order = state.order, n = order.length;
    Array.prototype.forEach.call(byId("d-text").querySelectorAll("mark.current"), function (m) { m.classList.remove("current"); });
    state.cur = state.cur < 0 ? (d > 0 ? 0 : n - 1) : (state.cur + d + n) % n;
    var k = order[state.cur], x = files[state.open].findings[k], marks = marksOf(k);
    marks.forEach(function (m) { m.classList.add("current"); });
    if (marks.length) {  // scroll the text box only, so the file's header and breakdown stay in place
      var box = byId("d-text");
      box.scrollTop = Math.max(0, marks[0].offsetTop - box.clientHeight / 2);
    }
    byId("d-position").textContent = "finding " + (state.cur + 1) + " of " + n;
    byId("d-current").textContent = visible(x.line + ":" + x.column + " " + x.rule + " — " + x.message);
    byId("d-current").dataset.finding = String(k);
  }

  ["f-verdict", "f-category", "f-rule", "f-signal", "f-language"].forEach(function (id) {
    byId(id).addEventListener("change", filter);
  });
  byId("search").addEventListener("input", filter);
  byId("prev-page").addEventListener("click", function () { state.page -= 1; list(); });
  byId("next-page").addEventListener("click", function () { state.page += 1; list(); });
  byId("next-finding").addEventListener("click", function () { step(1); });
  byId("prev-finding").addEventListener("click", function () { step(-1); });
  document.addEventListener("keydown", function (e) {
    if (e.target && (e.target.tagName === "INPUT" || e.target.tagName === "SELECT")) return;
    if (e.key === "n" || e.key === "j") step(1);
    if (e.key === "p" || e.key === "k") step(-1);
  });
  list();
  if (files.length) open(0);
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = "1";
})();
"""
