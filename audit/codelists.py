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
from pathlib import Path


def _rules_dir() -> Path:
    """The shipped rules folder, found as :func:`audit.catalogue.rules_dir` finds it."""
    here = Path(__file__).resolve().parent
    installed = here / "rules"
    return installed if (installed / "weights.toml").is_file() else here.parent / "rules"


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
    """The entries of the list ``[code_lists]`` names by ``key``: one per line, '#' starts a comment
    (read as :meth:`audit.catalogue.Catalogue.word_list` reads a rule's list)."""
    entries = set()
    for line in (_rules_dir() / "lists" / f"{_names()[key]}.txt").read_text(encoding="utf-8").splitlines():
        line = line.split(" #", 1)[0].strip() if not line.startswith("#") else ""
        if line:
            entries.add(line)
    return frozenset(entries)


def clear() -> None:
    """Forget what was read (a test that edits a list reads it again)."""
    _names.cache_clear()
    code_list.cache_clear()
