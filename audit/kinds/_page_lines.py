"""A page's non-blank lines as the doubled-title kind compares them: each line's
text, normalised form, word count and whether it is a heading, built once per
text and shared by the rules of that kind; and the fuzzy comparison of two
normalised lines."""

from __future__ import annotations

import re

from ._text import normalise

# (?<!\s)\s++: a separator's leading space is tried from the start of its run only (linear on long runs)
_SUFFIX = re.compile(r"(?<!\s)\s++[-–—|:]\s+[^-–—|\n]{2,60}$")
_WORD = re.compile(r"[^\W\d_]{2,}")
_LINE = re.compile(r"[^\n]+")
_UNSET = object()


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


class _Line:
    __slots__ = ("start", "end", "text", "norm", "words", "heading", "captions", "stamps", "_lower", "_shared")

    def __init__(self, start, end, text, heading, memo=None):
        self.start, self.end, self.text, self.heading = start, end, text, heading
        known = memo.get(text) if memo is not None else None
        if known is None:
            # caption pattern -> whether the line is a caption, and the same for date
            # stamps: the rules share lines, and lines of one text share the answers
            known = [normalise(text), len(_WORD.findall(text)), {}, {}, _UNSET]
            if memo is not None:
                memo[text] = known  # a line printed again is normalised and tested once
        self.norm, self.words, self.captions, self.stamps, _ = known
        self._shared = known
        self._lower = None

    @property
    def suffix(self):
        """``_SUFFIX``'s match in the line (an outlet suffix), or None; searched once per text."""
        if self._shared[4] is _UNSET:
            self._shared[4] = _SUFFIX.search(self.text)
        return self._shared[4]

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower


def _lines(doc) -> list[_Line]:
    """The document's non-blank lines, built once per text and shared by the rules of this kind."""
    cached = doc.derived.get("doubled-title lines")
    if cached is not None and cached[0] is doc.text:
        return cached[1]
    out = _build_lines(doc)
    doc.derived["doubled-title lines"] = (doc.text, out)
    return out


def _build_lines(doc) -> list[_Line]:
    headings = doc.heading_spans
    out = []
    memo: dict[str, tuple[str, int]] = {}
    for m in _LINE.finditer(doc.text):
        raw = m.group()
        text = raw.strip()
        if not text:
            continue
        start = m.start() + len(raw) - len(raw.lstrip())
        end = start + len(text)
        heading = any(h[0] <= start < h[1] or start <= h[0] < end for h in headings)
        out.append(_Line(start, end, text, heading, memo))
    return out
