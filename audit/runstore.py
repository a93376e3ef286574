"""The reports of a run, kept on disk: memory stays flat in the number of files.

A scan adds each report to a :class:`ReportStore` as it comes. The store
keeps in memory only a :class:`Row` per file (path, score, verdict, error,
sub-scores: what the summary ranks, the formats count and the filters read);
the report itself goes to a spill file once the run passes
:data:`IN_MEMORY` files, and is read back when a format prints it. A
:class:`StoredReports` is a sequence of reports backed by rows: ranking,
filtering and ordering it moves rows only, and iterating it reads one report
at a time.
"""

from __future__ import annotations

import json

#: Runs of up to this many files keep their reports in memory (a pre-commit run
#: never touches the disk); past it every report goes to the spill file.
IN_MEMORY = 256

_VERDICTS = {v: v for v in ("flagged", "review", "clean")}


_SCORE_KEYS: dict[tuple, tuple] = {}  # one tuple of sub-score names shared by every row that has them


class Row:
    """What a run keeps of one report; reads like the report for the fields it has.

    Kept small, as a run holds one per file: the sub-scores as a tuple of
    values beside a shared tuple of their names, the report's name in the
    output folder as a flag when it is the one :func:`audit.output.report_name`
    gives, and its SHA-256 as the 32 bytes of the digest."""

    __slots__ = ("path", "score", "verdict", "error", "_score_keys", "_score_values", "slot", "_report", "_sha256",
                 "write_error")

    def __init__(self, report: dict, slot: int):
        self.path = report["path"]
        self.score = report["score"]
        verdict = report["verdict"]
        self.verdict = _VERDICTS.get(verdict, verdict)
        self.error = report["error"]
        scores = report.get("scores")
        if scores:
            keys = tuple(scores)
            self._score_keys = _SCORE_KEYS.setdefault(keys, keys)
            self._score_values = tuple(scores.values())
        else:
            self._score_keys, self._score_values = None, scores
        self.slot = slot  # where the report is: an index in memory, or an offset in the spill file
        self._report = None  # its name in the output folder, once written
        self._sha256 = None
        self.write_error = None

    @property
    def scores(self):
        """The sub-scores as (name, value) pairs (or the report's own falsy value)."""
        if self._score_keys is None:
            return self._score_values
        return tuple(zip(self._score_keys, self._score_values))

    @property
    def report(self) -> str | None:
        if self._report is True:
            from .output import report_name

            return report_name(self.path)
        return self._report

    @report.setter
    def report(self, name: str | None) -> None:
        if name is not None:
            from .output import report_name

            if name == report_name(self.path):
                name = True  # computed again when read
        self._report = name

    @property
    def report_sha256(self) -> str | None:
        return None if self._sha256 is None else self._sha256.hex()

    @report_sha256.setter
    def report_sha256(self, digest: str | None) -> None:
        self._sha256 = None if digest is None else bytes.fromhex(digest)

    def __getitem__(self, key: str):
        if key == "scores":
            return dict(self.scores) if self.scores else self.scores
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None

    def get(self, key: str, default=None):
        try:
            return self[key]
        except KeyError:
            return default


class ReportStore:
    """Reports added one by one; rows in memory, reports in memory or in a spill file."""

    def __init__(self, in_memory: int | None = None):
        self.rows: list[Row] = []
        self._held: list[dict] | None = []
        self._limit = IN_MEMORY if in_memory is None else in_memory
        self._spill = None

    def __len__(self) -> int:
        return len(self.rows)

    def add(self, report: dict) -> Row:
        if self._held is not None and len(self._held) >= self._limit:
            self._start_spill()
        if self._held is not None:
            row = Row(report, len(self._held))
            self._held.append(report)
        else:
            row = Row(report, self._write(report))
        self.rows.append(row)
        return row

    def _start_spill(self) -> None:
        import tempfile

        self._spill = tempfile.TemporaryFile()  # removed when closed, or when the process ends
        held, self._held = self._held, None
        for row in self.rows:
            row.slot = self._write(held[row.slot])

    def _write(self, report: dict) -> int:
        fh = self._spill
        fh.seek(0, 2)
        offset = fh.tell()
        # ASCII: a path that is not UTF-8 (lone surrogates) comes back as it was
        fh.write(json.dumps(report, separators=(",", ":")).encode("ascii") + b"\n")
        return offset

    def load(self, row: Row) -> dict:
        """The report of ``row`` (read back from the spill file once the run spilled)."""
        if self._held is not None:
            return self._held[row.slot]
        self._spill.seek(row.slot)
        return json.loads(self._spill.readline())

    def reports(self) -> "StoredReports":
        return StoredReports(self, self.rows)

    def close(self) -> None:
        if self._spill is not None:
            self._spill.close()
            self._spill = None


class StoredReports:
    """A sequence of a store's reports, in the order of ``rows``; each read on access."""

    def __init__(self, store: ReportStore, rows: list[Row]):
        self.store = store
        self.rows = rows

    def view(self, rows: list[Row]) -> "StoredReports":
        """The same store's reports in another selection or order."""
        return StoredReports(self.store, rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __bool__(self) -> bool:
        return bool(self.rows)

    def __iter__(self):
        load = self.store.load
        for row in self.rows:
            yield load(row)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.view(self.rows[index])
        return self.store.load(self.rows[index])


def rows_of(reports):
    """The rows behind ``reports`` when it is a :class:`StoredReports`, else None."""
    return reports.rows if isinstance(reports, StoredReports) else None
