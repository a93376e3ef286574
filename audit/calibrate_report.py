"""What ``calibrate`` prints and writes: confusion figures, the out-of-fold
tables per corpus, label and source language, the hit-frequency table, and
the weights file itself."""

from __future__ import annotations

import json

from .catalogue import CATEGORIES
from .evaluate import CATEGORY_LABELS, auc
from .score import Weights


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


def render(result) -> str:
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
