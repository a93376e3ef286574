"""Evaluate the auditor on labelled corpora.

A labelled corpus comes in one of three shapes:

- a folder with ``manifest*.jsonl`` files beside its documents: each line a
  JSON object with ``file``, ``label`` (original, scraped,
  machine-translated, scraped-mt), ``source_language``, ``format``,
  ``signals`` (slugs) and ``notes``;
- a manifest file whose texts live elsewhere (``--texts DIR``): each line
  has an ``id`` and the text is ``DIR/<id>.txt``; a ``url`` gives the
  page's site, which keeps one site's pages on one side of a
  cross-validation split; lines labelled ``unsure`` are skipped, and so are
  lines whose text is missing (both counted);
- a folder of honest documents with no manifest (``--honest DIR``): every
  file is an original, optionally a fixed sample of them (``--sample N``).

A document is positive unless its label is ``original``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

POSITIVE_LABELS = {"scraped", "machine-translated", "scraped-mt"}
# the labels whose documents each category's verdict should catch
CATEGORY_LABELS = {
    "scraping": {"scraped", "scraped-mt"},
    "machine_translation": {"machine-translated", "scraped-mt"},
}
SKIPPED_LABELS = {"unsure"}
HONEST_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


class ManifestError(ValueError):
    pass


def _read_manifest(manifest: Path) -> list[dict]:
    entries = []
    for n, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except ValueError as exc:
            raise ManifestError(f"{manifest}:{n}: not JSON: {exc}") from None
        if not isinstance(entry, dict) or "label" not in entry or not ("file" in entry or "id" in entry):
            raise ManifestError(f"{manifest}:{n}: needs 'label' and 'file' or 'id'")
        entries.append(entry)
    return entries


def site_of(url: str | None) -> str | None:
    """The host of a manifest's URL (the page's site; the scheme may be missing)."""
    if not url:
        return None
    from .htmlpage import site_of as host

    return host(url if "//" in url else "//" + url) or None


def load_manifests(directory: str | Path) -> list[dict]:
    """The entries of ``DIR/manifest*.jsonl``, each with its ``path``."""
    directory = Path(directory)
    manifests = sorted(directory.glob("manifest*.jsonl"))
    if not manifests:
        raise ManifestError(f"{directory}: no manifest*.jsonl file")
    entries = []
    for manifest in manifests:
        for entry in _read_manifest(manifest):
            if "file" not in entry:
                raise ManifestError(f"{manifest}: an entry without 'file' ({entry.get('id')}) needs --texts")
            entry["path"] = str(directory / entry["file"])
            entry.setdefault("group", entry["file"])
            entries.append(entry)
    return entries


class Corpus:
    """A labelled corpus, ready to audit: the entries, and what was left out."""

    def __init__(self, name: str, entries: list[dict], skipped: dict[str, list[str]] | None = None):
        self.name = name
        self.entries = entries
        self.skipped = skipped or {}


def load_corpus(source: str | Path, texts: str | Path | None = None) -> Corpus:
    """A folder with manifests, or a manifest file with its texts in ``texts``."""
    source = Path(source)
    if source.is_dir():
        return Corpus(source.resolve().name, load_manifests(source))
    if not source.is_file():
        raise ManifestError(f"{source}: no such folder or manifest file")
    if texts is None:
        raise ManifestError(f"{source}: a manifest file needs --texts DIR (the folder of <id>.txt files)")
    texts = Path(texts)
    if not texts.is_dir():
        raise ManifestError(f"{texts}: no such folder")
    entries, unsure, missing = [], [], []
    for entry in _read_manifest(source):
        key = str(entry.get("id") or entry["file"])
        if entry["label"] in SKIPPED_LABELS:
            unsure.append(key)
            continue
        path = texts / (entry["file"] if "file" in entry else f"{key}.txt")
        if not path.is_file():
            missing.append(key)
            continue
        entry["file"] = key
        entry["path"] = str(path)
        entry["group"] = site_of(entry.get("url")) or key
        entries.append(entry)
    name = source.parent.name if source.stem == "manifest" else source.stem
    return Corpus(name, entries, {"unsure": unsure, "missing_text": missing})


def load_honest(directory: str | Path, sample: int | None = None) -> Corpus:
    """Every document under ``directory`` is an original; ``sample`` keeps a
    fixed, evenly spread subset (by a hash of the name, so the same every run)."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ManifestError(f"{directory}: no such folder")
    files = sorted(p for p in directory.rglob("*") if p.suffix.lower() in HONEST_SUFFIXES and p.is_file())
    names = [str(p.relative_to(directory)) for p in files]
    if sample is not None and sample < len(files):
        order = sorted(range(len(files)), key=lambda i: hashlib.sha256(names[i].encode()).hexdigest())
        keep = sorted(order[:sample])
        files, names = [files[i] for i in keep], [names[i] for i in keep]
    entries = [{"file": n, "label": "original", "source_language": "en", "path": str(p), "group": n} for p, n in zip(files, names)]
    return Corpus(directory.resolve().name, entries)


