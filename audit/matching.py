"""The matching engine shared by the pattern kind and the catalogue.

Three parts:

- **Engine choice.** A pattern runs on RE2 (google-re2, linear time by
  construction) when RE2 gives exactly Python's answer: no look-around, no
  back-reference, no ``\\b``, no atomic group or possessive repeat, and no
  ignore-case. Python's Unicode classes (``\\w``, ``\\d``, ``\\s`` and their
  negations) are written out as explicit code-point classes computed from
  Python itself, so RE2 reads them the same way. Every other pattern runs on
  Python's ``re``; those that ship are proven linear by a meta-test on
  adversarial strings, and a user pattern that RE2 cannot take must pass the
  same probe (:func:`probe`) when it loads, or it is refused.
- **Literal prefilter.** From each pattern's parse tree, the literal strings
  of which at least one must occur in any text it can match
  (:func:`required_literals`). One pass of one RE2 set over the case-folded
  text tells which rules can possibly match; only those run,
  and their regular expressions are compiled the first time they do.
- **Deadlines.** :func:`deadline` interrupts Python code, ``re`` included,
  after a number of seconds (SIGALRM; in the main thread only).
"""

from __future__ import annotations

import re
import signal
import threading
import time
from contextlib import contextmanager
from functools import lru_cache

import re._constants as _c
import re._parser as _parser

# ---------------------------------------------------------------------------
# case folding shared by literals and texts (one character for one character)


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Characters that ``re.IGNORECASE`` treats as equal beyond ``lower()``, to one representative."""
    from re._casefix import _EXTRA_CASES

    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for key, extras in _EXTRA_CASES.items():
        for e in extras:
            a, b = find(key), find(e)
            if a != b:
                parent[max(a, b)] = min(a, b)
    table = {}
    for key, extras in _EXTRA_CASES.items():
        for ch in (key, *extras):
            root = find(ch)
            if root != ch:
                table[ch] = chr(root)
    return table


def fold(text: str) -> str:
    """Lower-case ``text`` one character for one character, then merge the
    characters ``re`` treats as the same letter under IGNORECASE (ſ and s …)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower()[:1] or c for c in text)
    return low.translate(_fold_table())


# ---------------------------------------------------------------------------
# required literals


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


# ---------------------------------------------------------------------------
# RE2 translation

_UNSUPPORTED = {
    _c.ASSERT, _c.ASSERT_NOT, _c.GROUPREF, _c.GROUPREF_EXISTS, _c.ATOMIC_GROUP, _c.POSSESSIVE_REPEAT,
}
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


def _to_re2(items, names: dict[int, str]) -> str:
    out = []
    for op, av in items:
        if op in _UNSUPPORTED:
            raise _NotRE2(str(op))
        if op is _c.LITERAL:
            out.append(f"\\x{{{av:x}}}")
        elif op is _c.NOT_LITERAL:
            out.append(f"[^\\x{{{av:x}}}]")
        elif op is _c.ANY:
            out.append(".")
        elif op is _c.IN:
            out.append(_class(av))
        elif op is _c.AT:
            at = {_c.AT_BEGINNING: "^", _c.AT_END: "$", _c.AT_BEGINNING_STRING: "\\A", _c.AT_END_STRING: "\\z"}.get(av)
            if at is None:
                raise _NotRE2(str(av))  # \b and \B: RE2's are ASCII-only
            out.append(at)
        elif op is _c.BRANCH:
            out.append("(?:" + "|".join(_to_re2(b, names) for b in av[1]) + ")")
        elif op is _c.SUBPATTERN:
            group, add, delete, sub = av
            if add or delete:
                raise _NotRE2("inline flags")
            inner = _to_re2(sub, names)
            if group is None:
                out.append(f"(?:{inner})")
            elif group in names:
                out.append(f"(?P<{names[group]}>{inner})")
            else:
                out.append(f"({inner})")
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            lo, hi, sub = av
            if hi is _c.MAXREPEAT and lo > 1000 or hi is not _c.MAXREPEAT and hi > 1000:
                raise _NotRE2("repeat count above RE2's limit")
            inner = "(?:" + _to_re2(sub, names) + ")"
            if hi is _c.MAXREPEAT:
                q = "*" if lo == 0 else "+" if lo == 1 else f"{{{lo},}}"
            elif lo == hi:
                q = f"{{{lo}}}"
            else:
                q = f"{{{lo},{hi}}}"
            out.append(inner + q + ("?" if op is _c.MIN_REPEAT else ""))
        else:
            raise _NotRE2(str(op))
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


