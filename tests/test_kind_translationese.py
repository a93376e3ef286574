"""Kind translationese: the learned document-level profile of translated prose."""

from __future__ import annotations

from audit.catalogue import Catalogue, Rule, rules_dir
from audit.document import from_bytes
from audit.kinds import translationese

CATALOGUE = Catalogue(rules=[], directory=rules_dir())
SENTENCE = "The council voted on Tuesday to rebuild the old harbour wall before the winter storms arrive. "
TEXT = "Harbour wall\n\n" + SENTENCE * 20


def _rule(**params):
    return Rule(id="translationese.test", signal="translationese", category="machine_translation", kind="translationese",
                summary="s", why="w", lookalikes="l", message="m", params=params, flag=("x",), passes=("y",))


def _hits(text, **params):
    rule = _rule(**params)
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(h.start, h.end, dict(h.fields)) for h in translationese.run(rule, translationese.compile(rule, CATALOGUE), doc)]


def test_compile_reads_the_model_and_its_threshold():
    prep = translationese.compile(_rule(), CATALOGUE)
    assert 0 < prep.threshold < 1 and prep.explain == 3
    assert translationese.compile(_rule(threshold=0.25, explain=1), CATALOGUE).threshold == 0.25


def test_at_threshold_zero_one_finding_at_the_first_prose_line():
    [(start, end, fields)] = _hits(TEXT, threshold=0.0)
    assert (start, end) == (14, len(TEXT))  # the one long line after the short title
    assert 0.0 <= float(fields["probability"]) <= 1.0
    assert set(fields) == {"probability", "features"}


def test_explain_limits_the_named_features():
    named = _hits(TEXT, threshold=0.0, explain=1)[0][2]["features"]
    assert named.count("(+") <= 1


def test_threshold_above_one_never_fires_and_short_texts_are_not_judged():
    assert _hits(TEXT, threshold=1.01) == []
    assert _hits(SENTENCE * 3, threshold=0.0) == []  # fewer words than the model needs
