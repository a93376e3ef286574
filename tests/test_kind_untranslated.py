"""Kind untranslated: a sentence or paragraph left in another language."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import untranslated

# the name particles the shipped rule names (rules/lists/mt-untranslated-name-particles.txt)
PARTICLES = frozenset(("de", "des", "du", "et", "la", "le", "les"))

EN = ("The regional council met on Tuesday to discuss the new budget for schools and roads. "
      "Members argued for several hours about the cost of repairs to the old bridge over the river. "
      "In the end they agreed to spend more on teachers and less on new offices for the administration.")
FR = ("Le conseil municipal a décidé de fermer la piscine pendant tout le mois prochain pour des travaux "
      "importants de rénovation et de sécurité.")


def _rule(**params):
    return Rule(id="untranslated-fragment.test", signal="untranslated-fragment", category="machine_translation",
                kind="untranslated", summary="s", why="w", lookalikes="l", message="m", params=params, flag=("x",), passes=("y",))


def _hits(text, **params):
    rule = _rule(**params)
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(h.start, h.end, dict(h.fields)) for h in untranslated.run(rule, untranslated.compile(rule, None), doc)]


def test_a_paragraph_in_french_is_flagged():
    text = EN + "\n\n" + FR + "\n\n" + EN
    [(start, end, fields)] = _hits(text)
    assert text[start:end].startswith("Le conseil municipal")
    assert start == len(EN) + 2
    assert (fields["language"], fields["what"]) == ("French", "paragraph")
    assert float(fields["confidence"]) >= 0.9


def test_min_words_and_min_confidence():
    text = EN + "\n\n" + FR + "\n\n" + EN
    assert _hits(text, min_words=40) == []
    assert _hits(text, min_confidence=1.01) == []


def test_a_quotation_given_with_its_translation_passes():
    text = EN + "\n\n“" + FR + "” (The council closes the pool next month for repairs.)\n\n" + EN
    assert _hits(text) == []


def test_a_name_or_a_headline_in_capitals_passes():
    assert untranslated._mostly_name("Banque Nationale des Travaux Publics et de la Construction Navale", 0.6, PARTICLES)
    assert untranslated._mostly_name(FR.upper(), 0.6, PARTICLES)
    assert not untranslated._mostly_name(FR, 0.6, PARTICLES)
    text = EN + "\n\n" + FR.upper() + "\n\n" + EN
    assert _hits(text) == []


def test_an_english_only_text_has_nothing():
    assert _hits(EN + "\n\n" + EN) == []
