"""eval and calibrate on real-data shapes: a manifest whose texts live elsewhere,
an honest folder with no manifest, folds grouped by site, per-corpus thresholds."""

from __future__ import annotations

import json

import pytest

from audit.calibrate import F, Sample, Settings, folds, thresholds
from audit.cli import main
from audit.evaluate import ManifestError, load_corpus, load_honest, rule_table, site_of

SCRAPED = (
    "Harbour fees rise again\n\nHarbour fees rise again\n\n"
    "The port board raised its mooring fees on Monday.\n\nShare this:\nClick to share on Facebook (Opens in new window)\n"
)
HONEST = "Harbour fees rise again\n\nThe port board raised its mooring fees on Monday, the third rise in two years.\n"


def write_manifest_corpus(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    rows = []
    for i in range(6):
        positive = i % 2 == 0
        ident = f"p-{i}"
        (texts / f"{ident}.txt").write_text(SCRAPED if positive else HONEST, encoding="utf-8")
        rows.append({"id": ident, "url": f"https://www.site{i % 3}.example/a/{i}", "label": "scraped" if positive else "original",
                     "source_language": "en", "visible_trace": True, "signals": []})
    rows.append({"id": "p-unsure", "url": "https://x.example/", "label": "unsure", "source_language": "en", "signals": []})
    rows.append({"id": "p-gone", "url": "https://y.example/", "label": "scraped", "source_language": "fr", "signals": []})
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return manifest, texts


def test_site_of_normalises_hosts():
    assert site_of("https://www.Example.com/a?b=1") == "example.com"
    assert site_of("example.org/x") == "example.org"
    assert site_of(None) is None


def test_manifest_with_texts_elsewhere(tmp_path):
    manifest, texts = write_manifest_corpus(tmp_path)
    corpus = load_corpus(manifest, texts)
    assert [e["file"] for e in corpus.entries] == [f"p-{i}" for i in range(6)]
    assert corpus.skipped == {"unsure": ["p-unsure"], "missing_text": ["p-gone"]}
    assert corpus.entries[0]["group"] == "site0.example"
    with pytest.raises(ManifestError, match="--texts"):
        load_corpus(manifest)


def test_eval_cli_reports_groups_languages_and_rules(tmp_path, capsys):
    manifest, texts = write_manifest_corpus(tmp_path)
    assert main(["eval", str(manifest), "--texts", str(texts), "--format", "json"]) == 0
    m = json.loads(capsys.readouterr().out)
    assert m["documents"] == 6 and m["positives"] == 3
    assert m["skipped"] == {"unsure": ["p-unsure"], "missing_text": ["p-gone"]}
    assert set(m["by_label"]) == {"original", "scraped"}
    assert m["by_source_language"]["en"]["scraped"]["documents"] == 3
    table = {r["rule"]: r for r in m["rules"]}
    assert table["doubled-title"]["positives"] == 3 and table["doubled-title"]["honest"] == 0
    assert table["doubled-title"]["s_o"] == 1.0
    assert main(["eval", str(manifest), "--texts", str(texts)]) == 0
    text = capsys.readouterr().out
    assert "skipped: unsure 1, missing_text 1" in text and "S/O" in text


def test_eval_cli_without_texts_is_a_clear_error(tmp_path, capsys):
    manifest, _ = write_manifest_corpus(tmp_path)
    assert main(["eval", str(manifest)]) == 2
    assert "--texts" in capsys.readouterr().err


def test_honest_folder_and_fixed_sample(tmp_path, capsys):
    folder = tmp_path / "wire"
    folder.mkdir()
    for i in range(20):
        (folder / f"story-{i}.txt").write_text(f"STORY {i}\n\nThe board met on Monday and approved item {i}.\n", encoding="utf-8")
    whole = load_honest(folder)
    assert len(whole.entries) == 20 and {e["label"] for e in whole.entries} == {"original"}
    a, b = load_honest(folder, 7), load_honest(folder, 7)
    assert [e["file"] for e in a.entries] == [e["file"] for e in b.entries] and len(a.entries) == 7
    assert main(["eval", str(folder), "--honest", "--sample", "5", "--format", "json"]) == 0
    m = json.loads(capsys.readouterr().out)
    assert m["originals"] == 5 and m["positives"] == 0 and m["by_label"]["original"]["flagged"] == 0


def test_rule_table_so():
    rows = [
        {"file": "a", "positive": True, "rules": ["x", "y"]},
        {"file": "b", "positive": True, "rules": ["x"]},
        {"file": "c", "positive": False, "rules": ["y"]},
        {"file": "d", "positive": False, "rules": []},
    ]
    t = {r["rule"]: r for r in rule_table(rows)}
    assert t["x"]["s_o"] == 1.0 and t["x"]["per_1000_positives"] == 1000.0
    assert t["y"]["s_o"] == 0.5 and t["y"]["honest_documents"] == ["c"]


def sample(i, positive, group, corpus="real"):
    return Sample(corpus, f"d{i}", "scraped" if positive else "original", (F("r", "s", "scraping"),) if positive else (), group)


def test_folds_keep_each_site_on_one_side():
    samples = [sample(i, i % 2 == 0, f"site{i % 7}") for i in range(70)]
    a = folds(samples, 5)
    for g in {s.group for s in samples}:
        assert len({a[i] for i, s in enumerate(samples) if s.group == g}) == 1
    assert len(set(a)) == 5
    assert a == folds(list(reversed(samples)), 5)[::-1]


def test_thresholds_hold_every_corpus_to_its_own_rate():
    labelled = [sample(i, i < 50, f"g{i}") for i in range(150)]
    oof = [90.0 - i * 0.1 if i < 50 else 5.0 + (i % 10) for i in range(150)]
    wire = [sample(1000 + i, False, f"w{i}", corpus="wire") for i in range(1000)]
    # three wire stories score high: 0.1 % allows one above the flagged bar
    wire_scores = [60.0, 59.0, 58.0] + [1.0] * 997
    flagged, review = thresholds(labelled + wire, oof + wire_scores, Settings())
    assert 59.0 < flagged <= 85.1
    assert review <= flagged
    flagged_alone, _ = thresholds(labelled, oof, Settings())
    assert flagged_alone < flagged


def test_review_threshold_is_not_set_by_one_original_of_a_small_corpus():
    # a large labelled corpus: 100 originals between 5 and 14.9, 50 positives from 90 down
    big = [sample(i, i < 50, f"g{i}") for i in range(150)]
    big_scores = [90.0 - i * 0.1 if i < 50 else 5.0 + (i - 50) * 0.1 for i in range(150)]
    # a dozen hand-made originals, one of which scores 70: 5 % of 12 allows none
    small = [sample(500 + i, i < 4, f"s{i}", corpus="small") for i in range(16)]
    small_scores = [95.0] * 4 + [70.0] + [3.0] * 11
    flagged, review = thresholds(big + small, big_scores + small_scores, Settings())
    assert review < 70.0  # the pooled originals (112) allow 5 in review: the one at 70 among them
    assert flagged > 70.0  # flagging an original stays zero-tolerance in every corpus
    # a corpus large enough to measure 5 % keeps its own say: its 6th-highest original sets review
    big_scores_high = big_scores[:50] + [60.0] * 6 + big_scores[56:]
    _, review_big = thresholds(big + small, big_scores_high + small_scores, Settings())
    assert review_big > 60.0
