"""The flow: load → checks → score → report, for one file at a time."""

from __future__ import annotations

import hashlib

from . import copied, document, language, origin, suppress
from .catalogue import Catalogue, load_catalogue
from .checks import run_checks
from .report import build_report, error_report
from .score import Weights, load_weights
from .score import score as score_findings


class Auditor:
    """Holds the catalogue and weights; audits documents, files and texts."""

    def __init__(self, catalogue: Catalogue | None = None, weights: Weights | None = None, max_bytes: int = document.MAX_BYTES, sites=(), readability: bool = True):
        self.catalogue = catalogue or load_catalogue()
        self.weights = weights or load_weights()
        self.max_bytes = max_bytes
        self.readability = readability  # False where no output shows it
        # the corpus's own domains: a canonical link elsewhere is evidence
        self.sites = tuple(s.strip().lower().removeprefix("www.") for s in sites if s.strip())

    def audit_document(self, doc: document.Document) -> dict:
        if self.sites:
            doc.sites = self.sites
        doc = suppress.masked(doc)  # the words of a suppression comment are not audited
        info = language.analyse(doc)  # the language stage decides which rules apply
        findings, skipped, errors = run_checks(doc, self.catalogue, info.code)
        suppressions, problems = suppress.parse(doc)
        findings, suppressed = suppress.apply(findings, suppressions)
        extra = {}
        if suppressions or problems:
            extra["suppressions"] = {
                "applied": suppressed,
                "unused": [s.as_dict() for s in suppressions if not s.used],
                "problems": problems,
            }
        extra.update(origin.report_fields(doc, info, findings, self.readability))
        if doc.url:
            from . import identity

            site = identity.site_field(doc)
            if site:
                extra["site"] = site
        held = copied.held_findings(doc, findings)
        scored = score_findings(findings, self.weights, held)
        return build_report(doc, findings, scored, self.weights, skipped, errors, extra, held)

    def audit_bytes(self, path: str, data: bytes, fmt: str | None = None, truncated: bool = False, url: str | None = None, date: str | None = None) -> dict:
        try:
            doc = document.from_bytes(path, data, fmt=fmt, truncated=truncated)
        except document.LoadError as exc:
            return error_report(path, str(exc), hashlib.sha256(data).hexdigest(), fmt)
        doc.url, doc.date = url, date
        return self.audit_document(doc)

    def audit_path(self, path: str, url: str | None = None) -> dict:
        try:
            doc = document.load(path, self.max_bytes)
        except document.LoadError as exc:
            return error_report(path, str(exc))
        if url:
            doc.url = url
        return self.audit_document(doc)

    def audit_text(self, text: str, fmt: str = "text", path: str = "<text>", url: str | None = None) -> dict:
        return self.audit_bytes(path, text.encode("utf-8"), fmt=fmt, url=url)
