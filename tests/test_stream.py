"""A scan streams its reports: memory flat in the number of files, output unchanged.

Past ``runstore.IN_MEMORY`` files a run keeps its reports on disk and only a
small row per file in memory; every format, the report files and the summary
must be byte-identical to a run that kept everything in memory.
"""

from __future__ import annotations

import hashlib
import json
import os
import tracemalloc

import pytest

from audit import runstore
from audit.cli import main
from audit.formats import Context, json_, jsonl, select, text
from audit.output import report_name, summary, write_reports
from test_cli import HONEST  # the same honest story as the CLI tests

SCRAPED = """Spread the love

Harbour council backs new sea wall after winter storms

The council on Tuesday approved a new sea wall, the mayor said, letting kyiv and other towns send observers.

« We must not wait for the next storm,” warned the mayor.

Harbour council backs new sea wall after winter storms
"""



@pytest.fixture
def many(tmp_path):
    d = tmp_path / "many"
    d.mkdir()
    for i in range(9):
        body = SCRAPED if i % 3 == 0 else HONEST.replace("Tuesday", ["Monday", "Friday", "Sunday"][i % 3])
        (d / f"doc{i}.{['txt', 'md', 'txt'][i % 3]}").write_text(body, encoding="utf-8")
    (d / "page.html").write_text("<html><head><title>Sea wall</title></head><body><article><p>"
                                 + HONEST.replace("\n", " ") + "</p></article></body></html>", encoding="utf-8")
    return d


def _tree(root) -> dict[str, bytes]:
    out = {}
    for base, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(base, name)
            out[os.path.relpath(path, root)] = open(path, "rb").read()
    return out


RUNS = [
    [],
    ["--format", "json"],
    ["--format", "jsonl", "--sort", "path"],
    ["--format", "explain", "--top", "3"],
    ["--format", "github"],
    ["--format", "sarif"],
    ["--format", "html", "--verdict", "flagged"],
    ["--quiet", "--sort", "score"],
]


@pytest.mark.parametrize("options", RUNS, ids=lambda o: " ".join(o) or "text")
def test_a_spilled_run_prints_and_writes_what_an_in_memory_run_does(many, tmp_path, capsys, monkeypatch, options):
    outputs = []
    for limit in (runstore.IN_MEMORY, 2):
        monkeypatch.setattr(runstore, "IN_MEMORY", limit)
        out = tmp_path / f"out{limit}"
        code = main(["scan", "--no-cache", "--output", str(out), *options, str(many)])
        outputs.append((code, capsys.readouterr().out, _tree(out)))
    assert outputs[0] == outputs[1]
    assert outputs[0][1] and "summary.json" in outputs[0][2]


def test_the_store_reads_reports_back_as_they_were():
    store = runstore.ReportStore(in_memory=3)
    reports = [{"path": f"dir/p{i}\udcff.txt", "score": i * 1.5, "verdict": "clean", "error": None,
                "scores": {"machine_translation": 1.0, "scraping": 2.0}, "findings": [{"n": i}]} for i in range(7)]
    for r in reports:
        store.add(r)
    assert store._held is None  # spilled: no report is held in memory
    view = store.reports()
    assert list(view) == reports and view[5] == reports[5] and list(view[2:4]) == reports[2:4]
    shown = select(view, top=2)
    assert isinstance(shown, runstore.StoredReports) and [r["path"] for r in shown] == [reports[5]["path"], reports[6]["path"]]  # the two worst, as read
    store.close()


@pytest.mark.parametrize("data", [[], [{"a": 1}], [{"a": [1, {"b": "x\ny"}], "c": {}, "d": []}, {"e": None, "f": "é"}]])
def test_streamed_json_is_the_json_array(data):
    assert "".join(json_.stream(data, None)) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_the_streamed_summary_is_the_summary(tmp_path):
    reports = [{"path": f"d/p{i} é.txt", "score": None if i == 3 else i * 7.5, "verdict": "clean" if i % 2 else "flagged",
                "error": "unreadable" if i == 3 else None, "scores": {"machine_translation": 1.0, "scraping": 0.0}} for i in range(6)]
    write_reports(str(tmp_path / "a"), reports, "w1", clusters=[{"members": [1, 2]}])
    written = {}
    for r in reports:
        name = report_name(r["path"])
        written[name] = hashlib.sha256((tmp_path / "a" / name).read_bytes()).hexdigest()
    expected = json.dumps(summary(reports, "w1", [{"members": [1, 2]}], written, {}), ensure_ascii=False, indent=2) + "\n"
    assert (tmp_path / "a" / "summary.json").read_text(encoding="utf-8") == expected
    assert not (tmp_path / "a" / ".run-in-progress").exists()


def _peak_streaming(n: int) -> int:
    """Peak traced memory of storing ``n`` reports of ~8 kB and printing them as text and JSON Lines."""
    filler = "x" * 8000
    tracemalloc.start()
    store = runstore.ReportStore()
    for i in range(n):
        store.add({"path": f"corpus/doc{i:06d}.txt", "score": float(i % 100), "verdict": ("clean", "review", "flagged")[i % 3],
                   "error": None, "scores": {"machine_translation": 1.0, "scraping": 2.0},
                   "findings": [{"rule": "r", "line": 1, "column": 1, "message": filler}] if i % 50 == 0 else [], "pad": filler})
    ctx = Context(total=store.rows)
    sink = 0
    for fmt in (text, jsonl):
        for piece in fmt.stream(store.reports(), ctx):
            sink += len(piece)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    store.close()
    assert sink > n * 8000
    return peak


def test_memory_of_a_run_does_not_grow_with_its_reports():
    """Ten times the reports (32 MB of them) cost only their rows: under 600 bytes a file, against 8 kB a report."""
    small, large = _peak_streaming(400), _peak_streaming(4000)
    assert (large - small) / 3600 < 600, (small, large)


def test_a_spilled_run_compares_with_a_baseline_as_an_in_memory_run_does(many, tmp_path, capsys, monkeypatch):
    baseline = tmp_path / "baseline.json"
    assert main(["baseline", "create", "--out", str(baseline), str(many)]) == 0
    (many / "doc1.md").write_text(SCRAPED, encoding="utf-8")  # worse than accepted
    capsys.readouterr()
    outputs = []
    for limit in (runstore.IN_MEMORY, 2):
        monkeypatch.setattr(runstore, "IN_MEMORY", limit)
        code = main(["scan", "--no-cache", "--no-output", "--baseline", str(baseline), "--format", "github", str(many)])
        outputs.append((code, capsys.readouterr().out))
    assert outputs[0] == outputs[1] and outputs[0][0] == 1 and "doc1.md" in outputs[0][1]
