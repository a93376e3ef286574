"""Calibrate: fit the weights file from labelled corpora (SpamAssassin's mass-check).

The catalogue runs once over every document listed in ``DIR/manifest*.jsonl``;
the findings are kept per document and everything after that (hit
frequencies, the fit, cross-validation, thresholds) works from them.

The model is the one :mod:`audit.score` applies: per rule the feature
``log2(1 + min(hits, cap))``, plus the number of distinct signals beyond the
first. It is fitted by L2-regularised logistic regression (projected Newton,
numpy only, deterministic):

- originals weigh ``fp_cost`` times as much as positives in the loss, so the
  fit prefers missing a positive to accusing an original; the bias is then
  moved back by log(fp_cost), so that the score stays a calibrated
  probability and the thresholds carry the preference;
- each rule weight is shrunk toward a prior mean, not toward zero: ``prior``
  for evidence rules (``strong_prior`` or ``weak_prior`` for rules whose file
  says ``strength = "strong"`` or ``"weak"``: a reviewer's judgement of what
  one finding is worth, which the data then moves), ``counter_prior`` for
  counter-evidence (signals marked ``polarity = "honest"``). A rule that never fires in the data keeps its
  prior: it is reasonable evidence by review, and a held-out corpus, not this
  one, judges whether it generalises;
- evidence weights are kept ≥ 0 and counter-evidence weights ≤ 0, so every
  finding pushes the score the way its message says;
- the sub-models (scraping, machine_translation) reuse the rule weights and
  fit only their own bias and distinct-signal weight.

Quality is measured by k-fold cross-validation with folds grouped by site:
every document of one group (a page's site, from its URL; a file's own name
where there is none) falls in one fold, fixed by a hash of the group, so no
site's template is learnt from one of its pages and tested on another. The
thresholds come from the out-of-fold scores, corpus by corpus: for each
labelled corpus ``flagged`` is the lowest threshold (best recall) whose
false-positive rate on its originals is at most ``flagged_fpr``, placed
halfway (in log-odds) between the highest original it must clear and the
next positive above it, so that it keeps a margin on both sides; ``review``
is the lowest score at which at most ``review_fpr`` of its originals would be
in review or flagged (just above the original it must clear). An honest
corpus (every document an original: wire copy) holds the thresholds to its
own, stricter rates (``honest_flagged_fpr``, ``honest_review_fpr``). Each
threshold is the highest any corpus asks for, held to a floor, and
review ≤ flagged.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import NamedTuple

import numpy as np

from .catalogue import CATEGORIES
from .evaluate import POSITIVE_LABELS, Corpus, ManifestError, auc, load_corpus
from .score import DEFAULT_CAP, DEFAULT_FLAGGED, DEFAULT_REVIEW, Model, Weights, logistic, rule_feature
from .score import score as score_findings

ALGORITHM = "logreg-l2-prior-1"
LABELS = POSITIVE_LABELS | {"original"}
CATEGORY_LABELS = {
    "scraping": {"scraped", "scraped-mt"},
    "machine_translation": {"machine-translated", "scraped-mt"},
}


@dataclass(frozen=True)
class Settings:
    folds: int = 5
    l2: float = 1.0  # prior precision: w ~ N(prior mean, 1 / l2)
    fp_cost: float = 2.0  # weight of an original in the loss (a positive weighs 1)
    prior: float = 1.0  # prior mean of an evidence rule's weight
    strong_prior: float = 3.0  # ... of a rule marked strength = "strong"
    weak_prior: float = 0.5  # ... of a rule marked strength = "weak"
    counter_prior: float = -1.0  # prior mean of a counter-evidence rule's weight
    flagged_fpr: float = 0.01
    review_fpr: float = 0.05
    flagged_floor: float = DEFAULT_FLAGGED
    review_floor: float = DEFAULT_REVIEW
    honest_flagged_fpr: float = 0.001
    honest_review_fpr: float = 0.02
    # a category's sub-score starts lower (its own bias): one finding of the
    # category should still send a file to that category's review
    category_review_floor: float = 5.0


class F(NamedTuple):
    """The part of a finding the score needs."""

    rule: str
    signal: str
    category: str
    held: bool = False  # inside a copied teaser block: not in its category's sub-score


@dataclass
class Sample:
    corpus: str
    file: str
    label: str
    findings: tuple[F, ...]
    group: str = ""  # documents of one group (a site) share a fold
    source_language: str | None = None
    visible_trace: bool = True

    @property
    def positive(self) -> bool:
        return self.label in POSITIVE_LABELS

    @property
    def counts(self) -> Counter:
        return Counter(f.rule for f in self.findings)

    def counted(self) -> "Sample":
        """The sample as its category sub-scores see it (held findings left out)."""
        return Sample(self.corpus, self.file, self.label, tuple(f for f in self.findings if not f.held))

    @property
    def held(self) -> frozenset[int]:
        return frozenset(i for i, f in enumerate(self.findings) if f.held)


@dataclass
class Result:
    weights: Weights
    samples: list[Sample]
    oof: list[float]  # out-of-fold overall scores, aligned with samples
    category_oof: dict = field(default_factory=dict)  # category -> out-of-fold sub-scores
    rules: list = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- the corpus


def collect(sources, auditor, use_urls: bool = True) -> tuple[list[Sample], list[str]]:
    """Run the catalogue once over every labelled document; keep its findings.

    A source is a :class:`~audit.evaluate.Corpus` or a folder with manifests."""
    samples, errors = [], []
    for source in sources:
        corpus = source if isinstance(source, Corpus) else load_corpus(source)
        for entry in corpus.entries:
            if entry["label"] not in LABELS:
                raise ManifestError(f"{corpus.name}: {entry['file']}: unknown label '{entry['label']}'")
            report = auditor.audit_path(entry["path"], url=entry.get("url") if use_urls else None)
            if report["error"]:
                errors.append(f"{corpus.name}/{entry['file']}: {report['error']}")
                continue
            found = tuple(F(f["rule"], f["signal"], f["category"], bool(f.get("in_copied_block"))) for f in report["findings"])
            samples.append(Sample(corpus.name, entry["file"], entry["label"], found, f"{corpus.name}/{entry.get('group', entry['file'])}",
                                  entry.get("source_language"), entry.get("visible_trace", True) is not False))
    if not any(s.positive for s in samples) or all(s.positive for s in samples):
        raise ManifestError("calibration needs both originals and positives")
    return samples, errors


# ---------------------------------------------------------------- the fit


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


def fit_weights(samples, rules, caps, settings: Settings, counter: set[str]) -> Weights:
    """Fit the overall model, then each category's bias and distinct weight."""
    rule_ids = sorted(r.id for r in rules)
    category_of = {r.id: r.category for r in rules}
    X = _design(samples, rule_ids, caps)
    y = np.array([1.0 if s.positive else 0.0 for s in samples])
    c = np.where(y > 0, 1.0, settings.fp_cost) * honest_share(samples)
    k = len(rule_ids)
    strength = {r.id: getattr(r, "strength", "normal") for r in rules}
    prior = {"strong": settings.strong_prior, "weak": settings.weak_prior, "normal": settings.prior}
    # a rule may set its own prior (params.prior_weight): evidence no labelled corpus holds yet
    own_prior = {r.id: float(r.params["prior_weight"]) for r in rules if "prior_weight" in r.params}
    mu = np.array([0.0] + [settings.counter_prior if r in counter else own_prior.get(r, prior[strength[r]]) for r in rule_ids] + [0.0])
    lam = np.array([0.0] + [settings.l2] * k + [settings.l2])
    lo = np.array([-np.inf] + [-np.inf if r in counter else 0.0 for r in rule_ids] + [0.0])
    hi = np.array([np.inf] + [0.0 if r in counter else np.inf for r in rule_ids] + [np.inf])
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


