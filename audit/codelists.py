"""Word lists that code reads outside any rule: the language stage and shared prose helpers.

Such a list lives in ``rules/lists/`` like a kind's (where the list-hygiene
tests check it); ``rules/origin.toml`` names it in ``[code_lists]``, by the
key the code asks for. Each is read once per process, on first use, from the
shipped rules folder.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    from .catalogue import rules_dir

    with open(rules_dir() / "origin.toml", "rb") as fh:
        return dict(tomllib.load(fh)["code_lists"])


@lru_cache(maxsize=None)
def code_list(key: str) -> frozenset[str]:
    """The entries of the list ``[code_lists]`` names by ``key``, as a set."""
    from .kinds._lists import shipped_set

    return shipped_set(_names()[key])


def clear() -> None:
    """Forget what was read (a test that edits a list reads it again)."""
    from .kinds import _lists

    _names.cache_clear()
    code_list.cache_clear()
    _lists._SHIPPED = None
