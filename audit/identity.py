"""Site identity: which outlet published a page, and whose identity its body carries.

The page's own outlet comes from its address (a crawl record's target URI,
a JSON Lines ``url``, a mapping file), else from ``--site``, and is named
with the outlet registry (``rules/outlets.toml``) or, for HTML, the page's
og:site_name and JSON-LD publisher. Nothing here judges; the kinds
``site-identity`` and ``copy-of`` read what this module finds.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .catalogue import read_toml_files, rules_dir
from .identity_words import credit_words
from .wordlist import read_list
from .kinds.html_meta import base_domain, domain_label, letters, same_outlet


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    language: str | None
    wire: bool = False  # a wire agency: its credit on a subscriber's site is licensed copy
    republish: bool = False  # licenses free republication with a credit
    aggregator: bool = False  # publishes other outlets' stories under licence, with their credit
    syndicates: bool = False  # sells its stories to other newsrooms, which print them under its dateline and credit

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def licensed(self) -> bool:
        """Its credit on another site is the licence's, not a trace of copying."""
        return self.wire or self.republish


@dataclass(frozen=True)
class Registry:
    outlets: tuple[Outlet, ...]
    by_alias: dict  # exact alias -> Outlet
    alias_re: re.Pattern | None  # every alias, longest first, case-sensitive
    archives: tuple[str, ...] = ()  # archive and cache services: a page there is a snapshot of its embedded address
    blog_hosts: tuple[str, ...] = ()  # free blog and site hosts: no agency licenses its wire to a page there
    outlet_words: frozenset = frozenset()  # words that make an unknown name read as an outlet's

    def by_host(self, host: str) -> Outlet | None:
        host = host.lower().removeprefix("www.")
        for o in self.outlets:
            if any(host == d or host.endswith("." + d) for d in o.domains):
                return o
        return None

    def named(self, name: str) -> Outlet | None:
        """The outlet a name (an alias, or a name letter-for-letter equal to one) refers to."""
        name = name.strip()
        if name in self.by_alias:
            return self.by_alias[name]
        key = letters(name.removeprefix("the ").removeprefix("The "))
        for o in self.outlets:
            if any(letters(a.removeprefix("The ")) == key for a in o.names if len(letters(a)) >= 3):
                return o
        return None


