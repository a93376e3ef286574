"""Rule kinds: one small module each, registered here explicitly.

A kind module provides two pure functions:

- ``compile(rule, catalogue)``: prepare the rule's parameters once (compile
  patterns, read word lists); raise ValueError/re.error on bad parameters;
- ``run(rule, prepared, doc)``: yield :class:`audit.findings.Hit` objects.

A kind may also provide ``run_many(items, doc)`` taking every
``(rule, prepared)`` of that kind at once, to scan a document in one pass.

Each kind declares ``PARAMS``, the params it reads with their types
(``{"pattern": str, "min_hits": int}``, see :mod:`._params`); the catalogue
refuses a rule file with any other key or a value of another type (a typo
such as ``ignorecase`` would otherwise load and silently do nothing). A
declaration of names alone (``frozenset({...})``) is still accepted: its
values are not checked. ``COMMON_PARAMS`` are read outside the kinds:
``prior_weight`` by calibration.

A module whose checks share helpers declares one :class:`._kind.Kind` per
check, each registered below under its own name (``byline-famous-bio``), so
a rule file's ``kind`` names the code that runs it.
"""

from . import (
    byline,
    casing,
    contact,
    doubled_title,
    mojibake,
    pattern,
    phrase,
    quotes,
    stripped_apostrophe,
    untranslated,
    variant_mix,
)
from . import offsite_link, outlet_name
from . import html_meta
from . import honorific, name_variants, postposed_adjective
from . import listed_pattern
from . import copy_of, site_identity
from . import consistency, name_affix, script_residue, translationese
from . import narrator_we
from . import pronoun_gender

KINDS = {
    "honorific": honorific,
    "name-variants": name_variants,
    "postposed-adjective": postposed_adjective,
    "offsite-link": offsite_link,
    "outlet-name": outlet_name,
    "untranslated": untranslated,
    "phrase": phrase,
    "pattern": pattern,
    "doubled-title": doubled_title,
    "quote-marks-guillemets": quotes.GUILLEMETS,
    "quote-marks-closing-after-space": quotes.CLOSING_AFTER_SPACE,
    "quote-marks-stray-closing": quotes.STRAY_CLOSING,
    "stripped-apostrophe": stripped_apostrophe,
    "mojibake": mojibake,
    "lowercase-name": casing,
    "variant-mix": variant_mix,
    "byline-repeated-name": byline.REPEATED_NAME,
    "byline-famous-bio": byline.FAMOUS_BIO,
    "byline-foreign-outlet": byline.FOREIGN_OUTLET,
    "contact-bio-phone": contact.BIO_PHONE,
    "contact-email-domain": contact.EMAIL_DOMAIN,
    "contact-glued": contact.GLUED,
    "html-meta-canonical": html_meta.CANONICAL,
    "html-meta-site-name": html_meta.SITE_NAME,
    "html-meta-publisher": html_meta.PUBLISHER,
    "html-meta-author-meta": html_meta.AUTHOR_META,
    "html-meta-hidden-copy": html_meta.HIDDEN_COPY,
    "listed-pattern": listed_pattern,
    "site-identity-credit": site_identity.CREDIT,
    "site-identity-furniture": site_identity.FURNITURE,
    "site-identity-address": site_identity.ADDRESS,
    "site-identity-markup": site_identity.MARKUP,
    "site-identity-blog-host": site_identity.BLOG_HOST,
    "site-identity-dateline": site_identity.DATELINE,
    "site-identity-signoff": site_identity.SIGNOFF,
    "site-identity-title": site_identity.TITLE,
    "site-identity-heading": site_identity.HEADING,
    "site-identity-author": site_identity.AUTHOR,
    "site-identity-interview": site_identity.INTERVIEW,
    "site-identity-masthead": site_identity.MASTHEAD,
    "site-identity-card": site_identity.CARD,
    "site-identity-bare-ip": site_identity.BARE_IP,
    "copy-of": copy_of,
    "script-residue": script_residue,
    "name-affix": name_affix,
    "translationese": translationese,
    "consistency": consistency,
    "narrator-we": narrator_we,
    "pronoun-gender": pronoun_gender,
}

COMMON_PARAMS = {"prior_weight": float}

# kinds that dispatched on params.check, now one kind per check: '<kind>-<check>'
RETIRED_KINDS = frozenset({"byline", "contact", "html-meta", "quote-marks", "site-identity"})
