"""HTML pages: body versus chrome, metadata, provenance checks, positions, messy markup.

Every fixture is written here; nothing outside the repository is read.
"""

from __future__ import annotations

import html as htmllib
import json
import time

import pytest

from audit import Auditor, document, load_catalogue, load_weights
from audit.cli import main
from audit.htmlpage import source_text_stream

PARA = (
    "The council voted on Tuesday to approve the new cycle lanes on the harbour road after a long debate "
    "about parking, safety and the cost of the scheme."
)
PARA2 = (
    "Residents who had campaigned for the lanes for a decade said the decision was overdue, while several "
    "shop owners warned that the loss of parking would hurt trade."
)
HEADLINE = "Council approves new cycle lanes for the harbour road"


def page(
    *,
    head: str = "",
    body_extra: str = "",
    after_body: str = "",
    site: str = "harbourpost.example",
    title: str | None = None,
    content: str | None = None,
) -> str:
    title = title or f"{HEADLINE} | Harbour Post"
    content = content if content is not None else f"<p>{PARA}</p>\n<p>{PARA2}</p>"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta property="og:image" content="https://{site}/media/lanes.jpg">
{head}
</head>
<body>
<header class="site-header"><a href="https://{site}/" rel="home"><img src="https://{site}/logo.png" alt="Harbour Post"></a>
<nav class="main-menu"><ul><li><a href="https://{site}/">Home</a></li><li><a href="https://{site}/local/">Local news</a></li></ul></nav></header>
<main>
<article>
<h1 class="entry-title">{HEADLINE}</h1>
<p class="byline">By Jane Fielding</p>
<div class="entry-content">
{content}
{body_extra}
</div>
{after_body}
</article>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="https://{site}/a/">{HEADLINE}</a></li></ul></aside>
</main>
<footer class="site-footer"><p>&copy; 2024 Harbour Post. Share this: Facebook</p></footer>
<div class="cookie-banner"><p>We use cookies to give you the best experience.</p></div>
<script>var msg = "Spread the love"; document.write("Read also: nothing");</script>
</body>
</html>
"""


def load_html(source: str | bytes, path: str = "page.html") -> document.Document:
    data = source.encode("utf-8") if isinstance(source, str) else source
    return document.from_bytes(path, data)


@pytest.fixture(scope="module")
def html_auditor():
    return Auditor(load_catalogue(), load_weights())


def only(report, prefix):
    return [f for f in report["findings"] if f["rule"].startswith(prefix)]


# ---------------------------------------------------------------------------
# positions: every finding's excerpt stands at its line and column


def _fold(text: str) -> str:
    return " ".join(htmllib.unescape(text).split())


def assert_positions(source: str, report: dict) -> None:
    lines = source.split("\n")
    for f in report["findings"]:
        assert 1 <= f["line"] <= len(lines), f
        start = sum(len(x) + 1 for x in lines[: f["line"] - 1]) + f["column"] - 1
        window = source[start: start + 40 * len(f["excerpt"]) + 400]
        visible = _fold(source_text_stream(window)[0])
        raw = _fold(window)
        want = _fold(f["excerpt"].rstrip("…"))
        assert want, f
        assert visible.startswith(want) or raw.startswith(want), (
            f"{f['rule']} at {f['line']}:{f['column']}: excerpt {want!r} is not at that place: {visible[:120]!r}"
        )


# ---------------------------------------------------------------------------
# body versus chrome


def test_body_leaves_out_chrome_and_scripts():
    doc = load_html(page())
    assert PARA in doc.text and PARA2 in doc.text
    for chrome in ("Local news", "Most read", "We use cookies", "Share this", "Spread the love", "Read also"):
        assert chrome not in doc.text, chrome
    assert "Local news" in doc.chrome


def test_share_widget_inside_body_stays_in():
    widget = '<div class="sharing-box"><div class="sharing-title">Spread the love</div><a href="#">Facebook</a></div>'
    doc = load_html(page(content=widget + f"<p>{PARA}</p>"))
    assert "Spread the love" in doc.text


def test_read_more_teaser_inside_body_stays_in_but_own_related_aside_does_not():
    teaser = '<p><strong>Read more:</strong> <a href="https://other.example/x">Older story</a></p>'
    aside = '<aside class="related-inline"><h2>Related coverage</h2><ul><li><a href="/x">Other story</a></li></ul></aside>'
    doc = load_html(page(body_extra=teaser + aside))
    assert "Read more:" in doc.text
    assert "Related coverage" not in doc.text


def test_author_box_after_body_is_read():
    box = '<div class="author-box"><h4>Jane Fielding</h4><p>Jane Fielding has covered the harbour since 2015.</p></div>'
    doc = load_html(page(after_body=box))
    assert "has covered the harbour since 2015" in doc.text
    assert doc.text.index(PARA) < doc.text.index("has covered the harbour")


def test_body_found_without_class_names():
    source = f"""<html><body><div id="top"><a href="/">Home</a> | <a href="/news/">News</a></div>