def _spaceless(ch: str) -> bool:
    """A letter of a script whose names stand against their neighbours without a space."""
    return unicodedata.name(ch, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI"))


@lru_cache(maxsize=4)
def load_registry(path: str | None = None) -> Registry:
    """Read ``rules/outlets.toml`` (cached)."""
    path = Path(path) if path else rules_dir() / "outlets.toml"
    (data,) = read_toml_files([path])
    outlets = []
    for o in data.get("outlet", []):
        outlets.append(Outlet(
            name=o["name"],
            aliases=tuple(o.get("aliases", [])),
            domains=tuple(d.lower() for d in o.get("domains", [])),
            language=o.get("language"),
            wire=bool(o.get("wire", False)),
            republish=bool(o.get("republish", False)),
            aggregator=bool(o.get("aggregator", False)),
            syndicates=bool(o.get("syndicates", False)),
        ))
    by_alias: dict[str, Outlet] = {}
    for o in outlets:
        for a in o.names:
            by_alias.setdefault(a, o)
    parts = []
    for a in sorted(by_alias, key=len, reverse=True):
        # scripts written without spaces between words (CJK, kana, Thai) or with
        # particles joined to a name (Hangul) have no word boundary to ask for
        lead = r"(?<!\w)" if a[:1].isalnum() and not _spaceless(a[:1]) else ""
        tail = r"(?!\w)" if a[-1:].isalnum() and not _spaceless(a[-1:]) else ""
        parts.append(lead + re.escape(a) + tail)
    alias_re = re.compile("|".join(parts)) if parts else None
    meta = data.get("meta", {})
    words = set(meta.get("outlet_words", []))
    if (rules_dir() / "lists" / "scrape-outlet-words.txt").is_file():
        words.update(read_list(rules_dir(), "scrape-outlet-words"))
    return Registry(tuple(outlets), by_alias, alias_re, archives=tuple(meta.get("archives", [])), outlet_words=frozenset(words),
                    blog_hosts=tuple(meta.get("blog_hosts", [])))


# ---------------------------------------------------------------------------
# the page's own identity


def host_of(url: str | None) -> str:
    from .htmlpage import site_of

    return site_of(url).rstrip(".") if url and "//" in url else ""


def page_url(url: str | None) -> str | None:
    """The address a page speaks for: an archive's snapshot speaks for the address it archived."""
    host = host_of(url)
    if not host:
        return url
    registry = load_registry()
    if any(host == a or host.endswith("." + a) for a in registry.archives):
        m = re.search(r"(https?:/+)([^/?#]+\.[a-z]{2,}[^\s]*)", url.split("//", 1)[1], re.I)
        if m:
            return "https://" + m.group(2)
    return url


def own_domain(doc) -> str | None:
    """The registered domain the page is published on: its address, else ``--site``."""
    host = host_of(page_url(getattr(doc, "url", None)))
    if host:
        return base_domain(host)
    if doc.sites:
        return base_domain(doc.sites[0])
    return None


def own_names(doc) -> list[str]:
    """Names the page's own outlet goes by: the registry's, og:site_name, JSON-LD publisher."""
    names = []
    domain = own_domain(doc)
    if domain:
        outlet = load_registry().by_host(host_of(page_url(getattr(doc, "url", None))) or domain)
        if outlet:
            names.extend(outlet.names)
    og = doc.metadata.get("og", {}) if doc.metadata else {}
    if og.get("site_name"):
        names.append(og["site_name"])
    for entry in doc.metadata.get("jsonld", []) if doc.metadata else []:
        if entry.get("publisher"):
            names.append(entry["publisher"])
    return names


def is_own(doc, name: str, outlet: Outlet | None = None) -> bool:
    """Does ``name`` (or the registry outlet it resolves to) name the page's own outlet?"""
    domain = own_domain(doc)
    hosts = [host_of(page_url(getattr(doc, "url", None))), domain, *doc.sites]
    if outlet is not None and any(h and load_registry().by_host(h) is outlet for h in hosts):
        return True
    if domain and same_outlet(name, domain_label(domain)):
        return True
    for s in doc.sites:
        if same_outlet(name, domain_label(s)):
            return True
    return any(same_outlet(name, n) for n in own_names(doc) if n)


def site_field(doc) -> dict | None:
    """The report's ``site``: the page's own address, domain and outlet, when the address is known."""
    url = getattr(doc, "url", None)
    host = host_of(page_url(url))
    if not host:
        return None
    registry = load_registry()
    outlet = registry.by_host(host)
    out = {"url": url, "domain": base_domain(host)}
    if page_url(url) != url:
        out["archived"] = page_url(url)
    names = own_names(doc)
    if outlet is not None:
        out["outlet"] = outlet.name
        out["wire"] = outlet.wire
    elif names:
        out["outlet"] = names[0]
    if doc.date:
        out["date"] = doc.date
    return out


# ---------------------------------------------------------------------------
# another outlet's identity in the address or the body


def encoded_domain(url: str | None) -> tuple[str, Outlet] | None:
    """A proxy mirror's address that carries another known outlet's domain in its path.

    Mirrors and proxies put the original's address in their own path, plainly
    (``/https://outlet.example/…``) or ROT13-encoded. Returns (the encoded
    domain, its outlet) when the outlet is not the page's own.
    """
    if not url or "//" not in url or page_url(url) != url:
        return None  # an archive's snapshot names its original openly
    host = host_of(url)
    rest = url.split("//", 1)[1]
    path = rest[len(rest.split("/", 1)[0]):]
    registry = load_registry()
    own = registry.by_host(host)
    # plainly: a full domain in the path
    for token in re.findall(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", path.lower()):
        token = token.removeprefix("www.")
        outlet = registry.by_host(token)
        if outlet is not None and outlet is not own and not token.endswith(_FILE_ENDINGS):
            return token, outlet
    # ROT13-encoded: a known outlet's domain name among the decoded path's words
    # (a decoded ordinary path is gibberish, so a whole name there is meant)
    decoded = codecs.encode(path, "rot13").lower()
    words = set(re.findall(r"[a-z0-9]+", decoded))
    for outlet in registry.outlets:
        for domain in outlet.domains:
            label = domain.split(".")[0]
            if len(label) >= 5 and label in words and outlet is not own:
                return domain, outlet
    return None


_FILE_ENDINGS = (".html", ".htm", ".php", ".asp", ".aspx", ".jpg", ".png")
_NAME = r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w&'’.-]*(?:[ \t]+(?:[A-Z][\w&'’.-]*|of|de|la|&)){0,5}|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}\b)"
# a name in a script written without capitals (Cyrillic is capitalised; CJK, Arabic, Hangul … are not)
_NAME_ANY_SCRIPT = _NAME[:-1] + r"|[^\W\d_A-Za-z][^\s,.;:()（）：、。|]{1,30})"
# Credit lines: another outlet named as the text's source.
CREDIT_FRAMES = [
    r"\bappeared first on\s+" + _NAME,
    r"\b(?:first|originally)\s+(?:appeared|published|ran|posted)\s+(?:on|in|at|by)\s+" + _NAME,
    # 'This article was published by X', 'It was first published in X': not 'The results were published in X', a study cited
    r"\b[Tt]his\s+(?:article|story|piece|post|report|column|interview|feature|text)\s+(?:was|is)\s+"
    r"(?:first\s+|originally\s+)?published\s+(?:first\s+)?(?:on|in|at|by)\s+" + _NAME,
    r"\b(?:was|were|is)\s+(?:first|originally)\s+published\s+(?:on|in|at|by)\s+" + _NAME,
    r"\b(?:republished|reprinted|reproduced)\s+(?:from|with\s+(?:the\s+)?permission\s+(?:of|from))\s+" + _NAME,
    r"(?:©|\([cC]\)|\bCopyrights?)\s*(?:©\s*|\([cC]\)\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?" + _NAME,
    # 'Source: X' in the languages of the pages (rules/lists/identity-source-labels.txt), the name in any script
    r"(?:^|(?<=[\s(\[|–—]))(?:{source_labels})[ \t]*[:;：][ \t]*" + _NAME_ANY_SCRIPT,
    # the closing credit of a translated item: '…, reports X.', 'This information was reported by X'
    r"[,;][ \t]+(?:reports|reported|writes|informs)[ \t]+" + _NAME + r"[ \t]*\.?[ \t]*$",
    r"\b(?:[Tt]his|[Tt]he)\s+(?:information|news)\s+(?:was\s+)?(?:first\s+)?(?:reported|published|released|spread)\s+by\s+" + _NAME,
    r"\bRead\s+(?:more|(?:the\s+)?(?:full\s+|original\s+)?(?:story|article))\s+(?:on|at|in)\s+" + _NAME,
    # a feed reader's or snippet page's link to the whole text elsewhere: 'Read at X', 'Continue reading on X'
    r"(?:^|(?<=[\s|·]))(?:Read|Continue\s+reading|Keep\s+reading|View\s+(?:the\s+)?(?:full|original)\s+(?:story|article|post)|"
    r"See\s+(?:the\s+)?(?:full|original)\s+(?:story|article|post))\s+(?:at|on)\s+" + _NAME,
]
# The source outlet's own page furniture: only the outlet itself prints these.
FURNITURE_FRAMES = [
    r"\b(?:Latest|More|Top|Popular)\s+" + _NAME + r"\s+(?:Stories|Headlines|Articles|Videos|Podcasts)\b",
    r"^[ \t]*" + _NAME + r"\s+Original[ \t]*$",
    r"\b(?:Subscribe|Sign\s+up)\s+(?:to|for)\s+(?:the\s+)?" + _NAME + r"(?:['’]s)?\s+(?:newsletter|app|podcast|daily)",
    r"\b(?:Download|Get)\s+the\s+" + _NAME + r"\s+app\b",
    # its app, its own sections and its appeals to its readers, in its own words
    r"\b(?:via|on|in|from|download|get)\s+the\s+" + _NAME + r"\s+app\b",
    r"^[ \t•*-]*(?:This\s+week|Today|More|Latest|Top\s+stories)\s+(?:on|from|at)\s+" + _NAME + r"[ \t]*$",
    r"(?:^|(?<=[.!?,]\s))" + _NAME + r"\s+(?:is\s+on\s+the\s+ground|is\s+trusted\s+by|plays\s+a\s+(?:critical|vital|key)\s+role|"
    r"relies\s+on\s+(?:readers|you|donations)|"
    r"is\s+(?:reader-supported|reader-funded|funded\s+by\s+(?:its\s+)?readers))",
    r"\b(?:[Ss]upport|[Dd]onate\s+to)\s+" + _NAME + r"(?:['’]s)?\s+(?:journalism|reporting|newsroom)\b",
    r"\b[Vv]isit\s+" + _NAME + r"['’]s\s+homepage\b",
    r"\b[Ff]ollow\s+" + _NAME + r"\s+on\s+(?:MSN|Google\s+News|Apple\s+News|Flipboard|WhatsApp)\b",
]
_FURNITURE_RE = [re.compile(p, re.M) for p in FURNITURE_FRAMES]


