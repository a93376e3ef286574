"""The output folder across runs: reports of files no longer scanned, and the triage page.

A run writes one report per input and a new ``summary.json``. Reports that an
earlier run wrote (listed in its summary) for files this run did not scan
would otherwise sit beside the new summary as if current; they are removed.
Only files the previous summary names are touched, never anything else in
the folder.
"""

from __future__ import annotations

import json
import os

from .output import atomic_write, report_name


def previous_reports(directory: str) -> set[str]:
    """Report names listed by the summary already in ``directory`` (none if it has no readable summary)."""
    try:
        with open(os.path.join(directory, "summary.json"), encoding="utf-8") as fh:
            data = json.load(fh)
        return {row["report"] for row in data.get("ranking", []) if isinstance(row.get("report"), str)}
    except (OSError, ValueError, AttributeError, TypeError, KeyError):
        return set()


def clear_stale(directory: str, previous: set[str], reports: list[dict]) -> list[str]:
    """Remove the reports of ``previous`` that this run did not write; returns their names."""
    current = {report_name(r["path"]) for r in reports}
    root = os.path.realpath(directory)
    removed = []
    for name in sorted(previous - current):
        target = os.path.realpath(os.path.join(directory, name))
        if not target.startswith(root + os.sep) or not target.endswith(".json") or os.path.islink(os.path.join(directory, name)):
            continue  # a summary can be edited by hand: never reach outside the folder
        try:
            os.unlink(target)
            removed.append(name)
        except OSError:
            pass
    return removed


def write_page(directory: str, page: str) -> None:
    """The triage page beside the reports."""
    atomic_write(os.path.join(directory, "index.html"), page)
