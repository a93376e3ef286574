"""Word lists that code reads outside any rule: the language stage and shared prose helpers.

Such a list lives in ``rules/lists/`` like a kind's (where the list-hygiene
tests check it); ``rules/origin.toml`` names it in ``[code_lists]``, by the
key the code asks for. Each is read once per process, on first use, from the
shipped rules folder, without importing the catalogue (and with it every
kind): the language stage stays cheap to import and to call alone.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache

from .wordlist import read_list, rules_dir as _rules_dir


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    text = (_rules_dir() / "origin.toml").read_text(encoding="utf-8")
    # the [code_lists] table alone: parsing all of origin.toml would cost the first call ~20 ms
    start = text.find("\n[code_lists]")
    end = text.find("\n[", start + 1)
    try:
        return dict(tomllib.loads(text[start:end if end != -1 else None])["code_lists"])
    except (tomllib.TOMLDecodeError, KeyError):
        return dict(tomllib.loads(text)["code_lists"])


@lru_cache(maxsize=None)
def code_list(key: str) -> frozenset[str]:
    """The entries of the list ``[code_lists]`` names by ``key`` (:func:`audit.wordlist.read_list`)."""
    return frozenset(read_list(_rules_dir(), _names()[key]))


def clear() -> None:
    """Forget what was read (a test that edits a list reads it again)."""
    _names.cache_clear()
    code_list.cache_clear()
