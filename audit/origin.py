"""Origin: the likely source language and source outlet, with their evidence.

The traces are data in ``rules/origin.toml``:

- language clues: patterns in the text or findings of other rules (by id or
  id prefix, optionally by excerpt) that point to source languages, each
  with a weight per language; untranslated passages found by the language
  stage point to their own language; a named outlet points to its language;
- outlets and agencies: names (and their word-by-word translations) and
  domains, matched against title suffixes, canonical and Open Graph links,
  JSON-LD publishers and credits or datelines in the body.

Each language's evidence is Σ weight · log2(1 + min(hits, max_hits)). The
language with the most evidence is named when it reaches
``min_language_evidence``; its confidence is its evidence over the total
plus that threshold, so one weak clue gives a low confidence and several
concordant clues a high one. Outlets are scored the same way. Pure: no I/O
beyond reading the data file once.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .catalogue import read_toml_files, rules_dir
from .kinds._text import excerpt as make_excerpt
from .kinds._text import letters
from .matching import Matcher, fold

# (?<!\s)\s++: a separator's leading space is tried from the start of its run only (linear on long runs)
_TITLE_SEPARATOR = re.compile(r"(?<!\s)\s++(?:[|–—-]|::)\s+")
_HREF = re.compile(r"""<a\b[^>]*\bhref\s*=\s*["']?(https?://[^"'\s>]+)""", re.I)
_A_OPEN = re.compile(r"<a\b", re.I)
_HREF_TAIL = re.compile(r"""\bhref\s*=\s*["']?(https?://[^"'\s>]+)""", re.I)


def _hrefs(source: str) -> list[str]:
    """``_HREF.findall(source)`` in linear time.

    The greedy ``[^>]*`` makes each ``<a`` take the last ``href`` before the
    next ``>``; a page with many ``<a`` and no ``>`` made the expression
    rescan the rest of the page for each. Here the last ``href`` of each
    stretch up to a ``>`` is found once and shared by every ``<a`` in it.
    """
    out: list[str] = []
    lower = source.lower()
    if len(lower) != len(source):  # one character for one character, so offsets agree
        lower = "".join(c.lower()[:1] or c for c in source)
    last_in_region: dict[int, tuple[int, re.Match] | None] = {}
    pos = 0
    end = -1  # the first '>' at or after the last '<a' (or the end of the page)
    while True:
        m = _A_OPEN.search(source, pos)
        if not m:
            return out
        if end < m.end():
            end = source.find(">", m.end())
            end = len(source) if end == -1 else end
        if end not in last_in_region:
            found = None
            q = lower.rfind("href", m.end(), end + 4)
            while q != -1 and q >= m.end():
                tail = _HREF_TAIL.match(source, q)
                if tail:
                    found = (q, tail)
                    break
                q = lower.rfind("href", m.end(), q + 3)
            last_in_region[end] = found
        found = last_in_region[end]
        if found is None or found[0] < m.end():  # no href after this '<a' in its stretch
            pos = m.start() + 1
            continue
        out.append(found[1].group(1))
        pos = found[1].end()
_HOST_SKIP = {"www", "com", "org", "net", "co", "uk", "news", "amp", "m"}


@dataclass(frozen=True)
class Clue:
    id: str
    why: str
    languages: dict
    pattern: Matcher | None  # RE2 where it can take the pattern, with its required literals
    rule: str | None
    excerpt: re.Pattern | None
    max_hits: int
    scope: str


@dataclass(frozen=True)
class Outlet:
    name: str
    kind: str
    language: str | None
    aliases: tuple[str, ...]
    domains: tuple[str, ...]


@dataclass(frozen=True)
class OriginData:
    meta: dict
    domains: dict
    clues: tuple[Clue, ...]
    outlets: tuple[Outlet, ...]
    alias_owner: dict  # which outlet each alias names


@lru_cache(maxsize=None)
def _alias_pattern(alias: str) -> re.Pattern:
    return _alias_regex([alias])


def _alias_regex(aliases) -> re.Pattern | None:
    parts = []
    for a in sorted(aliases, key=len, reverse=True):
        body = re.escape(a)
        lead = r"(?<!\w)" if a[:1].isalnum() else ""
        tail = r"(?!\w)" if a[-1:].isalnum() else ""
        parts.append(lead + body + tail)
    return re.compile("|".join(parts)) if parts else None


@lru_cache(maxsize=4)
def load_origin_data(path: str | None = None) -> OriginData:
    """Read and compile ``rules/origin.toml`` (cached)."""
    path = Path(path) if path else rules_dir() / "origin.toml"
    (data,) = read_toml_files([path])
    clues = []
    for c in data.get("language_clue", []):
        flags = 0 if c.get("case_sensitive") else re.I
        clues.append(Clue(
            id=c["id"],
            why=c.get("why", ""),
            languages={k: float(v) for k, v in c["languages"].items()},
            pattern=Matcher(c["pattern"], flags) if c.get("pattern") else None,
            rule=c.get("rule"),
            excerpt=re.compile(c["excerpt"], flags) if c.get("excerpt") else None,
            max_hits=int(c.get("max_hits", 1)),
            scope=c.get("scope", "body"),
        ))
    outlets = []
    for o in data.get("outlet", []):
        aliases = tuple(o.get("aliases", [o["name"]]))
        outlets.append(Outlet(o["name"], o.get("kind", "outlet"), o.get("language"), aliases, tuple(o.get("domains", []))))
    owner: dict[str, Outlet] = {}
    for outlet in outlets:
        for alias in outlet.aliases:
            owner.setdefault(alias, outlet)
    return OriginData(data.get("meta", {}), data.get("domains", {}), tuple(clues), tuple(outlets), owner)


def _feature(hits: int, cap: int) -> float:
    return math.log2(1 + min(hits, cap))


def _evidence_item(doc, source: str, start: int, end: int, text: str, in_source: bool, **more) -> dict:
    offset = start if in_source else doc.source_offset(start)
    line, column = doc.source_position(offset)
    item = {"source": source, "line": line, "column": column, "excerpt": make_excerpt(text, start, end)}
    item.update(more)
    return item


def _confidence(top: float, total: float, floor: float) -> float:
    return round(top / (total + floor), 2) if top else 0.0


# ---------------------------------------------------------------------------
# outlet


def _host(url: str) -> str:
    from urllib.parse import urlparse

    host = urlparse(url.strip()).netloc.lower().split("@")[-1].split(":")[0] if url else ""
    return host[4:] if host.startswith("www.") else host


def _host_matches(host: str, outlet: Outlet) -> bool:
    return any(host == d or host.endswith("." + d) for d in outlet.domains)


def _known(name: str, data: OriginData) -> Outlet | None:
    key = letters(name)
    if not key:
        return None
    for o in data.outlets:
        if any(letters(a) == key for a in o.aliases) or letters(o.name) == key:
            return o
    return None


def _name_matches_host(name: str, host: str) -> bool:
    key = letters(name)
    labels = [letters(p) for p in host.split(".") if p not in _HOST_SKIP]
    return bool(key) and any(len(lab) >= 3 and (lab in key or key in lab) for lab in labels[:-1] or labels)


def _title_suffixes(title: str | None) -> list[str]:
    if not title:
        return []
    parts = _TITLE_SEPARATOR.split(title.strip())
    out = []
    for p in parts[1:]:
        p = p.strip(" .")
        words = p.split()
        if 1 <= len(words) <= 5 and len(p) <= 40 and p[:1].isupper() and not p.endswith("?"):
            out.append(p)
    return out


def _outlet(doc, findings, data: OriginData) -> dict | None:
    cands: dict[str, dict] = {}

    def add(name: str, weight: float, evidence: dict, outlet: Outlet | None = None):
        outlet = outlet or _known(name, data)
        key = outlet.name if outlet else name
        c = cands.setdefault(key, {"name": key, "outlet": outlet, "score": 0.0, "evidence": [], "sources": set()})
        if evidence["source"] in c["sources"]:
            return  # one kind of evidence counts once
        c["sources"].add(evidence["source"])
        c["score"] += weight + (0.5 if outlet else 0.0)
        c["evidence"].append(evidence)

    meta = doc.metadata or {}
    site = meta.get("site", {}) if isinstance(meta.get("site"), dict) else {}
    own = {letters(v) for k, v in site.items() if k == "og:site_name" and v}
    # title suffixes: the file's title line, HTML <title>, h1 and og:title
    titles = [("title", doc.title)]
    if meta:
        titles += [("h1", meta.get("h1")), ("og:title", (meta.get("og") or {}).get("title"))]
    for where, title in titles:
        for suffix in _title_suffixes(title):
            if letters(suffix) in own and len(_title_suffixes(title)) > 1:
                continue  # the page's own name after another outlet's
            ev = {"source": "title-suffix", "where": where, "excerpt": suffix}
            if where == "title" and doc.title_span is not None:
                s, e = doc.title_span
                pos = doc.title.rfind(suffix)
                if pos >= 0:
                    ev = _evidence_item(doc, "title-suffix", s + pos, s + pos + len(suffix), doc.text, False, where=where)
            add(suffix, 2.0, ev)
    # metadata links and names
    for label, url in (("canonical", meta.get("canonical")), ("og:url", (meta.get("og") or {}).get("url"))):
        host = _host(url) if isinstance(url, str) else ""
        if not host:
            continue
        match = next((o for o in data.outlets if _host_matches(host, o)), None)
        target = match.name if match else next((k for k in cands if _name_matches_host(k, host)), None)
        if target:
            add(target, 1.5, {"source": "link", "where": label, "excerpt": host}, match)
    for item in meta.get("jsonld") or []:
        pub = item.get("publisher") if isinstance(item, dict) else None
        if isinstance(pub, str) and pub.strip() and letters(pub) not in own:
            add(pub.strip(), 1.5, {"source": "json-ld-publisher", "where": "json-ld", "excerpt": pub.strip()})
    og_site = (meta.get("og") or {}).get("site_name")
    if isinstance(og_site, str) and letters(og_site) in {letters(k) for k in cands}:
        add(og_site, 1.0, {"source": "og:site_name", "where": "og:site_name", "excerpt": og_site})
    # agencies and known outlets named in the body (credits, datelines)
    text = doc.text
    named: dict[str, dict] = {}  # outlet name -> {alias: first match}
    for alias, owner in data.alias_owner.items():
        if alias in text:  # a plain substring test first: most aliases are absent
            for m in _alias_pattern(alias).finditer(text):
                named.setdefault(owner.name, {}).setdefault(m.group(), m)
    for o in data.outlets:
        seen = named.get(o.name)
        if not seen:
            continue
        for i, m in enumerate(sorted(seen.values(), key=lambda m: m.start())[:3]):
            item = _evidence_item(doc, "credit", m.start(), m.end(), text, False)
            if i == 0:
                add(o.name, 1.5, item, o)
            else:
                cands[o.name]["evidence"].append(item)
    # links in the page body to a known outlet ("Read also" teasers)
    if doc.format == "html":
        hosts = sorted({_host(u) for u in _hrefs(doc.source)})
        for o in data.outlets:
            host = next((h for h in hosts if _host_matches(h, o)), None)
            if host:
                add(o.name, 1.0, {"source": "body-link", "where": "a href", "excerpt": host}, o)
    # findings of credit rules (foreign-credit, canonical-mismatch, outlet-suffix-title)
    for f in findings:
        if f.signal in {"foreign-credit", "canonical-mismatch", "outlet-suffix-title"}:
            for key, c in cands.items():
                if letters(key) and letters(key) in letters(f.excerpt) and "finding" not in c["sources"]:
                    c["sources"].add("finding")
                    c["score"] += 0.5
                    c["evidence"].append({"source": "finding", "rule": f.rule, "line": f.line, "column": f.column, "excerpt": f.excerpt})
    if not cands:
        return None, []
    ranked = sorted(cands.values(), key=lambda c: (-c["score"], c["name"]))
    best = ranked[0]
    floor = float(data.meta.get("min_outlet_evidence", 1.5))
    if best["score"] < floor:
        return None, ranked
    total = sum(c["score"] for c in ranked)
    out = {
        "name": best["name"],
        "kind": best["outlet"].kind if best["outlet"] else "outlet",
        "language": best["outlet"].language if best["outlet"] else None,
        "confidence": _confidence(best["score"], total, floor),
        "evidence": best["evidence"][: int(data.meta.get("max_evidence", 12))],
    }
    if len(ranked) > 1:
        out["others"] = [c["name"] for c in ranked[1:4]]
    return out, ranked


# ---------------------------------------------------------------------------
# language


def _scope_text(doc, scope: str, suffixes=()) -> tuple[str, bool]:
    if scope == "title-suffix":
        return " | ".join(suffixes), False
    if scope == "title":
        return doc.title or "", False
    if scope == "chrome":
        return doc.chrome or "", False
    return doc.text, False


def _language(doc, findings, info, outlet, candidates, data: OriginData) -> dict | None:
    scores: dict[str, float] = {}
    evidence: list[tuple[float, dict]] = []
    suffixes = []
    if outlet:
        suffixes = sorted({e["excerpt"] for e in outlet["evidence"] if e.get("source") == "title-suffix"})

    def credit(languages: dict, hits: int, cap: int, items: list[dict]):
        x = _feature(hits, cap)
        for lang, w in languages.items():
            scores[lang] = scores.get(lang, 0.0) + w * x
        top = max(languages.values())
        for item in items[:cap]:
            evidence.append((top * x / max(1, min(hits, cap)), item))

    folded: dict[str, str] = {}  # the prefilter: a clue runs only when a literal it needs is there
    for clue in data.clues:
        items = []
        if clue.pattern is not None:
            text, in_source = _scope_text(doc, clue.scope, suffixes)
            if clue.pattern.literals is not None:
                if clue.scope not in folded:
                    folded[clue.scope] = fold(text)
                if not any(lit in folded[clue.scope] for lit in clue.pattern.literals):
                    continue
            for m in clue.pattern.finditer(text):
                if m.end() == m.start():
                    continue
                if clue.scope == "body":
                    item = _evidence_item(doc, "clue", m.start(), m.end(), text, in_source, clue=clue.id)
                else:
                    item = {"source": "clue", "clue": clue.id, "where": clue.scope, "excerpt": make_excerpt(text, m.start(), m.end())}
                items.append(item)
                if len(items) >= clue.max_hits:
                    break
        elif clue.rule is not None:
            for f in findings:
                if (f.rule == clue.rule or f.rule.startswith(clue.rule + ".")) and (clue.excerpt is None or clue.excerpt.search(f.excerpt)):
                    items.append({"source": "finding", "clue": clue.id, "rule": f.rule, "line": f.line, "column": f.column, "excerpt": f.excerpt})
                    if len(items) >= clue.max_hits:
                        break
        if items:
            _attach_rules(items, findings)
            credit(clue.languages, len(items), clue.max_hits, items)
    # untranslated passages
    if info is not None and info.code:
        weight = float(data.meta.get("fragment_weight", 3.0))
        by_lang: dict[str, list[dict]] = {}
        for p in info.passages:
            if p.language != info.code and p.language != "en":
                by_lang.setdefault(p.language, []).append(
                    _evidence_item(doc, "untranslated-passage", p.start, p.end, doc.text, False, language=p.language)
                )
        for lang, items in by_lang.items():
            credit({lang: weight}, len(items), 2, items)
    # known outlets' languages (from the title, links or JSON-LD, not from a
    # mere mention), and the named outlet's country domain
    total = sum(c["score"] for c in candidates) or 1.0
    for c in candidates:
        o = c["outlet"]
        structural = c["sources"] & {"title-suffix", "link", "json-ld-publisher", "body-link"}
        if o is not None and o.language and o.language != "en" and structural:
            w = float(data.meta.get("outlet_language_weight", 2.0)) * min(1.0, 1.5 * c["score"] / total)
            credit({o.language: w}, 1, 1, [{"source": "outlet", "excerpt": o.name, "language": o.language}])
    if outlet:
        if not outlet.get("language"):
            for ev in outlet["evidence"]:
                if ev.get("source") == "link":
                    tld = ev["excerpt"].rsplit(".", 1)[-1]
                    lang = data.domains.get(tld)
                    if lang:
                        credit({lang: float(data.meta.get("domain_language_weight", 1.5))}, 1, 1, [{"source": "domain", "excerpt": ev["excerpt"], "language": lang}])
                        break
    scores = {k: v for k, v in scores.items() if k != "en"}
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    code, top = ranked[0]
    floor = float(data.meta.get("min_language_evidence", 1.5))
    if top < floor:
        return None
    total = sum(scores.values())
    keep = int(data.meta.get("max_evidence", 12))
    items = [item for _, item in sorted(evidence, key=lambda t: (-t[0], t[1].get("line", 0), t[1].get("column", 0)))]
    items = [i for i in items if _points_to(i, code, data)][:keep]
    return {
        "code": code,
        "confidence": _confidence(top, total, floor),
        "evidence": items,
        "scores": {k: round(v, 2) for k, v in ranked[:4]},
    }


def _points_to(item: dict, code: str, data: OriginData) -> bool:
    if "language" in item:
        return item["language"] == code
    clue = next((c for c in data.clues if c.id == item.get("clue")), None)
    return clue is None or code in clue.languages


def _attach_rules(items: list[dict], findings) -> None:
    """Name the rule whose finding sits at the same place as a text clue."""
    at = {}
    for f in findings:
        at.setdefault((f.line, f.column), f.rule)
    for item in items:
        if "rule" not in item and "line" in item:
            rule = at.get((item["line"], item["column"]))
            if rule:
                item["rule"] = rule


def infer(doc, findings, info=None, data: OriginData | None = None) -> dict:
    """The ``origin`` field of a report: source language and source outlet."""
    data = data or load_origin_data()
    outlet, candidates = _outlet(doc, findings, data)
    language = _language(doc, findings, info, outlet, candidates, data)
    return {"language": language, "outlet": outlet}


def report_fields(doc, info, findings, with_readability: bool = True) -> dict:
    """The language, passage, readability and origin fields of a report.

    Readability loads textstat (a quarter of a second); runs whose output
    cannot show it (a pre-commit hook's, an evaluation) pass False.
    """
    from .kinds.untranslated import language_name
    from .readability import readability

    lang = info.as_dict()
    if lang["code"]:
        lang["name"] = language_name(lang["code"])
    passages = []
    for p in info.passages:
        line, column = doc.position(p.start)
        passages.append({
            "line": line,
            "column": column,
            "language": p.language,
            "confidence": p.confidence,
            "words": p.words,
            "whole_paragraph": p.whole_paragraph,
            "excerpt": make_excerpt(doc.text, p.start, p.end),
        })
    return {
        "language": lang,
        "language_passages": passages,
        "readability": readability(doc.text, info.code) if with_readability else None,
        "origin": infer(doc, findings, info),
    }
