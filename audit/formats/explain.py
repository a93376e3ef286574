"""Explain: why each file scored what it did, with the text around every finding.

The score's breakdown (base rate, each rule's share, the distinct-signal
term, adding up to the log-odds), the category sub-scores and verdicts, the
origin, copies when known, then each finding with two lines of context and a
caret under its excerpt. Used by ``explain FILE`` and ``scan --explain``.
"""

from __future__ import annotations

from . import category_verdicts, ranked
from ._escape import printable
from .html import _line_starts, span
from .text import header, notes, plural

HELP = "the score's breakdown, sub-scores, origin and the text around each finding"
READABILITY = False
FULL_TEXT = True
CONTEXT = 2


def _breakdown(r: dict) -> list[str]:
    ev = r["evidence"]
    out = ["  why this score (log-odds, added up):", f"    {ev['bias']:+7.2f}  base rate"]
    by_rule: dict[str, list] = {}
    for f in r["findings"]:
        by_rule.setdefault(f["rule"], []).append(f.get("contribution", 0.0))
    for rule, parts in sorted(by_rule.items(), key=lambda kv: (-sum(kv[1]), kv[0])):
        out.append(f"    {sum(parts):+7.2f}  {printable(rule)}" + (f" ×{len(parts)}" if len(parts) > 1 else ""))
    for x in ev.get("features") or []:
        out.append(f"    {x['contribution']:+7.2f}  {x.get('explanation') or x['name']} ({x['value']})")
    out.append(f"    {ev['log_odds']:+7.2f}  log-odds → score {r['score']:.1f}")
    return out


def _origin(r: dict) -> list[str]:
    origin = r.get("origin") or {}
    parts = []
    lang, outlet = origin.get("language"), origin.get("outlet")
    if lang:
        parts.append(f"source language {printable(lang.get('name') or lang.get('code'))} (confidence {lang.get('confidence')})")
    if outlet:
        parts.append(f"source outlet {printable(outlet.get('name'))} (confidence {outlet.get('confidence')})")
    out = ["  origin: " + ("; ".join(parts) if parts else "no clue to a source language or outlet")]
    if r.get("cluster") is not None:
        out.append(f"  copy cluster: {printable(r['cluster'])}")
    for c in r.get("copies") or []:
        out.append(f"  copy of {printable(c.get('path'))} (similarity {c.get('similarity')})" + (f", {printable(c['site'])}" if c.get("site") else ""))
    return out


def _context(text: str, starts: list[int], f: dict) -> list[str]:
    lines = text.split("\n")
    start, end = span(text, starts, f["line"], f["column"], f["excerpt"])
    first, last = max(1, f["line"] - CONTEXT), min(len(lines), f["line"] + CONTEXT)
    width = len(str(last))
    out = []
    for n in range(first, last + 1):
        out.append(f"      {n:>{width}} | {printable(lines[n - 1])}")
        if n == f["line"]:
            line_start = starts[n - 1]
            lead = printable(lines[n - 1][: start - line_start])
            marked = printable(text[start:min(end, line_start + len(lines[n - 1]))])
            out.append(f"      {'':>{width}} | {' ' * len(lead)}{'^' * max(1, len(marked))}")
    return out


def explain_report(r: dict, ctx) -> str:
    out = [header(r, lambda t, c: t, ctx.baseline)]
    if r["error"]:
        return "\n".join(out) + "\n"
    weights = ctx.weights
    if weights is not None:
        out.append(f"  thresholds: review at {weights.review:.1f}, flagged at {weights.flagged:.1f} (weights {printable(weights.version)})")
    verdicts = category_verdicts(r, weights)
    out.append("  sub-scores: " + ", ".join(
        f"{name.replace('_', ' ')} {r['scores'][name]:.1f} {verdicts.get(name) or ''}".rstrip() for name in sorted(r["scores"])))
    out.extend(_origin(r))
    out.extend(f"  note: {printable(n)}" for n in notes(r))
    out.extend(_breakdown(r))
    text = ctx.text(r)
    starts = _line_starts(text) if text is not None else None
    out.append(f"  {plural(len(r['findings']), 'finding')}:" if r["findings"] else "  no findings")
    for f in r["findings"]:
        out.append(f"    {f['line']}:{f['column']} {printable(f['rule'])} ({f.get('contribution', 0):+.2f}) {printable(f['message'])}")
        if text is not None:
            out.extend(_context(text, starts, f))
    return "\n".join(out) + "\n"


def render(reports: list[dict], ctx) -> str:
    return "".join(stream(reports, ctx))


def stream(reports: list[dict], ctx):
    """The text of :func:`render`, a file at a time."""
    shown = ranked(reports) if ctx.sort in (None, "score") else reports
    for i, r in enumerate(shown):
        yield ("\n" if i else "") + explain_report(r, ctx)
