"""Write: render reports as text, JSON or JSON Lines, and save them atomically.

Rendering computes nothing new: it only arranges the reports.
"""

from __future__ import annotations

import json
import os
import re

from .report import dumps

VERDICT_ORDER = {"flagged": 0, "review": 1, "clean": 2, None: 3}


def ranked(reports: list[dict]) -> list[dict]:
    """Worst first: highest score, then errors last, ties by path."""
    return sorted(reports, key=lambda r: (r["score"] is None, -(r["score"] or 0), r["path"]))


def render_text(reports: list[dict], quiet: bool = False, threshold: float | None = None, color: bool = False) -> str:
    """Linter-style lines ``path:line:col: rule message``, then a ranked table.

    ``quiet``: print only files at or above ``threshold`` and files with
    errors; print nothing when all is well.
    """
    def paint(text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if color else text

    shown = reports
    if quiet:
        shown = [r for r in reports if r["error"] or (threshold is not None and r["score"] is not None and r["score"] >= threshold)]
        if not shown:
            return ""
    out = []
    for r in shown:
        if r["error"]:
            out.append(f"{r['path']}: error: {r['error']}")
            continue
        for f in r["findings"]:
            out.append(f"{r['path']}:{f['line']}:{f['column']}: {paint(f['rule'], '1')} {f['message']}")
        notes = r.get("suppressions") or {}
        for s in notes.get("unused", []):
            out.append(f"{r['path']}:{s['line']}:1: unused suppression: {', '.join(s['rules'])} ({s['reason']})")
        for p in notes.get("problems", []):
            out.append(f"{r['path']}:{p['line']}:1: bad suppression: {p['problem']}")
    if out:
        out.append("")
    out.append(f"{'score':>5}  {'verdict':<8} {'MT':>5} {'scrape':>6}  path")
    for r in ranked(shown):
        if r["error"]:
            out.append(f"{'-':>5}  {'error':<8} {'-':>5} {'-':>6}  {r['path']}")
            continue
        verdict = r["verdict"]
        colour = {"flagged": "31", "review": "33", "clean": "32"}[verdict]
        out.append(
            f"{r['score']:5.1f}  {paint(f'{verdict:<8}', colour)} {r['scores']['machine_translation']:5.1f} {r['scores']['scraping']:6.1f}  {r['path']}"
        )
    counts = {v: sum(1 for r in reports if r["verdict"] == v) for v in ("flagged", "review", "clean")}
    errors = sum(1 for r in reports if r["error"])
    out.append(f"{len(reports)} files: {counts['flagged']} flagged, {counts['review']} review, {counts['clean']} clean, {errors} errors")
    return "\n".join(out) + "\n"


def render_json(reports: list[dict]) -> str:
    return json.dumps(reports, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(reports: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in reports)


def atomic_write(path: str, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and rename: never half-written."""
    import tempfile

    directory = os.path.dirname(path) or "."
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def report_name(path: str) -> str:
    """A report file name for an input path: its relative path, made safe."""
    if path == "-":
        return "stdin.json"
    norm = os.path.normpath(path).replace("\\", "/").lstrip("/")
    parts = [p for p in norm.split("/") if p not in ("", ".")]
    parts = ["__" if p == ".." else re.sub(r"[^\w.@+-]", "_", p) for p in parts]
    return "/".join(parts) + ".json"


def summary(reports: list[dict], weights_version: str) -> dict:
    return {
        "schema_version": "1",
        "weights_version": weights_version,
        "files": len(reports),
        "verdicts": {v: sum(1 for r in reports if r["verdict"] == v) for v in ("flagged", "review", "clean")},
        "errors": sum(1 for r in reports if r["error"]),
        "ranking": [
            {"path": r["path"], "score": r["score"], "verdict": r["verdict"], "report": report_name(r["path"]), "error": r["error"]}
            for r in ranked(reports)
        ],
    }


def write_reports(directory: str, reports: list[dict], weights_version: str) -> None:
    for r in reports:
        write_report(directory, r)
    atomic_write(os.path.join(directory, "summary.json"), json.dumps(summary(reports, weights_version), ensure_ascii=False, indent=2) + "\n")


def write_report(directory: str, report: dict) -> None:
    """One report, as a scan streams them."""
    atomic_write(os.path.join(directory, report_name(report["path"])), dumps(report))
