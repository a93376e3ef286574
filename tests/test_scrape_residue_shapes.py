"""Residue that rewriting tools and flattening scrapers leave inside the
running text: a second full stop after a sentence's own, an article left in
front of a possessive, pictographs injected into words, a cross-link label
pulled into a paragraph, and a feed footer glued to an excerpt. Each rule runs
alone through the shipped catalogue; the honest form of the same text passes."""

from __future__ import annotations

import pytest

from _page_texts import LEDE, MORE


# spinner-residue.stray-stop


@pytest.mark.parametrize("end", [". . ", "! . ", ".” . "])
def test_stray_stop_after_a_sentence(rule_hits, end):
    assert len(rule_hits("spinner-residue.stray-stop", f"{LEDE}{end}{MORE}")) == 1


def test_stray_stop_at_a_paragraph_end(rule_hits):
    assert len(rule_hits("spinner-residue.stray-stop", f"{LEDE}. .\n\n{MORE}")) == 1


@pytest.mark.parametrize("text", [
    f"{LEDE}. . . {MORE}",          # a spaced ellipsis
    f"{LEDE} . . . {MORE}",
    f"{LEDE}.. {MORE}",             # a typing slip, not a cut clause
    "The U. S. and E. U. delegations met on Monday.",
    "Scores: 4. . 5. . 6.",         # figures, not words
    f"{LEDE}. {MORE}",
])
def test_stray_stop_honest_forms(rule_hits, text):
    assert rule_hits("spinner-residue.stray-stop", text) == []


# spinner-residue.article-possessive


@pytest.mark.parametrize("phrase", ["the his deputy", "a their statement", "the all the latest", "The our harbour"])
def test_article_before_a_possessive(rule_hits, phrase):
    assert len(rule_hits("spinner-residue.article-possessive", f"{LEDE}, said {phrase} figures. {MORE}")) == 1


@pytest.mark.parametrize("text", [
    f"{LEDE}, his deputy said. {MORE}",
    f"{LEDE}, the board said its figures were sound. {MORE}",
    "The Your Money Show returns on Monday.",
    f"{LEDE}, all the latest figures show. {MORE}",
])
def test_article_possessive_honest_forms(rule_hits, text):
    assert rule_hits("spinner-residue.article-possessive", text) == []


# char-injection


def test_symbol_inside_a_word(rule_hits):
    assert len(rule_hits("char-injection", f"The board will re\u2602locate the depot. {MORE}")) == 1


def test_symbols_glued_to_several_words_of_one_line(rule_hits):
    text = f"Board \U0001F624Rejects \U0001F5F3Dredging Bid in \U0001F30DPort\n\n{MORE}"
    assert len(rule_hits("char-injection", text)) >= 2


@pytest.mark.parametrize("text", [
    f"\U0001F525Harbour market deals this week\n\n{MORE}",   # one glued emoji in a lively heading
    f"{LEDE} \U0001F389\n\n{MORE}",                        # set apart by a space
    f"\u2600 Sunny\n\u2602 Showers later\n\n{MORE}",        # icons before list items
    "Sunny \u2600 then showers \u2602 by evening.",
])
def test_injected_symbol_honest_forms(rule_hits, text):
    assert rule_hits("char-injection", text) == []


# read-also-block.inline


@pytest.mark.parametrize("label", ["Read also", "See also", "Lire aussi :", "Lesen Sie auch:"])
def test_read_also_label_inside_a_paragraph(rule_hits, label):
    text = f"{LEDE}. {label} The port authority named a contractor. {MORE}"
    assert [h.rstrip(" :") for h in rule_hits("read-also-block.inline", text)] == [label.rstrip(" :")]


@pytest.mark.parametrize("text", [
    f"{LEDE}.\n\nRead also: Port authority names contractor\n\n{MORE}",   # the site's own box on its line
    f"{LEDE} (see also page 4). {MORE}",
    f"{LEDE}; see also the annex. {MORE}",
    f"{LEDE}. Read also the annex before the meeting. {MORE}",           # lower case: prose
])
def test_read_also_inline_honest_forms(rule_hits, text):
    assert rule_hits("read-also-block.inline", text) == []


# republish-footer.appeared-first


def test_feed_footer_glued_to_an_excerpt(rule_hits):
    text = f"{LEDE}...The post Harbour Board Delays Dredging appeared first on Quay Street Herald."
    assert rule_hits("republish-footer.appeared-first", text) == [
        "The post Harbour Board Delays Dredging appeared first on Quay Street Herald."
    ]


def test_feed_footer_words_inside_a_sentence_pass(rule_hits):
    text = f"{LEDE}, and the post office appeared first on the list of closures."
    assert rule_hits("republish-footer.appeared-first", text) == []
