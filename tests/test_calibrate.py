"""calibrate: the fit, cross-validation, thresholds and the written weights file.

Everything runs on a small synthetic labelled corpus and, where the shipped
catalogue would make the test depend on rules added later, on a tiny
catalogue of phrase rules that the test writes itself.
"""

from __future__ import annotations

import json
import random
import tomllib

import numpy as np
import pytest

from audit import Auditor, load_catalogue, load_weights
from audit.calibrate import CATEGORY_LABELS, Settings, _fit, calibrate, choose_threshold, folds, render, weights_toml
from audit.catalogue import CATEGORIES
from audit.cli import main
from audit.score import score as score_findings

SIGNALS = """
[signals.share-widget-text]
category = "scraping"
title = "Share-plugin text"
[signals.read-also-block]
category = "scraping"
title = "Teasers"
[signals.template-placeholder]
category = "scraping"
title = "Theme demo data"
[signals.false-friend]
category = "machine_translation"
title = "Calque"
[signals.doubled-word]
category = "machine_translation"
title = "Doubled word"
[signals.translation-credit]
category = "machine_translation"
title = "Credited human translation"
polarity = "honest"
"""

RULES = {
    # family, id, phrase
    ("scrape", "share-widget-text", "spread the love"),
    ("scrape", "read-also-block", "read also"),  # weak: honest copy has it too
    ("scrape", "template-placeholder", "lorem ipsum dolor"),  # never in the corpus
    ("mt", "false-friend", "sold in the shelves"),
    ("mt", "doubled-word", "the the"),
    ("mt", "translation-credit", "translated by"),
}

FILLER = [
    "The council met on Tuesday to discuss the budget for the coming year.",
    "Residents asked for more buses on the northern routes.",
    "The mayor said the plan would be published next month.",
    "Farmers reported a good harvest despite the dry spring.",
    "Officials expect the new bridge to open in the autumn.",
    "The school board will vote on the proposal in March.",
]


def _rule_file(rid: str, category: str, phrase: str) -> str:
    return (
        f'id = "{rid}"\nsignal = "{rid}"\ncategory = "{category}"\nkind = "phrase"\n'
        f'summary = "Synthetic test rule {rid}."\nwhy = "Only a test fixture."\nlookalikes = "None here."\n'
        f'message = "found \'{{match}}\'"\n[params]\nphrases = ["{phrase}"]\n'
        f'[examples]\nflag = ["x {phrase} y"]\npass = ["nothing at all"]\n'
    )


@pytest.fixture(scope="module")
def mini_catalogue(tmp_path_factory):
    root = tmp_path_factory.mktemp("rules")
    (root / "signals.toml").write_text(SIGNALS, encoding="utf-8")
    (root / "weights.toml").write_text('[meta]\nversion = "t"\n[model.overall]\nbias = 0\n[caps]\ndefault = 3\n', encoding="utf-8")
    for family, rid, phrase in sorted(RULES):
        (root / family).mkdir(exist_ok=True)
        category = "scraping" if family == "scrape" else "machine_translation"
        (root / family / f"{rid}.toml").write_text(_rule_file(rid, category, phrase), encoding="utf-8")
    return load_catalogue(root), root / "weights.toml"