# ---------------------------------------------------------------- evaluation


def folds(samples, k: int) -> list[int]:
    """Folds grouped by site and stratified, fixed by a hash of each group.

    Groups are dealt in hash order, each to the fold that has the fewest
    documents of the group's majority class so far, so that the classes stay
    balanced across folds while a group never straddles two."""
    k = max(2, min(k, sum(s.positive for s in samples), sum(not s.positive for s in samples)))
    groups: dict[str, list[int]] = {}
    for i, s in enumerate(samples):
        groups.setdefault(s.group or f"{s.corpus}/{s.file}", []).append(i)
    load = [[0, 0] for _ in range(k)]  # per fold: positives, originals
    fold = [0] * len(samples)
    for _, key in sorted((hashlib.sha256(g.encode()).hexdigest(), g) for g in groups):
        members = groups[key]
        npos = sum(samples[i].positive for i in members)
        cls = 0 if npos * 2 >= len(members) else 1
        target = min(range(k), key=lambda f: (load[f][cls], load[f][1 - cls], f))
        load[target][0] += npos
        load[target][1] += len(members) - npos
        for i in members:
            fold[i] = target
    return fold


def cross_validate(samples, rules, caps, settings, counter) -> tuple[list[float], dict[str, list[float]]]:
    """Out-of-fold overall scores, and out-of-fold sub-scores per category."""
    assignment = folds(samples, settings.folds)
    oof = [0.0] * len(samples)
    sub = {c: [0.0] * len(samples) for c in CATEGORIES}
    for f in sorted(set(assignment)):
        train = [s for s, a in zip(samples, assignment) if a != f]
        model = fit_weights(train, rules, caps, settings, counter)
        for i, (s, a) in enumerate(zip(samples, assignment)):
            if a == f:
                scored = score_findings(s.findings, model, s.held)
                oof[i] = scored.score
                for c in CATEGORIES:
                    sub[c][i] = scored.scores[c]
    return oof, sub


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def choose_threshold(scores, positive, fpr: float, floor: float, margin: bool = True) -> float:
    """Best-recall threshold with false positives on originals ≤ fpr (see module doc).

    With ``margin`` the threshold sits halfway (in log-odds) between the
    highest original it must clear and the lowest positive above that;
    without, just above that original.
    """
    originals = sorted((s for s, p in zip(scores, positive) if not p), reverse=True)
    allowed = math.floor(fpr * len(originals) + 1e-9)
    if allowed >= len(originals):
        return floor
    bar = originals[allowed]  # the threshold must be above this original
    above = [s for s, p in zip(scores, positive) if p and s > bar]
    if not above or not margin:
        t = min(100.0, bar + 0.1)
    else:
        t = 100 * logistic((_logit(bar / 100) + _logit(min(above) / 100)) / 2)
        t = min(max(round(t, 1), round(bar + 0.1, 1)), min(above))
    return round(max(t, floor), 1)


