"""Audit many files, in worker processes when asked. Results keep input order.

Reports are streamed: :func:`iter_reports` yields each report as soon as it
and all before it are done, so a caller that writes them out as they come
keeps memory flat in the number of files.
"""

from __future__ import annotations

import os

# Set in the parent before the workers fork: each worker inherits the loaded
# catalogue and compiled rules instead of loading its own or unpickling one.
_auditor = None
_cache = None


def _audit(path: str) -> dict:
    if _cache is not None:
        return _cache.audit_path(_auditor, path)
    return _auditor.audit_path(path)


def _chunksize(n: int, jobs: int) -> int:
    """Chunks big enough to amortise the messages, small enough to balance the load."""
    return max(1, min(32, n // (8 * jobs)))


def iter_reports(auditor, paths: list[str], jobs: int = 1, cache=None):
    """Reports for ``paths`` in the same order, with ``jobs`` processes (0: one per core).

    ``cache`` (a :class:`audit.cache.ReportCache`) answers files already seen.
    The first file is audited in this process before the workers fork, so the
    lazy imports it triggers are shared with them instead of paid per worker.
    Reports are identical whatever the number of jobs. ``progress``, if
    given, is called with 1 after each file.
    """
    global _auditor, _cache
    if jobs == 0:
        jobs = os.cpu_count() or 1
    _auditor, _cache = auditor, cache
    try:
        if jobs <= 1 or len(paths) < 4 * jobs:
            for p in paths:
                yield _audit(p)
            return
        import multiprocessing  # only for parallel runs: it costs a pre-commit run ~10 ms

        if "fork" not in multiprocessing.get_all_start_methods():
            for p in paths:
                yield _audit(p)
            return
        yield _audit(paths[0])
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs) as pool:
            yield from pool.imap(_audit, paths[1:], chunksize=_chunksize(len(paths), jobs))
    finally:
        _auditor, _cache = None, None


def audit_paths(auditor, paths: list[str], jobs: int = 1, cache=None, progress=None) -> list[dict]:
    """Reports for ``paths`` in the same order (a list; see :func:`iter_reports`).
    ``progress``, if given, is called with 1 after each file."""
    out = []
    for report in iter_reports(auditor, paths, jobs, cache):
        out.append(report)
        if progress is not None:
            progress(1)
    return out
