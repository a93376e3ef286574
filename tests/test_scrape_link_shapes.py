"""Scraping traces left by the links and fields of the page a text was taken
from: an in-body link label with another story's headline, an excerpt closed
by a link to the full story, a byline whose 'By' a spinner reworded, a
template's empty date or author field, and a section heading of an archive.
Each rule runs alone through the shipped catalogue; the honest form of the
same line passes."""

from __future__ import annotations

import pytest

from _page_texts import LEDE, MORE


# read-also-block.link-label


@pytest.mark.parametrize("label", ["Related Reading", "READ MORE", "Recommended", "Related news", "You might also like"])
def test_link_label_with_a_headline_inside_the_body(rule_hits, label):
    text = f"{LEDE}.\n\n{label}: Ferry Timetable Changes As Crews Return To The Quay\n\n{MORE}"
    assert rule_hits("read-also-block.link-label", text) == [f"{label}: Ferry Timetable Changes As Crews Return To The Quay"]


@pytest.mark.parametrize("line", [
    "Read more",                                    # a label alone
    "Related: Ferry timetable changes this summer",  # a bare 'Related:' is an ordinary line
    "Recommended: yes",                              # too short to be a headline
    "Read more: see page four.",                     # lower case after the colon: prose, not a headline
    "Readers recommended: the ferry, the bridge and the quay.",
])
def test_link_label_needs_the_label_then_a_headline(rule_hits, line):
    assert rule_hits("read-also-block.link-label", f"{LEDE}.\n\n{line}\n\n{MORE}") == []


def test_link_label_inside_a_sentence_is_prose(rule_hits):
    text = f"{LEDE}. The clerk said the related reading: was on the agenda for the next meeting of the board."
    assert rule_hits("read-also-block.link-label", text) == []


# republish-footer.full-story


def test_excerpt_closed_by_a_full_story_link(rule_hits):
    assert rule_hits("republish-footer.full-story", f"{LEDE} and the... read full story") != []
    assert rule_hits("republish-footer.full-story", f"{LEDE}.” – READ MORE") != []


def test_full_story_link_needs_a_long_cut_excerpt(rule_hits):
    # a short teaser stub is a listing's own link (left to the teaser-stub rule)
    assert rule_hits("republish-footer.full-story", "Ferry timetable stays the same... read full story") == []
    # a finished sentence and a 'Read more' in ordinary case is a site's own link
    assert rule_hits("republish-footer.full-story", f"{LEDE}. – Read more") == []
    # the words in a sentence
    assert rule_hits("republish-footer.full-story", f"{LEDE}, and readers can read the full story on page four.") == []


# spinner-residue.byline


@pytest.mark.parametrize("byline", ["Through Jane Marlowe", "By means of Jane Marlowe", "By using Daniel K. Okafor"])
def test_spun_byline_at_the_top(rule_hits, byline):
    assert rule_hits("spinner-residue.byline", f"Harbour board delays dredging\n\n{byline}\n\n{LEDE}.") == [byline]


def test_spun_byline_after_a_caption(rule_hits):
    text = f"Harbour board delays dredging\n\nThe quay at dawn. Photographer for the Agency Through Jane Marlowe\n\n{LEDE}."
    assert rule_hits("spinner-residue.byline", text) == ["Through Jane Marlowe"]


@pytest.mark.parametrize("line", ["Through The Storm", "Through Friday", "By Jane Marlowe", "Through Jane Marlowe's eyes"])
def test_honest_lines_opening_with_through_or_by(rule_hits, line):
    assert rule_hits("spinner-residue.byline", f"Harbour board delays dredging\n\n{line}\n\n{LEDE}.") == []


def test_whole_line_byline_form_only_near_the_top(rule_hits):
    # far down the page a two-word heading after 'Through' is a section title
    body = "\n".join([MORE] * 8)
    assert rule_hits("spinner-residue.byline", f"{body}\n\nThrough Central Park\n\n{LEDE}.") == []


# template-placeholder.empty-field


@pytest.mark.parametrize("line", ["2021-3-4 09:42 |", "04/03/2021 ·", "Ferry news | 2021-03-04 | by ( )", "by |"])
def test_empty_stamp_or_author_field(rule_hits, line):
    assert rule_hits("template-placeholder.empty-field", f"{line}\n{LEDE}.") != []


@pytest.mark.parametrize("line", ["2021-3-4 09:42 | Local news", "By Jane Marlowe | 2021-03-04", "Score: 3 | 4", "4 May 2021 |"])
def test_filled_stamp_and_author_fields(rule_hits, line):
    assert rule_hits("template-placeholder.empty-field", f"{line}\n{LEDE}.") == []


# nav-remnant.archive: section and rubric headings


@pytest.mark.parametrize("line", ["Section: Regional news", "Rubrique : Société", "Sección: Internacional", "Filed under: Harbours"])
def test_section_heading_as_a_line(rule_hits, line):
    assert rule_hits("nav-remnant.archive", f"{line}\n\n{LEDE}.") != []


@pytest.mark.parametrize("line", [
    "Section: 4(b) of the act sets the harbour fee, and the rest of it was repealed",
    "The section: a short passage",  # a label inside a sentence
])
def test_section_inside_prose_is_not_a_heading(rule_hits, line):
    assert rule_hits("nav-remnant.archive", f"{LEDE}.\n\n{line} in 2019.") == []
