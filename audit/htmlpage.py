"""HTML pages: the article body, the page chrome, hidden copies and the metadata.

The tree comes from beautifulsoup4 on lxml. Positions come from a separate,
flat scan of the source (:func:`source_text_stream`) that decodes entities
and keeps, for every character of visible text, its offset in the source.
Every text node of the tree is found in that stream once, in document order
(:func:`map_strings`), so every character the rules read maps back to a line
and column of the file, whatever order the parts of the page are read in.
Metadata values (the canonical link, og:* and author meta tags, JSON-LD
names) are located by a scan of the raw tags, so a finding about them points
at the tag itself. See docs/html.md for how the body is found.

Loading judges nothing: this module extracts, the kinds judge.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlparse

from .document import unescape

# Elements whose text is never prose (and is not in the text stream either).
SKIP_TAGS = {"script", "style", "noscript", "template", "textarea", "svg", "iframe", "object", "head", "title", "select", "button"}
# Elements that break text into blocks.
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "th", "thead", "tr", "ul", "center",
}
# Page furniture; inside the body container only these structural elements are dropped.
CHROME_TAGS = {"nav", "footer", "header", "aside", "form"}
BODY_CHROME_TAGS = {"nav", "aside", "form", "footer", "input", "label"}
_CHROME_HINT = re.compile(
    r"(^|[-_ ])(nav|navbar|menu|footer|sidebar|sidecol|cookie|consent|gdpr|banner|masthead|breadcrumbs?|crumbs|"
    r"comments?|comment-respond|respond|newsletter|subscribe|widget|site-header|related|most-read)([-_ ]|$)",
    re.I,
)
_IN_BODY_CHROME_HINT = re.compile(r"(^|[-_ ])(comments?|comment-respond|respond|cookie|consent|gdpr|newsletter|related-?posts|jp-relatedposts)([-_ ]|$)", re.I)
_BODY_HINT = re.compile(
    r"(article-?body|article__body|article-content|article-text|articlebody|entry-content|post-content|"
    r"td-post-content|story-body|story__body|storytext|story-text|post-body|content-body|body-text|article__content)",
    re.I,
)
_AUTHOR_BOX_HINT = re.compile(r"(author[-_]?box|about[-_]?author|author[-_]bio|author-info|author[-_]details|authorbox)", re.I)
_BYLINE_HINT = re.compile(r"(^|[-_ ])(byline|author|posted-by|author-name|meta[-_]author|article__byline)([-_ ]|$)", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CREDIT = re.compile(
    r"\b(?:(?:this|the) (?:article|story|piece|report)[^.]{0,60}?"
    r"(?:first appeared|was first published|originally appeared|was originally published|is republished|was republished|appears courtesy)"
    r"|first appeared (?:in|on)|originally (?:published|appeared) (?:in|on|by)|republished (?:with permission )?(?:from|by)"
    r"|reprinted (?:with permission )?from|published (?:here )?(?:in partnership|by arrangement) with)\b",
    re.I,
)

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
_META_TAG = re.compile(r"<(meta|link)\b([^>]*)>", re.I)
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_LD_SCRIPT = re.compile(r"<script\b[^>]*type\s*=\s*[\"']?application/ld\+json[^>]*>(.*?)</script\s*>", re.I | re.S)
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.I | re.S)
_CSS_MEDIA = re.compile(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", re.S)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_ARTICLE_TYPES = {"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "WebPage", "Report", "OpinionNewsArticle"}


@dataclass
class Block:
    """A run of page text: what it says and where it stands in the source."""

    text: str
    start: int  # offset in the source
    end: int
    offsets: list[int] = field(default_factory=list, repr=False)  # source offset of each char of text
    in_body: bool = False  # inside the article body container


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


# ---------------------------------------------------------------------------
# source positions


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


def _attrs(raw: str) -> dict[str, tuple[str, int]]:
    """Attributes of a raw tag: name -> (value, offset of the value in ``raw``)."""
    out = {}
    for m in _ATTR.finditer(raw):
        group = 2 if m.group(2) is not None else 3 if m.group(3) is not None else 4
        out.setdefault(m.group(1).lower(), (m.group(group), m.start(group)))
    return out


def _tag_spans(source: str) -> dict[str, tuple[int, int]]:
    """Where the canonical link and the meta tags' values stand in the source."""
    spans: dict[str, tuple[int, int]] = {}
    for m in _META_TAG.finditer(source, 0, source.rfind(">") + 1):  # none can end past the last '>'
        base = m.start(2)
        attrs = _attrs(m.group(2))
        if m.group(1).lower() == "link":
            rel = attrs.get("rel", ("", 0))[0].lower().split()
            if "canonical" in rel and "href" in attrs:
                value, at = attrs["href"]
                spans.setdefault("canonical", (base + at, base + at + len(value)))
            continue
        key = (attrs.get("property") or attrs.get("name") or ("", 0))[0].strip().lower()
        if key and "content" in attrs:
            value, at = attrs["content"]
            spans.setdefault(key, (base + at, base + at + len(value)))
    return spans


