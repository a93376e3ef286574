"""Kind ``doubled-title``: the headline printed again in the body.

Candidates for the headline are the title the file states (first line of a
text file; <title>, <h1>, og:title of a page) and the short paragraphs at the
top. Every other paragraph is compared with them on normalised text (case,
apostrophes and punctuation dropped) with a fuzzy ratio, so both a verbatim
repeat and a punctuation-stripped slug copy match, while a sentence that
quotes the headline inside a longer paragraph does not.

params:
  min_ratio       similarity 0–100 on normalised text (default 90)
  min_words       shortest headline considered (default 4)
  top_paragraphs  how many leading paragraphs can be the headline (default 4)
"""

from __future__ import annotations

import re

from ..findings import Hit
from ._text import excerpt, normalise

# (?<!\s)\s++: a separator's leading space is tried from the start of its run only (linear on long runs)
_SUFFIX = re.compile(r"(?<!\s)\s++[-–—|:]\s+[^-–—|]{2,60}$")


def compile(rule, catalogue):
    p = rule.params
    return float(p.get("min_ratio", 90)), int(p.get("min_words", 4)), int(p.get("top_paragraphs", 4))


def _forms(title: str) -> set[str]:
    forms = {normalise(title)}
    m = _SUFFIX.search(title)
    if m:
        forms.add(normalise(title[: m.start()]))
    return {f for f in forms if f}


def _similar(a: str, b: str, min_ratio: float) -> bool:
    """Fuzzy ratio ≥ min_ratio; lengths too far apart are ruled out before rapidfuzz loads."""
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((len(a), len(b)))
    if 200 * shorter / (shorter + longer) < min_ratio:
        return False  # even a perfect alignment could not reach the ratio
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b) >= min_ratio


def run(rule, prep, doc):
    min_ratio, min_words, top = prep
    paragraphs = doc.paragraphs
    headings = doc.heading_spans
    candidates: list[tuple[str, tuple[int, int] | None, str]] = []  # (form, own span, shown)
    for title in filter(None, [doc.title, doc.metadata.get("h1"), doc.metadata.get("og", {}).get("title")]):
        for form in _forms(title):
            candidates.append((form, doc.title_span if title == doc.title else None, title))
    for span in paragraphs[:top]:
        para = doc.text[span[0]:span[1]]
        if "\n" not in para and len(para.split()) <= 30:
            for form in _forms(para):
                candidates.append((form, span, para))
    candidates = [c for c in candidates if len(c[0].split()) >= min_words]
    if not candidates:
        return
    reported = set()
    for span in paragraphs:
        if any(h[0] <= span[0] < h[1] or span[0] <= h[0] < span[1] for h in headings):
            continue
        para = doc.text[span[0]:span[1]]
        if len(para) > 400:
            continue
        forms = _forms(para)
        for form, own, shown in candidates:
            if own is not None and span[0] < own[1]:
                continue  # only a later paragraph can be a copy of this headline
            if span in reported:
                break
            if any(_similar(form, f, min_ratio) for f in forms):
                # both copies are evidence: report each once, in text order
                if own is not None and own not in reported:
                    reported.add(own)
                    yield Hit(own[0], own[1], message="The headline is printed again further on in the body")
                reported.add(span)
                yield Hit(span[0], span[1], fields=(("headline", excerpt(shown, 0, len(shown), 80)),))
                break
