"""Kinds ``html-meta-*``: a page's markup names another outlet than the page's own site.

Reads what :mod:`audit.htmlpage` extracted (metadata, where each value stands
in the source, the site the page is served from, hidden blocks, the visible
byline) and reports each piece of evidence at its tag in the source file.

The page's own site is the ``--site`` list when given, else the domain the
page refers to for its own assets, home link and menus (``served_from``).

An openly credited syndication (a "first appeared in …" line in the body,
JSON-LD ``sourceOrganization`` or ``isBasedOn``) is provenance, not evidence:
a canonical link or og:url pointing at the credited outlet is not reported
(the credit is in the report's ``metadata.provenance``).

One kind per check:
    html-meta-canonical    <link rel=canonical> or og:url on another site's domain
    html-meta-site-name    og:site_name names an outlet that is neither the site's
                           domain nor named anywhere in the page's visible furniture
    html-meta-publisher    JSON-LD publisher differs from og:site_name and the site
    html-meta-author-meta  <meta name=author> names another person than the visible byline
    html-meta-hidden-copy  a hidden element (display:none) repeats the headline along
                           with body text; params: min_ratio, the similarity 0-100
                           to the headline (default 90)
"""

from __future__ import annotations

import re
import unicodedata

from ..findings import Hit
from ._kind import Kind
from ._lists import shipped_set, word_set
from ._text import normalise

_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"}
# lists of rules/lists/: the rules name them (``generic_words_from``, ``not_person_from``);
# code that runs without a rule (site identity, copies) reads the same files
GENERIC_WORDS = "scrape-outlet-generic-words"  # words too common in outlet names to tell two apart
NOT_PERSON = "scrape-not-person"  # words that make an author field a desk, a team or a role
_SUFFIX = re.compile(r"\s+[-–—|:]\s+[^-–—|]{2,60}$")


# ---------------------------------------------------------------------------
# names and domains


def base_domain(host: str) -> str:
    """``static.millstreamchronicle.com`` -> ``millstreamchronicle.com``; ``a.b.co.uk`` -> ``b.co.uk``."""
    parts = [p for p in host.lower().strip(".").split(".") if p]
    if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL and len(parts[-1]) == 2:
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def domain_label(host: str) -> str:
    """The name part of a domain: ``the-tarnby-times.com`` -> ``thetarnbytimes``."""
    return letters(base_domain(host).split(".")[0])


def letters(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text.lower() if c.isalnum())


def _tokens(name: str, generic: frozenset[str]) -> set[str]:
    return {t for t in normalise(name).split() if len(t) >= 4 and t not in generic}


def _strip_the(key: str) -> str:
    return key[3:] if key.startswith("the") and len(key) > 6 else key


def _initials(name: str) -> str:
    return "".join(w[0] for w in normalise(name).split() if w not in {"the", "of", "and"})


def same_outlet(a: str, b: str, generic: frozenset[str] | None = None) -> bool:
    """Do two outlet names (or a name and a domain label) name the same outlet?

    Letters only, a leading 'The' dropped: one contains the other
    ('Sulzenau Aktuell' / sulzenauaktuell), they share a distinctive word
    ('Guardian News & Media' / 'The Guardian'), or one is the other's
    initials ('Nederlandse Omroep Stichting' / nos). ``generic``: the words
    shared by too many names to count (default: the shipped list).
    """
    la, lb = _strip_the(letters(a)), _strip_the(letters(b))
    if not la or not lb:
        return False
    if min(len(la), len(lb)) >= 3 and (la in lb or lb in la):
        return True
    generic = shipped_set(GENERIC_WORDS) if generic is None else generic
    if _tokens(a, generic) & _tokens(b, generic):
        return True
    ia, ib = _initials(a), _initials(b)
    return (len(ia) >= 2 and ia == lb) or (len(ib) >= 2 and ib == la)


