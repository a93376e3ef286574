"""Kind name-affix: a romanised honorific attached to a name (Tanaka-san, Ahmet Bey, Bapak Widodo)."""

from __future__ import annotations

import pytest

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import name_affix


class _Lists:
    def __init__(self, **lists):
        self.lists = dict(lists)

    def word_list(self, name):
        return tuple(self.lists[name])


LISTS = _Lists(affixes=["-san | Japanese | suffix", "-ssi | Korean | suffix", "Bey | Turkish | after", "Bapak | Indonesian | before"],
               bad=["-san | Japanese"])


def _rule(**params):
    return Rule(id="foreign-honorific.test", signal="foreign-honorific", category="machine_translation", kind="name-affix",
                summary="s", why="w", lookalikes="l", message="m", params=params, flag=("x",), passes=("y",))


def _hits(text, **params):
    rule = _rule(**{"affixes_from": "affixes", **params})
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(h.start, doc.text[h.start:h.end], dict(h.fields)) for h in name_affix.run(rule, name_affix.compile(rule, LISTS), doc)]


def test_bad_list_entry_is_an_error():
    with pytest.raises(ValueError):
        name_affix.compile(_rule(affixes_from="bad"), LISTS)


def test_each_position_is_found_with_its_language():
    text = "The talks went well, Tanaka-san told reporters. Later Ahmet Bey spoke, and Bapak Widodo left."
    got = [(s, span, f["affix"], f["name"], f["language"]) for s, span, f in _hits(text, note="n")]
    assert sorted(got) == [
        (21, "Tanaka-san", "san", "Tanaka", "Japanese"),
        (54, "Ahmet Bey", "Bey", "Ahmet", "Turkish"),
        (75, "Bapak Widodo", "Bapak", "Widodo", "Indonesian"),
    ]
    assert {f["note"] for _, _, f in _hits(text, note="n")} == {"n"}


def test_cited_affix_passes():
    assert _hits("Japanese speakers add the suffix Tanaka-san to show respect.") == []
    assert _hits("He is known as Kim-ssi among colleagues.") == []


def test_affix_inside_a_longer_word_passes():
    assert _hits("The Tanaka-santo shrine and Ahmet Beyoglu street.") == []
