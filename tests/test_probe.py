"""The probe corpus (tests/probe): invented documents written apart from the
development corpus, with the signals in other forms and the honest
look-alikes of every signal among the originals. It checks that the
catalogue generalises beyond the phrasings it was written against.

The thresholds sit slightly below the measured figures (24 documents:
12 positives, 12 originals), so a change that loses a form fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from audit import Auditor
from audit.evaluate import load_manifests, metrics

PROBE = Path(__file__).parent / "probe"

# minimum share of the documents tagged with a signal in which it is found;
# measured: 1.0 for all listed except outlet-suffix-title and
# foreign-honorific (4/5), foreign-credit (2/4), canonical-mismatch (1/3)
MIN_SIGNAL_RECALL = {
    "false-friend": 0.85,
    "foreign-typography": 0.85,
    "translated-agency-name": 0.8,
    "read-also-block": 0.8,
    "share-widget-text": 0.75,
    "outlet-suffix-title": 0.75,
    "foreign-honorific": 0.75,
    "timestamp-boilerplate": 0.6,
    "editors-note-calque": 0.5,
    "inline-photo-credit": 0.5,
    "foreign-credit": 0.5,
    "canonical-mismatch": 0.3,
}


@pytest.fixture(scope="module")
def probe_metrics():
    entries = load_manifests(PROBE)
    auditor = Auditor()
    reports = [auditor.audit_path(e["path"]) for e in entries]
    return metrics(entries, reports)


def test_probe_corpus_is_balanced(probe_metrics):
    assert probe_metrics["documents"] >= 20
    assert probe_metrics["positives"] >= 10 and probe_metrics["originals"] >= 10
    assert not probe_metrics["errors"]


def test_no_original_flagged_or_in_review(probe_metrics):
    assert probe_metrics["originals_flagged"] == []
    assert probe_metrics["originals_review"] == []


def test_probe_ranking_and_verdicts(probe_metrics):
    assert probe_metrics["auc"] >= 0.9
    assert probe_metrics["flagged"]["recall"] >= 0.9
    assert probe_metrics["not_clean"]["recall"] >= 0.9
    assert probe_metrics["positives_clean"] == []


def test_probe_signal_recall(probe_metrics):
    assert probe_metrics["signal_recall"] >= 0.85


@pytest.mark.parametrize("signal", sorted(MIN_SIGNAL_RECALL))
def test_probe_per_signal_recall(probe_metrics, signal):
    d = probe_metrics["per_signal"][signal]
    assert d["recall"] >= MIN_SIGNAL_RECALL[signal], f"{signal}: missed in {d['missed']}"
