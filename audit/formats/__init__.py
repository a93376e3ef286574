"""Output formats: one module per format behind a name → renderer map.

Each module defines ``render(reports, ctx) -> str`` and declares what it
needs at module level:

- ``READABILITY``: the reports must carry readability figures;
- ``FULL_TEXT``: the renderer reads each file's decoded source (``ctx.text``);
- ``HELP``: one line for ``--help``.

A module may also define ``stream(reports, ctx)``, yielding the text of
``render`` in pieces, so a long run is printed as it is read back instead of
held whole in memory.

``--format`` takes its choices from ``FORMATS``. Adding a format is one new
module here and one line in ``FORMATS``. Rendering computes nothing new about
a file: it arranges the reports (and, where declared, the text they cite).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable

# name → module of this package
FORMATS = {
    "text": "text",
    "json": "json_",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "github": "github",
    "html": "html",
    "explain": "explain",
}


def renderer(name: str):
    """The module that renders format ``name`` (imported on first use)."""
    return importlib.import_module(f"{__name__}.{FORMATS[name]}")


@dataclass
class Context:
    """What a renderer may read besides the reports."""

    catalogue: object = None
    weights: object = None  # audit.score.Weights: version and thresholds
    threshold: float | None = None  # the --fail-above gate
    quiet: bool = False
    color: bool = False
    # every report of the run, before any filter (or its rows: path, score, verdict, error, scores)
    total: list[dict] = field(default_factory=list)
    text: Callable[[dict], str | None] = lambda report: None  # a report's decoded source, for FULL_TEXT renderers
    baseline: dict = field(default_factory=dict)  # path → baseline status, when --baseline is given
    sort: str | None = None


def ranked(reports: list[dict]) -> list[dict]:
    """Worst first, as the summary ranks them (imported on use: --help stays lean).

    Reports a run keeps on disk (:class:`audit.runstore.StoredReports`) are
    ranked by their rows, without reading them."""
    from ..output import ranked as _ranked

    rows = getattr(reports, "rows", None)
    if rows is not None:
        return reports.view(_ranked(rows))
    return _ranked(reports)


def order(reports: list[dict], sort: str | None) -> list[dict]:
    rows = getattr(reports, "rows", None)
    if rows is not None:
        return reports.view(order(rows, sort))
    if sort == "score":
        return ranked(reports)
    if sort == "path":
        return sorted(reports, key=lambda r: r["path"])
    return list(reports)


def select(reports: list[dict], verdicts=None, quiet: bool = False, threshold: float | None = None,
           top: int | None = None, sort: str | None = None, accepted=frozenset()) -> list[dict]:
    """The reports a run prints: by verdict, at or above the gate (``quiet``), the ``top`` worst.

    Files with errors always pass the quiet filter (something is wrong with
    them); files a baseline accepted (``accepted``, a set of paths) never do.
    Reports a run keeps on disk are selected by their rows, without reading them.
    """
    rows = getattr(reports, "rows", None)
    if rows is not None:
        return reports.view(select(rows, verdicts, quiet, threshold, top, sort, accepted))
    shown = list(reports)
    if verdicts:
        shown = [r for r in shown if r["verdict"] in verdicts or (r["error"] and "error" in verdicts)]
    if quiet:
        shown = [r for r in shown if r["error"] or (r["path"] not in accepted and threshold is not None
                                                     and r["score"] is not None and r["score"] >= threshold)]
    if top is not None:
        keep = {id(r) for r in ranked(shown)[:top]}
        shown = [r for r in shown if id(r) in keep]
    return order(shown, sort)


def category_verdicts(report: dict, weights) -> dict:
    """The two category verdicts: the report's own when it carries them, else from its sub-scores."""
    if report.get("verdicts"):
        return dict(report["verdicts"])
    scores = report.get("scores") or {}
    out = {}
    for category, value in scores.items():
        if value is None or weights is None:
            out[category] = None
        elif value >= weights.flagged:
            out[category] = "flagged"
        elif value >= weights.review:
            out[category] = "review"
        else:
            out[category] = "clean"
    return out


def source_text(path: str, max_bytes: int | None = None, data: bytes | None = None) -> str | None:
    """A file's decoded source as the audit saw it (cut at ``max_bytes``, newlines
    normalised), for renderers that show the text; None when it cannot be read."""
    from .. import document

    limit = max_bytes or document.MAX_BYTES
    try:
        if data is None:
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
        if len(data) > limit:
            data = document._cut_at_character(data[:limit])
        text, _ = document.decode(data)
    except (OSError, document.LoadError, UnicodeError, ValueError):
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")