<div id="x1"><div id="x2"><p>{PARA}</p><p>{PARA2}</p><p>{PARA}</p></div></div>
<div id="bottom"><p>Copyright 2024</p></div></body></html>"""
    doc = load_html(source)
    assert doc.text.startswith(PARA)
    assert "Copyright" not in doc.text and "Home" not in doc.text


# ---------------------------------------------------------------------------
# metadata


def test_metadata_in_report(html_auditor, valid):
    head = """<meta name="description" content="Cycle lanes approved.">
<meta name="author" content="Jane Fielding">
<link rel="canonical" href="https://www.harbourpost.example/local/lanes/">
<meta property="og:url" content="https://www.harbourpost.example/local/lanes/">
<meta property="og:site_name" content="Harbour Post">
<meta property="og:title" content="Council approves new cycle lanes">
<meta name="twitter:card" content="summary_large_image">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Council approves","datePublished":"2024-05-01","author":{"@type":"Person","name":"Jane Fielding"},"publisher":{"@id":"#org"}},{"@type":"Organization","@id":"#org","name":"Harbour Post"}]}</script>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": broken</script>"""  # noqa: E501 (markup lines as pages have them)
    report = valid(html_auditor.audit_text(page(head=head), fmt="html", path="meta.html"))
    meta = report["metadata"]
    assert meta["title"].startswith(HEADLINE) and meta["h1"] == HEADLINE and meta["lang"] == "en"
    assert meta["description"] == "Cycle lanes approved." and meta["author"] == "Jane Fielding"
    assert meta["og"]["site_name"] == "Harbour Post" and meta["twitter"]["card"] == "summary_large_image"
    assert meta["canonical"] == "https://www.harbourpost.example/local/lanes/"
    ld = meta["jsonld"][0]
    assert (ld["headline"], ld["author"], ld["publisher"], ld["datePublished"]) == ("Council approves", "Jane Fielding", "Harbour Post", "2024-05-01")
    assert meta["jsonld_errors"] == 1
    assert meta["site"]["served_from"] == "harbourpost.example" and meta["site"]["canonical"] == "harbourpost.example"
    assert meta["byline"] == "By Jane Fielding"
    assert not only(report, "canonical-mismatch")


# ---------------------------------------------------------------------------
# provenance checks, each with an honest counterpart

COPIED_HEAD = """<link rel="canonical" href="https://www.lakeside-tribune.example/news/lanes/">
<meta property="og:url" content="https://www.lakeside-tribune.example/news/lanes/">
<meta property="og:site_name" content="Lakeside Tribune">
<meta name="author" content="Oliver Grant">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves","publisher":{"@type":"Organization","name":"Lakeside Tribune"}}</script>"""  # noqa: E501 (markup lines as pages have them)


def test_copied_head_is_reported_at_its_tags(html_auditor, valid):
    source = page(head=COPIED_HEAD)
    report = valid(html_auditor.audit_text(source, fmt="html", path="copied.html"))
    rules = {f["rule"] for f in only(report, "canonical-mismatch")}
    # the JSON-LD publisher agrees with the (copied) og:site_name: the site-name finding covers both
    assert rules == {"canonical-mismatch.canonical", "canonical-mismatch.site-name", "canonical-mismatch.author-meta"}
    canonical = [f for f in report["findings"] if f["rule"] == "canonical-mismatch.canonical"]
    assert len(canonical) == 2  # the link and og:url
    lines = source.split("\n")
    for f in canonical:
        assert "lakeside-tribune.example" in lines[f["line"] - 1]
        assert f["excerpt"].startswith("https://www.lakeside-tribune.example")
    assert all(f["contribution"] > 0 for f in only(report, "canonical-mismatch"))
    assert_positions(source, report)


