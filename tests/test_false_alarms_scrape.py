"""Honest page shapes the scraping rules no longer read as traces, each next to
its traced counterpart, which still flags. Run through the shipped catalogue,
one rule at a time."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def hits(rule_hits):
    return rule_hits


# ---- doubled-title -----------------------------------------------------------

def test_an_alt_text_then_its_credited_caption_is_no_teaser_copy(hits):
    alt = "Harbour master Jane Doe inspects the new pontoon before the regatta on the east quay"
    caption = alt + " on Saturday morning, as crews finish the moorings. Photo credit: Staff"
    body = "\n\nThe regatta returns to the harbour after a two-year break.\n\nCrews worked through the night."
    assert hits("doubled-title", alt + "\n" + caption + body) == []
    # a teaser cut short and then the paragraph whole, with no credit: the scraper's copy
    teaser = alt + " on Saturday morning, as crews finish the moorings and the club readies its boats."
    assert hits("doubled-title", alt + "\n" + teaser + body)
    # the headline whole, then the headline with a credit after a separator: still a copy
    headline = "Harbour board approves new fees for the visiting yachts this summer"
    assert hits("doubled-title", headline + "\n" + headline + " || image credits: harbour board" + body)


def test_a_heading_with_a_bracketed_qualifier_is_the_sites_section(hits):
    section = "Weekly Briefing by the Harbour Board Spokesperson"
    text = f"{section}\nMonday, May 6, 2024\n{section} (Excerpt)\n\nQUESTION: When will the pier reopen?"
    assert hits("doubled-title", text) == []
    suffixed = f"{section}\nMonday, May 6, 2024\n{section} - The Quay Courier\n\nQUESTION: When will the pier reopen?"
    assert hits("doubled-title", suffixed)


# ---- glued-text --------------------------------------------------------------

def test_quoted_camel_case_keys_of_a_feed_are_not_glued_words(hits):
    feed = '[{"id":"a1","allowReplies":true,"replyCount":0,"extraFields":{},"tagList":[]}]'
    assert hits("glued-text", feed) == []
    prose = "The ferry resumed service inUkraine after repairs.\n\nCrews said the harbourWalls had held."
    assert hits("glued-text", prose) == ["inUkraine", "harbourWalls"]


# ---- nav-remnant.prev-next ---------------------------------------------------

def test_bare_previous_and_next_buttons_are_the_sites_own(hits):
    buttons = "The pier reopens in May.\n\nPREVIOUS STORY\n\nNEXT STORY\n\nRECOMMENDED FOR YOU"
    assert hits("nav-remnant.prev-next", buttons) == []
    copied = ("The pier reopens in May.\n\nPrevious article\nHarbour board names a new chair after a long search\n\n"
              "Next article\nLifeboat crew rescues two walkers cut off by the tide")
    assert hits("nav-remnant.prev-next", copied) == ["Previous article", "Next article"]


# ---- source-chrome-residue.furniture -----------------------------------------

def test_a_donation_appeal_naming_the_pages_own_outlet_is_its_own(hits):
    text = ("Crews walked out on Monday.\n\nYour support keeps our harbour reporting free.\n\n"
            "At Quay Courier, we never put our stories behind a paywall.")
    assert hits("source-chrome-residue.furniture", text, url="https://quaycourier.org/harbour/strike") == []
    assert hits("source-chrome-residue.furniture", text, url="https://copyfarm.example/harbour/strike")
    # the address unknown, the appeal stays weak evidence
    assert hits("source-chrome-residue.furniture", text)


# ---- outlet-suffix-title -----------------------------------------------------

@pytest.mark.parametrize("credit", ["IST", "Handout", "File Photo"])
def test_a_photo_credit_closing_an_opening_caption_is_no_outlet(hits, credit):
    text = f"Harbour master of the northern port, Jane Doe - {credit}\n\nFerry crews strike again\n\nCrews walked out."
    assert hits("outlet-suffix-title", text, url="https://en.quaycourier.example/ferry-strike") == []
    copied = "Ferry crews strike for a second weekend – The Bayside Herald\n\nCrews walked out."
    assert hits("outlet-suffix-title", copied, url="https://en.quaycourier.example/ferry-strike")


def test_a_title_ending_with_the_pages_own_site_name_then_its_h1_is_its_own_markup(hits):
    text = ("Harbour board approves new mooring fees | The Quay Courier\n\nHarbour board approves new mooring fees\n\n"
            "The board voted on Monday to raise the fees for visiting yachts.")
    assert hits("doubled-title.weak", text, url="https://www.quaycourier.example/harbour/fees") == []
    assert hits("doubled-title.weak", text, url="https://www.copyfarm.example/harbour/fees")


# ---- blog-leftover.theme-widget ----------------------------------------------

def test_a_back_to_top_button_is_no_theme_widget_but_a_ticker_label_is(hits):
    story = "The harbour board approved the dredging plan on Tuesday.\n\nWork starts in June."
    assert hits("blog-leftover.theme-widget", story + "\n\nBack to top button") == []
    assert hits("blog-leftover.theme-widget", "Hot News\n\n" + story) == ["Hot News"]
