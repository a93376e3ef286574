"""Write: save the reports and the run's summary atomically.

What is printed is rendered by the formats in ``audit/formats/``.
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


def atomic_write(path: str, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and rename: never half-written."""
    import tempfile

    directory = os.path.dirname(path) or "."
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=directory)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; a report is as readable as any file written here
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def report_name(path: str) -> str:
    """A report file name for an input path: its relative path, made safe."""
    if path == "-":
        return "stdin.json"
    norm = os.path.normpath(path).replace("\\", "/").lstrip("/")
    parts = [p for p in norm.split("/") if p not in ("", ".")]
    parts = ["__" if p == ".." else re.sub(r"[^\w.@+-]", "_", p) for p in parts]
    return "/".join(parts) + ".json"


def summary(reports: list[dict], weights_version: str, clusters: list[dict] | None = None) -> dict:
    out = {
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
    if clusters is not None:
        out["clusters"] = clusters  # copies among the run's documents (audit/copies.py)
    return out


def write_reports(directory: str, reports: list[dict], weights_version: str, clusters: list[dict] | None = None) -> None:
    for r in reports:
        write_report(directory, r)
    atomic_write(os.path.join(directory, "summary.json"), json.dumps(summary(reports, weights_version, clusters), ensure_ascii=False, indent=2) + "\n")


def write_report(directory: str, report: dict) -> None:
    """One report, as a scan streams them."""
    atomic_write(os.path.join(directory, report_name(report["path"])), dumps(report))
