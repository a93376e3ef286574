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
_AUTHOR_LINE = re.compile(r"^[ \t*_]*(?:By|Author:|Written[ \t]+by|Posted[ \t]+by|(?:Entries|Posts|Articles|Stories)[ \t]+by)[ \t]+" + _CNAME + r"[ \t*_]*$", re.M)
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


# ---------------------------------------------------------------------------
# another outlet's interview, masthead and feed card


def names_outlet(name: str, outlet: Outlet) -> bool:
    """Does ``name`` name ``outlet`` beyond doubt: distinctive (see :func:`distinctive`), or one plain
    word that is the outlet's own name or its domain's ('Yahoo'), not a translation of it ('World')?"""
    if distinctive(name):
        return True
    key = letters(name)
    return key == letters(outlet.name) or any(key == letters(d.split(".")[-2] if d.count(".") else d) for d in outlet.domains)


def _alias_at(text: str, pos: int) -> tuple[str, Outlet] | None:
    """The registry outlet named at ``pos``: the longest alias there, else a
    capitalised run (shortened word by word) that names one once a leading
    'the' is dropped ('told the Irish Times')."""
    registry = load_registry()
    if registry.alias_re is not None:
        m = registry.alias_re.match(text, pos)
        if m and len(letters(m.group())) >= 2:
            return m.group(), registry.by_alias[m.group()]
    run = re.match(r"[A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z][\w&'’.-]*|of|de|la|&)){0,4}", text[pos:pos + 80])
    if not run:
        return None
    words = run.group().rstrip(".’'").split()
    while words:
        name = " ".join(words)
        if len(letters(name)) >= 4:
            outlet = registry.named(name)
            if outlet is not None:
                return name, outlet
        words.pop()
    return None


def _quote_attribution(text: str, start: int, after: str) -> bool:
    """Is 'told X' the attribution of a quote, as the outlet that took it writes it?

    The name closes the sentence or introduces the quote ('… he told X.',
    'told X: …', 'told X “…'), or a quote has just closed before the verb
    ('“…,” he told X on Monday'). Reported speech ('told X on Thursday that
    …', 'in an interview with X, adding that …') is another outlet's
    interview cited by the page's own reporter.
    """
    if re.match(r"[”\"»’]?[ \t]*(?:[.:;!?]|[“\"«„]|\n|$)", after):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 40):start]
    return bool(re.search(r"[”»]|[.,!?]\"|\"[ \t]*,", before))


