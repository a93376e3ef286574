"""HTML pages: the article body, the page chrome and the metadata.

The tree comes from beautifulsoup4 on lxml. Positions come from a separate,
flat scan of the source (:func:`source_text_stream`) that decodes entities
and keeps, for every character of visible text, its offset in the source.
Each text node of the tree is found in that stream in document order, so
every character the rules read maps back to a line and column of the file.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

# Elements whose text is never prose.
SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "object", "head", "title"}
# Elements that break text into blocks.
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "th", "thead", "tr", "ul", "center",
}
# Page furniture outside the article.
CHROME_TAGS = {"nav", "footer", "header", "aside", "form"}
_CHROME_HINT = re.compile(r"(^|[-_ ])(nav|menu|footer|sidebar|cookie|banner|masthead|breadcrumbs?|comments?|widget|site-header)([-_ ]|$)", re.I)
_BODY_HINT = re.compile(r"(article-?body|entry-content|post-content|td-post-content|story-body|article-content|articlebody|post-body|content-body)", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|noscript|template|textarea|title)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<![^>]*>|<\?[^>]*>"
    r"|</?[a-zA-Z][^>]*>",
    re.S | re.I,
)
_ENTITY = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


@dataclass
class HtmlPage:
    text: str
    offsets: list[int]
    title: str | None
    chrome: str
    metadata: dict = field(default_factory=dict)
    heading_spans: list[tuple[int, int]] = field(default_factory=list)


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
                decoded = html.unescape(m.group())
                chars.append(decoded)
                offsets.extend([amp] * len(decoded))
                i = m.end()
            else:
                chars.append("&")
                offsets.append(amp)
                i = amp + 1

    for m in _TOKEN.finditer(source):
        if m.start() > pos:
            add_run(pos, m.start())
        pos = m.end()
    if pos < len(source):
        add_run(pos, len(source))
    return "".join(chars), offsets


def _attr(tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def _is_hidden(tag) -> bool:
    return tag.has_attr("hidden") or bool(_HIDDEN_STYLE.search(_attr(tag, "style"))) or _attr(tag, "aria-hidden") == "true" and tag.name not in {"span", "i", "svg"}


def _is_chrome(tag) -> bool:
    if tag.name in CHROME_TAGS:
        return True
    hint = _attr(tag, "class") + " " + _attr(tag, "id") + " " + _attr(tag, "role")
    return bool(_CHROME_HINT.search(hint)) and not _BODY_HINT.search(hint)


def find_article(soup):
    """The element holding the article body.

    An explicit article-body container wins (itemprop=articleBody, the class
    names WordPress and news CMSs use); else the element that directly holds
    the most paragraph text, scored as readability tools do: each <p> gives
    its length to its parent and half to its grandparent.
    """
    for tag in soup.find_all(True):
        if _attr(tag, "itemprop") == "articleBody" or _BODY_HINT.search(_attr(tag, "class") + " " + _attr(tag, "id")):
            return tag
    scores: dict[int, float] = {}
    nodes = {}
    for p in soup.find_all(["p", "li", "blockquote"]):
        length = len(p.get_text(" ", strip=True))
        if length < 25:
            continue
        parent = p.parent
        for share in (1.0, 0.5):
            if parent is None or parent.name in {"[document]", "html"}:
                break
            key = id(parent)
            nodes[key] = parent
            scores[key] = scores.get(key, 0.0) + length * share
            parent = parent.parent
    if scores:
        best = max(scores, key=scores.get)
        node = nodes[best]
        # climb to a wrapping <article> when there is one
        for parent in node.parents:
            if parent.name == "article":
                return parent
        return node
    return soup.body or soup


def _walk_text(root, stream: str, stream_offsets: list[int], text_parts: list, offsets: list, headings: list, skip_chrome: bool, article=None):
    """Append the visible text under ``root`` to text_parts/offsets (iteratively)."""
    from bs4 import Comment, NavigableString, Tag
    from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

    skip_strings = (Comment, CData, Declaration, Doctype, ProcessingInstruction)
    length = sum(len(p) for p in text_parts)

    def emit(s: str, src: list[int]) -> None:
        nonlocal length
        text_parts.append(s)
        offsets.extend(src)
        length += len(s)

    def separator(sep: str) -> None:
        last = offsets[-1] if offsets else 0
        emit(sep, [last] * len(sep))

    cursor = 0
    stack = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            if node.name in BLOCK_TAGS or node.name == "br":
                separator("\n\n")
            if node.name == "h1" and getattr(node, "_pa_start", None) is not None:
                headings.append((node._pa_start, length))
            continue
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
                src = [at] * len(s)
            else:
                src = stream_offsets[found:found + len(s)]
                cursor = found + len(s)
            emit(s, src)
            continue
        if not isinstance(node, Tag):
            continue
        if node.name in SKIP_TAGS:
            continue
        if node is not root and article is not None and node is article:
            continue
        if skip_chrome is False and node is not root and _is_hidden(node):
            continue
        if node.name in BLOCK_TAGS or node.name == "br":
            separator("\n\n")
        if node.name == "h1":
            node._pa_start = length
        stack.append((node, True))
        for child in reversed(node.contents):
            stack.append((child, False))


def _tidy(parts: list[str], offsets: list[int]) -> tuple[str, list[int]]:
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
    # strip leading blank
    lead = len(text) - len(text.lstrip("\n"))
    return text[lead:], out_offsets[lead:]


def site_of(url: str) -> str:
    host = urlparse(url.strip()).netloc.lower() if url else ""
    host = host.split("@")[-1].split(":")[0]
    return host[4:] if host.startswith("www.") else host


def extract_metadata(soup) -> dict:
    meta: dict = {}
    if soup.title and soup.title.string:
        meta["title"] = soup.title.get_text(" ", strip=True)
    h1 = soup.find("h1")
    if h1:
        meta["h1"] = h1.get_text(" ", strip=True)
    root = soup.find("html")
    if root is not None and root.get("lang"):
        meta["lang"] = _attr(root, "lang")
    og, twitter = {}, {}
    for tag in soup.find_all("meta"):
        key = (_attr(tag, "property") or _attr(tag, "name")).strip().lower()
        content = _attr(tag, "content").strip()
        if not key or not content:
            continue
        if key.startswith("og:"):
            og.setdefault(key[3:], content)
        elif key.startswith("twitter:"):
            twitter.setdefault(key[8:], content)
        elif key in {"description", "author"}:
            meta.setdefault(key, content)
    if og:
        meta["og"] = og
    if twitter:
        meta["twitter"] = twitter
    for link in soup.find_all("link"):
        rel = _attr(link, "rel").lower().split()
        if "canonical" in rel and link.get("href"):
            meta.setdefault("canonical", _attr(link, "href").strip())
    ld = []
    for script in soup.find_all("script", attrs={"type": re.compile("ld\\+json", re.I)}):
        try:
            data = json.loads(script.string or "")
        except (ValueError, TypeError):
            meta.setdefault("jsonld_errors", 0)
            meta["jsonld_errors"] += 1
            continue
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict) and "@graph" in item and isinstance(item["@graph"], list):
                items.extend(x for x in item["@graph"] if isinstance(x, dict))
                continue
            if not isinstance(item, dict):
                continue
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(k in {"Article", "NewsArticle", "ReportageNewsArticle", "BlogPosting", "WebPage"} for k in kinds if isinstance(k, str)):
                entry = {}
                for key in ("headline", "datePublished", "inLanguage"):
                    if isinstance(item.get(key), str):
                        entry[key] = item[key]
                for key in ("author", "publisher", "sourceOrganization", "translator"):
                    value = item.get(key)
                    if isinstance(value, list):
                        value = value[0] if value else None
                    if isinstance(value, dict):
                        value = value.get("name")
                    if isinstance(value, str):
                        entry[key] = value
                if entry:
                    entry["type"] = next((k for k in kinds if isinstance(k, str)), "")
                    ld.append(entry)
    if ld:
        meta["jsonld"] = ld
    sites = {}
    if og.get("site_name"):
        sites["og:site_name"] = og["site_name"]
    if meta.get("canonical"):
        sites["canonical"] = site_of(meta["canonical"])
    if og.get("url"):
        sites["og:url"] = site_of(og["url"])
    if sites:
        meta["site"] = sites
    return meta


def parse_html(source: str) -> HtmlPage:
    """Split a page into article text (with source offsets), chrome and metadata."""
    from bs4 import BeautifulSoup

    stream, stream_offsets = source_text_stream(source)
    soup = BeautifulSoup(source, "lxml")
    metadata = extract_metadata(soup)
    article = find_article(soup)

    parts: list[str] = []
    offsets: list[int] = []
    headings: list[tuple[int, int]] = []
    _walk_text(article, stream, stream_offsets, parts, offsets, headings, skip_chrome=False)
    text, offsets = _tidy(parts, offsets)
    # headings were measured before tidying; find them again in the tidy text
    heading_spans = []
    h1 = metadata.get("h1")
    if h1:
        i = text.find(h1)
        if i != -1:
            heading_spans.append((i, i + len(h1)))

    chrome_parts: list[str] = []
    chrome_offsets: list[int] = []
    root = soup.body or soup
    if article is not root:
        _walk_text(root, stream, stream_offsets, chrome_parts, chrome_offsets, [], skip_chrome=True, article=article)
    chrome, _ = _tidy(chrome_parts, chrome_offsets) if chrome_parts else ("", [])
    return HtmlPage(
        text=text,
        offsets=offsets,
        title=metadata.get("title") or metadata.get("h1"),
        chrome=chrome,
        metadata=metadata,
        heading_spans=heading_spans,
    )
