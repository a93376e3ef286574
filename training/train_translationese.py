"""Train the translationese model and evaluate it (not run by the tests' fast path).

    python training/train_translationese.py WMT21_DIR NEWSWIRE_DIR [--pages MANIFEST TEXTS]
        [--out rules/translationese.toml] [--eval]

WMT21_DIR holds the WMT21 news test into English laid out one document per
file: ``wmt21-<src>-en/<version>/<doc>.txt`` (``ref-*`` are professional
human translations, every other version a machine-translation system) and
``en-original/<doc>.txt`` (news written in English). NEWSWIRE_DIR holds
honest English wire stories, one per file. ``--pages`` adds the originals of
a labelled corpus of web pages (a JSON Lines manifest with ``id`` and
``label``, texts in ``TEXTS/<id>.txt``) as negatives: English written for
the web, with the page around the article, which neither the WMT originals
nor the 1987 wire stories resemble. Only pages labelled ``original`` are
read; their other pages are used only by ``--eval``.

The shipped model answers: is this English text a machine translation, or
English written as such? Positives are every system's output; negatives the
English originals, a fixed sample of the wire stories (the first
``--newswire`` files in the order of the SHA-256 of their names) and the
original pages, each of the three sources of negatives given a third of the
negative class's weight. Features
(:mod:`audit.translationese`) are standardised; the fit is an L2-regularised
logistic regression with both classes given equal total weight (numpy,
projected Newton, deterministic), so the same inputs give the same bytes.
The finding's threshold is the probability that at most ``--fpr`` of the
training originals reach.

``--eval`` also reports, for both questions apart (translated, human or
machine, vs English original; machine vs human translation), the AUC
leaving out one source language and leaving out one system, with the
documents split so that no test document (in any version) was seen in
training.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
from collections import defaultdict

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from audit.calibrate import _fit  # noqa: E402
from audit.evaluate import auc  # noqa: E402
from audit.translationese import MIN_WORDS, features  # noqa: E402

SETTINGS = {"l2": 300.0, "newswire": 600, "fpr": 0.02, "folds": 5, "min_pair_rate": 1.0, "digits": 4}


def select_features(docs, settings) -> list[str]:
    """Every feature but the rare word-class pairs (mean rate under ``min_pair_rate`` per hundred words)."""
    docs = [d for d in docs if d["kind"] == "machine" or d["kind"] in NEGATIVE_SOURCES]  # the training documents
    names = sorted({k for d in docs for k in d["f"]})
    keep = []
    for n in names:
        if n.startswith("classes:"):
            if sum(d["f"].get(n, 0.0) for d in docs) / len(docs) < settings["min_pair_rate"]:
                continue
        keep.append(n)
    return keep


def _h(s: str) -> str:
    return hashlib.sha256(s.encode()).hexdigest()


def load(wmt: str, newswire: str, n_newswire: int):
    """Documents as dicts: pair, version, doc, kind (original|human|machine|wire), features."""
    docs = []
    for pair in sorted(os.listdir(wmt)):
        base = os.path.join(wmt, pair)
        if not os.path.isdir(base):
            continue
        if pair == "en-original":
            versions = [("original", base)]
        else:
            versions = [(v, os.path.join(base, v)) for v in sorted(os.listdir(base))]
        for version, folder in versions:
            for name in sorted(os.listdir(folder)):
                if not name.endswith(".txt"):
                    continue
                with open(os.path.join(folder, name), encoding="utf-8") as fh:
                    f, n = features(fh.read())
                if n < MIN_WORDS:
                    continue
                kind = "original" if pair == "en-original" else "human" if version.startswith("ref") else "machine"
                docs.append({"pair": pair, "version": version, "doc": name, "kind": kind, "f": f})
    names = sorted((n for n in os.listdir(newswire) if n.endswith(".txt")), key=_h)
    taken = 0
    for name in names:
        if taken >= n_newswire:
            break
        with open(os.path.join(newswire, name), encoding="utf-8", errors="replace") as fh:
            f, n = features(fh.read())
        if n < MIN_WORDS:
            continue
        docs.append({"pair": "newswire", "version": "wire", "doc": name, "kind": "wire", "f": f})
        taken += 1
    return docs


def load_pages(manifest: str, texts: str):
    docs = []
    with open(manifest, encoding="utf-8") as fh:
        entries = [json.loads(line) for line in fh if line.strip()]
    for e in sorted(entries, key=lambda e: e["id"]):
        path = os.path.join(texts, f"{e['id']}.txt")
        if e.get("label") in (None, "unsure") or not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as fh:
            f, n = features(fh.read())
        if n < MIN_WORDS:
            continue
        kind = "page" if e["label"] == "original" else "page-" + e["label"]
        docs.append({"pair": "pages", "version": e.get("source_language", ""), "doc": e["id"], "kind": kind, "f": f})
    return docs


NEGATIVE_SOURCES = ("original", "wire", "page")


def weights_for(docs, y):
    """Positives and negatives weigh the same in total; the kinds of negative share theirs equally."""
    n = len(y)
    c = np.zeros(n)
    c[y > 0] = n / (2 * y.sum())
    present = sorted({d["kind"] for d, t in zip(docs, y) if not t})
    for k in present:
        members = np.array([d["kind"] == k and not t for d, t in zip(docs, y)])
        c[members] = n / (2 * len(present) * members.sum())
    return c


def matrix(docs, names):
    return np.array([[d["f"].get(k, 0.0) for k in names] for d in docs], dtype=float)


def train(X, y, l2, c):
    """Standardise, then fit; returns mean, scale, weights, bias."""
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-9] = 1.0
    Z = (X - mean) / scale
    A = np.column_stack([np.ones(len(y)), Z])
    k = A.shape[1]
    lam = np.array([0.0] + [l2] * (k - 1))
    theta = _fit(A, y, c, lam, np.zeros(k), np.full(k, -np.inf), np.full(k, np.inf), iterations=60)
    return mean, scale, theta[1:], theta[0]


def predict(model, X):
    mean, scale, w, b = model
    z = ((X - mean) / scale) @ w + b
    return 1 / (1 + np.exp(-z))


# ---------------------------------------------------------------- evaluation


def doc_fold(doc: str, k: int) -> int:
    return int(_h(doc), 16) % k


def _auc(scores, labels):
    pos = [s for s, lab in zip(scores, labels) if lab]
    neg = [s for s, lab in zip(scores, labels) if not lab]
    return auc(pos, neg) if pos and neg else None


def evaluate(docs, names, l2):
    """AUC for both questions, leaving out one source language and one system."""
    X = matrix(docs, names)
    out = {}
    pairs = sorted({d["pair"] for d in docs if d["pair"].startswith("wmt")})
    # question 1: translated (human or machine) vs English original
    q1 = np.array([d["kind"] in ("human", "machine") for d in docs])
    neg1 = np.array([d["kind"] in NEGATIVE_SOURCES for d in docs])
    per = {}
    pooled_s, pooled_l = [], []
    for i, pair in enumerate(pairs):
        # originals split in folds by document; the held-out language meets unseen originals
        test_orig = [j for j, d in enumerate(docs) if d["kind"] == "original" and doc_fold(d["doc"], len(pairs)) == i]
        train = [j for j, d in enumerate(docs) if (q1[j] and d["pair"] != pair) or (neg1[j] and j not in set(test_orig))]
        test = [j for j, d in enumerate(docs) if q1[j] and d["pair"] == pair] + test_orig
        model = train_on(X, docs, train, q1, l2)
        s = predict(model, X[test])
        lab = [bool(q1[j]) for j in test]
        per[pair] = _auc(list(s), lab)
        pooled_s += list(s)
        pooled_l += lab
    out["q1_leave_one_language_out"] = {"per_language": per, "pooled": _auc(pooled_s, pooled_l)}
    # question 2: machine vs human translation
    q2 = np.array([d["kind"] == "machine" for d in docs])
    per = {}
    pooled_s, pooled_l = [], []
    for pair in pairs:
        train = [j for j, d in enumerate(docs) if d["kind"] in ("machine", "human") and d["pair"] != pair]
        test = [j for j, d in enumerate(docs) if d["kind"] in ("machine", "human") and d["pair"] == pair]
        model = train_on(X, docs, train, q2, l2)
        s = predict(model, X[test])
        lab = [bool(q2[j]) for j in test]
        per[pair] = _auc(list(s), lab)
        pooled_s += list(s)
        pooled_l += lab
    out["q2_leave_one_language_out"] = {"per_language": per, "pooled": _auc(pooled_s, pooled_l)}
    # leave one system out: the held-out system on documents of a held-out fold,
    # against the human references (q2) or the originals (q1) of that fold
    systems = sorted({(d["pair"], d["version"]) for d in docs if d["kind"] == "machine"})
    per1, per2 = {}, {}
    for pair, system in systems:
        s1, l1, s2, l2_ = [], [], [], []
        for f in range(2):
            held = lambda d: doc_fold(d["doc"], 2) == f  # noqa: E731, B023  (used within this iteration)
            tr2 = [j for j, d in enumerate(docs) if d["kind"] in ("machine", "human") and d["version"] != system and not (d["pair"] == pair and held(d))]
            te2 = [j for j, d in enumerate(docs) if d["pair"] == pair and held(d) and (d["version"] == system or d["kind"] == "human")]
            m2 = train_on(X, docs, tr2, q2, l2)
            s2 += list(predict(m2, X[te2]))
            l2_ += [bool(q2[j]) for j in te2]
            tr1 = [j for j, d in enumerate(docs) if (q1[j] and d["version"] != system and not (d["pair"] == pair and held(d)))
                   or (neg1[j] and not (d["kind"] == "original" and held(d)))]
            te1 = [j for j, d in enumerate(docs) if (d["pair"] == pair and held(d) and d["version"] == system) or (d["kind"] == "original" and held(d))]
            m1 = train_on(X, docs, tr1, q1, l2)
            s1 += list(predict(m1, X[te1]))
            l1 += [bool(q1[j]) for j in te1]
        per1[f"{pair}/{system}"] = _auc(s1, l1)
        per2[f"{pair}/{system}"] = _auc(s2, l2_)
    out["q1_leave_one_system_out"] = {"per_system": per1, "mean": float(np.mean([v for v in per1.values() if v is not None]))}
    out["q2_leave_one_system_out"] = {"per_system": per2, "mean": float(np.mean([v for v in per2.values() if v is not None]))}
    return out


def evaluate_pages(docs, names, settings, k: int = 5):
    """Pages: machine-translated (and scraped-mt) pages against original pages scored out of fold."""
    X = matrix(docs, names)
    machine = np.array([d["kind"] == "machine" for d in docs])
    scores = {}
    for f in range(k):
        train = [j for j, d in enumerate(docs)
                 if d["kind"] == "machine" or (d["kind"] in NEGATIVE_SOURCES and not (d["kind"] == "page" and doc_fold(d["doc"], k) == f))]
        model = train_on(X, docs, train, machine, settings["l2"])
        test = [j for j, d in enumerate(docs) if d["kind"] == "page" and doc_fold(d["doc"], k) == f]
        if f == 0:
            test += [j for j, d in enumerate(docs) if d["kind"] in ("page-machine-translated", "page-scraped-mt", "page-scraped")]
            full = model
        for j, p in zip(test, predict(model, X[test])):
            scores[j] = float(p)
    # the thresholded finding as the shipped fit would place it, from in-sample negatives
    mt = [p for j, p in scores.items() if docs[j]["kind"] in ("page-machine-translated", "page-scraped-mt")]
    orig = [p for j, p in scores.items() if docs[j]["kind"] == "page"]
    out = {"pages_auc_mt_vs_original_out_of_fold": _auc(mt + orig, [True] * len(mt) + [False] * len(orig)),
           "mt_pages": len(mt), "original_pages": len(orig)}
    for t in (0.5, 0.8, 0.9, 0.95, 0.98, 0.99):
        out[f"at_{t}"] = {"mt_share": round(sum(p >= t for p in mt) / len(mt), 3), "original_share": round(sum(p >= t for p in orig) / len(orig), 3)}
    del full
    return out


def train_on(X, docs, idx, labels, l2):
    idx = sorted(set(idx))
    y = labels[idx].astype(float)
    return train(X[idx], y, l2, weights_for([docs[j] for j in idx], y))


# ---------------------------------------------------------------- the shipped model


def fit_shipped(docs, names, settings):
    """The shipped fit, and a threshold from out-of-fold scores of the negatives.

    Every negative is scored by a model fitted without its fold (folds by
    document name), so the threshold reflects texts the model has not seen:
    it is the lowest probability that at most ``fpr`` of the negatives of
    each source (English originals, wire stories, original pages) reach.
    """
    idx = [j for j, d in enumerate(docs) if d["kind"] == "machine" or d["kind"] in NEGATIVE_SOURCES]
    sub = [docs[j] for j in idx]
    X = matrix(sub, names)
    y = np.array([1.0 if d["kind"] == "machine" else 0.0 for d in sub])
    mean, scale, w, b = train(X, y, settings["l2"], weights_for(sub, y))
    k = settings["folds"]
    oof = np.zeros(len(sub))
    for f in range(k):
        held = np.array([not t and doc_fold(d["doc"], k) == f for d, t in zip(sub, y)])
        keep = ~held
        model = train(X[keep], y[keep], settings["l2"], weights_for([d for d, m in zip(sub, keep) if m], y[keep]))
        oof[held] = predict(model, X[held])
    threshold = 0.5
    for source in NEGATIVE_SOURCES:
        scores = sorted((float(p) for p, d, t in zip(oof, sub, y) if not t and d["kind"] == source), reverse=True)
        if scores:
            allowed = int(math.floor(settings["fpr"] * len(scores)))
            threshold = max(threshold, scores[allowed] + 1e-4 if allowed < len(scores) else 0.5)
    full = predict((mean, scale, w, b), X)
    stats = {
        "machine_documents": int(y.sum()),
        "original_documents": sum(1 for d in sub if d["kind"] == "original"),
        "wire_documents": sum(1 for d in sub if d["kind"] == "wire"),
        "page_documents": sum(1 for d in sub if d["kind"] == "page"),
        "machine_recall_at_threshold": round(float((full[y == 1] >= threshold).mean()), 4),
    }
    for source in NEGATIVE_SOURCES:
        scores = [p for p, d, t in zip(oof, sub, y) if not t and d["kind"] == source]
        if scores:
            stats[f"{source}_out_of_fold_above_threshold"] = round(float(np.mean([p >= threshold for p in scores])), 4)
    return mean, scale, w, b, round(threshold, 4), stats


def to_toml(names, mean, scale, w, b, threshold, stats, settings, digits) -> str:
    r = lambda v: repr(round(float(v), digits) + 0.0)  # noqa: E731
    body = [f'"{n}" = [{r(m)}, {r(s)}, {r(x)}]' for n, m, s, x in zip(names, mean, scale, w)]
    digest = _h("\n".join(body) + r(b) + r(threshold))[:12]
    lines = [
        "# Generated by training/train_translationese.py: do not edit by hand; re-run it to refit.",
        "# A logistic model over document-level features (audit/translationese.py).",
        "# [features]: name = [mean, scale, weight] of the standardised feature.",
        "[meta]",
        f'version = "tr-{digest}"',
        'fitted_on = "WMT21 news into English (ru, ja, is; every system as positive) against its English originals and a sample of wire stories"',
        "settings = {" + ", ".join(f"{k} = {v!r}" for k, v in settings.items()) + "}",
        "stats = {" + ", ".join(f"{k} = {v!r}" for k, v in stats.items()) + "}",
        "",
        "[model]",
        f"bias = {r(b)}",
        f"threshold = {r(threshold)}",
        "",
        "[features]",
    ]
    return "\n".join(lines + body) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("wmt21")
    ap.add_argument("newswire")
    ap.add_argument("--pages", nargs=2, metavar=("MANIFEST", "TEXTS"), help="labelled web pages: originals become negatives")
    ap.add_argument("--out", help="write the model file here")
    ap.add_argument("--eval", action="store_true", help="report leave-one-language-out and leave-one-system-out AUCs")
    args = ap.parse_args(argv)
    docs = load(args.wmt21, args.newswire, SETTINGS["newswire"])
    if args.pages:
        docs += load_pages(*args.pages)
    names = select_features(docs, SETTINGS)
    counts = defaultdict(int)
    for d in docs:
        counts[d["kind"]] += 1
    print("documents", dict(sorted(counts.items())), "features", len(names))
    if args.eval:
        print(json.dumps(evaluate(docs, names, SETTINGS["l2"]), indent=1, sort_keys=True))
        if args.pages:
            print(json.dumps(evaluate_pages(docs, names, SETTINGS), indent=1, sort_keys=True))
    mean, scale, w, b, threshold, stats = fit_shipped(docs, names, SETTINGS)
    print("threshold", threshold, "stats", stats)
    order = np.argsort(-np.abs(w))[:15]
    print("largest weights:", ", ".join(f"{names[i]} {w[i]:+.3f}" for i in order))
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(to_toml(names, mean, scale, w, b, threshold, stats, SETTINGS, SETTINGS["digits"]))
        print("wrote", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
