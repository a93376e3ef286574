"""The prefilter: which of a catalogue's patterns can match a text, in two RE2 passes.

1. **Literals.** Every pattern's required literals (:mod:`.literals`) in one
   RE2 set, run over the folded text: a pattern none of whose literals
   occurs cannot match.
2. **Gates.** Every pattern that runs on Python's ``re`` has a gate
   (:mod:`.gate`), a looser RE2 pattern that matches wherever it could; all
   gates in one RE2 set over the text (and one over the folded text, for the
   ignore-case patterns). A pattern whose gate matches nowhere is not run.

Both passes are computed once per part of a document and kept in the
document's ``derived`` data. An RE2 set that runs out of memory answers
nothing rather than failing, so each set holds a sentinel that always
matches: without it in the answer, the set is taken to know nothing and
every pattern runs. A text RE2 cannot take (lone surrogates) is checked
literal by literal, and every pattern runs.
"""

from __future__ import annotations

from .folding import _fold_table, fold
from .translate import _re2

_SENTINEL = ""  # the empty pattern matches every text


def _set(patterns: list[str], max_mem: int):
    """A compiled RE2 search set of ``patterns`` with the sentinel last; None when RE2 refuses it."""
    rset, added = _lenient_set(patterns, max_mem)
    return rset if rset is not None and len(added) == len(patterns) else None


def _lenient_set(patterns: list[str], max_mem: int, budget: int = 16 << 20):
    """(compiled set, positions in ``patterns`` of what it holds, in its order): a pattern RE2
    refuses is left out; (None, []) when the set cannot be built. A DFA cache grows with the
    variety of text seen: ``budget`` bounds it (memory flat over a long run, no slower), four
    times as much until the set compiles, at most ``max_mem``."""
    re2 = _re2()
    if not re2 or not patterns:
        return None, []
    options = re2.Options()
    options.max_mem = min(max_mem, budget)  # allocated as needed; room for the set's DFA
    options.log_errors = False
    rset = re2.Set.SearchSet(options)
    added = []
    for i, pattern in enumerate(patterns):
        try:
            rset.Add(pattern)
        except re2.error:
            continue  # RE2 cannot take this one: it is simply not in the set
        added.append(i)
    try:
        rset.Add(_SENTINEL)
        rset.Compile()
    except re2.error:
        return _lenient_set(patterns, max_mem, budget * 4) if budget < max_mem else (None, [])
    return rset, added


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _match(rset, count: int, text: str) -> frozenset[int] | None:
    """Indexes of the set's patterns that match ``text``; None when the set could not tell."""
    found = rset.Match(text) or ()
    if count not in found:  # no sentinel: the set ran out of memory
        return None
    return frozenset(i for i in found if i != count)


