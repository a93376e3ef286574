"""Loading: encodings, formats and bad input. No input crashes the run."""

from __future__ import annotations

import os

import pytest

from audit import document
from audit.cli import main


def test_utf8_with_bom_is_read_and_recorded(tmp_path, auditor, valid):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfA quiet day in the harbour town.\n")
    report = valid(auditor.audit_path(str(path)))
    assert report["encoding"] == "utf-8-sig"
    assert report["error"] is None


def test_latin1_file_is_detected_and_decoded(tmp_path, auditor, valid):
    text = ("Le café de la gare a rouvert ses portes après les travaux. "
            "Les habitués étaient ravis de retrouver leur comptoir préféré, a déclaré la propriétaire.")
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    report = valid(auditor.audit_path(str(path)))
    assert report["error"] is None
    assert report["encoding"] and report["encoding"].lower().replace("_", "-") not in {"utf-8", "ascii"}
    doc = document.load(str(path))
    assert "café" in doc.text and "préféré" in doc.text


def test_empty_file_gets_a_clean_report(tmp_path, auditor, valid):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    report = valid(auditor.audit_path(str(path)))
    assert report["error"] is None
    assert report["findings"] == [] and report["verdict"] == "clean"


def test_binary_file_gets_an_error_report(tmp_path, auditor, valid):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    report = valid(auditor.audit_path(str(path)))
    assert report["score"] is None and "binary" in report["error"]


def test_large_file_is_audited_in_part_and_says_so(tmp_path, valid):
    from audit import Auditor

    para = "The council met on Tuesday to discuss the harbour wall and the budget for repairs.\n\n"
    path = tmp_path / "big.txt"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("Harbour wall repairs approved\n\n")
        fh.write(para * (20 * 1024 * 1024 // len(para) + 1))
        fh.write("letting kyiv decide\n")
    assert path.stat().st_size > 20 * 1024 * 1024
    small = Auditor(max_bytes=1024 * 1024)
    report = valid(small.audit_path(str(path)))
    assert report["truncated"] is True and report["error"] is None
    assert "notes" in report and "first" in report["notes"][0]
    # the finding beyond the limit is not reported: only the audited part counts
    assert not [f for f in report["findings"] if f["rule"].startswith("kyiv-casing")]


def test_truncation_does_not_split_a_character(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(("é" * 100).encode("utf-8"))
    doc = document.load(str(path), max_bytes=51)
    assert doc.truncated and "\ufffd" not in doc.text and set(doc.text) == {"é"}


def test_unreadable_file_gets_an_error_report(tmp_path, auditor, valid, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Nothing to see.")
    real_open = open

    def deny(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    report = valid(auditor.audit_path(str(path)))
    assert report["score"] is None and "permission denied" in report["error"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_file_without_read_permission(tmp_path, auditor, valid):
    path = tmp_path / "locked.txt"
    path.write_text("Nothing to see.")
    path.chmod(0)
    try:
        report = valid(auditor.audit_path(str(path)))
    finally:
        path.chmod(0o644)
    assert "permission denied" in report["error"]


def test_symlink_loop_is_reported_and_the_run_completes(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "a.txt").write_text("A calm report about the harbour.\n")
    (corpus / "sub" / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    code = main(["scan", "--no-output", "--format", "json", str(corpus)])
    captured = capsys.readouterr()
    assert "symbolic link loop" in captured.err
    assert "broken symbolic link" in captured.err
    assert "a.txt" in captured.out
    assert code == 0


def test_formats_are_sniffed():
    assert document.sniff_format("x.html", b"") == "html"
    assert document.sniff_format("x.md", b"") == "markdown"
    assert document.sniff_format("page", b"<!DOCTYPE html><html>") == "html"
    assert document.sniff_format("notes", b"Just words") == "text"


def test_crlf_positions_match_the_file(tmp_path, auditor):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title line\r\n\r\nThe aid sent to kyiv grew.\r\n")
    report = auditor.audit_path(str(path))
    hit = [f for f in report["findings"] if f["rule"] == "kyiv-casing.lowercase"][0]
    assert (hit["line"], hit["column"]) == (3, 17)


def test_a_loaded_document_is_not_changed_by_later_stages():
    import dataclasses

    from audit import document

    doc = document.from_bytes("a.txt", b"Harbour fees rise\n\nThe board met on Monday.\n")
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.url = "https://news.example/x"  # type: ignore[misc]
    placed = document.addressed(doc, url="https://news.example/x", date="2024-05-01")
    assert (placed.url, placed.date) == ("https://news.example/x", "2024-05-01")
    assert doc.url is None and doc.date is None and placed.text == doc.text
    assert document.addressed(doc) is doc  # nothing to add: the same document
