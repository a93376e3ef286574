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
    import textstat

    words = textstat.lexicon_count(text)
    if words < MIN_WORDS:
        return None
    out = {name: round(float(getattr(textstat, fn)(text)), 2) for name, fn in MEASURES}
    out["words"] = int(words)
    out["sentences"] = int(textstat.sentence_count(text))
    out["textstat_version"] = _version()
    return out


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
