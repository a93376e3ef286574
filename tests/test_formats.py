"""The output formats: one module per format behind the name → renderer map."""

from __future__ import annotations

import argparse

import pytest

from audit import formats
from audit.cli import _parser


def test_format_choices_come_from_the_map():
    parser = _parser()
    scan = next(a for a in parser._subparsers._group_actions[0].choices["scan"]._actions if "--format" in a.option_strings)
    assert list(scan.choices) == list(formats.FORMATS)


@pytest.mark.parametrize("name", list(formats.FORMATS))
def test_every_format_declares_what_it_needs(name):
    module = formats.renderer(name)
    assert callable(module.render) and module.HELP
    assert isinstance(module.READABILITY, bool) and isinstance(module.FULL_TEXT, bool)


def test_needs_decide_readability_and_text(auditor, tmp_path):
    from audit.cli import _auditor

    args = argparse.Namespace(command="scan", no_output=True, rules=[], select=None, ignore=None, weights=None, max_bytes=None, site=[])
    assert _auditor(args, formats.renderer("json")).readability is True
    assert _auditor(args, formats.renderer("text")).readability is False
    args.no_output = False  # written reports always carry readability
    assert _auditor(args, formats.renderer("text")).readability is True
    assert formats.renderer("html").FULL_TEXT and formats.renderer("explain").FULL_TEXT and not formats.renderer("sarif").FULL_TEXT


def test_html_span_follows_the_excerpt_through_the_source():
    from audit.formats.html import _line_starts, span

    text = "Title\n\nThe talks went on thanks  to\nto European funds.\n"
    starts = _line_starts(text)
    assert text[slice(*span(text, starts, 3, 27, "to to"))] == "to\nto"
    # an excerpt that does not match the source (an entity, say) marks the word at the position
    assert text[slice(*span(text, starts, 3, 5, "talks &amp; more"))] == "talks"
    # beyond the text: nothing
    assert span(text, starts, 40, 1, "x") == (0, 0)


def test_fields_from_other_stages_are_shown_when_present(auditor, weights, tmp_path):
    import json
    import re

    from audit.formats import Context, category_verdicts, renderer

    path = tmp_path / "a.txt"
    path.write_text("Harbour news\n\nThe aid sent to kyiv grew, the mayor said.\n")
    report = auditor.audit_path(str(path))
    ctx = Context(weights=weights, total=[report], text=lambda r: path.read_text())
    # absent: category verdicts come from the sub-scores and the thresholds; no copies, no cluster
    derived = category_verdicts(report, weights)
    assert derived["machine_translation"] == ("flagged" if report["scores"]["machine_translation"] >= weights.flagged else
                                              "review" if report["scores"]["machine_translation"] >= weights.review else "clean")
    plain = renderer("explain").render([report], ctx)
    assert "copy cluster" not in plain and "copy of" not in plain
    # present: the report's own verdicts, its copies and cluster
    report = dict(report, verdicts={"scraping": "review", "machine_translation": "flagged"}, cluster="c-17",
                  copies=[{"path": "wire/original.txt", "similarity": 0.93, "site": "wire.example"}])
    assert category_verdicts(report, weights) == report["verdicts"]
    out = renderer("explain").render([report], ctx)
    assert "copy cluster: c-17" in out and "copy of wire/original.txt (similarity 0.93), wire.example" in out
    page = renderer("html").render([report], ctx)
    data = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>', page).group(1))
    entry = data["files"][0]
    assert entry["verdicts"] == report["verdicts"] and entry["cluster"] == "c-17" and entry["copies"][0]["similarity"] == 0.93