def test_publisher_differing_from_site_name(html_auditor):
    head = COPIED_HEAD.replace('content="Lakeside Tribune"', 'content="Harbour Post"')
    source = page(head=head)
    report = html_auditor.audit_text(source, fmt="html")
    hits = [f for f in report["findings"] if f["rule"] == "canonical-mismatch.publisher"]
    assert len(hits) == 1 and hits[0]["excerpt"] == "Lakeside Tribune"
    assert '"publisher"' in source.split("\n")[hits[0]["line"] - 1]
    assert_positions(source, report)


def test_own_head_passes(html_auditor):
    head = """<link rel="canonical" href="https://www.harbourpost.example/news/lanes/">
<meta property="og:url" content="https://harbourpost.example/news/lanes/">
<meta property="og:site_name" content="Harbour Post">
<meta name="author" content="Jane Fielding">
<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Harbour Post Media Ltd"}}</script>"""
    report = html_auditor.audit_text(page(head=head), fmt="html")
    assert not only(report, "canonical-mismatch")


def test_credited_syndication_is_provenance_not_evidence(html_auditor, valid):
    head = """<link rel="canonical" href="https://www.lakeside-tribune.example/news/lanes/">
<meta property="og:url" content="https://www.lakeside-tribune.example/news/lanes/">
<meta property="og:site_name" content="Harbour Post">
<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Harbour Post"},"sourceOrganization":{"name":"Lakeside Tribune","url":"https://www.lakeside-tribune.example/"}}</script>"""
    credit = '<p><em>This article first appeared in the <a href="https://www.lakeside-tribune.example/news/lanes/">Lakeside Tribune</a>.</em></p>'
    source = page(head=head, body_extra=credit)
    report = valid(html_auditor.audit_text(source, fmt="html"))
    assert not only(report, "canonical-mismatch")
    prov = report["metadata"]["provenance"]
    assert prov["sourceOrganization"] == "Lakeside Tribune"
    assert prov["credit"].startswith("This article first appeared in the Lakeside Tribune")
    assert "first appeared" in source.split("\n")[prov["credit_line"] - 1]


def test_site_option_decides_the_own_site(tmp_path, capsys):
    path = tmp_path / "p.html"
    path.write_text(page(head=COPIED_HEAD.split("\n")[0]), encoding="utf-8")
    main(["scan", str(path), "--no-output", "--format", "json", "--select", "canonical-mismatch.canonical"])
    found = json.loads(capsys.readouterr().out)
    found = found[0] if isinstance(found, list) else found
    assert found["findings"]
    main(["scan", str(path), "--no-output", "--format", "json", "--select", "canonical-mismatch.canonical",
          "--site", "lakeside-tribune.example"])
    passed = json.loads(capsys.readouterr().out)
    passed = passed[0] if isinstance(passed, list) else passed
    assert not passed["findings"]


def test_hidden_headline_copy(html_auditor, valid):
    hidden = f'<div class="seo-text"><h2>{HEADLINE}</h2><p>{PARA}</p><p>Tags: cycle lanes, harbour road</p></div>'
    css = "<style>.seo-text{{display:none!important}}</style>".replace("{{", "{").replace("}}", "}")
    source = page(head=css, body_extra=hidden)
    doc = load_html(source)
    assert "Tags: cycle lanes" not in doc.text  # kept apart from the visible body
    report = valid(html_auditor.audit_text(source, fmt="html"))
    hits = [f for f in report["findings"] if f["rule"] == "doubled-title.hidden-copy"]
    assert len(hits) == 1 and hits[0]["excerpt"] == HEADLINE
    assert_positions(source, report)


def test_hidden_share_dialog_with_headline_passes(html_auditor):
    dialog = f'<div class="share-dialog" style="display:none"><p>Share: {HEADLINE}</p></div>'
    report = html_auditor.audit_text(page(after_body=dialog), fmt="html")
    assert not [f for f in report["findings"] if f["rule"] == "doubled-title.hidden-copy"]


def test_responsive_hiding_is_not_hidden():
    css = "<style>@media (max-width: 600px) { .wide-only { display: none } }</style>"
    doc = load_html(page(head=css, content=f'<div class="wide-only"><p>{PARA}</p></div><p>{PARA2}</p>'))
    assert PARA in doc.text


# ---------------------------------------------------------------------------
# messy pages


def test_unclosed_tags_and_entities(html_auditor):
    content = (
        "<p>The mayor&rsquo;s plan costs &pound;2m &amp; more &#8211; and the &quot;fund&quot; is empty.\n"
        "<p>Stray ampersand: fish & chips<li>an item without its list\n<p>" + PARA
    )
    source = page(content=content)
    doc = load_html(source)
    assert "The mayor’s plan costs £2m & more – and the \"fund\" is empty." in doc.text
    assert "fish & chips" in doc.text and PARA in doc.text
    i = doc.text.index("£2m")
    line, col = doc.position(i)
    assert source.split("\n")[line - 1][col - 1:].startswith("&pound;2m")
    assert_positions(source, html_auditor.audit_text(source, fmt="html"))