def confusion(scores, positive, threshold: float) -> dict:
    tp = sum(1 for s, p in zip(scores, positive) if p and s >= threshold)
    fp = sum(1 for s, p in zip(scores, positive) if not p and s >= threshold)
    npos = sum(positive)
    nneg = len(positive) - npos
    return {
        "threshold": threshold, "tp": tp, "fp": fp,
        "precision": tp / (tp + fp) if tp + fp else None,
        "recall": tp / npos if npos else None,
        "fpr": fp / nneg if nneg else None,
    }


def calibration_table(scores, positive, bins: int = 10) -> list[dict]:
    rows = []
    for b in range(bins):
        lo, hi = 100 * b / bins, 100 * (b + 1) / bins
        idx = [i for i, s in enumerate(scores) if lo <= s < hi or (b == bins - 1 and s == 100)]
        if idx:
            rows.append({
                "bin": f"{lo:.0f}-{hi:.0f}", "documents": len(idx),
                "predicted": sum(scores[i] for i in idx) / len(idx) / 100,
                "observed": sum(positive[i] for i in idx) / len(idx),
            })
    return rows


def hit_frequencies(samples, rules) -> list[dict]:
    npos = sum(s.positive for s in samples)
    nneg = len(samples) - npos
    rows = []
    for r in sorted(rules, key=lambda r: (r.category, r.id)):
        pos = sum(1 for s in samples if s.positive and r.id in s.counts)
        neg = sum(1 for s in samples if not s.positive and r.id in s.counts)
        rp, rn = pos / npos, neg / nneg
        rows.append({"rule": r.id, "category": r.category, "positives": pos, "originals": neg,
                     "s_o": rp / (rp + rn) if rp + rn else None})
    return rows


