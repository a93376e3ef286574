"""``index`` (a reference index of known originals) and ``dask`` (the audit on a cluster)."""

from __future__ import annotations

import os
import sys

from .engine import EXIT_ERROR, EXIT_OK


def index(args) -> int:
    from ..refindex import RefIndex

    if args.index_command not in ("build", "add", "info"):
        print("provenance-audit: index needs an action: build, add or info", file=sys.stderr)
        return EXIT_ERROR
    if args.index_command == "build":
        index = RefIndex.empty()
    else:
        try:
            index = RefIndex.load(args.index)
        except (OSError, ValueError) as exc:
            print(f"provenance-audit: {exc}", file=sys.stderr)
            return EXIT_ERROR
    if args.index_command == "info":
        print(f"{args.index}: {len(index)} documents, {index.bands} bands of {index.rows}, {os.path.getsize(args.index)} bytes")
        return EXIT_OK
    target = args.out if args.index_command == "build" else args.index
    added = index.extend(RefIndex.entries_from(args.paths, site=args.site))
    index.save(target)
    print(f"indexed {added} documents in {target}" if args.index_command == "build" else f"added {added} documents; {len(index)} in {target}")
    return EXIT_OK


def dask(args) -> int:
    from ..distributed import run

    return run(args)
