"""The translationese model: features, the shipped weights, the rule, and the training script."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from audit.catalogue import rules_dir
from audit.translationese import MIN_WORDS, describe, features, load_model, prose

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
WMT, WIRE = SHARED / "translation" / "wmt21", SHARED / "newswire" / "reuters-21578"
PAGES = os.environ.get("PROVENANCE_AUDIT_REAL_DEV_TEXTS", "")

LITERAL = "\n\n".join([
    "On the 3rd, the city government held a meeting of the committee regarding the repair of the bridge, "
    "and decided the policy of the strengthening of the inspection of the structures.",
    "According to the city, in the district of the east, the crack of the pillar was discovered in the morning of the 1st, "
    "and the traffic of the vehicles was restricted for the safety of the residents.",
    "The mayor stated at the meeting that the city will make the efforts for the early restoration of the traffic, "
    "and instructed the relevant departments to proceed with the confirmation of the situation.",
    "In addition, the city will dispatch the engineers to the site and will carry out the investigation "
    "of the cause of the damage of the pillar in cooperation with the university.",
    "Regarding the detour, the number of the buses was increased as of the evening of the 3rd, "
    "and the city is proceeding with the preparation of the temporary bridge for the pedestrians.",
    "The city is calling for the understanding of the citizens regarding the inconvenience of the traffic during the period of the construction.",
])
IDIOMATIC = "\n\n".join([
    "The old bridge over the river's been shut since Sunday, when an engineer spotted a crack you could put your finger in.",
    "\"I've driven over it every day for thirty years,\" said Dot Walsh, who runs the bakery on the far bank. \"Now it's a forty-minute trip.\"",
    "Buses are taking the long way round, and the council says it's looking at a temporary footbridge. Nobody will say when.",
    "Engineers from the university were out on Tuesday with torches and clipboards. One of them shrugged when asked how bad it was.",
    "\"Could be weeks,\" he said. \"Could be a lot longer. We won't know till we've had a proper look underneath.\"",
    "Meanwhile the bakery's doing a roaring trade in sandwiches for the people stuck in the queue at the lights.",
])


@pytest.fixture(scope="module")
def model():
    return load_model(tomllib.loads((rules_dir() / "translationese.toml").read_text(encoding="utf-8")))


def test_features_are_deterministic_and_rates(model):
    f, n = features(LITERAL)
    assert n >= MIN_WORDS
    assert f == features(LITERAL)[0]
    assert f["word:the"] > features(IDIOMATIC)[0]["word:the"]
    assert features(IDIOMATIC)[0]["punct:contraction"] > f["punct:contraction"] == 0
    assert set(model.names) <= set(f)  # every feature of the shipped model is computed


def test_prose_leaves_out_menus_and_joins_wrapped_lines():
    text = "Home | News | Sport\n\nShare\n\nThe council met on Monday to talk about\nthe cost of the new bridge over the river.\n"
    assert prose(text) == "The council met on Monday to talk about the cost of the new bridge over the river."


def test_contributions_add_up_to_the_log_odds(model):
    f, _ = features(LITERAL)
    p, parts = model.explain(f)
    z = model.bias + sum(c for _, _, c in parts)
    assert math.isclose(p, 1 / (1 + math.exp(-z)), rel_tol=1e-9)
    assert parts == sorted(parts, key=lambda x: (-x[2], x[0]))


def test_literal_prose_scores_above_idiomatic(model):
    p_literal = model.explain(features(LITERAL)[0])[0]
    p_idiomatic = model.explain(features(IDIOMATIC)[0])[0]
    assert p_literal >= model.threshold > p_idiomatic


def test_rule_names_the_features_that_moved_it(auditor, valid):
    report = valid(auditor.audit_text(LITERAL))
    hits = [f for f in report["findings"] if f["rule"] == "translationese"]
    assert len(hits) == 1 and hits[0]["line"] == 1
    assert "model probability" in hits[0]["message"] and "moved the model most" in hits[0]["message"]
    assert any(describe(n) in hits[0]["message"] for n in ("word:the", "class:det", "classes:prep>det", "classes:det>word"))
    quiet = valid(auditor.audit_text(IDIOMATIC))
    assert not [f for f in quiet["findings"] if f["rule"] == "translationese"]
    short = valid(auditor.audit_text(LITERAL.split("\n\n")[0]))
    assert not [f for f in short["findings"] if f["rule"] == "translationese"]


def test_runtime_needs_no_numpy_or_sklearn():
    code = "import sys, audit.kinds.translationese, audit.translationese; print('numpy' in sys.modules, 'sklearn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout.split()
    assert out == ["False", "False"]


@pytest.mark.slow
@pytest.mark.skipif(not (WMT.is_dir() and WIRE.is_dir() and PAGES and os.path.isdir(PAGES)),
                    reason="needs the WMT21 and newswire corpora beside the repository and PROVENANCE_AUDIT_REAL_DEV_TEXTS")
def test_training_script_reproduces_the_shipped_weights(tmp_path):
    out = tmp_path / "translationese.toml"
    manifest = SHARED / "real-dev" / "manifest.jsonl"
    subprocess.run([sys.executable, str(ROOT / "training" / "train_translationese.py"), str(WMT), str(WIRE),
                    "--pages", str(manifest), PAGES, "--out", str(out)], check=True, capture_output=True, cwd=ROOT)
    assert out.read_bytes() == (ROOT / "rules" / "translationese.toml").read_bytes()
