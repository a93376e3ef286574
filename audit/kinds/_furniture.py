"""Where an HTML match sits in page furniture rather than in the article's copy.

Text inside a breadcrumb ``<nav>``, a ``<header>``, a ``<time>`` element, a
``<figcaption>`` or an element whose class names it furniture (``byline``,
``timestamps``, ``breadcrumbs`` …) is the site's own layout, not copy. This
module answers that for the ``pattern`` kind's ``skip = ["page-furniture"]``.
"""

from __future__ import annotations

from ..htmlpage.elements import ElementIndex, element_index

DEFAULT_SKIP_TAGS = ("nav", "header", "footer", "aside", "time", "figcaption")
DEFAULT_SKIP_CLASSES = r"(?:^|[-_])(?:breadcrumbs?|byline|meta|timestamps?|dateline|posted-on|entry-date)(?:$|[-_])"


def enclosing(doc, source_offset: int) -> list[tuple[str, str]]:
    """The open elements at an offset of an HTML document's source: [(tag, class/id/role text)], outermost first.

    Read from the page's element index (:mod:`audit.htmlpage.elements`),
    built once per document: a forgiving reading, not a parser, which closes
    unclosed <p> and <li> the way browsers do. ``doc`` may also be a bare
    HTML source, indexed for this one question.
    """
    index = ElementIndex(doc) if isinstance(doc, str) else element_index(doc)
    if index is None:
        return []
    return [(el.tag, el.hints) for el in index.open_at(source_offset)]


def in_furniture(stack, skip_tags, skip_classes) -> bool:
    for name, hints in stack:
        if name in skip_tags:
            return True
        if skip_classes is not None and any(skip_classes.search(tok) for tok in hints.lower().split()):
            return True
    return False