def _json_value_span(source: str, start: int, end: int, key: str, value: str) -> tuple[int, int] | None:
    """Where ``value`` (the name under ``key``) is written inside a JSON-LD script."""
    k = source.find(f'"{key}"', start, end)
    forms = [json.dumps(value, ensure_ascii=False)[1:-1], json.dumps(value)[1:-1], value]
    for form in forms:
        at = source.find(form, k if k != -1 else start, end)
        if at != -1:
            return at, at + len(form)
    return (k, k + len(key) + 2) if k != -1 else None


# ---------------------------------------------------------------------------
# the tree


def _attr(tag, name: str) -> str:
    value = tag.get(name) if hasattr(tag, "get") else None
    if isinstance(value, list):
        return " ".join(value)
    return value or ""


def _hints(tag) -> str:
    return _attr(tag, "class") + " " + _attr(tag, "id")


def hidden_selectors(source: str) -> tuple[set[str], set[str]]:
    """Classes and ids that the page's own stylesheets hide outright (not per screen size)."""
    classes: set[str] = set()
    ids: set[str] = set()
    for block in _STYLE_BLOCK.finditer(source):
        css = _CSS_MEDIA.sub("", block.group(1))
        for rule in _CSS_RULE.finditer(css):
            if not _HIDDEN_STYLE.search(rule.group(2)):
                continue
            for selector in rule.group(1).split(","):
                selector = selector.strip()
                m = re.fullmatch(r"(?:[a-z]+)?([.#])([-\w]+)", selector)
                if m:
                    (classes if m.group(1) == "." else ids).add(m.group(2))
    return classes, ids


def _is_hidden(tag, hidden_css: tuple[set[str], set[str]]) -> bool:
    if tag.has_attr("hidden") or _HIDDEN_STYLE.search(_attr(tag, "style")):
        return True
    if _attr(tag, "aria-hidden") == "true" and tag.name not in {"span", "i", "svg"}:
        return True
    classes, ids = hidden_css
    if classes and any(c in classes for c in (tag.get("class") or [])):
        return True
    return bool(ids) and _attr(tag, "id") in ids


def _is_chrome(tag) -> bool:
    if tag.name in CHROME_TAGS:
        return True
    hint = _hints(tag) + " " + _attr(tag, "role")
    return bool(_CHROME_HINT.search(hint)) and not _BODY_HINT.search(hint)


def _text_len(tag) -> int:
    return len(tag.get_text(" ", strip=True))


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
        if _attr(tag, "itemprop") == "articleBody" or _BODY_HINT.search(_hints(tag)):
            if not _is_hidden(tag, hidden_css) and _text_len(tag) >= 200:
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
        if any(_is_chrome(a) or _is_hidden(a, hidden_css) for a in _ancestors(p, 12)):
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


_LEAD_HINT = re.compile(r"(^|[-_ ])(lead|intro|standfirst|chapo|lede)(\s|$)", re.I)


def lead_before(article) -> list:
    """A lead paragraph block printed just before the body container (``div.article__lead``)."""
    from bs4 import Tag

    out = []
    sibling = article.previous_sibling
    seen = 0
    while sibling is not None and seen < 3:
        if isinstance(sibling, Tag):
            seen += 1
            if sibling.name in {"div", "p", "section"} and _LEAD_HINT.search(_hints(sibling)) and sibling.find("h1") is None and _text_len(sibling) >= 40:
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


class _Text:
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


