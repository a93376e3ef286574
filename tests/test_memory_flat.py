"""Memory flat in the number of files: bounded gate sets and small rows."""

from __future__ import annotations

import pytest

from audit.matching import prefilter
from audit.runstore import ReportStore, Row


def test_a_gate_set_starts_small_and_grows_until_it_compiles():
    if prefilter._re2() is None:
        pytest.skip("RE2 is not installed")
    patterns = [rf"\b{w}\w{{2,40}}\s+(?:of|in|on)\s+\p{{Lu}}\w+" for w in ("harbour", "council", "ferry", "budget", "bridge")]
    texts = ["The harbourmaster of Dover spoke.", "A councillor in Leeds", "nothing here", "bridgework on Monday"]
    big, added_big = prefilter._lenient_set(patterns, 256 << 20, budget=256 << 20)
    small, added_small = prefilter._lenient_set(patterns, 256 << 20, budget=1 << 10)  # too small to compile: grown
    assert big is not None and small is not None and added_big == added_small == list(range(len(patterns)))
    for text in texts:
        assert prefilter._match(small, len(added_small), text) == prefilter._match(big, len(added_big), text)
    assert prefilter._lenient_set(patterns, 1 << 10, budget=1 << 10) == (None, [])  # never past max_mem


def _report(i: int) -> dict:
    return {"path": f"dir/file {i}.txt", "score": float(i % 100), "verdict": "clean", "error": None,
            "scores": {"machine_translation": 1.5, "scraping": float(i)}}


def test_rows_read_as_before():
    from audit.output import report_name

    store = ReportStore(in_memory=2)
    rows = [store.add(_report(i)) for i in range(5)]
    row = rows[3]
    assert row.scores == (("machine_translation", 1.5), ("scraping", 3.0)) and row["scores"] == _report(3)["scores"]
    assert row._keys is rows[0]._keys  # one names tuple for the run
    assert row.report is None and row.report_sha256 is None
    row.report = report_name(row.path)
    row.report_sha256 = "ab" * 32
    assert row.report == "dir/file%203.txt.json" and row._extra is None and row.report_sha256 == "ab" * 32
    assert (row.slot, row.score, row.verdict, row.error) == (rows[3].slot, 3.0, "clean", None)
    row.report = "elsewhere.json"
    row.write_error = "disk full"
    row.report_sha256 = "cd" * 32
    assert (row.report, row.write_error, row.report_sha256, row["score"]) == ("elsewhere.json", "disk full", "cd" * 32, 3.0)
    assert list(store.reports()) == [_report(i) for i in range(5)]
    empty = Row({"path": "x", "score": None, "verdict": "error", "error": "unreadable", "scores": {}}, 0)
    assert empty.scores == {} and empty["scores"] == {} and empty.score is None and empty.error == "unreadable"
    odd = Row({"path": "y", "score": 7, "verdict": "review", "error": None, "scores": {"scraping": None}}, 5)
    assert (odd.score, odd.scores, odd.slot) == (7, (("scraping", None),), 5)