@lru_cache(maxsize=1)
def _credit_res() -> tuple[re.Pattern, ...]:
    labels = sorted(credit_words()["source_labels"], key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in labels) or "(?!)"
    return tuple(re.compile(p.replace("{source_labels}", alt), re.M) for p in CREDIT_FRAMES)
_TRAIL = re.compile(r"[\s.,;:'’-]+$")
def agency_like(name: str) -> bool:
    """An unknown name that calls itself a news agency ('Saudi Press Agency')."""
    return any(w in credit_words()["agency_words"] for w in re.findall(r"\w+", name))


def aggregator_site(doc) -> bool:
    """Is the page on a licensed aggregator, whose pages credit the outlets it licenses?"""
    host = host_of(page_url(getattr(doc, "url", None)))
    outlet = load_registry().by_host(host) if host else None
    return outlet is not None and outlet.aggregator


def outlet_like(name: str) -> bool:
    """Does an unknown name read as a news outlet's: a domain, or a name with an outlet word (Times, Herald, …)?"""
    if re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}", name, re.I) and not name.lower().endswith(_FILE_ENDINGS):
        return True
    words = load_registry().outlet_words
    for w in re.findall(r"[\w'’]+", name):
        if w in words:
            return True
        # a compound such as 'CityWeb' or 'Harbourtimes'
        parts = re.findall(r"[A-Z][a-z]+", w)
        if len(parts) >= 2 and parts[-1] in words:
            return True
    return False