# ---------------------------------------------------------------------------
# a pattern


class _Re2Match:
    """An RE2 match that also takes group names, as ``re.Match`` does."""

    __slots__ = ("_m", "_index")

    def __init__(self, m, index):
        self._m = m
        self._index = index

    def _g(self, group):
        return self._index[group] if isinstance(group, str) else group

    def span(self, group=0):
        return self._m.span(self._g(group))

    def start(self, group=0):
        return self._m.span(self._g(group))[0]

    def end(self, group=0):
        return self._m.span(self._g(group))[1]

    def group(self, *groups):
        return self._m.group(*(self._g(g) for g in groups)) if groups else self._m.group()

    def groupdict(self, default=None):
        return {name: self._m.group(i) if self._m.group(i) is not None else default for name, i in self._index.items()}


class Matcher:
    """One regular expression: parsed now, compiled on first use, on RE2 or ``re``.

    ``engine`` is ``"re2"`` or ``"re"``; ``why_not_re2`` says why when ``re``.
    ``literals`` are the folded strings one of which every match needs
    (``None``: unknown, always run).
    """

    __slots__ = ("pattern", "flags", "groupindex", "groups", "literals", "_engine", "_why",
                 "_tree", "_re2_pattern", "_compiled", "_fallback", "_prefer_re2")

    def __init__(self, pattern: str, flags: int = 0, prefer_re2: bool = True):
        tree = _parser.parse(pattern, flags)  # raises re.error like re.compile
        self.pattern = pattern
        self.flags = flags
        self.groupindex = dict(tree.state.groupdict)
        self.groups = tree.state.groups - 1
        self.literals = required_literals(tree)
        self._tree = tree
        self._prefer_re2 = prefer_re2
        self._engine = None  # decided on first use: translating for RE2 costs time
        self._why = ""
        self._re2_pattern = None
        self._compiled = None
        self._fallback = None

    def _decide(self) -> None:
        if self._engine is not None:
            return
        translated, why = re2_translation(self.pattern, self.flags, self._tree) if self._prefer_re2 else (None, "not asked")
        if translated is not None and not _re2():
            translated, why = None, "google-re2 is not installed"
        self._re2_pattern = translated
        self._engine = "re2" if translated is not None else "re"
        self._why = why
        self._tree = None

    @property
    def engine(self) -> str:
        """``"re2"`` or ``"re"``."""
        self._decide()
        return self._engine

    @property
    def why_not_re2(self) -> str:
        self._decide()
        return self._why

    @property
    def regex(self):
        """The compiled expression (RE2 or ``re``), compiled on first use."""
        if self._compiled is None:
            self._decide()
            if self._re2_pattern is not None:
                re2 = _re2()
                options = re2.Options()
                options.max_mem = 64 << 20
                try:
                    self._compiled = re2.compile(self._re2_pattern, options)
                except re2.error:
                    self._re2_pattern, self._engine = None, "re"
                    self._why = "RE2 refused the translated pattern"
            if self._compiled is None:
                self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def python(self):
        """The same expression on ``re`` (for texts RE2 cannot take: lone surrogates)."""
        if self._fallback is None:
            self._fallback = re.compile(self.pattern, self.flags)
        return self._fallback

    def finditer(self, text: str):
        """Matches with the interface of ``re.Match`` (``span``, ``group`` by number or name, ``groupdict``)."""
        regex = self.regex
        if self._engine == "re2":
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                return self.python().finditer(text)
            index = self.groupindex
            return (_Re2Match(m, index) for m in regex.finditer(text))
        return regex.finditer(text)

    def may_match(self, present: frozenset[str] | set[str] | None) -> bool:
        """Whether the prefilter's finding (the literals present in a text) allows a match."""
        if self.literals is None or present is None:
            return True
        return not self.literals.isdisjoint(present)


