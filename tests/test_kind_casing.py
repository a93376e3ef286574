"""Kind lowercase-name: a gazetteer's proper noun written in lower case in running text."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import casing


class _Lists:
    """A stand-in catalogue holding word lists in memory."""

    def __init__(self, **lists):
        self.lists = dict(lists)

    def word_list(self, name):
        return tuple(self.lists[name])


LISTS = _Lists(places=["Kharkiv", "Lviv", "Odesa", "iPhone"])
RULE = Rule(id="kyiv-casing.test", signal="kyiv-casing", category="machine_translation", kind="lowercase-name",
            summary="s", why="w", lookalikes="l", message="m", params={"names_from": "places"}, flag=("x",), passes=("y",))


def _hits(text):
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(h.start, h.end, dict(h.fields)["name"]) for h in casing.run(RULE, casing.compile(RULE, LISTS), doc)]


def test_lower_case_name_in_prose_is_flagged_with_its_proper_form():
    assert _hits("Shelling hit kharkiv and lviv overnight.") == [(13, 20, "Kharkiv"), (25, 29, "Lviv")]


def test_proper_capitals_and_lower_case_names_pass():
    assert _hits("Shelling hit Kharkiv and LVIV overnight.") == []
    # a name whose proper form is lower case at the start is not flagged
    assert _hits("She bought an iphone, then an iPhone.") == [(14, 20, "iPhone")]


def test_urls_addresses_hashtags_and_slugs_pass():
    text = ("See https://news.example/kharkiv today, www.lviv.example, mail press@odesa.example, "
            "tag #kharkiv, file lviv.jpg and the slug kharkiv-food-guide.")
    assert _hits(text) == []


def test_names_are_whole_words():
    assert _hits("The kharkivska oblast and lvivian food.") == []
