"""Kinds ``site-identity-*``: another outlet's identity on a page served from an unrelated domain.

Reads the page's own address (a crawl record's URL, a mapping file) or
``--site``; without either the page has no known identity and is not judged.
The outlet registry (``rules/outlets.toml``) names outlets, and tells wire
agencies and republishing newsrooms, whose credit on a subscriber's site is
the licence's, from other outlets.

One kind per check:
    site-identity-credit     a credit line names another outlet as the text's source
                             ("appeared first on X", "originally published by X",
                             "© 2024 X", "Source: X"); a wire agency's or republishing
                             newsroom's credit is licensed copy and passes, except in the
                             feed footer "appeared first on", which auto-posters leave
    site-identity-furniture  the source outlet's own page furniture in the text ("Latest X
                             Stories", "X Original", "Sign up for X's newsletter")
    site-identity-address    the page's address carries another known outlet's domain in
                             its path, plainly or ROT13-encoded (a proxy mirror)
"""

from __future__ import annotations

from ..findings import Hit
from ._kind import Kind


def _address(rule, prep, doc):
    from .. import identity

    if identity.own_domain(doc) is None:
        return
    found = identity.encoded_domain(getattr(doc, "url", None))
    if found:
        domain, outlet = found
        at = doc.title_span or (0, min(len(doc.text), 1))
        if doc.text:
            yield Hit(at[0], max(at[1], at[0] + 1), fields=(("outlet", outlet.name), ("domain", domain), ("site", identity.own_domain(doc))))


def _unlicensed_credit(doc, c) -> bool:
    """A credit that reads as copy taken without a licence."""
    from .. import identity

    footer = "appeared first on" in c.line.lower()
    if footer:
        return True
    if identity.aggregator_site(doc):
        return False  # a licensed aggregator credits the outlets it carries
    if c.outlet is None:
        # an agency the registry does not know is licensed wire copy; an unknown
        # name that does not read as an outlet's is a photographer, an author, a data source
        return not identity.agency_like(c.name) and identity.outlet_like(c.name)
    return not c.outlet.licensed


def _framed(frame: str, counts):
    """``run`` of a check that reports the credits of one frame that ``counts`` keeps."""

    def run(rule, prep, doc):
        from .. import identity

        if identity.own_domain(doc) is None:
            return
        for c in identity.credits(doc):
            if c.frame != frame or identity.is_own(doc, c.name, c.outlet) or not counts(doc, c):
                continue
            name = c.outlet.name if c.outlet else c.name
            yield Hit(c.start, c.end, fields=(("outlet", name), ("site", identity.own_domain(doc))))

    return run


CREDIT = Kind(run=_framed("credit", _unlicensed_credit))
FURNITURE = Kind(run=_framed("furniture", lambda doc, c: c.outlet is not None))
ADDRESS = Kind(run=_address)
