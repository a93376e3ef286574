"""The part of a document a rule reads, and where that part starts."""

from __future__ import annotations

import re
from typing import NamedTuple

_TITLE_TAG = re.compile(r"<title\b[^>]*>", re.I)


class Scope(NamedTuple):
    text: str
    base: int  # offset of text[0] in doc.text (or doc.source when in_source)
    in_source: bool


def scope_of(rule, doc) -> Scope | None:
    if rule.scope == "body":
        return Scope(doc.text, 0, False)
    if rule.scope == "document":
        return Scope(doc.source, 0, True)
    if rule.scope == "title":
        return title_scope(doc)
    return None


def title_scope(doc) -> Scope | None:
    """The headline as the file gives it: the first line, or HTML <title>."""
    if not doc.title:
        return None
    if doc.title_span is not None:
        s, e = doc.title_span
        return Scope(doc.text[s:e], s, False)
    m = _TITLE_TAG.search(doc.source)
    if m:
        # the title text as written in the source (entities may differ)
        end = doc.source.find("<", m.end())
        raw = doc.source[m.end(): end if end != -1 else len(doc.source)]
        lead = len(raw) - len(raw.lstrip())
        from ..document import unescape

        return Scope(unescape(raw.strip()), m.end() + lead, True)
    return None


def skip_masks(params, allowed: tuple[str, ...]) -> frozenset[str]:
    """The rule's ``skip`` list: the masks, among ``allowed``, that drop matches."""
    skip = params.get("skip", [])
    if isinstance(skip, str) or not all(isinstance(s, str) for s in skip):
        raise ValueError("'skip' is a list of names")
    unknown = [s for s in skip if s not in allowed]
    if unknown:
        raise ValueError(f"unknown skip '{unknown[0]}' (known: {', '.join(allowed)})")
    return frozenset(skip)
