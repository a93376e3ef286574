"""Source positions: the visible text of the raw page, character by character.

A flat scan of the source (:func:`source_text_stream`) decodes entities and
keeps, for every character of visible text, its offset in the source. Every
text node of the tree is then found in that stream once, in document order
(:func:`map_strings`), so every character the rules read maps back to a line
and column of the file, whatever order the parts of the page are read in.
"""

from __future__ import annotations

import re

from ..document import unescape
from .text import SKIP_TAGS

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|noscript|template|textarea|title)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<![^>]*>|<\?[^>]*>"
    r"|</?[a-zA-Z][^>]*>",
    re.S | re.I,
)
_ENTITY = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


def _tokens(source: str):
    """``_TOKEN.finditer(source)`` in linear time.

    Past the last ``>`` every ``<`` but a comment's fails after reading the
    rest of the page, once per ``<``: on a page of ``<a`` without ``>`` that is
    quadratic. So the page is scanned up to its last ``>``; a match that ran
    into that limit (a comment or script closed only by the end) is matched
    again without it, and after the limit only comments are looked for, which
    is all the expression can find there.
    """
    limit = source.rfind(">") + 1
    pos = 0
    if limit:
        for m in _TOKEN.finditer(source, 0, limit):
            if m.end() == limit and (m.group(1) or m.group().startswith("<!--")):
                m = _TOKEN.match(source, m.start())  # what it is without the limit
            yield m
            pos = m.end()
            if pos > limit:
                break
    while True:
        at = source.find("<!--", max(pos, limit))
        if at == -1:
            return
        m = _TOKEN.match(source, at)
        yield m
        pos = m.end()


def source_text_stream(source: str) -> tuple[str, list[int]]:
    """Visible text of ``source`` with entities decoded, and each char's source offset."""
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0

    def add_run(start: int, end: int) -> None:
        i = start
        while i < end:
            amp = source.find("&", i, end)
            if amp == -1:
                chars.append(source[i:end])
                offsets.extend(range(i, end))
                return
            if amp > i:
                chars.append(source[i:amp])
                offsets.extend(range(i, amp))
            m = _ENTITY.match(source, amp, end)
            if m:
                decoded = unescape(m.group())
                chars.append(decoded)
                offsets.extend([amp] * len(decoded))
                i = m.end()
            else:
                chars.append("&")
                offsets.append(amp)
                i = amp + 1

    for m in _tokens(source):
        if m.start() > pos:
            add_run(pos, m.start())
        pos = m.end()
    if pos < len(source):
        add_run(pos, len(source))
    return "".join(chars), offsets


def map_strings(soup, stream: str, stream_offsets: list[int]) -> dict[int, tuple[str, list[int]]]:
    """id(text node) -> (text as read, source offset of each char), in one ordered pass.

    Iterative, so 10,000-deep nesting costs no recursion. A text node that
    cannot be found in the stream (a parser repair) is placed at the cursor.
    """
    from bs4 import NavigableString, Tag

    from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction

    skip_strings = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
    out: dict[int, tuple[str, list[int]]] = {}
    cursor = 0
    stack = [soup]
    while stack:
        node = stack.pop()
        if isinstance(node, NavigableString):
            if isinstance(node, skip_strings):
                continue
            s = str(node)
            if not s:
                continue
            found = stream.find(s, cursor)
            if found == -1:
                stripped = s.strip()
                found = stream.find(stripped, cursor) if stripped else -1
                if found != -1:
                    s = stripped
            if found == -1:
                at = stream_offsets[min(cursor, len(stream_offsets) - 1)] if stream_offsets else 0
                out[id(node)] = (s, [at] * len(s))
            else:
                out[id(node)] = (s, stream_offsets[found:found + len(s)])
                cursor = found + len(s)
            continue
        if isinstance(node, Tag):
            if node.name in SKIP_TAGS:
                continue
            stack.extend(reversed(node.contents))
    return out
