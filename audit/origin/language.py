"""The source language: which language a text was translated from, with its evidence.

Language clues (patterns in the text, or findings of other rules) each add
weight · log2(1 + min(hits, max_hits)) to the languages they point to;
untranslated passages point to their own language; a listed outlet found by
its title, links or JSON-LD points to its language, and its country domain
to that country's.
"""

from __future__ import annotations

from ..kinds._text import excerpt as make_excerpt
from ..matching import LiteralSet
from .data import Clue, OriginData
from .evidence import confidence, evidence_item, feature


def _scope_text(doc, scope: str, suffixes=()) -> str:
    if scope == "title-suffix":
        return " | ".join(suffixes)
    if scope == "title":
        return doc.title or ""
    if scope == "chrome":
        return doc.chrome or ""
    return doc.text


class _Tally:
    """Evidence for each language: Σ weight · log2(1 + min(hits, cap)), and the items behind it."""

    def __init__(self):
        self.scores: dict[str, float] = {}
        self.evidence: list[tuple[float, dict]] = []

    def credit(self, languages: dict, hits: int, cap: int, items: list[dict]) -> None:
        x = feature(hits, cap)
        for lang, w in languages.items():
            self.scores[lang] = self.scores.get(lang, 0.0) + w * x
        top = max(languages.values())
        for item in items[:cap]:
            self.evidence.append((top * x / max(1, min(hits, cap)), item))


_CLUE_SETS: dict[int, tuple] = {}


def _clue_set(data: OriginData) -> LiteralSet:
    """The prefilter of the data's text clues (their literals and gates, one RE2 pass each), built once."""
    held = _CLUE_SETS.get(id(data))
    if held is None or held[0] is not data:
        lset = LiteralSet()
        for clue in data.clues:
            if clue.pattern is not None:
                lset.add(clue.pattern)
        held = _CLUE_SETS[id(data)] = (data, lset)
    return held[1]


def _pattern_hits(doc, clue: Clue, suffixes, lset: LiteralSet) -> list[dict]:
    """Where a text clue matches its scope; nothing when the prefilter says it cannot
    (a literal it needs is absent, or its gate matches nowhere)."""
    text = _scope_text(doc, clue.scope, suffixes)
    # the body shares the catalogue's folded text; another scope is keyed by its own text
    key = "body" if clue.scope == "body" else ("origin", clue.scope, text)
    if not lset.allows(clue.pattern, doc, key, text):
        return []
    items = []
    for m in clue.pattern.finditer(text):
        if m.end() == m.start():
            continue
        if clue.scope == "body":
            item = evidence_item(doc, "clue", m.start(), m.end(), text, False, clue=clue.id)
        else:
            item = {"source": "clue", "clue": clue.id, "where": clue.scope, "excerpt": make_excerpt(text, m.start(), m.end())}
        items.append(item)
        if len(items) >= clue.max_hits:
            break
    return items


def _finding_hits(findings, clue: Clue) -> list[dict]:
    """The findings of the rule a clue names (by id or prefix, and excerpt when given)."""
    items = []
    for f in findings:
        if (f.rule == clue.rule or f.rule.startswith(clue.rule + ".")) and (clue.excerpt is None or clue.excerpt.search(f.excerpt)):
            items.append({"source": "finding", "clue": clue.id, "rule": f.rule, "line": f.line, "column": f.column, "excerpt": f.excerpt})
            if len(items) >= clue.max_hits:
                break
    return items


def _clue_evidence(tally: _Tally, doc, findings, suffixes, data: OriginData) -> None:
    lset = _clue_set(data)  # the prefilter: a clue runs only when it can match
    for clue in data.clues:
        if clue.pattern is not None:
            items = _pattern_hits(doc, clue, suffixes, lset)
        elif clue.rule is not None:
            items = _finding_hits(findings, clue)
        else:
            items = []
        if items:
            _attach_rules(items, findings)
            tally.credit(clue.languages, len(items), clue.max_hits, items)


def _passage_evidence(tally: _Tally, doc, info, data: OriginData) -> None:
    """Untranslated passages point to their own language."""
    if info is None or not info.code:
        return
    weight = float(data.meta.get("fragment_weight", 3.0))
    cap = int(data.meta["fragment_max_hits"])
    by_lang: dict[str, list[dict]] = {}
    for p in info.passages:
        if p.language != info.code and p.language != "en":
            by_lang.setdefault(p.language, []).append(
                evidence_item(doc, "untranslated-passage", p.start, p.end, doc.text, False, language=p.language)
            )
    for lang, items in by_lang.items():
        tally.credit({lang: weight}, len(items), cap, items)


def _outlet_language_evidence(tally: _Tally, outlet, candidates, data: OriginData) -> None:
    """Known outlets' languages (from the title, links or JSON-LD, not from a mere
    mention), and the named outlet's country domain."""
    total = sum(c["score"] for c in candidates) or 1.0
    for c in candidates:
        o = c["outlet"]
        if o is not None and o.language and o.language != "en" and c["sources"] & data.structural:
            w = float(data.meta.get("outlet_language_weight", 2.0)) * min(1.0, 1.5 * c["score"] / total)
            tally.credit({o.language: w}, 1, 1, [{"source": "outlet", "excerpt": o.name, "language": o.language}])
    if not outlet or outlet.get("language"):
        return
    for ev in outlet["evidence"]:
        if ev.get("source") == "link":
            lang = data.domains.get(ev["excerpt"].rsplit(".", 1)[-1])
            if lang:
                weight = float(data.meta.get("domain_language_weight", 1.5))
                tally.credit({lang: weight}, 1, 1, [{"source": "domain", "excerpt": ev["excerpt"], "language": lang}])
                return


def language(doc, findings, info, outlet, candidates, data: OriginData) -> dict | None:
    suffixes = []
    if outlet:
        suffixes = sorted({e["excerpt"] for e in outlet["evidence"] if e.get("source") == "title-suffix"})
    tally = _Tally()
    _clue_evidence(tally, doc, findings, suffixes, data)
    _passage_evidence(tally, doc, info, data)
    _outlet_language_evidence(tally, outlet, candidates, data)
    scores = {k: v for k, v in tally.scores.items() if k != "en"}
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    code, top = ranked[0]
    floor = float(data.meta.get("min_language_evidence", 1.5))
    if top < floor:
        return None
    total = sum(scores.values())
    keep = int(data.meta.get("max_evidence", 12))
    items = [item for _, item in sorted(tally.evidence, key=lambda t: (-t[0], t[1].get("line", 0), t[1].get("column", 0)))]
    items = [i for i in items if _points_to(i, code, data)][:keep]
    return {
        "code": code,
        "confidence": confidence(top, total, floor),
        "evidence": items,
        "scores": {k: round(v, 2) for k, v in ranked[:4]},
    }


def _points_to(item: dict, code: str, data: OriginData) -> bool:
    if "language" in item:
        return item["language"] == code
    clue = next((c for c in data.clues if c.id == item.get("clue")), None)
    return clue is None or code in clue.languages


def _attach_rules(items: list[dict], findings) -> None:
    """Name the rule whose finding sits at the same place as a text clue."""
    at = {}
    for f in findings:
        at.setdefault((f.line, f.column), f.rule)
    for item in items:
        if "rule" not in item and "line" in item:
            rule = at.get((item["line"], item["column"]))
            if rule:
                item["rule"] = rule
