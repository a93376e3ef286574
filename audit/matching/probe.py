"""Deadlines, and the adversarial probe a user pattern on ``re`` must pass."""

from __future__ import annotations

import re
import signal
import threading
import time
from contextlib import contextmanager

import re._constants as _c
import re._parser as _parser

from .literals import nested_items


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


_CLASS_SAMPLES = {"a", "Z", "0", " ", "\t", "é", ".", "-"}


def _class_chars(av, chars: set[str]) -> None:
    """Characters that stand for a character class: its literals, range ends, samples of its categories."""
    for o, v in av:
        if o is _c.LITERAL:
            chars.add(chr(v))
        elif o is _c.RANGE:
            chars.update({chr(v[0]), chr(v[1])})
        elif o is _c.CATEGORY:
            chars.update(_CLASS_SAMPLES)


def _alphabet(items, chars: set[str], literals: list[str]) -> None:
    """Collect the characters a pattern names into ``chars`` and its literal runs into ``literals``."""
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
            _class_chars(av, chars)
        elif op is _c.ANY or op is _c.NOT_LITERAL:
            chars.update({"a", " ", "."})
        for child in nested_items(op, av):
            _alphabet(child, chars, literals)
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
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[1] is not _c.MAXREPEAT:
            best = max(best, av[1])
        for child in nested_items(op, av):
            best = max(best, _max_bound(child))
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

