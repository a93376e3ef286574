"""The vocabulary of credit lines: word lists of ``rules/lists/`` that the rule
reading credit lines names in its params (``identity-mismatch.credit``), read
by :mod:`audit.identity` for every site-identity check and the copy detection.
"""

from __future__ import annotations

from functools import lru_cache

from .catalogue import read_toml_files, rules_dir
from .wordlist import read_list as shipped_list

_CREDIT_RULE = ("scrape", "identity-mismatch.credit.toml")


@lru_cache(maxsize=1)
def credit_words() -> dict[str, frozenset[str] | tuple[str, ...]]:
    """The word lists the credit parse reads, named by ``identity-mismatch.credit``'s params.

    ``stop_words``: words cut from the end of a credited name ('All Rights
    Reserved', a month); ``agency_words``: words that make an unknown name a
    news agency's; ``source_labels``: 'Source:' in the languages of the pages.
    """
    (rule,) = read_toml_files([rules_dir().joinpath(*_CREDIT_RULE)])
    params = rule.get("params", {})
    out = {}
    for key in ("stop_words", "agency_words", "source_labels"):
        name = params.get(f"{key}_from")
        out[key] = tuple(read_list(name)) if name else ()
    return {"stop_words": frozenset(out["stop_words"]), "agency_words": frozenset(out["agency_words"]),
            "source_labels": out["source_labels"]}


def read_list(name: str) -> list[str]:
    """Entries of ``rules/lists/<name>.txt`` (:func:`audit.wordlist.read_list`), each without its ' | ' note."""
    return [e for e in (entry.partition(" | ")[0].strip() for entry in shipped_list(rules_dir(), name)) if e]
