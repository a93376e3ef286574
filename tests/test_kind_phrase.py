"""Kind phrase: literal phrases of every rule in one pass, optionally counted only in English prose."""

from __future__ import annotations

import pytest

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import phrase


def _rule(rid="false-friend.test", **params):
    return Rule(id=rid, signal="false-friend", category="machine_translation", kind="phrase",
                summary="s", why="w", lookalikes="l", message="m", params=params, flag=("x",), passes=("y",))


def _prose(rid="false-friend.test", **params):
    return _rule(rid, skip=["non-prose"], **params)


def _found(rules, text, fmt="text"):
    doc = from_bytes("t.txt" if fmt == "text" else "t.html", text.encode(), fmt=fmt)
    items = [(r, phrase.compile(r, None)) for r in rules]
    return [(r.id, doc.text[h.start:h.end], dict(h.fields).get("note")) for r, h in phrase.run_many(items, doc)]


def test_unknown_skip_and_misplaced_sub_options_are_errors():
    with pytest.raises(ValueError):
        phrase.compile(_rule(phrases=["x"], skip=["page-furniture"]), None)
    with pytest.raises(ValueError):
        phrase.compile(_rule(phrases=["x"], skip_mentions=False), None)


def test_phrases_of_several_rules_in_one_pass_with_notes():
    a = _prose("false-friend.a", phrases=["assisted to the | assister à"])
    b = _prose("false-friend.b", phrases=["in presence of"])
    found = _found([a, b], "Hundreds assisted to the opening in presence of the mayor.")
    assert found == [("false-friend.a", "assisted to the", "assister à"), ("false-friend.b", "in presence of", "")]


def test_cited_phrase_is_not_counted():
    rule = _prose(phrases=["assisted to the"])
    assert _found([rule], "a sentence in which the mayor ‘assisted to the opening’ was quoted") == []


def test_cited_phrase_counts_with_skip_mentions_false():
    rule = _prose(phrases=["assisted to the"], skip_mentions=False)
    found = _found([rule], "a sentence in which the mayor ‘assisted to the opening’ was quoted")
    assert found == [("false-friend.test", "assisted to the", "")]


def test_phrase_in_foreign_markup_is_not_counted():
    rule = _prose(phrases=["in presence of"])
    html = '<html><body><article><p>Compare <span lang="fr-FR">in presence of</span> with English.</p></article></body></html>'
    assert _found([rule], html, fmt="html") == []


def test_masked_and_unmasked_rules_share_the_pass():
    masked = _prose("false-friend.masked", phrases=["assisted to the"])
    plain = _rule("read-also.plain", phrases=["assisted to the"])
    text = "a sentence in which the mayor ‘assisted to the opening’ was quoted"
    assert _found([masked, plain], text) == [("read-also.plain", "assisted to the", "")]
