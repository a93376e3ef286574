"""Kinds site-identity-*: another outlet's identity on a page served from an unrelated domain.

Each check is run on a page with its own address (the outlet registry of
rules/outlets.toml names the outlets): once on an unrelated site, where it
flags, and once with an honest look-alike (the outlet's own site, a wire
agency's licensed credit, a syndicating outlet's name), which passes.
"""

from __future__ import annotations

import pytest

from audit.catalogue import Catalogue, Rule, rules_dir
from audit.document import addressed, from_bytes
from audit.kinds import site_identity as si

CATALOGUE = Catalogue(rules=[], directory=rules_dir())
CREDIT = {"stop_words_from": "identity-name-stop-words", "agency_words_from": "identity-agency-words",
          "source_labels_from": "identity-source-labels"}
CARD = {"units_from": "scrape-time-units", "ago_after_from": "scrape-ago-after", "ago_before_from": "scrape-ago-before"}
FRAMES = {"frames_from": "identity-interview-frames"}
COPY = "https://copyfarm.example/bridge"
STORY = "Bridge repairs delayed\n\nThe county said on Wednesday that repairs to the river bridge would take until autumn.\n\n"
DATELINE = "Bridge repairs delayed\n\nLEEDS ({}) – The county said repairs to the river bridge would take until autumn."
SIGNOFF = "Bridge repairs delayed\n\nThe county said repairs to the river bridge would take until autumn, and the ferry will run meanwhile. – BBC News"
TITLE = "Bridge repairs delayed until the autumn By {}\n\nThe county said repairs would take longer."
HEADING = "March 2025\n\nBridge repairs delayed until the autumn | BBC News\n\nThe county said repairs would take longer than planned this year."
MARKUP = "Bridge repairs\n<html><head><link rel='canonical' href='https://www.bbc.co.uk/news/bridge-9'></head>"
WIRE_DATELINE = "Bridge repairs delayed\n\nLEEDS (Reuters) — The county said repairs to the river bridge would take until autumn."
WIRE_MENTION = "Bridge photos\n\nThese bridge pictures came from Reuters last week; I liked them."
BLOG = "https://riverwalker.blogspot.com/2025/03/bridge.html"
MASTHEAD = "Archive page\n\n{}LEEDS (AFP) - The county said on Wednesday that repairs to the bridge would take until autumn."
CARD_TEXT = "Topic: bridges\n\nBBC News\n2 hours ago\n\nBridge repairs delayed until autumn\n\nThe county said the work would take longer."


def _hits(kind, text, url, **params):
    rule = Rule(id="identity-mismatch.test", signal="identity-mismatch", category="scraping", kind="k", summary="s", why="w",
                lookalikes="l", message="m", params=params, flag=("x",), passes=("y",), scope="document")
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    if url:
        doc = addressed(doc, url=url)
    return [(h.start, doc.text[h.start:h.end], dict(h.fields)) for h in kind.run(rule, kind.compile(rule, CATALOGUE), doc)]


FLAGGED = [
    # kind, text, address, params, (start, span, outlet)
    ("credit", si.CREDIT, STORY + "This story was originally published by CNN.", COPY, CREDIT, (151, "CNN", "CNN")),
    ("furniture", si.FURNITURE, STORY + "Sign up for the BBC News newsletter to get more stories.", COPY, {}, (128, "BBC News", "BBC")),
    ("address", si.ADDRESS, STORY, "https://mirror.example/https://www.bbc.co.uk/news/bridge", {}, (0, "Bridge repairs delayed", "BBC")),
    ("markup", si.MARKUP, MARKUP, "https://copyfarm.example/p/1", {}, (55, "https://www.bbc.co.uk/news/bridge-9", "bbc.co.uk")),
    ("blog-host", si.BLOG_HOST, WIRE_DATELINE, BLOG, {}, (31, "Reuters", "Reuters")),
    ("blog-host anywhere", si.BLOG_HOST, WIRE_MENTION, BLOG, {"anywhere": True}, (47, "Reuters", "Reuters")),
    ("dateline", si.DATELINE, DATELINE.format("BBC"), COPY, {}, (31, "BBC", "BBC")),
    ("signoff", si.SIGNOFF, SIGNOFF, COPY, {}, (129, "BBC News", "BBC")),
    ("title", si.TITLE, TITLE.format("CNN"), COPY, {}, (43, "CNN", "CNN")),
    ("heading", si.HEADING, HEADING, "https://copyfarm.example/2025", {}, (54, "BBC News", "BBC")),
    ("author", si.AUTHOR, "Bridge repairs delayed\n\nBy BBC News\n\nThe county said repairs would take longer.", COPY, {}, (27, "BBC News", "BBC")),
    ("author page", si.AUTHOR, "Posts by BBC News\n\nBridge repairs delayed\n\nThe county said it.", "https://copyfarm.example/author/bbc-news/page/3", {},
     (0, "Posts by BBC News", "BBC")),
    ("interview", si.INTERVIEW, STORY + "\"It will be worth the wait,\" the county engineer told Sky News.", COPY, FRAMES, (166, "Sky News", "Sky News")),
    ("masthead", si.MASTHEAD, MASTHEAD.format("AFP - Agence France-Presse\n\n"), COPY, {}, (14, "AFP - Agence France-Presse", "Agence France-Presse (AFP)")),
    ("card", si.CARD, CARD_TEXT, "https://copyfarm.example/topic/bridges", CARD, (16, "BBC News", "BBC")),
    ("bare-ip", si.BARE_IP, STORY, "http://198.51.100.23/news/bridge", {}, (0, "Bridge repairs delayed", "198.51.100.23")),
]

