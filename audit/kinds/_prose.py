"""Where a match is not English running prose, and so not evidence of translation.

Calque rules look for foreign habits in English copy. The same strings are
honest when the text cites them: a word quoted as a word ('M.', ‘assisted to
the opening’), code and other markup that marks a span as another language
(HTML ``lang="fr"``, ``<code>``), and aligned tables of figures. This module
answers one question for the calque kinds: is this span in such a place?
"""

from __future__ import annotations

import re

_OPEN_TO_CLOSE = {"‘": "’", "“": "”", "«": "»", '"': '"', "„": "”"}
_CLOSERS = set(_OPEN_TO_CLOSE.values())
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_TABLE_GAP = re.compile(r"\S( {2,}|\t+)(?=\S)")
_CODE_LINE = re.compile(r"^(?: {4}|\t)\S")
_FENCE = re.compile(r"^\s*(```|~~~)")

# HTML elements whose text is code, or another language when they carry lang=
_CODE_TAGS = {"code", "pre", "kbd", "samp", "var", "tt"}
_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<(/?)([a-zA-Z][\w:-]*)([^>]*)>", re.S | re.I)
_LANG = re.compile(r"""\b(?:xml:)?lang\s*=\s*["']?([A-Za-z-]+)""", re.I)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _marked_spans(source: str) -> list[tuple[int, int]]:
    """Source spans of elements marked as code or as a language other than English."""
    spans = []
    stack: list[tuple[str, int, bool]] = []  # (tag, start, marked)
    for m in _TAG.finditer(source):
        name = m.group(3)
        if not name:
            continue
        name = name.lower()
        if name in _VOID:
            continue
        if m.group(2):  # closing tag: pop to the matching open tag
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    tag, start, marked = stack[i]
                    del stack[i:]
                    if marked:
                        spans.append((start, m.start()))
                    break
            continue
        if m.group(4).rstrip().endswith("/"):
            continue
        marked = name in _CODE_TAGS
        if name not in ("html", "body"):
            lang = _LANG.search(m.group(4))
            if lang and not lang.group(1).lower().startswith("en"):
                marked = True
        stack.append((name, m.end(), marked))
    return spans


def marked_spans(doc) -> list[tuple[int, int]]:
    cache = doc.__dict__.get("_prose_marked")
    if cache is None:
        cache = _marked_spans(doc.source) if doc.format == "html" else []
        doc.__dict__["_prose_marked"] = cache
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


_ENGLISH = frozenset(
    "the of and to in is a that for it we you not be are was with on this have they he she will would "
    "our their but from by at as must what there has been can all".split()
)


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
        if len(words) >= 3 and sum(w in _ENGLISH for w in words) == 0:
            return True
    return False


def _has_fences(doc, text: str) -> bool:
    """Does ``text`` hold a Markdown code fence? (Looked up once per document text.)"""
    cached = doc.__dict__.get("_prose_fences")
    if cached is None or cached[0] is not text:
        cached = (text, "```" in text or "~~~" in text)
        doc.__dict__["_prose_fences"] = cached
    return cached[1]


def honest_context(doc, start: int, end: int, text: str | None = None, mentions: bool = True) -> str | None:
    """Why the span [start, end) of ``doc.text`` is not English prose, or None."""
    text = doc.text if text is None else text
    spans = marked_spans(doc)
    if spans:
        src = doc.source_offset(start)
        for s, e in spans:
            if s <= src < e:
                return "marked as code or another language"
    if in_table_or_code_line(text, start):
        return "table or code line"
    if _has_fences(doc, text):
        if in_code_block(text, start):
            return "code block"
    if in_foreign_quote(text, start):
        return "inside a quotation in another language"
    if mentions and in_mention(text, start, end):
        return "cited as an example in quotation marks"
    return None
