"""Baselines: accept what was reviewed, fail on what is new or worse, keep the reviewer's note."""

from __future__ import annotations

import json

import pytest

from audit.cli import main

SCRAPED = ("Spread the love\n\nHarbour wall news\n\nAid sent to kyiv grew, and « we must not wait,” said the mayor.\n\n"
           "Harbour wall news\n")
WORSE = SCRAPED + "\nPosted at 8:12 a.m. Updated at 6:40 p.m.\n"
HONEST = "Harbour wall news\n\nThe council approved a new sea wall on Tuesday, the mayor said.\n"


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "copied.txt").write_text(SCRAPED)
    (d / "honest.txt").write_text(HONEST)
    return d


def test_create_records_hash_score_findings_and_note(corpus, capsys):
    code, out, _ = run(["baseline", "create", "corpus", "--note", "syndicated with permission"], capsys)
    assert code == 0 and "2 files accepted" in out
    data = json.loads(open(".provenance-audit-baseline.json").read())
    entry = next(e for e in data["files"] if e["path"] == "corpus/copied.txt")
    assert len(entry["sha256"]) == 64 and entry["verdict"] == "flagged" and entry["score"] >= 50
    assert entry["findings"] and entry["note"] == "syndicated with permission"
    # re-created without --note, the reviewer's note stays
    run(["baseline", "create", "corpus"], capsys)
    again = json.loads(open(".provenance-audit-baseline.json").read())
    assert next(e for e in again["files"] if e["path"] == "corpus/copied.txt")["note"] == "syndicated with permission"


def test_accepted_files_pass_new_and_worse_fail(corpus, capsys):
    assert run(["scan", "--no-output", "corpus"], capsys)[0] == 1
    run(["baseline", "create", "corpus", "--note", "reviewed"], capsys)
    code, out, _ = run(["scan", "--no-output", "--baseline", ".provenance-audit-baseline.json", "corpus"], capsys)
    assert code == 0 and "[baseline: accepted — reviewed]" in out and "accepted by the baseline" in out
    code, out, _ = run(["scan", "--no-output", "--quiet", "--baseline", ".provenance-audit-baseline.json", "corpus"], capsys)
    assert code == 0 and out == ""
    # an edit that adds no finding and no score keeps it accepted
    (corpus / "copied.txt").write_text(SCRAPED.replace("said the mayor", "the mayor said"))
    assert run(["scan", "--no-output", "--baseline", ".provenance-audit-baseline.json", "corpus"], capsys)[0] == 0
    # worse: a new finding
    (corpus / "copied.txt").write_text(WORSE)
    code, out, _ = run(["scan", "--no-output", "--quiet", "--baseline", ".provenance-audit-baseline.json", "corpus"], capsys)
    assert code == 1 and "[baseline: worse — reviewed]" in out and "timestamp-boilerplate" in out
    # new: a file the baseline does not know
    (corpus / "copied.txt").write_text(SCRAPED)
    (corpus / "another.txt").write_text(SCRAPED)  # a copy beside the accepted original is new
    code, out, _ = run(["scan", "--no-output", "--quiet", "--baseline", ".provenance-audit-baseline.json", "corpus"], capsys)
    assert code == 1 and "another.txt" in out and "[baseline: new]" in out and "copied.txt" not in out


def test_a_moved_file_is_found_by_its_content(corpus, capsys):
    run(["baseline", "create", "corpus"], capsys)
    (corpus / "copied.txt").rename(corpus / "moved.txt")
    assert run(["scan", "--no-output", "--baseline", ".provenance-audit-baseline.json", "corpus"], capsys)[0] == 0
    # only the moved file on the command line (as a pre-commit hook passes it) is still accepted
    assert run(["scan", "--no-output", "--baseline", ".provenance-audit-baseline.json", "corpus/moved.txt"], capsys)[0] == 0


def test_plain_text_suppressed_through_the_baseline_in_machine_formats(corpus, capsys):
    run(["baseline", "create", "corpus"], capsys)
    code, out, _ = run(["scan", "--no-output", "--quiet", "--format", "json", "--baseline", ".provenance-audit-baseline.json", "corpus"], capsys)
    assert code == 0 and json.loads(out) == []
    code, out, _ = run(["scan", "--no-output", "--format", "github", "--baseline", ".provenance-audit-baseline.json", "corpus"], capsys)
    assert code == 0 and "::error" not in out


def test_baseline_from_the_configuration(corpus, capsys):
    run(["baseline", "create", "corpus", "--out", "accepted.json"], capsys)
    (corpus.parent / ".provenance-audit.toml").write_text('baseline = "accepted.json"\n')
    assert run(["scan", "--no-output", "corpus"], capsys)[0] == 0


def test_bad_baseline_is_a_clear_error(corpus, capsys):
    code, _, err = run(["scan", "--no-output", "--baseline", "missing.json", "corpus"], capsys)
    assert code == 2 and "missing.json" in err and "baseline create" in err
    (corpus.parent / "bad.json").write_text('{"files": 3}')
    code, _, err = run(["scan", "--no-output", "--baseline", "bad.json", "corpus"], capsys)
    assert code == 2 and "not a baseline file" in err
