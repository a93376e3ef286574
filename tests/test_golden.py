"""Golden outputs: the example corpus in text, json, jsonl and sarif, byte for byte.

A refactor must leave these unchanged; a change of behaviour (a rule, a
refit, a format) changes them on purpose, and then they are written again
with ``PROVENANCE_AUDIT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``
and the difference is read in review like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from audit.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"
FORMATS = ["text", "json", "jsonl", "sarif"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_example_corpus_output_is_unchanged(fmt, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    code = main(["scan", "--no-output", "--no-cache", "--format", fmt, "examples/corpus"])
    out = capsys.readouterr().out
    assert code == 1  # two of the four example files are flagged
    path = GOLDEN / f"examples.{fmt}"
    if os.environ.get("PROVENANCE_AUDIT_UPDATE_GOLDEN"):
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8"), f"output differs from {path.relative_to(ROOT)}"
