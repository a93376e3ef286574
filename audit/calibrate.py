"""Calibrate: fit the weights file from labelled corpora (SpamAssassin's mass-check).

The catalogue runs once over every document listed in ``DIR/manifest*.jsonl``;
the findings are kept per document and everything after that (hit
frequencies, the fit, cross-validation, thresholds) works from them.

The model and its fit are in :mod:`audit.calibrate_fit`; what the command
prints and writes is in :mod:`audit.calibrate_report`.

Quality is measured by k-fold cross-validation with folds grouped by site:
every document of one group (a page's site, from its URL; a file's own name
where there is none) falls in one fold, fixed by a hash of the group, so no
site's template is learnt from one of its pages and tested on another. The
thresholds come from the out-of-fold scores. ``flagged`` is the lowest
threshold (best recall) whose false-positive rate on the originals is at
most ``flagged_fpr``, placed halfway (in log-odds) between the highest
original it must clear and the next positive above it, so that it keeps a
margin on both sides; it is measured on the originals of all labelled
corpora together and on each labelled corpus large enough to measure that
rate (at least 1 / ``flagged_fpr`` originals). A smaller labelled corpus
still has none of its originals flagged, but its threshold sits just above
its highest original: with a dozen originals, the gap between one of them
and the next positive (often a page scoring 99.99) says nothing about where
a margin belongs. ``review``
is the lowest score at which at most ``review_fpr`` of the originals would be
in review or flagged (just above the original it must clear), measured on
the originals of all labelled corpora together and on each labelled corpus
large enough to measure that rate (at least 1 / ``review_fpr`` originals): a
rate of 5 % cannot be read off a dozen documents, where one original would
set the threshold alone. An honest corpus (every document an original: wire
copy) holds both thresholds to its own, stricter rates
(``honest_flagged_fpr``, ``honest_review_fpr``). Each threshold is the
highest any of these asks for, held to a floor, and review ≤ flagged.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import NamedTuple


from .catalogue import CATEGORIES
from .calibrate_fit import _fit, fit_weights  # noqa: F401  (_fit: the training scripts use it)
from .calibrate_report import _cv_summary, render, weights_toml  # noqa: F401  (the command imports them from here)
from .evaluate import CATEGORY_LABELS, POSITIVE_LABELS, Corpus, ManifestError, audit_entries, load_corpus
from .score import DEFAULT_CAP, DEFAULT_FLAGGED, DEFAULT_REVIEW, Weights, logistic
from .score import score as score_findings

ALGORITHM = "logreg-l2-prior-1"
LABELS = POSITIVE_LABELS | {"original"}


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


def collect(sources, auditor, use_urls: bool = True, copies: bool = False) -> tuple[list[Sample], list[str]]:
    """Run the catalogue once over every labelled document; keep its findings.

    A source is a :class:`~audit.evaluate.Corpus` or a folder with manifests;
    with ``copies`` each corpus's documents are also compared with each other
    (:func:`audit.evaluate.audit_entries`)."""
    samples, errors = [], []
    for source in sources:
        corpus = source if isinstance(source, Corpus) else load_corpus(source)
        for entry in corpus.entries:
            if entry["label"] not in LABELS:
                raise ManifestError(f"{corpus.name}: {entry['file']}: unknown label '{entry['label']}'")
        for entry, report in zip(corpus.entries, audit_entries(auditor, corpus.entries, use_urls, copies)):
            if report["error"]:
                errors.append(f"{corpus.name}/{entry['file']}: {report['error']}")
                continue
            found = tuple(F(f["rule"], f["signal"], f["category"], bool(f.get("in_copied_block"))) for f in report["findings"])
            samples.append(Sample(corpus.name, entry["file"], entry["label"], found, f"{corpus.name}/{entry.get('group', entry['file'])}",
                                  entry.get("source_language"), entry.get("visible_trace", True) is not False))
    if not any(s.positive for s in samples) or all(s.positive for s in samples):
        raise ManifestError("calibration needs both originals and positives")
    return samples, errors


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


# ---------------------------------------------------------------- the whole run


def thresholds(samples, oof, settings: Settings, positive=None, review_floor=None) -> tuple[float, float]:
    """The flagged and review thresholds: the highest any corpus asks for (see module doc).

    ``positive`` says which documents count as positives (default: every
    document not labelled original; a category's verdict passes its own)."""
    positive = [s.positive for s in samples] if positive is None else positive
    review_floor = settings.review_floor if review_floor is None else review_floor
    flagged, review = settings.flagged_floor, review_floor
    honest = {name for name in {s.corpus for s in samples} if not any(s.positive for s in samples if s.corpus == name)}
    labelled = [i for i, s in enumerate(samples) if s.corpus not in honest]
    if labelled:
        pooled = [oof[i] for i in labelled], [positive[i] for i in labelled]
        review = max(review, choose_threshold(*pooled, settings.review_fpr, review_floor, margin=False))
        flagged = max(flagged, choose_threshold(*pooled, settings.flagged_fpr, settings.flagged_floor))
    for name in sorted({s.corpus for s in samples}):
        idx = [i for i, s in enumerate(samples) if s.corpus == name]
        scores = [oof[i] for i in idx]
        members = [positive[i] for i in idx]
        f_fpr = settings.honest_flagged_fpr if name in honest else settings.flagged_fpr
        r_fpr = settings.honest_review_fpr if name in honest else settings.review_fpr
        originals = len(members) - sum(members)
        # the margin needs a rate the corpus can measure: below 1/fpr originals
        # its highest original is cleared (none flagged) and no more
        measured = name not in honest and originals * f_fpr >= 1
        flagged = max(flagged, choose_threshold(scores, members, f_fpr, settings.flagged_floor, margin=measured))
        if name in honest or originals * r_fpr >= 1:
            review = max(review, choose_threshold(scores, members, r_fpr, review_floor, margin=False))
    return flagged, min(review, flagged)


def calibrate(directories, auditor, settings: Settings = Settings(), use_urls: bool = True, copies: bool = False) -> Result:
    """Fit the weights; a manifest's ``url`` is the page's address unless ``use_urls`` is false."""
    samples, errors = collect(directories, auditor, use_urls, copies)
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
