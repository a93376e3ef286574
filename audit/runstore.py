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
import struct

#: Runs of up to this many files keep their reports in memory (a pre-commit run
#: never touches the disk); past it every report goes to the spill file.
IN_MEMORY = 256

_VERDICTS = {v: v for v in ("flagged", "review", "clean")}


_SCORE_KEYS: dict[tuple, tuple] = {}  # one tuple of sub-score names shared by every row that has them
_HEAD = struct.Struct("<qdB")  # slot, score, flags
_DEFAULT_NAME, _HAS_SHA = 1, 2


class Row:
    """What a run keeps of one report; reads like the report for the fields it has.

    Kept small, as a run holds one per file: the slot, score, sub-score values
    and the report's SHA-256 packed in one bytes object beside the path, the
    verdict and a shared tuple of sub-score names; the report's name in the
    output folder is a flag when it is the one :func:`audit.output.report_name`
    gives; what is rare (an error, no score, a name of its own) in a dict."""

    __slots__ = ("path", "verdict", "_keys", "_packed", "_extra")

    def __init__(self, report: dict, slot: int):
        self.path = report["path"]
        verdict = report["verdict"]
        self.verdict = _VERDICTS.get(verdict, verdict)
        extra = {}
        if report["error"] is not None:
            extra["error"] = report["error"]
        score = report["score"]
        if not isinstance(score, float):
            extra["score"] = score
            score = 0.0
        scores = report.get("scores")
        values: tuple = ()
        keys = None
        if scores and all(isinstance(v, float) for v in scores.values()):
            keys = tuple(scores)
            keys = _SCORE_KEYS.setdefault(keys, keys)
            values = tuple(scores.values())
        elif "scores" in report:
            extra["scores"] = tuple(scores.items()) if scores else scores
        else:
            extra["scores"] = None
        self._keys = keys
        self._extra = extra or None
        self._packed = _HEAD.pack(slot, score, 0) + struct.pack(f"<{len(values)}d", *values)

    def _head(self) -> tuple:
        return _HEAD.unpack_from(self._packed)

    def _set_extra(self, key: str, value) -> None:
        if self._extra is None:
            self._extra = {}
        self._extra[key] = value

    def _get_extra(self, key: str, default=None):
        return default if self._extra is None else self._extra.get(key, default)

    @property
    def slot(self) -> int:
        """Where the report is: an index in memory, or an offset in the spill file."""
        return self._head()[0]

    @slot.setter
    def slot(self, value: int) -> None:
        _, score, flags = self._head()
        self._packed = _HEAD.pack(value, score, flags) + self._packed[_HEAD.size:]

    @property
    def score(self):
        if self._extra is not None and "score" in self._extra:
            return self._extra["score"]
        return self._head()[1]

    @property
    def error(self):
        return self._get_extra("error")

    @property
    def write_error(self):
        return self._get_extra("write_error")

    @write_error.setter
    def write_error(self, value) -> None:
        self._set_extra("write_error", value)

    @property
    def scores(self):
        """The sub-scores as (name, value) pairs (or the report's own falsy value)."""
        if self._keys is None:
            return self._get_extra("scores")
        n = len(self._keys)
        return tuple(zip(self._keys, struct.unpack_from(f"<{n}d", self._packed, _HEAD.size)))

    @property
    def report(self) -> str | None:
        """The report's name in the output folder, once written."""
        if self._head()[2] & _DEFAULT_NAME:
            from .output import report_name

            return report_name(self.path)
        return self._get_extra("report")

    @report.setter
    def report(self, name: str | None) -> None:
        from .output import report_name

        slot, score, flags = self._head()
        flags &= ~_DEFAULT_NAME
        if name is not None and name == report_name(self.path):
            flags |= _DEFAULT_NAME  # computed again when read
            name = None
        if self._extra is not None:
            self._extra.pop("report", None)
        if name is not None:
            self._set_extra("report", name)
        self._packed = _HEAD.pack(slot, score, flags) + self._packed[_HEAD.size:]

    @property
    def report_sha256(self) -> str | None:
        if not self._head()[2] & _HAS_SHA:
            return None
        return self._packed[-32:].hex()

    @report_sha256.setter
    def report_sha256(self, digest: str | None) -> None:
        slot, score, flags = self._head()
        body = self._packed[_HEAD.size:]
        if flags & _HAS_SHA:
            body = body[:-32]
        flags = (flags | _HAS_SHA) if digest is not None else (flags & ~_HAS_SHA)
        self._packed = _HEAD.pack(slot, score, flags) + body + (bytes.fromhex(digest) if digest is not None else b"")

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
