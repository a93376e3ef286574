"""Kind body-pattern: a regex that counts only in running text of the body."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import body_pattern


def _rule(**params):
    return Rule(id="timestamp-boilerplate.t", signal="timestamp-boilerplate", category="scraping", kind="body-pattern",
                summary="s", why="w", lookalikes="l", message="m", params=params, flag=("x",), passes=("y",))


def _hits(rule, text, fmt="text"):
    doc = from_bytes("t." + ("html" if fmt == "html" else "txt"), text.encode(), fmt=fmt)
    prep = body_pattern.compile(rule, None)
    return [doc.text[h.start:h.end] for h in body_pattern.run(rule, prep, doc)]


STAMP = r"^(?:Published|Updated)[^\n]*\d:\d\d[^\n]*$"


def test_plain_text_counts_every_match():
    assert _hits(_rule(pattern=STAMP), "Published 9:14 a.m. | Updated 7:02 p.m.\n\nText.") == ["Published 9:14 a.m. | Updated 7:02 p.m."]


def test_html_paragraph_counts_header_does_not():
    page = """<html><body><article>
<header><div class="story__meta"><span class="timestamps">Published <time>May 8, 9:14 p.m.</time></span></div></header>
<p>The council voted on Tuesday night after a long debate about the plan.</p>
<p>Updated on 20/02/2024 at 19:40</p>
<p>The scheme will cost $2.3 million and should open next spring, officials said.</p>
</article></body></html>"""
    assert _hits(_rule(pattern=STAMP), page, "html") == ["Updated on 20/02/2024 at 19:40"]


def test_unclosed_paragraphs_do_not_leak_context():
    page = "<html><body><article><p>First paragraph of the story, long enough to count.<p>Updated 10:15 today<p>More text of the story follows here.</article></body></html>"
    assert _hits(_rule(pattern=STAMP), page, "html") == ["Updated 10:15 today"]


def test_require_tags_and_plain_text_skipped():
    rule = _rule(pattern=r"^Economy$", require_tags=["li"])
    assert _hits(rule, "Economy\n\nThe story.") == []
    page = "<html><body><article><ul><li>Economy</li></ul><p>The agreement expires at the end of the year, officials said.</p></article></body></html>"
    assert _hits(rule, page, "html") == ["Economy"]


def test_min_hits():
    rule = _rule(pattern=r"\b[a-z]{2,}[A-Z][a-z]{3,}\b", min_hits=2)
    assert _hits(rule, "fighting inUkraine today") == []
    assert _hits(rule, "fighting inUkraine and nearKharkiv") == ["inUkraine", "nearKharkiv"]


def test_enclosing_stack():
    src = '<div class="a"><nav class="breadcrumbs"><a href="/">Home</a> x</nav><p>y'
    assert [t for t, _ in body_pattern.enclosing(src, src.index(" x"))] == ["div", "nav"]
    assert [t for t, _ in body_pattern.enclosing(src, len(src))] == ["div", "p"]
