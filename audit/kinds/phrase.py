"""Kind ``phrase``: literal words and phrases, matched in one pass per document.

Every phrase rule's entries go into one index keyed by the first word of each
phrase. The document is lower-cased once and split into words once; each word
looks up the phrases that can start there. So the cost is one scan of the
text whatever the number of phrases.

params:
  phrases        list of phrases; an entry may carry a note: "phrase | note"
  phrases_from   name of a list in rules/lists/ (same format)
  case_sensitive match the case as written (default false)
  position       anywhere | line-start | whole-line (default anywhere);
                 whole-line allows bullets, quotes and closing punctuation
                 around the phrase
  skip           ["non-prose"] drops a match where the text is not English
                 running prose (see :mod:`audit.kinds._prose`): HTML marked as
                 code or another language, code blocks, tables, quotations in
                 another language, and short quotations that cite the words
                 as an example. For calque rules. The rules that use it are
                 still matched in the same single pass; the mask only filters
                 their matches.
  skip_mentions  with "non-prose": false keeps matches inside short quoted
                 examples (default true)

A site's own single labels are not evidence, so three line shapes pass:
  - whole-line: a lower-case word closing a hard-wrapped sentence ("a\nshare."),
    the line before it holding the sentence's start;
  - whole-line: a one-word label ("Share", "Print") with no other of the
    rule's lines within three lines — a widget or a pager prints several —
    unless the rule says ``one_word_alone = true`` (a one-word form of a
    label that is evidence alone: "Quelllink", a compound "source link");
  - line-start: a label alone on its line followed by a paragraph of running
    prose — an empty related-links box of the site's own template.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict

from ..findings import Hit
from ._prose import honest_context
from ._scope import scope_of, skip_masks

_WORD = re.compile(r"\w+")
_LINE_LEAD = " \t•*-–—>#·▪●◦|_\"'“”‘’«»[("
_LINE_TAIL = " \t.:;,!?…\"'“”‘’«»)]*_|"
SKIPS = ("non-prose",)


class Prepared:
    __slots__ = ("entries", "case_sensitive", "position", "non_prose", "mentions", "lone_word")

    def __init__(self, entries, case_sensitive, position, non_prose=False, mentions=True, lone_word=False):
        self.entries = entries  # list of (phrase, note)
        self.case_sensitive = case_sensitive
        self.position = position
        self.non_prose = non_prose
        self.mentions = mentions
        self.lone_word = lone_word  # a one-word whole line counts alone


def parse_entry(entry: str) -> tuple[str, str]:
    phrase, _, note = entry.partition(" | ")
    return phrase.strip(), note.strip()


def compile(rule, catalogue):
    params = rule.params
    raw = list(params.get("phrases", []))
    if params.get("phrases_from"):
        raw.extend(catalogue.word_list(params["phrases_from"]))
    if not raw:
        raise ValueError("a phrase rule needs 'phrases' or 'phrases_from'")
    position = params.get("position", "anywhere")
    if position not in {"anywhere", "line-start", "whole-line"}:
        raise ValueError(f"unknown position '{position}'")
    entries = [parse_entry(e) for e in raw]
    for phrase, _ in entries:
        if not _WORD.search(phrase):
            raise ValueError(f"phrase '{phrase}' has no word character to index")
    skip = skip_masks(params, SKIPS)
    if "skip_mentions" in params and "non-prose" not in skip:
        raise ValueError("'skip_mentions' needs skip = [\"non-prose\"]")
    return Prepared(entries, bool(params.get("case_sensitive", False)), position,
                    non_prose="non-prose" in skip, mentions=bool(params.get("skip_mentions", True)),
                    lone_word=bool(params.get("one_word_alone", False)))


_INDEXES: dict = {}  # built once per group of prepared rules, not per document


def _index(items):
    """first lower-case word -> [(phrase_lower, lead, rule, prepared, phrase, note)]"""
    key = tuple((rule.id, prep) for rule, prep in items)
    if key not in _INDEXES:
        _INDEXES[key] = _build_index(items)
    return _INDEXES[key]


def _build_index(items):
    flat = defaultdict(list)
    for rule, prep in items:
        for phrase, note in prep.entries:
            low = phrase.lower()
            m = _WORD.search(low)
            flat[m.group()].append((low, m.start(), rule, prep, phrase, note))
    return {word: _Candidates(cands) for word, cands in flat.items()}


class _Candidates:
    """The phrases of one first word, found by the (up to) two characters that follow the word.

    A phrase can match only where the text after the word starts with what follows the
    word in the phrase, so ``at`` returns only those phrases, in the order they were
    listed: a common word ('the') no longer tries every phrase it begins.
    """

    __slots__ = ("all", "by_tail", "lengths", "memo")

    def __init__(self, cands):
        self.all = cands
        self.by_tail: dict[str, list] = defaultdict(list)
        for k, cand in enumerate(cands):
            low, lead = cand[0], cand[1]
            word = _WORD.match(low, lead).group()
            self.by_tail[low[lead + len(word):lead + len(word) + _TAIL]].append((k, cand))
        self.lengths = sorted({len(tail) for tail in self.by_tail})
        self.memo: dict[str, list] = {}

    def at(self, lower: str, end: int) -> list:
        tail = lower[end:end + _TAIL]  # the answer depends on these characters only
        cands = self.memo.get(tail)
        if cands is None:
            cands = self._at(tail)
            if len(self.memo) < 4096:
                self.memo[tail] = cands
        return cands

    def _at(self, lower: str, end: int = 0) -> list:
        found = []
        for n in self.lengths:
            if end + n > len(lower):
                break  # the text ends before this tail could
            found.extend(self.by_tail.get(lower[end:end + n], ()))
        found.sort(key=lambda kc: kc[0])
        return [cand for _k, cand in found]


_TAIL = 2
_NEWLINE = re.compile("\n")


def _at_line_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _LINE_LEAD:
        i -= 1
    return i < 0 or text[i] == "\n"


def _at_line_end(text: str, end: int) -> bool:
    i = end
    n = len(text)
    while i < n and text[i] in _LINE_TAIL:
        i += 1
    return i >= n or text[i] == "\n"


_SENTENCE_END = tuple('.!?:;"”’…)')


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    return ls, len(text) if le < 0 else le


def _wrapped_tail(text: str, start: int, end: int) -> bool:
    """"share." closing a sentence begun on the line before (hard-wrapped text)."""
    if not text[start:start + 1].islower():
        return False
    ls, le = _line_bounds(text, start, end)
    if not text[ls:le].rstrip().endswith("."):
        return False
    prev_end = ls - 1
    if prev_end <= 0:
        return False
    prev = text[text.rfind("\n", 0, prev_end) + 1:prev_end].strip()
    return bool(prev) and not prev.endswith(_SENTENCE_END)


def _lone_label_before_prose(text: str, start: int, end: int) -> bool:
    """A label alone on its line, then running prose: an empty related-links box."""
    ls, le = _line_bounds(text, start, end)
    if text[ls:le].strip(_LINE_LEAD + _LINE_TAIL).lower() != text[start:end].strip(_LINE_LEAD + _LINE_TAIL).lower():
        return False
    rest = text[le:].lstrip()
    nxt = rest.split("\n", 1)[0]
    return len(nxt.split()) >= 20


def _single_labels(found):
    """Drop whole-line one-word labels with no other of the rule's lines within three lines."""
    for k, (rule, hit, prep, low, line) in enumerate(found):
        if prep.position == "whole-line" and not prep.lone_word and not _WORD.search(low[_WORD.search(low).end():]):
            if not any(
                j != k and other[0].id == rule.id and other[3] != low and abs(other[4] - line) <= 3
                for j, other in enumerate(found)
            ):
                continue
        yield rule, hit


