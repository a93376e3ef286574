"""Kind consistency: one text rendering a name (name-order) or a term (term) two ways."""

from __future__ import annotations

import pytest

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import consistency


class _Lists:
    def __init__(self, **lists):
        self.lists = dict(lists)

    def word_list(self, name):
        return tuple(self.lists[name])


LISTS = _Lists(stop=["which", "their", "these", "about"], notnames=["Monday", "The", "When"])


def _rule(**params):
    return Rule(id="inconsistent-rendering.test", signal="inconsistent-rendering", category="machine_translation",
                kind="consistency", summary="s", why="w", lookalikes="l", message="m",
                params={"head_stop_from": "stop", "not_names_from": "notnames", **params}, flag=("x",), passes=("y",))


def _hits(text, **params):
    rule = _rule(**params)
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(h.start, doc.text[h.start:h.end], dict(h.fields)) for h in consistency.run(rule, consistency.compile(rule, LISTS), doc)]


def test_unknown_mode_is_an_error():
    with pytest.raises(ValueError):
        consistency.compile(_rule(mode="spelling"), LISTS)


# name-order

NAMES = "Talks opened as Haruto Sato arrived in the capital.\n\nLater, Sato Haruto met the delegation."


def test_name_in_both_orders_is_flagged_at_the_second():
    assert _hits(NAMES) == [(60, "Sato Haruto", {"first": "Haruto Sato", "second": "Sato Haruto"})]


def test_explained_order_and_listed_words_pass():
    explained = "Talks opened as Haruto Sato arrived.\n\nIn Japan, with the family name first, Sato Haruto met the delegation."
    assert _hits(explained) == []
    listed = "Talks opened as Monday Sato arrived.\n\nLater, Sato Monday met the delegation."
    assert _hits(listed) == []


def test_pair_inside_a_longer_capitalised_run_passes():
    assert _hits("Haruto Sato arrived.\n\nThe Sato Haruto Memorial Hall opened.") == []


# term

TERMS = "The encrypted community grew this year.\n\nAnalysts say the encryption community is divided."


def test_two_renderings_of_a_term_are_flagged():
    assert _hits(TERMS, mode="term") == [
        (58, "encryption community", {"first": "encrypted community", "second": "encryption community"})]


def test_ok_pairs_and_inflections_pass():
    assert _hits(TERMS, mode="term", ok_pairs=["encrypted / encryption"]) == []
    verbs = "The developed program ran.\n\nThe developing program stalled."
    assert _hits(verbs, mode="term") == []


def test_stems_min_controls_the_shared_stem():
    # 'encrypt' is a seven-letter stem
    assert _hits(TERMS, mode="term", stems_min=8) == []
    assert len(_hits(TERMS, mode="term", stems_min=7)) == 1
