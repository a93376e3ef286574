"""Kind variant-mix: two spellings of one name that a single writer would not mix."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import variant_mix


def _rule(pairs):
    return Rule(id="kyiv-casing.test", signal="kyiv-casing", category="machine_translation", kind="variant-mix",
                summary="s", why="w", lookalikes="l", message="m", params={"pairs": pairs}, flag=("x",), passes=("y",))


def _hits(text, pairs):
    rule = _rule(pairs)
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(h.start, h.end, dict(h.fields)) for h in variant_mix.run(rule, variant_mix.compile(rule, None), doc)]


def test_both_spellings_flag_the_first_occurrence_of_the_second():
    text = "Trains left Odessa at dawn. In Odesa the port opened. Odesa again."
    assert _hits(text, [["Odessa", "Odesa"]]) == [(31, 36, {"first": "Odessa", "second": "Odesa"})]


def test_one_spelling_alone_passes():
    assert _hits("Trains left Odessa. Odessa port opened.", [["Odessa", "Odesa"]]) == []
    assert _hits("Trains left Odesa. Odesa port opened.", [["Odessa", "Odesa"]]) == []


def test_comparison_is_case_sensitive_and_on_word_boundaries():
    # 'odesa' in a slug or 'Odessan' as an adjective is not the second spelling
    assert _hits("Odessa streets, see odesa-guide. Odessan food.", [["Odessa", "Odesa"]]) == []


def test_each_pair_is_judged_on_its_own():
    text = "Alma Ata and Almaty; Odessa only."
    assert _hits(text, [["Odessa", "Odesa"], ["Alma Ata", "Almaty"]]) == [(13, 19, {"first": "Alma Ata", "second": "Almaty"})]