# ---------------------------------------------------------------- the whole run


def thresholds(samples, oof, settings: Settings, positive=None, review_floor=None) -> tuple[float, float]:
    """The flagged and review thresholds: the highest any corpus asks for.

    ``positive`` says which documents count as positives (default: every
    document not labelled original; a category's verdict passes its own)."""
    positive = [s.positive for s in samples] if positive is None else positive
    review_floor = settings.review_floor if review_floor is None else review_floor
    flagged, review = settings.flagged_floor, review_floor
    for name in sorted({s.corpus for s in samples}):
        idx = [i for i, s in enumerate(samples) if s.corpus == name]
        scores = [oof[i] for i in idx]
        members = [positive[i] for i in idx]
        honest = not any(s.positive for s in (samples[i] for i in idx))
        f_fpr = settings.honest_flagged_fpr if honest else settings.flagged_fpr
        r_fpr = settings.honest_review_fpr if honest else settings.review_fpr
        flagged = max(flagged, choose_threshold(scores, members, f_fpr, settings.flagged_floor, margin=not honest))
        review = max(review, choose_threshold(scores, members, r_fpr, review_floor, margin=False))
    return flagged, min(review, flagged)


def calibrate(directories, auditor, settings: Settings = Settings(), use_urls: bool = True) -> Result:
    """Fit the weights; a manifest's ``url`` is the page's address unless ``use_urls`` is false."""
    samples, errors = collect(directories, auditor, use_urls)
    rules = auditor.catalogue.rules
    counter = {r.id for r in rules if auditor.catalogue.signals.get(r.signal, {}).get("polarity") == "honest"}
    ids = {r.id for r in rules}
    caps = {k: v for k, v in auditor.weights.caps.items() if k == "default" or k in ids}
    caps.setdefault("default", DEFAULT_CAP)
    oof, category_oof = cross_validate(samples, rules, caps, settings, counter)
    positive = [s.positive for s in samples]
    weights = fit_weights(samples, rules, caps, settings, counter)
    weights.flagged, weights.review = thresholds(samples, oof, settings)
    # Each category's verdict has its own thresholds, chosen the same way on
    # its out-of-fold sub-scores: its positives are the documents labelled
    # with that category, and the originals must stay below it. Positives of
    # the other category only are left out of the choice: a copied page often
    # carries its source's typography, and calling that translation is a
    # lesser error than accusing an original.
    for c in CATEGORIES:
        member = [s.label in CATEGORY_LABELS[c] for s in samples]
        if all(member) or not any(member):
            weights.category_thresholds[c] = (weights.review, weights.flagged)
            continue
        keep = [i for i, s in enumerate(samples) if member[i] or not s.positive]
        flagged, review = thresholds([samples[i] for i in keep], [category_oof[c][i] for i in keep], settings,
                                     [member[i] for i in keep], settings.category_review_floor)
        weights.category_thresholds[c] = (review, flagged)
    corpora = Counter(s.corpus for s in samples)
    weights.meta = {
        "generated_by": "provenance-audit calibrate",
        "algorithm": ALGORITHM,
        "fitted_on": [
            {"corpus": name, "documents": n, "positives": sum(1 for s in samples if s.corpus == name and s.positive),
             "originals": sum(1 for s in samples if s.corpus == name and not s.positive)}
            for name, n in sorted(corpora.items())
        ],
        "settings": asdict(settings),
        "counter_evidence": sorted(counter),
        "cross_validation": _cv_summary(oof, positive, weights, settings),
    }
    for c in CATEGORIES:
        member = [s.label in CATEGORY_LABELS[c] for s in samples]
        review, flagged = weights.category_thresholds[c]
        weights.meta[f"cross_validation_{c}"] = _cv_summary(category_oof[c], member, Weights(
            "", {}, {}, weights.overall, {}, review, flagged), settings)
    digest = {
        "algorithm": ALGORITHM, "settings": asdict(settings), "caps": caps, "counter": sorted(counter),
        "rules": sorted((r.id, r.signal, r.category, r.strength) for r in rules),
        "data": sorted((s.corpus, s.file, s.label, s.group, sorted(Counter(s.findings).items())) for s in samples),
    }
    weights.version = "cal-" + hashlib.sha256(json.dumps(digest, sort_keys=True).encode()).hexdigest()[:12]
    return Result(weights, samples, oof, category_oof, list(rules), errors)