# ---------------------------------------------------------------------------
# the prefilter


class LiteralSet:
    """All required literals of a catalogue's patterns, matched in one pass.

    ``present(text)`` returns the registered literals that occur in the
    folded text. The pass is one RE2 set of the escaped literals (measured
    2.6 times faster on the catalogue than pyahocorasick, which enumerates
    every occurrence: ``benchmarks/prefilter.py``); it is built on
    first use after a registration. A text RE2 cannot take (lone surrogates)
    is checked literal by literal.
    """

    def __init__(self):
        self._literals: set[str] = set()
        self._ordered: list[str] = []
        self._set = None
        self.version = 0

    def register(self, literals) -> None:
        if literals and not literals <= self._literals:
            self._literals |= set(literals)
            self._set = None
            self.version += 1

    def _build(self):
        self._ordered = sorted(self._literals)
        re2 = _re2()
        if not re2 or not self._ordered:
            self._set = False
            return self._set
        options = re2.Options()
        options.max_mem = 256 << 20  # allocated as needed; room for the set's DFA
        rset = re2.Set.SearchSet(options)
        for lit in self._ordered:
            rset.Add(re2.escape(lit))
        rset.Compile()
        self._set = rset
        return rset

    def present(self, folded_text: str) -> frozenset[str]:
        rset = self._set if self._set is not None else self._build()
        if not folded_text or not self._ordered:
            return frozenset()
        if rset:
            try:
                folded_text.encode("utf-8")
            except UnicodeEncodeError:
                pass
            else:
                ordered = self._ordered
                return frozenset(ordered[i] for i in (rset.Match(folded_text) or ()))
        return frozenset(lit for lit in self._ordered if lit in folded_text)

    def present_in(self, doc, key: str, text: str) -> frozenset[str]:
        """``present`` for a part of a document, computed once per document."""
        cache = doc.__dict__.setdefault("_prefilter", {})
        slot = (id(self), self.version, key)
        if slot not in cache:
            folded = doc.lower.translate(_fold_table()) if key == "body" else fold(text)
            cache[slot] = self.present(folded)
        return cache[slot]


# ---------------------------------------------------------------------------
# deadlines


class DeadlineExceeded(BaseException):
    """Raised inside the code that ran out of time.

    A BaseException, so a rule's ``except Exception`` does not swallow it.
    """


@contextmanager
def deadline(seconds: float | None):
    """Interrupt the body after ``seconds`` (None or 0: no limit).

    Works in the main thread of a process (SIGALRM); elsewhere it does
    nothing. Python's ``re`` checks for signals while it matches, so a
    runaway expression is interrupted too.
    """
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise DeadlineExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ---------------------------------------------------------------------------
# the adversarial probe


def _alphabet(items, chars: set[str], literals: list[str]) -> None:
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
            run.append(chr(av))
            continue
        if run:
            literals.append("".join(run))
            run = []
        if op is _c.IN:
            for o, v in av:
                if o is _c.LITERAL:
                    chars.add(chr(v))
                elif o is _c.RANGE:
                    chars.update({chr(v[0]), chr(v[1])})
                elif o is _c.CATEGORY:
                    chars.update({"a", "Z", "0", " ", "\t", "é", ".", "-"})
        elif op is _c.ANY or op is _c.NOT_LITERAL:
            chars.update({"a", " ", "."})
        elif op is _c.BRANCH:
            for b in av[1]:
                _alphabet(b, chars, literals)
        elif op is _c.SUBPATTERN:
            _alphabet(av[3], chars, literals)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            _alphabet(av[2], chars, literals)
        elif op is _c.ATOMIC_GROUP:
            _alphabet(av, chars, literals)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _alphabet(av[1], chars, literals)
    if run:
        literals.append("".join(run))


