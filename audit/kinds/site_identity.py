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
    site-identity-dateline   the dateline credits another outlet ("TOKYO (Outlet) –",
                             "JAKARTA, outlet.id –"), or a line is that credit alone
    site-identity-signoff    the story closes on another outlet's name ("… on Friday.
                             – Outlet", or "Outlet." alone after the last paragraph)
    site-identity-title      the headline credits another outlet at its end ("… By
                             Outlet", "… from Outlet")
    site-identity-heading    a heading in the body keeps another outlet's title suffix
                             ("Headline | Outlet"): a listing of its items
    site-identity-author     the author is another outlet ("By Outlet" alone on a line,
                             or an author page "/author/outlet-name/" in the address)
    site-identity-markup     the page's head printed as text (a proxy serving raw markup)
                             holds a canonical link or og:url on another domain
    site-identity-blog-host  a wire agency's dateline on a page of a free blog host
                             (rules/outlets.toml [meta] blog_hosts), where no agency
                             licenses its copy, or 'CITY —' with the credit cut on a
                             page naming an agency; with ``anywhere`` (the weak form)
                             an agency named anywhere on such a page
    site-identity-interview  a quote given to another outlet ("told Outlet", "in an
                             interview with Outlet"; the verbs are a word list)
    site-identity-masthead   another outlet's masthead above the story: two of its
                             names alone on a line ("ABBR - Full Name")
    site-identity-card       another outlet's name as a feed card's source line,
                             beside a time stamp ("Outlet" / "3 days ago")
    site-identity-bare-ip    the page is served from a bare IP address

The interview and card checks pass a wire agency's and a syndicating
outlet's name (licensed copy prints them); the masthead check does not (a
subscriber credits an agency, it does not print its masthead). A name that
is one plain word counts only when it is the outlet's own name or its
domain's, not a translation of it ('World').

The five placed checks (dateline, signoff, title, heading, author) judge only
names the registry knows and domains; a wire agency's, republishing
newsroom's or syndicating outlet's name passes (licensed copy) except in a
headline's "By/from/via" credit, where licensed copy does not put it, and
nothing passes on a licensed aggregator's site.
"""

from __future__ import annotations

from ..findings import Hit
from ._kind import Kind


def _title_hit(doc, outlet_name: str, site: str):
    at = doc.title_span or (0, min(len(doc.text), 1))
    return Hit(at[0], max(at[1], at[0] + 1), fields=(("outlet", outlet_name), ("site", site)))


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


def _markup(rule, prep, doc):
    from .. import identity, placed_credits
    from .html_meta import base_domain

    own = identity.own_domain(doc)
    if own is None:
        return
    registry = identity.load_registry()
    for start, end, host in placed_credits.markup_addresses(doc):
        if base_domain(host) == own or any(host == a or host.endswith("." + a) for a in registry.archives):
            continue
        yield Hit(start, end, fields=(("outlet", host), ("site", own)))
        return


def _blog_host(rule, prep, doc):
    from .. import identity, placed_credits

    from .. import placed_frames

    if identity.own_domain(doc) is None or not placed_credits.blog_host(doc):
        return
    if rule.params.get("anywhere"):
        # the weak form: a wire agency named anywhere, where the strong form finds no dateline
        if next(_blog_host_dateline(doc), None) is None:
            found = placed_frames.wire_mention(doc)
            if found is not None:
                yield Hit(found[0], found[1], fields=(("outlet", found[2].name), ("site", identity.own_domain(doc))))
        return
    yield from _blog_host_dateline(doc)


def _blog_host_dateline(doc):
    from .. import identity, placed_credits, placed_frames

    found = False
    for c in placed_credits.placed_credits(doc):
        if c.frame == "dateline" and c.outlet is not None and c.outlet.wire:
            found = True
            yield Hit(c.start, c.end, fields=(("outlet", c.outlet.name), ("site", identity.own_domain(doc))))
    if found:
        return
    # the dateline without its credit ('CITY — …'), on a page that names a wire agency elsewhere
    spans = placed_frames.bare_datelines(doc)
    wire = placed_frames.wire_named(doc) if spans else None
    if wire is not None:
        yield Hit(spans[0][0], spans[0][1], fields=(("outlet", wire.name), ("site", identity.own_domain(doc))))


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


def _known_furniture(doc, c) -> bool:
    """Furniture of an outlet the registry knows, on a page that is not a licensed aggregator's."""
    from .. import identity

    return c.outlet is not None and not identity.aggregator_site(doc)


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


def _author_in_address(doc, site):
    from .. import identity, placed_credits

    found = placed_credits.author_outlet(getattr(doc, "url", None))
    if found and not (found[1].licensed or found[1].syndicates) and not identity.is_own(doc, found[1].name, found[1]) and doc.text:
        return _title_hit(doc, found[1].name, site)
    return None


def _placed(frame: str):
    """``run`` of a check that reports another outlet named in one place of the page (see module doc)."""

    def run(rule, prep, doc):
        from .. import identity, placed_credits

        site = identity.own_domain(doc)
        if site is None or identity.aggregator_site(doc):
            return  # no identity to judge by; or a licensed aggregator, which names the outlets it carries
        if frame == "author":
            hit = _author_in_address(doc, site)
            if hit is not None:
                yield hit
                return
        for c in placed_credits.placed_credits(doc):
            if c.frame != frame or identity.is_own(doc, c.name, c.outlet):
                continue
            if c.outlet is not None and (c.outlet.licensed or c.outlet.syndicates) and frame != "title":
                continue  # licensed copy credits its agency or syndicate, but not at the end of the headline
            yield Hit(c.start, c.end, fields=(("outlet", c.outlet.name if c.outlet else c.name), ("site", site)))

    return run


# the credit parse (audit/identity.py) reads the word lists these params name
CREDIT = Kind(run=_framed("credit", _unlicensed_credit),
              PARAMS={"stop_words_from": str, "agency_words_from": str, "source_labels_from": str})
FURNITURE = Kind(run=_framed("furniture", _known_furniture))
ADDRESS = Kind(run=_address)
MARKUP = Kind(run=_markup)
BLOG_HOST = Kind(run=_blog_host, PARAMS={"anywhere": bool})
DATELINE = Kind(run=_placed("dateline"))
SIGNOFF = Kind(run=_placed("signoff"))
TITLE = Kind(run=_placed("title"))
HEADING = Kind(run=_placed("heading"))
AUTHOR = Kind(run=_placed("author"))


def _entries(catalogue, name: str) -> tuple[str, ...]:
    return tuple(e.partition(" | ")[0].strip() for e in catalogue.word_list(name)) if name else ()


def _other_outlet(doc, c) -> bool:
    """Another outlet than the page's own, and none whose copy is licensed to subscribers."""
    from .. import identity

    return not identity.is_own(doc, c.name, c.outlet) and not (c.outlet.licensed or c.outlet.syndicates)


def _first_credit(credits, other):
    """``run`` of a check that reports the first of ``credits(doc, prep)`` (a
    placed frame's credits) that ``other(doc, credit)`` says names another
    outlet than the page's own."""

    def run(rule, prep, doc):
        from .. import identity, placed_frames

        site = identity.own_domain(doc)
        if site is None or identity.aggregator_site(doc):
            return
        for c in credits(placed_frames, doc, prep):
            if other(doc, c):
                yield Hit(c.start, c.end, fields=(("outlet", c.outlet.name), ("site", site)))
                return

    return run


def _not_own(doc, c) -> bool:
    from .. import identity

    return not identity.is_own(doc, c.name, c.outlet)


_interview = _first_credit(lambda frames, doc, prep: frames.interview_credits(doc, prep), _other_outlet)
_masthead = _first_credit(lambda frames, doc, prep: frames.masthead_credits(doc), _not_own)
_card = _first_credit(lambda frames, doc, prep: frames.card_credits(doc, *prep), _other_outlet)


def _bare_ip(rule, prep, doc):
    from .. import identity, placed_frames

    host = placed_frames.bare_ip_host(identity.page_url(getattr(doc, "url", None)))
    if host and doc.text.strip():
        yield _title_hit(doc, host, host)


INTERVIEW = Kind(run=_interview, compile=lambda rule, cat: _entries(cat, rule.params.get("frames_from", "")),
                 PARAMS={"frames_from": str})
MASTHEAD = Kind(run=_masthead)
CARD = Kind(run=_card, compile=lambda rule, cat: tuple(_entries(cat, rule.params.get(k, "")) for k in ("units_from", "ago_after_from", "ago_before_from")),
            PARAMS={"units_from": str, "ago_after_from": str, "ago_before_from": str})
BARE_IP = Kind(run=_bare_ip)
