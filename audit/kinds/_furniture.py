"""Where an HTML match sits in page furniture rather than in the article's copy.

Text inside a breadcrumb ``<nav>``, a ``<header>``, a ``<time>`` element, a
``<figcaption>`` or an element whose class names it furniture (``byline``,
``timestamps``, ``breadcrumbs`` …) is the site's own layout, not copy. This
module answers that for the ``pattern`` kind's ``skip = ["page-furniture"]``.
"""

from __future__ import annotations

import re

DEFAULT_SKIP_TAGS = ("nav", "header", "footer", "aside", "time", "figcaption")
DEFAULT_SKIP_CLASSES = r"(?:^|[-_])(?:breadcrumbs?|byline|meta|timestamps?|dateline|posted-on|entry-date)(?:$|[-_])"

_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<(/?)([a-zA-Z][\w:-]*)([^>]*)>", re.S | re.I)
_ATTR = re.compile(r"""\b(?:class|id|role)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_CLOSES_P = {"p", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "figure", "section", "article", "nav", "header", "footer", "aside", "pre"}


def _apply(stack: list[tuple[str, str]], m: re.Match) -> None:
    """One tag of the scan applied to the stack of open elements."""
    name = m.group(3)
    if name is None:
        return
    name = name.lower()
    attrs = m.group(4) or ""
    if m.group(2):
        for i in range(len(stack) - 1, -1, -1):
            if stack[i][0] == name:
                del stack[i:]
                break
        return
    if name in _VOID or attrs.rstrip().endswith("/"):
        return
    if stack and stack[-1][0] == "p" and name in _CLOSES_P:
        stack.pop()
    if name == "li" and stack and stack[-1][0] == "li":
        stack.pop()
    hints = " ".join(a or b for a, b in _ATTR.findall(attrs))
    stack.append((name, hints))


def _scan(source: str, offset: int) -> list[tuple[str, str]]:
    """The open elements at ``offset``, by scanning the source up to it."""
    stack: list[tuple[str, str]] = []
    for m in _TAG.finditer(source, 0, offset):
        _apply(stack, m)
    return stack


class Walker:
    """``enclosing`` for many offsets of one source, in one pass.

    The tags of the whole source are scanned once; a question at a later
    offset carries the stack forward instead of rescanning from the start.
    The scan of ``source[:offset]`` and the scan of the whole source agree on
    every tag that ends before ``offset`` (the expression's terminators are
    the first ones found either way), so only a tag that straddles the
    offset is scanned again, up to the offset, as ``_scan`` would see it.
    """

    def __init__(self, source: str):
        self.source = source
        self._tags = _TAG.finditer(source)
        self._pending: re.Match | None = None
        self._stack: list[tuple[str, str]] = []
        self._offset = -1

    def _next(self) -> re.Match | None:
        if self._pending is None:
            self._pending = next(self._tags, None)
        return self._pending

    def at(self, offset: int) -> list[tuple[str, str]]:
        if offset < self._offset:
            return _scan(self.source, offset)  # asked out of order: scan afresh
        self._offset = offset
        while True:
            m = self._next()
            if m is None or m.end() > offset:
                break
            _apply(self._stack, m)
            self._pending = None
        if m is None or m.start() >= offset:
            return list(self._stack)
        stack = list(self._stack)  # a tag straddles the offset: what a scan up to it sees
        for t in _TAG.finditer(self.source, m.start(), offset):
            _apply(stack, t)
        return stack


def enclosing(source: str, offset: int, walker: Walker | None = None) -> list[tuple[str, str]]:
    """The open elements at ``offset`` of an HTML source: [(tag, class/id/role text)], outermost first.

    A forgiving scan, not a parser: unclosed <p> and <li> are closed the way
    browsers close them. Pass a :class:`Walker` of the same source to ask
    about many offsets in increasing order in linear time.
    """
    if walker is not None and walker.source is source:
        return walker.at(offset)
    return _scan(source, offset)


def in_furniture(stack, skip_tags, skip_classes) -> bool:
    for name, hints in stack:
        if name in skip_tags:
            return True
        if skip_classes is not None and any(skip_classes.search(tok) for tok in hints.lower().split()):
            return True
    return False
