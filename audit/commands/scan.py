"""``scan``: audit files and folders, print the chosen format, write one report per file.

Reports stream: each goes to the output folder as it comes and into a
:class:`audit.runstore.ReportStore`, which keeps only a small row per file in
memory; the formats read the reports back one at a time. Memory stays flat
in the number of files (the HTML page and SARIF, one document each, and copy
detection, which compares every document with the others, still hold the
run).
"""

from __future__ import annotations

import sys

from . import engine
from .engine import EXIT_ERROR, EXIT_FOUND, EXIT_OK, printable


class _Run:
    """One scan's reports: kept by the store, written to the output folder as they come."""

    def __init__(self, args, auditor):
        from ..runstore import ReportStore

        self.args = args
        self.auditor = auditor
        self.store = ReportStore()
        self.stdin: bytes | None = None
        self.clusters = None
        self.writer = None
        self.write_error: OSError | None = None
        self.previous: set[str] = set()
        self.opened = args.no_output

    def _open_output(self) -> None:
        """On the first report: a run that fails before auditing leaves the folder as it was."""
        from .. import outdir
        from ..output import ReportWriter

        self.previous = outdir.previous_reports(self.args.output)
        self.opened = True
        writer = ReportWriter(self.args.output)
        try:
            writer.begin()
        except OSError as exc:
            self.write_error = exc
            return
        self.writer = writer

    def add(self, report: dict) -> None:
        if not self.opened:
            self._open_output()
        row = self.store.add(report)
        if self.writer is not None:
            self.writer.add(report, row)

    def audit(self, inputs) -> int | None:
        """Audit every input in order; an exit status when the run cannot go on."""
        args = self.args
        from ..crawl import is_crawl

        crawl = any(p != "-" and is_crawl(p) for p in inputs.files) or bool(args.urls)
        detect = (crawl or args.copies) and not args.no_copies
        if crawl or detect or args.reference:
            return self._audit_items(inputs, detect)
        self._audit_files(inputs)
        return None

    def _audit_items(self, inputs, detect: bool) -> int | None:
        from ..copies import scan_items

        try:
            reports, self.clusters = scan_items(self.auditor, inputs.files, self.args, detect)
        except (OSError, ValueError) as exc:
            print(f"provenance-audit: {exc}", file=sys.stderr)
            return EXIT_ERROR
        inputs.files = [r["path"] for r in reports]
        for r in reports:
            self.add(r)
        return None

    def _audit_files(self, inputs) -> None:
        from ..batch import iter_reports

        args, auditor = self.args, self.auditor
        cache = None
        if not args.no_cache:
            from ..cache import ReportCache

            cache = ReportCache.for_auditor(auditor)
            if cache is not None:
                from .fast import remember

                remember(args, auditor, cache.fingerprint)
        files = [p for p in inputs.files if p != "-"]
        bar = engine.progress(len(files))
        audited = iter_reports(auditor, files, args.jobs, cache)
        try:
            for path in inputs.files:
                if path == "-":
                    self.stdin = sys.stdin.buffer.read()
                    self.add(auditor.audit_bytes("-", self.stdin, fmt=args.stdin_format))
                    continue
                self.add(next(audited))
                if bar is not None:
                    bar.update(1)
        finally:
            audited.close()
            if bar is not None:
                bar.close()

    def problems(self, inputs) -> bool:
        """Say what could not be read; True when a folder could not be (its files were not audited)."""
        from ..report import error_report

        unreadable = False
        for path, reason in inputs.problems:
            print(f"provenance-audit: {printable(path)}: {reason}", file=sys.stderr)
            if reason == "no such file or directory":
                self.add(error_report(path, reason))
            elif reason.startswith("cannot"):
                unreadable = True
        return unreadable

    def finish_output(self, fmt, shown, ctx, page: str | None) -> int | None:
        """The summary, stale reports cleared and the triage page; an exit status on failure."""
        args = self.args
        from .. import outdir

        rows = self.store.rows
        if not self.opened:
            self._open_output()
        try:
            if self.write_error is not None:
                raise self.write_error
            failures = self.writer.finish(rows, self.auditor.weights.version, clusters=self.clusters)
            if self.previous:  # nothing listed before: nothing to clear (and no set of every name)
                outdir.clear_stale(args.output, self.previous, rows)
            if args.format == "html":
                outdir.write_page(args.output, fmt.render(self.store.reports(), ctx) if shown.rows != rows else page)
        except OSError as exc:
            print(f"provenance-audit: cannot write reports to {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
        for path, reason in failures.items():
            print(f"provenance-audit: {path!r}: report not written: {reason}", file=sys.stderr)
        return EXIT_ERROR if failures else None


def _print(fmt, shown, ctx, args, clusters) -> str | None:
    """Print what the format shows; returns the HTML page (written beside the reports too)."""
    page = fmt.render(shown, ctx) if args.format == "html" else None
    if args.format == "html" and sys.stdout.isatty():
        where = "index.html in " + args.output if not args.no_output else "a file: add '> triage.html'"
        print(f"provenance-audit: the page is not printed to a terminal; it goes to {where}", file=sys.stderr)
        return page
    stream = getattr(fmt, "stream", None)
    if page is not None or stream is None:
        sys.stdout.write(page if page is not None else fmt.render(shown, ctx))
    else:
        for piece in stream(shown, ctx):
            sys.stdout.write(piece)
    if clusters and not args.quiet and args.format == "text":
        from ..copies import render_clusters

        sys.stdout.write(render_clusters(clusters))
    return page


def run(args) -> int:
    from ..formats import renderer
    from ..inputs import collect

    if args.explain:
        args.format = "explain"
    fmt = renderer(args.format)
    auditor = engine.auditor(args, fmt)
    inputs = collect(args.paths, args.include, args.exclude)
    scan = _Run(args, auditor)
    try:
        status = scan.audit(inputs)
        if status is not None:
            return status
        unreadable = scan.problems(inputs)
        status = _report(scan, fmt, inputs, unreadable)
    finally:
        scan.store.close()
    from .. import recache

    recache.save()  # the expressions this run compiled, for the next
    return status


def _report(scan: _Run, fmt, inputs, unreadable: bool) -> int:
    """Print, finish the output folder and choose the exit status."""
    from ..formats import Context, select, source_text

    args, auditor, rows = scan.args, scan.auditor, scan.store.rows
    reports = scan.store.reports()
    threshold = args.fail_above if args.fail_above is not None else auditor.weights.flagged
    statuses = {}
    if args.baseline:
        from .. import baseline

        statuses = baseline.compare(reports, baseline.load(args.baseline))
    accepted = {p for p, s in statuses.items() if s["status"] == "accepted"}
    shown = select(reports, args.verdict, args.quiet, threshold, args.top, args.sort, accepted)

    def text(report):  # read again only for the formats that show the text
        if not fmt.FULL_TEXT:
            return None
        return source_text(report["path"], auditor.max_bytes, scan.stdin if report["path"] == "-" else None)

    ctx = Context(catalogue=auditor.catalogue, weights=auditor.weights, threshold=threshold, quiet=args.quiet,
                  color=engine.color(args), total=rows, text=text, baseline=statuses, sort=args.sort)
    page = _print(fmt, shown, ctx, args, scan.clusters)
    if not args.no_output:
        status = scan.finish_output(fmt, shown, ctx, page)
        if status is not None:
            return status
    if any(r.error for r in rows) or unreadable or (inputs.problems and not inputs.files):
        return EXIT_ERROR
    if any(r.score is not None and r.score >= threshold and r.path not in accepted for r in rows):
        return EXIT_FOUND
    return EXIT_OK

