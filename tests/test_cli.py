"""The command line: formats, report files, exit codes, determinism."""

from __future__ import annotations

import io
import json
import os
import sys

import pytest

from audit.cli import main

SCRAPED = """Spread the love

Harbour council backs new sea wall after winter storms

The council on Tuesday approved a new sea wall, the mayor said, letting kyiv and other twin towns send observers.

« We must not wait for the next storm,” warned the mayor.

Harbour council backs new sea wall after winter storms

Dana Holt

By Dana Holt

Dana Holt has been a reporter for the city desk since 2011. Before joining Seabrook Daily , she wrote features for Newsday, The Wall Street Journal and GQ. To get in touch, contact me through my dana@quillwire-news.com 1-800-413-9027
"""  # noqa: E501 (a page line as long as the page has it)

HONEST = """Harbour council backs new sea wall

The council on Tuesday approved a new sea wall after a winter of storms, the mayor said.

"We must not wait for the next storm," she told reporters outside the town hall.
"""


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "scraped.txt").write_text(SCRAPED, encoding="utf-8")
    (d / "honest.md").write_text(HONEST, encoding="utf-8")
    (d / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return d


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_text_output_is_linter_style_then_ranked(corpus, capsys):
    code, out, _ = run(["scan", "--no-output", str(corpus)], capsys)
    assert code == 1
    lines = out.splitlines()
    scraped = str(corpus / "scraped.txt")
    assert any(line.startswith(f"{scraped}:5:") and "kyiv-casing.lowercase" in line for line in lines)
    table = lines[lines.index(next(line for line in lines if line.startswith("score"))) + 1:]
    assert table[0].endswith("scraped.txt") and "flagged" in table[0]
    assert table[1].endswith("honest.md") and "clean" in table[1]
    assert "notes.csv" not in out  # not matched by the default include globs


def test_json_reports_validate_and_are_byte_identical(corpus, capsys, valid):
    _, first, _ = run(["scan", "--no-output", "--format", "json", str(corpus)], capsys)
    _, second, _ = run(["scan", "--no-output", "--format", "json", str(corpus)], capsys)
    assert first == second
    reports = valid(json.loads(first))
    assert [os.path.basename(r["path"]) for r in reports] == ["honest.md", "scraped.txt"]
    scraped = reports[1]
    assert scraped["verdict"] == "flagged" and scraped["score"] >= 80
    total = scraped["evidence"]["bias"] + sum(f["contribution"] for f in scraped["findings"]) + sum(
        x["contribution"] for x in scraped["evidence"]["features"]
    )
    assert total == pytest.approx(scraped["evidence"]["log_odds"], abs=1e-2)


def test_jsonl_has_one_report_per_line(corpus, capsys, valid):
    _, out, _ = run(["scan", "--no-output", "--format", "jsonl", str(corpus)], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 2
    valid(rows)


def test_output_dir_gets_reports_and_summary_atomically(corpus, tmp_path, capsys, valid):
    out_dir = tmp_path / "reports"
    code, _, _ = run(["scan", "--output", str(out_dir), "--format", "json", str(corpus)], capsys)
    assert code == 1
    written = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file())
    assert "summary.json" in written
    assert not [w for w in written if ".tmp-" in w]
    reports = [json.loads((out_dir / w).read_text()) for w in written if w != "summary.json"]
    assert len(reports) == 2
    valid(reports)
    summary = json.loads((out_dir / "summary.json").read_text())
    assert summary["files"] == 2 and summary["verdicts"]["flagged"] == 1
    assert summary["ranking"][0]["path"].endswith("scraped.txt")
    first = {w: (out_dir / w).read_bytes() for w in written}
    run(["scan", "--output", str(out_dir), "--format", "json", str(corpus)], capsys)
    assert first == {w: (out_dir / w).read_bytes() for w in written}


def test_fail_above_and_exit_codes(corpus, capsys):
    assert run(["scan", "--no-output", str(corpus / "honest.md")], capsys)[0] == 0
    assert run(["scan", "--no-output", str(corpus / "scraped.txt")], capsys)[0] == 1
    # a threshold above a file's score lets it pass (scores are 0-100, so a file scoring below 100 is used)
    (corpus / "partial.txt").write_text("\n".join(SCRAPED.splitlines()[:6]) + "\n")
    assert run(["scan", "--no-output", str(corpus / "partial.txt")], capsys)[0] == 1
    assert run(["scan", "--no-output", "--fail-above", "99.9", str(corpus / "partial.txt")], capsys)[0] == 0
    code, _, err = run(["scan", "--no-output", str(corpus / "missing.txt")], capsys)
    assert code == 2 and "no such file" in err
    with pytest.raises(SystemExit) as usage:
        main(["scan", "--format", "xml", str(corpus)])
    assert usage.value.code == 2


def test_unreadable_input_still_gets_its_report(corpus, tmp_path, capsys):
    (corpus / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    out_dir = tmp_path / "out"
    code, out, _ = run(["scan", "--output", str(out_dir), str(corpus)], capsys)
    assert code == 2
    assert "blob.txt: error: binary" in out
    report = json.loads(next(out_dir.rglob("blob.txt.json")).read_text())
    assert report["error"] and report["score"] is None


def test_quiet_prints_nothing_when_all_is_well(corpus, capsys):
    code, out, _ = run(["scan", "--no-output", "--quiet", str(corpus / "honest.md")], capsys)
    assert code == 0 and out == ""
    code, out, _ = run(["scan", "--no-output", "--quiet", str(corpus)], capsys)
    assert code == 1 and "scraped.txt" in out and "honest.md" not in out


def test_include_and_exclude(corpus, capsys):
    _, out, _ = run(["scan", "--no-output", "--format", "json", "--include", "*.csv", str(corpus)], capsys)
    assert [os.path.basename(r["path"]) for r in json.loads(out)] == ["notes.csv"]
    _, out, _ = run(["scan", "--no-output", "--format", "json", "--exclude", "scraped*", str(corpus)], capsys)
    assert [os.path.basename(r["path"]) for r in json.loads(out)] == ["honest.md"]


def test_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SCRAPED.encode("utf-8"))))
    code, out, _ = run(["scan", "--no-output", "--format", "json", "-"], capsys)
    assert code == 1 and json.loads(out)[0]["path"] == "-"


