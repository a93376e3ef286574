"""Where a match is not English running prose, and so not evidence of translation.

Calque rules look for foreign habits in English copy. The same strings are
honest when the text cites them: a word quoted as a word ('M.', ‘assisted to
the opening’), code and other markup that marks a span as another language
(HTML ``lang="fr"``, ``<code>``), and aligned tables of figures. This module
answers one question for the calque kinds: is this span in such a place?
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from ..codelists import code_list
from ..htmlpage.elements import element_index

_OPEN_TO_CLOSE = {"‘": "’", "“": "”", "«": "»", '"': '"', "„": "”"}
_CLOSERS = set(_OPEN_TO_CLOSE.values())
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_TABLE_GAP = re.compile(r"\S( {2,}|\t+)(?=\S)")
_CODE_LINE = re.compile(r"^(?: {4}|\t)\S")
_FENCE = re.compile(r"^\s*(```|~~~)")

# HTML elements whose text is code, or another language when they carry lang=
_CODE_TAGS = {"code", "pre", "kbd", "samp", "var", "tt"}


def _marked_spans(doc) -> list[tuple[int, int]]:
    """Source spans of elements marked as code or as a language other than English.

    An element counts when its own closing tag closes it (tags paired as
    written); its span is its content, from the element index of the page.
    """
    index = element_index(doc)
    if index is None:
        return []
    spans = []
    for el in index.written():
        marked = el.tag in _CODE_TAGS
        if not marked and el.tag not in ("html", "body") and el.lang and not el.lang.lower().startswith("en"):
            marked = True
        if marked:
            spans.append((el.open_end, el.close))
    return spans


def marked_spans(doc) -> list[tuple[int, int]]:
    cache = doc.derived.get("prose marked")
    if cache is None:
        cache = _marked_spans(doc)
        doc.derived["prose marked"] = cache
    return cache


def _line_of(text: str, start: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", start)
    return s, (len(text) if e == -1 else e)


def in_code_block(text: str, start: int) -> bool:
    """Inside a fenced (```) block of plain text or Markdown."""
    fences = 0
    for line in text[:start].split("\n"):
        if _FENCE.match(line):
            fences += 1
    return fences % 2 == 1


def in_table_or_code_line(text: str, start: int) -> bool:
    s, e = _line_of(text, start)
    line = text[s:e]
    if _CODE_LINE.match(line):
        return True
    if line.lstrip().startswith("|") and line.count("|") >= 2:
        return True
    return len(_TABLE_GAP.findall(line.strip())) >= 2


def _is_apostrophe(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def in_mention(text: str, start: int, end: int, max_words: int = 6) -> bool:
    """Inside a short quotation on one line: a word or phrase cited as an example."""
    s, e = _line_of(text, start)
    i = start - 1
    opener = None
    while i >= s:
        c = text[i]
        if c in _OPEN_TO_CLOSE and not (c == "‘" and _is_apostrophe(text, i)):
            if c == '"' and text[s:i].count('"') % 2 == 1:
                break  # this straight quote closes an earlier one
            opener = i
            break
        if c in _CLOSERS and c != '"' and not (c == "’" and _is_apostrophe(text, i)):
            return False
        i -= 1
    if opener is None:
        return False
    close = _OPEN_TO_CLOSE[text[opener]]
    j = end
    while j < e:
        c = text[j]
        if c == close and not (c == "’" and _is_apostrophe(text, j)):
            inner = text[opener + 1: j]
            return len(_WORD.findall(inner)) <= max_words
        j += 1
    return False


def _english() -> frozenset:
    """Common English words (rules/lists/, named in origin.toml's [code_lists]), read once per process."""
    return code_list("prose_english_words")


def in_foreign_quote(text: str, start: int) -> bool:
    """Inside a quotation on one line whose words are not English (« vents violents … »)."""
    s, e = _line_of(text, start)
    for open_, close in (("«", "»"), ("“", "”"), ("„", "”"), ("„", "“")):
        o = text.rfind(open_, s, start)
        if o == -1:
            continue
        c = text.find(close, start, e)
        if c == -1 or text.find(close, o + 1, start) != -1:
            continue
        words = [w.lower() for w in _WORD.findall(text[o + 1: c])]
        if len(words) >= 3 and not any(map(_english().__contains__, words)):
            return True
    return False


class _Index:
    """The answers of the functions above for every span of one text, in
    logarithmic time per question: line bounds, quotation marks, fences and
    words are found once per text instead of rescanning the line (or the text)
    for each match. Each method gives exactly the answer of its function."""

    def __init__(self, text: str):
        self.text = text
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.line_starts = starts
        self.has_fence = "```" in text or "~~~" in text
        self._table: dict[int, bool] = {}
        self._fences = None
        self._quotes = None
        self._words = None

    def line(self, start: int) -> tuple[int, int, int]:
        """(index, start, end) of the line holding offset ``start`` (as _line_of)."""
        k = bisect_right(self.line_starts, start) - 1
        s = self.line_starts[k]
        e = self.line_starts[k + 1] - 1 if k + 1 < len(self.line_starts) else len(self.text)
        return k, s, e

    # -- tables and code lines
    def table_or_code_line(self, start: int) -> bool:
        k, s, e = self.line(start)
        if k not in self._table:
            self._table[k] = in_table_or_code_line(self.text, start)
        return self._table[k]

    # -- fenced code blocks
    def code_block(self, start: int) -> bool:
        if self._fences is None:
            fences = []  # (line index, end of the fence match within the line)
            text = self.text
            for k, s in enumerate(self.line_starts):
                e = self.line_starts[k + 1] - 1 if k + 1 < len(self.line_starts) else len(text)
                m = _FENCE.match(text[s:e])  # '^' needs the line as a string of its own
                if m:
                    fences.append((k, m.end()))
            self._fences = fences
            self._fence_lines = [k for k, _ in fences]
            self._fence_end = dict(fences)
        k, s, _e = self.line(start)
        before = bisect_left(self._fence_lines, k)  # fence lines wholly before this one
        if k in self._fence_end and start - s >= self._fence_end[k]:
            before += 1  # text[:start] holds this line's fence too
        return before % 2 == 1

    # -- quotation marks
    def _quote_positions(self):
        if self._quotes is None:
            text = self.text
            wanted = set(_OPEN_TO_CLOSE) | _CLOSERS | {"“"}
            positions: dict[str, list[int]] = {c: [] for c in wanted}
            for i, c in enumerate(text):
                if c in wanted:
                    positions[c].append(i)
            self._quotes = positions
            stoppers = []
            valid_close: dict[str, list[int]] = {c: [] for c in _CLOSERS}
            for i in sorted(i for c in wanted for i in positions[c]):
                c = text[i]
                opener = c in _OPEN_TO_CLOSE and not (c == "‘" and _is_apostrophe(text, i))
                closer = c in _CLOSERS and c != '"' and not (c == "’" and _is_apostrophe(text, i))
                if opener or closer:
                    stoppers.append(i)
                if c in _CLOSERS and not (c == "’" and _is_apostrophe(text, i)):
                    valid_close[c].append(i)
            self._stoppers = stoppers
            self._valid_close = valid_close
            dq = positions['"']
            self._dq = dq
        return self._quotes

    def _word_index(self):
        if self._words is None:
            starts, english = [], []
            common = _english()
            for m in _WORD.finditer(self.text):
                starts.append(m.start())
                english.append(1 if m.group().lower() in common else 0)
            self._words = starts
            self._english = [0, *accumulate(english)]
        return self._words

    def _count_words(self, lo: int, hi: int) -> tuple[int, int]:
        """(words, English words) wholly inside [lo, hi), bounded by non-word characters."""
        starts = self._word_index()
        a, b = bisect_left(starts, lo), bisect_left(starts, hi)
        return b - a, self._english[b] - self._english[a]

    def foreign_quote(self, start: int) -> bool:
        positions = self._quote_positions()
        _k, s, e = self.line(start)
        for open_, close in (("«", "»"), ("“", "”"), ("„", "”"), ("„", "“")):
            opens = positions[open_]
            x = bisect_left(opens, start) - 1
            if x < 0 or opens[x] < s:
                continue
            o = opens[x]
            closes = positions[close]
            y = bisect_left(closes, start)
            if y >= len(closes) or closes[y] >= e:
                continue
            c = closes[y]
            z = bisect_left(closes, o + 1)
            if z < len(closes) and closes[z] < start:
                continue
            words, english = self._count_words(o + 1, c)
            if words >= 3 and english == 0:
                return True
        return False

    def mention(self, start: int, end: int, max_words: int = 6) -> bool:
        self._quote_positions()
        text = self.text
        _k, s, e = self.line(start)
        x = bisect_left(self._stoppers, start) - 1
        if x < 0 or self._stoppers[x] < s:
            return False
        i = self._stoppers[x]
        c = text[i]
        if c in _OPEN_TO_CLOSE and not (c == "‘" and _is_apostrophe(text, i)):
            if c == '"' and (bisect_left(self._dq, i) - bisect_left(self._dq, s)) % 2 == 1:
                return False  # this straight quote closes an earlier one
            opener = i
        else:
            return False  # a closing mark comes first
        close = _OPEN_TO_CLOSE[text[opener]]
        closes = self._valid_close[close]
        y = bisect_left(closes, end)
        if y >= len(closes) or closes[y] >= e:
            return False
        words, _english = self._count_words(opener + 1, closes[y])
        return words <= max_words


def _index(doc, text: str) -> _Index:
    """The index of ``text`` (the document's text, or a part a rule reads), built once."""
    indexes = doc.derived.setdefault("prose indexes", {})
    index = indexes.get(id(text))
    if index is None or index.text is not text:
        index = indexes[id(text)] = _Index(text)
    return index


def _span_index(doc):
    """Marked spans sorted by start, with the furthest end so far: containment in log time."""
    cached = doc.derived.get("prose span index")
    if cached is None:
        spans = sorted(marked_spans(doc))
        cached = ([s for s, _ in spans], list(accumulate((e for _, e in spans), max)))
        doc.derived["prose span index"] = cached
    return cached


def honest_context(doc, start: int, end: int, text: str | None = None, mentions: bool = True) -> str | None:
    """Why the span [start, end) of ``text`` (default ``doc.text``) is not English prose, or None."""
    text = doc.text if text is None else text
    spans = marked_spans(doc)
    if spans:
        src = doc.source_offset(start)
        starts, reach = _span_index(doc)
        k = bisect_right(starts, src) - 1
        if k >= 0 and reach[k] > src:
            return "marked as code or another language"
    index = _index(doc, text)
    if index.table_or_code_line(start):
        return "table or code line"
    if index.has_fence:
        if index.code_block(start):
            return "code block"
    if index.foreign_quote(start):
        return "inside a quotation in another language"
    if mentions and index.mention(start, end):
        return "cited as an example in quotation marks"
    return None
