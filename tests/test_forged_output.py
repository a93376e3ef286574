"""Output that cannot be forged: control characters escaped, no file name that starts a line, SARIF URIs encoded."""

from __future__ import annotations

import json
from urllib.parse import unquote

from audit.cli import main
from audit.formats._escape import printable

SCRAPED = "Spread the love\n\nHarbour wall news\n\nAid sent to kyiv grew, « we must not wait,” the mayor said.\n"


def test_printable_escapes_controls_and_bidi():
    assert printable("a\nb") == "a\\nb"
    assert printable("\x1b[31mred") == "\\x1b[31mred"
    assert printable("abc\u202etxt.exe") == "abc\\u202etxt.exe"
    assert printable("\u2028\u2066\x7f\x9b") == "\\u2028\\u2066\\x7f\\x9b"
    assert printable("Kyiv « quoted » café — ok") == "Kyiv « quoted » café — ok"


def test_a_file_name_with_a_newline_cannot_forge_a_finding(tmp_path, capsys):
    name = "x\nforged.txt:1:1: kyiv-casing.lowercase all is well\x1b[2K.txt"
    (tmp_path / name).write_text(SCRAPED)
    code = main(["scan", "--no-output", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "\x1b" not in out
    assert not any(line.startswith("forged.txt") for line in out.splitlines())
    assert f"{tmp_path}/x\\nforged.txt:1:1: kyiv-casing.lowercase all is well\\x1b[2K.txt:5:" in out


def test_excerpts_and_messages_are_escaped(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Harbour wall news\n\nAid sent to kyiv\x1b]0;owned\x07 grew, the mayor said.\n")
    main(["scan", "--no-output", "--color", "never", str(tmp_path / "a.txt")])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out


def test_suppression_reasons_are_escaped(tmp_path, capsys):
    (tmp_path / "a.md").write_text("<!-- provenance-audit: ignore doubled-title -- fine\x1b[1A\x1b[2K -->\nA calm line.\n")
    main(["scan", "--no-output", str(tmp_path / "a.md")])
    out = capsys.readouterr().out
    assert "unused suppression" in out and "\x1b" not in out


def test_sarif_uris_are_percent_encoded(tmp_path, capsys):
    name = "a b%#?:c.txt"
    (tmp_path / name).write_text(SCRAPED)
    main(["scan", "--no-output", "--format", "sarif", str(tmp_path)])
    log = json.loads(capsys.readouterr().out)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("/a%20b%25%23%3F%3Ac.txt")
    assert unquote(uri) == f"{tmp_path}/{name}"


def test_github_commands_cannot_be_injected(tmp_path, capsys):
    name = "b,line=1::x\n::error::forged.txt"
    (tmp_path / name).write_text(SCRAPED)
    main(["scan", "--no-output", "--format", "github", str(tmp_path)])
    lines = capsys.readouterr().out.splitlines()
    assert not any(line.startswith("::error::forged") for line in lines)
    errors = [line for line in lines if line.startswith("::error ")]
    assert errors and all("file=" in line and "%2Cline=1%3A%3Ax" in line for line in errors)
