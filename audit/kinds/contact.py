"""Kinds ``contact-*``: contact details that do not add up, one kind per check.

Phone numbers are parsed and validated with the phonenumbers library (loaded
only when a digit run that could be a phone number is present).

contact-bio-phone     a toll-free, invalid or impossible number in an author bio
                      or a first-person contact line (a press release's contact
                      block is not a bio and passes); params: region, the
                      default region for numbers without a country code (US)
contact-email-domain  an e-mail address in a bio whose domain names an outlet the
                      document never mentions (the site, its title, the bio);
                      params: free_mail_from, the list of webmail domains
                      (not evidence)
contact-glued         an e-mail address run straight into a phone number
"""

from __future__ import annotations

import re

from ..findings import Hit
from ._bio import EMAIL as _EMAIL
from ._bio import bio_spans, mentioned
from ._kind import Kind

_PHONE = re.compile(r"(?<![\w.])(?:\+?\d{1,3}[ .-]?)?(?:\(\d{2,4}\)|\d{2,4})[ .-]?\d{3}[ .-]?\d{3,4}(?![\w])")
_GLUED = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+[ \t]+\+?\d[\d ()-]{6,}\d")


def _compile_email_domain(rule, catalogue):
    if rule.params.get("free_mail_from"):
        return frozenset(catalogue.word_list(rule.params["free_mail_from"]))
    return frozenset()


def _phone_problem(number_text: str, region: str) -> str | None:
    import phonenumbers

    try:
        num = phonenumbers.parse(number_text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(num):
        return "an impossible phone number"
    if not phonenumbers.is_valid_number(num):
        return "an invalid phone number"
    if phonenumbers.number_type(num) == phonenumbers.PhoneNumberType.TOLL_FREE:
        return "a toll-free number, which no reporter gives as a personal line"
    return None


def _bio_phone(doc, region):
    text = doc.text
    for s, e in bio_spans(doc):
        for m in _PHONE.finditer(text, s, e):
            if sum(c.isdigit() for c in m.group()) < 10:
                continue
            problem = _phone_problem(m.group(), region)
            if problem:
                yield Hit(m.start(), m.end(), fields=(("problem", problem),))


def _registrable(domain: str) -> str:
    parts = domain.lower().split(".")
    # drop the public suffix: one label, or two for co.uk-style suffixes
    if len(parts) >= 3 and parts[-2] in {"co", "com", "org", "net", "ac", "gov"} and len(parts[-1]) == 2:
        return parts[-3]
    return parts[-2] if len(parts) >= 2 else parts[0]


def _email_domain(doc, free):
    text = doc.text
    for span in bio_spans(doc):
        for m in _EMAIL.finditer(text, *span):
            domain = m.group(1).lower()
            if domain in free or any(domain.endswith("." + f) for f in free):
                continue
            label = _registrable(domain)
            # blank out every e-mail address, then look for the outlet's name
            if not mentioned(doc, label):
                yield Hit(m.start(), m.end(), fields=(("domain", domain),))


def _glued(doc):
    for m in _GLUED.finditer(doc.text):
        yield Hit(m.start(), m.end())


BIO_PHONE = Kind(
    run=lambda rule, region, doc: _bio_phone(doc, region),
    compile=lambda rule, catalogue: rule.params.get("region", "US"),
    PARAMS={"region": str},
)
EMAIL_DOMAIN = Kind(run=lambda rule, free, doc: _email_domain(doc, free), compile=_compile_email_domain, PARAMS={"free_mail_from": str})
GLUED = Kind(run=lambda rule, prep, doc: _glued(doc))