@lru_cache(maxsize=2)
def _interview_re(frames: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(re.escape(f).replace(r"\ ", r"[ \t]+") for f in sorted(frames, key=len, reverse=True))
    return re.compile(
        r"(?<!\w)(?P<frame>" + alt + r")[ \t]+(?:(?:the|el|la|le|o|a|al|ao|à)[ \t]+)?[«“\"„]?(?=\S)"
        # a headline's '… in an Outlet interview'
        r"|(?<!\w)(?:in|to|during)[ \t]+(?:an?[ \t]+)?(?:exclusive[ \t]+)?(?=[^\n]{2,40}?[ \t][Ii]nterview\b)"
    )


def interview_credits(doc, frames: tuple[str, ...]) -> list[Credit]:
    """Outlets a source gave the quotes to: 'told Outlet', 'in an interview with Outlet', 'in an Outlet interview'.

    ``frames`` are the reporting verbs and phrases before the outlet's name,
    in the languages of the pages (a word list). Only registry outlets count.
    """
    return list(_interview_credits(doc.text, frames))


@lru_cache(maxsize=8)
def _interview_credits(text: str, frames: tuple[str, ...]) -> tuple[Credit, ...]:
    out = []
    seen: set[int] = set()
    for m in _interview_re(frames).finditer(text):
        found = _alias_at(text, m.end())
        if found is None or m.end() in seen:
            continue
        name, outlet = found
        if not names_outlet(name, outlet):
            continue
        after = text[m.end() + len(name): m.end() + len(name) + 12]
        if m.group("frame") is None:
            if not re.match(r"[ \t]+[Ii]nterview\b", after):
                continue  # 'in an … interview': the name must stand right before 'interview'
        elif not _quote_attribution(text, m.start(), after):
            continue  # reported speech from another outlet's interview ('told X on Monday that …') is cited
        seen.add(m.end())
        out.append(Credit(m.end(), m.end() + len(name), name, outlet, "interview", _line_at(text, m.end())))
    return tuple(out)


_SEP = r"[ \t]*(?:[-–—|:·•][ \t]*|\([ \t]*)"


def masthead_credits(doc) -> list[Credit]:
    """Another outlet's masthead at the head of the page: a line of two of its
    names alone ('ABBR - Full Name', 'Full Name (ABBR)'), before the story's prose."""
    text = doc.text
    registry = load_registry()
    if registry.alias_re is None:
        return []
    out = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if len(line) >= 100 and _PROSE_END.search(line):
            break  # the story has begun: a masthead stands above it
        stripped = line.strip(" \t*_#")
        if not 4 <= len(stripped) <= 90:
            continue
        a = registry.alias_re.match(stripped)
        if not a:
            continue
        sep = re.match(_SEP, stripped[a.end():])
        if not sep or sep.end() == 0:
            continue
        b = registry.alias_re.fullmatch(stripped[a.end() + sep.end():].rstrip(" \t).*_"))
        if not b:
            continue
        oa, ob = registry.by_alias[a.group()], registry.by_alias[b.group()]
        if oa is ob and letters(a.group()) != letters(b.group()) and names_outlet(a.group(), oa) and names_outlet(b.group(), ob):
            at = start + line.index(stripped)
            out.append(Credit(at, at + len(stripped), oa.name, oa, "masthead", stripped))
    return out


def _stamp_re(units: tuple[str, ...], after: tuple[str, ...], before: tuple[str, ...]) -> re.Pattern:
    u = "|".join(re.escape(w) for w in sorted(units, key=len, reverse=True)) or "(?!)"
    a = "|".join(re.escape(w) for w in sorted(after, key=len, reverse=True)) or "(?!)"
    b = "|".join(re.escape(w) for w in sorted(before, key=len, reverse=True)) or "(?!)"
    return re.compile(
        r"^(?:\d{1,3}[ \t]*(?:" + u + r")[ \t]+(?:" + a + r")|(?:" + b + r")[ \t]+\d{1,3}[ \t]*(?:" + u + r")"
        # a date or a clock time: a year, '13/05', '4:51 PM'
        r"|[^\n]{0,20}?\b(?:19|20)\d{2}\b|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|\d{1,2}:\d{2}\b)",
        re.I,
    )


_STAMP_CACHE: dict = {}


def card_credits(doc, units: tuple[str, ...], after: tuple[str, ...], before: tuple[str, ...]) -> list[Credit]:
    """Another outlet's name as a feed card's source line: alone on a line next
    to a time stamp ('Outlet' / '3 days ago'), or followed by one ('Outlet May 3, 2024 …').

    ``units``, ``after`` and ``before`` are the words of a relative stamp
    ('3 hours ago', 'il y a 2 jours') in the languages of the pages.
    """
    key = (units, after, before)
    if key not in _STAMP_CACHE:
        _STAMP_CACHE[key] = _stamp_re(units, after, before)
    stamp = _STAMP_CACHE[key]
    registry = load_registry()
    if registry.alias_re is None:
        return []
    lines = doc.text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    out = []
    for k, i in enumerate(nonblank):
        line = lines[i].strip(" \t*_•·|")
        if not 2 <= len(line) <= 120:
            continue
        m = registry.alias_re.match(line)
        if not m or len(letters(m.group())) < 2 or not names_outlet(m.group(), registry.by_alias[m.group()]):
            continue
        rest = line[m.end():].strip(" \t•·|,-–—")
        if rest:
            ok = len(rest) <= 100 and bool(stamp.match(rest))
        else:
            near = [lines[nonblank[j]].strip(" \t*_•·|") for j in (k - 1, k + 1) if 0 <= j < len(nonblank)]
            ok = any(len(n) <= 40 and stamp.match(n) for n in near)
        if ok:
            at = starts[i] + lines[i].index(m.group())
            out.append(Credit(at, at + len(m.group()), m.group(), registry.by_alias[m.group()], "card", lines[i].strip()))
    return out


_IP_HOST = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]")


def bare_ip_host(url: str | None) -> str | None:
    """The page's host when it is a bare IP address (a mirror served without a name), else None."""
    if not url or "//" not in url:
        return None
    host = url.split("//", 1)[1].split("/", 1)[0].split("@")[-1]
    host = re.sub(r":\d+$", "", host) if not host.startswith("[") else host.split("]")[0] + "]"
    return host if _IP_HOST.fullmatch(host) else None


# a wire story's dateline whose credit was cut: 'HONOLULU — ', 'SAN JUAN, Puerto Rico -- ',
# with the dash decayed to '?' by a re-encoding
_BARE_DATELINE = re.compile(r"^[ \t*_]*(?P<place>[A-Z][A-Z.'’-]{2,}(?:[ \t]+[A-Z][A-Z.'’-]+){0,2})(?:,[ \t]+[A-Z][\w.]+(?:[ \t]+[A-Z][\w.]+){0,2})?[ \t]+(?:[—–]|--|\?)[ \t]+(?=[A-Z0-9“\"])", re.M)


def bare_datelines(doc) -> list[tuple[int, int]]:
    """Spans of the places of agency-style datelines without a credit ('CITY — The …')."""
    return [(m.start("place"), m.end("place")) for m in _BARE_DATELINE.finditer(doc.text)]


def wire_named(doc) -> Outlet | None:
    """A wire agency the text names anywhere ('according to the Associated Press', 'Reuters' photos')."""
    found = wire_mention(doc)
    return found[2] if found else None


def wire_mention(doc) -> tuple[int, int, Outlet] | None:
    """The first place the text names a wire agency (an alias of three letters or more, or '(AP)')."""
    registry = load_registry()
    if registry.alias_re is None:
        return None
    for m in registry.alias_re.finditer(doc.text[:20000]):
        o = registry.by_alias[m.group()]
        if o.wire and len(letters(m.group())) >= 3 or (o.wire and m.group().startswith("(")):
            return m.start(), m.end(), o
    return None