PASSED = [
    # the outlet's own site
    ("credit on own site", si.CREDIT, STORY + "This story was originally published by CNN.", "https://edition.cnn.com/bridge", CREDIT),
    ("furniture on own site", si.FURNITURE, STORY + "Sign up for the BBC News newsletter to get more stories.", "https://www.bbc.co.uk/news/bridge", {}),
    ("markup on own site", si.MARKUP, MARKUP, "https://www.bbc.co.uk/news/bridge-9", {}),
    ("signoff on own site", si.SIGNOFF, SIGNOFF, "https://www.bbc.com/news/bridge", {}),
    ("title on own site", si.TITLE, TITLE.format("CNN"), "https://edition.cnn.com/bridge", {}),
    ("heading on own site", si.HEADING, HEADING, "https://www.bbc.co.uk/news/2025", {}),
    ("author on own site", si.AUTHOR, "Bridge repairs delayed\n\nBy BBC News\n\nThe county said it.", "https://www.bbc.co.uk/news/bridge", {}),
    ("interview on own site", si.INTERVIEW, STORY + "\"It will be worth the wait,\" the engineer told Sky News.", "https://news.sky.com/bridge", FRAMES),
    ("card on own site", si.CARD, CARD_TEXT, "https://www.bbc.co.uk/topic/bridges", CARD),
    # licensed copy: a wire agency's credit, a syndicating outlet's name
    ("wire copyright", si.CREDIT, STORY + "Copyright 2025 Reuters. All rights reserved.", COPY, CREDIT),
    ("wire dateline", si.DATELINE, DATELINE.format("Reuters"), COPY, {}),
    ("wire interview", si.INTERVIEW, STORY + "\"It will be worth the wait,\" the engineer told Reuters.", COPY, FRAMES),
    ("syndicating outlet's author page", si.AUTHOR, "Posts by CNN\n\nBridge repairs delayed\n\nThe county said it.",
     "https://copyfarm.example/author/cnn/page/3", {}),
    # nothing of another outlet
    ("plain address", si.ADDRESS, STORY, "https://copyfarm.example/news/bridge-repairs", {}),
    ("wire dateline off a blog host", si.BLOG_HOST, WIRE_DATELINE, "https://countyledger.example/bridge", {}),
    ("wire mention without anywhere", si.BLOG_HOST, WIRE_MENTION, BLOG, {}),
    ("dateline without a masthead", si.MASTHEAD, MASTHEAD.format(""), COPY, {}),
    ("named host", si.BARE_IP, STORY, "https://countyledger.example/news/bridge", {}),
    # no address: no identity to judge by
    ("credit without an address", si.CREDIT, STORY + "This story was originally published by CNN.", None, CREDIT),
    ("dateline without an address", si.DATELINE, DATELINE.format("BBC"), None, {}),
]


@pytest.mark.parametrize(("name", "kind", "text", "url", "params", "expected"), FLAGGED, ids=[c[0] for c in FLAGGED])
def test_another_outlets_identity_is_flagged(name, kind, text, url, params, expected):
    start, span, outlet = expected
    [(got_start, got_span, fields)] = _hits(kind, text, url, **params)
    assert (got_start, got_span, fields["outlet"]) == (start, span, outlet)
    assert fields["site"] in url


@pytest.mark.parametrize(("name", "kind", "text", "url", "params"), PASSED, ids=[c[0] for c in PASSED])
def test_honest_look_alikes_pass(name, kind, text, url, params):
    assert _hits(kind, text, url, **params) == []


def test_address_check_reports_the_encoded_domain():
    [(_, _, fields)] = _hits(si.ADDRESS, STORY, "https://mirror.example/https://www.bbc.co.uk/news/bridge")
    assert fields == {"outlet": "BBC", "domain": "bbc.co.uk", "site": "mirror.example"}
