"""A kind's own regular expression on the catalogue's prefilter.

A kind that builds its expressions from data (titles, affixes) scans the
whole text with each of them; registered here, each is a
:class:`audit.matching.Matcher` on the catalogue's prefilter, so it runs on
a document only when its required literals occur and its gate matches (see
:mod:`audit.matching.prefilter`), and matches exactly as before when it does.
"""

from __future__ import annotations

from ..matching import Matcher


class Prefiltered:
    """An expression and the prefilter it is registered on (None: always run)."""

    __slots__ = ("matcher", "literal_set")

    def __init__(self, pattern: str, catalogue, flags: int = 0):
        self.matcher = Matcher(pattern, flags, prefer_re2=False)  # re's match objects, as the kinds expect
        self.literal_set = getattr(catalogue, "literal_set", None)
        if self.literal_set is not None:
            self.literal_set.add(self.matcher)

    def finditer(self, doc, text: str, key: str = "body"):
        """Matches in ``text`` (the part ``key`` of ``doc``); none when the prefilter rules them out."""
        if self.literal_set is not None and not self.literal_set.allows(self.matcher, doc, key, text):
            return iter(())
        return self.matcher.finditer(text)
