"""Another outlet's identity in the forms copies keep beyond the credit lines
of :mod:`audit.placed_credits`: an interview given to it, its masthead above
the story, a feed card's source line, an agency's dateline with its credit
cut, and a page served from a bare IP address.

Only names the outlet registry (:mod:`audit.identity`) knows count. Nothing
here judges; the ``site-identity-*`` kinds read what it finds.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .identity import Credit, Outlet, load_registry
from .kinds.html_meta import letters
from .placed_credits import _PROSE_END, _line_at, distinctive


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
_BARE_DATELINE = re.compile(r"^[ \t*_]*(?P<place>[A-Z][A-Z.'’-]{2,}(?:[ \t]+[A-Z][A-Z.'’-]+){0,2})"
    r"(?:,[ \t]+[A-Z][\w.]+(?:[ \t]+[A-Z][\w.]+){0,2})?[ \t]+(?:[—–]|--|\?)[ \t]+(?=[A-Z0-9“\"])", re.M)


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
