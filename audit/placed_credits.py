"""Another outlet's identity where a page names its source: the dateline, a
sign-off, a headline's credit, a listing's headings, the author (in a line
or the address), a free blog host, and a page head printed as markup.

Only names the outlet registry (:mod:`audit.identity`) knows, and domains,
count: an unknown capitalised name in these places is as often a person or a
place. Nothing here judges; the ``site-identity-*`` kinds and the copy
detection read what it finds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .identity import _FILE_ENDINGS, _TRAIL, Credit, Outlet, host_of, load_registry, page_url
from .kinds.html_meta import letters


def outlet_named(name: str) -> Outlet | None:
    """The registry outlet a whole name is (an alias, a name letter-for-letter equal to one, or a domain)."""
    registry = load_registry()
    name = name.strip(" \t*_.,")
    if _DOMAIN.fullmatch(name):
        return registry.by_host(name.lower())
    for key in (name, f"({name})"):  # an agency known by its dateline credit, '(AP)'
        if key in registry.by_alias:
            return registry.by_alias[key]
    return registry.named(name) if len(letters(name)) >= 3 else None


_DOMAIN = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:[a-z]{2,6}|[A-Z]{2,6})")
_PLACE = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}(?:,[ \t]+[A-Z][a-z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})?"
_DAY = r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)(?:,?[ \t]+\d{4})?"
_CNAME = r"(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z][\w&'’.-]*|of|de|la|&)){0,5}|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,6})"
# A dateline whose credit names the outlet the text comes from: 'TOKYO (Outlet) –',
# 'Havana, Oct 29 (Outlet) The …', 'JAKARTA, outlet.id –', 'Tehran, Dec 13, OUTLET --',
# and the credit on a line of its own, '(Outlet)', as a feed of the outlet's items leaves it.
DATELINE_FRAMES = [
    r"^[ \t*_]*" + _PLACE + r"(?:,[ \t]*" + _DAY + r")?[ \t]*\((?P<name>[^()\n]{2,40})\)[ \t]*(?:[—–-]{1,2}|:|\?(?=[ \t])|(?=[ \t]+[A-Z„“\"]))",
    r"^[ \t*_]*" + _PLACE + r",[ \t]*(?P<name>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,6})[ \t]*[—–-]{1,2}[ \t]",
    r"^[ \t*_]*" + _PLACE + r",[ \t]*" + _DAY + r",[ \t]*" + _CNAME + r"[ \t]*(?:[—–-]{1,2}|:)[ \t]",
    r"^[ \t]*\((?P<name>[^()\n]{2,40})\)[ \t]*$",
]
_DATELINE_RE = [re.compile(p, re.M) for p in DATELINE_FRAMES]
# A sign-off: the source outlet's name closing the story, after a dash on the
# last line of a paragraph ('… on Friday. – Outlet') or as a line of its own
# right after a paragraph of prose ('Outlet.').
_SIGNOFF_END = re.compile(r"[.!?\"”’)][ \t]+[—–-]+[ \t]*" + _CNAME + r"[ \t]*\.?[ \t]*$", re.M)
_SIGNOFF_LINE = re.compile(r"^[ \t]*(?:[—–-]+[ \t]*)?" + _CNAME + r"[ \t]*\.?[ \t]*$", re.M)
_PROSE_END = re.compile(r"[.!?\"”’)][ \t]*$")
# A headline that credits its source at its end: '… By Outlet', '… from Outlet', '… via Outlet'
_TITLE_CREDIT = re.compile(r"\s(?:By|from|From|via|Via)[ \t]+" + _CNAME + r"[ \t]*$")
# A listing's heading that still carries its source's title suffix: 'Headline | Outlet'
_HEADING_SUFFIX = re.compile(r"\S[ \t]+[|–—-][ \t]+" + _CNAME + r"[ \t]*$", re.M)
# An author named as an outlet: 'By Outlet' alone on a line, or an author page '/author/outlet-name/'
_AUTHOR_LINE = re.compile(
    r"^[ \t*_]*(?:By|Author:|Written[ \t]+by|Posted[ \t]+by|(?:Entries|Posts|Articles|Stories)[ \t]+by)[ \t]+" + _CNAME + r"[ \t*_]*$", re.M)
_AUTHOR_PATH = re.compile(r"/(?:author|authors|writer|writers|byline|profile|profiles|reporter|journalist)/(?P<slug>[A-Za-z0-9_-]{3,60})(?:/|$|\?|#)")


def _line_at(text: str, start: int) -> str:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    return text[ls: le if le != -1 else len(text)].strip()


def _named_credit(text: str, start: int, raw: str, frame: str) -> Credit | None:
    """A credit of ``raw`` at ``start`` when it is a registry outlet or a domain."""
    raw = raw.strip()
    name = _TRAIL.sub("", raw) if not _DOMAIN.fullmatch(raw) else raw
    if _DOMAIN.fullmatch(name) and name.lower().endswith(_FILE_ENDINGS + (".jpeg", ".gif", ".webp", ".pdf", ".mp4", ".js", ".css")):
        return None  # a file's name, not a site's
    outlet = outlet_named(name)
    if outlet is None and _DOMAIN.fullmatch(name) and not any(c.islower() for c in name):
        return None  # a ticker ('RY.TO', 'VOD.L') is no site
    if outlet is None and not _DOMAIN.fullmatch(name):
        return None
    return Credit(start, start + len(name), name, outlet, frame, _line_at(text, start))


def _previous_line(text: str, start: int) -> str:
    """The nearest non-blank line before the line at ``start``."""
    pos = text.rfind("\n", 0, start)
    while pos > 0:
        ls = text.rfind("\n", 0, pos) + 1
        line = text[ls:pos].strip()
        if line:
            return line
        pos = ls - 1
    return ""


def distinctive(name: str) -> bool:
    """A name that cannot be an ordinary capitalised word: several words, capitals inside, a digit or a domain."""
    name = name.strip(" \t*_.")
    return len(name.split()) >= 2 or any(c.isupper() or c.isdigit() or ord(c) > 127 for c in name[1:]) or "." in name


def placed_credits(doc) -> list[Credit]:
    """Outlets named where a page names its source: dateline, sign-off, headline credit, listing heading, author.

    Only names the registry knows, and domains, are returned: an unknown
    capitalised name in these places is as often a person or a place.
    Worked out once per text and headline (several rules and the copy
    detection ask).
    """
    return list(_placed_credits(doc.text, doc.title_span))


def _credits(text: str, matches, frame: str, keep=lambda m: True):
    for m in matches:
        if keep(m):
            c = _named_credit(text, m.start("name"), m.group("name"), frame)
            if c:
                yield c


def _signoff_line(text: str):
    """``keep`` for a sign-off on a line of its own: right after a paragraph of prose, marked or distinctive."""

    def keep(m) -> bool:
        prev = _previous_line(text, m.start())
        marked = m.group().strip().startswith(("-", "–", "—")) or m.group().rstrip().endswith(".")
        return len(prev) >= 80 and bool(_PROSE_END.search(prev)) and (marked or distinctive(m.group("name")))

    return keep


def _title_credits(text: str, span: tuple[int, int] | None):
    if not span:
        return
    m = _TITLE_CREDIT.search(text, span[0], span[1])
    if m and m.start() - span[0] >= 10:
        c = _named_credit(text, m.start("name"), m.group("name"), "title")
        if c and (distinctive(c.name) or (c.outlet is not None and c.outlet.wire)):
            yield c


def _heading(text: str, span: tuple[int, int] | None):
    """``keep`` for a listing heading's suffix: not the headline's own, on a short line, after a bar or distinctive."""

    def keep(m) -> bool:
        if span and span[0] <= m.start() < span[1]:
            return False  # the headline's own suffix is outlet-suffix-title's
        if len(_line_at(text, m.start()).split()) > 20 or m.start("name") - text.rfind("\n", 0, m.start()) < 12:
            return False
        # '… – Word': a subtitle as often as an outlet's name
        return "|" in text[m.start(): m.start("name")] or distinctive(m.group("name"))

    return keep


@lru_cache(maxsize=8)
def _placed_credits(text: str, span: tuple[int, int] | None) -> tuple[Credit, ...]:
    out: list[Credit] = []
    for rx in _DATELINE_RE:
        out += _credits(text, rx.finditer(text), "dateline")
    out += _credits(text, _SIGNOFF_END.finditer(text), "signoff")
    out += _credits(text, _SIGNOFF_LINE.finditer(text), "signoff", _signoff_line(text))
    out += _title_credits(text, span)
    out += _credits(text, _HEADING_SUFFIX.finditer(text), "heading", _heading(text, span))
    out += _credits(text, _AUTHOR_LINE.finditer(text), "author")
    seen: set[tuple[int, str]] = set()
    unique = []
    for c in sorted(out, key=lambda c: c.start):
        if (c.start, c.frame) not in seen:
            seen.add((c.start, c.frame))
            unique.append(c)
    return tuple(unique)


def author_outlet(url: str | None) -> tuple[str, Outlet] | None:
    """An author page in the address named after a registry outlet ('/author/outlet-news/')."""
    if not url or "//" not in url:
        return None
    m = _AUTHOR_PATH.search(url.split("//", 1)[1])
    if not m:
        return None
    key = letters(m.group("slug"))
    if len(key) < 3:
        return None
    for o in load_registry().outlets:
        if any(letters(n) == key for n in o.names if len(letters(n)) >= 3):
            return m.group("slug"), o
    return None


def blog_host(doc) -> bool:
    """Is the page on a free blog or site host (a personal site on a subdomain of one)?"""
    host = host_of(page_url(getattr(doc, "url", None)))
    return bool(host) and any(host == h or host.endswith("." + h) for h in load_registry().blog_hosts)


_A = r"""[^>\n]{0,300}?"""
_URL = r"""["']?(?P<url>https?://[^"'\s>]+)"""
# a page's head printed as text (a proxy or mirror that serves the source as raw markup)
_MARKUP_ADDRESS = [
    re.compile(r"<link\b" + _A + r"""\brel\s*=\s*["']?canonical\b""" + _A + r"\bhref\s*=\s*" + _URL, re.I),
    re.compile(r"<link\b" + _A + r"\bhref\s*=\s*" + _URL + _A + r"""\brel\s*=\s*["']?canonical\b""", re.I),
    re.compile(r"<meta\b" + _A + r"""\bproperty\s*=\s*["']?og:url\b""" + _A + r"\bcontent\s*=\s*" + _URL, re.I),
]
_EXAMPLE_HOST = re.compile(r"(?:^|\.)(?:example\.(?:com|org|net)|[a-z0-9-]+\.(?:example|test|invalid|localhost)|localhost)$")


def markup_addresses(doc) -> list[tuple[int, int, str]]:
    """Canonical and og:url addresses of a page's head printed in the text as markup: (start, end, host)."""
    text = doc.text
    if "<link" not in text.lower() and "<meta" not in text.lower():
        return []
    out = []
    for rx in _MARKUP_ADDRESS:
        for m in rx.finditer(text):
            host = host_of(m.group("url"))
            if host and not _EXAMPLE_HOST.search(host):
                out.append((m.start("url"), m.end("url"), host))
    return sorted(set(out))

