"""Author boxes: where a byline and its bio stand, and who the site claims to be."""

from __future__ import annotations

import re

from ._text import letters

BIO_CUES = re.compile(
    r"\b(has been (?:a|an|the) (?:reporter|journalist|writer|editor|correspondent)|staff writer|"
    r"before joining|worked as|correspondent for|freelancer for|freelance(?:d)? for|contact me|"
    r"reach me|get in touch|email me|e-mail me|about the author|her work has appeared|his work has appeared|"
    r"previously (?:worked|wrote|reported)|is a (?:senior )?(?:reporter|journalist|writer|correspondent)|"
    r"joined [A-Z][\w ]{2,40} in (?:19|20)\d\d)",
    re.I,
)
_BEFORE_JOINING = re.compile(r"\bBefore joining ((?:The |the )?[A-Z][\w'’&.-]*(?: [A-Z][\w'’&.-]*){0,4})")


def bio_spans(doc) -> list[tuple[int, int]]:
    """Paragraphs that read as an author bio or contact line (found once per document)."""
    cached = doc.derived.get("bio spans")
    if cached is None:
        text = doc.text
        cached = [(s, e) for s, e in doc.paragraphs if BIO_CUES.search(text, s, e)]
        doc.derived["bio spans"] = cached
    return cached


def site_names(doc) -> list[str]:
    """Names the page gives itself: og:site_name, the canonical and og:url hosts."""
    site = doc.metadata.get("site", {})
    names = [v for v in site.values() if v]
    return names


def outlets_named_in_bio(doc, span) -> list[tuple[str, int]]:
    s, e = span
    return [(m.group(1).strip(" .,"), m.start(1)) for m in _BEFORE_JOINING.finditer(doc.text, s, e)]


EMAIL = re.compile(r"\b[\w.+-]+@([\w-]+(?:\.[\w-]+)+)\b")


def mentioned(doc, name: str) -> bool:
    """Is ``name`` (compared on letters only) named in the document, its title
    or the site's own names, e-mail addresses aside?"""
    key = letters(name)
    if not key:
        return False
    hay = doc.derived.get("bio hay")
    if hay is None:  # once per document: a long page has many bios to check
        hay = " ".join(letters(EMAIL.sub(" ", t)) for t in (doc.text, doc.title or ""))
        hay += " " + " ".join(letters(n) for n in site_names(doc))
        doc.derived["bio hay"] = hay
    return key in hay