def audit_entries(auditor, entries: list[dict], use_urls: bool = True, copies: bool = False) -> list[dict]:
    """The reports of a corpus's entries, in order; a manifest's ``url`` is the page's address.

    With ``copies`` the documents are also compared with each other, as a
    crawl's are (:func:`audit.copies.audit_items`): a page whose text another
    entry of the corpus carries from another site gets its ``copy-of``
    evidence, as it would in a scan of the same pages (a manifest's ``date``
    is the page's publication date, which tells the earliest of a cluster)."""
    url = (lambda e: e.get("url")) if use_urls else (lambda e: None)
    if not copies:
        return [auditor.audit_path(e["path"], url=url(e)) for e in entries]
    from .copies import audit_items
    from .crawl import Item

    reports, _ = audit_items(auditor, [Item(name=e["path"], path=e["path"], url=url(e), date=e.get("date")) for e in entries], detect=True)
    return reports


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


def _rates(rows: list[dict]) -> dict:
    n = len(rows)
    flagged = sum(r["verdict"] == "flagged" for r in rows)
    not_clean = sum(r["verdict"] in {"flagged", "review"} for r in rows)
    return {"documents": n, "flagged": flagged, "not_clean": not_clean,
            "flagged_rate": _ratio(flagged, n), "not_clean_rate": _ratio(not_clean, n)}


def rule_table(rows: list[dict]) -> list[dict]:
    """SpamAssassin's S/O table: per rule, documents hit among honest and positive ones.

    ``s_o`` is the share of a rule's hit rate that falls on positives
    (1.0: fires only on positives; 0.5: no better than chance)."""
    pos = [r for r in rows if r["positive"]]
    neg = [r for r in rows if not r["positive"]]
    rules = sorted({rule for r in rows for rule in r["rules"]})
    table = []
    for rule in rules:
        hp = sum(rule in r["rules"] for r in pos)
        hn = sum(rule in r["rules"] for r in neg)
        rp = hp / len(pos) if pos else 0.0
        rn = hn / len(neg) if neg else 0.0
        table.append({
            "rule": rule, "positives": hp, "honest": hn,
            "per_1000_positives": round(1000 * rp, 1), "per_1000_honest": round(1000 * rn, 1),
            "s_o": round(rp / (rp + rn), 3) if rp + rn else None,
            "honest_documents": sorted(r["file"] for r in neg if rule in r["rules"])[:20],
        })
    return table


