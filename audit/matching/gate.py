"""Gates: an RE2 pattern that matches wherever a Python pattern could.

A pattern that runs on Python's ``re`` (look-around, ``\\b``, a
back-reference, ignore-case) costs a backtracking scan of the whole text,
and on most documents it finds nothing. Its *gate* is a looser pattern RE2
can run: every string the pattern matches, in any context, the gate matches
too. One pass of one RE2 set of all gates over a document tells which
patterns can match somewhere; the others are not run at all, and a pattern
whose gate matches runs exactly as before, so findings do not change.

The gate is the pattern with:

- every zero-width assertion (``^``, ``$``, ``\\b``, look-around) dropped;
- atomic groups and possessive repeats read as plain ones, lazy repeats as
  greedy ones, a conditional as either branch;
- a back-reference replaced by the group it refers to;
- anything else RE2 cannot spell replaced by "any text".

An ignore-case pattern (or one with an ignore-case part) is gated on the
folded text (:func:`fold`): each
literal becomes its folded form, each class the folded forms of its members
(Python compares the lower-cased character, and folding merges the
characters ``re`` treats as one letter), so a character the pattern matches
folds to one the gate matches.
"""

from __future__ import annotations

import re
from functools import lru_cache

import re._constants as _c
import re._parser as _parser

from .folding import _fold_table, fold
from .literals import nested_items
from .translate import _CATEGORIES, _category_ranges, _invert, _merge, _re2

_ANY_TEXT = "(?s:.*)"
_ANY_CHAR = "(?s:.)"
#: ranges of a folded class larger than this are not enumerated: the class becomes "any character"
_ENUMERATE = 4096


def gate_translation(pattern: str, flags: int = 0, tree=None, check: bool = True) -> tuple[str, bool] | None:
    """(RE2 gate, whether it reads the folded text), or None when no gate helps
    (it would match any text, or RE2 cannot take it).

    ``check=False`` leaves both tests to the caller (the prefilter makes them
    for all gates at once, in its RE2 set).
    """
    tree = tree if tree is not None else _parser.parse(pattern, flags)
    groups: dict[int, list] = {}
    case_blind = _collect_groups(list(tree), groups)
    # a case-blind part anywhere (``(?i:...)``) reads the folded text too: a
    # back-reference outside it repeats what it matched in any case
    folded = bool((flags | tree.state.flags) & re.IGNORECASE) or case_blind
    gate = _Gate(folded, groups, bool((flags | tree.state.flags) & re.DOTALL))
    body = gate.seq(list(tree))
    re2 = _re2()
    if not re2 or not body:
        return None
    if not check:
        return body, folded
    try:
        if re2.compile(body).search("") is not None:
            return None  # matches the empty text, so any text: no use as a gate
    except re2.error:
        return None  # RE2 cannot take even the gate: the pattern always runs
    return body, folded


def _collect_groups(items, groups: dict[int, list]) -> bool:
    """Record each group's items in ``groups``; whether any part turns ignore-case on."""
    case_blind = False
    for op, av in items:
        if op is _c.SUBPATTERN:
            if av[0] is not None:
                groups[av[0]] = list(av[3])
            case_blind = case_blind or bool(av[1] & re.IGNORECASE)
        for child in nested_items(op, av):
            case_blind = _collect_groups(child, groups) or case_blind
    return case_blind


def _ranges(ranges) -> str:
    return "[" + "".join(f"\\x{{{lo:x}}}" if lo == hi else f"\\x{{{lo:x}}}-\\x{{{hi:x}}}" for lo, hi in ranges) + "]"


_HANDLER_NAMES: dict = {}  # parse-tree opcode -> the name of its method below


