"""Gates: the RE2 pattern that decides whether a pattern on ``re`` runs never hides a match."""

from __future__ import annotations

import random
import re

import pytest
import re2

from audit.catalogue import load_catalogue
from audit.document import Document
from audit.matching import LiteralSet, Matcher, adversarial_shapes, fold, gate_translation
from audit.matching.prefilter import _match, _set

SHIPPED = load_catalogue()


def _matchers():
    out = []
    for rule in SHIPPED.rules:
        prepared = SHIPPED.compiled(rule)
        inner = getattr(prepared, "inner", None)
        if isinstance(inner, tuple):
            prepared = inner[1]
        matcher = getattr(prepared, "regex", None)
        if isinstance(matcher, Matcher):
            out.append((rule, matcher))
    return out


MATCHERS = _matchers()


def _gate_allows(pattern: str, flags: int, text: str) -> bool:
    gate = gate_translation(pattern, flags)
    if gate is None:
        return True
    body, on_folded = gate
    return re2.compile(body).search(fold(text) if on_folded else text) is not None


def _variants(text: str):
    """The text, and case variants ignore-case matching treats alike."""
    yield text
    yield text.upper()
    yield text.swapcase()
    yield text.replace("s", "ſ").replace("k", "\u212a").replace("i", "İ")


def _texts(rule, matcher):
    for example in (*rule.flag, *rule.passes):
        yield from _variants(example.text)
    for _name, make in adversarial_shapes(matcher.pattern, matcher.flags)[:40]:
        yield make(60)


@pytest.mark.parametrize("rule,matcher", MATCHERS, ids=[r.id for r, _ in MATCHERS])
def test_a_gate_matches_wherever_the_pattern_does(rule, matcher):
    plain = re.compile(matcher.pattern, matcher.flags)
    for text in _texts(rule, matcher):
        if plain.search(text):
            assert _gate_allows(matcher.pattern, matcher.flags, text), (rule.id, text)


def test_most_shipped_patterns_on_re_have_a_gate_that_says_no_to_plain_prose():
    # the point of gates: an ordinary paragraph is not scanned by every pattern
    prose = ("The council met on Tuesday to discuss the budget for the coming year. "
             "Residents raised concerns about parking near the new health centre.\n") * 20
    on_re = [(r, m) for r, m in MATCHERS if m.engine == "re"]
    refused = [r.id for r, m in on_re if not _gate_allows(m.pattern, m.flags, prose)]
    assert len(refused) >= len(on_re) // 2, refused


@pytest.mark.parametrize("pattern,flags,texts", [
    (r"\bfoo\b", 0, ["a foo b", "foo"]),
    (r"(?<=x)a(?!b)", 0, ["xa", "xac"]),
    (r"\b(\w+)\s+\1\b", 0, ["the the end", "ça ça"]),
    (r"(?i)posted\s+(?:on|at)", 0, ["POSTED AT", "Poſted on", "pOsTeD\tat"]),
    (r"kyiv", re.I, ["\u212aYIV", "KyIv"]),
    (r"[a-z]+ville", re.I, ["SPRINGVILLE", "Spring\u212aville"]),
    (r"[^\W\d_]{3}\d", re.I, ["ABC1", "İab2"]),
    (r"(?>a+)b", 0, ["aaab"]),
    (r"a++b", 0, ["aab"]),
    (r"(a)?(?(1)b|c)", 0, ["ab", "c"]),
    (r"^x.y$", re.M, ["q\nx-y\nz"]),
    (r"x.y", re.S, ["x\ny"]),
    (r"(?s:x.y)", 0, ["x\ny"]),
    (r"a{2000}", 0, ["a" * 2000]),
    (r"(?i:ab)c", 0, ["ABc"]),
    (r"(?i:(the))\s+\1", 0, ["THE THE", "tHe tHe"]),
    (r"(?P<b>The)[ \t]+(?i:(?P=b))", 0, ["The THE"]),
    (r"(?-i:(ab))\1", re.I, ["abAB"]),
    (r"[^a]b", re.I, ["Xb", "\nb"]),
    (r"x[^\w\s]y", 0, ["x\u060cy", "x\u055cy", "x.y"]),  # punctuation in blocks full of letters
    (r"x[\W]y", 0, ["x\u060cy", "x y"]),
    (r"x\w+y", 0, ["x\u0561\u0562y"]),
])
def test_gate_constructs(pattern, flags, texts):
    for text in texts:
        assert re.search(pattern, flags=flags, string=text), text
        assert _gate_allows(pattern, flags, text), (pattern, text)


def test_a_gate_says_no_when_only_the_literals_are_there():
    # the literal "the" is there, the pattern's shape is not: the gate refuses
    body, on_folded = gate_translation(r"\bthe\s+\d{4}\b", re.M)
    assert not on_folded and re2.compile(body).search("the harbour, the wall") is None
    assert gate_translation(r"\b\w*\b", 0) is None  # matches anywhere: no gate


def test_random_texts_never_see_a_gate_hide_a_match():
    rng = random.Random(7)
    alphabet = "aAbB kK\u212aſsS1 9\n.,-éÉİi\u060c\u00b7ß\u0561"
    pattern_pool = [(m.pattern, m.flags) for _, m in MATCHERS if m.engine == "re"]
    for _ in range(400):
        pattern, flags = rng.choice(pattern_pool)
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        if re.search(pattern, text, flags):
            assert _gate_allows(pattern, flags, text), (pattern, text)


def test_a_set_out_of_memory_is_taken_to_know_nothing():
    rset = _set(["a", "b"], 8 << 20)
    assert _match(rset, 2, "xa") == frozenset({0})
    assert _match(rset, 2, "x") == frozenset()

    class Failed:  # RE2 answers an exhausted set with no match at all
        def Match(self, text):
            return None

    assert _match(Failed(), 2, "xa") is None


def _doc(text: str) -> Document:
    return Document(path="t.txt", format="text", source=text, text=text)


def test_allows_runs_the_pattern_only_when_its_gate_matches():
    prefilter = LiteralSet()
    matcher = Matcher(r"\bposted\s+\d{1,2}:\d\d\b", re.M | re.I)
    prefilter.add(matcher)
    assert matcher.engine == "re"
    no = _doc("Posted by the desk; nothing timed here.")
    yes = _doc("POSTED 12:34 by the desk.")
    assert not prefilter.allows(matcher, no, "body", no.text)
    assert prefilter.allows(matcher, yes, "body", yes.text)
    lone = _doc("Posted \ud800 by the desk.")  # RE2 cannot read it: the pattern runs
    assert prefilter.allows(matcher, lone, "body", lone.text)


def test_derived_data_is_not_shared_by_copies():
    import dataclasses
    import pickle

    doc = _doc("a text")
    doc.derived["x"] = 1
    assert dataclasses.replace(doc, text="other").derived == {}
    assert pickle.loads(pickle.dumps(doc)).derived == {}
