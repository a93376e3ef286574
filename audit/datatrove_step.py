"""A datatrove pipeline step: the audit as a filter that annotates documents.

Install the extra: ``pip install 'provenance-audit[datatrove]'``.

::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from audit.datatrove_step import ProvenanceAuditFilter

    LocalPipelineExecutor(pipeline=[
        JsonlReader("crawl/"),
        ProvenanceAuditFilter(drop_at_or_above=85.0),   # or None: annotate only
        JsonlWriter("kept/"),
    ], tasks=4).run()

Every document that passes gets ``metadata["provenance_audit"]``: the score,
verdict, sub-scores, weights version and the ids of the rules that fired
(``full_report=True`` stores the whole report instead). A document scoring at
or above ``drop_at_or_above`` is dropped with the reason ``provenance``
(sent to ``exclusion_writer`` if one is given). The score is the one a local
``scan`` gives the same text: the document's text is audited as UTF-8 bytes,
as plain text unless ``metadata[format_key]`` says ``markdown`` or ``html``.
"""

from __future__ import annotations

from datatrove.pipeline.filters.base_filter import BaseFilter

from .distributed import Settings
from .inputformats import record_format


class ProvenanceAuditFilter(BaseFilter):
    """Annotate documents with their provenance audit; optionally drop the scraped and machine-translated."""

    name = "provenance-audit"

    def __init__(self, drop_at_or_above: float | None = None, settings: Settings | None = None, metadata_key: str = "provenance_audit",
                 format_key: str = "format", full_report: bool = False, exclusion_writer=None):
        super().__init__(exclusion_writer)
        self.drop_at_or_above = drop_at_or_above
        self.settings = settings or Settings(readability=full_report)
        self.metadata_key = metadata_key
        self.format_key = format_key
        self.full_report = full_report

    def audit(self, doc) -> dict:
        fmt = (doc.metadata or {}).get(self.format_key)
        fmt = record_format(fmt)  # a format's name or suffix (audit/inputformats.py), else sniffed
        auditor = self.settings.auditor()  # built once per worker process
        return auditor.audit_bytes(str(doc.id), doc.text.encode("utf-8"), fmt=fmt)

    def filter(self, doc) -> bool | tuple[bool, str]:
        report = self.audit(doc)
        if self.full_report:
            doc.metadata[self.metadata_key] = report
        else:
            doc.metadata[self.metadata_key] = {
                "score": report["score"],
                "verdict": report["verdict"],
                "scores": report["scores"],
                "weights_version": report.get("weights_version"),
                "rules": sorted({f["rule"] for f in report["findings"]}),
                "error": report["error"],
            }
        if report["verdict"]:
            self.stat_update(f"verdict_{report['verdict']}")
        if self.drop_at_or_above is not None and report["score"] is not None and report["score"] >= self.drop_at_or_above:
            return False, "provenance"
        return True
