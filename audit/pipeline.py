"""The flow: load → checks → score → report, for one file at a time."""

from __future__ import annotations

import gc
import hashlib
from dataclasses import replace
from contextlib import contextmanager

from . import copied, document, language, origin, suppress
from .catalogue import Catalogue, load_catalogue
from .checks import run_checks
from .matching import DeadlineExceeded, deadline
from .report import build_report, error_report
from .score import Weights, load_weights
from .score import score as score_findings

#: Seconds a document of up to half a megabyte may take, all stages together;
#: a larger one gets the same per half megabyte. Past its budget a document
#: gets an error report naming the stage that ran out of time, and the run
#: goes on.
TIME_BUDGET = 10.0


@contextmanager
def collector_paused():
    """Pause Python's cyclic garbage collector while one document is audited.

    A parsed page is a large graph of objects; while it is alive, every
    automatic collection walks all of it again (on a 1 MB page of markup, a
    third of the audit's time). Paused, the document's garbage is collected
    in one pass once the collector is on again. A caller that turned the
    collector off keeps it off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def budget_for(seconds: float | None, size: int) -> float | None:
    """The time budget of a document of ``size`` bytes (None: no limit)."""
    if not seconds:
        return None
    return seconds * max(1.0, size / 500_000)


class Auditor:
    """Holds the catalogue and weights; audits documents, files and texts."""

    def __init__(self, catalogue: Catalogue | None = None, weights: Weights | None = None, max_bytes: int = document.MAX_BYTES, sites=(),
                 readability: bool = True,
                 time_budget: float | None = TIME_BUDGET):
        self.catalogue = catalogue or load_catalogue()
        self.weights = weights or load_weights()
        self.max_bytes = max_bytes
        self.readability = readability  # False where no output shows it
        # the corpus's own domains: a canonical link elsewhere is evidence
        self.sites = tuple(s.strip().lower().removeprefix("www.") for s in sites if s.strip())
        self.time_budget = time_budget  # None or 0: no limit
        self.stage = "load"
        # the prefilter's RE2 sets, built once here rather than in the first document's time budget
        prefilter = getattr(self.catalogue, "literal_set", None)
        if prefilter is not None:
            prefilter.prepare()

    def audit_document(self, doc: document.Document) -> dict:
        if self.sites:
            doc = replace(doc, sites=self.sites)
        self.stage = "language"
        doc = suppress.masked(doc)  # the words of a suppression comment are not audited
        info = language.analyse(doc)  # the language stage decides which rules apply
        self.stage = "checks"
        findings, skipped, errors = run_checks(doc, self.catalogue, info.code)
        self.stage = "suppressions"
        suppressions, problems = suppress.parse(doc)
        findings, suppressed = suppress.apply(findings, suppressions)
        extra = {}
        if suppressions or problems:
            extra["suppressions"] = {
                "applied": suppressed,
                "unused": [s.as_dict() for s in suppressions if not s.used],
                "problems": problems,
            }
        self.stage = "origin"
        extra.update(origin.report_fields(doc, info, findings, self.readability))
        if doc.url:
            from . import identity

            site = identity.site_field(doc)
            if site:
                extra["site"] = site
        self.stage = "score"
        held = copied.held_findings(doc, findings)
        scored = score_findings(findings, self.weights, held)
        self.stage = "report"
        return build_report(doc, findings, scored, self.weights, skipped, errors, extra, held)

    def _budgeted(self, path: str, data: bytes, fmt: str | None, truncated: bool, from_file: bool = False,
                  url: str | None = None, date: str | None = None) -> dict:
        """Load and audit ``data`` within the time budget."""
        self.stage = "load"
        limit = budget_for(self.time_budget, len(data))
        try:
            with deadline(limit), collector_paused():
                try:
                    doc = document.from_bytes(path, data, fmt=fmt, truncated=truncated)
                except document.LoadError as exc:
                    if from_file:
                        return error_report(path, str(exc))
                    return error_report(path, str(exc), hashlib.sha256(data).hexdigest(), fmt)
                doc = document.addressed(doc, url=url, date=date)
                return self.audit_document(doc)
        except DeadlineExceeded:
            return error_report(
                path,
                f"ran out of time: more than {limit:g} s, in the {self.stage} stage",
                hashlib.sha256(data).hexdigest(),
                fmt,
            )

    def audit_bytes(self, path: str, data: bytes, fmt: str | None = None, truncated: bool = False, url: str | None = None, date: str | None = None) -> dict:
        return self._budgeted(path, data, fmt, truncated, url=url, date=date)

    def audit_path(self, path: str, url: str | None = None) -> dict:
        try:
            data, truncated = document.read(path, self.max_bytes)
        except document.LoadError as exc:
            return error_report(path, str(exc))
        return self._budgeted(path, data, None, truncated, from_file=True, url=url or None)

    def audit_text(self, text: str, fmt: str = "text", path: str = "<text>", url: str | None = None) -> dict:
        return self.audit_bytes(path, text.encode("utf-8"), fmt=fmt, url=url)