def _placed(text: str, lower: str, m, low: str, lead: int, prep, phrase: str) -> tuple[int, int] | None:
    """The span of a candidate phrase at word ``m``, or None when it is not there as the rule asks."""
    start = m.start() - lead
    if start < 0 or not lower.startswith(low, start):
        return None
    end = start + len(low)
    # whole words only
    if low[0].isalnum() and start > 0 and (lower[start - 1].isalnum() or lower[start - 1] == "_"):
        return None
    if low[-1].isalnum() and end < len(lower) and (lower[end].isalnum() or lower[end] == "_"):
        return None
    if prep.case_sensitive and text[start:end] != phrase:
        return None
    if prep.position == "line-start" and (not _at_line_start(text, start) or _lone_label_before_prose(text, start, end)):
        return None
    if prep.position == "whole-line" and not (
        _at_line_start(text, start) and _at_line_end(text, end) and not _wrapped_tail(text, start, end)
    ):
        return None
    return start, end


def _lowered(doc, scope_name: str, text: str) -> str:
    lower = doc.lower if (scope_name == "body") else text.lower()
    if len(lower) != len(text):
        lower = "".join(c.lower()[:1] or c for c in text)
    return lower


def _scan(group, doc, scope_name: str, scope):
    text = scope.text
    lower = _lowered(doc, scope_name, text)
    index = _index(group)
    seen = set()
    found = []
    newlines = None
    for m in _WORD.finditer(lower):
        cands = index.get(m.group())
        if not cands:
            continue
        for low, lead, rule, prep, phrase, note in cands.at(lower, m.end()):
            span = _placed(text, lower, m, low, lead, prep, phrase)
            if span is None or (rule.id, span[0]) in seen:
                continue
            start, end = span
            seen.add((rule.id, start))
            if prep.non_prose and not scope.in_source and honest_context(
                doc, scope.base + start, scope.base + end, mentions=prep.mentions
            ):
                continue
            hit = Hit(scope.base + start, scope.base + end, fields=(("note", note),), in_source=scope.in_source)
            if newlines is None:
                newlines = [nl.start() for nl in _NEWLINE.finditer(text)]
            found.append((rule, hit, prep, low, bisect_left(newlines, start)))  # text.count("\n", 0, start)
    return found


def run_many(items, doc):
    by_scope = defaultdict(list)
    for rule, prep in items:
        by_scope[rule.scope].append((rule, prep))
    for scope_name, group in by_scope.items():
        scope = scope_of(group[0][0], doc)
        if scope is None or not scope.text:
            continue
        yield from _single_labels(_scan(group, doc, scope_name, scope))


def run(rule, prep, doc):
    for _, hit in run_many([(rule, prep)], doc):
        yield hit

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {
    "case_sensitive": bool, "one_word_alone": bool, "phrases": list[str], "phrases_from": str, "position": str, "skip": list[str],
    "skip_mentions": bool,
}
