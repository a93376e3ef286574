"""Page furniture and hidden blocks: what is around the article, and what is not shown.

Furniture (menus, masthead, footer, sidebars, cookie banners) is found by
element name and by the class and id names themes give it; hidden elements
by the ``hidden`` attribute, inline styles and the page's own stylesheets.
:func:`walk_page` walks the page outside the article once and collects the
furniture's text, hidden blocks with text, author boxes and the byline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import BLOCK_TAGS, SKIP_TAGS, Block, Text, attr, block, hints

# Page furniture; inside the body container only these structural elements are dropped.
CHROME_TAGS = {"nav", "footer", "header", "aside", "form"}
BODY_CHROME_TAGS = {"nav", "aside", "form", "footer", "input", "label"}
CHROME_HINT = re.compile(
    r"(^|[-_ ])(nav|navbar|menu|footer|sidebar|sidecol|cookie|consent|gdpr|banner|masthead|breadcrumbs?|crumbs|"
    r"comments?|comment-respond|respond|newsletter|subscribe|widget|site-header|related|most-read)([-_ ]|$)",
    re.I,
)
IN_BODY_CHROME_HINT = re.compile(r"(^|[-_ ])(comments?|comment-respond|respond|cookie|consent|gdpr|newsletter|related-?posts|jp-relatedposts)([-_ ]|$)", re.I)
BODY_HINT = re.compile(
    r"(article-?body|article__body|article-content|article-text|articlebody|entry-content|post-content|"
    r"td-post-content|story-body|story__body|storytext|story-text|post-body|content-body|body-text|article__content)",
    re.I,
)
AUTHOR_BOX_HINT = re.compile(r"(author[-_]?box|about[-_]?author|author[-_]bio|author-info|author[-_]details|authorbox)", re.I)
BYLINE_HINT = re.compile(r"(^|[-_ ])(byline|author|posted-by|author-name|meta[-_]author|article__byline)([-_ ]|$)", re.I)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.I | re.S)
_CSS_MEDIA = re.compile(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", re.S)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SITE_NAME_CLASS = re.compile(r"(site-title|site-name|logo|brand|copyright)", re.I)


def hidden_selectors(source: str) -> tuple[set[str], set[str]]:
    """Classes and ids that the page's own stylesheets hide outright (not per screen size)."""
    classes: set[str] = set()
    ids: set[str] = set()
    for style in _STYLE_BLOCK.finditer(source):
        css = _CSS_MEDIA.sub("", style.group(1))
        for rule in _CSS_RULE.finditer(css):
            if not HIDDEN_STYLE.search(rule.group(2)):
                continue
            for selector in rule.group(1).split(","):
                selector = selector.strip()
                m = re.fullmatch(r"(?:[a-z]+)?([.#])([-\w]+)", selector)
                if m:
                    (classes if m.group(1) == "." else ids).add(m.group(2))
    return classes, ids


def is_hidden(tag, hidden_css: tuple[set[str], set[str]]) -> bool:
    if tag.has_attr("hidden") or HIDDEN_STYLE.search(attr(tag, "style")):
        return True
    if attr(tag, "aria-hidden") == "true" and tag.name not in {"span", "i", "svg"}:
        return True
    classes, ids = hidden_css
    if classes and any(c in classes for c in (tag.get("class") or [])):
        return True
    return bool(ids) and attr(tag, "id") in ids


def is_chrome(tag) -> bool:
    if tag.name in CHROME_TAGS:
        return True
    hint = hints(tag) + " " + attr(tag, "role")
    return bool(CHROME_HINT.search(hint)) and not BODY_HINT.search(hint)


def skip_in_body(tag, hidden_css) -> bool:
    """Whether an element inside the body container is left out of the body text."""
    return (
        tag.name in BODY_CHROME_TAGS
        or is_hidden(tag, hidden_css)
        or bool(IN_BODY_CHROME_HINT.search(hints(tag)))
        or bool(AUTHOR_BOX_HINT.search(hints(tag)))
    )


def _is_byline(tag) -> bool:
    return bool(BYLINE_HINT.search(hints(tag))) or attr(tag, "itemprop") == "author"


