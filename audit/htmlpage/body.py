"""The article body: which element holds it, and its text with source offsets.

See docs/html.md for how the body is found.
"""

from __future__ import annotations

import re

from .furniture import BODY_HINT, is_chrome, is_hidden, skip_in_body
from .text import SKIP_TAGS, Text, attr, hints, text_len, walk

_LEAD_HINT = re.compile(r"(^|[-_ ])(lead|intro|standfirst|chapo|lede)(\s|$)", re.I)


def find_article(soup, hidden_css=(set(), set())):
    """The element holding the article body.

    An explicit article-body container wins (itemprop=articleBody, the class
    names WordPress and news CMSs use) when it holds some prose; else the
    element that directly holds the most paragraph text, scored as
    readability tools do: each <p> gives its length to its parent and half to
    its grandparent. Paragraphs inside page chrome or hidden elements do not
    count. A container that also wraps the headline (a theme's
    "post-content" wrapper around title, byline and text) is narrowed to its
    best-scoring descendant.
    """
    for tag in soup.find_all(True):
        if tag.name in SKIP_TAGS:
            continue
        if attr(tag, "itemprop") == "articleBody" or BODY_HINT.search(hints(tag)):
            if not is_hidden(tag, hidden_css) and text_len(tag) >= 200:
                if tag.find("h1") is not None:
                    inner = _best_paragraph_holder(tag, hidden_css)
                    if inner is not None and inner.find("h1") is None:
                        return inner
                return tag
    best = _best_paragraph_holder(soup, hidden_css)
    if best is not None:
        return best
    return soup.body or soup


def _best_paragraph_holder(root, hidden_css):
    scores: dict[int, float] = {}
    nodes = {}
    for p in root.find_all(["p", "li", "blockquote", "pre"]):
        length = len(p.get_text(" ", strip=True))
        if length < 25:
            continue
        if any(is_chrome(a) or is_hidden(a, hidden_css) for a in _ancestors(p, 12)):
            continue
        parent = p.parent
        for share in (1.0, 0.5):
            if parent is None or parent.name in {"[document]", "html"}:
                break
            key = id(parent)
            nodes[key] = parent
            scores[key] = scores.get(key, 0.0) + length * share
            if parent is root:
                break
            parent = parent.parent
    if not scores:
        return None
    return nodes[max(scores, key=scores.get)]


def lead_before(article) -> list:
    """A lead paragraph block printed just before the body container (``div.article__lead``)."""
    from bs4 import Tag

    out = []
    sibling = article.previous_sibling
    seen = 0
    while sibling is not None and seen < 3:
        if isinstance(sibling, Tag):
            seen += 1
            if sibling.name in {"div", "p", "section"} and _LEAD_HINT.search(hints(sibling)) and sibling.find("h1") is None and text_len(sibling) >= 40:
                out.insert(0, sibling)
        sibling = sibling.previous_sibling
    return out


def _ancestors(tag, limit: int):
    n = 0
    for parent in tag.parents:
        if n >= limit or parent.name in {"body", "html", "[document]"}:
            return
        yield parent
        n += 1


def body_text(article, leads, strings, hidden_css) -> Text:
    """The lead and the body container, less hidden elements and structural furniture."""
    text = Text()
    for lead in leads:
        walk(lead, strings, text, lambda tag: skip_in_body(tag, hidden_css))
    walk(article, strings, text, lambda tag: skip_in_body(tag, hidden_css))
    return text


def add_author_boxes(text: Text, boxes, strings, hidden_css) -> None:
    """Author boxes close the body text, each as its own block."""
    for box in boxes:
        text.separator()
        walk(box, strings, text, lambda t: is_hidden(t, hidden_css))


def heading_spans(text: str, h1: str | None) -> list[tuple[int, int]]:
    """Where the page's headline stands in the body text."""
    if h1:
        i = text.find(h1)
        if i != -1:
            return [(i, i + len(h1))]
    return []
