"""Hostile input: no hang, no crash, no lost report, no forged file names.

Each reproducer of a hang, a crash or a broken report set is here at a size
that runs in milliseconds; benchmarks/hostile.py runs the same shapes at 1 MB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from audit.cli import main
from audit.document import decode, load, read, unescape
from audit.output import output_state, report_name, write_reports

ROOT = Path(__file__).resolve().parents[1]


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- decoding


@pytest.mark.parametrize("data", [
    b"\xff\xfe" + "Harbour".encode("utf-16-le") + b"x",  # odd trailing byte
    b"\xff\xfe" + "Harbour".encode("utf-16-le") + b"\x00\xd8" + "wall".encode("utf-16-le"),  # lone surrogate
    b"\xfe\xff" + "Harbour".encode("utf-16-be") + b"\xdc\x00",  # lone low surrogate, big-endian
    b"\xef\xbb\xbf\xff\xfe broken",
])
def test_odd_utf16_and_broken_bom_decode_to_text(data):
    text, encoding = decode(data)
    assert "Harbour" in text or "broken" in text
    assert "\ufffd" in text


def test_utf16_cut_at_any_byte_gives_a_report(tmp_path, auditor):
    path = tmp_path / "wide.txt"
    path.write_bytes(b"\xff\xfe" + "The harbour wall \U0001F30A was repaired on Tuesday.\n".encode("utf-16-le"))
    size = path.stat().st_size
    for cut in range(2, size):
        data, truncated = read(str(path), cut)
        assert truncated and len(data) <= cut
        report = auditor.audit_bytes("wide.txt", data, truncated=True)
        assert report["error"] is None


def test_numeric_entity_beyond_the_int_limit_becomes_replacement_character(auditor):
    huge = "&#" + "1" * 4400 + ";"
    assert unescape(huge) == "\ufffd"
    assert unescape("&#x" + "0" * 5000 + "41;") == "A"
    assert unescape("&#65; &#x1F30A; &amp;") == "A \U0001F30A &"
    page = f"<html><head><title>T {huge}</title></head><body><article><p>Text {huge} here.</p></article></body></html>"
    report = auditor.audit_text(page, fmt="html", path="p.html")
    assert report["error"] is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_among_inputs_is_refused_without_blocking(tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "ok.txt").write_text("The harbour wall was repaired on Tuesday.\n")
    start = time.perf_counter()
    code, out, _ = run(["scan", "--no-output", "--format", "json", str(tmp_path)], capsys)
    assert time.perf_counter() - start < 10
    reports = {Path(r["path"]).name: r for r in json.loads(out)}
    assert "FIFO" in reports["pipe.txt"]["error"] and reports["ok.txt"]["error"] is None
    assert code == 2
    with pytest.raises(Exception) as err:
        load(str(fifo))
    assert "not a regular file" in str(err.value)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_device_is_refused(auditor):
    report = auditor.audit_path("/dev/zero")
    assert "character device" in report["error"]


# ---------------------------------------------------------------- time budget


def test_a_document_over_budget_gets_a_report_naming_the_stage(monkeypatch):
    from audit import Auditor, language

    real = language.analyse

    def slow(doc):
        if "slow" in doc.text:
            while True:
                pass
        return real(doc)

    monkeypatch.setattr(language, "analyse", slow)
    auditor = Auditor(time_budget=0.2)
    start = time.perf_counter()
    late = auditor.audit_text("a slow one\n", path="late.txt")
    assert time.perf_counter() - start < 3
    assert late["score"] is None and "ran out of time" in late["error"] and "language stage" in late["error"]
    assert late["sha256"]
    fine = auditor.audit_text("The harbour wall was repaired.\n")  # the run goes on
    assert fine["error"] is None


# ---------------------------------------------------------------- report names


def test_report_names_are_distinct_reversible_and_safe():
    names = ["a b.txt", "a_b.txt", "a%20b.txt", "summary", "stdin", "-", "../up.txt", "/abs/x.txt", "abs/x.txt",
             ".hidden.txt", "dir.json/x.txt", "dir/x.txt", "x\n1:1: forged.txt", "\udcff.txt"]
    mapped = [report_name(n) for n in names]
    assert len(set(mapped)) == len(mapped)
    assert "summary.json" not in mapped and mapped.count("stdin.json") == 1
    for m in mapped:
        parts = m.split("/")
        assert ".." not in parts and not m.startswith("/") and "\n" not in m
        assert not any(p.startswith(".") for p in parts)
    from urllib.parse import unquote

    assert unquote(report_name("a b.txt")[:-5]) == "a b.txt"
    assert unquote(report_name("x\n1:1: forged.txt")[:-5]) == "x\n1:1: forged.txt"


def test_long_name_is_shortened_with_a_hash():
    a, b = "x" * 300 + "a.txt", "x" * 300 + "b.txt"
    ra, rb = report_name(a), report_name(b)
    assert ra != rb and all(len(p.encode()) <= 255 for p in ra.split("/"))


def test_colliding_and_odd_names_each_get_a_report(tmp_path, capsys, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a b.txt", "a_b.txt", "summary", "x" * 250 + ".txt"):
        (src / name).write_text(f"The harbour wall story, file {len(name)} {name[:3]}.\n")
    out = tmp_path / "out"
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["scan", "--output", str(out), "--include", "*", "in"], capsys)
    assert code == 0, err
    summary = json.loads((out / "summary.json").read_text())
    assert summary["files"] == 4 and summary["complete"] is True
    for entry in summary["ranking"]:
        report = json.loads((out / entry["report"]).read_text())
        assert report["path"] == entry["path"]
    assert output_state(str(out))["current"] == sorted(e["report"] for e in summary["ranking"])


def test_symlink_inside_output_is_not_followed(tmp_path, capsys, monkeypatch):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "x.txt").write_text("The harbour wall was repaired.\n")
    (tmp_path / "in" / "y.txt").write_text("The harbour wall was repaired again.\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    (out / "in").mkdir(parents=True)
    (out / "in" / "sub").symlink_to(outside, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["scan", "--output", "out", "in"], capsys)
    assert code == 2 and "symbolic link" in err and "x.txt" in err
    assert list(outside.iterdir()) == []
    assert (out / "in" / "y.txt.json").is_file()
    summary = json.loads((out / "summary.json").read_text())
    failed = [e for e in summary["ranking"] if e.get("write_error")]
    assert [e["path"] for e in failed] == [os.path.join("in", "sub", "x.txt")] and summary["complete"] is False


def test_stale_temporaries_are_removed_and_live_ones_kept(tmp_path):
    out = tmp_path / "out"
    (out / "d").mkdir(parents=True)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = out / "d" / f".tmp-{dead.stdout.strip()}-abc"
    stale.write_text("{")
    live = out / f".tmp-{os.getppid()}-def"
    live.write_text("{")
    write_reports(str(out), [], "w")
    assert not stale.exists() and live.exists()


# ---------------------------------------------------------------- killed runs

_WRITER = """
import sys
from audit.output import write_reports
from audit.report import error_report
n = int(sys.argv[2])
reports = [error_report(f"doc{i:03d}.txt", "generation " + sys.argv[3] + " " + "x" * 2000) for i in range(n)]
write_reports(sys.argv[1], reports, "w")
"""


def test_killed_runs_leave_only_parseable_reports_and_a_summary_that_says_which_are_current(tmp_path):
    import random

    rng = random.Random(11)
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", _WRITER, str(out), "60", "0"], check=True, env=env)
    full = time.perf_counter() - start  # kill at random points of a run as long as this one
    interrupted = 0
    for generation in range(1, 21):
        proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(out), "60", str(generation)], env=env)
        time.sleep(rng.uniform(0.4, 1.1) * full)
        proc.kill()
        proc.wait()
        state = output_state(str(out))
        interrupted += not state["complete"]
        for path in out.rglob("*.json"):
            json.loads(path.read_text())  # never half-written
        summary = json.loads((out / "summary.json").read_text())
        listed = {e["report"] for e in summary["ranking"]}
        # every listed report is either the summary's own (current) or newer (stale)
        assert set(state["current"]) | set(state["stale"]) == listed and not state["missing"]
        for name in state["current"]:
            assert summary["run"] and (out / name).is_file()
    assert interrupted  # some kills landed while reports were being written
    assert time.perf_counter() - start < 60
    subprocess.run([sys.executable, "-c", _WRITER, str(out), "60", "final"], check=True, env=env)
    state = output_state(str(out))
    assert state["complete"] and not state["stale"] and len(state["current"]) == 60
    assert not list(out.rglob(".tmp-*"))


# ---------------------------------------------------------------- bad files


BAD_WEIGHTS = {
    "nan bias": ("[model.overall]\nbias = nan\n", "model.overall.bias"),
    "string weight": ("[model.overall]\nbias = 1.0\n[weights]\nkyiv-casing = \"high\"\n", "weights.kyiv-casing"),
    "infinite threshold": ("[model.overall]\nbias = 1.0\n[thresholds]\nflagged = inf\n", "thresholds.flagged"),
    "threshold out of range": ("[model.overall]\nbias = 1.0\n[thresholds]\nflagged = 150\n", "thresholds.flagged"),
    "nan weight": ("[model.overall]\nbias = 1.0\n[weights]\nkyiv-casing = nan\n", "weights.kyiv-casing"),
    "fractional cap": ("[model.overall]\nbias = 1.0\n[caps]\ndefault = 1.5\n", "caps.default"),
    "model not a table": ("model = 1\n", "model"),
    "review above flagged": ("[model.overall]\nbias = 1.0\n[thresholds]\nreview = 60\nflagged = 50\n", "thresholds.review"),
}


@pytest.mark.parametrize("case", sorted(BAD_WEIGHTS))
def test_bad_weights_give_one_line_and_exit_2(case, tmp_path, capsys):
    text, key = BAD_WEIGHTS[case]
    path = tmp_path / "w.toml"
    path.write_text(text)
    code, _, err = run(["scan", "--no-output", "--weights", str(path), str(ROOT / "examples" / "corpus")], capsys)
    assert code == 2 and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and key in lines[0]


BAD_CONFIG = {
    "nan fail-above": ("fail-above = nan\n", "fail-above"),
    "negative max-bytes": ("max-bytes = -1\n", "max-bytes"),
    "list of numbers": ("select = [1, 2]\n", "select"),
    "string budget": ("time-budget = \"soon\"\n", "time-budget"),
    "unknown key": ("colour = \"red\"\n", "colour"),
    "not UTF-8": (b"select = [\"\xff\"]\n", ""),
}


@pytest.mark.parametrize("case", sorted(BAD_CONFIG))
def test_bad_config_gives_one_line_and_exit_2(case, tmp_path, capsys):
    text, key = BAD_CONFIG[case]
    path = tmp_path / ".provenance-audit.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    code, _, err = run(["scan", "--no-output", "--config", str(path), str(ROOT / "examples" / "corpus")], capsys)
    assert code == 2 and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and key in lines[0]


BAD_RULES = {
    "fractional group": ("pattern = 'a(b)'\ngroup = 1.5\n", "group"),
    "pattern not a string": ("pattern = 5\n", "pattern"),
    "exponential pattern": ("pattern = '(?<=x)(a+)+$'\n", "params.pattern"),
    "bad expression": ("pattern = '(unclosed'\n", "params.pattern"),
    "group out of range": ("pattern = 'ab'\ngroup = -1\n", "group"),
}


@pytest.mark.parametrize("case", sorted(BAD_RULES))
def test_bad_rule_file_gives_one_line_and_exit_2(case, tmp_path, capsys):
    params, key = BAD_RULES[case]
    path = tmp_path / "spinner-residue.mine.toml"
    path.write_text(
        'id = "spinner-residue.mine"\nsignal = "spinner-residue"\ncategory = "scraping"\nkind = "pattern"\n'
        'summary = "A test rule of the hostile-input suite."\nwhy = "Only here to be loaded by a test."\n'
        'lookalikes = "None that matter for this test."\nmessage = "It matched {match}."\n'
        f"[params]\n{params}[examples]\nflag = [\"ab\"]\npass = [\"cd\"]\n"
    )
    code, _, err = run(["scan", "--no-output", "--rules", str(path), str(ROOT / "examples" / "corpus")], capsys)
    assert code == 2 and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and key in lines[0]


@pytest.mark.parametrize("argv", [["--fail-above", "nan"], ["--max-bytes", "-1"], ["--time-budget", "nan"], ["--jobs", "-3"]])
def test_bad_numbers_on_the_command_line_are_usage_errors(argv, capsys):
    with pytest.raises(SystemExit) as usage:
        main(["scan", "--no-output", *argv, str(ROOT / "examples" / "corpus")])
    assert usage.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
