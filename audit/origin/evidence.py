"""What origin's two halves share: evidence items, the hit feature, confidence, hosts and links."""

from __future__ import annotations

import math
import re

from ..kinds._text import excerpt as make_excerpt

_HREF = re.compile(r"""<a\b[^>]*\bhref\s*=\s*["']?(https?://[^"'\s>]+)""", re.I)
_A_OPEN = re.compile(r"<a\b", re.I)
_HREF_TAIL = re.compile(r"""\bhref\s*=\s*["']?(https?://[^"'\s>]+)""", re.I)


def hrefs(source: str) -> list[str]:
    """``_HREF.findall(source)`` in linear time.

    The greedy ``[^>]*`` makes each ``<a`` take the last ``href`` before the
    next ``>``; a page with many ``<a`` and no ``>`` made the expression
    rescan the rest of the page for each. Here the last ``href`` of each
    stretch up to a ``>`` is found once and shared by every ``<a`` in it.
    """
    out: list[str] = []
    lower = source.lower()
    if len(lower) != len(source):  # one character for one character, so offsets agree
        lower = "".join(c.lower()[:1] or c for c in source)
    last_in_region: dict[int, tuple[int, re.Match] | None] = {}
    pos = 0
    end = -1  # the first '>' at or after the last '<a' (or the end of the page)
    while True:
        m = _A_OPEN.search(source, pos)
        if not m:
            return out
        if end < m.end():
            end = source.find(">", m.end())
            end = len(source) if end == -1 else end
        if end not in last_in_region:
            found = None
            q = lower.rfind("href", m.end(), end + 4)
            while q != -1 and q >= m.end():
                tail = _HREF_TAIL.match(source, q)
                if tail:
                    found = (q, tail)
                    break
                q = lower.rfind("href", m.end(), q + 3)
            last_in_region[end] = found
        found = last_in_region[end]
        if found is None or found[0] < m.end():  # no href after this '<a' in its stretch
            pos = m.start() + 1
            continue
        out.append(found[1].group(1))
        pos = found[1].end()


def feature(hits: int, cap: int) -> float:
    return math.log2(1 + min(hits, cap))


def evidence_item(doc, source: str, start: int, end: int, text: str, in_source: bool, **more) -> dict:
    offset = start if in_source else doc.source_offset(start)
    line, column = doc.source_position(offset)
    item = {"source": source, "line": line, "column": column, "excerpt": make_excerpt(text, start, end)}
    item.update(more)
    return item


def confidence(top: float, total: float, floor: float) -> float:
    return round(top / (total + floor), 2) if top else 0.0


def url_host(url: str) -> str:
    from urllib.parse import urlparse

    host = urlparse(url.strip()).netloc.lower().split("@")[-1].split(":")[0] if url else ""
    return host[4:] if host.startswith("www.") else host