@dataclass
class Surroundings:
    """What the page holds outside the article text."""

    chrome: Text = field(default_factory=Text)  # the furniture's visible text
    chrome_tags: list = field(default_factory=list)  # the outermost furniture elements
    hidden: list[Block] = field(default_factory=list)  # hidden elements with text
    author_boxes: list = field(default_factory=list)
    byline: Block | None = None


class _PageWalk:
    """One iterative walk of the page body, outside the article, filling :class:`Surroundings`."""

    def __init__(self, body_root, article, leads, strings, hidden_css):
        self.body_root = body_root
        self.article = article
        self.lead_ids = {id(lead) for lead in leads}
        self.holds_article = {id(a) for a in article.parents}
        self.strings = strings
        self.hidden_css = hidden_css
        self.out = Surroundings()

    def run(self) -> Surroundings:
        from bs4 import Tag

        stack = [(self.body_root, False, False)]  # (node, inside chrome, inside article)
        while stack:
            node, in_chrome, in_article = stack.pop()
            if not isinstance(node, Tag):
                mapped = self.strings.get(id(node))
                if mapped and not in_article:
                    self.out.chrome.emit(*mapped)
                continue
            children = self.visit(node, in_chrome, in_article)
            if children is not None:
                stack.extend(children)
        return self.out

    def visit(self, node, in_chrome: bool, in_article: bool):
        """Take what ``node`` is; return the (child, in chrome, in article) entries to walk, or None."""
        if node.name in SKIP_TAGS:
            return None
        if node is self.article or id(node) in self.lead_ids:
            in_article = True
        if node is not self.body_root and is_hidden(node, self.hidden_css):
            found = block(node, self.strings)
            if found and len(found.text) >= 20:
                found.in_body = in_article
                self.out.hidden.append(found)
            return None
        node_hints = hints(node)
        if (in_article or not in_chrome) and AUTHOR_BOX_HINT.search(node_hints):
            self.out.author_boxes.append(node)
            return None
        chrome_here = in_chrome or self._starts_chrome(node, node_hints, in_article)
        if chrome_here and not in_chrome:
            self.out.chrome_tags.append(node)
        if self.out.byline is None and not in_article and not chrome_here and (
            _is_byline(node) or "author" in attr(node, "rel").split()
        ):
            self.out.byline = block(node, self.strings)
        if node.name in BLOCK_TAGS and not in_article:
            self.out.chrome.separator()
        return [(child, chrome_here, in_article) for child in reversed(node.contents)]

    def _starts_chrome(self, node, node_hints: str, in_article: bool) -> bool:
        return (
            not in_article and node is not self.body_root and id(node) not in self.holds_article and is_chrome(node)
            and not (node.name == "header" and not CHROME_HINT.search(node_hints))
        )


def walk_page(body_root, article, leads, strings, hidden_css) -> Surroundings:
    """Furniture, hidden blocks, author boxes and the byline, in one walk of the page.

    A byline inside the body container ("By Jane Doe" as the first line) is
    taken when the page shows none outside it.
    """
    found = _PageWalk(body_root, article, leads, strings, hidden_css).run()
    if found.byline is None:
        for tag in article.find_all(True, limit=400):
            if _is_byline(tag):
                found.byline = block(tag, strings)
                break
    return found


def furniture_names(body_root, chrome_tags, strings) -> str:
    """The names the site shows in its own furniture: masthead, menus, footer, logo text (lower-cased)."""
    furniture = []
    for tag in chrome_tags:
        found = block(tag, strings)
        if found:
            furniture.append(found.text)
        furniture.extend(attr(img, "alt") for img in tag.find_all("img", alt=True, limit=20))
    homes = [a for a in body_root.find_all("a", rel=True, limit=200) if "home" in attr(a, "rel").lower().split()]
    for tag in homes + body_root.find_all(True, class_=_SITE_NAME_CLASS, limit=30):
        furniture.append(tag.get_text(" ", strip=True))
        furniture.extend(attr(img, "alt") for img in tag.find_all("img", alt=True, limit=5))
        if tag.name == "img":
            furniture.append(attr(tag, "alt"))
    return "\n".join(furniture).lower()
