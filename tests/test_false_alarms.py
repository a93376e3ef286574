"""Honest shapes that used to read as traces: each passes, while its traced
counterpart still flags. Run through the shipped catalogue, rule by rule."""

from __future__ import annotations

import pytest




@pytest.fixture(scope="module")
def hits(rule_hits):
    return rule_hits


# ---- phrase rules: a site's own single labels ---------------------------------

def test_a_lone_share_label_passes_but_a_widget_flags(hits):
    lone = "Share\n\nCommentary\n\nThe council met on Monday to discuss the budget.\n\nShare\n\nIt will meet again in June."
    assert hits("share-widget-text", lone) == []
    widget = "The council met on Monday.\n\nShare\nTweet\nEmail\n\nIt will meet again in June."
    assert hits("share-widget-text", widget)


def test_share_closing_a_hard_wrapped_sentence_is_no_widget(hits):
    wrapped = ("The company offered 12 dlrs cash for each outstanding\nshare.\n"
               "    It said the offer would expire on May 5.\n")
    assert hits("share-widget-text", wrapped) == []
    assert hits("share-widget-text", "The company made its offer.\n\nShare.\nTweet\n\nMore soon.")


def test_an_empty_related_box_before_prose_passes_a_filled_one_flags(hits):
    empty = ("The mayor opened the bridge on Sunday.\n\nRead also\n\n"
             "The new crossing, which took three years to build and cost more than planned, carries two lanes of "
             "traffic and a cycle path over the river.")
    assert hits("read-also-block", empty) == []
    filled = "The mayor opened the bridge on Sunday.\n\nRead also\nCouncil delays vote on harbour fees\n\nThe crossing carries two lanes."
    assert hits("read-also-block", filled)


# ---- pattern kind: per-length minimum and lower-case lines --------------------

def test_doubled_content_words_need_two_and_more_in_a_long_text(hits):
    short = " ".join(["The committee met on Tuesday and reviewed the figures for the quarter."] * 20)
    long = " ".join([short] * 6)  # some 1,400 words: four doubled words needed
    one, two = "The harbour fees fees were raised. ", "The harbour fees fees were raised and the dues dues too. "
    assert hits("doubled-word.weak", one + short) == []
    assert hits("doubled-word.weak", two + short)
    assert hits("doubled-word.weak", two + long) == []
    assert hits("doubled-word.weak", two + two.replace("fees fees", "tolls tolls") + long)


def test_lower_case_wire_lines_are_not_broken_sentences(hits):
    flash = "omaha, may 4 - hog prices were steady in light trade, the\nmarket board said. top 48.50 dlrs, few lots at 49.00.\n"
    assert hits("broken-sentence", flash) == []
    mt = "The ministers met on Tuesday.\nThe region lies below sea level. the pumps ran all night.\n"
    assert hits("broken-sentence", mt) == ["level. the"]


# ---- doubled-title: strong and weak forms -------------------------------------

TITLE = "Ferry crews walk out over new rosters"
BODY = "Crews on the island routes stopped work at dawn, and the operator cancelled the first sailings."


def test_title_twice_at_the_top_is_strong_not_weak(hits):
    text = f"{TITLE}\n\n{TITLE}\n\n{BODY}"
    assert hits("doubled-title", text) and hits("doubled-title.weak", text) == []


def test_title_again_further_down_is_weak_not_strong(hits):
    text = f"{TITLE}\n\n{BODY}\n\nThe union said talks would resume on Friday.\n\n{TITLE}\n\nMore to follow."
    assert hits("doubled-title", text) == [] and hits("doubled-title.weak", text)


def test_a_page_title_with_its_site_name_before_the_h1_is_weak_only(hits):
    text = f"{TITLE} | The Island Courier\nFollow us\n\n{TITLE}\n\n{BODY}"
    assert hits("doubled-title", text) == [] and hits("doubled-title.weak", text)
    other = f"Island ferry news and notes | May 11\n\n{BODY}\n\nIsland ferry news and notes | May 9\n\nThe union met the operator."
    assert hits("doubled-title", other) == [] and hits("doubled-title.weak", other) == []


def test_a_repeated_lede_is_strong_a_repeated_caption_is_not(hits):
    lede = "The operator said every sailing on the northern routes would be cancelled until Thursday at the earliest."
    assert hits("doubled-title", f"{TITLE}\n\n{lede}\n{lede}\n\nMore to follow.")
    caption = "A deckhand ties up the evening ferry at the quay on Monday. REUTERS/Jane Doe"
    assert hits("doubled-title", f"{TITLE}\n\n{BODY}\n\n{caption}\n{caption}\n\nMore to follow.") == []


