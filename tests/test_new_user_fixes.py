"""What a new user hit (issue: the editor's desk, section 7): each case failed before its fix."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest

from audit.cli import main

ROOT = Path(__file__).resolve().parents[1]
SCRAPED = ("Spread the love\n\nHarbour wall news\n\nAid sent to kyiv grew, and « we must not wait,” said the mayor.\n\n"
           "Posted at 8:12 a.m. Updated at 6:40 p.m.\n")
HONEST = "Harbour wall news\n\nThe council approved a new sea wall on Tuesday, the mayor said.\n"


def run(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_unreadable_directory_exits_2(tmp_path, capsys, monkeypatch):
    (tmp_path / "ok.txt").write_text(HONEST)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(SCRAPED)
    real = os.scandir

    def scandir(path="."):
        if Path(path) == locked:  # what a directory without read permission does (tests may run as root)
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, _, err = run(["scan", "--no-output", str(tmp_path)], capsys)
    assert code == 2 and "locked" in err and "cannot list directory" in err


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_id_is_an_error_naming_the_closest(tmp_path, capsys, option):
    (tmp_path / "a.txt").write_text(SCRAPED)
    code, out, err = run(["scan", "--no-output", option, "kyiv-casng", str(tmp_path / "a.txt")], capsys)
    assert code == 2 and out == ""
    assert "kyiv-casng" in err and "closest" in err and "kyiv-casing" in err and option in err


def test_unknown_rule_id_in_the_config_is_an_error(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text(SCRAPED)
    (tmp_path / ".provenance-audit.toml").write_text('ignore = ["mangled-quote"]\n')
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["scan", "--no-output", "a.txt"], capsys)
    assert code == 2 and "ignore (configuration)" in err and "mangled-quotes" in err
    # an id that exists, or a prefix of one, or a wildcard, is fine
    (tmp_path / ".provenance-audit.toml").write_text('ignore = ["mangled-quotes", "kyiv-casing.mix", "fake-contact.*"]\n')
    assert run(["scan", "--no-output", "a.txt"], capsys)[0] == 1


def test_words_inside_a_suppression_comment_are_not_audited(auditor):
    text = ("<!-- provenance-audit: ignore-file doubled-word -- the reason quotes kyiv and Kiev, « like this” -->\n"
            "Harbour notes\n\nA calm line about the harbour wall and its stones.\n")
    report = auditor.audit_text(text, fmt="markdown", path="n.md")
    assert report["findings"] == [] and report["verdict"] == "clean"
    assert report["suppressions"]["unused"][0]["rules"] == ["doubled-word"]
    # the text after the comment is still audited, at its own line
    report = auditor.audit_text(text + "\nThe aid sent to kyiv grew.\n", fmt="markdown", path="n.md")
    assert [(f["rule"], f["line"]) for f in report["findings"] if f["rule"] == "kyiv-casing.lowercase"] == [("kyiv-casing.lowercase", 6)]


def _readme_config() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("Defaults for a corpus go in"):]
    return re.search(r"```toml\n(.*?)```", section, re.S).group(1)


@pytest.mark.parametrize("name", [".provenance-audit.toml", "pyproject.toml"])
def test_readme_config_example_works_where_the_readme_says(tmp_path, capsys, monkeypatch, name):
    (tmp_path / "a.txt").write_text(SCRAPED)
    (tmp_path / name).write_text(_readme_config())
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["scan", "--no-output", "--format", "json", "a.txt"], capsys)
    assert err == "" and code in (0, 1)
    assert json.loads(out)[0]["findings"]


def test_explain_rule_prints_no_raw_placeholders(capsys, catalogue):
    raw = re.compile(r"\{[a-z_]+\}")
    with_fields = [r for r in catalogue.rules if raw.search(r.message)]
    assert with_fields
    for rule in with_fields:
        code, out, _ = run(["explain", rule.id], capsys)
        assert code == 0 and not raw.search(out.split("Why it is suspicious")[0]), rule.id
    _, out, _ = run(["explain", "kyiv-casing.lowercase"], capsys)
    assert "'kyiv'" in out.split("Why it is suspicious")[0]


def test_reports_follow_the_umask(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(HONEST)
    old = os.umask(0o022)
    try:
        run(["scan", "--output", str(tmp_path / "out"), str(tmp_path / "in")], capsys)
    finally:
        os.umask(old)
    written = [p for p in (tmp_path / "out").rglob("*.json")]
    assert written and all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in written)


def test_reports_of_files_no_longer_scanned_are_cleared(tmp_path, capsys):
    corpus, out = tmp_path / "in", tmp_path / "out"
    corpus.mkdir()
    (corpus / "a.txt").write_text(HONEST)
    (corpus / "b.txt").write_text(SCRAPED)
    run(["scan", "--output", str(out), str(corpus)], capsys)
    (out / "notes.json").write_text("{}")  # not ours: must stay
    assert len(list(out.rglob("b.txt.json"))) == 1
    (corpus / "b.txt").unlink()
    run(["scan", "--output", str(out), str(corpus)], capsys)
    assert not list(out.rglob("b.txt.json")) and list(out.rglob("a.txt.json")) and (out / "notes.json").exists()
    summary = json.loads((out / "summary.json").read_text())
    assert [row["path"] for row in summary["ranking"]] == [str(corpus / "a.txt")]


def test_docs_does_not_write_into_an_installed_package(tmp_path, capsys, monkeypatch):
    installed = tmp_path / "site-packages" / "audit" / "rules"
    installed.mkdir(parents=True)
    monkeypatch.setattr("audit.catalogue.rules_dir", lambda: installed)
    code, out, _ = run(["docs"], capsys)
    assert code == 0 and out.startswith("# Rule reference")
    assert list(installed.iterdir()) == []
    target = tmp_path / "rules.md"
    assert run(["docs", "--out", str(target)], capsys)[0] == 0 and target.read_text().startswith("# Rule reference")


@pytest.mark.parametrize("value", ["-3", "150", "nan", "inf", "lots"])
def test_fail_above_must_be_a_score(tmp_path, capsys, value):
    (tmp_path / "a.txt").write_text(HONEST)
    with pytest.raises(SystemExit) as usage:
        main(["scan", "--no-output", "--fail-above", value, str(tmp_path / "a.txt")])
    assert usage.value.code == 2 and "--fail-above" in capsys.readouterr().err


def test_one_file_is_not_files(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(HONEST)
    _, out, _ = run(["scan", "--no-output", str(tmp_path / "a.txt")], capsys)
    assert out.splitlines()[-1].startswith("1 file: ") and "1 files" not in out
    assert "0 errors" in out.splitlines()[-1]


def test_space_before_punctuation_shows_the_word_and_points_at_it(auditor):
    report = auditor.audit_text("Poultry and cereals : farmers block the motorway today.\n", path="t.txt")
    [f] = [f for f in report["findings"] if f["rule"] == "foreign-typography.space-before-punctuation"]
    assert f["excerpt"] == "cereals :" and "in 'cereals :'" in f["message"]
    line = "Poultry and cereals : farmers block the motorway today."
    assert line[f["column"] - 1:].startswith(f["excerpt"])  # the column is where the excerpt begins
