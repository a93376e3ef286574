"""Kind prose-pattern: a regex counted only in English running prose."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import prose_pattern


def _rule(**params):
    return Rule(id="foreign-typography.test", signal="foreign-typography", category="machine_translation",
                kind="prose-pattern", summary="s", why="w", lookalikes="l", message="m", params=params,
                flag=("x",), passes=("y",))


def _spans(rule, text, fmt="text", catalogue=None):
    doc = from_bytes("t." + {"text": "txt", "html": "html", "markdown": "md"}[fmt], text.encode(), fmt=fmt)
    prep = prose_pattern.compile(rule, catalogue)
    return [doc.text[h.start:h.end] for h in prose_pattern.run(rule, prep, doc)]


def test_matches_in_prose():
    assert _spans(_rule(pattern=r"\d+ 000"), "Some 50 000 soldiers were trained.") == ["50 000"]


def test_skips_html_marked_as_another_language_or_code():
    html = ('<html><body><article><p>France writes <code lang="fr">50 000</code> and '
            '<i lang="fr">20 000 euros</i>, but the farm printed 30 000 tonnes.</p></article></body></html>')
    assert _spans(_rule(pattern=r"\d+ 000"), html, fmt="html") == ["30 000"]


def test_skips_tables_and_code_lines():
    text = "Gusts\n\n  Jersey      80 000     129\n  Brest       99 000     159\n\n    x = 40 000\n"
    assert _spans(_rule(pattern=r"\d+ 000"), text) == []


def test_skips_short_mentions_unless_told_not_to():
    text = "France writes ‘50 000’ where we write 50,000."
    assert _spans(_rule(pattern=r"\d+ 000"), text) == []
    assert _spans(_rule(pattern=r"\d+ 000", skip_mentions=False), text) == ["50 000"]


def test_long_quotation_in_english_is_still_prose():
    text = "“We trained some 50 000 soldiers this year and we will train more,” he said."
    assert _spans(_rule(pattern=r"\d+ 000"), text) == ["50 000"]


def test_quotation_in_another_language_is_skipped():
    text = "The bulletin read « Vents violents : restez chez vous ! » for the coast."
    assert _spans(_rule(pattern=r" [:!]"), text) == []


def test_exceptions_group():
    rule = _rule(pattern=r"(?P<prev>\w{2,})\.[ ](?P<next>[a-z]{2,})", exceptions=["etc"], exceptions_group="prev", group="next")
    assert _spans(rule, "Apples, pears, etc. and more. in Paris.") == ["in"]
