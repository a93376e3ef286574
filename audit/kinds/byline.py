"""Kinds ``byline-*``: fabricated author boxes, one kind per check.

byline-repeated-name   a name standing alone on its line and again as "By <name>"
                       within a few lines (the author-box template printing the
                       name twice)
byline-famous-bio      a bio that lists several famous outlets; params:
                       outlets_from (the list of famous outlets), min_outlets
                       (how many must be named, default 3)
byline-foreign-outlet  "Before joining X" where X is the site the text was copied
                       from or is not the site's own name
"""

from __future__ import annotations

import re

from ..findings import Hit
from ._bio import bio_spans, outlets_named_in_bio, site_names
from ._kind import Kind
from ._text import letters

_NAME_LINE = re.compile(r"^[ \t]*([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3})[ \t]*$", re.M)
_SUFFIX = re.compile(r"\s[-–—|]\s+([^-–—|]{2,60})$")


def _compile_famous_bio(rule, catalogue):
    outlets = tuple(catalogue.word_list(rule.params["outlets_from"]))
    pattern = None
    if outlets:
        pattern = re.compile(r"\b(" + "|".join(re.escape(o) for o in sorted(outlets, key=len, reverse=True)) + r")\b")
    return pattern, int(rule.params.get("min_outlets", 3))


def _repeated_name(doc):
    text = doc.text
    for m in _NAME_LINE.finditer(text):
        name = m.group(1)
        window = text[m.end(): m.end() + 300]
        by = re.search(r"^[ \t]*By " + re.escape(name) + r"\b", window, re.M)
        if by:
            yield Hit(m.start(1), m.end(1), fields=(("name", name),))


def _famous_bio(doc, pattern, min_outlets):
    text = doc.text
    for s, e in bio_spans(doc):
        found = {}
        for m in pattern.finditer(text, s, e):
            found.setdefault(m.group(), m.start())
        if len(found) >= min_outlets:
            first = min(found.values())
            names = ", ".join(sorted(found, key=found.get))
            yield Hit(first, min(e, first + 80), fields=(("outlets", names),))


def _foreign_outlet(doc):
    own = [letters(n) for n in site_names(doc)]
    copied_from = None
    if doc.title:
        m = _SUFFIX.search(doc.title)
        if m:
            copied_from = letters(m.group(1))
    for span in bio_spans(doc):
        for name, at in outlets_named_in_bio(doc, span):
            key = letters(name)
            if not key:
                continue
            if own and any(key in o or o in key for o in own if o):
                continue
            if copied_from and (key in copied_from or copied_from in key):
                yield Hit(at, at + len(name), fields=(("outlet", name), ("why", "the outlet named in the title, not the site")))
                continue
            # with no site identity, the bio's outlet must at least match its own e-mail
            emails = re.findall(r"@([\w-]+)\.", doc.text[span[0]:span[1]])
            if emails and all(letters(d) not in key and key not in letters(d) for d in emails):
                yield Hit(at, at + len(name), fields=(("outlet", name), ("why", "not the outlet of the bio's own e-mail address")))
            elif own:
                yield Hit(at, at + len(name), fields=(("outlet", name), ("why", "not the site's own name")))


REPEATED_NAME = Kind(run=lambda rule, prep, doc: _repeated_name(doc))
FAMOUS_BIO = Kind(
    run=lambda rule, prep, doc: _famous_bio(doc, *prep),
    compile=_compile_famous_bio,
    PARAMS={"min_outlets": int, "outlets_from": str},
)
FOREIGN_OUTLET = Kind(run=lambda rule, prep, doc: _foreign_outlet(doc))