def metrics(entries: list[dict], reports: list[dict]) -> dict:
    rows = []
    for entry, report in zip(entries, reports):
        found = sorted({f["signal"] for f in report["findings"]})
        rows.append({
            "file": entry["file"],
            "label": entry["label"],
            "format": entry.get("format"),
            "source_language": entry.get("source_language"),
            "visible_trace": entry.get("visible_trace", True),
            "positive": entry["label"] in POSITIVE_LABELS,
            "score": report["score"] if report["score"] is not None else 0.0,
            "verdict": report["verdict"],
            "verdicts": report.get("verdicts"),
            "error": report["error"],
            "tagged": sorted(s for s in entry.get("signals", []) if not s.startswith("lookalike:")),
            "found": found,
            "rules": sorted({f["rule"] for f in report["findings"]}),
        })
    pos = [r for r in rows if r["positive"]]
    neg = [r for r in rows if not r["positive"]]

    def pr(pred, positives=pos):
        tp = sum(1 for r in positives if pred(r))
        fp = sum(1 for r in neg if pred(r))
        return {"precision": _ratio(tp, tp + fp), "recall": _ratio(tp, len(positives)), "true_positives": tp, "false_positives": fp}

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
    traced = [r for r in pos if r["visible_trace"] is not False]
    a_traced = auc([r["score"] for r in traced], [r["score"] for r in neg])
    labels = sorted({r["label"] for r in rows})
    languages = sorted({r["source_language"] or "-" for r in rows})
    return {
        "documents": len(rows),
        "positives": len(pos),
        "originals": len(neg),
        "auc": round(a, 4) if a is not None else None,
        "flagged": pr(lambda r: r["verdict"] == "flagged"),
        "not_clean": pr(lambda r: r["verdict"] in {"flagged", "review"}),
        "with_visible_trace": {
            "positives": len(traced),
            "auc": round(a_traced, 4) if a_traced is not None else None,
            "flagged": pr(lambda r: r["verdict"] == "flagged", traced),
            "not_clean": pr(lambda r: r["verdict"] in {"flagged", "review"}, traced),
        },
        "by_label": {label: _rates([r for r in rows if r["label"] == label]) for label in labels},
        "by_source_language": {
            lang: {label: _rates([r for r in rows if r["label"] == label and (r["source_language"] or "-") == lang])
                   for label in labels if any(r["label"] == label and (r["source_language"] or "-") == lang for r in rows)}
            for lang in languages
        },
        "originals_flagged": [r["file"] for r in neg if r["verdict"] == "flagged"],
        "originals_review": [r["file"] for r in neg if r["verdict"] == "review"],
        "originals_not_clean": {r["file"]: {"score": r["score"], "verdict": r["verdict"], "rules": r["rules"]}
                                for r in sorted(neg, key=lambda r: -r["score"]) if r["verdict"] in {"flagged", "review"}},
        "positives_clean": [r["file"] for r in pos if r["verdict"] == "clean"],
        "signal_recall": _ratio(found, tagged),
        "per_signal": dict(sorted(per_signal.items())),
        "rules": rule_table(rows),
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
    ]
    if m.get("skipped"):
        out.append("skipped: " + ", ".join(f"{k} {len(v)}" for k, v in m["skipped"].items()))
    vt = m["with_visible_trace"]
    if vt["positives"] != m["positives"]:
        out.append(f"positives with a visible trace ({vt['positives']}): AUC {f(vt['auc'])}  flagged recall "
                   f"{f(vt['flagged']['recall'])}  not-clean recall {f(vt['not_clean']['recall'])}")
    out += ["", f"{'label':<20} {'docs':>5} {'flagged':>8} {'not clean':>10}"]
    for label, d in m["by_label"].items():
        out.append(f"{label:<20} {d['documents']:>5} {f(d['flagged_rate']):>8} {f(d['not_clean_rate']):>10}")
    out += ["", f"{'source language':<16} {'label':<20} {'docs':>5} {'flagged':>8} {'not clean':>10}"]
    for lang, groups in m["by_source_language"].items():
        for label, d in groups.items():
            out.append(f"{lang:<16} {label:<20} {d['documents']:>5} {f(d['flagged_rate']):>8} {f(d['not_clean_rate']):>10}")
    if m["originals_not_clean"]:
        out += ["", "originals not clean (score, verdict, rules that fired)"]
        for name, d in m["originals_not_clean"].items():
            out.append(f"  {name} {d['score']:.1f} {d['verdict']}: {', '.join(d['rules'])}")
    out += ["", f"{'rule':<44} {'honest':>6} {'pos':>5} {'/1k honest':>10} {'/1k pos':>8} {'S/O':>6}"]
    for row in m["rules"]:
        so = "-" if row["s_o"] is None else f"{row['s_o']:.3f}"
        out.append(f"{row['rule']:<44} {row['honest']:>6} {row['positives']:>5} {row['per_1000_honest']:>10.1f} {row['per_1000_positives']:>8.1f} {so:>6}")
    out += [
        "",
        f"{'signal':<26} {'tagged':>6} {'found':>5} {'recall':>6} {'untagged':>8}  missed",
    ]
    for s, d in m["per_signal"].items():
        out.append(f"{s:<26} {d['tagged']:>6} {d['found']:>5} {f(d['recall']):>6} {d['untagged_hits']:>8}  {' '.join(d['missed'])}")
    if m["errors"]:
        out.append(f"\nerrors: {' '.join(m['errors'])}")
    return "\n".join(out) + "\n"
