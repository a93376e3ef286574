"""Write: save the reports and the run's summary atomically, under names that cannot collide.

What is printed is rendered by the formats in ``audit/formats/``.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
import os
import re


_INF = float("inf")


def ranked(reports: list[dict]) -> list[dict]:
    """Worst first: highest score, then errors last, ties by path."""
    # two stable passes (by path, then by score) rather than one with a tuple key a report:
    # the same order, without a key tuple for every file of a long run held at once
    out = sorted(reports, key=lambda r: r["path"])
    out.sort(key=lambda r: _INF if r["score"] is None else -r["score"])
    return out


TEMP_PREFIX = ".tmp-"
#: present while a run writes into an output folder; gone once its summary is written
RUN_MARKER = ".run-in-progress"
SUMMARY = "summary.json"
#: report names no input may take at the top of the output folder
_RESERVED = {"summary", "stdin"}
_MAX_COMPONENT = 200  # bytes; file systems allow 255
_SAFE = re.compile(r"[\w@+.-]")


@contextmanager
def atomic_file(path: str, binary: bool = False):
    """A file to write ``path`` through: a temporary file in the same folder,
    renamed over ``path`` when the block ends, removed if it fails. Never
    half-written. The temporary name carries the process id, so a later run
    can tell a temporary file left by a killed run from one a live run is
    writing. The file gets the permissions the umask gives any new file.
    """
    import tempfile

    directory = os.path.dirname(path) or "."
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", dir=directory)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"})) as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def atomic_write(path: str, text: str) -> None:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_file`)."""
    with atomic_file(path) as fh:
        fh.write(text)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _encode_component(part: str, last: bool) -> str:
    """Percent-encode one path component: reversible, and never hidden or a temporary name."""
    out = []
    for i, ch in enumerate(part):
        if _SAFE.match(ch) and not (i == 0 and ch == ".") and not "\ud800" <= ch <= "\udfff":
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in os.fsencode(ch)))
    name = "".join(out)
    if not last and name.endswith(".json"):
        name = name[:-5] + "%2Ejson"  # a folder cannot take the name of a report
    limit = _MAX_COMPONENT - (5 if last else 0)
    if len(name.encode("utf-8")) > limit:
        import hashlib

        digest = hashlib.sha256(part.encode("utf-8", "surrogateescape")).hexdigest()[:16]
        keep = name.encode("utf-8")[: limit - 17].decode("utf-8", "ignore")
        cut = keep.rfind("%", len(keep) - 2)
        if cut != -1:
            keep = keep[:cut]  # never half of a %XX
        name = f"{keep}~{digest}"  # '~' is always encoded otherwise: a shortened name is told apart
    return name


def report_name(path: str) -> str:
    """The report file name for an input path, relative to the output folder.

    A reversible mapping (percent-encoding of every character but letters,
    digits and ``_ @ + . -``), so two inputs never share a report: ``a b.txt``
    is ``a%20b.txt.json``, ``a_b.txt`` is ``a_b.txt.json``. ``..`` becomes
    ``%2E%2E``, an absolute path starts with a ``%2F`` folder, a leading dot
    is encoded (no report is hidden or looks like a temporary file), the
    top-level names ``summary`` and ``stdin`` are encoded (``summary.json``
    and ``stdin.json`` are the run's own), and a component longer than 200
    bytes is shortened with a hash of its full name.
    """
    if path == "-":
        return "stdin.json"
    norm = os.path.normpath(path).replace("\\", "/")
    parts = [p for p in norm.split("/") if p not in ("", ".")]
    if norm.startswith("/"):
        parts.insert(0, "\x00root")
    if not parts:
        parts = ["."]
    encoded = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "\x00root":
            encoded.append("%2F")
        elif part == "..":
            encoded.append("%2E%2E")
        else:
            name = _encode_component(part, last)
            if i == 0 and name in _RESERVED:
                name = "%{:02X}".format(ord(name[0])) + name[1:]
            encoded.append(name)
    return "/".join(encoded) + ".json"


