"""Suppression comments in Markdown and HTML files."""

from __future__ import annotations

ARTICLE = """# The spelling debate

<!-- provenance-audit: ignore kyiv-casing -- quoting the 2019 spelling debate -->
Protesters held signs reading "kyiv not kiev" outside the embassy.

Later the crowd moved on, chanting kyiv again.
"""


def test_ignore_next_line_with_reason(auditor, valid):
    report = valid(auditor.audit_text(ARTICLE, fmt="markdown", path="a.md"))
    lines = [f["line"] for f in report["findings"] if f["rule"].startswith("kyiv-casing")]
    assert 4 not in lines and 6 in lines
    applied = report["suppressions"]["applied"]
    assert applied and all(a["line"] == 4 for a in applied)
    assert applied[0]["reason"] == "quoting the 2019 spelling debate"
    assert report["suppressions"]["unused"] == []


def test_ignore_file(auditor, valid):
    text = "<!-- provenance-audit: ignore-file kyiv-casing.lowercase -- a glossary of spellings -->\n\n" + ARTICLE
    report = valid(auditor.audit_text(text, fmt="markdown", path="a.md"))
    assert not [f for f in report["findings"] if f["rule"] == "kyiv-casing.lowercase"]


def test_unused_and_malformed_suppressions_are_reported(auditor, valid, capsys):
    text = (
        "<!-- provenance-audit: ignore doubled-title -- nothing doubled here -->\n"
        "A plain line of honest text about the harbour.\n\n"
        "<!-- provenance-audit: ignore kyiv-casing -->\n"
        "Another plain line.\n"
    )
    report = valid(auditor.audit_text(text, fmt="markdown", path="b.md"))
    assert report["suppressions"]["unused"][0]["rules"] == ["doubled-title"]
    assert "reason" in report["suppressions"]["problems"][0]["problem"]
    from audit.formats import Context, renderer

    out = renderer("text").render([report], Context())
    assert "b.md:1:1: unused suppression: doubled-title" in out
    assert "b.md:4:1: bad suppression" in out


def test_html_comment_suppresses_the_next_line(auditor, valid):
    page = """<html><head><title>Spelling</title></head><body><article>
<p>The old maps say Kiev.</p>
<!-- provenance-audit: ignore kyiv-casing -- a protest sign quoted verbatim -->
<p>Signs read kyiv in lower case, as the protesters wrote it.</p>
</article></body></html>
"""
    report = valid(auditor.audit_text(page, fmt="html", path="c.html"))
    assert not [f for f in report["findings"] if f["rule"].startswith("kyiv-casing")]
    assert report["suppressions"]["applied"]


def test_plain_text_is_not_parsed_for_suppressions(auditor):
    report = auditor.audit_text(ARTICLE, fmt="text", path="a.txt")
    assert "suppressions" not in report
    assert [f for f in report["findings"] if f["line"] == 4 and f["rule"].startswith("kyiv-casing")]
