"""A ``scan`` answered from the report cache before the engine loads.

A pre-commit hook runs ``scan --no-output --quiet`` on the files a commit
touches, and most of the time it has seen them before (an amended commit, a
rebase, a hook run again after a failure, files staged again unchanged).
Their reports are in the report cache (:mod:`audit.cache`), but finding one
needs the cache's fingerprint, which is made from the loaded catalogue and
weights: the engine would load just to look a report up. This module keeps,
for each set of options, what the fingerprint was, under a key computable
from cheap facts, so a run whose reports are all cached reads them and prints
without importing the engine or loading the catalogue.

The key (an "entry" of ``<cache>/fast``) is made of the package version, the
Python version and prefix, the names, sizes and times of the package's source
files (as the other caches have them), the installed versions of the
libraries that shape a report, the working folder, every option given but the
paths, and the path and bytes of the configuration file. The entry holds the
configuration as loaded, the report cache's fingerprint, the weights'
thresholds and version, the byte limit and any warning the engine printed,
with the names, sizes and times of every file of the rules folder, of user
rule files and of the weights file (taken after the configuration applies, as
it may name them): a run whose files differ from those is not answered here.
Each input file is read and hashed as :meth:`audit.cache.ReportCache.key`
does; one report missing, or anything unexpected, and the run goes the usual
way (which audits, stores the reports and writes the entry). Reports printed
this way are the cached reports, which are byte-identical to fresh ones.

Only the plain case is answered: ``scan --no-output`` in the text, JSON,
JSON Lines or GitHub format, of files with the default suffixes, without
standard input, copies, addresses, a reference index or a baseline. Like the
other caches, a file changed in place within the file system's time
resolution without changing size goes unnoticed until the next change.
"""

from __future__ import annotations

import json
import os
import sys

#: Bumped when the entry's layout changes.
FORMAT = "1"
FORMATS = ("text", "json", "jsonl", "github")
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml")


def eligible(args) -> bool:
    """Whether a run with these options can be answered from the cache."""
    return (getattr(args, "command", None) == "scan" and args.no_output and not args.no_cache
            and args.format in FORMATS and not args.explain and not args.baseline and not args.urls
            and not args.copies and not args.reference and "-" not in args.paths)


def _key(args, config_path, config_bytes: bytes) -> str:
    import hashlib

    from .. import __version__
    from ..cache import _package_sources, library_lines

    h = hashlib.sha256(f"fast {FORMAT}\n{__version__}\n{sys.version}\n{sys.prefix}\n{os.getcwd()}\n".encode())
    h.update(_package_sources((".py", ".json")).encode())
    h.update(library_lines().encode())
    options = {k: v for k, v in vars(args).items() if k != "paths" and not k.startswith("_")}
    h.update(json.dumps(options, sort_keys=True, default=str).encode())
    h.update(f"\nconfig {config_path}|{len(config_bytes)}\n".encode("utf-8", "surrogateescape"))
    h.update(config_bytes)
    return h.hexdigest()


def rules_dir() -> str:
    """The shipped rules folder, as :func:`audit.catalogue.rules_dir` finds it (checked when an entry is written)."""
    here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    installed = os.path.join(here, "rules")
    if os.path.isfile(os.path.join(installed, "weights.toml")):
        return installed
    return os.path.join(os.path.dirname(here), "rules")


def _stat_tree(lines: list, top: str) -> None:
    st = os.stat(top)
    if not os.path.isdir(top):
        lines.append(f"{top}|{st.st_size}|{st.st_mtime_ns}")
        return
    for root, dirs, files in os.walk(top):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            st = os.stat(path)
            lines.append(f"{path}|{st.st_size}|{st.st_mtime_ns}")


