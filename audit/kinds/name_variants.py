"""Kind ``name-variants``: one name spelled two ways in one text (Maia/Maya Sandu).

Machine and round-trip translation transliterate a name afresh each time it
occurs, so the same person comes out as 'Oleksandr' and 'Olexandr', 'Maia'
and 'Maya'. Two capitalised words count as variants of one name when they
differ only in the letters that transliteration swaps (i/y/j, k/c, ks/x,
s/z, f/ph, v/w, doubled letters) and stand next to the same other name
('Maia Sandu' … 'Maya Sandu'). A text that explains a variant ('also
spelled', 'also written', 'or …') is not counted.

params:
  min_length   shortest word considered (default 4)
  note         text for the message's {note}
The message template gets {first} and {second}.
"""

from __future__ import annotations

import re
import unicodedata

from ..findings import Hit
from ._prose import honest_context

_PAIR = re.compile(r"(?=\b([A-Z][a-z]+(?:[-'’][A-Za-z][a-z]+)*)[ \t]+([A-Z][a-z]+(?:[-'’][A-Za-z][a-z]+)*)\b)")
_EXPLAINED = re.compile(r"\b(?:also (?:spelled|spelt|written|transliterated|known as)|spelled|spelt|transliterat\w*|or sometimes)\b", re.I)
_FOLD = [("ph", "f"), ("kh", "h"), ("ks", "x"), ("ck", "k"), ("c", "k"), ("y", "i"), ("j", "i"), ("z", "s"), ("w", "v")]


def fold(word: str) -> str:
    """A transliteration-blind key: 'Olexandr' and 'Oleksandr' fold alike."""
    w = unicodedata.normalize("NFKD", word.lower())
    w = "".join(c for c in w if c.isalpha())
    for a, b in _FOLD:
        w = w.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", w)


def compile(rule, catalogue):
    return int(rule.params.get("min_length", 4)), rule.params.get("note", "")


def run(rule, prep, doc):
    min_length, note = prep
    text = doc.text
    if _EXPLAINED.search(text):
        return
    # (folded word, the other word of the pair, side) -> first spelling seen and its offset
    seen: dict[tuple[str, str, int], tuple[str, int]] = {}
    reported = set()
    for m in _PAIR.finditer(text):
        for side in (1, 2):
            word = m.group(side)
            other = m.group(3 - side)
            if len(word) < min_length or word == other:
                continue
            key = (fold(word), other, side)
            first = seen.get(key)
            if first is None:
                seen[key] = (word, m.start(side))
                continue
            if first[0] == word or (first[0], word) in reported:
                continue
            start, end = m.start(side), m.end(side)
            if honest_context(doc, start, end):
                continue
            reported.add((first[0], word))
            yield Hit(start, end, fields=(("note", note), ("first", first[0]), ("second", word)))

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"min_length": int, "note": str}
