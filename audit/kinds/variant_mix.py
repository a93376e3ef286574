"""Kind ``variant-mix``: two spellings of one name that a single writer would not mix.

params:
  pairs  list of [spelling, spelling] compared case-sensitively; the finding
         points at the first occurrence of the second spelling.
"""

from __future__ import annotations

import re

from ..findings import Hit


def compile(rule, catalogue):
    pairs = []
    for a, b in rule.params["pairs"]:
        pairs.append((a, b, re.compile(r"\b" + re.escape(a) + r"\b"), re.compile(r"\b" + re.escape(b) + r"\b")))
    return pairs


def run(rule, pairs, doc):
    for a, b, ra, rb in pairs:
        ma = ra.search(doc.text)
        mb = rb.search(doc.text)
        if ma and mb:
            yield Hit(mb.start(), mb.end(), fields=(("first", a), ("second", b)))

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"pairs": list[list[str]]}
