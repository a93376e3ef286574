"""Kinds ``quote-marks-*``: quotation marks that a careful English text would not have.

One kind per check:
    guillemets            « » around English words (quoted French passes:
                          the span's function words decide; breadcrumb
                          separators such as "Home » World" and a link's
                          arrow, "Read more »", pass)
    closing-after-space   a closing quote detached from its words and put
                          before punctuation: `provocations “.`, `fired ” ,`
    stray-closing         a closing ” in a paragraph where no quote was opened
                          (a quote running over several paragraphs opens each
                          with “ and is not flagged; nor is a quote opened
                          in a sentence that a hard break splits, a straight
                          " or a ‘ opening a curly ”, or a markup
                          attribute slug=”…”)
"""

from __future__ import annotations

import re

from ..findings import Hit
from ._kind import Kind

_WORDS = re.compile(r"[^\W\d_]+")
_BREADCRUMB = re.compile(r"»[^»\n]{1,40}»|^[^\n»]{1,30}»\s*[^\n»]{1,30}$", re.M)
# "Read More »", "Continue reading »": a link's arrow, not a closing guillemet
_LINK_ARROW = re.compile(r"(?i)\b(?:more|reading|read|continue|next|older|newer|all|here|story|article|details|full)\s*»\s*$")
_CLOSING_AFTER_SPACE = re.compile(r"(?<=\w)[ \u00a0]+[“”\"](?=\s*[.,;:!?])|(?<=\w)“(?=[.,;:!?](?:\s|$))")


def _is_english(words: list[str], english: frozenset, foreign: frozenset) -> bool:
    en = sum(w in english for w in words)
    fo = sum(w in foreign for w in words)
    return en >= 2 and en > 2 * fo


def _guillemets_words(rule, catalogue):
    """The two function-word lists that tell an English span from a quotation."""
    return tuple(frozenset(catalogue.word_list(rule.params[key])) for key in ("english_from", "foreign_from"))


def _guillemets(doc, english: frozenset, foreign: frozenset):
    text = doc.text
    for start, end in doc.paragraphs:
        para = text[start:end]
        if "«" not in para and "»" not in para:
            continue
        for line_m in re.finditer(r"[^\n]+", para):
            line = line_m.group()
            if _BREADCRUMB.search(line) and "«" not in line:
                continue  # menu separators, not quotation marks
            if "«" not in line and _LINK_ARROW.search(line):
                continue
            base = start + line_m.start()
            for m in re.finditer(r"[«»]", line):
                if m.group() == "«":
                    close = re.search(r"[»”\"]", line[m.end():])
                    span = line[m.end(): m.end() + close.start()] if close else line[m.end():]
                else:
                    opener = max(line.rfind("«", 0, m.start()), line.rfind("“", 0, m.start()))
                    if line.rfind("«", 0, m.start()) != -1:
                        continue  # reported with its opening mark
                    span = line[opener + 1: m.start()] if opener != -1 else line[: m.start()]
                words = [w.lower() for w in _WORDS.findall(span)]
                if _is_english(words, english, foreign):
                    yield Hit(base + m.start(), base + m.end() + min(len(span), 40) if m.group() == "«" else base + m.end())


def _closing_after_space(doc):
    for m in _CLOSING_AFTER_SPACE.finditer(doc.text):
        # the quote must close something: an opening mark earlier on the line
        line_start = doc.text.rfind("\n", 0, m.start()) + 1
        before = doc.text[line_start: m.start()]
        if "“" in before or "\"" in before or "«" in before:
            end = m.end()
            while end < len(doc.text) and doc.text[end] in " .,;:!?":
                end += 1
                if doc.text[end - 1] in ".,;:!?":
                    break
            s = m.start()
            while s > line_start and doc.text[s - 1].isalnum():
                s -= 1
            yield Hit(s, end)


def _stray_closing(doc):
    text = doc.text
    carried = 0  # a quote the previous paragraph left open in mid-sentence (a hard break inside it)
    for start, end in doc.paragraphs:
        para = text[start:end]
        depth, carried = (carried if para[:1].islower() else 0), 0
        if "”" not in para and not any(c in para for c in "“«\"‘"):
            continue
        for m in re.finditer(r"[“”«»\"‘]", para):
            ch = m.group()
            if ch == "\"":
                # a straight quote: opens when none is open (a publisher mixing
                # straight and curly marks), else closes
                depth = depth + 1 if depth == 0 else depth - 1
            elif ch in "“«‘":
                if ch == "‘" and m.start() > 0 and para[m.start() - 1].isalnum():
                    continue  # an apostrophe typed as an opening mark
                depth += 1
            elif ch == "”":
                before = para[m.start() - 1] if m.start() else "\n"
                if before == "=":
                    depth += 1  # an attribute value of leftover markup: slug=”…”
                    continue
                if depth == 0:
                    s = max(0, m.start() - 30)
                    yield Hit(start + s, start + m.end())
                    break
                depth -= 1
            else:
                depth = max(0, depth - 1)
        else:
            if para.rstrip()[-1:].isalpha():
                carried = depth


GUILLEMETS = Kind(compile=_guillemets_words, run=lambda rule, prep, doc: _guillemets(doc, *prep), PARAMS={"english_from": str, "foreign_from": str})
CLOSING_AFTER_SPACE = Kind(run=lambda rule, prep, doc: _closing_after_space(doc))
STRAY_CLOSING = Kind(run=lambda rule, prep, doc: _stray_closing(doc))