def adversarial_shapes(pattern: str, flags: int = 0):
    """Functions n -> string of length about n that stress ``pattern``.

    Long runs of each character the pattern uses (of each class it names),
    each literal run of the pattern repeated, and the same with each literal
    in front and a character no pattern expects at the end.
    """
    chars: set[str] = set()
    literals: list[str] = []
    _alphabet(list(_parser.parse(pattern, flags)), chars, literals)
    chars.discard("\n")
    lits = sorted({lit for lit in literals if lit.strip()})[:24]
    shapes = []
    for ch in sorted(chars):
        shapes.append((f"run of {ch!r}", lambda n, ch=ch: ch * n + "\x00"))
        shapes.append((f"run of {ch!r} and spaces", lambda n, ch=ch: (ch + " ") * (n // 2) + "\x00"))
    for lit in lits:
        shapes.append((f"{lit!r} repeated", lambda n, lit=lit: lit * max(1, n // len(lit)) + "\x00"))
        shapes.append((f"{lit!r} repeated with spaces", lambda n, lit=lit: (lit + " ") * max(1, n // (len(lit) + 1)) + "\x00"))
        for ch in sorted(chars)[:16]:
            shapes.append((f"{lit!r} then {ch!r}s", lambda n, lit=lit, ch=ch: lit + " " + ch * n + "\x00"))
            shapes.append((f"{lit!r} then {ch!r}s, twice", lambda n, lit=lit, ch=ch: (lit + ch * (n // 2)) * 2 + "\x00"))
    return shapes


def _max_bound(items) -> int:
    """The largest finite upper bound of a repeat in a parse tree (0 if none)."""
    best = 0
    for op, av in items:
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            if hi is not _c.MAXREPEAT:
                best = max(best, hi)
            best = max(best, _max_bound(sub))
        elif op is _c.BRANCH:
            best = max([best, *(_max_bound(b) for b in av[1])])
        elif op is _c.SUBPATTERN:
            best = max(best, _max_bound(av[3]))
        elif op is _c.ATOMIC_GROUP:
            best = max(best, _max_bound(av))
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            best = max(best, _max_bound(av[1]))
    return best


def _time_one(regex, text: str, budget: float) -> float:
    """CPU seconds to run ``regex`` over ``text`` (a busy machine does not inflate them)."""
    start = time.process_time()
    with deadline(budget):
        for _ in regex.finditer(text):
            pass
    return time.process_time() - start


def probe(pattern: str, flags: int = 0, small: int = 500, large: int = 4000, budget: float = 0.25) -> str | None:
    """Run ``pattern`` on adversarial strings; return a problem, or None when it looks linear.

    Each shape is timed at ``small`` and ``large`` characters; a shape that
    takes longer than ``budget`` seconds at the large size, or grows much
    faster than the size while taking more than a few milliseconds, is
    reported. Needs the main thread (it interrupts runaway matching).
    """
    if not (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()):
        # a runaway expression could not be interrupted here: do not try it
        return "it cannot be timed outside the main thread of a process"
    regex = re.compile(pattern, flags)
    # a bounded repeat ({1,300}) costs at most its bound per position: linear,
    # but only visible once the input is longer than the bound
    bound = _max_bound(list(_parser.parse(pattern, flags)))
    if bound and small < 2 * bound:
        scale = min(2 * bound, 2000) / small
        small, large = int(small * scale), int(large * scale)
    ratio = large / small
    for name, make in adversarial_shapes(pattern, flags):
        short, long_ = make(small), make(large)
        for attempt in range(3):  # a slow reading on a busy machine is timed again, best of more runs
            try:
                runs = 1 + 2 * attempt
                t_small = min(_time_one(regex, short, budget) for _ in range(runs))
                t_large = min(_time_one(regex, long_, budget) for _ in range(runs))
            except DeadlineExceeded:
                return f"more than {budget:g} s on {name}"
            problem = None
            if t_large > budget:
                problem = f"{t_large:.2f} s on {name} ({large} characters)"
            elif t_large > 0.01 and t_large > 3 * ratio * max(t_small, 1e-4):
                problem = f"super-linear on {name}: {t_small * 1000:.1f} ms at {small}, {t_large * 1000:.1f} ms at {large}"
            if problem is None:
                break
        if problem:
            return problem
    return None