def test_a_listing_that_prints_each_teaser_twice_is_not_strong(hits):
    teasers = ["Night market opens on the old quay", "Bakery wins the regional bread prize", "Five new cafes to try this month"]
    text = "Weekend eating\n\n" + "\n\n".join(f"{t}\n{t}" for t in teasers)
    assert hits("doubled-title", text) == []


# ---- untranslated-fragment: names stay, scripts without capitals still count --

def test_a_foreign_name_passes_a_sentence_in_a_caseless_script_flags(hits):
    name = ("The group said it had agreed to buy the 21 pct stake held by\n"
            "<Banque des Entrepreneurs et des Artisans Reunis> (BEAR) in the firm.\n\nIt gave no price.")
    assert hits("untranslated-fragment", name) == []
    caseless = ("The ministry issued a statement on Tuesday about the new hospital in the north.\n\n"
                "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في شمال المدينة لخدمة السكان.\n\n"
                "The building will open to patients in the spring, officials said.")
    assert hits("untranslated-fragment", caseless)


# ---- doubled-title: a picture's caption and alt text below the headline -------

def test_a_short_caption_printed_twice_below_the_headline_is_not_strong(hits):
    caption = "Harbour master Jane Doe"
    text = f"{TITLE}\n\nMay 11, 2024\n{caption}\n{caption}\n\n{BODY}"
    assert hits("doubled-title", text) == []
    # the headline itself printed twice below a shorter line still flags
    text = f"Island news\n\nMay 11, 2024\n{TITLE}\n\n{TITLE}\n\n{BODY}"
    assert hits("doubled-title", text)
    # and a headline printed twice below a line of menu text longer than a caption
    text = f"Read the island news every morning in your inbox\n\n{TITLE}\n{TITLE}\n\n{BODY}"
    assert hits("doubled-title", text)


# ---- republish-footer.source-line: a credit to the page's own outlet ---------

def test_a_source_line_naming_the_page_s_own_outlet_passes(hits):
    text = "The bridge will stay closed until the inspectors report in the spring.\n\nSource: Valley Courier"
    rule = "republish-footer.source-line"
    assert hits(rule, text, url="https://www.valleycourier.com/news/bridge-closed") == []
    assert hits(rule, text, url="https://www.harbourdigest.net/news/bridge-closed") == ["Source: Valley Courier"]
    assert hits(rule, text) == ["Source: Valley Courier"]


def test_a_listing_s_teasers_printed_twice_are_not_weak_either(hits):
    teasers = ["Night market opens on the old quay", "Bakery wins the regional bread prize", "Five new cafes to try this month"]
    text = "Weekend eating\n\n" + "\n\n".join(f"{t}\nBy Food Desk\n{t}" for t in teasers)
    assert hits("doubled-title", text) == [] and hits("doubled-title.weak", text) == []


def test_a_section_name_printed_three_times_is_a_label_not_a_headline(hits):
    label = "The Island Courier in English"
    text = f"{label}\n\n{BODY}\n\nThe union said talks would resume on Friday.\n\n{label}\n\nAbout us\n\n{label}"
    assert hits("doubled-title.weak", text) == []
    once = f"{label}\n\n{BODY}\n\nThe union said talks would resume on Friday.\n\n{label}"
    assert hits("doubled-title.weak", once)


# ---- glued-text: the page's own brand written as one word --------------------

def test_the_page_s_own_camel_case_brand_is_not_glued_text(hits):
    text = "The ferry resumes on Monday, the operator told quayNews.\n\nDistributed by quayNews under licence."
    assert hits("glued-text", text, url="https://www.quaynews.com/local/ferry") == []
    assert hits("glued-text", text, url="https://www.harbourdigest.net/local/ferry") == ["quayNews", "quayNews"]


def test_a_related_story_then_its_clipped_label_is_not_strong(hits):
    related = "Volunteers count the seabirds nesting on the northern cliffs for the first time in a decade"
    clipped = "Volunteers count the seabirds nesting on the northern cliffs for the first time in"
    text = f"{TITLE}\n\n{BODY}\n\nThe union said talks would resume on Friday.\n\nMore stories\n\n{related}\n\n{clipped}"
    assert hits("doubled-title", text) == []
    # the scraper's order, a cut teaser and then the whole paragraph, still flags
    text = f"{TITLE}\n\n{BODY}\n\n{clipped}\n\n{related}\n\nMore to follow."
    assert hits("doubled-title", text)


# ===========================================================================
# Honest page shapes the scraping rules no longer read as traces, each next
# to its traced counterpart, which still flags.

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
