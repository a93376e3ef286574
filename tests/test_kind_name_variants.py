"""Kind name-variants: one name spelled two ways in one text."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import name_variants


def _hits(text):
    rule = Rule(id="name-corruption.test", signal="name-corruption", category="machine_translation",
                kind="name-variants", summary="s", why="w", lookalikes="l", message="m", params={},
                flag=("x",), passes=("y",))
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(dict(h.fields)["first"], dict(h.fields)["second"]) for h in name_variants.run(rule, name_variants.compile(rule, None), doc)]


def test_fold_is_transliteration_blind():
    assert name_variants.fold("Oleksandr") == name_variants.fold("Olexandr")
    assert name_variants.fold("Maia") == name_variants.fold("Maya")
    assert name_variants.fold("Mark") != name_variants.fold("Mary")


def test_same_person_two_spellings():
    assert _hits("President Maia Sandu arrived. Maya Sandu said the talks went well.") == [("Maia", "Maya")]


def test_explained_variants_and_different_people_pass():
    assert _hits("Volodymyr Zelensky, also spelled Zelenskyy, met Volodymyr Zelenskyy's aides.") == []
    assert _hits("Mark Smith and Mary Smith run the farm.") == []
    assert _hits("Maia Sandu met Maia Sandu's cabinet.") == []
