"""Readability of English text, computed once per document with textstat.

textstat is pinned (0.7.4, which counts syllables with pyphen and needs no
download); scores differ between versions, so the report names the version.
It is imported at first use, so runs that do not need it never load it.
"""

from __future__ import annotations

#: Fewer words than this give readability figures too unstable to report.
MIN_WORDS = 30

MEASURES = (
    ("flesch_reading_ease", "flesch_reading_ease"),
    ("flesch_kincaid_grade", "flesch_kincaid_grade"),
    ("gunning_fog", "gunning_fog"),
    ("smog_index", "smog_index"),
    ("coleman_liau_index", "coleman_liau_index"),
    ("automated_readability_index", "automated_readability_index"),
)


def readability(text: str, language: str | None) -> dict | None:
    """Readability figures for English ``text``, or None (other language, too short)."""
    if language != "en":
        return None
    textstat = _textstat()
    words = textstat.lexicon_count(text)
    if words < MIN_WORDS:
        return None
    out = {name: round(float(getattr(textstat, fn)(text)), 2) for name, fn in MEASURES}
    out["words"] = int(words)
    out["sentences"] = int(textstat.sentence_count(text))
    out["textstat_version"] = _version()
    return out


class _Syllables:
    """pyphen's hyphenation points, worked out once per word per process.

    textstat counts syllables with pyphen word by word, the whole text for
    Flesch and each word again for the fog and SMOG indices, and keeps only
    the last 128 answers; pyphen's answer for a word never changes, so a
    dictionary of them gives the same counts for a fraction of the time.
    """

    def __init__(self, pyphen, limit: int = 200_000):
        self._pyphen = pyphen
        self._known: dict[str, list] = {}
        self._limit = limit

    def positions(self, word: str):
        found = self._known.get(word)
        if found is None:
            found = self._pyphen.positions(word)
            if len(self._known) < self._limit:
                self._known[word] = found
        return found

    def __getattr__(self, name):
        return getattr(self._pyphen, name)


def _word_memo(count, limit: int = 200_000):
    """``count`` (textstat's syllable count) remembered for single words, asked again
    by the fog and SMOG indices for every word of every text; whole texts go
    to textstat's own cache."""
    known: dict[str, int] = {}

    def syllable_count(text, lang=None):
        if lang is not None or not isinstance(text, str) or len(text) > 40 or " " in text:
            return count(text, lang)
        found = known.get(text)
        if found is None:
            found = count(text)
            if len(known) < limit:
                known[text] = found
        return found

    return syllable_count


_STATS: list = []


def _textstat():
    """This module's own textstat instance (textstat's shared one left as it is), with syllables memoised."""
    if not _STATS:
        from textstat.textstat import textstatistics

        stats = textstatistics()
        stats.pyphen = _Syllables(stats.pyphen)
        stats.syllable_count = _word_memo(stats.syllable_count)
        _STATS.append(stats)
    return _STATS[0]


_VERSION: list[str] = []


def _version() -> str:
    """textstat's version, read once per process (a metadata read costs a millisecond)."""
    if not _VERSION:
        _VERSION.append(_read_version())
    return _VERSION[0]


def _read_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("textstat")
    except PackageNotFoundError:
        return "unknown"