def measurements(result: Result) -> dict:
    """Per rule and corpus, the documents it fired on among originals and
    positives: the stored measurement behind the reference's hit-rate table
    (the texts themselves are not in the repository)."""
    corpora = {}
    for s in result.samples:
        c = corpora.setdefault(s.corpus, {"originals": 0, "positives": 0})
        c["positives" if s.positive else "originals"] += 1
    rules = {}
    for r in sorted(result.rules, key=lambda r: r.id):
        per = {}
        for name in sorted(corpora):
            hits = [s for s in result.samples if s.corpus == name and r.id in s.counts]
            per[name] = {"originals": sum(not s.positive for s in hits), "positives": sum(s.positive for s in hits)}
        rules[r.id] = per
    return {
        "generated_by": "provenance-audit calibrate --measurements",
        "weights_version": result.weights.version,
        "corpora": dict(sorted(corpora.items())),
        "rules": rules,
    }


def _cv_summary(oof, positive, weights, settings) -> dict:
    a = auc([s for s, p in zip(oof, positive) if p], [s for s, p in zip(oof, positive) if not p])
    out = {"folds": folds_used(positive, settings.folds), "auc": round(a, 4) if a is not None else None}
    for name, t in (("flagged", weights.flagged), ("review", weights.review)):
        m = confusion(oof, positive, t)
        for key in ("precision", "recall", "fpr"):
            out[f"{name}_{key}"] = round(m[key], 4) if m[key] is not None else -1.0
    return out


def out_of_fold(samples, oof, weights) -> dict:
    """Per corpus, the out-of-fold figures an editor cares about: AUC, and
    the share flagged and not clean per label and per source language."""

    def verdict(score):
        return "flagged" if score >= weights.flagged else "review" if score >= weights.review else "clean"

    def rates(idx):
        n = len(idx)
        fl = sum(verdict(oof[i]) == "flagged" for i in idx)
        nc = sum(verdict(oof[i]) != "clean" for i in idx)
        return {"documents": n, "flagged": round(fl / n, 4) if n else None, "not_clean": round(nc / n, 4) if n else None}

    out = {}
    for name in sorted({s.corpus for s in samples}):
        idx = [i for i, s in enumerate(samples) if s.corpus == name]
        pos = [i for i in idx if samples[i].positive]
        neg = [i for i in idx if not samples[i].positive]
        traced = [i for i in pos if samples[i].visible_trace]
        a = auc([oof[i] for i in pos], [oof[i] for i in neg])
        at = auc([oof[i] for i in traced], [oof[i] for i in neg])
        entry = {"auc": round(a, 4) if a is not None else None,
                 "auc_visible_trace": round(at, 4) if at is not None and len(traced) != len(pos) else None,
                 "labels": {}, "positives_with_visible_trace": rates(traced) if len(traced) != len(pos) else None,
                 "source_languages": {}}
        for label in sorted({samples[i].label for i in idx}):
            entry["labels"][label] = rates([i for i in idx if samples[i].label == label])
        if pos:
            entry["labels"]["all positives"] = rates(pos)
        for lang in sorted({samples[i].source_language or "-" for i in idx}):
            members = [i for i in idx if (samples[i].source_language or "-") == lang]
            entry["source_languages"][lang] = {label: rates([i for i in members if samples[i].label == label])
                                               for label in sorted({samples[i].label for i in members})}
        out[name] = entry
    return out


