"""The fit behind ``calibrate``: L2-regularised logistic regression with priors.

The model is the one :mod:`audit.score` applies: per rule the feature
``log2(1 + min(hits, cap))``, plus the number of distinct signals beyond the
first. It is fitted by projected Newton (numpy only, deterministic):

- originals weigh ``fp_cost`` times as much as positives in the loss, so the
  fit prefers missing a positive to accusing an original; the bias is then
  moved back by log(fp_cost), so that the score stays a calibrated
  probability and the thresholds carry the preference;
- each rule weight is shrunk toward a prior mean, not toward zero: ``prior``
  for evidence rules (``strong_prior`` or ``weak_prior`` for rules whose file
  says ``strength = "strong"`` or ``"weak"``: a reviewer's judgement of what
  one finding is worth, which the data then moves), ``counter_prior`` for
  counter-evidence (signals marked ``polarity = "honest"``). A rule that never
  fires in the data keeps its prior: it is reasonable evidence by review, and
  a held-out corpus, not this one, judges whether it generalises;
- evidence weights are kept ≥ 0 and counter-evidence weights ≤ 0, so every
  finding pushes the score the way its message says; a rule whose file says
  ``strength = "info"`` (a finding that cannot say which way a document
  leans, such as a copy whose source nothing tells) is held at 0;
- the sub-models (scraping, machine_translation) reuse the rule weights and
  fit only their own bias and distinct-signal weight.
"""

from __future__ import annotations

import math

import numpy as np

from .catalogue import CATEGORIES
from .evaluate import CATEGORY_LABELS
from .score import DEFAULT_CAP, Model, Weights, rule_feature

def _fit(A, y, c, lam, mu, lo, hi, offset=None, iterations=100):
    """Minimise Σ c·logloss(y, σ(Aθ + offset)) + ½ Σ lam·(θ − mu)² with lo ≤ θ ≤ hi."""
    offset = np.zeros(len(y)) if offset is None else offset
    theta = np.clip(mu.copy(), lo, hi)

    def loss(t):
        z = A @ t + offset
        return float(np.sum(c * (np.logaddexp(0.0, z) - y * z)) + 0.5 * np.sum(lam * (t - mu) ** 2))

    current = loss(theta)
    for _ in range(iterations):
        z = A @ theta + offset
        p = 0.5 * (1.0 + np.tanh(0.5 * z))
        g = A.T @ (c * (p - y)) + lam * (theta - mu)
        blocked = ((theta <= lo) & (g > 0)) | ((theta >= hi) & (g < 0))
        free = ~blocked
        if not free.any() or np.max(np.abs(g[free])) < 1e-9:
            break
        H = (A[:, free].T * (c * p * (1 - p))) @ A[:, free] + np.diag(lam[free] + 1e-9)
        step = np.zeros_like(theta)
        step[free] = -np.linalg.solve(H, g[free])
        t = 1.0
        while t > 1e-10:
            trial = np.clip(theta + t * step, lo, hi)
            new = loss(trial)
            if new <= current - 1e-4 * t * abs(float(g @ (trial - theta))) or new < current - 1e-12:
                break
            t *= 0.5
        else:
            break
        theta, previous, current = trial, current, new
        if previous - current < 1e-12:
            break
    return theta


def _distinct(samples, positive_rules, category=None) -> np.ndarray:
    return np.array([
        max(0, len({f.signal for f in s.findings if f.rule in positive_rules and (category is None or f.category == category)}) - 1)
        for s in samples
    ], dtype=float)


def _design(samples, rule_ids, caps) -> np.ndarray:
    X = np.zeros((len(samples), len(rule_ids)))
    index = {r: j for j, r in enumerate(rule_ids)}
    for i, s in enumerate(samples):
        for r, h in s.counts.items():
            if r in index:
                X[i, index[r]] = rule_feature(h, caps.get(r, caps.get("default", DEFAULT_CAP)))
    return X


