"""Required literals: strings of which any match of a pattern needs one."""

from __future__ import annotations

import re._constants as _c

from .folding import fold

def required_literals(tree) -> frozenset[str] | None:
    """Literal strings (folded) of which any match needs at least one in the text.

    ``None`` when no such set is known (the rule must always run).
    """
    return _seq(list(tree))


def _better(a, b):
    """The more selective of two requirement sets (longest shortest string)."""
    if a is None:
        return b
    if b is None:
        return a
    ka = (min(len(s) for s in a), -len(a))
    kb = (min(len(s) for s in b), -len(b))
    return a if ka >= kb else b


def _seq(items) -> frozenset[str] | None:
    best = None
    run: list[str] = []

    def flush():
        nonlocal best, run
        if run:
            best = _better(best, frozenset([fold("".join(run))]))
        run = []

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if op is _c.IN and len(av) == 1 and av[0][0] is _c.LITERAL:
            run.append(chr(av[0][1]))
            continue
        if op is _c.AT:
            continue  # zero-width: the run goes on
        flush()
        best = _better(best, _node(op, av))
    flush()
    return best


def _node(op, av) -> frozenset[str] | None:
    if op is _c.SUBPATTERN:
        return _seq(list(av[3]))
    if op is _c.ATOMIC_GROUP:
        return _seq(list(av))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, _hi, sub = av
        return _seq(list(sub)) if lo >= 1 else None
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            req = _seq(list(branch))
            if req is None:
                return None
            out |= req
        return frozenset(out)
    if op is _c.ASSERT:
        return _seq(list(av[1]))  # what a look-around requires is in the text too
    if op is _c.IN:
        chars = [v for o, v in av if o is _c.LITERAL]
        if len(chars) == len(av) and len(chars) <= 8:
            return frozenset(fold(chr(v)) for v in chars)
        return None
    return None


def nested_items(op, av) -> list:
    """The parse-tree item lists nested in one item of a pattern (none for a leaf)."""
    if op is _c.BRANCH:
        return list(av[1])
    if op is _c.SUBPATTERN:
        return [av[3]]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return [av[2]]
    if op is _c.ATOMIC_GROUP:
        return [av]
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [av[1]]
    if op is _c.GROUPREF_EXISTS:  # a conditional's two branches
        return [b for b in av[1:] if b is not None]
    return []
