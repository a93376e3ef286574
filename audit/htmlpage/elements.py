"""The element index of an HTML page: every element by its source span, found once.

Kinds ask where a match stands in the markup (inside a breadcrumb ``<nav>``,
a ``<code>``, an element with ``lang="fr"``, a hidden block) without
scanning the raw page again: :func:`element_index` scans the source's tags
once per document, on first use, and keeps the answer in
``Document.derived``.

The scan is a forgiving one, not a parser. Each element records two ends:

- ``end``: where a browser-like reading closes it: its own closing tag, or
  the tag that closes it implicitly (a block element closes an open ``<p>``,
  a ``<li>`` an open ``<li>``), or a closing tag of an element around it;
- ``close``: where its own closing tag starts, pairing tags strictly as
  written (no implied ends); None when the source never closes it so.

:meth:`ElementIndex.open_at` gives the elements open at a source offset
(the browser-like reading, outermost first); :meth:`ElementIndex.written`
gives the elements closed by their own tags, with their content's span.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .furniture import HIDDEN_STYLE

_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<(/?)([a-zA-Z][\w:-]*)([^>]*)>", re.S | re.I)
_HINT_ATTR = re.compile(r"""\b(?:class|id|role)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_LANG = re.compile(r"""\b(?:xml:)?lang\s*=\s*["']?([A-Za-z-]+)""", re.I)
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
CLOSES_P = frozenset({
    "p", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "figure", "section",
    "article", "nav", "header", "footer", "aside", "pre",
})


@dataclass(slots=True)
class Element:
    """One element of the page, as its opening tag and the scan place it."""

    tag: str  # lower-case name
    hints: str  # its class, id and role values, space-separated
    lang: str | None  # its lang= (or xml:lang=) value as written, if any
    hidden: bool  # hidden by itself (hidden attribute, inline style, aria-hidden, the page's CSS) or by an element around it
    start: int  # where its opening tag starts in the source
    open_end: int  # where its content starts
    parent: int  # index of the element around it (browser-like reading), -1 at the top
    end: int | None = None  # where the browser-like reading closes it; None: open to the end of the page
    close: int | None = None  # where its own closing tag starts, tags paired as written; None: never closed so
    in_body: bool = False  # holds a character of the article's text


def _hidden_by_attrs(tag: str, raw: str, hidden_css) -> bool:
    """Whether an opening tag's attributes hide it, as :func:`.furniture.is_hidden` judges a tree node."""
    low = raw.lower()
    classes, ids = hidden_css
    if "hidden" not in low and "none" not in low and not classes and not ids:
        return False
    attrs: dict[str, str] = {}
    for m in _ATTR.finditer(raw):
        value = next((g for g in m.groups()[1:] if g is not None), "")
        attrs.setdefault(m.group(1).lower(), value)
    if "hidden" in attrs or HIDDEN_STYLE.search(attrs.get("style", "")):
        return True
    if attrs.get("aria-hidden") == "true" and tag not in {"span", "i", "svg"}:
        return True
    if classes and any(c in classes for c in attrs.get("class", "").split()):
        return True
    return bool(ids) and attrs.get("id", "") in ids