def facts(args) -> str:
    """Names, sizes and times of the rules folder, the user rule files and the weights file."""
    lines: list[str] = []
    _stat_tree(lines, rules_dir())
    for item in getattr(args, "rules", None) or []:
        lines.append(f"rules {os.path.realpath(item)}")
        _stat_tree(lines, os.path.realpath(item))
    if getattr(args, "weights", None):
        lines.append(f"weights {os.path.realpath(args.weights)}")
        _stat_tree(lines, os.path.realpath(args.weights))
    return "\n".join(lines)


def _entry_path(root, key: str) -> str:
    return os.path.join(str(root), "fast", f"{key[:40]}.json")


def answer(args) -> int | None:
    """The exit status of a run answered from the cache, or None (nothing printed) to run the usual way."""
    if not eligible(args):
        return None
    try:
        found = _lookup(args)
    except Exception:  # noqa: BLE001 - anything unexpected: the usual way, which words any error
        return None
    if found is None:
        return None
    work, entry, inputs, reports = found
    from types import SimpleNamespace

    from ..formats import renderer
    from .scan import _report, _Run

    for warning in entry["warnings"]:
        print(warning, file=sys.stderr)
    weights = SimpleNamespace(flagged=entry["flagged"], review=entry["review"], version=entry["version"], path=None)
    auditor = SimpleNamespace(catalogue=None, weights=weights, max_bytes=entry["max_bytes"])
    scan = _Run(work, auditor)
    try:
        for report in reports:
            scan.add(report)
        return _report(scan, renderer(work.format), inputs, False)
    finally:
        scan.store.close()


def _lookup(args):
    from pathlib import Path

    from ..cache import ReportCache, cache_dir

    root = cache_dir()
    if root is None:
        return None
    from ..config import find_config

    config_path = Path(args.config) if args.config else find_config()
    config_bytes = config_path.read_bytes() if config_path is not None else b""
    key = _key(args, config_path, config_bytes)
    args._fast_entry = _entry_path(root, key)  # where the usual way writes the entry
    try:
        with open(args._fast_entry, encoding="utf-8") as fh:
            entry = json.load(fh)
    except (OSError, ValueError):
        return None
    import copy

    from ..config import apply_config

    work = copy.copy(args)
    apply_config(work, entry["config"])
    if facts(work) != entry["facts"]:
        return None
    from ..inputs import collect

    inputs = collect(work.paths, work.include, work.exclude)
    if inputs.problems or not inputs.files or not all(p.lower().endswith(SUFFIXES) for p in inputs.files):
        return None
    cache = ReportCache(root / "reports", entry["fingerprint"])
    reports = []
    for path in inputs.files:
        with open(path, "rb") as fh:
            data = fh.read(entry["max_bytes"] + 1)
        report = cache.get(cache.key(path, data))
        if report is None:
            return None
        reports.append(report)
    return work, entry, inputs, reports


def remember(args, auditor, fingerprint: str) -> None:
    """After the usual way built the auditor: write the entry a later run with these options looks up."""
    where = getattr(args, "_fast_entry", None)
    if where is None or not eligible(args):
        return
    try:
        weights = auditor.weights
        if os.path.realpath(str(auditor.catalogue.directory)) != os.path.realpath(rules_dir()):
            return  # the catalogue is not where facts() looks
        expected = os.path.realpath(args.weights) if args.weights else os.path.join(rules_dir(), "weights.toml")
        if weights.path is None or os.path.realpath(str(weights.path)) != os.path.realpath(expected):
            return
        entry = {"format": FORMAT, "facts": facts(args), "fingerprint": fingerprint,
                 "config": getattr(args, "_config", {}), "flagged": weights.flagged, "review": weights.review,
                 "version": weights.version, "max_bytes": auditor.max_bytes,
                 "warnings": list(getattr(args, "_warnings", []))}
        text = json.dumps(entry, sort_keys=True)
        try:
            with open(where, encoding="utf-8") as fh:
                if fh.read() == text:
                    return
        except OSError:
            pass
        from ..output import atomic_file

        with atomic_file(where) as fh:
            fh.write(text)
    except Exception:  # noqa: BLE001 - an entry that cannot be written is simply not used
        pass
