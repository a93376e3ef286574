"""Machine-translation traces that need a sentence's context: a source
language's order or framing kept in the English (a verb or copula first,
'In turn,' and 'And the' at the head of a sentence or paragraph, a that-clause
after a verb that takes an object, a literal idiom, a dropped linked name,
unquoted direct speech). A machine-translated page flags each rule; an honest
wire story with the same words in English positions passes every one.
Run through the shipped catalogue, rule by rule."""

from __future__ import annotations

import pytest

RULES = [
    "false-friend.reporting-infinitive",
    "word-order-calque.place-apposition",
    "false-friend.quoted-outlet",
    "name-corruption.coordinated-self",
    "broken-sentence.dropped-name",
    "broken-sentence.stray-capital",
    "false-friend.literal-idiom",
    "false-friend.officialese",
    "false-friend.paragraph-and",
    "false-friend.that-clause",
    "mangled-quotes.unquoted-speech",
    "word-order-calque.copula-first",
    "word-order-calque.sentence-turn",
    "word-order-calque.verb-first-source",
]

# A regional item machine-translated from a language that frames, orders and
# quotes differently: every paragraph keeps one trace.
TRANSLATED = "\n\n".join([
    "Grain reserves will last seven months, the minister of supply said on television on Sunday.",
    "Writes the newspaper Morning Courier, the ministry has asked bakeries to report their stocks every week.",
    "And the regional governor announced on Monday that four warehouses had been inspected.",
    "The minister has denounced that the traders are hiding flour to raise the price.",
    "In turn, the traders' association said the shortages were caused by the late harvest.",
    "Is still recent the dispute over the import licences, which divided the cabinet last spring.",
    "Within the framework of the plan, the state will buy a further ten thousand tonnes.",
    "Speaking at the port, the minister added: we will not allow anyone to profit from the crisis.",
    "The price of bread gave what to talk about in the markets, and If necessary, the ministry will cap it.",
    "As reported by, the first ship carrying wheat left the northern port on Saturday.",
    "The minister told the “Abendpost” that the flour is milled in Lindia or in Lindia before export.",
    "A second convoy reached the town Marivka, in the Dalsk region of Dalsk, on Tuesday.",
    "The traders denied to have hidden any flour in the warehouses.",
])

# An honest wire story, hard-wrapped as wire copy is, with the same words in
# the positions English gives them.
HONEST = """Grain reserves will last seven months, the supply minister told
state television on Sunday, and the ministry has asked bakeries to report
their stocks every week, the Morning Courier newspaper reported.

The regional governor said four warehouses had been inspected and
the traders' association blamed the late harvest, which in turn
pushed up the price of flour. Traders were assured that the licences
would be renewed.

Officials said the U.S. Is likely to ship more wheat before the winter.
As part of the plan, the state will buy a further ten thousand tonnes,
according to a statement from the ministry.

"We will not allow anyone to profit from the crisis," the minister added.
Is the dispute over the import licences over? Not yet, officials said.
A band played Because The Night at the harvest fair, the Courier reported.
The minister told the Abendpost that flour is milled in Lindia or in Sorvia,
and told the "Today" show that bread prices would hold. A second convoy
left the town Monday for the city of Marivka, in the Dalsk region.
The town Council met on Tuesday. The traders denied having hidden any flour;
the old mill is widely recognised to be the largest in the region."""


@pytest.fixture(scope="module")
def hits(rule_hits):
    return rule_hits


@pytest.mark.parametrize("rule_id", RULES)
def test_translated_page_flags(hits, rule_id):
    assert hits(rule_id, TRANSLATED), f"{rule_id} should flag the translated page"


@pytest.mark.parametrize("rule_id", RULES)
def test_honest_wire_story_passes(hits, rule_id):
    assert hits(rule_id, HONEST) == [], f"{rule_id} fired on the honest wire story"


def test_paragraph_and_needs_the_head_of_a_paragraph(hits):
    wrapped = "The governor said four warehouses had been inspected and\nthe traders blamed the harvest."
    assert hits("false-friend.paragraph-and", wrapped) == []
    assert hits("false-friend.paragraph-and", "The governor spoke.\n\nAnd the traders blamed the harvest.")


def test_that_clause_excerpt_names_the_verb(hits):
    assert hits("false-friend.that-clause", "The union assured that the strike would end.") == ["assured that"]