def own_sites(doc) -> list[str]:
    page = doc.html
    if getattr(doc, "url", None):  # the page's own address (a crawl record's, --urls) says it first
        from ..identity import own_domain

        domain = own_domain(doc)
        if domain:
            return [domain]
    if doc.sites:
        return [base_domain(s) for s in doc.sites]
    if page is not None and page.own_domains:
        return [base_domain(page.own_domains[0])]
    return []


def credited(doc) -> list[str]:
    """Names and domains of outlets the page openly credits as the source."""
    page = doc.html
    out = []
    if page is not None and page.credit is not None:
        out.append(page.credit.text)
    for entry in doc.metadata.get("jsonld", []):
        for key in ("sourceOrganization", "sourceOrganization_url", "isBasedOn"):
            if entry.get(key):
                out.append(entry[key])
    return out


def _credits_host(doc, host: str, generic: frozenset[str]) -> bool:
    from ..htmlpage import site_of

    label = domain_label(host)
    for credit in credited(doc):
        if "/" in credit and site_of(credit) and base_domain(site_of(credit)) == base_domain(host):
            return True
        if label and label in letters(credit):
            return True
        if same_outlet(credit, label, generic) and len(credit) < 80:
            return True
    return False


def _credits_name(doc, name: str) -> bool:
    key = letters(name)
    return bool(key) and any(key in letters(c) for c in credited(doc))


def _in_chrome(doc, name: str) -> bool:
    page = doc.html
    hay = page.chrome_names if page is not None else ""
    name = " ".join(normalise(name).split())
    if not name:
        return False
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", " ".join(normalise(hay).split())) is not None


# ---------------------------------------------------------------------------
# checks


def _at(doc, key: str) -> tuple[int, int] | None:
    page = doc.html
    return page.spans.get(key) if page is not None else None


def _canonical(doc, generic: frozenset[str]):
    from ..htmlpage import site_of

    own = own_sites(doc)
    if not own:
        return
    og = doc.metadata.get("og", {})
    for key, url, label in (("canonical", doc.metadata.get("canonical"), "canonical link"), ("og:url", og.get("url"), "og:url")):
        host = site_of(url or "")
        if not host or base_domain(host) in own:
            continue
        if _credits_host(doc, host, generic):
            continue
        span = _at(doc, key)
        if span:
            yield Hit(span[0], span[1], in_source=True, fields=(("what", label), ("domain", host), ("site", own[0])))


def _site_name(doc, generic: frozenset[str]):
    own = own_sites(doc)
    name = doc.metadata.get("og", {}).get("site_name")
    span = _at(doc, "og:site_name")
    if not own or not name or not span:
        return
    if any(same_outlet(name, domain_label(d), generic) for d in own):
        return
    if _in_chrome(doc, name) or _credits_name(doc, name):
        return
    yield Hit(span[0], span[1], in_source=True, fields=(("name", name), ("site", own[0])))


def _publisher(doc, generic: frozenset[str]):
    own = own_sites(doc)
    site_name = doc.metadata.get("og", {}).get("site_name")
    span = _at(doc, "jsonld:publisher")
    publishers = [e["publisher"] for e in doc.metadata.get("jsonld", []) if e.get("publisher")]
    if not publishers or not span or not (own or site_name):
        return
    name = publishers[0]
    if site_name and same_outlet(name, site_name, generic):
        return
    if any(same_outlet(name, domain_label(d), generic) for d in own):
        return
    if _in_chrome(doc, name) or _credits_name(doc, name):
        return
    against = f"og:site_name '{site_name}'" if site_name else f"the site {own[0]}"
    yield Hit(span[0], span[1], in_source=True, fields=(("name", name), ("against", against)))


_BY = re.compile(r"^\s*(?:by|von|par|por|door|di)(?:\s+|(?=[A-Z]))", re.I)
_CUT = re.compile(r"\s*(?:[,·|•/(\n]|\s-\s|\s–\s|\sin\s|\sand\s|\s&\s|\d).*$", re.S)


