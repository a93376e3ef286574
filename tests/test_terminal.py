"""The terminal path: grouped text, ordering and filters in every format, explain, notes, colour, progress."""

from __future__ import annotations

import json
import sys

import pytest

from audit import __version__
from audit.cli import main

WORST = ("Spread the love\n\nHarbour wall news\n\nAid sent to kyiv grew, and « we must not wait,” said the mayor.\n\n"
         "Harbour wall news\n\nPosted at 8:12 a.m. Updated at 6:40 p.m.\n")
# one credit of another outlet closing the story: review (two independent signals would flag it)
MIDDLE = "Harbour wall news\n\nAid sent to the harbour grew, the mayor said on Tuesday.\n\nSource: Valley Courier\n"
HONEST = "Harbour wall news\n\nThe council approved a new sea wall on Tuesday, the mayor said.\n"


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "c"
    d.mkdir()
    (d / "a-honest.txt").write_text(HONEST)
    (d / "b-worst.txt").write_text(WORST)
    (d / "c-middle.txt").write_text(MIDDLE)
    return d


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.strip() == f"provenance-audit {__version__}"


def test_findings_are_grouped_under_each_file_worst_first(corpus, capsys):
    code, out, _ = run(["scan", "--no-output", str(corpus)], capsys)
    assert code == 1
    lines = out.splitlines()
    worst = lines.index(next(line for line in lines if line.startswith(f"{corpus}/b-worst.txt: flagged")))
    middle = lines.index(next(line for line in lines if line.startswith(f"{corpus}/c-middle.txt: review")))
    assert worst == 0 and worst < middle
    # every line between a header and the next blank line is a finding of that file
    block = lines[worst + 1:lines.index("", worst)]
    assert block and all(line.startswith(f"{corpus}/b-worst.txt:") for line in block)
    assert not any(line.startswith(f"{corpus}/a-honest.txt:") for line in lines)  # no findings: only in the table


def test_sort_by_path_and_top(corpus, capsys):
    _, out, _ = run(["scan", "--no-output", "--sort", "path", str(corpus)], capsys)
    table = out.splitlines()[out.splitlines().index(next(line for line in out.splitlines() if line.startswith("score"))) + 1:-1]
    assert [line.rsplit("/", 1)[-1] for line in table] == ["a-honest.txt", "b-worst.txt", "c-middle.txt"]
    _, out, _ = run(["scan", "--no-output", "--top", "1", str(corpus)], capsys)
    assert "b-worst.txt" in out and "c-middle.txt" not in out and out.splitlines()[-1].endswith("(1 shown)")
    _, out, _ = run(["scan", "--no-output", "--format", "json", "--top", "2", str(corpus)], capsys)
    assert [r["path"].rsplit("/", 1)[-1] for r in json.loads(out)] == ["b-worst.txt", "c-middle.txt"]
    _, out, _ = run(["scan", "--no-output", "--format", "json", "--top", "2", "--sort", "score", str(corpus)], capsys)
    assert [r["path"].rsplit("/", 1)[-1] for r in json.loads(out)] == ["b-worst.txt", "c-middle.txt"]


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "github", "explain"])
def test_verdict_filter_in_every_format(corpus, capsys, fmt):
    _, out, _ = run(["scan", "--no-output", "--format", fmt, "--verdict", "review", str(corpus)], capsys)
    assert "c-middle.txt" in out and "b-worst.txt" not in out
    _, out, _ = run(["scan", "--no-output", "--format", fmt, "--verdict", "flagged,review", str(corpus)], capsys)
    assert "c-middle.txt" in out and "b-worst.txt" in out and ("a-honest.txt" not in out or fmt == "github")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sarif"])
def test_quiet_in_machine_formats(corpus, capsys, fmt):
    code, out, _ = run(["scan", "--no-output", "--quiet", "--format", fmt, str(corpus)], capsys)
    assert code == 1 and "b-worst.txt" in out and "c-middle.txt" not in out and "a-honest.txt" not in out
    code, out, _ = run(["scan", "--no-output", "--quiet", "--format", fmt, str(corpus / "a-honest.txt")], capsys)
    assert code == 0 and "a-honest.txt" not in out