class _Gate:
    def __init__(self, folded: bool, groups: dict[int, list], dotall: bool):
        self.folded = folded
        self.groups = groups
        self.dotall = dotall
        self.depth = 0  # back-references inside back-references stop here

    def seq(self, items) -> str:
        return "".join(self.item(op, av) for op, av in items)

    def item(self, op, av) -> str:
        name = _HANDLER_NAMES.get(op)
        if name is None:
            name = _HANDLER_NAMES[op] = "_" + str(op).lower()
        handler = getattr(self, name, None)
        return handler(av) if handler is not None else _ANY_TEXT

    # zero-width: dropped
    def _at(self, av) -> str:
        return ""

    def _assert(self, av) -> str:
        return ""

    def _assert_not(self, av) -> str:
        return ""

    def _literal(self, av) -> str:
        return _folded_literal(av) if self.folded else f"\\x{{{av:x}}}"

    def _not_literal(self, av) -> str:
        return _ANY_CHAR if self.folded else f"[^\\x{{{av:x}}}]"

    def _any(self, av) -> str:
        return _ANY_CHAR if self.dotall else "[^\\n]"

    def _in(self, av) -> str:
        ranges = self._class_ranges(av)
        return _ANY_CHAR if ranges is None else _ranges(ranges)

    def _branch(self, av) -> str:
        return "(?:" + "|".join(self.seq(b) for b in av[1]) + ")"

    def _subpattern(self, av) -> str:
        _group, add, delete, sub = av
        if add & re.IGNORECASE and not self.folded:
            return _ANY_TEXT  # a case-blind part of a case-exact pattern
        outer = self.dotall
        if add & re.DOTALL:
            self.dotall = True
        if delete & re.DOTALL:
            self.dotall = False
        try:
            return "(?:" + self.seq(sub) + ")"
        finally:
            self.dotall = outer

    def _atomic_group(self, av) -> str:
        return "(?:" + self.seq(av) + ")"

    def _max_repeat(self, av) -> str:
        lo, hi, sub = av
        inner = self.seq(sub)
        if not inner:
            return ""
        lo = min(lo, 1000)
        if hi is _c.MAXREPEAT or hi > 1000:
            q = "*" if lo == 0 else "+" if lo == 1 else f"{{{lo},}}"
        else:
            q = f"{{{lo}}}" if lo == hi else f"{{{lo},{hi}}}"
        return f"(?:{inner}){q}"

    _min_repeat = _max_repeat
    _possessive_repeat = _max_repeat

    def _groupref(self, av) -> str:
        sub = self.groups.get(av)
        if sub is None or self.depth > 4:
            return _ANY_TEXT
        self.depth += 1
        try:
            return "(?:" + self.seq(sub) + ")"
        finally:
            self.depth -= 1

    def _groupref_exists(self, av) -> str:
        _group, yes, no = av
        return "(?:" + self.seq(yes) + "|" + (self.seq(no) if no is not None else "") + ")"

    # ---- classes ---------------------------------------------------------
    def _class_ranges(self, av):
        """Code-point ranges the gate's class must hold, or None for "any character"."""
        if self.folded:
            return _folded_class(av)
        ranges: list[tuple[int, int]] = []
        negate = any(op is _c.NEGATE for op, _ in av)
        for op, v in av:
            if op is _c.NEGATE:
                continue
            elif op is _c.LITERAL:
                ranges.append((v, v))
            elif op is _c.RANGE:
                ranges.append(v)
            elif op is _c.CATEGORY and v in _CATEGORIES:
                # a negated class is the complement: its categories must be exact, not widened
                ranges.extend(_category_exact(v) if negate else _category(v))
            else:
                return None
        ranges = _merge(ranges)
        return (_invert(ranges) or None) if negate else (ranges or None)


#: where a category is spelt out exactly (Latin letters, general punctuation);
#: elsewhere a gate takes a whole block the category touches
_EXACT_BLOCKS = ((0, 0x24F), (0x2000, 0x206F))
_COARSE_BLOCKS = ((0x250, 0x1FFF), (0x2070, 0x10FFFF))


@lru_cache(maxsize=4096)
def _folded_literal(code: int) -> str:
    return f"\\x{{{ord(fold(chr(code))):x}}}"


def _category_exact(v) -> list[tuple[int, int]]:
    name, neg = _CATEGORIES[v]
    base = list(_category_ranges(name))
    return _invert(base) if neg else base


@lru_cache(maxsize=None)
def _category(v) -> tuple[tuple[int, int], ...]:
    """A superset of Python's ``\\w``, ``\\d``, ``\\s`` (or a negation) with few ranges.

    Exact where ordinary text lives; any other block the category touches is
    taken whole, which keeps the gates small for RE2 and still never misses.
    """
    ranges = _category_exact(v)
    out = []
    for lo, hi in ranges:
        for blo, bhi in _EXACT_BLOCKS:
            if lo <= bhi and hi >= blo:
                out.append((max(lo, blo), min(hi, bhi)))
    for blo, bhi in _COARSE_BLOCKS:
        if any(lo <= bhi and hi >= blo for lo, hi in ranges):
            out.append((blo, bhi))
    return tuple(_merge(out))


def _folded_class(av):
    """The class for the folded text: the folded form of every member.

    Python tests the lower-cased character against the members' lower-cased
    forms (literals, ranges) or against the class (categories); folding the
    members, or adding every folded representative to a category, keeps each
    character the class matches.
    """
    ranges: list[tuple[int, int]] = []
    for op, v in av:
        if op is _c.LITERAL:
            ranges.append((ord(fold(chr(v))), ord(fold(chr(v)))))
        elif op is _c.RANGE and v[1] - v[0] < _ENUMERATE:
            ranges.extend((ord(c), ord(c)) for c in set(_fold_each(map(chr, range(v[0], v[1] + 1)))))
        elif op is _c.CATEGORY and v in _CATEGORIES:
            ranges.extend(_category(v))
            ranges.extend((ord(c), ord(c)) for c in _fold_table().values())
        else:
            return None  # a negated or a very large class: any character
    return _merge(ranges) or None


def _fold_each(chars) -> str:
    """``fold`` of each character on its own (no context between them)."""
    return "".join(fold(c) for c in chars)
