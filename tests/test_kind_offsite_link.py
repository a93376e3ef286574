"""Kind offsite-link: a labelled line whose link leaves the site."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import offsite_link

RULE = Rule(id="read-also-block.t", signal="read-also-block", category="scraping", kind="offsite-link",
            summary="s", why="w", lookalikes="l", message="m", params={"pattern": r"^Read more\b[^\n]*"}, flag=("x",), passes=("y",))

HEAD = '<html><head><link rel="canonical" href="https://www.own.example/story/"></head><body><article>'
BODY = "<p>The first paragraph of the story is long enough to be the article body.</p>"


def _hits(html, fmt="html"):
    doc = from_bytes("t.html", html.encode(), fmt=fmt)
    prep = offsite_link.compile(RULE, None)
    return [(doc.text[h.start:h.end], dict(h.fields).get("host")) for h in offsite_link.run(RULE, prep, doc)]


def test_link_to_other_outlet_is_flagged():
    page = HEAD + BODY + '<p><strong>Read more:</strong> <a href="https://www.source.example/a/">Dam comes down</a></p></article></body></html>'
    assert _hits(page) == [("Read more: Dam comes down", "source.example")]


def test_own_and_relative_links_pass():
    page = HEAD + BODY + ('<p>Read more: <a href="/news/b/">Own story</a></p>'
                          '<p>Read more: <a href="https://own.example/c/">Own again</a></p></article></body></html>')
    assert _hits(page) == []


def test_without_own_host_or_in_plain_text_nothing_is_judged():
    page = "<html><body><article>" + BODY + '<p>Read more: <a href="https://source.example/a/">X</a></p></article></body></html>'
    assert _hits(page) == []
    assert _hits("Read more: https://source.example/a/", fmt="text") == []


def test_host_of():
    assert offsite_link.host_of("https://www.Example.org:443/x") == "example.org"
    assert offsite_link.is_own("news.example.org", {"example.org"})
