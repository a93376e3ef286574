"""Kind ``outlet-name``: another outlet's name where the page names itself.

Two places, chosen by ``params.where``:

- ``title`` (default): the end of the headline, after `` – ``, `` | `` or
  `` - `` (``… – L’Express``). Trailing names that are the site's own
  (og:site_name, or the canonical host) are peeled off first, so
  ``… – Ouest-France - Osprey Post`` on ospreypost.com is judged on
  ``Ouest-France``.
- ``byline``: a ``By Name, Outlet`` line in the body.

Plain text states no site of its own, so there the name must look like a
news outlet rather than an honest subtitle: short, every word capitalised
(particles such as of/de/della aside), and either containing a word of
the ``words_from`` list (Times, Gazette, Herald …, or a known single-word
title), written in capitals (``DER SPIEGEL``, ``NOS``), led by an article
(``The …``, ``Le …``, ``Der …``), a capitalised compound (``Ouest-France``)
or a domain (``opoleteraz.pl``).

params:
  where        title | byline
  words_from   list of outlet words and single-word outlet names
  exceptions   names that never count (licensed wires, all-caps labels)

A headline written in capitals (wire style) ends with an attribution or a
slug in capitals ("… - USDA", "… - PRIVATE SOURCES", "… - APR 7"): there
capitals are no evidence, only the other marks of an outlet's name are.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..findings import Hit
from ._lists import word_set
from ._scope import title_scope
from ._text import letters

# (?<!\s)\s++: a separator's leading space is tried from the start of its run only (linear on long runs)
_SUFFIX = re.compile(r"(?<!\s)\s++[–—|-]\s+((?:(?!\s[–—|-]\s)[^\n|]){2,60}?)\s*$")
_BYLINE = re.compile(r"^[ \t*_]*By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3},\s+([^\n,]{2,50}?)[ \t*_]*$", re.M)
_ELIDED = re.compile(r"^[LlDd][’']\w")
_DOMAIN = re.compile(r"^[\w-]+\.(?:com|net|org|pl|de|fr|it|es|pt|nl|ru|co\.uk|info|news)$", re.I)
# lists of rules/lists/, named by the rule; their order is that of ``Vocabulary``
LISTS = {
    "particles_from": "scrape-outlet-particles",  # lower-case words inside a name (of, the, de, von …)
    "articles_from": "scrape-outlet-articles",  # words that open a name (The, Le, Die …)
    "roles_from": "scrape-byline-roles",  # job titles that end a byline, not outlets
}
_COMPOUND = re.compile(r"^[A-Z][a-zà-ÿ]+-[A-Z][a-zà-ÿ]+$")


class Vocabulary(NamedTuple):
    particles: frozenset[str]
    articles: frozenset[str]
    roles: frozenset[str]


def _vocabulary(catalogue=None, params=None) -> Vocabulary:
    return Vocabulary(*(word_set(catalogue, params or {}, key, name) for key, name in LISTS.items()))


def looks_like_outlet(name: str, words: frozenset, exceptions: frozenset, caps_ok: bool = True, vocab: Vocabulary | None = None) -> bool:
    vocab = vocab or _vocabulary()
    name = name.strip(" *_.")
    tokens = name.split()
    if not tokens or len(tokens) > 6 or len(name) > 45:
        return False
    if name.lower() in exceptions or tokens[-1].lower() in vocab.roles:
        return False
    if any(any(c.isdigit() for c in t) and not t.isdigit() for t in tokens) or re.search(r"[:;!?“”\"«»()·,]", name):
        return False
    if len(tokens) == 1 and _DOMAIN.match(name):
        return True
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if (low in vocab.particles and i > 0) or (tok.isdigit() and i > 0):
            continue
        if not (tok[0].isupper() or _ELIDED.match(tok)):
            return False
    parts = {p for tok in tokens for p in re.split(r"[-’']", tok.lower()) if p}
    if parts & words:
        return True
    caps = "".join(c for c in name if c.isalpha())
    if caps_ok and len(caps) >= 2 and caps.isupper():
        return True
    if (len(tokens) >= 2 and tokens[0].lower() in vocab.articles) or _ELIDED.match(tokens[0]):
        return True
    return len(tokens) == 1 and bool(_COMPOUND.match(tokens[0]))


def own_names(doc) -> set[str]:
    """Letter-only forms of the names a page gives itself."""
    site = doc.metadata.get("site", {})
    canonical, og_url, site_name = site.get("canonical"), site.get("og:url"), site.get("og:site_name")
    hosts = [h for h in (canonical, og_url) if h]
    if canonical and og_url and canonical != og_url:
        hosts = [canonical]  # og:url copied from elsewhere
    names = set()
    for h in hosts:
        names.add(letters(h))
        names.add(letters(h.rsplit(".", 1)[0]))
    if site_name:
        sn = letters(site_name)
        copied = og_url and canonical and og_url != canonical and sn in {letters(og_url), letters(og_url.rsplit(".", 1)[0])}
        if not copied:
            names.add(sn)
    return {n for n in names if n}


def _is_own(name: str, own: set[str]) -> bool:
    n = letters(name)
    bare = n[3:] if n.startswith("the") else n
    return any(n == o or bare == o or (len(bare) >= 5 and (o.startswith(bare) or bare.startswith(o))) for o in own)


def compile(rule, catalogue):
    p = rule.params
    where = p.get("where", "title")
    if where not in {"title", "byline"}:
        raise ValueError(f"unknown 'where': {where}")
    words = frozenset(w.lower() for w in catalogue.word_list(p["words_from"])) if p.get("words_from") else frozenset()
    exceptions = frozenset(e.lower() for e in p.get("exceptions", []))
    return where, words, exceptions, _vocabulary(catalogue, p)


def run(rule, prep, doc):
    where, words, exceptions, *vocab = prep
    vocab = vocab[0] if vocab else _vocabulary()
    own = own_names(doc) if doc.format == "html" else set()
    if where == "byline":
        for m in _BYLINE.finditer(doc.text):
            name = m.group(1)
            if looks_like_outlet(name, words, exceptions, vocab=vocab) and not _is_own(name, own):
                yield Hit(m.start(1), m.end(1), fields=(("outlet", name.strip()),))
        return
    scope = title_scope(doc)
    if scope is None:
        return
    title = scope.text
    end = len(title)
    for _ in range(3):
        m = _SUFFIX.search(title, 0, end)
        if not m or m.start() < 10:
            return
        name = m.group(1)
        if own and _is_own(name, own):
            end = m.start()
            continue
        # a headline in capitals (wire style) ends with a source or a slug in
        # capitals too ("… - USDA", "… - TRADERS"): capitals say nothing there
        head = title[: m.start()]
        caps_ok = any(c.islower() for c in head) or not any(c.isalpha() for c in head)
        if looks_like_outlet(name, words, exceptions, caps_ok, vocab):
            yield Hit(scope.base + m.start(1), scope.base + m.end(1), fields=(("outlet", name.strip()),), in_source=scope.in_source)
        return

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"exceptions": list[str], "where": str, "words_from": str, **{key: str for key in LISTS}}
