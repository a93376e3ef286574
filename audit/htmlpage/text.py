"""Runs of page text with the source offset of every character.

The walkers here turn a part of the parsed tree into text: blocks of the
page are separated by blank lines, and every character keeps the offset in
the source it came from (see :mod:`.positions`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Elements whose text is never prose (and is not in the text stream either).
SKIP_TAGS = {"script", "style", "noscript", "template", "textarea", "svg", "iframe", "object", "head", "title", "select", "button"}
# Elements that break text into blocks.
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "th", "thead", "tr", "ul", "center",
}


@dataclass
class Block:
    """A run of page text: what it says and where it stands in the source."""

    text: str
    start: int  # offset in the source
    end: int
    offsets: list[int] = field(default_factory=list, repr=False)  # source offset of each char of text
    in_body: bool = False  # inside the article body container


def attr(tag, name: str) -> str:
    """An attribute of a tag as one string ('' when absent; lists joined by spaces)."""
    value = tag.get(name) if hasattr(tag, "get") else None
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def hints(tag) -> str:
    """A tag's class and id, the names the page's authors gave it."""
    return attr(tag, "class") + " " + attr(tag, "id")


def text_len(tag) -> int:
    return len(tag.get_text(" ", strip=True))


class Text:
    """Text under construction, with the source offset of every character."""

    def __init__(self):
        self.parts: list[str] = []
        self.offsets: list[int] = []

    def emit(self, s: str, src: list[int]) -> None:
        self.parts.append(s)
        self.offsets.extend(src)

    def separator(self, sep: str = "\n\n") -> None:
        last = self.offsets[-1] if self.offsets else 0
        self.emit(sep, [last] * len(sep))


def walk(root, strings, out: Text, skip=lambda tag: False) -> None:
    """Append the visible text under ``root`` to ``out`` (iteratively)."""
    from bs4 import NavigableString, Tag

    stack = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            if node.name in BLOCK_TAGS or node.name == "br":
                out.separator()
            continue
        if isinstance(node, NavigableString):
            mapped = strings.get(id(node))
            if mapped:
                out.emit(*mapped)
            continue
        if not isinstance(node, Tag) or node.name in SKIP_TAGS:
            continue
        if node is not root and skip(node):
            continue
        if node.name in BLOCK_TAGS or node.name == "br":
            out.separator()
        stack.append((node, True))
        for child in reversed(node.contents):
            stack.append((child, False))


def tidy(parts: list[str], offsets: list[int]) -> tuple[str, list[int]]:
    """Collapse runs of blank lines made by nested blocks; keep offsets aligned."""
    raw = "".join(parts)
    out_chars = []
    out_offsets = []
    for m in re.finditer(r"\n[\s]*\n\s*|[^\n]+|\n", raw):
        seg = m.group()
        if "\n" in seg and not seg.strip():
            if out_chars and out_chars[-1] != "\n\n":
                out_chars.append("\n\n")
                out_offsets.extend([offsets[m.start()]] * 2)
            continue
        out_chars.append(seg)
        out_offsets.extend(offsets[m.start():m.end()])
    text = "".join(out_chars)
    lead = len(text) - len(text.lstrip("\n"))
    return text[lead:], out_offsets[lead:]


def block(tag, strings) -> Block | None:
    """The text under ``tag`` as one block, stripped; None when it has none."""
    out = Text()
    walk(tag, strings, out)
    text, offsets = tidy(out.parts, out.offsets)
    lead = len(text) - len(text.lstrip())
    text, offsets = text.strip(), offsets[lead:lead + len(text.strip())]
    if not text or not offsets:
        return None
    return Block(text, min(offsets), max(offsets) + 1, offsets)
