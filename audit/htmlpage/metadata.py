"""Metadata: title, meta tags, the canonical link, JSON-LD, and open credits.

Values come from the tree; where each stands in the source comes from a
scan of the raw tags, so a finding about one points at the tag itself.
"""

from __future__ import annotations

import json
import re

from .site import named
from .text import Block, attr

_META_TAG = re.compile(r"<(meta|link)\b([^>]*)>", re.I)
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_LD_SCRIPT = re.compile(r"<script\b[^>]*type\s*=\s*[\"']?application/ld\+json[^>]*>(.*?)</script\s*>", re.I | re.S)
_ARTICLE_TYPES = {"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "WebPage", "Report", "OpinionNewsArticle"}
_LD_TEXT_KEYS = ("headline", "datePublished", "dateModified", "inLanguage", "isBasedOn")
_LD_NAME_KEYS = ("author", "publisher", "sourceOrganization", "translator")
_CREDIT = re.compile(
    r"\b(?:(?:this|the) (?:article|story|piece|report)[^.]{0,60}?"
    r"(?:first appeared|was first published|originally appeared|was originally published|is republished|was republished|appears courtesy)"
    r"|first appeared (?:in|on)|originally (?:published|appeared) (?:in|on|by)|republished (?:with permission )?(?:from|by)"
    r"|reprinted (?:with permission )?from|published (?:here )?(?:in partnership|by arrangement) with)\b",
    re.I,
)


# ---------------------------------------------------------------------------
# where values stand in the source


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
# JSON-LD


def _name_of(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _load_ld(raw: str):
    """The data of one JSON-LD script; a ValueError when it cannot be read."""
    raw = raw.strip()
    if raw.startswith("<!--"):
        raw = raw[4:].rsplit("-->", 1)[0]
    try:
        return json.loads(raw)
    except ValueError:  # a trailing comma or a stray control character is common
        return json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)


def _flatten(data) -> tuple[list[dict], dict]:
    """The objects of a JSON-LD document, @graph members included, and the objects by @id."""
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
    return flat, by_id


def _ld_entry(item: dict, by_id: dict, source: str, script: re.Match, spans: dict) -> dict | None:
    """The article fields of one JSON-LD object (None when it is not an article)."""
    kind = item.get("@type")
    kinds = [k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]
    if not any(k in _ARTICLE_TYPES for k in kinds):
        return None
    entry = {"type": kinds[0]}
    for key in _LD_TEXT_KEYS:
        value = item.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str):
            entry[key] = value
    for key in _LD_NAME_KEYS:
        value = item.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
            value = by_id.get(value["@id"], value)
        name = _name_of(value)
        if name:
            entry[key] = name
            span = _json_value_span(source, script.start(1), script.end(1), key, name)
            if span:
                spans.setdefault(f"jsonld:{key}", span)
        if isinstance(value, dict) and isinstance(value.get("url"), str):
            entry[key + "_url"] = value["url"]
    return entry if len(entry) > 1 else None


def _jsonld(source: str) -> tuple[list[dict], int, dict[str, tuple[int, int]]]:
    """Article entries of the JSON-LD scripts, the number of broken scripts, and value spans."""
    entries: list[dict] = []
    errors = 0
    spans: dict[str, tuple[int, int]] = {}
    for m in _LD_SCRIPT.finditer(source):
        try:
            data = _load_ld(m.group(1))
        except ValueError:
            errors += 1
            continue
        flat, by_id = _flatten(data)
        for item in flat:
            entry = _ld_entry(item, by_id, source, m, spans)
            if entry:
                entries.append(entry)
    return entries, errors, spans


# ---------------------------------------------------------------------------
# the page's metadata


def _headings(soup, meta: dict) -> None:
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
        meta["lang"] = attr(root, "lang")


def _meta_tags(soup, meta: dict) -> None:
    og, twitter = {}, {}
    for tag in named(soup, "meta"):
        key = (attr(tag, "property") or attr(tag, "name")).strip().lower()
        content = attr(tag, "content").strip()
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
    for link in named(soup, "link"):
        rel = attr(link, "rel").lower().split()
        if "canonical" in rel and link.get("href"):
            meta.setdefault("canonical", attr(link, "href").strip())


def extract_metadata(soup, source: str) -> tuple[dict, dict[str, tuple[int, int]]]:
    """The page's metadata, and where each value stands in the source (key -> (start, end))."""
    meta: dict = {}
    spans = _tag_spans(source)
    _headings(soup, meta)
    _meta_tags(soup, meta)
    ld, errors, ld_spans = _jsonld(source)
    spans.update(ld_spans)
    if ld:
        meta["jsonld"] = ld
    if errors:
        meta["jsonld_errors"] = errors
    return meta, spans


# ---------------------------------------------------------------------------
# provenance


def find_credit(*texts: tuple[str, list[int]]) -> Block | None:
    """The line of an open credit of another outlet ("first appeared in …"), first text first."""
    for where, where_offsets in texts:
        m = _CREDIT.search(where)
        if m:
            end = where.find("\n", m.end())
            end = len(where) if end == -1 else end
            start = where.rfind("\n", 0, m.start()) + 1
            return Block(where[start:end].strip(), where_offsets[start], where_offsets[end - 1] + 1, where_offsets[start:end])
    return None


def provenance(metadata: dict, credit: Block | None, source: str) -> dict:
    """Where the page says its article comes from: a credit line, JSON-LD's source fields."""
    out = {}
    if credit:
        out["credit"] = credit.text[:300]
        out["credit_line"] = source.count("\n", 0, credit.start) + 1
        out["credit_column"] = credit.start - (source.rfind("\n", 0, credit.start) + 1) + 1
    for entry in metadata.get("jsonld", []):
        for key in ("sourceOrganization", "isBasedOn"):
            if entry.get(key):
                out.setdefault(key, entry[key])
    return out
