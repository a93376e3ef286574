"""Rule kinds: one small module each, registered here explicitly.

A kind module provides two pure functions:

- ``compile(rule, catalogue)``: prepare the rule's parameters once (compile
  patterns, read word lists); raise ValueError/re.error on bad parameters;
- ``run(rule, prepared, doc)``: yield :class:`audit.findings.Hit` objects.

A kind may also provide ``run_many(items, doc)`` taking every
``(rule, prepared)`` of that kind at once, to scan a document in one pass.

Each kind declares ``PARAMS``, the params keys it reads; the catalogue
refuses a rule file with any other key (a typo such as ``ignorecase`` would
otherwise load and silently do nothing). ``COMMON_PARAMS`` are read outside
the kinds: ``prior_weight`` by calibration.
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
    "quote-marks": quotes,
    "stripped-apostrophe": stripped_apostrophe,
    "mojibake": mojibake,
    "lowercase-name": casing,
    "variant-mix": variant_mix,
    "byline": byline,
    "contact": contact,
    "html-meta": html_meta,
    "listed-pattern": listed_pattern,
    "site-identity": site_identity,
    "copy-of": copy_of,
    "script-residue": script_residue,
    "name-affix": name_affix,
    "translationese": translationese,
    "consistency": consistency,
    "narrator-we": narrator_we,
    "pronoun-gender": pronoun_gender,
}

COMMON_PARAMS = frozenset({"prior_weight"})
