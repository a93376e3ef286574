"""Readability of English text, computed once per document with textstat.

textstat is pinned (0.7.4, which counts syllables with pyphen and needs no
download); scores differ between versions, so the report names the version.
It is imported at first use, so runs that do not need it never load it.
"""

from __future__ import annotations

import re

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


class _Memo(dict):
    """The answers of a pure one-argument function, remembered for short arguments (words).

    Looked up through ``dict.__getitem__``, a remembered answer costs no
    Python call; a long argument (a whole text) is passed on every time.
    """

    def __init__(self, fn, limit: int = 200_000, longest: int = 40):
        super().__init__()
        self.fn, self.limit, self.longest = fn, limit, longest

    def __missing__(self, key):
        value = self.fn(key)
        if len(key) <= self.longest and len(self) < self.limit:
            self[key] = value
        return value


class _Hyphenation:
    """pyphen's dictionary with its hyphenation points remembered per word."""

    def __init__(self, pyphen):
        self._pyphen = pyphen
        self.positions = _Memo(pyphen.positions).__getitem__

    def __getattr__(self, name):
        return getattr(self._pyphen, name)


_STATS: list = []


def _textstat():
    """This module's own textstat instance (textstat's shared one left as it is), with syllables memoised."""
    if not _STATS:
        from textstat.textstat import textstatistics

        stats = textstatistics()
        # textstat counts syllables with pyphen word by word, the whole text for Flesch
        # and each word again for the fog and SMOG indices, and keeps only its last 128
        # answers; both answers are pure functions of the word, so remembering them
        # gives the same counts for a fraction of the time
        stats.pyphen = _Hyphenation(stats.pyphen)
        stats.syllable_count = _Memo(stats.syllable_count).__getitem__
        _faster_text_counts(stats)
        _STATS.append(stats)
    return _STATS[0]


# textstat strips punctuation (``[^\w\s]``) and whitespace (``\s``) with ``re.sub``,
# several times over each whole text; the same strings, made faster: for ASCII
# text by deleting bytes (the deleted set is the pattern's own ASCII matches),
# for any text with str.split(), whose whitespace is re's \s
_PUNCTUATION = re.compile(r"[^\w\s]+")
_ASCII_PUNCTUATION = bytes(c for c in range(128) if _PUNCTUATION.fullmatch(chr(c)))


def remove_punctuation(text: str) -> str:
    r"""``re.sub(r"[^\w\s]", "", text)``."""
    if text.isascii():
        return text.encode("ascii").translate(None, _ASCII_PUNCTUATION).decode("ascii")
    return _PUNCTUATION.sub("", text)


def _faster_text_counts(stats) -> None:
    """Give ``stats`` (a textstat instance) faster, identical punctuation and character counts.

    Only when it strips every punctuation mark (textstat's default): the
    other setting keeps apostrophes in contractions, which these do not.
    """
    if not getattr(stats, "_textstatistics__rm_apostrophe", False):
        return
    recent: dict[str, str] = {}  # the last texts stripped: textstat strips the same text for several measures

    def stripped(text: str) -> str:
        found = recent.get(text)
        if found is None:
            if len(recent) >= 8:
                recent.clear()
            found = recent[text] = remove_punctuation(text)
        return found

    def char_count(text: str, ignore_spaces: bool = True) -> int:
        return len("".join(text.split())) if ignore_spaces else len(text)

    def letter_count(text: str, ignore_spaces: bool = True) -> int:
        if ignore_spaces:
            text = "".join(text.split())
        return len(stripped(text))

    stats.remove_punctuation = stripped
    stats.char_count = char_count
    stats.letter_count = letter_count


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
