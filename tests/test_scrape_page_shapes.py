"""Scraping traces by the role of a line on the page: a traced page flags each
rule, and the honest page of the same shape (an outlet's own listing page, a
licensed wire story with its credit, a site's own stamps and notices) passes.
Run through the shipped catalogue, rule by rule."""

from __future__ import annotations

import pytest



BODY = (
    "The harbour board met on Monday to discuss the dredging contract, which has been delayed twice "
    "since the winter storms damaged the outer wall and silted the channel."
)
MORE = (
    "Board members said the work would start in May if the weather held, and that the ferry timetable "
    "would not change while the dredgers were in the harbour."
)


@pytest.fixture(scope="module")
def hits(rule_hits):
    return rule_hits


# An outlet's own listing page: headlines, dated stamps, one 'Read more' each,
# its own copyright line. Nothing of another site.
OWN_LISTING = "\n\n".join([
    "Harbour board delays dredging contract",
    "Posted on May 3, 2024 at 9:15 a.m.",
    BODY,
    "Read more",
    "Ferry timetable stays the same this summer",
    "Posted on May 2, 2024 at 4:40 p.m.",
    MORE,
    "Read more",
    "© 2024 The Dale Gazette. All rights reserved.",
])

# A licensed wire story as a subscriber prints it: the agency's dateline and
# a photo credit set off on its own line, and the syndication note as a sentence.
LICENSED_WIRE = "\n\n".join([
    "Harbour board delays dredging contract",
    "PORTVILLE (AP) — " + BODY,
    "Photo: Jane Roe / AP",
    MORE,
    "This article originally appeared on The Dale Gazette and is republished here under licence.",
])

HONEST_PAGES = [OWN_LISTING, LICENSED_WIRE]

NEW_RULES = [
    "timestamp-boilerplate.relative",
    "timestamp-boilerplate.empty",
    "inline-photo-credit.copyright-sign",
    "republish-footer.link-out",
    "source-chrome-residue.furniture",
    "spinner-residue.title-template",
    "nav-remnant.author-archive",
    "glued-text",
]


@pytest.mark.parametrize("rule_id", NEW_RULES)
@pytest.mark.parametrize("page", range(len(HONEST_PAGES)), ids=["own-listing", "licensed-wire"])
def test_honest_pages_of_the_same_shape_pass(hits, rule_id, page):
    assert hits(rule_id, HONEST_PAGES[page]) == []


def test_an_aggregator_item_with_a_relative_stamp_and_a_bare_counter_flags(hits):
    page = "Harbour board delays dredging contract\n\n2 hours ago 14\n\n" + BODY + "\n\n" + MORE
    assert hits("timestamp-boilerplate.relative", page) == ["2 hours ago 14"]
    # the same words inside a sentence are prose
    prose = BODY + " The board first raised the matter 2 hours ago, a member said.\n\n" + MORE
    assert hits("timestamp-boilerplate.relative", prose) == []


def test_a_listing_that_stamps_every_teaser_down_the_page_passes(hits):
    teasers = "\n\n".join(f"Harbour notice number {i}\n\n{i + 1} hours ago\n\n{BODY}" for i in range(4))
    listing = "Latest from the harbour\n\n" + BODY + " " + MORE + "\n\n" + teasers
    assert hits("timestamp-boilerplate.relative", listing) == []


def test_stamp_labels_without_their_dates_flag_with_dates_pass(hits):
    empty = "Harbour board delays dredging contract\n\nPosted on Updated on\n\n" + BODY
    assert hits("timestamp-boilerplate.empty", empty) == ["Posted on Updated on"]
    dated = "Harbour board delays dredging contract\n\nPosted on May 3, 2024 Updated on May 4, 2024\n\n" + BODY
    assert hits("timestamp-boilerplate.empty", dated) == []


def test_an_image_credit_flags_a_site_copyright_line_passes(hits):
    copied = BODY + "\n\nDredgers wait outside the harbour wall © Coastline Pictures / Lena Marsh\n\n" + MORE
    assert hits("inline-photo-credit.copyright-sign", copied) == ["© Coastline Pictures / Lena Marsh"]
    assert hits("inline-photo-credit.copyright-sign", BODY + "\n\n© The Dale Gazette 2024") == []
    assert hits("inline-photo-credit.copyright-sign", BODY + "\n\nCopyright © Dale Gazette Ltd") == []


def test_a_link_back_fused_to_the_copied_headline_flags(hits):
    fused = BODY + "\n\nHarbour board delays dredging contract originally appeared on Valley Courier"
    assert hits("republish-footer.link-out", fused)
    source = BODY + "\nSource Link Harbour board delays dredging contract"
    assert hits("republish-footer.link-out", source)


def test_a_source_sites_furniture_flags_only_as_whole_lines(hits):
    copied = BODY + "\n\nView photo\n\n" + MORE + "\n\nRelated Quotes\n"
    assert hits("source-chrome-residue.furniture", copied) == ["View photo", "Related Quotes"]
    prose = BODY + " Visitors can view photos of the works at the library.\n\n" + MORE
    assert hits("source-chrome-residue.furniture", prose) == []


def test_glued_headings_count_only_when_two_or_more(hits):
    one = "Will the Harbour Reopen?Officials said the dredging ends in May.\n\n" + MORE
    assert hits("glued-text", one) == []
    two = one + "\n\nWhat Comes Next?The board meets again in June, and the ferry runs againThe week after."
    assert len(hits("glued-text", two)) >= 2


def test_a_spam_headline_template_flags_the_same_words_in_a_sentence_pass(hits):
    assert hits("spinner-residue.title-template", "Indicators on Harbour Dredging You Should Know\n\n" + BODY)
    assert hits("spinner-residue.title-template", "Leading indicators on the harbour economy fell.\n\n" + BODY) == []
