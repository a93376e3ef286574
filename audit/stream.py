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


def _rank_key(row: tuple) -> tuple:
    """The order of :func:`audit.output.ranked`: highest score first, errors last, ties by path."""
    return (row[1] is None, -(row[1] or 0), row[0])


def summary_chunks(rows: list[tuple], weights_version: str):
    """The text of ``summary.json`` for rows (path, score, verdict, error), piece by piece.

    The same bytes as ``json.dumps(summary(reports), indent=2) + "\n"`` of
    :mod:`audit.output`, without building the whole ranking at once.
    """
    from .output import summary

    head = summary([], weights_version)
    head["files"] = len(rows)
    head["verdicts"] = {v: sum(1 for r in rows if r[2] == v) for v in head["verdicts"]}
    head["errors"] = sum(1 for r in rows if r[3])
    text = json.dumps(head, ensure_ascii=False, indent=2)
    assert text.endswith('"ranking": []\n}'), "the ranking is the last field of the summary"
    if not rows:
        yield text + "\n"
        return
    yield text[: -len("[]\n}")]
    for i, (path, score, verdict, error) in enumerate(sorted(rows, key=_rank_key)):
        item = summary([{"path": path, "score": score, "verdict": verdict, "error": error}], weights_version)["ranking"][0]
        yield ("[\n    " if i == 0 else ",\n    ") + json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
    yield "\n  ]\n}\n"


def write_summary(directory: str, rows: list[tuple], weights_version: str) -> None:
    """Write ``summary.json`` from rows, through a temporary file and a rename."""
    import os
    import tempfile

    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for chunk in summary_chunks(rows, weights_version):
                fh.write(chunk)
        os.replace(tmp, os.path.join(directory, "summary.json"))
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class ScanSink:
    """Takes a scan's reports in order; prints and writes them as the format allows.

    ``rows`` keeps (path, score, verdict, error) of every report, for the
    summary and the exit code; ``reports`` keeps what the printed format
    needs at the end: slim reports for text, whole ones for SARIF, none for
    JSON and JSON Lines.
    """

    def __init__(self, fmt: str, out, output_dir: str | None = None):
        self.fmt = fmt
        self.out = out
        self.output_dir = output_dir
        self.write_error: OSError | None = None
        self.rows: list[tuple] = []
        self.reports: list[dict] = []
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
        elif self.fmt == "sarif":
            self.reports.append(report)
        else:
            self.reports.append(slim(report, findings=True))
        self.count += 1
        self.rows.append((report["path"], report["score"], report["verdict"], report["error"]))

    def close_json(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")

    def any_error(self) -> bool:
        return any(r[3] for r in self.rows)

    def any_at_or_above(self, threshold: float) -> bool:
        return any(r[1] is not None and r[1] >= threshold for r in self.rows)

    def write_summary(self, weights_version: str) -> None:
        """summary.json, unless a report could not be written (then raise that error)."""
        if self.output_dir is None:
            return
        if self.write_error is not None:
            raise self.write_error
        write_summary(self.output_dir, self.rows, weights_version)
