"""A scan's reports, handled as they arrive so memory stays flat in the number of files.

JSON Lines and JSON are printed report by report, and report files are
written as they come; what is kept is only what the end of the run needs:
path, score, verdict and error for ``summary.json`` and the exit code, and
for the text format the findings' lines as well. SARIF needs every report at
the end and keeps them. The bytes printed and written are the same as
rendering the whole list at once.
"""

from __future__ import annotations

import json

SUMMARY_KEYS = ("path", "score", "verdict", "scores", "error")
TEXT_FINDING_KEYS = ("line", "column", "rule", "message")


def slim(report: dict, findings: bool) -> dict:
    """The fields the end of a scan reads (see :mod:`audit.output`'s text table and summary)."""
    out = {k: report.get(k) for k in SUMMARY_KEYS}
    if findings:
        out["findings"] = [{k: f[k] for k in TEXT_FINDING_KEYS} for f in report.get("findings", [])]
        notes = report.get("suppressions")
        if notes:
            out["suppressions"] = {"unused": notes.get("unused", []), "problems": notes.get("problems", [])}
    else:
        out["findings"] = []
    return out


def json_item(report: dict, first: bool) -> str:
    """One element of ``json.dumps(reports, indent=2)``, with what comes before it."""
    body = json.dumps(report, ensure_ascii=False, indent=2).replace("\n", "\n  ")
    return ("[\n  " if first else ",\n  ") + body


class ScanSink:
    """Takes a scan's reports in order; prints and writes them as the format allows."""

    def __init__(self, fmt: str, out, output_dir: str | None = None):
        self.fmt = fmt
        self.out = out
        self.output_dir = output_dir
        self.write_error: OSError | None = None
        self.reports: list[dict] = []  # full for SARIF, slim otherwise
        self.count = 0

    def add(self, report: dict) -> None:
        if self.output_dir is not None and self.write_error is None:
            from .output import write_report

            try:
                write_report(self.output_dir, report)
            except OSError as exc:
                self.write_error = exc
        if self.fmt == "jsonl":
            self.out.write(json.dumps(report, ensure_ascii=False, separators=(",", ":")) + "\n")
        elif self.fmt == "json":
            self.out.write(json_item(report, self.count == 0))
        self.count += 1
        self.reports.append(report if self.fmt == "sarif" else slim(report, findings=self.fmt == "text"))

    def close_json(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")

    def write_summary(self, weights_version: str) -> None:
        """summary.json, unless a report could not be written (then raise that error)."""
        if self.output_dir is None:
            return
        if self.write_error is not None:
            raise self.write_error
        from .output import write_summary

        write_summary(self.output_dir, self.reports, weights_version)