def summary(reports: list[dict], weights_version: str, clusters: list[dict] | None = None,
            written: dict[str, str] | None = None, failures: dict[str, str] | None = None) -> dict:
    """The run's summary. With ``written`` (report name -> SHA-256 of the report
    file), each entry records its report's hash and ``run`` identifies the
    run, so a reader can tell the reports this run wrote from any left by a
    later run that was interrupted."""
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
    if written is not None:
        import hashlib

        run = hashlib.sha256()
        for entry in out["ranking"]:
            name = entry["report"]
            entry["report_sha256"] = written.get(name)
            if failures and name in failures:
                entry["write_error"] = failures[name]
            run.update(f"{name}\0{written.get(name)}\n".encode("utf-8", "surrogateescape"))
        out["run"] = run.hexdigest()[:16]
        out["complete"] = not failures
    return out


class UnsafeOutput(OSError):
    """A report would be written through a symbolic link inside the output folder."""


def _safe_parent(directory: str, name: str) -> str:
    """Create the folders of ``name`` under ``directory``; refuse any symbolic link among them."""
    current = directory
    for part in name.split("/")[:-1]:
        current = os.path.join(current, part)
        try:
            st = os.lstat(current)
        except FileNotFoundError:
            os.mkdir(current)
            continue
        import stat

        if stat.S_ISLNK(st.st_mode):
            raise UnsafeOutput(f"{current} is a symbolic link inside the output folder; not followed")
        if not stat.S_ISDIR(st.st_mode):
            raise UnsafeOutput(f"{current} is not a folder")
    target = os.path.join(directory, name)
    if os.path.isdir(target) and not os.path.islink(target):
        raise UnsafeOutput(f"{target} is a folder; not replaced")
    return target  # a symbolic link there is replaced by the report, not followed


def clean_stale_temporaries(directory: str) -> int:
    """Remove temporary files a killed run left in ``directory``; returns how many.

    A temporary file is stale when the process that made it is gone (or it
    is a day old). Symbolic links are not followed.
    """
    import time

    removed = 0
    now = time.time()
    for root, _dirs, files in os.walk(directory, followlinks=False):
        for name in files:
            if not name.startswith(TEMP_PREFIX):
                continue
            path = os.path.join(root, name)
            pid_text = name[len(TEMP_PREFIX):].split("-", 1)[0]
            alive = False
            if pid_text.isdigit() and int(pid_text) != os.getpid():
                try:
                    os.kill(int(pid_text), 0)
                    alive = True
                except ProcessLookupError:
                    alive = False
                except OSError:
                    alive = True  # exists, owned by someone else
            try:
                if not alive or now - os.lstat(path).st_mtime > 86400:
                    os.unlink(path)
                    removed += 1
            except OSError:
                pass
    return removed


def write_reports(directory: str, reports: list[dict], weights_version: str, clusters: list[dict] | None = None) -> dict[str, str]:
    """Write one report per input and then ``summary.json``; returns failures (path -> reason).

    While the run writes, ``.run-in-progress`` marks the folder; the summary
    comes last and records the SHA-256 of every report it wrote, so after a
    kill the folder says what is complete. A report that cannot be written
    (a name the file system refuses, a symbolic link in the way) is reported
    for its file and the others go on. Temporary files left by killed runs
    are removed first.
    """
    from .runstore import Row

    writer = ReportWriter(directory)
    writer.begin()
    rows = []
    for r in reports:
        row = Row(r, len(rows))
        writer.add(r, row)
        rows.append(row)
    return writer.finish(rows, weights_version, clusters)