def _walk(root, strings, out: _Text, skip=lambda tag: False) -> None:
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
    lead = len(text) - len(text.lstrip("\n"))
    return text[lead:], out_offsets[lead:]


def _block(tag, strings) -> Block | None:
    out = _Text()
    _walk(tag, strings, out)
    text, offsets = _tidy(out.parts, out.offsets)
    lead = len(text) - len(text.lstrip())
    text, offsets = text.strip(), offsets[lead:lead + len(text.strip())]
    if not text or not offsets:
        return None
    return Block(text, min(offsets), max(offsets) + 1, offsets)


# ---------------------------------------------------------------------------
# metadata


def site_of(url: str) -> str:
    """The host of a URL, lower-cased, without 'www.'."""
    host = urlparse(url.strip()).netloc.lower() if url else ""
    host = host.split("@")[-1].split(":")[0]
    return host[4:] if host.startswith("www.") else host


def _name_of(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _jsonld(source: str) -> tuple[list[dict], int, dict[str, tuple[int, int]]]:
    """Article entries of the JSON-LD scripts, the number of broken scripts, and value spans."""
    entries: list[dict] = []
    errors = 0
    spans: dict[str, tuple[int, int]] = {}
    for m in _LD_SCRIPT.finditer(source):
        raw = m.group(1).strip()
        if raw.startswith("<!--"):
            raw = raw[4:].rsplit("-->", 1)[0]
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # a trailing comma or a stray control character is common
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
            except ValueError:
                errors += 1
                continue
        items = data if isinstance(data, list) else [data]
        by_id = {}
        queue = list(items)
        flat = []
        while queue:
            item = queue.pop(0)
            if not isinstance(item, dict):
                continue
            if isinstance(item.get("@graph"), list):
                queue.extend(item["@graph"])
            if isinstance(item.get("@id"), str):
                by_id[item["@id"]] = item
            flat.append(item)
        for item in flat:
            kind = item.get("@type")
            kinds = [k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]
            if not any(k in _ARTICLE_TYPES for k in kinds):
                continue
            entry = {"type": kinds[0]}
            for key in ("headline", "datePublished", "dateModified", "inLanguage", "isBasedOn"):
                value = item.get(key)
                if isinstance(value, dict):
                    value = value.get("@id") or value.get("url")
                if isinstance(value, str):
                    entry[key] = value
            for key in ("author", "publisher", "sourceOrganization", "translator"):
                value = item.get(key)
                if isinstance(value, list):
                    value = value[0] if value else None
                if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
                    value = by_id.get(value["@id"], value)
                name = _name_of(value)
                if name:
                    entry[key] = name
                    span = _json_value_span(source, m.start(1), m.end(1), key, name)
                    if span:
                        spans.setdefault(f"jsonld:{key}", span)
                if isinstance(value, dict) and isinstance(value.get("url"), str):
                    entry[key + "_url"] = value["url"]
            if len(entry) > 1:
                entries.append(entry)
    return entries, errors, spans


def extract_metadata(soup, source: str) -> tuple[dict, dict[str, tuple[int, int]]]:
    meta: dict = {}
    spans = _tag_spans(source)
    if soup.title is not None:
        title = soup.title.get_text(" ", strip=True)
        if title:
            meta["title"] = title
    h1 = soup.find("h1")
    if h1:
        text = h1.get_text(" ", strip=True)
        if text:
            meta["h1"] = text
    root = soup.find("html")
    if root is not None and root.get("lang"):
        meta["lang"] = _attr(root, "lang")
    og, twitter = {}, {}
    for tag in _named(soup, "meta"):
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
    for link in _named(soup, "link"):
        rel = _attr(link, "rel").lower().split()
        if "canonical" in rel and link.get("href"):
            meta.setdefault("canonical", _attr(link, "href").strip())
    ld, errors, ld_spans = _jsonld(source)
    spans.update(ld_spans)
    if ld:
        meta["jsonld"] = ld
    if errors:
        meta["jsonld_errors"] = errors
    return meta, spans


_CDN = re.compile(r"(googletagmanager|google-analytics|googleapis|gstatic|gravatar|facebook|twitter|x\.com|linkedin|reddit|whatsapp|"
                  r"pinterest|cloudflare|jsdelivr|unpkg|jquery|wp\.com|schema\.org|gmpg\.org|w3\.org|doubleclick|youtube)", re.I)


def _named(soup, name: str) -> list:
    """``soup.find_all(name)``, walked once per page for the readers that share it."""
    cache = soup.__dict__.setdefault("_named_tags", {})
    if name not in cache:
        cache[name] = soup.find_all(name)
    return cache[name]


def own_domains(soup, chrome_tags) -> list[str]:
    """The site serving the page, by its self-references (most common first).

    Counted: the page's own assets (og:image, stylesheets, feeds, icons),
    links marked rel=home, and links in the page chrome (menus, footer). The
    canonical link and og:url are left out: they are what is being checked.
    """
    votes: Counter = Counter()

    def vote(url: str, weight: int = 1) -> None:
        host = site_of(url) if url and url.startswith(("http://", "https://", "//")) else ""
        if url and url.startswith("//"):
            host = site_of("https:" + url)
        if host and not _CDN.search(host):
            votes[host] += weight

    for tag in _named(soup, "meta"):
        key = (_attr(tag, "property") or _attr(tag, "name")).lower()
        if key in {"og:image", "twitter:image", "og:image:url", "og:image:secure_url"}:
            vote(_attr(tag, "content"), 2)
    for link in _named(soup, "link"):
        rel = _attr(link, "rel").lower().split()
        if "canonical" in rel:
            continue
        if set(rel) & {"stylesheet", "alternate", "shortlink", "icon", "pingback", "home", "preload", "edituri", "https://api.w.org/"}:
            if "hreflang" in link.attrs:
                continue  # language versions may live on sister domains
            vote(_attr(link, "href"))
    for a in soup.find_all("a", rel=True):
        if "home" in _attr(a, "rel").lower().split():
            vote(_attr(a, "href"), 3)
    for tag in chrome_tags:
        for a in tag.find_all("a", href=True):
            vote(_attr(a, "href"))
    return [host for host, _ in votes.most_common()]


def parse_html(source: str) -> HtmlPage:
    """Split a page into article text (with source offsets), chrome, hidden blocks and metadata."""
    from bs4 import BeautifulSoup, Tag

    stream, stream_offsets = source_text_stream(source)
    soup = BeautifulSoup(source, "lxml")
    metadata, spans = extract_metadata(soup, source)
    strings = map_strings(soup, stream, stream_offsets)
    hidden_css = hidden_selectors(source)
    article = find_article(soup, hidden_css)
    body_root = soup.body or soup

    # the body: the container, less hidden elements and structural furniture
    def skip_in_body(tag) -> bool:
        return (
            tag.name in BODY_CHROME_TAGS
            or _is_hidden(tag, hidden_css)
            or bool(_IN_BODY_CHROME_HINT.search(_hints(tag)))
            or bool(_AUTHOR_BOX_HINT.search(_hints(tag)))
        )

    text = _Text()
    leads = lead_before(article)
    for lead in leads:
        _walk(lead, strings, text, skip_in_body)
    _walk(article, strings, text, skip_in_body)
    lead_ids = {id(lead) for lead in leads}

    # walk the rest of the page once: chrome, author boxes, hidden blocks, byline
    chrome = _Text()
    chrome_tags = []
    hidden: list[Block] = []
    author_boxes = []
    byline = None
    holds_article = {id(a) for a in article.parents}
    stack = [(body_root, False, False)]  # (node, inside chrome, inside article)
    while stack:
        node, in_chrome, in_article = stack.pop()
        if not isinstance(node, Tag):
            mapped = strings.get(id(node))
            if mapped and not in_article:
                chrome.emit(*mapped)
            continue
        if node.name in SKIP_TAGS:
            continue
        if node is article or id(node) in lead_ids:
            in_article = True
        if node is not body_root and _is_hidden(node, hidden_css):
            block = _block(node, strings)
            if block and len(block.text) >= 20:
                block.in_body = in_article
                hidden.append(block)
            continue
        hints = _hints(node)
        if not in_article and not in_chrome and _AUTHOR_BOX_HINT.search(hints):
            author_boxes.append(node)
            continue
        if in_article and _AUTHOR_BOX_HINT.search(hints):
            author_boxes.append(node)
            continue
        chrome_here = in_chrome or (
            not in_article and node is not body_root and id(node) not in holds_article and _is_chrome(node)
            and not (node.name == "header" and not _CHROME_HINT.search(hints))
        )
        if chrome_here and not in_chrome:
            chrome_tags.append(node)
        if byline is None and not in_article and not chrome_here and (
            _BYLINE_HINT.search(hints) or _attr(node, "itemprop") == "author" or "author" in _attr(node, "rel").split()
        ):
            byline = _block(node, strings)
        if node.name in BLOCK_TAGS and not in_article:
            chrome.separator()
        for child in reversed(node.contents):
            stack.append((child, chrome_here, in_article))
    if byline is None:  # a byline inside the body container ("By Jane Doe" as the first line)
        for tag in article.find_all(True, limit=400):
            if _BYLINE_HINT.search(_hints(tag)) or _attr(tag, "itemprop") == "author":
                byline = _block(tag, strings)
                break

    for box in author_boxes:
        text.separator()
        _walk(box, strings, text, lambda t: _is_hidden(t, hidden_css))
    body_text, offsets = _tidy(text.parts, text.offsets)
    chrome_text, chrome_offsets = _tidy(chrome.parts, chrome.offsets) if chrome.parts else ("", [])

    heading_spans = []
    h1 = metadata.get("h1")
    if h1:
        i = body_text.find(h1)
        if i != -1:
            heading_spans.append((i, i + len(h1)))

    # an open credit of another outlet in the body
    credit = None
    for where, where_offsets in ((body_text, offsets), (chrome_text, chrome_offsets)):
        m = _CREDIT.search(where)
        if m:
            end = where.find("\n", m.end())
            end = len(where) if end == -1 else end
            start = where.rfind("\n", 0, m.start()) + 1
            credit = Block(where[start:end].strip(), where_offsets[start], where_offsets[end - 1] + 1, where_offsets[start:end])
            break

    domains = own_domains(soup, chrome_tags)
    og = metadata.get("og", {})
    sites = {}
    if og.get("site_name"):
        sites["og:site_name"] = og["site_name"]
    if metadata.get("canonical"):
        sites["canonical"] = site_of(metadata["canonical"])
    if og.get("url"):
        sites["og:url"] = site_of(og["url"])
    if domains:
        sites["served_from"] = domains[0]
    if sites:
        metadata["site"] = sites
    if byline:
        metadata["byline"] = byline.text
    if hidden:
        metadata["hidden_text_blocks"] = len(hidden)
    provenance = {}
    if credit:
        provenance["credit"] = credit.text[:300]
        provenance["credit_line"] = source.count("\n", 0, credit.start) + 1
        provenance["credit_column"] = credit.start - (source.rfind("\n", 0, credit.start) + 1) + 1
    for entry in metadata.get("jsonld", []):
        for key in ("sourceOrganization", "isBasedOn"):
            if entry.get(key):
                provenance.setdefault(key, entry[key])
    if provenance:
        metadata["provenance"] = provenance

    # the names the site shows in its own furniture: masthead, menus, footer, logo text
    furniture = []
    for tag in chrome_tags:
        block = _block(tag, strings)
        if block:
            furniture.append(block.text)
        furniture.extend(_attr(img, "alt") for img in tag.find_all("img", alt=True, limit=20))
    homes = [a for a in body_root.find_all("a", rel=True, limit=200) if "home" in _attr(a, "rel").lower().split()]
    for tag in homes + body_root.find_all(True, class_=re.compile(r"(site-title|site-name|logo|brand|copyright)", re.I), limit=30):
        furniture.append(tag.get_text(" ", strip=True))
        furniture.extend(_attr(img, "alt") for img in tag.find_all("img", alt=True, limit=5))
        if tag.name == "img":
            furniture.append(_attr(tag, "alt"))
    chrome_names = "\n".join(furniture).lower()
    return HtmlPage(
        text=body_text,
        offsets=offsets,
        title=metadata.get("title") or metadata.get("h1"),
        chrome=chrome_text,
        metadata=metadata,
        heading_spans=heading_spans,
        spans=spans,
        hidden=hidden,
        byline=byline,
        credit=credit,
        own_domains=domains,
        chrome_names=chrome_names,
    )