@dataclass(frozen=True)
class Credit:
    start: int  # offset of the outlet's name in doc.text
    end: int
    name: str  # as written
    outlet: Outlet | None  # the registry's outlet, when it is one
    frame: str  # "credit" or "furniture"
    line: str  # the line it stands on


def _resolve(text: str, start: int, raw: str) -> tuple[str, Outlet | None, int]:
    """The outlet name at ``start``: the longest registry alias there, else the capitalised run."""
    registry = load_registry()
    if registry.alias_re is not None:
        m = registry.alias_re.match(text, start)
        if m:
            return m.group(), registry.by_alias[m.group()], m.end()
    if raw.startswith("the "):  # 'in the Sunday Telegraph': the name starts after the article
        start, raw = start + 4, raw[4:]
        m = registry.alias_re.match(text, start) if registry.alias_re is not None else None
        if m:
            return m.group(), registry.by_alias[m.group()], m.end()
    if raw[:1].islower():  # a domain
        return raw, registry.by_host(raw), start + len(raw)
    words = raw.split()
    stop = credit_words()["stop_words"]
    while words and (words[-1].strip(".,’'") in stop or words[-1].strip(".,").isdigit()):
        words.pop()
    name = _TRAIL.sub("", " ".join(words))
    outlet = registry.named(name) if name else None
    return name, outlet, start + len(name)


def credits(doc) -> list[Credit]:
    """Outlets named by a credit line or the outlet's own furniture in the page's text."""
    text = doc.text
    out: list[Credit] = []
    seen: set[int] = set()
    for frame, patterns in (("credit", _credit_res()), ("furniture", _FURNITURE_RE)):
        for rx in patterns:
            for m in rx.finditer(text):
                start = m.start("name")
                if start in seen:
                    continue
                name, outlet, end = _resolve(text, start, m.group("name"))
                if len(letters(name)) < 2:
                    continue
                seen.add(start)
                ls = text.rfind("\n", 0, m.start()) + 1
                le = text.find("\n", m.end())
                out.append(Credit(end - len(name), end, name, outlet, frame, text[ls: le if le != -1 else len(text)].strip()))
    return sorted(out, key=lambda c: c.start)


_AGENCY_CREDIT = re.compile(r"\((?P<a>[A-Z][A-Za-z]{1,15}(?:[ -][A-Z][A-Za-z]+)?)\)|^[ \t]*[—–-]+[ \t]*(?P<b>[A-Z][\w ]{1,40}?)[ \t]*$", re.M)


def licensed_credit(doc) -> Outlet | None:
    """A wire agency or republishing newsroom the text openly credits, if any."""
    registry = load_registry()
    for c in credits(doc):
        if c.outlet is not None and c.outlet.licensed and c.frame == "credit":
            return c.outlet
    # the agency's own credit forms: '(AP)', '(NAN)', '— Reuters', 'Reporting by … for Reuters'
    for m in _AGENCY_CREDIT.finditer(doc.text):
        name = m.group("a") or m.group("b")
        outlet = registry.by_alias.get(name) or registry.by_alias.get(f"({name})")
        if outlet is not None and outlet.licensed:
            return outlet
    return None


def named_outlets(doc) -> list[Outlet]:
    """Registry outlets named anywhere in the text (for telling which copy is the source's own)."""
    registry = load_registry()
    if registry.alias_re is None:
        return []
    found = []
    for m in registry.alias_re.finditer(doc.text[:20000]):
        o = registry.by_alias[m.group()]
        if o not in found and len(m.group()) >= 3:
            found.append(o)
    return found
