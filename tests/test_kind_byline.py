"""Kinds byline-*: a name printed twice, a bio naming famous outlets, a bio's foreign outlet."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import byline


class _Lists:
    def __init__(self, **lists):
        self.lists = dict(lists)

    def word_list(self, name):
        return tuple(self.lists[name])


LISTS = _Lists(famous=["Northern Ledger", "Coast Herald", "Valley Times", "Times"])


def _rule(kind, **params):
    return Rule(id="spam-byline.test", signal="spam-byline", category="scraping", kind=kind,
                summary="s", why="w", lookalikes="l", message="m", params=params, flag=("x",), passes=("y",))


def _hits(kind, text, fmt="text", **params):
    rule = _rule("k", **params)
    doc = from_bytes("t." + ("html" if fmt == "html" else "txt"), text.encode(), fmt=fmt)
    return [(h.start, doc.text[h.start:h.end], dict(h.fields)) for h in kind.run(rule, kind.compile(rule, LISTS), doc)]


# byline-repeated-name

def test_name_alone_then_by_name_is_flagged():
    text = "Storm floods harbour\n\nMarta Lindqvist\n\nBy Marta Lindqvist\n\nThe water rose overnight."
    assert _hits(byline.REPEATED_NAME, text) == [(22, "Marta Lindqvist", {"name": "Marta Lindqvist"})]


def test_name_once_or_a_different_byline_passes():
    assert _hits(byline.REPEATED_NAME, "Storm floods harbour\n\nBy Marta Lindqvist\n\nThe water rose overnight.") == []
    assert _hits(byline.REPEATED_NAME, "Marta Lindqvist\n\nBy Jon Berg\n\nThe water rose overnight.") == []


# byline-famous-bio

BIO = "The water rose overnight.\n\nJon Berg is a staff writer whose work has appeared in the Northern Ledger, the Coast Herald and the Valley Times."


def test_bio_naming_enough_famous_outlets_is_flagged():
    [(start, _, fields)] = _hits(byline.FAMOUS_BIO, BIO, outlets_from="famous")
    assert start == BIO.index("Northern Ledger")
    assert fields == {"outlets": "Northern Ledger, Coast Herald, Valley Times"}


def test_min_outlets_and_non_bio_paragraphs():
    assert _hits(byline.FAMOUS_BIO, BIO, outlets_from="famous", min_outlets=4) == []
    # the same outlets named in the story, not in a bio, pass
    story = "The Northern Ledger, the Coast Herald and the Valley Times all covered the flood."
    assert _hits(byline.FAMOUS_BIO, story, outlets_from="famous") == []
    two = "Jon Berg is a staff writer whose work has appeared in the Northern Ledger and the Coast Herald."
    assert _hits(byline.FAMOUS_BIO, two, outlets_from="famous") == []


# byline-foreign-outlet

def _page(bio, site="Harbor Daily", title="Storm floods harbour"):
    return (f'<html><head><title>{title}</title><meta property="og:site_name" content="{site}"></head>'
            f"<body><article><h1>{title}</h1><p>The water rose overnight and the quay was closed to traffic.</p>"
            f"<p>{bio}</p></article></body></html>")


def test_before_joining_another_outlet_than_the_site_is_flagged():
    hits = _hits(byline.FOREIGN_OUTLET, _page("Before joining Lakeside Courier, Jon Berg covered courts."), "html")
    assert [(name, f["outlet"], f["why"]) for _, name, f in hits] == [
        ("Lakeside Courier", "Lakeside Courier", "not the site's own name")]


def test_before_joining_the_site_itself_passes():
    assert _hits(byline.FOREIGN_OUTLET, _page("Before joining Harbor Daily, Jon Berg covered courts."), "html") == []


def test_outlet_in_the_title_suffix_is_the_copied_source():
    page = _page("Before joining Lakeside Courier, Jon Berg covered courts.", title="Storm floods harbour - Lakeside Courier")
    assert [f["why"] for _, _, f in _hits(byline.FOREIGN_OUTLET, page, "html")] == ["the outlet named in the title, not the site"]


def test_without_site_identity_the_bio_email_decides():
    text = ("The water rose overnight.\n\nBefore joining Lakeside Courier, Jon Berg covered courts. "
            "Email me at jon@harbordaily.example.")
    assert [f["why"] for _, _, f in _hits(byline.FOREIGN_OUTLET, text)] == ["not the outlet of the bio's own e-mail address"]
    same = text.replace("harbordaily", "lakesidecourier")
    assert _hits(byline.FOREIGN_OUTLET, same) == []