def honest_share(samples) -> np.ndarray:
    """Loss weight of each document: 1, except in an honest corpus (no
    positives: a sample of wire copy), whose documents together weigh as much
    as the labelled corpora's originals. Such a corpus is a false-alarm probe:
    its rule hits push the weights down, but its size must not set the base
    rate (3,000 wire stories beside 250 labelled pages would make every score
    a small probability)."""
    by_corpus: dict[str, list[bool]] = {}
    for s in samples:
        by_corpus.setdefault(s.corpus, []).append(s.positive)
    honest = {name for name, pos in by_corpus.items() if not any(pos)}
    n_honest = sum(len(by_corpus[name]) for name in honest)
    n_originals = sum(1 for s in samples if not s.positive and s.corpus not in honest)
    share = min(1.0, n_originals / n_honest) if n_honest and n_originals else 1.0
    return np.array([share if s.corpus in honest else 1.0 for s in samples])


def fit_weights(samples, rules, caps, settings, counter: set[str]) -> Weights:
    """Fit the overall model, then each category's bias and distinct weight."""
    rule_ids = sorted(r.id for r in rules)
    category_of = {r.id: r.category for r in rules}
    X = _design(samples, rule_ids, caps)
    y = np.array([1.0 if s.positive else 0.0 for s in samples])
    c = np.where(y > 0, 1.0, settings.fp_cost) * honest_share(samples)
    k = len(rule_ids)
    strength = {r.id: getattr(r, "strength", "normal") for r in rules}
    # an "info" rule is reported, never scored: its weight is held at 0, so it
    # adds nothing and counts toward no distinct signal
    prior = {"strong": settings.strong_prior, "weak": settings.weak_prior, "normal": settings.prior, "info": 0.0}
    # a rule may set its own prior (params.prior_weight): evidence no labelled corpus holds yet
    own_prior = {r.id: float(r.params["prior_weight"]) for r in rules if "prior_weight" in r.params}
    mu = np.array([0.0] + [settings.counter_prior if r in counter else own_prior.get(r, prior[strength[r]]) for r in rule_ids] + [0.0])
    lam = np.array([0.0] + [settings.l2] * k + [settings.l2])
    lo = np.array([-np.inf] + [-np.inf if r in counter else 0.0 for r in rule_ids] + [0.0])
    hi = np.array([np.inf] + [0.0 if r in counter or strength[r] == "info" else np.inf for r in rule_ids] + [np.inf])
    # The distinct-signal feature counts only rules with a positive weight,
    # which the fit decides: alternate until the set of such rules is stable.
    positive = {r for r in rule_ids if r not in counter}
    for _ in range(6):
        A = np.column_stack([np.ones(len(y)), X, _distinct(samples, positive)])
        theta = np.round(_fit(A, y, c, lam, mu, lo, hi), 4)
        now = {r for r, w in zip(rule_ids, theta[1:-1]) if w > 0}
        if now == positive:
            break
        positive = now
    w = {r: float(v) + 0.0 for r, v in zip(rule_ids, theta[1:-1])}
    # Weighting originals shifts the fitted odds by 1/fp_cost; undo that on the
    # bias so the score stays a calibrated probability (the thresholds, not
    # the score, carry the preference against false positives).
    shift = math.log(settings.fp_cost)
    overall = Model(round(float(theta[0]) + shift, 4), float(theta[-1]))
    categories = {}
    counted = [s.counted() for s in samples]
    Xc = _design(counted, rule_ids, caps)
    for category in CATEGORIES:
        members = [j for j, r in enumerate(rule_ids) if category_of[r] == category]
        offset = Xc[:, members] @ np.array([w[rule_ids[j]] for j in members]) if members else np.zeros(len(y))
        yc = np.array([1.0 if s.label in CATEGORY_LABELS[category] else 0.0 for s in samples])
        cc = np.where(y > 0, 1.0, settings.fp_cost) * honest_share(samples)
        Ac = np.column_stack([np.ones(len(y)), _distinct(counted, positive, category)])
        if yc.min() == yc.max():  # no positives (or only positives) of this category
            categories[category] = Model(overall.bias, overall.distinct)
            continue
        t = np.round(_fit(Ac, yc, cc, np.array([0.0, settings.l2]), np.zeros(2), np.array([-np.inf, 0.0]), np.array([np.inf, np.inf]), offset), 4)
        categories[category] = Model(round(float(t[0]) + shift, 4), float(t[1]) + 0.0)
    return Weights(version="", rules=w, caps=dict(caps), overall=overall, categories=categories, review=0.0, flagged=0.0)