class LiteralSet:
    """A catalogue's patterns, prefiltered together (see the module's docstring).

    ``add(matcher)`` registers a pattern; ``allows(matcher, doc, key, text)``
    says whether it can match ``text``, the part ``key`` of ``doc``. The sets
    are built on first use after a registration. The literal pass was
    measured 2.6 times faster on the catalogue than pyahocorasick, which
    enumerates every occurrence (``benchmarks/prefilter.py``).
    """

    def __init__(self):
        self._literals: set[str] = set()
        self._ordered: list[str] = []
        self._set = None
        self._matchers: list = []
        self._gates = None  # (plain set, its matchers' ids, folded set, its matchers' ids)
        self.version = 0

    def __getstate__(self):
        # the RE2 sets are not picklable and are cheap to rebuild: a pickled
        # catalogue (audit.catcache) builds them again on first use
        state = dict(self.__dict__)
        state["_set"] = None
        state["_gates"] = None
        return state

    # ---- registration --------------------------------------------------
    def register(self, literals) -> None:
        if literals and not literals <= self._literals:
            self._literals |= set(literals)
            self._set = None
            self.version += 1

    def add(self, matcher) -> None:
        """Register a pattern: its literals, and its gate when it runs on ``re``."""
        self.register(matcher.literals)
        self._matchers.append(matcher)
        self._gates = None
        self.version += 1

    def prepare(self) -> None:
        """Build both sets now (they are otherwise built by the first document that needs them)."""
        if self._set is None:
            self._build()
        if self._gates is None:
            self._build_gates()

    # ---- literals ------------------------------------------------------
    def _build(self):
        self._ordered = sorted(self._literals)
        re2 = _re2()
        self._set = _set([re2.escape(lit) for lit in self._ordered], 256 << 20) if re2 else None
        self._set = self._set or False
        return self._set

    def present(self, folded_text: str) -> frozenset[str]:
        """The registered literals that occur in ``folded_text``."""
        rset = self._set if self._set is not None else self._build()
        if not folded_text or not self._ordered:
            return frozenset()
        if rset and _utf8(folded_text):
            found = _match(rset, len(self._ordered), folded_text)
            if found is not None:
                ordered = self._ordered
                return frozenset(ordered[i] for i in found)
        return frozenset(lit for lit in self._ordered if lit in folded_text)

    def _folded(self, doc, key: str, text: str) -> str:
        slot = ("folded", key)
        folded = doc.derived.get(slot)
        if folded is None:
            folded = doc.lower.translate(_fold_table()) if key == "body" else fold(text)
            doc.derived[slot] = folded
        return folded

    def present_in(self, doc, key: str, text: str) -> frozenset[str]:
        """``present`` for a part of a document, computed once per document."""
        slot = ("literals", id(self), self.version, key)
        if slot not in doc.derived:
            doc.derived[slot] = self.present(self._folded(doc, key, text))
        return doc.derived[slot]

    # ---- gates ---------------------------------------------------------
    def _build_gates(self):
        plain: list[tuple[str, int]] = []
        folded: list[tuple[str, int]] = []
        re2 = _re2()
        for matcher in self._matchers:
            if matcher.engine != "re" or not re2:
                continue  # on RE2 the pattern itself is as cheap as a gate
            gate = matcher.gate(check=False)  # RE2 refusals and empty matches are sorted out below
            if gate is None:
                continue
            body, on_folded = gate
            (folded if on_folded else plain).append((body, id(matcher)))
        gates = []
        for group in (plain, folded):
            rset, added = _lenient_set([body for body, _ in group], 256 << 20)
            if rset is None:
                gates.append((None, []))
                continue
            idents = [group[i][1] for i in added]
            # a gate that matches the empty text matches every text: no gate, the pattern always runs
            empty = _match(rset, len(idents), "") or frozenset()
            keep = [k for k in range(len(idents)) if k not in empty]
            if len(keep) < len(idents):
                rset, kept = _lenient_set([group[added[k]][0] for k in keep], 256 << 20)
                idents = [idents[keep[k]] for k in kept] if rset is not None else []
            gates.append((rset, idents))
        self._gates = tuple(gates)
        return self._gates

    def _gated_in(self, doc, key: str, text: str):
        """(ids of gated patterns, ids of those whose gate matches) for a part of a document."""
        slot = ("gates", id(self), self.version, key)
        cached = doc.derived.get(slot)
        if cached is None:
            gates = self._gates if self._gates is not None else self._build_gates()
            gated: set[int] = set()
            passed: set[int] = set()
            for (rset, idents), on_folded in zip(gates, (False, True)):
                if rset is None:
                    continue
                subject = self._folded(doc, key, text) if on_folded else text
                found = _match(rset, len(idents), subject) if _utf8(subject) else None
                if found is not None:
                    gated.update(idents)
                    passed.update(idents[i] for i in found)
            cached = doc.derived[slot] = (frozenset(gated), frozenset(passed))
        return cached

    def allows(self, matcher, doc, key: str, text: str) -> bool:
        """Whether ``matcher`` can match ``text`` (the part ``key`` of ``doc``): both passes."""
        if text is doc.text:
            key = "body"  # a part that is the whole text (a plain file's "document") shares the body's passes
        if matcher.literals is not None and not matcher.may_match(self.present_in(doc, key, text)):
            return False
        gated, passed = self._gated_in(doc, key, text)
        ident = id(matcher)
        return ident not in gated or ident in passed
