"""Kind mojibake: UTF-8 text decoded with the wrong code page, confirmed by ftfy."""

from __future__ import annotations

from audit.catalogue import Rule
from audit.document import from_bytes
from audit.kinds import mojibake


def _rule(**params):
    return Rule(id="mangled-quotes.test", signal="mangled-quotes", category="scraping", kind="mojibake",
                summary="s", why="w", lookalikes="l", message="m", params=params, flag=("x",), passes=("y",))


def _hits(text, **params):
    rule = _rule(**params)
    doc = from_bytes("t.txt", text.encode(), fmt="text")
    return [(h.start, h.end, doc.text[h.start:h.end], dict(h.fields)["fixed"]) for h in mojibake.run(rule, mojibake.compile(rule, None), doc)]


def test_curly_apostrophe_decoded_as_cp1252_is_flagged_and_fixed():
    text = "The mayor\u00e2\u20ac\u2122s plan was approved."
    [(start, end, span, fixed)] = _hits(text)
    assert (start, end, span) == (9, 12, "\u00e2\u20ac\u2122")
    assert fixed in ("'", "\u2019")  # ftfy straightens curly quotes by default


def test_accented_letter_decoded_twice_is_flagged():
    text = "They met at the caf\u00c3\u00a9 on Main Street."
    hits = _hits(text)
    assert [(s, e, fixed) for s, e, _, fixed in hits] == [(19, 21, "\u00e9")]


def test_max_hits_stops_early():
    text = " ".join(["The mayor\u00e2\u20ac\u2122s plan."] * 5)
    assert len(_hits(text)) == 5
    assert len(_hits(text, max_hits=2)) == 2
    assert mojibake.compile(_rule(), None) == 20


def test_honest_accents_and_capitals_pass():
    # real accented words and a capital A with a circumflex in a name are not mojibake
    assert _hits("The caf\u00e9 in Montr\u00e9al served cr\u00eape and p\u00e2t\u00e9.") == []
    assert _hits("\u00c2ngela and \u00c3rvore are names; \u00c5se is too.") == []
