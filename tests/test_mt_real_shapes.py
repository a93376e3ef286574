"""Shapes of machine translation seen on real pages, run through the whole
catalogue: a translated text written for this test shows each of them, and an
honest English text built from their look-alikes shows none."""

from __future__ import annotations

import pytest

from audit.catalogue import rules_dir

NEW_RULES = {
    "doubled-word.noun-of-noun",
    "false-friend.byline-verb",
    "false-friend.coalition-nickname",
    "false-friend.coined-noun",
    "false-friend.country-epithet",
    "false-friend.fever",
    "false-friend.gendered-noun",
    "false-friend.realize",
    "false-friend.redundant-preposition",
    "false-friend.verbless-attribution",
    "foreign-typography.acronym-gloss",
    "foreign-typography.day-month-date",
    "foreign-typography.space-before-stop",
    "foreign-typography.topic-kicker",
    "mangled-quotes.dash-speech",
    "name-corruption.source-transliteration",
    "translation-credit.edition",
    "untranslated-fragment.auxiliary",
    "false-friend.citing-calque",
    "word-order-calque.quote-then-verb",
    "translated-agency-name.credit",
    "pronoun-leak.it-for-speaker",
    "false-friend.counted-man",
}

TRANSLATED = """Fire - Barn burns down in a village near the river: no one hurt
Books – Hana Selim:

A barn burned down on Sunday (12.5.) in a village near the river, the fire brigade said .

The traffic light no longer holds a majority in the regional parliament, and the politologist who advised it spoke of a turning point. The ministry will realize the construction of a new fire station next year.

- We warned the council about the old wiring many times, the village head said.

“Nobody was hurt.” Thus the regional governor, speaking at the scene on Monday.

The governor met reporters to discuss about the damage and emphasized on the need for new inspections. Residents were asked to check the news of the news before sharing photos.

Trade with the Bamboo Curtain country is the village's main income. A video of the fire caused a fever on social networks, and the male singer who lives nearby offered help.

The fund for EV = electric vehicles was moved to the fire station. Reporters from Kiew and Moskau followed the story, a indicated the mayor. It has also stressed that 340 man were evacuated.

The local paper reported the fire with reference to sources close to the brigade. The mayor said: “We will rebuild the barn.” used the phrase. (The Country)

(Reporting by Ana Ruiz; French edition by Paul Mercier)
"""  # noqa: E501 (paragraphs one line each, as pages have them)

HONEST = """Barn burns down in a village near the river
By Hana Selim

A barn burned down on Sunday, May 12, in a village near the river, the fire brigade said.

The traffic-light coalition has lost its majority in the regional parliament, and the political scientist who advised it spoke of a turning point. The traffic lights at the junction were out for an hour. The fund realized gains on investments in the quarter.

The plan:
- replace the old wiring
- hire two inspectors

“Nobody was hurt,” the regional governor said at the scene on Monday. Thus the governor decided to order new inspections.

A discussion about the damage is planned, and the governor emphasized on Tuesday that the best of the best would lead the inspections. The vaccine caused a fever in some children last year.

She won the award for best female singer. Exports to China and Moscow rose. Vitali Klitschko, the mayor of Kyiv, sent a message. The mayor stressed that 340 people were evacuated by a 12-man crew. The insurer cut its outlook. It has indicated that claims are rising.

The local paper reported the fire, citing sources close to the brigade. “We will rebuild the barn,” said the mayor. He was referring to the sources of funding. (El País)

(Reporting by Ana Ruiz; Editing by Paul Mercier)
"""  # noqa: E501 (paragraphs one line each, as pages have them)


@pytest.fixture(scope="module")
def reports(auditor):
    return auditor.audit_text(TRANSLATED), auditor.audit_text(HONEST)


def test_the_rules_are_in_the_catalogue(catalogue):
    rules = catalogue.by_id
    assert NEW_RULES <= set(rules)
    assert {rules[r].category for r in NEW_RULES} == {"machine_translation"}


def test_a_translated_text_shows_every_shape(reports):
    translated, _ = reports
    found = {f["rule"] for f in translated["findings"]}
    assert NEW_RULES <= found, f"missing: {sorted(NEW_RULES - found)}"


def test_the_honest_look_alikes_pass(reports):
    _, honest = reports
    found = sorted({f["rule"] for f in honest["findings"]} & NEW_RULES)
    assert found == [], found


def test_the_new_word_lists_name_their_source(catalogue):
    """Each entry of the new lists carries a note naming what it renders, and
    no listed source spelling is also the English form given in its note."""
    for name in ("mt-source-exonyms", "mt-coined-nouns", "mt-country-epithets", "mt-topic-kickers"):
        lines = [line for line in (rules_dir() / "lists" / f"{name}.txt").read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
        assert lines, name
        for line in lines:
            entry, sep, note = line.partition(" | ")
            assert sep and note.strip(), (name, line)
            english = note.rpartition(":")[2].strip()
            assert entry.strip().casefold() != english.casefold(), (name, line)
