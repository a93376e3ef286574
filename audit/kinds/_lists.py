"""The word lists a kind reads, named by its rules.

A kind's vocabulary lives in ``rules/lists/`` (one file per list, a header
comment saying what it is), where the list-hygiene tests check it; the rule
file names each list in a ``*_from`` param. A rule that leaves such a param
out reads the list the kind names by default, the same file.
"""

from __future__ import annotations

_SHIPPED = None


def word_set(catalogue, params, key: str, default: str, lower: bool = False) -> frozenset[str]:
    """The entries of the list ``params[key]`` (else ``default``), from ``catalogue`` or, without one, the shipped rules."""
    global _SHIPPED
    if catalogue is None:
        if _SHIPPED is None:
            from ..catalogue import Catalogue, rules_dir

            _SHIPPED = Catalogue(rules=[], directory=rules_dir())
        catalogue = _SHIPPED
    entries = catalogue.word_list(params.get(key, default))
    return frozenset(e.lower() for e in entries) if lower else frozenset(entries)


def shipped_set(name: str) -> frozenset[str]:
    """A list of the shipped rules, for code that runs without a catalogue (a kind's helper called alone)."""
    return word_set(None, {}, "", name)