def test_select_and_ignore_by_prefix(corpus, capsys):
    _, out, _ = run(["scan", "--no-output", "--format", "json", "--select", "kyiv-casing", str(corpus / "scraped.txt")], capsys)
    rules = {f["rule"] for f in json.loads(out)[0]["findings"]}
    assert rules and all(r.startswith("kyiv-casing") for r in rules)
    _, out, _ = run(["scan", "--no-output", "--format", "json", "--ignore", "kyiv-casing,spam-byline", str(corpus / "scraped.txt")], capsys)
    rules = {f["rule"] for f in json.loads(out)[0]["findings"]}
    assert rules and not any(r.startswith(("kyiv-casing", "spam-byline")) for r in rules)


def test_rules_and_explain(capsys, catalogue):
    code, out, _ = run(["rules", "--format", "json"], capsys)
    assert code == 0 and {r["id"] for r in json.loads(out)} == {r.id for r in catalogue.rules}
    for rule in catalogue.rules:
        code, out, _ = run(["explain", rule.id], capsys)
        assert code == 0
        assert rule.summary in out and "Why it is suspicious" in out and "Honest look-alikes" in out
    code, _, err = run(["explain", "no-such-rule"], capsys)
    assert code == 2 and "no rule" in err


def test_bad_weights_file_is_a_clear_error(tmp_path, corpus, capsys):
    bad = tmp_path / "w.toml"
    bad.write_text("[weights\n")
    code, _, err = run(["scan", "--no-output", "--weights", str(bad), str(corpus)], capsys)
    assert code == 2 and "w.toml" in err and "TOML" in err


def test_eval_on_a_small_labelled_corpus(tmp_path, capsys):
    d = tmp_path / "labelled"
    d.mkdir()
    (d / "a.txt").write_text(SCRAPED)
    (d / "b.txt").write_text(HONEST)
    (d / "manifest-x.jsonl").write_text(
        json.dumps({"file": "a.txt", "label": "scraped-mt", "signals": ["kyiv-casing", "spam-byline", "pronoun-leak"]}) + "\n"
        + json.dumps({"file": "b.txt", "label": "original", "signals": []}) + "\n"
    )
    code, out, _ = run(["eval", "--format", "json", str(d)], capsys)
    m = json.loads(out)
    assert code == 0 and m["auc"] == 1.0 and m["originals_flagged"] == []
    assert m["per_signal"]["kyiv-casing"]["recall"] == 1.0
    assert m["per_signal"]["pronoun-leak"]["recall"] == 0.0
    code, out, _ = run(["eval", str(d)], capsys)
    assert "AUC 1.000" in out


def test_jobs_give_identical_output(tmp_path, capsys):
    d = tmp_path / "many"
    d.mkdir()
    for i in range(12):
        (d / f"f{i:02d}.txt").write_text(SCRAPED if i % 3 == 0 else HONEST)
    _, one, _ = run(["scan", "--no-output", "--format", "jsonl", str(d)], capsys)
    _, two, _ = run(["scan", "--no-output", "--format", "jsonl", "--jobs", "2", str(d)], capsys)
    assert one == two and len(one.splitlines()) == 12


def test_readability_only_where_output_shows_it(corpus, capsys):
    from audit import Auditor

    long_honest = HONEST + "\nThe new wall will be built from local stone and should last a century, engineers said on Friday.\n"
    (corpus / "long.txt").write_text(long_honest)
    _, out, _ = run(["scan", "--no-output", "--format", "json", str(corpus / "long.txt")], capsys)
    figures = json.loads(out)[0]["readability"]
    assert figures and 0 < figures["flesch_reading_ease"] < 120 and figures["words"] >= 30
    quiet = Auditor(readability=False).audit_path(str(corpus / "long.txt"))
    assert quiet["readability"] is None


def test_weights_without_a_rule_warn(tmp_path, corpus, capsys):
    partial = tmp_path / "partial.toml"
    partial.write_text('[meta]\nversion = "mine"\n[model.overall]\nbias = -2.0\n[weights]\n"kyiv-casing.lowercase" = 2.0\n')
    code, out, err = run(["scan", "--no-output", "--format", "json", "--weights", str(partial), str(corpus / "scraped.txt")], capsys)
    assert "gives no weight to" in err and "partial.toml" in err
    report = json.loads(out)[0]
    assert report["weights_version"] == "mine"
    assert all(f["contribution"] == 0 for f in report["findings"] if f["rule"] != "kyiv-casing.lowercase")


def test_the_command_line_stays_small_and_simple():
    """The CLI is split by subcommand: every module under 400 lines, no function above complexity 15."""
    import shutil
    import subprocess
    from pathlib import Path

    package = Path(__file__).resolve().parents[1] / "audit"
    modules = [package / "cli.py", *sorted((package / "commands").glob("*.py"))]
    assert len(modules) > 3
    for module in modules:
        assert len(module.read_text(encoding="utf-8").splitlines()) < 400, module
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    if not os.path.exists(ruff):
        pytest.skip("ruff is not installed")
    proc = subprocess.run([ruff, "check", "--no-cache", "--select", "C901", "--config", "lint.mccabe.max-complexity=15",
                           *map(str, modules)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout
