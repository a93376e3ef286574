"""Kind ``stripped-apostrophe``: words whose apostrophe was stripped.

Judged against the document itself, not a dictionary: "LExpress" is evidence
only when the same text also spells "L’Express". A stripped possessive
("Moscows" beside "Moscow’s") reads exactly like a plural ("Councils" beside
"Council’s"), so it counts only on a short line standing as a paragraph of its own (not
a line of a hard-wrapped paragraph) with no apostrophe or quote mark at all
and no closing punctuation — the slug copy of a headline that slug
generators make; other
elisions (L’, d’, n’t, ’ll, ’re) count anywhere. Real words that a stripped
form can spell ("its", "well", "were") are listed in params and pass.

params:
  exceptions  lower-case stripped forms that are ordinary words
  max_words   longest line on which a stripped possessive counts (default 25)
"""

from __future__ import annotations

import re

from ..findings import Hit

_WITH_APOSTROPHE = re.compile(r"\b([^\W\d_]+)['’]([^\W\d_]+)\b")
_WORD = re.compile(r"\b[^\W\d_]{3,}\b")
_QUOTE_MARKS = re.compile("['’‘\"“”«»]")
_CLOSED = tuple('.!?:;"”’»)…')


def compile(rule, catalogue):
    return frozenset(e.lower() for e in rule.params.get("exceptions", [])), int(rule.params.get("max_words", 25))


def run(rule, prep, doc):
    exceptions, max_words = prep
    text = doc.text
    stripped: dict[str, tuple[str, bool]] = {}
    for m in _WITH_APOSTROPHE.finditer(text):
        joined = m.group(1) + m.group(2)
        if joined.lower() not in exceptions:
            stripped.setdefault(joined, (m.group(), m.group(2).lower() == "s"))
    if not stripped:
        return
    # a line that stands on its own (a headline, a slug), not a line of a
    # hard-wrapped paragraph, which is short and unpunctuated too: the line
    # before it closes a sentence (or is blank) and the next does not go on
    # in lower case
    lines = doc.lines
    shown = [text[s:e] for s, e in lines]
    body = [ln.strip() for ln in shown if ln.strip()]
    # hard-wrapped text: most lines run on without closing punctuation
    wrapped = len(body) >= 8 and sum(not ln.endswith(_CLOSED) for ln in body) > len(body) / 2
    alone = set()
    for k, (start, _end) in enumerate(lines):
        prev = shown[k - 1].strip() if k else ""
        raw_next = shown[k + 1] if k + 1 < len(lines) else ""
        nxt = raw_next.strip()
        if prev and not prev.endswith(_CLOSED):
            continue
        if nxt[:1].islower():
            continue
        if wrapped and nxt and not raw_next[:1].isspace():
            continue  # the next line goes on with the same paragraph
        alone.add(start)
    for start, end in doc.lines:
        line = text[start:end]
        slug_like = None
        for m in _WORD.finditer(line):
            found = stripped.get(m.group())
            if not found:
                continue
            original, possessive = found
            if possessive:
                if slug_like is None:
                    slug_like = (
                        start in alone
                        and len(line.split()) <= max_words
                        and not _QUOTE_MARKS.search(line)
                        and not line.rstrip().endswith((".", "!", "?", ":", ";", ","))
                    )
                if not slug_like:
                    continue
            yield Hit(start + m.start(), start + m.end(), fields=(("original", original),))

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"exceptions": list[str], "max_words": int}
