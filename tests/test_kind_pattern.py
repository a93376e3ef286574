"""Kind pattern: a regex, optionally masked to English prose or to the article's running text."""

from __future__ import annotations

import pytest

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import _furniture, pattern


def _rule(**params):
    return Rule(id="foreign-typography.test", signal="foreign-typography", category="machine_translation",
                kind="pattern", summary="s", why="w", lookalikes="l", message="m", params=params,
                flag=("x",), passes=("y",))


def _prose(**params):
    return _rule(skip=["non-prose"], **params)


def _body(**params):
    return _rule(skip=["page-furniture"], **params)


def _spans(rule, text, fmt="text", catalogue=None):
    doc = from_bytes("t." + {"text": "txt", "html": "html", "markdown": "md"}[fmt], text.encode(), fmt=fmt)
    prep = pattern.compile(rule, catalogue)
    return [doc.text[h.start:h.end] for h in pattern.run(rule, prep, doc)]


def test_unknown_skip_and_misplaced_sub_options_are_errors():
    with pytest.raises(ValueError):
        pattern.compile(_rule(pattern="x", skip=["prose"]), None)
    with pytest.raises(ValueError):
        pattern.compile(_rule(pattern="x", skip_mentions=False), None)
    with pytest.raises(ValueError):
        pattern.compile(_prose(pattern="x", skip_tags=["nav"]), None)
    with pytest.raises(ValueError):
        pattern.compile(_rule(pattern="x", group="missing"), None)


def test_without_skip_every_match_counts():
    text = "France writes ‘50 000’ where we write 50,000.\n\n    x = 40 000\n"
    assert _spans(_rule(pattern=r"\d+ 000"), text) == ["50 000", "40 000"]
    page = "<html><body><article><header><time>Updated 10:15 today</time></header><p>Text of the story.</p></article></body></html>"
    assert _spans(_rule(pattern=STAMP), page, "html") == ["Updated 10:15 today"]


# skip = ["non-prose"]

def test_matches_in_prose():
    assert _spans(_prose(pattern=r"\d+ 000"), "Some 50 000 soldiers were trained.") == ["50 000"]


def test_skips_html_marked_as_another_language_or_code():
    html = ('<html><body><article><p>France writes <code lang="fr">50 000</code> and '
            '<i lang="fr">20 000 euros</i>, but the farm printed 30 000 tonnes.</p></article></body></html>')
    assert _spans(_prose(pattern=r"\d+ 000"), html, fmt="html") == ["30 000"]


def test_skips_tables_and_code_lines():
    text = "Gusts\n\n  Jersey      80 000     129\n  Brest       99 000     159\n\n    x = 40 000\n"
    assert _spans(_prose(pattern=r"\d+ 000"), text) == []


def test_skips_short_mentions_unless_told_not_to():
    text = "France writes ‘50 000’ where we write 50,000."
    assert _spans(_prose(pattern=r"\d+ 000"), text) == []
    assert _spans(_prose(pattern=r"\d+ 000", skip_mentions=False), text) == ["50 000"]


def test_long_quotation_in_english_is_still_prose():
    text = "“We trained some 50 000 soldiers this year and we will train more,” he said."
    assert _spans(_prose(pattern=r"\d+ 000"), text) == ["50 000"]


def test_quotation_in_another_language_is_skipped():
    text = "The bulletin read « Vents violents : restez chez vous ! » for the coast."
    assert _spans(_prose(pattern=r" [:!]"), text) == []


def test_exceptions_group():
    rule = _prose(pattern=r"(?P<prev>\w{2,})\.[ ](?P<next>[a-z]{2,})", exceptions=["etc"], exceptions_group="prev", group="next")
    assert _spans(rule, "Apples, pears, etc. and more. in Paris.") == ["in"]


# skip = ["page-furniture"], require_tags, min_hits

STAMP = r"^(?:Published|Updated)[^\n]*\d:\d\d[^\n]*$"


def test_plain_text_counts_every_match():
    assert _spans(_body(pattern=STAMP), "Published 9:14 a.m. | Updated 7:02 p.m.\n\nText.") == ["Published 9:14 a.m. | Updated 7:02 p.m."]


def test_html_paragraph_counts_header_does_not():
    page = """<html><body><article>
<header><div class="story__meta"><span class="timestamps">Published <time>May 8, 9:14 p.m.</time></span></div></header>
<p>The council voted on Tuesday night after a long debate about the plan.</p>
<p>Updated on 11/07/2023 at 06:15</p>
<p>The scheme will cost $2.3 million and should open next spring, officials said.</p>
</article></body></html>"""
    assert _spans(_body(pattern=STAMP), page, "html") == ["Updated on 11/07/2023 at 06:15"]


def test_unclosed_paragraphs_do_not_leak_context():
    page = ("<html><body><article><p>First paragraph of the story, long enough to count."
            "<p>Updated 10:15 today<p>More text of the story follows here.</article></body></html>")
    assert _spans(_body(pattern=STAMP), page, "html") == ["Updated 10:15 today"]


def test_require_tags_and_plain_text_skipped():
    rule = _body(pattern=r"^Economy$", require_tags=["li"])
    assert _spans(rule, "Economy\n\nThe story.") == []
    page = "<html><body><article><ul><li>Economy</li></ul><p>The agreement expires at the end of the year, officials said.</p></article></body></html>"
    assert _spans(rule, page, "html") == ["Economy"]


def test_min_hits():
    rule = _body(pattern=r"\b[a-z]{2,}[A-Z][a-z]{3,}\b", min_hits=2)
    assert _spans(rule, "fighting inUkraine today") == []
    assert _spans(rule, "fighting inUkraine and nearKharkiv") == ["inUkraine", "nearKharkiv"]


def test_enclosing_stack():
    src = '<div class="a"><nav class="breadcrumbs"><a href="/">Home</a> x</nav><p>y'
    assert [t for t, _ in _furniture.enclosing(src, src.index(" x"))] == ["div", "nav"]
    assert [t for t, _ in _furniture.enclosing(src, len(src))] == ["div", "p"]
