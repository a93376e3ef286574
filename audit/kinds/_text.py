"""Small text helpers shared by the procedural kinds."""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = "'’‘`´"
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
# neither a letter nor a digit: ``re``'s \w is str.isalnum() plus the underscore
_NOT_ALNUM = re.compile(r"[\W_]+")


# normalise() on ASCII text in one translation: apostrophes deleted, every other
# character that is neither a word character nor a space made a space (the
# spaces are folded after)
_ASCII_NORMAL = {c: (None if chr(c) in APOSTROPHES else " ") for c in range(128) if re.fullmatch(r"[^\w\s]", chr(c))}


def normalise(text: str) -> str:
    """Lower-case, apostrophes dropped, other punctuation to spaces, spaces folded.

    "Moscow’s latest threat – L’Express" and "Moscows latest threat LExpress"
    both become "moscows latest threat lexpress".
    """
    if text.isascii():  # NFKC leaves ASCII as it is; str.split() splits on re's \s
        return " ".join(text.lower().translate(_ASCII_NORMAL).split())
    text = unicodedata.normalize("NFKC", text).lower()
    for a in APOSTROPHES:
        text = text.replace(a, "")
    text = _NON_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def letters(text: str) -> str:
    """Only the letters and digits of ``text``, lower-cased (for name comparison)."""
    return _NOT_ALNUM.sub("", text.lower())


def excerpt(text: str, start: int, end: int, limit: int = 120) -> str:
    piece = text[start:end]
    if len(piece) > limit:
        piece = piece[: limit - 1] + "…"
    return " ".join(piece.split())
