"""SARIF output: findings at their lines, errors as notifications, valid against SARIF 2.1.0."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.cli import main

SCHEMA = Path(__file__).resolve().parents[1].parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"

SCRAPED = "Harbour news\n\nThe aid sent to kyiv grew, and « we must not wait,” said the mayor.\n\nSpread the love\n"


@pytest.fixture
def sarif(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(SCRAPED, encoding="utf-8")
    (tmp_path / "b.txt").write_text("A calm report about the harbour wall.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01binary")
    code = main(["scan", "--no-output", "--format", "sarif", str(tmp_path)])
    return code, json.loads(capsys.readouterr().out), tmp_path


def test_sarif_results_point_at_findings(sarif):
    code, log, tmp_path = sarif
    assert code == 2  # the binary file
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    kyiv = [r for r in run["results"] if r["ruleId"] == "kyiv-casing.lowercase"]
    assert kyiv and rules[kyiv[0]["ruleIndex"]] == "kyiv-casing.lowercase"
    region = kyiv[0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 17)
    assert kyiv[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("a.txt")
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 1 and "binary" in notes[0]["message"]["text"]
    assert {f["path"].rsplit("/", 1)[-1] for f in run["properties"]["files"]} == {"a.txt", "b.txt"}


@pytest.mark.skipif(not SCHEMA.is_file(), reason="the SARIF schema of the shared workspace is not present")
def test_sarif_validates_against_the_schema(sarif):
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(sarif[1], schema)