class ElementIndex:
    """The elements of one HTML source, and which are open at any offset."""

    def __init__(self, source: str, hidden_css=(frozenset(), frozenset()), body_offsets=()):
        self.source = source
        self.elements: list[Element] = []
        self._ends: list[int] = []  # end of each tag of the scan, in order
        self._starts: list[int] = []
        self._top: list[int] = []  # the innermost open element after each tag (-1: none)
        self._scan(hidden_css)
        self._mark_body(body_offsets)

    # ---- building -------------------------------------------------------
    def _scan(self, hidden_css) -> None:
        loose: list[int] = []  # open elements, browser-like
        strict: list[int] = []  # open elements, tags paired as written
        for m in _TAG.finditer(self.source):
            self._starts.append(m.start())
            self._ends.append(m.end())
            name = m.group(3)
            if name is not None:
                self._apply(m, name.lower(), loose, strict, hidden_css)
            self._top.append(loose[-1] if loose else -1)

    def _apply(self, m: re.Match, name: str, loose: list[int], strict: list[int], hidden_css) -> None:
        els = self.elements
        attrs = m.group(4) or ""
        if m.group(2):  # a closing tag: back to the element it closes, in each reading
            if name in VOID:
                return
            for stack, explicit in ((loose, False), (strict, True)):
                for i in range(len(stack) - 1, -1, -1):
                    if els[stack[i]].tag == name:
                        if explicit:
                            els[stack[i]].close = m.start()
                        else:
                            for k in stack[i:]:
                                els[k].end = m.end() if k == stack[i] else m.start()
                        del stack[i:]
                        break
            return
        if name in VOID or attrs.rstrip().endswith("/"):
            return
        if loose and els[loose[-1]].tag == "p" and name in CLOSES_P:
            els[loose.pop()].end = m.start()
        if name == "li" and loose and els[loose[-1]].tag == "li":
            els[loose.pop()].end = m.start()
        parent = loose[-1] if loose else -1
        lang = _LANG.search(attrs)
        hidden = (parent >= 0 and els[parent].hidden) or _hidden_by_attrs(name, attrs, hidden_css)
        el = Element(
            tag=name,
            hints=" ".join(a or b for a, b in _HINT_ATTR.findall(attrs)),
            lang=lang.group(1) if lang else None,
            hidden=hidden,
            start=m.start(),
            open_end=m.end(),
            parent=parent,
        )
        els.append(el)
        loose.append(len(els) - 1)
        strict.append(len(els) - 1)

    def _mark_body(self, body_offsets) -> None:
        if not body_offsets:
            return
        offsets = sorted(body_offsets)
        size = len(self.source)
        for el in self.elements:
            k = bisect_left(offsets, el.open_end)
            el.in_body = k < len(offsets) and offsets[k] < (size if el.end is None else el.end)

    # ---- questions ------------------------------------------------------
    def chain(self, index: int) -> list[Element]:
        """The element at ``index`` and those around it, outermost first."""
        out = []
        while index >= 0:
            el = self.elements[index]
            out.append(el)
            index = el.parent
        out.reverse()
        return out

    def open_at(self, offset: int) -> list[Element]:
        """The elements open at a source offset (browser-like), outermost first.

        Tags that end by ``offset`` are applied; a tag that straddles it is
        read as far as the offset only, as a scan of ``source[:offset]``
        would read it.
        """
        k = bisect_right(self._ends, offset)
        top = self._top[k - 1] if k else -1
        if k < len(self._starts) and self._starts[k] < offset:
            return self._straddled(top, self._starts[k], offset)
        return self.chain(top)

    def _straddled(self, top: int, start: int, offset: int) -> list[Element]:
        """The open elements when the tag at ``start`` runs past ``offset``: read again up to it."""
        stack = self.chain(top)
        for m in _TAG.finditer(self.source, start, offset):
            name = m.group(3)
            if name is None:
                continue
            name = name.lower()
            attrs = m.group(4) or ""
            if m.group(2):
                for i in range(len(stack) - 1, -1, -1):
                    if stack[i].tag == name:
                        del stack[i:]
                        break
                continue
            if name in VOID or attrs.rstrip().endswith("/"):
                continue
            if stack and stack[-1].tag == "p" and name in CLOSES_P:
                stack.pop()
            if name == "li" and stack and stack[-1].tag == "li":
                stack.pop()
            stack.append(Element(name, " ".join(a or b for a, b in _HINT_ATTR.findall(attrs)), None, False,
                                 m.start(), m.end(), -1))
        return stack

    def written(self) -> list[Element]:
        """The elements closed by their own closing tags, as written (content: ``open_end`` to ``close``)."""
        return [el for el in self.elements if el.close is not None]


def element_index(doc) -> ElementIndex | None:
    """The element index of an HTML document, built on first use and kept with it; None for other formats."""
    if doc.format != "html":
        return None
    index = doc.derived.get("html elements")
    if index is None or index.source is not doc.source:
        page = doc.html
        index = ElementIndex(
            doc.source,
            getattr(page, "hidden_css", None) or (frozenset(), frozenset()),
            doc.text_to_source or (),
        )
        doc.derived["html elements"] = index
    return index
