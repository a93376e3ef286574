"""Audit many files, in worker processes when asked. Results keep input order."""

from __future__ import annotations

import os

_auditor = None


def _init(auditor) -> None:
    global _auditor
    _auditor = auditor


def _audit(path: str) -> dict:
    return _auditor.audit_path(path)


def audit_paths(auditor, paths: list[str], jobs: int = 1, progress=None) -> list[dict]:
    """Reports for ``paths`` in the same order, with ``jobs`` processes (0: one per core).

    The first file is audited in this process before the workers fork, so the
    lazy imports it triggers are shared with them instead of paid per worker.
    Reports are identical whatever the number of jobs. ``progress``, if
    given, is called with 1 after each file.
    """
    if jobs == 0:
        jobs = os.cpu_count() or 1
    if progress is not None:
        return _with_progress(auditor, paths, jobs, progress)
    if jobs <= 1 or len(paths) < 4 * jobs:
        return [auditor.audit_path(p) for p in paths]
    import multiprocessing  # only for parallel runs: it costs a pre-commit run ~10 ms

    if "fork" not in multiprocessing.get_all_start_methods():
        return [auditor.audit_path(p) for p in paths]
    first = auditor.audit_path(paths[0])
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs, initializer=_init, initargs=(auditor,)) as pool:
        rest = pool.map(_audit, paths[1:], chunksize=max(1, min(16, len(paths) // (4 * jobs))))
    return [first, *rest]


def _with_progress(auditor, paths: list[str], jobs: int, progress) -> list[dict]:
    if jobs <= 1 or len(paths) < 4 * jobs:
        out = []
        for p in paths:
            out.append(auditor.audit_path(p))
            progress(1)
        return out
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return _with_progress(auditor, paths, 1, progress)
    first = auditor.audit_path(paths[0])
    progress(1)
    out = [first]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(jobs, initializer=_init, initargs=(auditor,)) as pool:
        for report in pool.imap(_audit, paths[1:], chunksize=max(1, min(16, len(paths) // (4 * jobs)))):
            out.append(report)
            progress(1)
    return out
