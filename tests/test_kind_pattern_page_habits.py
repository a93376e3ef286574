"""Kind pattern: a page's own habits (consistent typesetting, the other notation, layout lines) are no evidence."""

from __future__ import annotations

import pytest

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import casing, pattern

SPACED = r"\w+ (?P<mark>[:;?!])(?=\s)"


def _rule(**params):
    return Rule(id="foreign-typography.test", signal="foreign-typography", category="machine_translation",
                kind="pattern", summary="s", why="w", lookalikes="l", message="m", params=params,
                flag=("x",), passes=("y",))


def _spans(rule, text):
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [doc.text[h.start:h.end] for h in pattern.run(rule, pattern.compile(rule, None), doc)]


def test_house_style_drops_a_mark_the_page_always_spaces():
    rule = _rule(pattern=SPACED, house_style=r"\w{mark}\s")
    page = "Ports : strike\nRail : delays\nRoads : closures\n"
    assert _spans(rule, page) == []
    # one closed-up colon elsewhere: the spaces are scattered, every one counts
    mixed = page + "The minister said: talks resume.\n"
    assert _spans(rule, mixed) == ["Ports :", "Rail :", "Roads :"]
    # the habit is per mark: spaced colons kept as house style do not excuse a spaced question mark
    assert _spans(rule, page + "Why ? Nobody said.\n") == ["Why ?"]


def test_house_style_needs_enough_uses():
    rule = _rule(pattern=SPACED, house_style=r"\w{mark}\s", house_style_min=3)
    assert _spans(rule, "Ports : strike\nRail : delays\n") == ["Ports :", "Rail :"]


def test_house_style_needs_a_mark_group():
    with pytest.raises(ValueError):
        pattern.compile(_rule(pattern=r"\w+ :", house_style=r"\w{mark}\s"), None)


def test_skip_line_shape_drops_matches_on_lines_of_that_shape():
    rule = _rule(pattern=r"\w+ ,", skip_line_shape=r"[^,.]+(?: , [^,.]+){2,}")
    text = "Harbour , Ferries , Port strike\nThe mayor , who spoke late, left.\n"
    assert _spans(rule, text) == ["mayor ,"]


def test_skip_if_text_drops_every_match_on_a_page_that_writes_it_the_other_way():
    rule = _rule(pattern=r"\d,\d million", skip_if_text=r"\d\.\d+ million")
    assert _spans(rule, "It cost 3,5 million.") == ["3,5 million"]
    assert _spans(rule, "It cost 3,5 million, and the rest 1.25 million.") == []


class _Catalogue:
    def __init__(self, lists):
        self.lists = lists

    def word_list(self, name):
        return self.lists[name]


def _casing(text, **params):
    rule = Rule(id="kyiv-casing.test", signal="kyiv-casing", category="machine_translation", kind="lowercase-name",
                summary="s", why="w", lookalikes="l", message="m", params={"names_from": "names", **params},
                flag=("x",), passes=("y",))
    prep = casing.compile(rule, _Catalogue({"names": ["Kiev", "Brussels"], "ok": ["chicken kiev", "brussels sprouts"]}))
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [doc.text[h.start:h.end] for h in casing.run(rule, prep, doc)]


def test_lowercase_name_inside_a_listed_phrase_passes():
    text = "Lunch was chicken kiev with brussels\nsprouts; the talks in brussels ran late."
    assert _casing(text) == ["kiev", "brussels", "brussels"]
    assert _casing(text, phrases_from="ok") == ["brussels"]
