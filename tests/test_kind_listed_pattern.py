"""Kind listed-pattern: word lists of rules/lists/ inside a regular expression."""

from __future__ import annotations

import pytest

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import listed_pattern


class _Lists:
    """A stand-in catalogue holding word lists in memory."""

    def __init__(self, **lists):
        self.lists = {k.replace("_", "-"): tuple(v) for k, v in lists.items()}

    def word_list(self, name):
        return self.lists[name]


def _rule(**params):
    return Rule(id="share-widget-text.test", signal="share-widget-text", category="scraping",
                kind="listed-pattern", summary="s", why="w", lookalikes="l", message="m", params=params,
                flag=("x",), passes=("y",))


def _spans(rule, text, catalogue):
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    prep = listed_pattern.compile(rule, catalogue)
    return [doc.text[h.start:h.end] for h in listed_pattern.run(rule, prep, doc)]


LISTS = _Lists(labels=["Share on | a note", "Tweet", "Share on X"])


def test_entries_are_literal_longest_first_and_notes_dropped():
    rule = _rule(pattern="^(?:{list:labels})$")
    assert _spans(rule, "Share on X\nTweet\nShare on\nShare.on", LISTS) == ["Share on X", "Tweet", "Share on"]


def test_a_space_in_an_entry_matches_a_run_of_blanks():
    rule = _rule(pattern="^(?:{list:labels})$")
    assert _spans(rule, "Share  on\tX", LISTS) == ["Share  on\tX"]


def test_min_distinct_needs_different_texts():
    rule = _rule(pattern="^(?:{list:labels})$", min_distinct=2)
    assert _spans(rule, "Tweet\nbody\nTweet", LISTS) == []
    assert _spans(rule, "Tweet\nbody\nShare on X", LISTS) == ["Tweet", "Share on X"]


def test_pattern_parameters_still_apply():
    rule = _rule(pattern="(?:{list:labels})", ignore_case=True, min_hits=2)
    assert _spans(rule, "tweet", LISTS) == []
    assert _spans(rule, "tweet and TWEET", LISTS) == ["tweet", "TWEET"]


@pytest.mark.parametrize("params", [{"pattern": "no list here"}, {"pattern": "{list:labels}", "min_distinct": 0}])
def test_bad_parameters_are_refused(params):
    with pytest.raises(ValueError):
        listed_pattern.compile(_rule(**params), LISTS)


def test_an_empty_list_is_refused():
    with pytest.raises(ValueError):
        listed_pattern.compile(_rule(pattern="{list:labels}"), _Lists(labels=[]))
