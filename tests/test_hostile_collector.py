"""The garbage collector is paused while one document is audited, and only then."""

from __future__ import annotations

import gc

from audit.pipeline import collector_paused


def test_the_collector_is_paused_inside_and_on_again_after(auditor):
    seen = []

    class Spy:
        def __init__(self):
            seen.append(gc.isenabled())

    with collector_paused():
        Spy()
    assert seen == [False] and gc.isenabled()
    report = auditor.audit_text("<html><body><p>The harbour wall was repaired.</p></body></html>", fmt="html", path="p.html")
    assert report["error"] is None and gc.isenabled()


def test_a_caller_that_turned_the_collector_off_keeps_it_off(auditor):
    gc.disable()
    try:
        auditor.audit_text("The harbour wall was repaired.\n")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_on_again_after_a_document_that_ran_out_of_time(auditor, monkeypatch):
    from audit import language

    def slow(doc):
        while True:
            pass

    monkeypatch.setattr(language, "analyse", slow)
    auditor.time_budget = 0.2
    try:
        report = auditor.audit_text("a slow one\n")
    finally:
        auditor.time_budget = 10.0
    assert "ran out of time" in report["error"] and gc.isenabled()
