"""Input formats are one registry (audit/inputformats.py): a new one is one entry, read by the walk, the loader, crawl files and the CLI."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import replace

from audit import inputformats
from audit.cli import main
from audit.document import load_text
from audit.inputformats import INPUT_FORMATS, InputFormat

STORY = "Council approves the bridge plan\n\nThe council voted on Tuesday night after a long debate about the plan.\n"
LOADED: list[str] = []


def _load_notes(**fields):
    """A toy format: plain text whose lines starting with '%' are the writer's notes, blanked out (offsets kept)."""
    LOADED.append(fields["path"])
    source = fields["source"]
    text = "\n".join(" " * len(line) if line.startswith("%") else line for line in source.split("\n"))
    return replace(load_text(**fields), text=text)


def _register(monkeypatch):
    LOADED.clear()
    monkeypatch.setitem(INPUT_FORMATS, "notes", InputFormat("notes", (".notes",), load=_load_notes))


def _scan(args, capsys):
    code = main(["scan", "--no-output", "--no-cache", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


def test_the_shipped_registry_gives_the_walk_and_the_cli_their_lists():
    assert inputformats.document_formats() == ["text", "markdown", "html"]
    assert set(inputformats.default_include()) == {"*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.xhtml"}
    assert inputformats.format_of("a/b.HTM") == "html" and inputformats.format_of("a.text") == "text"
    assert inputformats.format_of("a.notes") is None
    assert inputformats.container_of("crawl.warc.gz").name == "warc" and inputformats.container_of("a.txt") is None


def test_a_registered_format_is_walked_loaded_and_reported(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.notes").write_text("% check the figures with the desk\n" + STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    _, reports = _scan([str(tmp_path)], capsys)
    assert [r["format"] for r in reports] == ["text"]  # unknown before it is registered
    _register(monkeypatch)
    _, reports = _scan([str(tmp_path)], capsys)
    by_name = {r["path"].rsplit("/", 1)[-1]: r for r in reports}
    assert sorted(by_name) == ["a.notes", "b.txt"]
    assert by_name["a.notes"]["format"] == "notes" and LOADED == [str(tmp_path / "a.notes")]


def test_a_registered_format_is_a_stdin_format_and_a_record_format(tmp_path, capsys, monkeypatch):
    _register(monkeypatch)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode("utf-8"))))
    _, reports = _scan(["--stdin-format", "notes", "-"], capsys)
    assert reports[0]["format"] == "notes" and LOADED == ["-"]
    crawl = tmp_path / "records.jsonl"
    crawl.write_text(json.dumps({"id": "n1", "text": STORY, "format": "notes"}) + "\n", encoding="utf-8")
    _, reports = _scan([str(crawl)], capsys)
    assert reports[0]["format"] == "notes" and LOADED[-1].endswith("records.jsonl#n1")


def test_a_record_format_field_names_a_format_or_a_suffix(monkeypatch):
    assert [inputformats.record_format(v) for v in ("html", "md", "txt", "htm", "pdf", None, "")] == ["html", "markdown", "text", "html", None, None, None]
    _register(monkeypatch)
    assert inputformats.record_format("notes") == "notes"
