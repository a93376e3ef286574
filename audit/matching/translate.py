"""RE2 translation: a pattern written for RE2 when RE2 gives exactly Python's answer."""

from __future__ import annotations

import re
from functools import lru_cache

import re._constants as _c
import re._parser as _parser

_MAXCODE = 0x10FFFF


@lru_cache(maxsize=None)
def _category_ranges(name: str) -> tuple[tuple[int, int], ...]:
    """Code-point ranges of Python's ``\\w``, ``\\d`` or ``\\s``, read from ``re`` itself."""
    probe = re.compile({"word": r"\w+", "digit": r"\d+", "space": r"\s+"}[name])
    out = []
    for lo, hi in ((0, 0xD7FF), (0xE000, _MAXCODE)):  # the surrogates are no word, digit or space
        for m in probe.finditer(_code_points(lo, hi)):
            out.append((lo + m.start(), lo + m.end() - 1))
    return tuple(out)


@lru_cache(maxsize=2)
def _code_points(lo: int, hi: int) -> str:
    """Every character from ``lo`` to ``hi``, in order (built at C speed)."""
    import array
    import sys

    codes = array.array("I", range(lo, hi + 1))
    if codes.itemsize == 4:
        return codes.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")
    return "".join(map(chr, range(lo, hi + 1)))  # pragma: no cover


def _invert(ranges) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for lo, hi in sorted(ranges):
        if lo > pos:
            out.append((pos, lo - 1))
        pos = max(pos, hi + 1)
    if pos <= _MAXCODE:
        out.append((pos, _MAXCODE))
    return out


def _merge(ranges) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


_CATEGORIES = {
    _c.CATEGORY_WORD: ("word", False), _c.CATEGORY_NOT_WORD: ("word", True),
    _c.CATEGORY_DIGIT: ("digit", False), _c.CATEGORY_NOT_DIGIT: ("digit", True),
    _c.CATEGORY_SPACE: ("space", False), _c.CATEGORY_NOT_SPACE: ("space", True),
}


class _NotRE2(Exception):
    pass


def _class(items) -> str:
    negate = False
    ranges: list[tuple[int, int]] = []
    for op, av in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            ranges.append((av, av))
        elif op is _c.RANGE:
            ranges.append(av)
        elif op is _c.CATEGORY and av in _CATEGORIES:
            name, neg = _CATEGORIES[av]
            base = list(_category_ranges(name))
            ranges.extend(_invert(base) if neg else base)
        else:
            raise _NotRE2(f"class item {op}")
    ranges = _merge(ranges)
    if negate:
        ranges = _invert(ranges)
    if not ranges:
        raise _NotRE2("empty class")
    return "[" + "".join(f"\\x{{{lo:x}}}" if lo == hi else f"\\x{{{lo:x}}}-\\x{{{hi:x}}}" for lo, hi in ranges) + "]"


_AT = {_c.AT_BEGINNING: "^", _c.AT_END: "$", _c.AT_BEGINNING_STRING: "\\A", _c.AT_END_STRING: "\\z"}


def _quantifier(lo: int, hi) -> str:
    """RE2's spelling of a repeat of ``lo`` to ``hi`` (MAXREPEAT: no bound)."""
    if hi is _c.MAXREPEAT:
        return "*" if lo == 0 else "+" if lo == 1 else f"{{{lo},}}"
    return f"{{{lo}}}" if lo == hi else f"{{{lo},{hi}}}"


def _at(av, names) -> str:
    at = _AT.get(av)
    if at is None:
        raise _NotRE2(str(av))  # \b and \B: RE2's are ASCII-only
    return at


def _subpattern(av, names) -> str:
    group, add, delete, sub = av
    if add or delete:
        raise _NotRE2("inline flags")
    inner = _to_re2(sub, names)
    if group is None:
        return f"(?:{inner})"
    if group in names:
        return f"(?P<{names[group]}>{inner})"
    return f"({inner})"


def _repeat(op, av, names) -> str:
    lo, hi, sub = av
    if hi is _c.MAXREPEAT and lo > 1000 or hi is not _c.MAXREPEAT and hi > 1000:
        raise _NotRE2("repeat count above RE2's limit")
    return "(?:" + _to_re2(sub, names) + ")" + _quantifier(lo, hi) + ("?" if op is _c.MIN_REPEAT else "")


_EXACT = {
    _c.LITERAL: lambda av, names: f"\\x{{{av:x}}}",
    _c.NOT_LITERAL: lambda av, names: f"[^\\x{{{av:x}}}]",
    _c.ANY: lambda av, names: ".",
    _c.IN: lambda av, names: _class(av),
    _c.AT: _at,
    _c.BRANCH: lambda av, names: "(?:" + "|".join(_to_re2(b, names) for b in av[1]) + ")",
    _c.SUBPATTERN: _subpattern,
    _c.MAX_REPEAT: lambda av, names: _repeat(_c.MAX_REPEAT, av, names),
    _c.MIN_REPEAT: lambda av, names: _repeat(_c.MIN_REPEAT, av, names),
}


def _to_re2(items, names: dict[int, str]) -> str:
    """The RE2 spelling of parse-tree ``items``; _NotRE2 when RE2 would answer differently."""
    out = []
    for op, av in items:
        handler = _EXACT.get(op)
        if handler is None:
            raise _NotRE2(str(op))  # look-around, back-reference, atomic or possessive
        out.append(handler(av, names))
    return "".join(out)


def re2_translation(pattern: str, flags: int, tree=None) -> tuple[str | None, str]:
    """(RE2 pattern, "") when RE2 gives Python's answer for ``pattern``, else (None, why not)."""
    if flags & re.IGNORECASE:
        return None, "ignore-case matching differs between the engines"
    tree = tree if tree is not None else _parser.parse(pattern, flags)
    if tree.state.flags & re.IGNORECASE:
        return None, "ignore-case matching differs between the engines"
    names = {v: k for k, v in tree.state.groupdict.items()}
    try:
        body = _to_re2(list(tree), names)
    except _NotRE2 as exc:
        return None, _why(str(exc))
    prefix = "(?m)" if flags & re.MULTILINE else ""
    prefix += "(?s)" if flags & re.DOTALL else ""
    if not flags & re.MULTILINE and "$" in body:
        return None, "'$' without MULTILINE also matches before a final newline in Python"
    return prefix + body, ""


def _why(op: str) -> str:
    if "ASSERT" in op:
        return "it uses a look-around"
    if "GROUPREF" in op:
        return "it uses a back-reference"
    if "BOUNDARY" in op:
        return "it uses \\b or \\B (ASCII-only in RE2)"
    if "ATOMIC" in op or "POSSESSIVE" in op:
        return "it uses an atomic group or a possessive repeat"
    return f"it uses a feature RE2 lacks ({op})"


_re2_module = None


def _re2():
    global _re2_module
    if _re2_module is None:
        try:
            import re2  # google-re2
        except ImportError:  # pragma: no cover - a declared dependency
            _re2_module = False
        else:
            _re2_module = re2
    return _re2_module

