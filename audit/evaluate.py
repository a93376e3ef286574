"""Evaluate the auditor on a labelled corpus (``manifest*.jsonl`` files).

Each manifest line is a JSON object: ``file``, ``label`` (original, scraped,
machine-translated, scraped-mt), ``source_language``, ``format``,
``signals`` (slugs) and ``notes``. A document is positive unless its label
is ``original``.
"""

from __future__ import annotations

import json
from pathlib import Path

POSITIVE_LABELS = {"scraped", "machine-translated", "scraped-mt"}


class ManifestError(ValueError):
    pass


def load_manifests(directory: str | Path) -> list[dict]:
    directory = Path(directory)
    manifests = sorted(directory.glob("manifest*.jsonl"))
    if not manifests:
        raise ManifestError(f"{directory}: no manifest*.jsonl file")
    entries = []
    for manifest in manifests:
        for n, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except ValueError as exc:
                raise ManifestError(f"{manifest}:{n}: not JSON: {exc}") from None
            if "file" not in entry or "label" not in entry:
                raise ManifestError(f"{manifest}:{n}: needs 'file' and 'label'")
            entry["path"] = str(directory / entry["file"])
            entries.append(entry)
    return entries


def auc(scores_pos: list[float], scores_neg: list[float]) -> float | None:
    """Area under the ROC curve: the chance a positive outscores a negative."""
    if not scores_pos or not scores_neg:
        return None
    wins = 0.0
    for p in scores_pos:
        for q in scores_neg:
            wins += 1.0 if p > q else 0.5 if p == q else 0.0
    return wins / (len(scores_pos) * len(scores_neg))


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def metrics(entries: list[dict], reports: list[dict]) -> dict:
    rows = []
    for entry, report in zip(entries, reports):
        found = sorted({f["signal"] for f in report["findings"]})
        rows.append({
            "file": entry["file"],
            "label": entry["label"],
            "format": entry.get("format"),
            "positive": entry["label"] in POSITIVE_LABELS,
            "score": report["score"] if report["score"] is not None else 0.0,
            "verdict": report["verdict"],
            "error": report["error"],
            "tagged": sorted(entry.get("signals", [])),
            "found": found,
        })
    pos = [r for r in rows if r["positive"]]
    neg = [r for r in rows if not r["positive"]]

    def pr(pred):
        tp = sum(1 for r in pos if pred(r))
        fp = sum(1 for r in neg if pred(r))
        return {"precision": _ratio(tp, tp + fp), "recall": _ratio(tp, len(pos)), "true_positives": tp, "false_positives": fp}

    per_signal: dict[str, dict] = {}
    for r in rows:
        for s in r["tagged"]:
            d = per_signal.setdefault(s, {"tagged": 0, "found": 0, "missed": [], "untagged_hits": 0})
            d["tagged"] += 1
            if s in r["found"]:
                d["found"] += 1
            else:
                d["missed"].append(r["file"])
        for s in r["found"]:
            if s not in r["tagged"]:
                d = per_signal.setdefault(s, {"tagged": 0, "found": 0, "missed": [], "untagged_hits": 0})
                d["untagged_hits"] += 1
    for d in per_signal.values():
        d["recall"] = _ratio(d["found"], d["tagged"])
    tagged = sum(d["tagged"] for d in per_signal.values())
    found = sum(d["found"] for d in per_signal.values())
    a = auc([r["score"] for r in pos], [r["score"] for r in neg])
    return {
        "documents": len(rows),
        "positives": len(pos),
        "originals": len(neg),
        "auc": round(a, 4) if a is not None else None,
        "flagged": pr(lambda r: r["verdict"] == "flagged"),
        "not_clean": pr(lambda r: r["verdict"] in {"flagged", "review"}),
        "originals_flagged": [r["file"] for r in neg if r["verdict"] == "flagged"],
        "originals_review": [r["file"] for r in neg if r["verdict"] == "review"],
        "positives_clean": [r["file"] for r in pos if r["verdict"] == "clean"],
        "signal_recall": _ratio(found, tagged),
        "per_signal": dict(sorted(per_signal.items())),
        "errors": [r["file"] for r in rows if r["error"]],
        "documents_detail": rows,
    }


def render(m: dict) -> str:
    def f(x):
        return "-" if x is None else f"{x:.3f}"

    out = [
        f"documents {m['documents']}  positives {m['positives']}  originals {m['originals']}",
        f"AUC {f(m['auc'])}",
        f"flagged:    precision {f(m['flagged']['precision'])}  recall {f(m['flagged']['recall'])}",
        f"not clean:  precision {f(m['not_clean']['precision'])}  recall {f(m['not_clean']['recall'])}",
        f"originals flagged: {len(m['originals_flagged'])} {' '.join(m['originals_flagged'])}",
        f"originals in review: {len(m['originals_review'])} {' '.join(m['originals_review'])}",
        f"positives left clean: {len(m['positives_clean'])} {' '.join(m['positives_clean'])}",
        f"signal recall (document level): {f(m['signal_recall'])}",
        "",
        f"{'signal':<26} {'tagged':>6} {'found':>5} {'recall':>6} {'untagged':>8}  missed",
    ]
    for s, d in m["per_signal"].items():
        out.append(f"{s:<26} {d['tagged']:>6} {d['found']:>5} {f(d['recall']):>6} {d['untagged_hits']:>8}  {' '.join(d['missed'])}")
    if m["errors"]:
        out.append(f"\nerrors: {' '.join(m['errors'])}")
    return "\n".join(out) + "\n"
