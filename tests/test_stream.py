"""Streaming a scan: the same bytes as rendering the whole list, and a lean start-up."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from audit.output import render_json, render_jsonl, summary
from audit.stream import ScanSink, json_item, slim

REPORTS = [
    {"path": "a.txt", "score": 91.5, "verdict": "flagged", "scores": {"scraping": 90.0, "machine_translation": 3.0}, "error": None,
     "findings": [{"rule": "r.one", "line": 2, "column": 5, "message": "m\n\"q\"", "excerpt": "« x »", "offset": 9}],
     "evidence": {"features": {}, "nested": [[], {}, [1, {"k": "v"}]]}},
    {"path": "b.md", "score": None, "verdict": None, "scores": None, "error": "binary file", "findings": []},
    {"path": "c.html", "score": 7.5, "verdict": "clean", "scores": {"scraping": 7.0, "machine_translation": 3.7}, "error": None, "findings": [],
     "suppressions": {"applied": [], "unused": [{"line": 1, "rules": ["x"], "reason": "r"}], "problems": []}},
]


@pytest.mark.parametrize("n", [0, 1, 3])
def test_streamed_json_and_jsonl_equal_the_whole_list(n):
    reports = REPORTS[:n]
    for fmt, whole in (("json", render_json(reports)), ("jsonl", render_jsonl(reports))):
        out = io.StringIO()
        sink = ScanSink(fmt, out)
        for r in reports:
            sink.add(r)
        sink.close_json()
        assert out.getvalue() == whole
    assert "".join(json_item(r, i == 0) for i, r in enumerate(REPORTS)) + "\n]\n" == render_json(REPORTS)


@pytest.mark.parametrize("n", [0, 1, 3])
def test_streamed_summary_equals_the_whole_one(n, tmp_path):
    from audit.stream import summary_chunks, write_summary

    reports = (REPORTS + [dict(REPORTS[2], path="b/../é x.txt"), dict(REPORTS[0], path="0.txt")])[: n + (2 if n == 3 else 0)]
    rows = [(r["path"], r["score"], r["verdict"], r["error"]) for r in reports]
    whole = json.dumps(summary(reports, "w1"), ensure_ascii=False, indent=2) + "\n"
    assert "".join(summary_chunks(rows, "w1")) == whole
    write_summary(str(tmp_path / "out"), rows, "w1")
    assert (tmp_path / "out" / "summary.json").read_text(encoding="utf-8") == whole
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["summary.json"]


def test_slim_reports_give_the_same_summary_and_text():
    from audit.output import render_text

    for findings in (True, False):
        assert summary([slim(r, findings) for r in REPORTS], "w") == summary(REPORTS, "w")
    assert render_text([slim(r, True) for r in REPORTS]) == render_text(REPORTS)
    assert "excerpt" not in slim(REPORTS[0], True)["findings"][0]


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nloaded = sorted(sys.modules)\nimport json\nprint(json.dumps(loaded), file=sys.stderr)"
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    return set(json.loads(proc.stderr.strip().splitlines()[-1])), proc.stdout


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help_load_no_engine(flag):
    mods, out = _modules_after(f"from audit.cli import main\ntry:\n    main([{flag!r}])\nexcept SystemExit:\n    pass")
    assert "provenance-audit" in out
    assert not {"audit.catalogue", "audit.pipeline", "audit.kinds", "bs4", "numpy", "textstat", "langdetect", "json"} & mods


def test_a_text_scan_loads_neither_html_nor_language_nor_numpy(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Harbour board approves new ferry timetable\n\nThe board said on Monday that the winter timetable would start soon.\n", encoding="utf-8")
    mods, _ = _modules_after(f"from audit.cli import main\nmain(['scan', '--no-output', '--no-cache', {str(path)!r}])")
    assert "audit.pipeline" in mods
    assert not {"bs4", "lxml", "numpy", "textstat", "langdetect", "multiprocessing"} & mods
    mods, _ = _modules_after(f"from audit.cli import main\nmain(['scan', '--no-output', '--no-cache', '--format', 'json', {str(path)!r}])")
    assert "textstat" in mods and "bs4" not in mods  # JSON shows readability
