"""Score: findings and weights into a calibrated 0–100 score. Pure.

For each rule r with h hits, its feature is x_r = log2(1 + min(h, cap_r)):
the first hit counts 1, the third 2, and more add ever less. A further
feature counts the distinct signals found beyond the first (several different
signals together are stronger evidence than one signal many times).

  log-odds = bias + Σ w_r · x_r + w_distinct · max(0, distinct − 1)
  score    = 100 · logistic(log-odds)

The weights come from ``rules/weights.toml``, written by ``provenance-audit
calibrate``. The sub-scores use the rules of one category each, with that
category's own bias and distinct-signal weight. Each finding's contribution
is its share of its rule's term, so the contributions, the features and the
bias add up to the log-odds exactly.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import CATEGORIES, read_toml, rules_dir

DEFAULT_CAP = 4


class WeightsError(ValueError):
    pass


@dataclass
class Model:
    bias: float
    distinct: float


@dataclass
class Weights:
    version: str
    rules: dict[str, float]
    caps: dict[str, int]
    overall: Model
    categories: dict[str, Model]
    review: float
    flagged: float
    meta: dict = field(default_factory=dict)
    path: str = ""
    # per category: (review, flagged) thresholds for that category's sub-score
    category_thresholds: dict[str, tuple[float, float]] = field(default_factory=dict)

    def weight(self, rule_id: str) -> float:
        return self.rules.get(rule_id, 0.0)

    def cap(self, rule_id: str) -> int:
        return self.caps.get(rule_id, self.caps.get("default", DEFAULT_CAP))


def _model(table: dict, name: str) -> Model:
    try:
        return Model(float(table["bias"]), float(table.get("distinct_signals", 0.0)))
    except (KeyError, TypeError, ValueError):
        raise WeightsError(f"[model.{name}] needs a numeric 'bias'") from None


def load_weights(path: str | Path | None = None) -> Weights:
    path = Path(path) if path else rules_dir() / "weights.toml"
    data = read_toml(path, WeightsError)
    models = data.get("model", {})
    if "overall" not in models:
        raise WeightsError(f"{path}: missing [model.overall]")
    thresholds = data.get("thresholds", {})
    meta = data.get("meta", {})
    review, flagged = float(thresholds.get("review", 50.0)), float(thresholds.get("flagged", 80.0))
    per_category = {}
    for c in CATEGORIES:
        table = thresholds.get(c, {})
        if not isinstance(table, dict):
            raise WeightsError(f"{path}: [thresholds.{c}] must be a table")
        per_category[c] = (float(table.get("review", review)), float(table.get("flagged", flagged)))
    return Weights(
        version=str(meta.get("version", "unversioned")),
        rules={k: float(v) for k, v in data.get("weights", {}).items()},
        caps={k: int(v) for k, v in data.get("caps", {}).items()},
        overall=_model(models["overall"], "overall"),
        categories={c: _model(models.get(c, models["overall"]), c) for c in CATEGORIES},
        review=review,
        flagged=flagged,
        meta=meta,
        path=str(path),
        category_thresholds=per_category,
    )


def logistic(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def rule_feature(hits: int, cap: int) -> float:
    return math.log2(1 + min(hits, cap))


def features(findings, weights: Weights, category: str | None = None) -> tuple[dict[str, float], int]:
    """Per-rule feature values and the number of distinct signals with weight > 0."""
    counts = Counter(f.rule for f in findings if category is None or f.category == category)
    x = {r: rule_feature(h, weights.cap(r)) for r, h in counts.items()}
    signals = {f.signal for f in findings if (category is None or f.category == category) and weights.weight(f.rule) > 0}
    return x, len(signals)


def log_odds(x: dict[str, float], distinct: int, weights: Weights, model: Model) -> float:
    return model.bias + sum(weights.weight(r) * v for r, v in x.items()) + model.distinct * max(0, distinct - 1)


def verdict(score: float, weights: Weights, category: str | None = None) -> str:
    review, flagged = (weights.review, weights.flagged) if category is None else \
        weights.category_thresholds.get(category, (weights.review, weights.flagged))
    if score >= flagged:
        return "flagged"
    if score >= review:
        return "review"
    return "clean"


@dataclass
class Scored:
    score: float
    verdict: str
    scores: dict[str, float]
    contributions: list[float]  # aligned with the findings
    log_odds: float
    bias: float
    named_features: list[dict]
    verdicts: dict[str, str] = field(default_factory=dict)


def score(findings, weights: Weights, held: frozenset[int] = frozenset()) -> Scored:
    """``held``: indices of findings that count in the overall score but not in
    their category's sub-score (machine-translation traces inside a copied
    block of the source site's teasers are evidence of copying, not of
    translation by this publisher)."""
    x, distinct = features(findings, weights)
    z = log_odds(x, distinct, weights, weights.overall)
    counts = Counter(f.rule for f in findings)
    contributions = [round(weights.weight(f.rule) * x[f.rule] / counts[f.rule], 4) for f in findings]
    sub = {}
    counted = [f for i, f in enumerate(findings) if i not in held] if held else findings
    for category, model in weights.categories.items():
        cx, cd = features(counted, weights, category)
        sub[category] = round(100 * logistic(log_odds(cx, cd, weights, model)), 1)
    s = round(100 * logistic(z), 1)
    named = [{
        "name": "distinct_signals",
        "value": distinct,
        "contribution": round(weights.overall.distinct * max(0, distinct - 1), 4),
        "explanation": "different signals found together, beyond the first",
    }]
    verdicts = {c: verdict(v, weights, c) for c, v in sub.items()}
    return Scored(s, verdict(s, weights), sub, contributions, round(z, 4), weights.overall.bias, named, verdicts)
