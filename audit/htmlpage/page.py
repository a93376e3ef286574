"""An HTML page read once: the steps of :mod:`audit.htmlpage`, in order.

This step decides which parts of the page are the article, which are
furniture and which are hidden, and collects what the page says of itself
(metadata, its site, a byline, an open credit line); what any of that means
for the score is left to the kinds and to origin.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .body import add_author_boxes, body_text, find_article, heading_spans, lead_before
from .furniture import furniture_names, hidden_selectors, walk_page
from .metadata import extract_metadata, find_credit, provenance
from .positions import map_strings, source_text_stream
from .site import own_domains, site_summary
from .text import Block, tidy


@dataclass
class HtmlPage:
    text: str
    offsets: list[int]
    title: str | None
    chrome: str
    metadata: dict = field(default_factory=dict)
    heading_spans: list[tuple[int, int]] = field(default_factory=list)
    # where metadata values stand in the source: key -> (start, end)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    hidden: list[Block] = field(default_factory=list)  # hidden elements with text
    byline: Block | None = None  # the visible byline of the article
    credit: Block | None = None  # an open credit of another outlet ("first appeared in …")
    own_domains: list[str] = field(default_factory=list)  # the site serving the page, by evidence
    chrome_names: str = ""  # visible page furniture, lower-cased, for name look-ups
    # classes and ids the page's own stylesheets hide (for the element index, :mod:`.elements`)
    hidden_css: tuple[set[str], set[str]] = field(default_factory=lambda: (set(), set()))


def parse_html(source: str) -> HtmlPage:
    """Split a page into article text (with source offsets), chrome, hidden blocks and metadata."""
    from bs4 import BeautifulSoup

    # positions: the visible text of the source, and each text node's place in it
    stream, stream_offsets = source_text_stream(source)
    soup = BeautifulSoup(source, "lxml")
    metadata, spans = extract_metadata(soup, source)
    strings = map_strings(soup, stream, stream_offsets)

    # the body, then everything around it, in one walk of the page
    hidden_css = hidden_selectors(source)
    article = find_article(soup, hidden_css)
    leads = lead_before(article)
    body_root = soup.body or soup
    text = body_text(article, leads, strings, hidden_css)
    around = walk_page(body_root, article, leads, strings, hidden_css)
    add_author_boxes(text, around.author_boxes, strings, hidden_css)
    body, offsets = tidy(text.parts, text.offsets)
    chrome, chrome_offsets = tidy(around.chrome.parts, around.chrome.offsets) if around.chrome.parts else ("", [])

    # what the page says of itself: its site, byline, hidden blocks and provenance
    credit = find_credit((body, offsets), (chrome, chrome_offsets))
    domains = own_domains(soup, around.chrome_tags)
    sites = site_summary(metadata, domains)
    if sites:
        metadata["site"] = sites
    if around.byline:
        metadata["byline"] = around.byline.text
    if around.hidden:
        metadata["hidden_text_blocks"] = len(around.hidden)
    origin = provenance(metadata, credit, source)
    if origin:
        metadata["provenance"] = origin

    return HtmlPage(
        text=body,
        offsets=offsets,
        title=metadata.get("title") or metadata.get("h1"),
        chrome=chrome,
        metadata=metadata,
        heading_spans=heading_spans(body, metadata.get("h1")),
        spans=spans,
        hidden=around.hidden,
        byline=around.byline,
        credit=credit,
        own_domains=domains,
        chrome_names=furniture_names(body_root, around.chrome_tags, strings),
        hidden_css=hidden_css,
    )