def write_corpus(directory, n: int = 24, seed: int = 7):
    """Positives carry one or two strong phrases; originals only the weak or honest ones."""
    rnd = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(n):
        body = rnd.sample(FILLER, 4)
        if i % 2 == 0:
            label = ["scraped", "machine-translated", "scraped-mt"][i // 2 % 3]
            extra = []
            if label in ("scraped", "scraped-mt"):
                extra.append("Spread the love")
            if label in ("machine-translated", "scraped-mt"):
                extra.append("Eggs are sold in the shelves of the the market.")
            if i % 6 == 0:
                extra.append("Read also: prices rise again")
        else:
            label = "original"
            extra = ["Read also: our weekend guide"] if i % 4 == 1 else []
            if i % 8 == 3:
                extra.append("Translated by Anna Berg.")
        text = "\n\n".join(body[:2] + extra + body[2:]) + "\n"
        name = f"doc-{i:02d}.txt"
        (directory / name).write_text(text, encoding="utf-8")
        lines.append(json.dumps({"file": name, "label": label, "source_language": "en", "format": "txt", "signals": [], "notes": ""}))
    (directory / "manifest-x.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("c") / "labelled")


@pytest.fixture(scope="module")
def result(mini_catalogue, corpus):
    catalogue, base = mini_catalogue
    return calibrate([corpus], Auditor(catalogue, load_weights(base)), Settings(folds=4))


def test_fit_separates_the_classes(result):
    cv = result.weights.meta["cross_validation"]
    assert cv["auc"] >= 0.95
    scores = [score_findings(s.findings, result.weights).score for s in result.samples]
    pos = [x for x, s in zip(scores, result.samples) if s.positive]
    neg = [x for x, s in zip(scores, result.samples) if not s.positive]
    assert min(pos) > max(neg)
    assert all(x < result.weights.flagged for x in neg)
    assert all(x >= result.weights.flagged for x in pos)


def test_signs_and_priors(result):
    w = result.weights.rules
    assert w["share-widget-text"] > w["read-also-block"] >= 0
    assert w["false-friend"] > 0 and w["doubled-word"] > 0
    assert w["translation-credit"] <= 0  # counter-evidence never raises a score
    assert w["template-placeholder"] == Settings().prior  # no hits: keeps its prior
    assert result.weights.meta["counter_evidence"] == ["translation-credit"]
    assert 0 < result.weights.review < result.weights.flagged <= 100


def test_sub_models_are_fitted(result):
    for category in ("scraping", "machine_translation"):
        assert category in result.weights.categories
    positive = next(s for s in result.samples if s.label == "scraped")
    scored = score_findings(positive.findings, result.weights)
    assert scored.scores["scraping"] > scored.scores["machine_translation"]


def test_written_file_loads_and_covers_every_rule(result, mini_catalogue, tmp_path, corpus):
    catalogue, _ = mini_catalogue
    out = tmp_path / "w.toml"
    out.write_text(weights_toml(result.weights), encoding="utf-8")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Generated by `provenance-audit calibrate`")
    assert str(corpus.parent) not in text  # corpus names only, no paths
    loaded = load_weights(out)
    assert set(loaded.rules) == {r.id for r in catalogue.rules}
    assert loaded.version == result.weights.version and loaded.version.startswith("cal-")
    assert loaded.flagged == result.weights.flagged and loaded.review == result.weights.review
    assert loaded.meta["fitted_on"] == [{"corpus": "labelled", "documents": 24, "positives": 12, "originals": 12}]
    for s in result.samples:  # the file scores exactly as the fitted model does
        assert score_findings(s.findings, loaded).score == score_findings(s.findings, result.weights).score


def test_output_is_deterministic(mini_catalogue, corpus, result):
    catalogue, base = mini_catalogue
    again = calibrate([corpus], Auditor(catalogue, load_weights(base)), Settings(folds=4))
    assert weights_toml(again.weights) == weights_toml(result.weights)
    assert render(again) == render(result)
    other = calibrate([corpus], Auditor(catalogue, load_weights(base)), Settings(folds=4, l2=2.0))
    assert other.weights.version != result.weights.version  # settings are part of the version


def test_render_shows_frequencies_thresholds_and_calibration(result):
    text = render(result)
    for needle in ("S/O", "share-widget-text", "(no hits: prior)", "AUC", "<- flagged", "calibration (out-of-fold)"):
        assert needle in text


def test_folds_are_stratified_and_stable(result):
    a = folds(result.samples, 4)
    assert a == folds(list(reversed(result.samples)), 4)[::-1]
    for f in range(4):
        members = [s for s, x in zip(result.samples, a) if x == f]
        assert sum(s.positive for s in members) == 3 and len(members) == 6


def test_fit_satisfies_the_optimality_conditions():
    rnd = np.random.default_rng(0)
    A = np.column_stack([np.ones(40), rnd.random((40, 3))])
    y = (rnd.random(40) < 0.5).astype(float)
    c = np.where(y > 0, 1.0, 2.0)
    lam, mu = np.array([0.0, 1.0, 1.0, 1.0]), np.array([0.0, 1.0, 1.0, -1.0])
    lo, hi = np.array([-np.inf, 0.0, 0.0, -np.inf]), np.array([np.inf, np.inf, np.inf, 0.0])
    t = _fit(A, y, c, lam, mu, lo, hi)
    p = 1 / (1 + np.exp(-(A @ t)))
    g = A.T @ (c * (p - y)) + lam * (t - mu)
    for j in range(4):
        if lo[j] < t[j] < hi[j]:
            assert abs(g[j]) < 1e-6
        elif t[j] <= lo[j]:
            assert g[j] >= -1e-6
        else:
            assert g[j] <= 1e-6


def test_threshold_rule():
    scores = [5.0, 10.0, 20.0, 30.0, 90.0, 95.0, 99.0, 25.0]
    positive = [False, False, False, False, True, True, True, True]
    t = choose_threshold(scores, positive, 0.01, 50.0)
    assert 30.0 < t <= 90.0  # above every original, at or below the first positive above them
    assert choose_threshold(scores, positive, 0.01, 95.0) == 95.0  # the floor holds
    assert 20.0 < choose_threshold(scores, positive, 0.25, 10.0) <= 25.0  # one original of four may pass
    assert choose_threshold(scores, positive, 0.25, 10.0, margin=False) == 20.1  # just above that original


def test_cli_writes_identical_files(corpus, tmp_path, capsys, catalogue):
    outs = []
    for name in ("a.toml", "b.toml"):
        assert main(["calibrate", str(corpus), "--folds", "3", "--out", str(tmp_path / name)]) == 0
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1]
    loaded = load_weights(tmp_path / "a.toml")
    assert set(loaded.rules) == {r.id for r in catalogue.rules}
    assert "hit frequencies" in capsys.readouterr().out
    with open(tmp_path / "a.toml", "rb") as fh:
        assert tomllib.load(fh)["meta"]["settings"]["folds"] == 3


def test_calibrate_without_originals_fails_cleanly(tmp_path, capsys):
    d = tmp_path / "onlypos"
    d.mkdir()
    (d / "a.txt").write_text("Spread the love\n", encoding="utf-8")
    (d / "manifest.jsonl").write_text(json.dumps({"file": "a.txt", "label": "scraped"}) + "\n", encoding="utf-8")
    assert main(["calibrate", str(d)]) == 2
    assert "needs both" in capsys.readouterr().err


def test_shipped_weights_load_and_cover_every_rule(catalogue, weights):
    assert set(weights.rules) == {r.id for r in catalogue.rules}
    assert 0 < weights.review <= weights.flagged <= 100


def test_a_strong_rule_starts_from_a_stronger_prior(mini_catalogue, corpus):
    """A rule marked strength = "strong" that never fires keeps the strong prior;
    the same rule unmarked keeps the ordinary one."""
    import dataclasses

    catalogue, base = mini_catalogue
    marked = dataclasses.replace(catalogue, rules=[
        dataclasses.replace(r, strength="strong") if r.id == "template-placeholder" else r for r in catalogue.rules
    ])
    result = calibrate([corpus], Auditor(marked, load_weights(base)), Settings(folds=3))
    assert result.weights.rules["template-placeholder"] == Settings().strong_prior


def test_strength_must_be_known(tmp_path):
    from audit.catalogue import RuleError, load_catalogue

    rule = _rule_file("template-placeholder", "scraping", "lorem ipsum").replace('kind = "phrase"', 'kind = "phrase"\nstrength = "huge"')
    path = tmp_path / "template-placeholder.toml"
    path.write_text(rule, encoding="utf-8")
    with pytest.raises(RuleError, match="strength"):
        load_catalogue(extra=[path])


def test_calibrate_fits_and_writes_thresholds_per_category(result, tmp_path):
    w = result.weights
    for c in CATEGORIES:
        review, flagged = w.category_thresholds[c]
        assert 0 < review <= flagged <= 100
        members = [s.label in CATEGORY_LABELS[c] for s in result.samples]
        others = [x for x, m in zip(result.category_oof[c], members) if not m]
        assert sum(x >= flagged for x in others) <= Settings().flagged_fpr * len(others)
        assert f"cross_validation_{c}" in w.meta
    path = tmp_path / "w.toml"
    path.write_text(weights_toml(w), encoding="utf-8")
    assert load_weights(path).category_thresholds == w.category_thresholds