def byline_name(text: str) -> str:
    text = _BY.sub("", text.strip(), count=1)
    return _CUT.sub("", text).strip()


def person_like(name: str, not_person: frozenset[str] | None = None) -> bool:
    not_person = shipped_set(NOT_PERSON) if not_person is None else not_person
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    if any(w.lower().strip(".") in not_person or w.lower().endswith(("desk", "staff", "team", "room")) for w in words):
        return False
    return all(w[:1].isupper() and not any(c.isdigit() for c in w) for w in words)


def _author_meta(doc, not_person: frozenset[str]):
    page = doc.html
    author = doc.metadata.get("author")
    span = _at(doc, "author")
    if page is None or page.byline is None or not author or not span:
        return
    shown = byline_name(page.byline.text)
    if not (person_like(author, not_person) and person_like(shown, not_person)):
        return
    a = {letters(w) for w in author.split()}
    b = {letters(w) for w in shown.split()}
    if a & b:
        return
    yield Hit(span[0], span[1], in_source=True, fields=(("author", author), ("byline", shown)))


def _hidden_copy(doc, min_ratio: float):
    page = doc.html
    if page is None or not page.hidden:
        return
    heads = set()
    for title in filter(None, [doc.metadata.get("h1"), doc.metadata.get("og", {}).get("title"), doc.metadata.get("title")]):
        heads.add(normalise(title))
        m = _SUFFIX.search(title)
        if m:
            heads.add(normalise(title[: m.start()]))
    heads = {h for h in heads if len(h.split()) >= 4}
    if not heads:
        return
    body_paras = {normalise(doc.text[s:e]) for s, e in doc.paragraphs if e - s >= 60}
    from rapidfuzz import fuzz

    for block in page.hidden:
        paras = []
        pos = 0
        for part in block.text.split("\n\n"):
            at = block.text.find(part, pos)
            paras.append((part, at))
            pos = at + len(part)
        repeats_body = block.in_body or any(normalise(p) in body_paras for p, _ in paras if len(p) >= 60)
        if not repeats_body:
            continue
        for part, at in paras:
            form = normalise(part)
            if len(form.split()) < 4 or len(part) > 300:
                continue
            if any(fuzz.ratio(form, h) >= min_ratio for h in heads):
                start = block.offsets[at] if at < len(block.offsets) else block.start
                end = block.offsets[at + len(part) - 1] + 1 if at + len(part) - 1 < len(block.offsets) else block.end
                yield Hit(start, max(end, start + 1), in_source=True, fields=(("headline", part.strip()),))
                break


def _on_pages(check):
    """``run`` of a check that reads a parsed page: nothing for other formats."""

    def run(rule, prep, doc):
        if doc.format != "html" or doc.html is None:
            return ()
        return check(doc, prep) if prep is not None else check(doc)

    return run


def _list_param(key: str, default: str) -> dict:
    """``compile`` and ``PARAMS`` of a check that reads one word list, named by the rule's ``key``."""
    return {"compile": lambda rule, catalogue: word_set(catalogue, rule.params, key, default), "PARAMS": {key: str}}


CANONICAL = Kind(run=_on_pages(_canonical), **_list_param("generic_words_from", GENERIC_WORDS))
SITE_NAME = Kind(run=_on_pages(_site_name), **_list_param("generic_words_from", GENERIC_WORDS))
PUBLISHER = Kind(run=_on_pages(_publisher), **_list_param("generic_words_from", GENERIC_WORDS))
AUTHOR_META = Kind(run=_on_pages(_author_meta), **_list_param("not_person_from", NOT_PERSON))
HIDDEN_COPY = Kind(
    run=_on_pages(_hidden_copy),
    compile=lambda rule, catalogue: float(rule.params.get("min_ratio", 90)),
    PARAMS={"min_ratio": float},
)