def render_out_of_fold(figures: dict) -> list[str]:
    def f(x):
        return "-" if x is None else f"{x:.3f}"

    out = ["", "out of fold, per corpus (folds grouped by site)"]
    for name, e in figures.items():
        line = f"{name}: AUC {f(e['auc'])}"
        if e["auc_visible_trace"] is not None:
            line += f" (positives with a visible trace: {f(e['auc_visible_trace'])})"
        out.append(line)
        out.append(f"  {'label':<20} {'docs':>5} {'flagged':>8} {'not clean':>10}")
        for label, r in e["labels"].items():
            out.append(f"  {label:<20} {r['documents']:>5} {f(r['flagged']):>8} {f(r['not_clean']):>10}")
        if e["positives_with_visible_trace"]:
            r = e["positives_with_visible_trace"]
            out.append(f"  {'positives, traced':<20} {r['documents']:>5} {f(r['flagged']):>8} {f(r['not_clean']):>10}")
        if len(e["source_languages"]) > 1:
            out.append(f"  {'language':<9} {'label':<20} {'docs':>5} {'flagged':>8} {'not clean':>10}")
            for lang, labels in e["source_languages"].items():
                for label, r in labels.items():
                    out.append(f"  {lang:<9} {label:<20} {r['documents']:>5} {f(r['flagged']):>8} {f(r['not_clean']):>10}")
    return out


def folds_used(positive, k: int) -> int:
    return max(2, min(k, sum(positive), len(positive) - sum(positive)))


# ---------------------------------------------------------------- output


def _toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(round(v, 4) + 0.0) if isinstance(v, float) else str(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{_key(k)} = {_toml_value(x)}" for k, x in v.items()) + "}"
    raise TypeError(type(v))


def _key(k: str) -> str:
    return k if k.replace("_", "").replace("-", "").isalnum() and k.isascii() else json.dumps(k)


def weights_toml(weights: Weights) -> str:
    meta = weights.meta
    cv = meta["cross_validation"]
    fitted = ", ".join(f"{c['corpus']} ({c['documents']} documents: {c['positives']} positive, {c['originals']} original)" for c in meta["fitted_on"])
    lines = [
        "# Generated by `provenance-audit calibrate`: do not edit by hand; re-run the",
        "# command to refit. Local overrides belong in a separate file (--weights).",
        f"# Fitted on {fitted}.",
        f"# Cross-validated ({cv['folds']} folds): AUC {cv['auc']}; flagged at {weights.flagged}: precision"
        f" {cv['flagged_precision']}, recall {cv['flagged_recall']}, false-positive rate {cv['flagged_fpr']}.",
        "[meta]",
        f"version = {_toml_value(weights.version)}",
    ]
    tables = []
    for k, v in meta.items():
        if isinstance(v, dict):
            tables.append((k, v))
        else:
            lines.append(f"{_key(k)} = {_toml_value(v)}")
    for name, table in tables:
        lines += ["", f"[meta.{name}]"] + [f"{_key(k)} = {_toml_value(v)}" for k, v in table.items()]
    lines += ["", "[thresholds]", f"review = {_toml_value(weights.review)}", f"flagged = {_toml_value(weights.flagged)}"]
    for c in CATEGORIES:
        if c in weights.category_thresholds:
            review, flagged = weights.category_thresholds[c]
            lines += ["", f"[thresholds.{c}]", f"review = {_toml_value(review)}", f"flagged = {_toml_value(flagged)}"]
    for name, model in [("overall", weights.overall)] + [(c, weights.categories[c]) for c in CATEGORIES]:
        lines += ["", f"[model.{name}]", f"bias = {_toml_value(model.bias)}", f"distinct_signals = {_toml_value(model.distinct)}"]
    lines += ["", "[caps]"] + [f"{_key(k)} = {v}" for k, v in sorted(weights.caps.items(), key=lambda kv: (kv[0] != "default", kv[0]))]
    lines += ["", "[weights]"] + [f"{json.dumps(r)} = {_toml_value(w)}" for r, w in sorted(weights.rules.items())]
    return "\n".join(lines) + "\n"


