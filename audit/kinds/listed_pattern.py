"""Kind ``listed-pattern``: a regular expression whose word lists are data.

The pattern names word lists of ``rules/lists/`` as ``{list:NAME}``; each
placeholder becomes a group-free alternation of the list's entries, matched
literally (a space in an entry matches any run of spaces or tabs), longest
entry first. So the shape of a trace (a line's role, its position) stays in
the rule, and its vocabulary across languages stays in a list.

params: every parameter of the ``pattern`` kind, plus
  min_distinct  report nothing unless the matches hold this many different
                texts (compared lower-case, default 1): two different share
                labels are a widget, one "Share" alone is a site's own button
"""

from __future__ import annotations

import dataclasses
import re

from . import pattern

_PLACEHOLDER = re.compile(r"\{list:([a-z0-9-]+)\}")


def alternation(entries) -> str:
    """A non-capturing alternation of literal entries, longest first."""
    parts = sorted({e.partition(" | ")[0].strip() for e in entries} - {""}, key=lambda e: (-len(e), e))
    if not parts:
        raise ValueError("an empty word list cannot be matched")
    return "(?:" + "|".join(r"[ \t]+".join(re.escape(w) for w in p.split()) for p in parts) + ")"


class Prepared:
    __slots__ = ("inner", "min_distinct")

    def __init__(self, inner, min_distinct):
        self.inner = inner
        self.min_distinct = min_distinct


def compile(rule, catalogue):
    params = dict(rule.params)
    source = params.get("pattern", "")
    names = _PLACEHOLDER.findall(source)
    if not names:
        raise ValueError("a listed-pattern names at least one list as {list:NAME}")

    def expand(m):
        return alternation(catalogue.word_list(m.group(1)))

    params["pattern"] = _PLACEHOLDER.sub(expand, source)
    min_distinct = int(params.pop("min_distinct", 1))
    if min_distinct < 1:
        raise ValueError("min_distinct must be at least 1")
    inner_rule = dataclasses.replace(rule, params=params)
    return Prepared((inner_rule, pattern.compile(inner_rule, catalogue)), min_distinct)


def run(rule, prep, doc):
    inner_rule, inner = prep.inner
    hits = list(pattern.run(inner_rule, inner, doc))
    if prep.min_distinct > 1:
        distinct = {(doc.source if h.in_source else doc.text)[h.start:h.end].strip().lower() for h in hits}
        if len(distinct) < prep.min_distinct:
            return
    yield from hits


def _pattern_params():
    from .pattern import PARAMS as pattern_params

    return pattern_params

# the params of a pattern rule (this kind compiles through it), and min_distinct, declared for the catalogue's check
PARAMS = {**_pattern_params(), "min_distinct": int}
