"""A cache of reports, so a re-run on an unchanged corpus reads reports instead of auditing.

A report is stored under a key made of everything it depends on:

- the bytes of the file (as read, up to ``--max-bytes``) and the path it was
  given as (the report names it);
- the catalogue version: a hash of the rule files, word lists, signals and
  origin data, of user rule files, and of the ids of the rules selected;
- the weights version: a hash of the weights file;
- the options that change a report (``--max-bytes``, ``--site``, whether
  readability is shown);
- the engine: the package version, the names, sizes and times of its source
  files, the Python version and the versions of the libraries that shape a
  report (read from their installed metadata folders' names).

Change any of them and the key changes, so the cache is safe across versions
without ever being cleared. Entries live in the user cache folder
(``$XDG_CACHE_HOME/provenance-audit/reports``, by default
``~/.cache/provenance-audit/reports``); ``PROVENANCE_AUDIT_CACHE=DIR`` moves
it, ``PROVENANCE_AUDIT_CACHE=off`` (or ``--no-cache``) turns it off. Every
entry is written to a temporary file and renamed into place, so concurrent
runs never see half an entry; an unreadable entry counts as a miss. Reports
read from the cache are byte-identical to fresh ones: a report is JSON data
and comes back the same.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import lru_cache
from pathlib import Path

#: Bumped when the layout of an entry changes.
FORMAT = "1"
#: Libraries whose version can change a report.
LIBRARIES = ("beautifulsoup4", "lxml", "charset_normalizer", "ftfy", "langdetect", "phonenumbers", "rapidfuzz", "textstat", "pyphen")


def hash_package_sources(h, suffixes: tuple[str, ...] = (".py",)) -> None:
    """Add the names, sizes and times of the package's source files to ``h``:
    any change to the engine or a kind makes a new key for every cache."""
    h.update(_package_sources(suffixes).encode())


@lru_cache(maxsize=4)
def _package_sources(suffixes: tuple[str, ...]) -> str:
    """The package's source files, one 'name|size|mtime' line each; walked once per
    process (the report, catalogue and expression caches all key on it)."""
    package = os.path.dirname(os.path.abspath(__file__))
    lines = []
    for root, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith(suffixes):
                path = os.path.join(root, name)
                st = os.stat(path)
                lines.append(f"{path[len(package):]}|{st.st_size}|{st.st_mtime_ns}\n")
    return "".join(lines)


def _engine_fingerprint(h) -> None:
    from . import __version__

    h.update(f"format {FORMAT}\nversion {__version__}\npython {sys.version}\n".encode())
    hash_package_sources(h, (".py", ".json"))
    h.update(library_lines().encode())


@lru_cache(maxsize=1)
def library_lines() -> str:
    """'lib NAME' a line for the installed metadata folder of each library in :data:`LIBRARIES`."""
    wanted = {n.lower().replace("-", "_") for n in LIBRARIES}
    seen = set()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and name.split("-")[0].lower().replace("-", "_") in wanted and name not in seen:
                seen.add(name)
    return "".join(f"lib {name}\n" for name in sorted(seen))


def _hash_file(h, path: Path) -> None:
    try:
        data = path.read_bytes()
    except OSError:
        data = b"<unreadable>"
    h.update(f"{path}|{len(data)}\n".encode())
    h.update(data)


def fingerprint(auditor) -> str:
    """The part of every key that does not depend on the file: catalogue, weights, options, engine."""
    h = hashlib.sha256()
    _engine_fingerprint(h)
    catalogue = auditor.catalogue
    directory = Path(catalogue.directory)
    for path in sorted(directory.rglob("*")):
        if path.is_file() and path.suffix in {".toml", ".txt", ".json"}:
            _hash_file(h, path)
    for rule in catalogue.rules:
        h.update(f"rule {rule.id}\n".encode())
        if rule.path and Path(rule.path).parent.parent != directory:
            _hash_file(h, Path(rule.path))  # a user rule file
    weights = auditor.weights
    h.update(f"weights {weights.version}\n".encode())
    if weights.path:
        _hash_file(h, Path(weights.path))
    options = {"max_bytes": auditor.max_bytes, "sites": list(auditor.sites), "readability": bool(auditor.readability)}
    h.update(json.dumps(options, sort_keys=True).encode())
    return h.hexdigest()


def cache_dir() -> Path | None:
    """The user cache folder of provenance-audit (reports, the loaded catalogue,
    compiled expressions, parsed rule files), or None when
    PROVENANCE_AUDIT_CACHE=off: ``$PROVENANCE_AUDIT_CACHE``, else
    ``$XDG_CACHE_HOME/provenance-audit``, else ``~/.cache/provenance-audit``."""
    setting = os.environ.get("PROVENANCE_AUDIT_CACHE", "")
    if setting.lower() in {"off", "0", "no"}:
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "provenance-audit"


def cache_root() -> Path | None:
    """The cache folder, or None when PROVENANCE_AUDIT_CACHE=off."""
    return cache_dir()


class ReportCache:
    """Reports stored by key in ``directory``; every failure is a miss, never an error."""

    def __init__(self, directory: str | Path, fingerprint: str):
        self.directory = Path(directory)
        self.fingerprint = fingerprint
        self.hits = 0
        self.misses = 0

    @classmethod
    def for_auditor(cls, auditor, directory: str | Path | None = None) -> "ReportCache | None":
        """The cache for this auditor's settings, or None when caching is off."""
        root = Path(directory) if directory else cache_root()
        if root is None:
            return None
        return cls(root / "reports", fingerprint(auditor))

    def key(self, path: str, data: bytes) -> str:
        h = hashlib.sha256()
        h.update(self.fingerprint.encode())
        h.update(b"\0" + path.encode("utf-8", "surrogateescape") + b"\0")
        h.update(hashlib.sha256(data).digest())
        return h.hexdigest()

    def _file(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> dict | None:
        try:
            with open(self._file(key), encoding="utf-8") as fh:
                report = json.load(fh)
        except (OSError, ValueError):
            self.misses += 1
            return None
        if not isinstance(report, dict) or "path" not in report:
            self.misses += 1
            return None
        self.hits += 1
        return report

    def put(self, key: str, report: dict) -> None:
        from .output import atomic_file

        try:
            with atomic_file(str(self._file(key))) as fh:
                json.dump(report, fh, ensure_ascii=False, separators=(",", ":"))
        except (OSError, TypeError, ValueError):
            pass  # a full disk or a read-only cache must not fail the audit

    def audit_path(self, auditor, path: str) -> dict:
        """The report for ``path``: from the cache when its bytes and settings were seen, else audited and stored."""
        try:
            with open(path, "rb") as fh:
                data = fh.read(auditor.max_bytes + 1)
        except OSError:
            return auditor.audit_path(path)  # the auditor words the error
        key = self.key(path, data)
        report = self.get(key)
        if report is not None:
            return report
        report = auditor.audit_path(path)
        # store only a report of the bytes hashed (the file may change under us)
        if report.get("error") is None and (report.get("truncated") or report.get("sha256") == hashlib.sha256(data).hexdigest()):
            self.put(key, report)
        return report
