"""A pattern: parsed once, compiled on first use, on RE2 or ``re``."""

from __future__ import annotations

import re

import re._parser as _parser

from .literals import required_literals
from .translate import _re2, re2_translation

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
                 "_tree", "_re2_pattern", "_compiled", "_fallback", "_prefer_re2", "_gate")

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
        self._gate = False  # the unchecked gate, once translated (None: no gate)

    @property
    def tree(self):
        """The parse tree (parsed again after unpickling: it is not kept in a pickle)."""
        if self._tree is None:
            self._tree = _parser.parse(self.pattern, self.flags)
        return self._tree

    def __getstate__(self):
        # what a pickle (the cached catalogue, a worker process) keeps: the
        # decisions, not the compiled expressions nor the parse tree, which
        # are made again on first use
        state = {name: getattr(self, name) for name in self.__slots__}
        state.update(_tree=None, _compiled=None, _fallback=None)
        return state

    def __setstate__(self, state):
        self._gate = False
        for name, value in state.items():
            setattr(self, name, value)

    def _decide(self) -> None:
        if self._engine is not None:
            return
        translated, why = re2_translation(self.pattern, self.flags, self.tree) if self._prefer_re2 else (None, "not asked")
        if translated is not None and not _re2():
            translated, why = None, "google-re2 is not installed"
        self._re2_pattern = translated
        self._engine = "re2" if translated is not None else "re"
        self._why = why

    def gate(self, check: bool = True):
        """(RE2 gate, whether it reads the folded text) or None: see :mod:`.gate`.

        The unchecked gate (the prefilter's) is translated once and kept in a
        pickle, so a cached catalogue neither parses the pattern again nor
        translates it."""
        from .gate import gate_translation

        if check:
            return gate_translation(self.pattern, self.flags, self.tree, True)
        if self._gate is False:
            self._gate = gate_translation(self.pattern, self.flags, self.tree, False)
        return self._gate

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
