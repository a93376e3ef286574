"""At most FINDINGS_PER_RULE findings of one rule per document, and the report says when the cap was reached."""

from __future__ import annotations

from audit.findings import FINDINGS_PER_RULE


def _doubled(report):
    return [f for f in report["findings"] if f["rule"] == "doubled-word"]


def test_a_rule_past_the_cap_reports_the_first_findings_and_says_so(auditor):
    text = "the the " * (FINDINGS_PER_RULE + 50) + "\n"
    report = auditor.audit_text(text)
    found = _doubled(report)
    assert len(found) == FINDINGS_PER_RULE
    assert [f["column"] for f in found] == [1 + 8 * i for i in range(FINDINGS_PER_RULE)]  # the first ones
    assert f"doubled-word: more than {FINDINGS_PER_RULE} findings; only the first {FINDINGS_PER_RULE} are reported" in report["notes"]


def test_a_rule_at_the_cap_is_not_noted(auditor):
    text = "the the " * FINDINGS_PER_RULE + "\n"
    report = auditor.audit_text(text)
    assert len(_doubled(report)) == FINDINGS_PER_RULE
    assert not any("doubled-word" in note for note in report.get("notes", []))