def test_bad_filter_values_are_usage_errors(corpus, capsys):
    for args in (["--verdict", "bad"], ["--top", "0"], ["--sort", "size"], ["--format", "xml"]):
        with pytest.raises(SystemExit) as usage:
            main(["scan", "--no-output", *args, str(corpus)])
        assert usage.value.code == 2


def test_explain_file_gives_breakdown_origin_and_context(corpus, capsys):
    code, out, _ = run(["explain", str(corpus / "b-worst.txt")], capsys)
    assert code == 0
    assert "why this score" in out and "base rate" in out and "log-odds → score" in out
    assert "sub-scores: machine translation" in out and "origin:" in out
    lines = out.splitlines()
    i = lines.index(next(line for line in lines if "kyiv-casing.lowercase (" in line))
    assert "5 | Aid sent to kyiv grew" in lines[i + 3]
    caret = lines[i + 4]
    assert caret.index("^") == lines[i + 3].index("kyiv") and caret.count("^") == 4
    # the breakdown adds up to the log-odds
    why = lines[lines.index("  why this score (log-odds, added up):") + 1:]
    numbers = [float(line.split()[0]) for line in why if line.startswith("    ") and "log-odds" not in line and line.split()[0][0] in "+-"]
    total = float(next(line for line in lines if "log-odds → score" in line).split()[0])
    report = json.loads(run(["scan", "--no-output", "--format", "json", str(corpus / "b-worst.txt")], capsys)[1])[0]
    assert sum(numbers[: len({f['rule'] for f in report['findings']}) + 2]) == pytest.approx(total, abs=0.05)


def test_scan_explain_is_the_explain_format(corpus, capsys):
    _, a, _ = run(["scan", "--no-output", "--explain", str(corpus)], capsys)
    _, b, _ = run(["scan", "--no-output", "--format", "explain", str(corpus)], capsys)
    assert a == b and a.index("b-worst.txt") < a.index("c-middle.txt") < a.index("a-honest.txt")


def test_text_says_when_a_file_was_cut_or_its_encoding_guessed(tmp_path, capsys):
    (tmp_path / "long.txt").write_text(MIDDLE + "More words about the harbour wall. " * 200)
    (tmp_path / "latin.txt").write_bytes(("Harbour news\n\nThe café on the quay said the kyiv ferry was late, déjà vu for the crews. " * 3).encode("cp1252"))
    _, out, _ = run(["scan", "--no-output", "--max-bytes", "500", str(tmp_path)], capsys)
    assert f"{tmp_path}/long.txt: note: only the first" in out
    assert f"{tmp_path}/latin.txt: note: encoding guessed as" in out


def test_colour_follows_no_color_and_force_color(corpus, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[31m" in run(["scan", "--no-output", str(corpus)], capsys)[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(["scan", "--no-output", str(corpus)], capsys)[1]
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.delenv("FORCE_COLOR")
    assert "\x1b[" not in run(["scan", "--no-output", str(corpus)], capsys)[1]
    assert "\x1b[31m" in run(["scan", "--no-output", "--color", "always", str(corpus)], capsys)[1]


def test_progress_bar_only_on_a_terminal_outside_ci_and_pre_commit(monkeypatch):
    from audit import cli

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert cli._progress(100) is None  # a pipe
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    bar = cli._progress(100)
    assert bar is not None and bar.delay == 1.0  # shown only once a run has taken a second
    bar.close()
    for env in ("CI", "PRE_COMMIT"):
        monkeypatch.setenv(env, "1")
        assert cli._progress(100) is None
        monkeypatch.delenv(env)


def test_github_format_stays_within_the_display_limits(tmp_path, capsys):
    for i in range(14):
        (tmp_path / f"w{i:02d}.txt").write_text(WORST)
    code, out, _ = run(["scan", "--no-output", "--format", "github", str(tmp_path)], capsys)
    lines = out.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert code == 1 and len(errors) == 10
    assert all(",line=" in line and ",col=" in line and "title=" in line for line in errors)
    notice = next(line for line in lines if line.startswith("::notice "))
    assert "14 files: 14 flagged" in notice and "not annotated" in notice
    assert any(line.startswith(f"{tmp_path}/w13.txt: flagged") for line in lines)
