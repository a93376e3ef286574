"""Compiled regular expressions kept across runs, as ``__pycache__`` keeps compiled code.

A short run spends most of its time compiling regular expressions with
Python's ``re`` (the catalogue's patterns, and the tables of the kinds, the
HTML reader and the origin data): ``re`` parses a pattern and generates its
code in Python, then hands the code to the C engine. This module keeps that
code: at the end of a ``scan`` the patterns ``re`` compiled (its own cache,
``re._cache``) are written with their code to one file in the cache folder;
the next run hands the code straight to the engine (``_sre.compile``, what
``re`` itself calls last) and puts the patterns in ``re``'s cache, so
``re.compile`` of the same pattern and flags returns them without compiling.

A pattern made this way is equal to the one ``re`` makes (``Pattern.__eq__``
compares the pattern, flags and code; the tests check it) and the engine
validates the code it is given. The file is named by the Python version and
the engine's source files (so it never mixes interpreters or code
versions), holds at most :data:`LIMIT` patterns (``re``'s own cache size),
is written to a temporary name and renamed, and is rewritten only when a run
compiled patterns it did not hold. Anything unexpected (another Python
whose ``re`` works differently, a damaged file) turns it off for the run:
``re`` then compiles as usual. ``PROVENANCE_AUDIT_CACHE=off`` turns it off.
"""

from __future__ import annotations

import os
import re
import sys

#: The most patterns kept: the size of ``re``'s own cache.
LIMIT = getattr(re, "_MAXCACHE", 512)
FORMAT = "1"

_loaded: set | None = None  # the keys this run read from the file; None: not primed
_file: str | None = None


def _supported() -> bool:
    try:
        import _sre
        from re import _compiler, _parser  # noqa: F401
    except ImportError:
        return False
    return (sys.implementation.name == "cpython" and isinstance(getattr(re, "_cache", None), dict)
            and hasattr(_sre, "compile") and hasattr(_compiler, "_code") and hasattr(_parser, "parse"))


def _path() -> str | None:
    from .cache import cache_dir, hash_package_sources

    root = cache_dir()
    if root is None or not _supported():
        return None
    import hashlib

    from . import __version__

    h = hashlib.sha256(f"re {FORMAT}\n{__version__}\n{sys.version}\n".encode())
    hash_package_sources(h)
    return str(root / "re" / f"{h.hexdigest()[:40]}.pickle")


def prime() -> int:
    """Put the patterns of the last runs in ``re``'s cache; returns how many."""
    global _loaded, _file
    if _loaded is not None:
        return len(_loaded)
    _loaded = set()
    try:
        _file = _path()
    except OSError:
        _file = None
    if _file is None:
        return 0
    import pickle

    try:
        import _sre

        with open(_file, "rb") as fh:
            entries = pickle.load(fh)
        cache = re._cache
        for pattern, flags, engine_flags, code, groups, groupindex, indexgroup in entries:
            key = (type(pattern), pattern, flags)
            if key not in cache and len(cache) < LIMIT:
                cache[key] = _sre.compile(pattern, engine_flags, code, groups, groupindex, indexgroup)
            _loaded.add(key)
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a damaged or foreign file: compile as usual
        _loaded = set()
    return len(_loaded)


def _entry(pattern, flags: int):
    """What ``re._compiler.compile`` hands to the engine for ``pattern``."""
    from re import _compiler, _parser

    p = _parser.parse(pattern, flags)
    code = [int(x) for x in _compiler._code(p, flags)]
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (pattern, flags, flags | p.state.flags, code, p.state.groups - 1, groupindex, tuple(indexgroup))


def save() -> int:
    """Write the patterns ``re`` holds now when some are new to the file; returns how many were added."""
    if _loaded is None or _file is None or len(_loaded) >= LIMIT:
        return 0
    fresh = [k for k in list(re._cache) if k not in _loaded and isinstance(k[2], int) and not k[2] & re.DEBUG
             and isinstance(k[1], (str, bytes))][: LIMIT - len(_loaded)]
    if not fresh:
        return 0
    import pickle

    from .output import atomic_file

    try:
        entries = []
        if os.path.exists(_file):
            with open(_file, "rb") as fh:
                entries = [e for e in pickle.load(fh) if (type(e[0]), e[0], e[1]) in _loaded]
        entries += [_entry(k[1], k[2]) for k in fresh]
        os.makedirs(os.path.dirname(_file), exist_ok=True)
        with atomic_file(_file, binary=True) as fh:
            pickle.dump(entries[:LIMIT], fh, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is simply not used
        return 0
    _loaded.update(fresh)
    return len(fresh)
