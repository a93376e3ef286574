"""Which files a scan reads: paths and directories, walked safely."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass

from .inputformats import default_include

#: the globs a directory walk reads by default, from the registry of input formats (at import)
DEFAULT_INCLUDE = default_include()


@dataclass
class Inputs:
    files: list[str]
    problems: list[tuple[str, str]]  # (path, reason) for paths that are not files to audit


def _matches(path: str, patterns) -> bool:
    name = os.path.basename(path)
    return any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(path, p) for p in patterns)


def collect(paths: list[str], include=None, exclude=None) -> Inputs:
    """Expand ``paths`` into a sorted, de-duplicated list of files.

    Files named directly are always audited (their format is sniffed);
    directories are walked recursively for files matching ``include`` (by
    default the walked suffixes of :mod:`audit.inputformats`) and not
    ``exclude``. Hidden directories are skipped; symbolic links are followed
    once, and a link that leads back into a directory already walked (a loop)
    is reported as a problem instead of followed.
    """
    include = tuple(include) if include else default_include()
    exclude = tuple(exclude or ())
    files: list[str] = []
    problems: list[tuple[str, str]] = []
    seen_files: set[str] = set()

    def add(path: str) -> None:
        key = os.path.normpath(path)
        if key not in seen_files:
            seen_files.add(key)
            files.append(path)

    for path in paths:
        if path == "-":
            add(path)
            continue
        if os.path.isdir(path):
            _walk(path, include, exclude, add, problems)
        elif os.path.lexists(path):
            if exclude and _matches(path, exclude):
                continue
            add(path)
        else:
            problems.append((path, "no such file or directory"))
    return Inputs(files, problems)


def _walk(top: str, include, exclude, add, problems) -> None:
    visited: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        directory = stack.pop()
        try:
            st = os.stat(directory)
        except OSError as exc:
            problems.append((directory, f"cannot open directory: {exc.strerror}"))
            continue
        key = (st.st_dev, st.st_ino)
        if key in visited:
            problems.append((directory, "symbolic link loop: directory already walked, skipped"))
            continue
        visited.add(key)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            problems.append((directory, f"cannot list directory: {exc.strerror}"))
            continue
        subdirs = []
        for entry in entries:
            path = os.path.join(directory, entry.name)
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()  # follows links
            except OSError:
                is_dir = False
            if is_dir:
                if not (exclude and _matches(path, exclude)):
                    subdirs.append(path)
                continue
            if entry.is_symlink() and not os.path.exists(path):
                problems.append((path, "broken symbolic link"))
                continue
            if _matches(path, include) and not (exclude and _matches(path, exclude)):
                add(path)
        stack.extend(reversed(subdirs))
