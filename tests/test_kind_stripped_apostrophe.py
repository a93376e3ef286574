"""Kind stripped-apostrophe: a word whose apostrophe was stripped, judged against the same text."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import stripped_apostrophe


def _rule(**params):
    return Rule(id="mangled-quotes.test", signal="mangled-quotes", category="scraping", kind="stripped-apostrophe",
                summary="s", why="w", lookalikes="l", message="m", params=params, flag=("x",), passes=("y",))


def _hits(text, **params):
    rule = _rule(**params)
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(doc.text[h.start:h.end], h.start, dict(h.fields)["original"])
            for h in stripped_apostrophe.run(rule, stripped_apostrophe.compile(rule, None), doc)]


def test_elision_stripped_elsewhere_in_the_text_is_flagged_anywhere():
    text = "Readers of L’Express wrote in.\n\nA letter to LExpress followed, in a long paragraph of text."
    assert _hits(text) == [("LExpress", 44, "L’Express")]


def test_without_the_apostrophe_form_nothing_is_judged():
    assert _hits("A letter to LExpress followed.") == []


def test_stripped_possessive_counts_only_on_a_slug_like_line():
    text = "Moscows latest threat to the grid\n\nMoscow’s latest threat is to the power grid, officials said."
    assert _hits(text) == [("Moscows", 0, "Moscow’s")]
    # the same word in running prose reads as a plural and passes
    prose = "The Council’s budget passed.\n\nTwo Councils met on Monday and voted on the plan."
    assert _hits(prose) == []


def test_max_words_limits_the_slug_line():
    text = "Moscows latest threat to the grid\n\nMoscow’s latest threat is to the power grid, officials said."
    assert _hits(text, max_words=3) == []


def test_listed_exceptions_are_ordinary_words():
    text = "They don’t agree.\n\nWe dont know why."
    assert _hits(text) == [("dont", 22, "don’t")]
    assert _hits(text, exceptions=["Dont"]) == []
