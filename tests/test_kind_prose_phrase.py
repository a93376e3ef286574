"""Kind prose-phrase: literal phrases in one pass, counted only in English prose."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import prose_phrase


def _rule(rid="false-friend.test", **params):
    return Rule(id=rid, signal="false-friend", category="machine_translation", kind="prose-phrase",
                summary="s", why="w", lookalikes="l", message="m", params=params, flag=("x",), passes=("y",))


def _found(rules, text, fmt="text"):
    doc = from_bytes("t.txt" if fmt == "text" else "t.html", text.encode(), fmt=fmt)
    items = [(r, prose_phrase.compile(r, None)) for r in rules]
    return [(r.id, doc.text[h.start:h.end], dict(h.fields).get("note")) for r, h in prose_phrase.run_many(items, doc)]


def test_phrases_of_several_rules_in_one_pass_with_notes():
    a = _rule("false-friend.a", phrases=["assisted to the | assister à"])
    b = _rule("false-friend.b", phrases=["in presence of"])
    found = _found([a, b], "Hundreds assisted to the opening in presence of the mayor.")
    assert found == [("false-friend.a", "assisted to the", "assister à"), ("false-friend.b", "in presence of", "")]


def test_cited_phrase_is_not_counted():
    rule = _rule(phrases=["assisted to the"])
    assert _found([rule], "a sentence in which the mayor ‘assisted to the opening’ was quoted") == []


def test_phrase_in_foreign_markup_is_not_counted():
    rule = _rule(phrases=["in presence of"])
    html = '<html><body><article><p>Compare <span lang="fr-FR">in presence of</span> with English.</p></article></body></html>'
    assert _found([rule], html, fmt="html") == []
