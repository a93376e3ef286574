"""Kind narrator-we: 'our country' in the narration of third-person copy."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import narrator_we


def _rule(**params):
    return Rule(id="pronoun-leak.test", signal="pronoun-leak", category="machine_translation", kind="narrator-we",
                summary="s", why="w", lookalikes="l", message="m", params=params, flag=("x",), passes=("y",))


def _hits(text, **params):
    rule = _rule(**params)
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(h.start, doc.text[h.start:h.end]) for h in narrator_we.run(rule, narrator_we.compile(rule, None), doc)]


def test_our_country_in_the_narration_is_flagged():
    text = "The minister visited the port on Monday. The new terminal will serve our country for decades."
    assert _hits(text) == [(69, "our country")]


def test_quoted_speaker_labelled_and_first_person_sentences_pass():
    assert _hits("“The terminal will serve our country,” the minister said.") == []
    assert _hits("Minister Halvorsen: The terminal will serve our country for decades.") == []
    assert _hits("I think the terminal will serve our country well.") == []


def test_nouns_and_pattern_params():
    text = "The terminal will serve our homeland. It will also help our region."
    assert _hits(text) == [(24, "our homeland")]
    assert _hits(text, nouns=["region"]) == [(56, "our region")]
    assert _hits(text, pattern=r"\bour (?:homeland|region)\b") == [(24, "our homeland"), (56, "our region")]


def test_min_hits_holds_back_a_single_occurrence():
    text = "The terminal will serve our country. Officials said our party backed it."
    assert len(_hits(text)) == 2
    assert _hits(text, min_hits=3) == []
    assert len(_hits(text, min_hits=2)) == 2