def test_inline_script_and_noscript_text_is_not_body():
    content = (
        f"<p>{PARA}</p><script>document.write('<p>Spread the love</p>');</script>"
        "<noscript><p>Advertise with us today</p></noscript>" + f"<p>{PARA2}</p>"
    )
    doc = load_html(page(content=content))
    assert "Spread the love" not in doc.text and "Advertise with us" not in doc.text
    assert PARA2 in doc.text
    line, col = doc.position(doc.text.index(PARA2))
    assert doc.source.split("\n")[line - 1][col - 1:].startswith(PARA2[:30])


def test_windows_1252_declared_over_utf8_bytes_decodes_right(html_auditor):
    source = page(head='<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
                  content=f"<p>The café’s “cream teas” cost £6.50 — {PARA}</p>").replace('<meta charset="utf-8">', "")
    doc = load_html(source.encode("utf-8"))
    assert "The café’s “cream teas” cost £6.50 —" in doc.text
    report = html_auditor.audit_bytes("cp.html", source.encode("utf-8"))
    assert not only(report, "mangled-quotes.mojibake")


def test_literal_mojibake_in_the_page_is_reported_where_it_stands(html_auditor):
    source = page(content=f"<p>{PARA}</p>\n<p>The cafÃ©â€™s owner said: â€œWe are proud.â€\x9d</p>")
    report = html_auditor.audit_bytes("moji.html", source.encode("utf-8"))
    hits = only(report, "mangled-quotes.mojibake")
    assert hits
    lines = source.split("\n")
    for f in hits:
        assert "cafÃ©" in lines[f["line"] - 1]
    assert_positions(source, report)


def test_very_large_dom_is_fast_enough(html_auditor):
    rows = "".join(f'<div class="item"><span>{i}</span><a href="/x/{i}">link {i}</a></div>' for i in range(20000))
    source = page(content=f"<p>{PARA}</p>" + rows + f"<p>{PARA2}</p>")
    start = time.perf_counter()
    report = html_auditor.audit_text(source, fmt="html")
    assert report["error"] is None
    assert time.perf_counter() - start < 30


def test_ten_thousand_deep_nesting(html_auditor, valid):
    deep = "<div>" * 10000 + f"<p>{PARA}</p>" + "</div>" * 10000
    source = page(content=deep)
    doc = load_html(source)
    assert PARA in doc.text
    report = valid(html_auditor.audit_text(source, fmt="html"))
    assert report["error"] is None and not report["rule_errors"]


def test_unclosed_deep_nesting_without_end_tags(html_auditor):
    source = "<html><body>" + "<div><span>" * 5000 + PARA
    report = html_auditor.audit_text(source, fmt="html")
    assert report["error"] is None


# ---------------------------------------------------------------------------
# every finding on every fixture of this file points at its evidence

MESSY = [
    page(head=COPIED_HEAD),
    page(content="<p>Spread the love</p><p>Share this:</p><p>" + PARA + "<p>" + HEADLINE + "</p><p>" + PARA2),
    page(content=f"<p>{PARA}</p><p>Read more: <a href='https://x.example'>the other story</a></p><p>He said it was “ a mistake ”.</p>"),
    page(content="<p>M. Dupont said the the council &laquo;had acted&raquo; ; kyiv agreed.</p><p>" + PARA),
    page(content=("<div>" * 300) + f"<p>{PARA} thanks to to the &amp; council</p>" + ("</div>" * 300)),
    page(head="<style>.x{display:none}</style>", content=f"<div class='x'><h2>{HEADLINE}</h2><p>{PARA}</p></div><p>{PARA}</p>"),
]


@pytest.mark.parametrize("index", range(len(MESSY)))
def test_every_finding_points_at_its_evidence(index, html_auditor, valid):
    source = MESSY[index]
    report = valid(html_auditor.audit_text(source, fmt="html", path=f"messy-{index}.html"))
    assert report["error"] is None
    assert_positions(source, report)


def test_positions_fixture_set_has_findings(html_auditor):
    total = sum(len(html_auditor.audit_text(s, fmt="html")["findings"]) for s in MESSY)
    assert total >= 6
