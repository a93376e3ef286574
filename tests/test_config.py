"""Configuration files: select and ignore rules by id or prefix, and other defaults."""

from __future__ import annotations

import json

import pytest

from audit.cli import main

TEXT = "Council report\n\nThe aid sent to kyiv grew, and « we must not wait,” said the mayor.\n"


def _rules_found(capsys, args):
    code = main(args)
    out = capsys.readouterr().out
    return code, {f["rule"] for f in json.loads(out)[0]["findings"]}


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(TEXT)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_dot_file_ignores_by_prefix(project, capsys):
    _, before = _rules_found(capsys, ["scan", "--no-output", "--format", "json", "a.txt"])
    assert any(r.startswith("kyiv-casing") for r in before)
    (project / ".provenance-audit.toml").write_text('ignore = ["kyiv-casing"]\n')
    _, after = _rules_found(capsys, ["scan", "--no-output", "--format", "json", "a.txt"])
    assert after and not any(r.startswith("kyiv-casing") for r in after)


def test_pyproject_table_selects_and_is_found_from_a_subdirectory(project, capsys, monkeypatch):
    (project / "pyproject.toml").write_text('[project]\nname = "corpus"\n\n[tool.provenance-audit]\nselect = ["mangled-quotes"]\nfail-above = 99.9\n')
    sub = project / "sub"
    sub.mkdir()
    monkeypatch.chdir(sub)
    code, found = _rules_found(capsys, ["scan", "--no-output", "--format", "json", "../a.txt"])
    assert found and all(r.startswith("mangled-quotes") for r in found)
    assert code == 0  # fail-above from the file


def test_command_line_wins_over_the_file(project, capsys):
    (project / ".provenance-audit.toml").write_text('select = ["mangled-quotes"]\n')
    _, found = _rules_found(capsys, ["scan", "--no-output", "--format", "json", "--select", "kyiv-casing", "a.txt"])
    assert found and all(r.startswith("kyiv-casing") for r in found)


def test_unknown_setting_is_a_clear_error(project, capsys):
    (project / ".provenance-audit.toml").write_text('ignroe = ["kyiv-casing"]\n')
    code = main(["scan", "--no-output", "a.txt"])
    err = capsys.readouterr().err
    assert code == 2 and "unknown setting 'ignroe'" in err and ".provenance-audit.toml" in err
