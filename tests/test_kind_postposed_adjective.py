"""Kind postposed-adjective: adjectives after the noun in Romance order."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import postposed_adjective

ADJ = ["Russian", "Ukrainian", "French", "local", "national"]


def _hits(text, **extra):
    params = {"adjectives": ADJ, "exceptions": ["notary public"], "plural_only": ["public"]}
    params.update(extra)
    rule = Rule(id="word-order-calque.test", signal="word-order-calque", category="machine_translation",
                kind="postposed-adjective", summary="s", why="w", lookalikes="l", message="m", params=params,
                flag=("x",), passes=("y",))
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    prep = postposed_adjective.compile(rule, None)
    return [doc.text[h.start:h.end] for h in postposed_adjective.run(rule, prep, doc)]


def test_flags_noun_then_adjective_at_a_boundary():
    assert _hits("strikes on the territory Russian.") == ["territory Russian"]
    assert _hits("the president Russian Vladimir Putin said") == ["president Russian"]
    assert _hits("priority to the producers local: bakers") == ["producers local"]
    assert _hits("imports of wines and cheeses French, exempted") == ["cheeses French"]


def test_adjective_before_another_noun_is_a_relative_clause():
    assert _hits("They shelled the capital Russian forces had surrounded.") == []


def test_honest_constructions():
    assert _hits("translated from the original French.") == []
    assert _hits("In the family spoke French.") == []
    assert _hits("She served as a notary public.") == []
    assert _hits("The council made the report public.") == []
    assert _hits("The general public and the reading public.") == []


def test_plural_only_adjectives():
    assert _hits("The contracts public, of a value of a million, were split.") == ["contracts public"]
