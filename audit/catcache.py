"""The loaded catalogue, cached: a pre-commit run reads one file instead of parsing, checking and preparing every rule.

Loading the catalogue parses some 140 TOML files, checks each rule and
prepares it (every pattern parsed for the literals the prefilter needs,
word lists read): most of a short run's start-up. Once a catalogue has
loaded without error, it is pickled (before any text is audited, so no
compiled expression or per-run state is in it; each pattern's engine is
decided first, so its parse tree need not be kept) under the cache folder
(:func:`audit.cache.cache_dir`), named by a key made of:

- the package version and the names, sizes and times of its source files
  (any change to the engine or to a kind makes a new key);
- the Python version (pickles and ``re`` parse trees are per version);
- the folder and the bytes of every file of the rules folder (rules, word
  lists, signals), and of every user rule file given with ``--rules``.

A later load with the same key unpickles it. A missing, damaged or
unreadable entry, or any error while unpickling, falls back to loading
from the rule files; an entry is written to a temporary name and renamed,
so concurrent runs never see half of one. ``PROVENANCE_AUDIT_CACHE=off``
turns it off. The cache folder is the user's own, as Python's ``__pycache__``
is: an entry is trusted as code is.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from .cache import hash_package_sources

#: Bumped when what is cached changes shape.
FORMAT = "1"


def _key(directory: Path, extra: list) -> str | None:
    from . import __version__

    h = hashlib.sha256(f"catalogue {FORMAT}\n{__version__}\n{sys.version}\n{directory.resolve()}\n".encode())
    hash_package_sources(h)
    try:
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            _file(h, path)
        for item in extra:
            item = Path(item)
            for path in sorted(item.rglob("*.toml")) if item.is_dir() else [item]:
                _file(h, path)
    except OSError:
        return None  # an unreadable file: load the slow way, which words the error
    return h.hexdigest()


def _file(h, path: Path) -> None:
    if not path.is_file():  # a FIFO would block; load_catalogue refuses it with its own words
        raise OSError(f"{path}: not a regular file")
    data = path.read_bytes()
    h.update(f"{path}|{len(data)}\n".encode("utf-8", "surrogateescape"))
    h.update(data)


def _entry(key: str) -> Path | None:
    from .cache import cache_dir

    root = cache_dir()
    return None if root is None else root / "catalogue" / f"{key[:40]}.pickle"


def load(directory: Path, extra: list, build):
    """The catalogue ``build(directory, extra)`` returns, from the cache when it holds it."""
    key = _key(directory, extra) if _entry("0" * 40) is not None else None
    entry = _entry(key) if key else None
    if entry is not None:
        import pickle

        try:
            with open(entry, "rb") as fh:
                catalogue = pickle.load(fh)
            if type(catalogue).__name__ == "Catalogue":
                return catalogue
        except Exception:  # noqa: BLE001 - any damage is a miss
            pass
    catalogue = build(directory, extra)
    if entry is not None:
        _store(entry, catalogue)
    return catalogue


def _store(entry: Path, catalogue) -> None:
    import io
    import pickle

    from .matching import Matcher
    from .output import atomic_file

    class _Pickler(pickle.Pickler):
        def reducer_override(self, obj):
            if isinstance(obj, Matcher):
                obj._decide()  # the engine decided now: the parse tree is dropped, not pickled
                if obj.engine == "re":
                    obj.gate(check=False)  # and its prefilter gate translated, kept with it
            return NotImplemented

    try:
        buffer = io.BytesIO()
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(catalogue)
        with atomic_file(str(entry), binary=True) as fh:
            fh.write(buffer.getvalue())
    except Exception:  # noqa: BLE001 - a catalogue that cannot be cached is simply loaded each time
        pass
