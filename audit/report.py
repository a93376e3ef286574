"""Report: one JSON-ready dict per file, in the contract of DESIGN.md.

Nothing here computes evidence; it arranges what the earlier stages found.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import __version__
from .checks import capped_notes

SCHEMA_VERSION = "1"

TOOL = {"name": "provenance-audit", "version": __version__}


def build_report(doc, findings, scored, weights, skipped=(), rule_errors=(), extra: dict | None = None, held=frozenset()) -> dict:
    items = []
    for i, (finding, contribution) in enumerate(zip(findings, scored.contributions)):
        item = finding.as_dict()
        item["contribution"] = contribution
        if i in held:  # counts in the overall score, not in its category's
            item["in_copied_block"] = True
        items.append(item)
    report = {
        "schema_version": SCHEMA_VERSION,
        "tool": dict(TOOL),
        "weights_version": weights.version,
        "path": doc.path,
        "sha256": doc.sha256,
        "format": doc.format,
        "encoding": doc.encoding,
        "truncated": doc.truncated,
        "score": scored.score,
        "verdict": scored.verdict,
        "scores": scored.scores,
        "verdicts": scored.verdicts,
        "evidence": {
            "log_odds": scored.log_odds,
            "bias": scored.bias,
            "features": scored.named_features,
        },
        "findings": items,
        "skipped": list(skipped),
        "rule_errors": list(rule_errors),
    }
    if doc.truncated:
        report["notes"] = [f"only the first {len(doc.source.encode('utf-8', 'replace'))} bytes were audited"]
    capped = capped_notes(doc)
    if capped:
        report.setdefault("notes", []).extend(capped)
    if doc.metadata:
        report["metadata"] = doc.metadata
    if extra:
        report.update(extra)
    report["error"] = None
    return report


def error_report(path: str, reason: str, sha256: str | None = None, fmt: str | None = None) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": dict(TOOL),
        "path": path,
        "sha256": sha256,
        "format": fmt,
        "encoding": None,
        "truncated": False,
        "score": None,
        "verdict": None,
        "scores": None,
        "findings": [],
        "error": reason,
    }


def report_schema() -> dict:
    return json.loads((Path(__file__).parent / "schemas" / "report.schema.json").read_text(encoding="utf-8"))


def dumps(report: dict) -> str:
    """Canonical JSON: the same report always gives the same bytes."""
    return json.dumps(report, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
