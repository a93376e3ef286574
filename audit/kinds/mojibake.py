"""Kind ``mojibake``: UTF-8 text decoded with the wrong code page (â€™, Ã©).

Candidates are found with a cheap pattern of the tell-tale lead characters;
ftfy confirms each one (it is imported only when a candidate is found).

params:
  max_hits  stop after this many findings (default 20)
"""

from __future__ import annotations

import re

from ..findings import Hit

_CANDIDATE = re.compile(r"[ÂÃÅâÐÑÎ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]{1,2}")


def compile(rule, catalogue):
    return int(rule.params.get("max_hits", 20))


def run(rule, max_hits, doc):
    text = doc.text
    first = _CANDIDATE.search(text)
    if not first:
        return
    import ftfy

    count = 0
    for m in _CANDIDATE.finditer(text, first.start()):
        s = max(0, m.start() - 3)
        window = text[s: m.end() + 3]
        fixed = ftfy.fix_text(window)
        if fixed != window:
            yield Hit(m.start(), m.end(), fields=(("fixed", ftfy.fix_text(m.group())),))
            count += 1
            if count >= max_hits:
                return

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"max_hits": int}
