"""Kind ``consistency``: one text rendering the same thing two ways.

A careful writer or editor settles on one form for a name or a term; a
machine translation renders each occurrence afresh. This kind compares the
occurrences within one document.

params:
  mode   "name-order": a two-word name written in both orders ('Fumio
         Kishida' … 'Kishida Fumio'), as happens when a translation of a
         Japanese, Chinese, Korean or Hungarian source flips some
         occurrences and not others;
         "term": one term with two forms of its modifier, same stem and
         same head noun ('encrypted community' … 'encryption community'),
         as happens when a source word is translated two ways
  stems_min  shortest common stem for "term" (default 5)

Honest look-alikes pass: forms the text explains ('also spelled', 'or',
'known as', 'now'), a name order explained by the text ('family name
first'), pairs inside a longer run of capitalised words ('New York Times
York'), and for "term" pairs whose head noun is a function word or which
English uses side by side (listed in ``ok_pairs``).
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..findings import Hit
from ._lists import word_set
from ._prose import honest_context

_CAP = r"[A-Z][a-z]{2,}(?:-[A-Z]?[a-z]+)?"
_NAME_PAIR = re.compile(rf"(?<![\w'’-])(?<![A-Z][a-z] )({_CAP}) ({_CAP})(?! [A-Z])(?![\w'’-])")
_EXPLAINED = re.compile(
    r"\b(?:also (?:spelled|spelt|written|known as|called)|spelled|spelt|transliterat\w*|family name|surname first|given name|known as|formerly|now)\b", re.I)
_TERM = re.compile(r"\b([a-z]{5,})\s+([a-z]{4,})\b")
# lists of rules/lists/, named by the rule
LISTS = {
    "head_stop_from": "mt-term-head-stop",  # term mode: function words that are no term's head or modifier
    "not_names_from": "mt-not-names",  # name-order mode: capitalised openers, days and months that are no names
}

class Prepared:
    __slots__ = ("mode", "stem_min", "ok", "head_stop", "not_names")

    def __init__(self, mode, stem_min, ok, lists):
        self.mode = mode
        self.stem_min = stem_min
        self.ok = ok
        self.head_stop, self.not_names = lists


def compile(rule, catalogue):
    params = rule.params
    mode = params.get("mode", "name-order")
    if mode not in ("name-order", "term"):
        raise ValueError(f"unknown mode '{mode}'")
    ok = frozenset(tuple(p.split(" / ")) for p in params.get("ok_pairs", []))
    lists = tuple(word_set(catalogue, params, key, name) for key, name in LISTS.items())
    return Prepared(mode, int(params.get("stems_min", 5)), ok, lists)


_ENDINGS = {"", "s", "e", "d", "ed", "ion", "ions", "ation", "ing", "ive", "ic", "al", "ical", "ory", "ary", "er", "ers", "ised", "ized", "isation", "ization"}


_VERBAL = {"", "e", "s", "es", "d", "ed", "ing"}


def _variants(w1: str, w2: str, stem_min: int) -> bool:
    """Two forms of one stem with different derivational endings (encrypted / encryption)."""
    n = 0
    while n < min(len(w1), len(w2)) and w1[n] == w2[n]:
        n += 1
    if n < stem_min:
        return False
    e1, e2 = w1[n:], w2[n:]
    if e1 in _VERBAL and e2 in _VERBAL:
        return False  # inflections of one verb ('developed', 'developing'): English, not two renderings
    return e1 in _ENDINGS and e2 in _ENDINGS and {e1.rstrip("s"), e2.rstrip("s")} != {""} and e1.rstrip("s") != e2.rstrip("s")


def _name_order(text: str, not_names):
    # keyed case-blind: a hyphenated given name keeps or loses its inner capital
    # between renderings ('Seok-Yeol Yoon' … 'Yoon Seok-yeol')
    seen: dict[tuple[str, str], tuple[int, str]] = {}
    for m in _NAME_PAIR.finditer(text):
        a, b = m.group(1), m.group(2)
        if a in not_names or b in not_names or a == b:
            continue
        seen.setdefault((a.lower(), b.lower()), (m.start(), m.group(0)))
    for (a, b), (first, form) in sorted(seen.items(), key=lambda kv: kv[1][0]):
        if (b, a) in seen and seen[(b, a)][0] > first:
            yield first, seen[(b, a)][0], form, seen[(b, a)][1]


def _terms(text: str, prep):
    lower = text.lower()
    by_head: dict[str, dict[str, int]] = defaultdict(dict)
    for m in _TERM.finditer(lower):
        modifier, head = m.group(1), m.group(2)
        if head in prep.head_stop or modifier in prep.head_stop:
            continue
        by_head[head].setdefault(modifier, m.start())
    for head, modifiers in by_head.items():
        if len(modifiers) < 2:
            continue
        ordered = sorted(modifiers.items(), key=lambda kv: kv[1])
        done = False
        for i, (w1, p1) in enumerate(ordered):
            for w2, p2 in ordered[i + 1:]:
                if _variants(w1, w2, prep.stem_min) and not any(
                        w1.startswith(a) and w2.startswith(b) or w1.startswith(b) and w2.startswith(a) for a, b in prep.ok):
                    yield p1, p2, f"{w1} {head}", f"{w2} {head}"
                    done = True
                    break
            if done:
                break


def run(rule, prep, doc):
    text = doc.text
    pairs = _name_order(text, prep.not_names) if prep.mode == "name-order" else _terms(text, prep)
    for first, second, a, b in pairs:
        # the text explains the variant near either occurrence
        if _EXPLAINED.search(text[max(0, first - 80): first + len(a) + 80]) or _EXPLAINED.search(text[max(0, second - 80): second + len(b) + 80]):
            continue
        if honest_context(doc, second, second + len(b)):
            continue
        yield Hit(second, second + len(b), fields=(("first", a), ("second", b)))

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"mode": str, "ok_pairs": list[str], "stems_min": int, **{key: str for key in LISTS}}
