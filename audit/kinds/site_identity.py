"""Kind ``site-identity``: another outlet's identity on a page served from an unrelated domain.

Reads the page's own address (a crawl record's URL, a mapping file) or
``--site``; without either the page has no known identity and is not judged.
The outlet registry (``rules/outlets.toml``) names outlets, and tells wire
agencies and republishing newsrooms, whose credit on a subscriber's site is
the licence's, from other outlets.

params:
  check  one of
    credit     a credit line names another outlet as the text's source
               ("appeared first on X", "originally published by X",
               "© 2024 X", "Source: X"); a wire agency's or republishing
               newsroom's credit is licensed copy and passes, except in the
               feed footer "appeared first on", which auto-posters leave
    furniture  the source outlet's own page furniture in the text ("Latest X
               Stories", "X Original", "Sign up for X's newsletter")
    address    the page's address carries another known outlet's domain in
               its path, plainly or ROT13-encoded (a proxy mirror)
    dateline   the dateline credits another outlet ("TOKYO (Outlet) –",
               "JAKARTA, outlet.id –"), or a line is that credit alone
    signoff    the story closes on another outlet's name ("… on Friday.
               – Outlet", or "Outlet." alone after the last paragraph)
    title      the headline credits another outlet at its end ("… By
               Outlet", "… from Outlet")
    heading    a heading in the body keeps another outlet's title suffix
               ("Headline | Outlet"): a listing of its items
    author     the author is another outlet ("By Outlet" alone on a line,
               or an author page "/author/outlet-name/" in the address)
    markup     the page's head printed as text (a proxy serving raw markup)
               holds a canonical link or og:url on another domain
    blog-host  a wire agency's dateline on a page of a free blog host
               (rules/outlets.toml [meta] blog_hosts), where no agency
               licenses its copy

The five placed checks judge only names the registry knows and domains;
a wire agency's, republishing newsroom's or syndicating outlet's name
passes (licensed copy)
except in a headline's "By/from/via" credit, where licensed copy does not
put it, and
nothing passes on a licensed aggregator's site.
"""

from __future__ import annotations

from ..findings import Hit

CHECKS = {"credit", "furniture", "address", "dateline", "signoff", "title", "heading", "author", "blog-host", "markup"}
PLACED = {"dateline", "signoff", "title", "heading", "author"}


def compile(rule, catalogue):
    check = rule.params.get("check")
    if check not in CHECKS:
        raise ValueError(f"unknown check '{check}' (known: {', '.join(sorted(CHECKS))})")
    return check


def run(rule, check, doc):
    from .. import identity

    if identity.own_domain(doc) is None:
        return
    if check == "address":
        found = identity.encoded_domain(getattr(doc, "url", None))
        if found:
            domain, outlet = found
            at = doc.title_span or (0, min(len(doc.text), 1))
            if doc.text:
                yield Hit(at[0], max(at[1], at[0] + 1), fields=(("outlet", outlet.name), ("domain", domain), ("site", identity.own_domain(doc))))
        return
    if check == "markup":
        from ..kinds.html_meta import base_domain

        own = identity.own_domain(doc)
        registry = identity.load_registry()
        for start, end, host in identity.markup_addresses(doc):
            if base_domain(host) == own or any(host == a or host.endswith("." + a) for a in registry.archives):
                continue
            yield Hit(start, end, fields=(("outlet", host), ("site", own)))
            return
        return
    if check == "blog-host":
        if identity.blog_host(doc):
            for c in identity.placed_credits(doc):
                if c.frame == "dateline" and c.outlet is not None and c.outlet.wire:
                    yield Hit(c.start, c.end, fields=(("outlet", c.outlet.name), ("site", identity.own_domain(doc))))
        return
    if check in PLACED:
        yield from _placed(check, doc)
        return
    for c in identity.credits(doc):
        if c.frame != check:
            continue
        if identity.is_own(doc, c.name, c.outlet):
            continue
        if check == "credit":
            footer = "appeared first on" in c.line.lower()
            if identity.aggregator_site(doc) and not footer:
                continue  # a licensed aggregator credits the outlets it carries
            if c.outlet is None and identity.agency_like(c.name) and not footer:
                continue  # an agency the registry does not know: licensed wire copy
            if c.outlet is None and not footer and not identity.outlet_like(c.name):
                continue  # an unknown name that does not read as an outlet's: a photographer, an author, a data source
            if c.outlet is not None and c.outlet.licensed and not footer:
                continue
        elif c.outlet is None or identity.aggregator_site(doc):
            continue  # furniture of an outlet the registry does not know, or of one a licensed aggregator carries
        name = c.outlet.name if c.outlet else c.name
        yield Hit(c.start, c.end, fields=(("outlet", name), ("site", identity.own_domain(doc))))


def _placed(check, doc):
    from .. import identity

    if identity.aggregator_site(doc):
        return  # a licensed aggregator names the outlets it carries
    site = identity.own_domain(doc)
    if check == "author":
        found = identity.author_outlet(getattr(doc, "url", None))
        if found and not (found[1].licensed or found[1].syndicates) and not identity.is_own(doc, found[1].name, found[1]) and doc.text:
            at = doc.title_span or (0, min(len(doc.text), 1))
            yield Hit(at[0], max(at[1], at[0] + 1), fields=(("outlet", found[1].name), ("site", site)))
            return
    for c in identity.placed_credits(doc):
        if c.frame != check or identity.is_own(doc, c.name, c.outlet):
            continue
        if c.outlet is not None and (c.outlet.licensed or c.outlet.syndicates) and check != "title":
            continue  # licensed copy credits its agency or syndicate, but not at the end of the headline
        yield Hit(c.start, c.end, fields=(("outlet", c.outlet.name if c.outlet else c.name), ("site", site)))


# every params key this kind reads: the catalogue refuses any other, naming the rule file
PARAMS = frozenset({"check"})