class ReportWriter:
    """:func:`write_reports` a report at a time: a run writes each report as it
    comes and keeps only its row (:class:`audit.runstore.Row`: the report's
    name and SHA-256, or why it was not written), then :meth:`finish` writes
    ``summary.json`` from the rows. The files are those ``write_reports``
    writes, byte for byte."""

    def __init__(self, directory: str):
        self.directory = directory
        self.failed = 0

    def begin(self) -> None:
        os.makedirs(self.directory, exist_ok=True)
        clean_stale_temporaries(self.directory)
        atomic_write(os.path.join(self.directory, RUN_MARKER), f"{os.getpid()}\n")

    def add(self, report: dict, row) -> None:
        import hashlib

        from .report import dumps  # on use: ranking and atomic writes load no engine

        name = report_name(report["path"])
        row.report = name
        text = dumps(report)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a file name that is not UTF-8: escape it in the JSON
            text = json.dumps(report, ensure_ascii=True, indent=2) + "\n"
        try:
            atomic_write(_safe_parent(self.directory, name), text)
        except OSError as exc:
            row.write_error = str(exc) if isinstance(exc, UnsafeOutput) else (exc.strerror or str(exc))
            self.failed += 1
            return
        row.report_sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()

    def finish(self, rows: list, weights_version: str, clusters: list[dict] | None = None) -> dict[str, str]:
        """Write ``summary.json`` for ``rows`` and clear the run marker; returns failures (path -> reason)."""
        with atomic_file(os.path.join(self.directory, SUMMARY)) as fh:
            for piece in _summary_pieces(rows, weights_version, clusters):
                fh.write(piece)
        try:
            os.unlink(os.path.join(self.directory, RUN_MARKER))
        except OSError:
            pass
        return {r.path: r.write_error for r in rows if r.write_error is not None}


def _summary_pieces(rows: list, weights_version: str, clusters: list[dict] | None):
    """The text of ``summary(rows, …, written, failures)`` in pieces, one ranking entry at a time."""
    import hashlib

    order = ranked(rows)
    run = hashlib.sha256()
    for r in order:
        run.update(f"{r.report}\0{r.report_sha256}\n".encode("utf-8", "surrogateescape"))
    head = {
        "schema_version": "1",
        "weights_version": weights_version,
        "files": len(rows),
        "verdicts": {v: sum(1 for r in rows if r.verdict == v) for v in ("flagged", "review", "clean")},
        "errors": sum(1 for r in rows if r.error),
        "ranking": [],
    }
    if clusters is not None:
        head["clusters"] = clusters
    head["run"] = run.hexdigest()[:16]
    head["complete"] = not any(r.write_error is not None for r in rows)
    text = json.dumps(head, ensure_ascii=False, indent=2) + "\n"
    marker = '\n  "ranking": []'
    cut = text.index(marker) + len(marker) - 2
    yield text[:cut]
    if not order:
        yield "[]"
    for i, r in enumerate(order):
        entry = {"path": r.path, "score": r.score, "verdict": r.verdict, "report": r.report, "error": r.error,
                 "report_sha256": r.report_sha256}
        if r.write_error is not None:
            entry["write_error"] = r.write_error
        yield ("[\n    " if i == 0 else ",\n    ") + json.dumps(entry, ensure_ascii=False, indent=2).replace("\n", "\n    ")
    if order:
        yield "\n  ]"
    yield text[cut + 2:]


def output_state(directory: str) -> dict:
    """What an output folder holds: whether its last run finished, and which
    reports are the summary's (``current``), changed since (``stale``: a later
    run was interrupted), missing, or not in the summary at all (``unlisted``)."""
    import hashlib

    state = {"complete": not os.path.exists(os.path.join(directory, RUN_MARKER)),
             "current": [], "stale": [], "missing": [], "unlisted": []}
    try:
        with open(os.path.join(directory, SUMMARY), encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        data = {"ranking": []}
        state["complete"] = False
    listed = {}
    for entry in data.get("ranking", []):
        listed[entry["report"]] = entry.get("report_sha256")
    for name, digest in listed.items():
        try:
            with open(os.path.join(directory, name), "rb") as fh:
                actual = hashlib.sha256(fh.read()).hexdigest()
        except OSError:
            state["missing"].append(name)
            continue
        state["current" if actual == digest else "stale"].append(name)
    for root, _dirs, files in os.walk(directory, followlinks=False):
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), directory).replace(os.sep, "/")
            if f.endswith(".json") and rel != SUMMARY and not f.startswith(".") and rel not in listed:
                state["unlisted"].append(rel)
    for key in ("current", "stale", "missing", "unlisted"):
        state[key].sort()
    return state
