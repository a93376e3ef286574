"""Text: each file's findings under its header, worst file first, then a ranked table.

Finding lines keep the linter form ``path:line:col: rule message`` that
editors and terminals turn into links. Every string that comes from a file
(its name, excerpts in messages, suppression reasons, errors) is escaped, so
no file can colour the terminal or print a line that looks like a finding.
"""

from __future__ import annotations

from . import ranked
from ._escape import printable

HELP = "findings grouped under each file's header, worst first, then a ranked table (default)"
READABILITY = False
FULL_TEXT = False

COLOURS = {"flagged": "31", "review": "33", "clean": "32"}
GUESSED_OK = {"utf-8", "utf-8-sig", "utf-16", "ascii", None}


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def notes(report: dict) -> list[str]:
    """Why the figures of a file may be partial: cut at --max-bytes, encoding guessed."""
    out = []
    if report.get("truncated"):
        out.extend(report.get("notes") or ["only the first part of the file was audited (--max-bytes)"])
    if report.get("encoding") not in GUESSED_OK:
        out.append(f"encoding guessed as {report['encoding']}: the file is not UTF-8 and names no encoding")
    return out


def header(r: dict, paint, baseline: dict) -> str:
    path = printable(r["path"])
    if r["error"]:
        return f"{path}: error: {printable(r['error'])}"
    s = r["scores"]
    status = baseline.get(r["path"])
    tail = ""
    if status:
        tail = f"  [baseline: {status['status']}" + (f" — {printable(status['note'])}" if status.get("note") else "") + "]"
    return (f"{path}: {paint(r['verdict'], COLOURS[r['verdict']])} {r['score']:.1f}"
            f" (machine translation {s['machine_translation']:.1f}, scraping {s['scraping']:.1f}){tail}")


def render(reports: list[dict], ctx) -> str:
    return "".join(stream(reports, ctx))


def stream(reports: list[dict], ctx):
    """The text of :func:`render`, a line at a time."""
    if not reports and ctx.quiet:
        return
    for line in _lines(reports, ctx):
        yield line + "\n"


def _lines(reports: list[dict], ctx):
    def paint(text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if ctx.color else text

    total = ctx.total or reports
    groups = ranked(reports) if ctx.sort in (None, "score") else reports
    for r in groups:
        path = printable(r["path"])
        lines = []
        if not r["error"]:
            for f in r["findings"]:
                lines.append(f"{path}:{f['line']}:{f['column']}: {paint(printable(f['rule']), '1')} {printable(f['message'])}")
            suppressions = r.get("suppressions") or {}
            for s in suppressions.get("unused", []):
                lines.append(f"{path}:{s['line']}:1: unused suppression: {printable(', '.join(s['rules']))} ({printable(s['reason'])})")
            for p in suppressions.get("problems", []):
                lines.append(f"{path}:{p['line']}:1: bad suppression: {printable(p['problem'])}")
            lines.extend(f"{path}: note: {printable(n)}" for n in notes(r))
        if lines or r["error"]:
            yield header(r, paint, ctx.baseline)
            yield from lines
            yield ""
    yield f"{'score':>5}  {'verdict':<8} {'MT':>5} {'scrape':>6}  path"
    for r in getattr(groups, "rows", groups):  # the table reads only what a run's rows keep
        if r["error"]:
            yield f"{'-':>5}  {'error':<8} {'-':>5} {'-':>6}  {printable(r['path'])}"
            continue
        verdict = r["verdict"]
        yield (
            f"{r['score']:5.1f}  {paint(f'{verdict:<8}', COLOURS[verdict])} {r['scores']['machine_translation']:5.1f} "
            f"{r['scores']['scraping']:6.1f}  {printable(r['path'])}"
        )
    counts = {v: sum(1 for r in total if r["verdict"] == v) for v in ("flagged", "review", "clean")}
    errors = sum(1 for r in total if r["error"])
    line = f"{plural(len(total), 'file')}: {counts['flagged']} flagged, {counts['review']} review, {counts['clean']} clean, {plural(errors, 'error')}"
    if len(reports) != len(total):
        line += f" ({len(reports)} shown)"
    accepted = sum(1 for s in ctx.baseline.values() if s["status"] == "accepted")
    if accepted:
        line += f"; {accepted} accepted by the baseline"
    yield line
