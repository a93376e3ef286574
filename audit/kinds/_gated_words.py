"""Listed words found as whole words, behind an RE2 gate.

A list of words (a caption's markers, a date stamp's words) is searched line
by line; most lines hold none of them. The gate is the same alternation
without the word boundaries, on RE2: a text holding none of the words
anywhere cannot match and is answered without the ``re`` scan, which tries
every word at every position.
"""

from __future__ import annotations

import re

from ..matching.translate import _re2


class GatedWords:
    """Listed words matched as whole words (``search`` as ``re``'s), behind an RE2 gate.

    The gate is the same alternation without the word boundaries, on RE2:
    a text holding none of the words anywhere cannot match, and is answered
    without the ``re`` scan, which tries every word at every position.
    """

    __slots__ = ("regex", "words", "_gate")

    def __init__(self, words: list[str]):
        self.words = tuple(words)
        self.regex = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")
        self._gate = None

    def __getstate__(self):
        return {"words": self.words}

    def __setstate__(self, state):
        self.__init__(list(state["words"]))

    def _gate_pattern(self):
        if self._gate is None:
            re2 = _re2()
            self._gate = False
            if re2:
                try:
                    self._gate = re2.compile("|".join(re2.escape(w) for w in self.words))
                except re2.error:
                    pass
        return self._gate

    def search(self, text: str):
        gate = self._gate_pattern()
        if gate:
            try:
                if gate.search(text) is None:
                    return None
            except UnicodeEncodeError:  # lone surrogates: RE2 takes UTF-8 only
                pass
        return self.regex.search(text)
