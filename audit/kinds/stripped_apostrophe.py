"""Kind ``stripped-apostrophe``: words whose apostrophe was stripped.

Judged against the document itself, not a dictionary: "Moscows" is evidence
only when the same text also spells "Moscow’s"; "LExpress" only beside
"L’Express". Real words that a stripped form can spell ("its", "well",
"were") are listed in params and pass.

params:
  exceptions  lower-case stripped forms that are ordinary words
"""

from __future__ import annotations

import re

from ..findings import Hit

_WITH_APOSTROPHE = re.compile(r"\b([^\W\d_]+)['’]([^\W\d_]+)\b")
_WORD = re.compile(r"\b[^\W\d_]{3,}\b")


def compile(rule, catalogue):
    return frozenset(e.lower() for e in rule.params.get("exceptions", []))


def run(rule, exceptions, doc):
    text = doc.text
    stripped = {}
    for m in _WITH_APOSTROPHE.finditer(text):
        joined = m.group(1) + m.group(2)
        if joined.lower() not in exceptions:
            stripped.setdefault(joined, m.group())
    if not stripped:
        return
    for m in _WORD.finditer(text):
        original = stripped.get(m.group())
        if original:
            yield Hit(m.start(), m.end(), fields=(("original", original),))
