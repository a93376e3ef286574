"""The data of :mod:`audit.origin`, read from ``rules/origin.toml`` and ``rules/lists/``.

Everything origin weighs is here as data: the language clues, the known
outlets and agencies, the weight of each kind of outlet evidence, the rules
whose findings back an outlet, and the host labels that name no outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..catalogue import read_toml_files, rules_dir
from ..wordlist import read_list
from ..matching import Matcher


@dataclass(frozen=True)
class Clue:
    id: str
    why: str
    languages: dict
    pattern: Matcher | None  # RE2 where it can take the pattern, with its required literals
    rule: str | None
    excerpt: re.Pattern | None
    max_hits: int
    scope: str


@dataclass(frozen=True)
class Outlet:
    name: str
    kind: str
    language: str | None
    aliases: tuple[str, ...]
    domains: tuple[str, ...]


@dataclass(frozen=True)
class OriginData:
    meta: dict
    domains: dict
    clues: tuple[Clue, ...]
    outlets: tuple[Outlet, ...]
    alias_owner: dict  # which outlet each alias names
    # outlet evidence: the weight of each kind ([outlet_evidence], by evidence source)
    evidence_weights: dict
    credit_signals: frozenset = frozenset()  # signals whose findings back a candidate outlet
    structural: frozenset = frozenset()  # evidence that lets a known outlet's language count
    host_skip: frozenset = frozenset()  # host labels that name no outlet (www, com, news …)


def _clue(c: dict) -> Clue:
    flags = 0 if c.get("case_sensitive") else re.I
    return Clue(
        id=c["id"],
        why=c.get("why", ""),
        languages={k: float(v) for k, v in c["languages"].items()},
        pattern=Matcher(c["pattern"], flags) if c.get("pattern") else None,
        rule=c.get("rule"),
        excerpt=re.compile(c["excerpt"], flags) if c.get("excerpt") else None,
        max_hits=int(c.get("max_hits", 1)),
        scope=c.get("scope", "body"),
    )


@lru_cache(maxsize=4)
def load_origin_data(path: str | None = None) -> OriginData:
    """Read and compile ``rules/origin.toml`` and the lists it names (cached)."""
    path = Path(path) if path else rules_dir() / "origin.toml"
    (data,) = read_toml_files([path])
    outlets = []
    for o in data.get("outlet", []):
        aliases = tuple(o.get("aliases", [o["name"]]))
        outlets.append(Outlet(o["name"], o.get("kind", "outlet"), o.get("language"), aliases, tuple(o.get("domains", []))))
    owner: dict[str, Outlet] = {}
    for outlet in outlets:
        for alias in outlet.aliases:
            owner.setdefault(alias, outlet)
    sources = data.get("outlet_sources", {})
    skip_list = sources.get("host_skip_list")
    return OriginData(
        meta=data.get("meta", {}),
        domains=data.get("domains", {}),
        clues=tuple(_clue(c) for c in data.get("language_clue", [])),
        outlets=tuple(outlets),
        alias_owner=owner,
        evidence_weights={k: float(v) for k, v in data.get("outlet_evidence", {}).items()},
        credit_signals=frozenset(sources.get("credit_signals", ())),
        structural=frozenset(sources.get("structural", ())),
        host_skip=frozenset(read_list(path.parent, skip_list)) if skip_list else frozenset(),
    )
