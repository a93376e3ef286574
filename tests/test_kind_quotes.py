"""Kinds quote-marks-*: guillemets around English, a closing quote after a space, a stray closing quote."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import quotes


class _Lists:
    def __init__(self, **lists):
        self.lists = dict(lists)

    def word_list(self, name):
        return tuple(self.lists[name])


LISTS = _Lists(en=["the", "and", "of", "to", "is", "was", "we", "will"], fo=["le", "la", "les", "et", "de", "est", "nous"])


def _rule(kind, **params):
    return Rule(id="mangled-quotes.test", signal="mangled-quotes", category="scraping", kind=kind,
                summary="s", why="w", lookalikes="l", message="m", params=params, flag=("x",), passes=("y",))


def _spans(kind, text, rule=None):
    rule = rule or _rule("k")
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(h.start, doc.text[h.start:h.end]) for h in kind.run(rule, kind.compile(rule, LISTS), doc)]


GUILLEMETS_RULE = _rule("quote-marks-guillemets", english_from="en", foreign_from="fo")


def _guillemets(text):
    return _spans(quotes.GUILLEMETS, text, GUILLEMETS_RULE)


# guillemets

def test_guillemets_around_english_words_are_flagged():
    text = "The minister said «we will defend the rights of the people» on Monday."
    assert _guillemets(text) == [(18, "«we will defend the rights of the people")]


def test_quoted_french_passes():
    assert _guillemets("The bulletin read «nous sommes la voix de la nation et de le peuple» today.") == []


def test_breadcrumbs_and_link_arrows_pass():
    assert _guillemets("Home » World » Europe\n\nRead more »\n\nThe story of the day and the night.") == []


def test_guillemets_compile_reads_both_lists():
    english, foreign = quotes.GUILLEMETS.compile(GUILLEMETS_RULE, LISTS)
    assert "the" in english and "la" in foreign


# closing-after-space

def test_closing_quote_detached_before_punctuation_is_flagged():
    text = "He condemned the “provocations ”. Then he left."
    assert _spans(quotes.CLOSING_AFTER_SPACE, text) == [(18, "provocations ”.")]


def test_closing_quote_with_nothing_opened_or_spaced_normally_passes():
    assert _spans(quotes.CLOSING_AFTER_SPACE, "He condemned the “provocations”. Then he left.") == []
    assert _spans(quotes.CLOSING_AFTER_SPACE, "A measurement of 12 ” , then more.") == []


# stray-closing

def test_closing_quote_with_no_opening_is_flagged():
    text = "The plan was ready, he said.” The vote follows."
    assert _spans(quotes.STRAY_CLOSING, text) == [(0, "The plan was ready, he said.”")]


def test_paired_quotes_and_multi_paragraph_quotes_pass():
    assert _spans(quotes.STRAY_CLOSING, "“The plan was ready,” he said.") == []
    text = "“The plan was ready.\n\n“We start on Monday,” she said."
    assert _spans(quotes.STRAY_CLOSING, text) == []


def test_straight_opening_and_markup_attributes_pass():
    assert _spans(quotes.STRAY_CLOSING, "\"The plan was ready,” he said.") == []
    assert _spans(quotes.STRAY_CLOSING, "Left over: <div class=”story”> and text.") == []
