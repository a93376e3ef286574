"""Kind script-residue: writing in another script left in English copy (residue and sentence modes)."""

from __future__ import annotations

import pytest

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import script_residue


class _Lists:
    def __init__(self, **lists):
        self.lists = dict(lists)

    def word_list(self, name):
        return tuple(self.lists[name])


LISTS = _Lists(endonyms=["English", "中文", "日本語", "한국어", "Русский"])


def _rule(**params):
    return Rule(id="script-residue.test", signal="script-residue", category="machine_translation", kind="script-residue",
                summary="s", why="w", lookalikes="l", message="m", params={"endonyms_from": "endonyms", **params},
                flag=("x",), passes=("y",))


def _hits(text, **params):
    rule = _rule(**params)
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(h.start, doc.text[h.start:h.end], dict(h.fields)["script"])
            for h in script_residue.run(rule, script_residue.compile(rule, LISTS), doc)]


def test_unknown_mode_is_an_error():
    with pytest.raises(ValueError):
        script_residue.compile(_rule(mode="word"), LISTS)


def test_run_of_another_script_in_an_english_line_is_flagged():
    text = "The ministry said the 政策 would take effect next month across the region."
    assert _hits(text) == [(22, "政策", "Chinese/Japanese")]


def test_cyrillic_run_needs_min_letters():
    text = "Officials said the закон would take effect next month across the region."
    assert _hits(text) == [(19, "закон", "Cyrillic")]
    assert _hits(text, min_letters=6) == []


def test_glossed_cited_and_symbol_runs_pass():
    assert _hits("President Xi Jinping (习近平) arrived in the capital on Monday morning.") == []
    assert _hits("The banner bore the character 福 and the word 和平 for the new year.") == []
    assert _hits("The dose was 5 μg and the angle α was measured by the team.") == []


def test_language_menu_passes():
    assert _hits("English | 中文 | 日本語 | 한국어 | Русский\n\nThe ministry said the rule starts next month.") == []


def test_sentence_mode_flags_a_whole_sentence_in_another_script():
    lead = "The ministry announced the plan on Monday after a long debate in the chamber. " * 4 + "\n\n"
    text = lead + "该计划将于下个月在全国范围内实施。\n\n" + "Officials said it would take effect next month in every province of the country. " * 2
    hits = _hits(text, mode="sentence")
    assert [(s - len(lead), span.rstrip("。"), script) for s, span, script in hits] == [(0, "该计划将于下个月在全国范围内实施", "Chinese/Japanese")]
    # the same sentence on a page with little English around it is that page's own language
    assert _hits("该计划将于下个月在全国范围内实施。\n\nIt starts next month.", mode="sentence") == []
    # a short run is residue, not a sentence
    assert _hits("The ministry said the 政策 would take effect next month.", mode="sentence") == []
