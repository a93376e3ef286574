"""Kind pronoun-gender: one named person given both genders' pronouns."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import pronoun_gender


def _hits(text, **params):
    rule = Rule(id="pronoun-leak.test", signal="pronoun-leak", category="machine_translation",
                kind="pronoun-gender", summary="s", why="w", lookalikes="l", message="m", params=params,
                flag=("x",), passes=("y",))
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(dict(h.fields)["name"], dict(h.fields)["first"], text[h.start:h.end])
            for h in pronoun_gender.run(rule, pronoun_gender.compile(rule, None), doc)]


def test_one_person_he_then_she():
    text = ("Engineer Lukas Varga inspected the bridge on Monday. He found two cracked bearings. "
            "She ordered the lane closed until the repair.")
    assert _hits(text) == [("Varga", "He", "She")]


def test_she_then_his_by_surname():
    text = "Ilse Brandvold chairs the board. She opened the meeting. Brandvold said his plan was ready."
    assert _hits(text) == [("Brandvold", "She", "his")]


def test_consistent_pronouns_pass():
    assert _hits("Lukas Varga inspected the bridge. He found two cracks. He ordered the lane closed.") == []


def test_two_people_of_different_gender_pass():
    assert _hits("Lukas Varga met Ilse Brandvold at the bridge. He found two cracks. She ordered the lane closed.") == []


def test_quoted_speech_pass():
    assert _hits('Lukas Varga inspected the bridge. "She will hold," he said of the old span.') == []
    assert _hits('Lukas Varga inspected the bridge. He said: "she will hold until spring."') == []


def test_shared_surname_pass():
    text = "Lukas Varga and Eva Varga run the yard. Varga said he would hire two welders. Varga said she agreed."
    assert _hits(text) == []


def test_he_or_she_pass():
    text = ("Lukas Varga wrote the rules. Whoever applies must show he or she holds a licence. "
            "Varga said his office would check.")
    assert _hits(text) == []


def test_gendered_noun_is_another_candidate():
    assert _hits("Lukas Varga came home late. His wife was asleep. She woke when he came in.") == []


def test_someone_new_is_another_candidate():
    text = "Lukas Varga runs the advice page. A reader wrote that her boiler failed. Another reader said his did too."
    assert _hits(text) == []


def test_far_apart_pronouns_pass():
    filler = " ".join(f"The count on day {i} was steady." for i in range(6))
    text = f"Lukas Varga inspected the bridge. He found cracks. {filler} Lukas Varga returned. She signed off."
    assert _hits(text, window=3) == []


def test_bad_params_refused():
    import pytest
    with pytest.raises(ValueError):
        _hits("x", window=0)


def _given(text):
    from audit import load_catalogue

    catalogue = load_catalogue()
    rule = catalogue.by_id["pronoun-leak.given-name"]
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(dict(h.fields)["name"], text[h.start:h.end]) for h in pronoun_gender.run(rule, catalogue.compiled(rule), doc)]


def test_given_name_mode_woman_called_he_twice():
    text = ("Chancellor Ursula Kranz opened the bridge. He said the work took four years. "
            "He thanked the engineers.")
    assert _given(text) == [("Kranz", "He")]


def test_given_name_mode_needs_two_pronouns_and_none_of_her_own():
    assert _given("Chancellor Ursula Kranz opened the bridge. He said the work took four years.") == []
    assert _given("Chancellor Ursula Kranz opened the bridge. He said it took years. She thanked him. He left.") == []


def test_given_name_mode_other_person_nearby_pass():
    text = ("Chancellor Ursula Kranz opened the bridge with the mayor. He said the work took four years. "
            "He thanked the engineers.")
    assert _given(text) == []
    text = "Chancellor Ursula Kranz met Pedro Alves. He said the work took four years. He thanked the engineers."
    assert _given(text) == []


def test_sentences_do_not_end_at_initials_or_wrapped_lines():
    text = "It went to U.K. Prime\nMinister Ann Holt. Mr. Berg left.\n    Next paragraph."
    starts = pronoun_gender._sentences(text)
    assert [text[s:s + 4] for s in starts] == ["It w", "Mr. ", "Next"]
