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


def enclosing(source: str, offset: int) -> list[tuple[str, str]]:
    """The open elements at ``offset`` of an HTML source: [(tag, class/id/role text)], outermost first.

    A forgiving scan, not a parser: unclosed <p> and <li> are closed the way
    browsers close them.
    """
    stack: list[tuple[str, str]] = []
    for m in _TAG.finditer(source, 0, offset):
        name = m.group(3)
        if name is None:
            continue
        name = name.lower()
        attrs = m.group(4) or ""
        if m.group(2):
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    del stack[i:]
                    break
            continue
        if name in _VOID or attrs.rstrip().endswith("/"):
            continue
        if stack and stack[-1][0] == "p" and name in _CLOSES_P:
            stack.pop()
        if name == "li" and stack and stack[-1][0] == "li":
            stack.pop()
        hints = " ".join(a or b for a, b in _ATTR.findall(attrs))
        stack.append((name, hints))
    return stack


def in_furniture(stack, skip_tags, skip_classes) -> bool:
    for name, hints in stack:
        if name in skip_tags:
            return True
        if skip_classes is not None and any(skip_classes.search(tok) for tok in hints.lower().split()):
            return True
    return False