def render(result: Result) -> str:
    w = result.weights
    samples = result.samples
    positive = [s.positive for s in samples]
    out = [f"documents {len(samples)}  positives {sum(positive)}  originals {len(samples) - sum(positive)}"]
    out += [f"  {c['corpus']}: {c['documents']} ({c['positives']} positive, {c['originals']} original)" for c in w.meta["fitted_on"]]
    if result.errors:
        out += ["left out (could not be audited):"] + [f"  {e}" for e in result.errors]
    out += ["", "hit frequencies (documents with at least one hit; S/O = share of hits that are positives, by rate)",
            f"{'rule':<40} {'cat':<3} {'pos':>4} {'pos%':>6} {'orig':>4} {'orig%':>6} {'S/O':>5} {'weight':>7}"]
    npos, nneg = sum(positive), len(positive) - sum(positive)
    for row in hit_frequencies(samples, result.rules):
        so = "-" if row["s_o"] is None else f"{row['s_o']:.2f}"
        note = "" if row["positives"] + row["originals"] else "  (no hits: prior)"
        out.append(f"{row['rule']:<40} {'sc' if row['category'] == 'scraping' else 'mt':<3} {row['positives']:>4} {100 * row['positives'] / npos:>5.1f}%"
                   f" {row['originals']:>4} {100 * row['originals'] / nneg:>5.1f}% {so:>5} {w.rules[row['rule']]:>7.3f}{note}")
    out += ["", "models (log-odds)"]
    for name, model in [("overall", w.overall)] + list(w.categories.items()):
        out.append(f"  {name:<20} bias {model.bias:>8.4f}  distinct_signals {model.distinct:>7.4f}")
    cv = w.meta["cross_validation"]
    out += ["", f"cross-validated ({cv['folds']} folds grouped by site), out-of-fold scores, all corpora pooled", f"AUC {cv['auc']}",
            f"{'threshold':>9} {'precision':>9} {'recall':>7} {'FP rate':>7} {'TP':>4} {'FP':>4}"]
    for t in sorted({10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, w.review, w.flagged}):
        m = confusion(result.oof, positive, t)
        tag = "  <- flagged" if t == w.flagged else "  <- review" if t == w.review else ""
        p = "-" if m["precision"] is None else f"{m['precision']:.3f}"
        out.append(f"{t:>9.1f} {p:>9} {m['recall']:>7.3f} {m['fpr']:>7.3f} {m['tp']:>4} {m['fp']:>4}{tag}")
    out += render_out_of_fold(out_of_fold(samples, result.oof, w))
    out += ["", "calibration (out-of-fold)", f"{'score':>7} {'docs':>5} {'predicted':>9} {'observed':>8}"]
    for row in calibration_table(result.oof, positive):
        out.append(f"{row['bin']:>7} {row['documents']:>5} {row['predicted']:>9.3f} {row['observed']:>8.3f}")
    worst = sorted(((s, smp) for s, smp in zip(result.oof, samples) if not smp.positive), key=lambda x: -x[0])[:3]
    out += ["", "highest-scoring originals (out-of-fold): " + ", ".join(f"{smp.corpus}/{smp.file} {s:.1f}" for s, smp in worst)]
    missed = [f"{smp.corpus}/{smp.file}" for s, smp in zip(result.oof, samples) if smp.positive and s < w.flagged]
    out.append(f"positives below flagged (out-of-fold): {len(missed)} {' '.join(missed)}")
    for c, oof in sorted(result.category_oof.items()):
        member = [s.label in CATEGORY_LABELS[c] for s in samples]
        review, flagged = w.category_thresholds[c]
        a = auc([x for x, m in zip(oof, member) if m], [x for x, m in zip(oof, member) if not m])
        m = confusion(oof, member, flagged)
        fmt = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
        out.append(f"{c} verdict (out-of-fold sub-score; {sum(member)} documents of this category): AUC {fmt(a)}; review {review}, "
                   f"flagged {flagged}: precision {fmt(m['precision'])}, recall {fmt(m['recall'])}, FP rate {fmt(m['fpr'])}")
    out += ["", f"thresholds: review {w.review}  flagged {w.flagged}", f"version {w.version}"]
    return "\n".join(out) + "\n"

