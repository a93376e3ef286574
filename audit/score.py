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
# thresholds of a weights file that gives none: the floors calibration holds
# its own thresholds to (audit.calibrate.Settings)
DEFAULT_REVIEW, DEFAULT_FLAGGED = 10.0, 50.0


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


def _number(value, path, key: str, low: float | None = None, high: float | None = None) -> float:
    """A finite number (int or float, not a boolean) within [low, high], else WeightsError."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise WeightsError(f"{path}: {key}: must be a number, not {type(value).__name__}")
    value = float(value)
    if not math.isfinite(value):
        raise WeightsError(f"{path}: {key}: must be a finite number, not {value}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise WeightsError(f"{path}: {key}: must be between {low:g} and {high:g}, not {value:g}")
    return value


def _table(value, path, key: str) -> dict:
    if not isinstance(value, dict):
        raise WeightsError(f"{path}: {key}: must be a table")
    return value


def _model(table, name: str, path="") -> Model:
    table = _table(table, path, f"model.{name}")
    if "bias" not in table:
        raise WeightsError(f"{path}: model.{name}.bias: missing (a number is needed)")
    return Model(_number(table["bias"], path, f"model.{name}.bias"),
                 _number(table.get("distinct_signals", 0.0), path, f"model.{name}.distinct_signals"))


def load_weights(path: str | Path | None = None) -> Weights:
    """Read and check a weights file: every error names the file and the key."""
    path = Path(path) if path else rules_dir() / "weights.toml"
    data = read_toml(path, WeightsError)
    models = _table(data.get("model", {}), path, "model")
    if "overall" not in models:
        raise WeightsError(f"{path}: missing [model.overall]")
    thresholds = _table(data.get("thresholds", {}), path, "thresholds")
    meta = _table(data.get("meta", {}), path, "meta")
    rules = {k: _number(v, path, f"weights.{k}") for k, v in _table(data.get("weights", {}), path, "weights").items()}
    caps = {}
    for k, v in _table(data.get("caps", {}), path, "caps").items():
        if isinstance(v, bool) or not isinstance(v, int) or v < 1:
            raise WeightsError(f"{path}: caps.{k}: must be a whole number of at least 1")
        caps[k] = v
    review = _number(thresholds.get("review", DEFAULT_REVIEW), path, "thresholds.review", 0.0, 100.0)
    flagged = _number(thresholds.get("flagged", DEFAULT_FLAGGED), path, "thresholds.flagged", 0.0, 100.0)
    if review > flagged:
        raise WeightsError(f"{path}: thresholds.review: must not be above thresholds.flagged ({review:g} > {flagged:g})")
    per_category = {}
    for c in CATEGORIES:
        table = thresholds.get(c, {})
        if not isinstance(table, dict):
            raise WeightsError(f"{path}: [thresholds.{c}] must be a table")
        per_category[c] = (_number(table.get("review", review), path, f"thresholds.{c}.review", 0.0, 100.0),
                           _number(table.get("flagged", flagged), path, f"thresholds.{c}.flagged", 0.0, 100.0))
    version = meta.get("version", "unversioned")
    if not isinstance(version, (str, int, float)) or isinstance(version, bool):
        raise WeightsError(f"{path}: meta.version: must be a string")
    return Weights(
        version=str(version),
        rules=rules,
        caps=caps,
        overall=_model(models["overall"], "overall", path),
        categories={c: _model(models.get(c, models["overall"]), c, path) for c in CATEGORIES},
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
