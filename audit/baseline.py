"""Baselines: accept what was reviewed, fail only on what is new or worse.

In the manner of the baselines of detekt, semgrep and ruff: ``baseline
create`` records, for every audited file, its content hash, its score and
the fingerprints of its findings (rule and excerpt, not line numbers, so an
edit above a finding does not make it new), with the reviewer's note. A scan
with ``--baseline FILE`` then sets each file's status:

- ``accepted``: the file is in the baseline (by path, or by content hash if it
  was moved: its old path is gone; a copy beside the original is new), scores no higher than when accepted and has no finding the
  baseline did not record;
- ``worse``: it is in the baseline but scores higher or has new findings;
- ``new``: the baseline does not know it.

Accepted files do not fail the run and are left out of ``--quiet`` output.
This is also how a plain-text file, which cannot carry a suppression
comment, is accepted after review. Re-creating a baseline keeps the notes of
files already in it.
"""

from __future__ import annotations

import hashlib
import json
import os

VERSION = 1
DEFAULT = ".provenance-audit-baseline.json"
TOLERANCE = 0.05  # scores are rounded to 0.1


class BaselineError(ValueError):
    pass


def fingerprint(finding: dict) -> str:
    """A finding's identity that survives edits elsewhere in the file."""
    key = f"{finding['rule']}\x00{' '.join(finding['excerpt'].split())}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _key(path: str) -> str:
    return os.path.normpath(path).replace(os.sep, "/")


def create(reports: list[dict], previous: dict | None = None, note: str | None = None, weights_version: str | None = None) -> dict:
    """A baseline of ``reports``; notes of files in ``previous`` are kept unless ``note`` replaces them."""
    kept = {e["path"]: e.get("note") for e in (previous or {}).get("files", [])}
    files = []
    for r in sorted(reports, key=lambda r: _key(r["path"])):
        if r.get("error") or r["path"] == "-":
            continue
        path = _key(r["path"])
        files.append({
            "path": path,
            "sha256": r["sha256"],
            "score": r["score"],
            "verdict": r["verdict"],
            "findings": sorted({fingerprint(f) for f in r["findings"]}),
            "note": note if note is not None else kept.get(path),
        })
    return {"provenance_audit_baseline": VERSION, "weights_version": weights_version, "files": files}


def dumps(baseline: dict) -> str:
    return json.dumps(baseline, ensure_ascii=False, indent=2) + "\n"


def load(path: str) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (make one with 'provenance-audit baseline create')") from None
    except (OSError, ValueError) as exc:
        raise BaselineError(f"{path}: not a baseline file ({exc})") from None
    if not isinstance(data, dict) or data.get("provenance_audit_baseline") != VERSION or not isinstance(data.get("files"), list):
        raise BaselineError(f"{path}: not a baseline file of version {VERSION}")
    return data


def compare(reports: list[dict], baseline: dict) -> dict:
    """path → {"status": accepted|worse|new, "note": …, "accepted_score": …} for every audited file."""
    by_path = {e["path"]: e for e in baseline["files"]}
    scanned = {_key(r["path"]) for r in reports}
    by_hash = {}  # files moved since: their old path is neither scanned nor on disk
    for e in baseline["files"]:
        if e["path"] not in scanned and not os.path.exists(e["path"]):
            by_hash.setdefault(e["sha256"], e)
    out = {}
    for r in reports:
        if r.get("error"):
            continue
        entry = by_path.get(_key(r["path"])) or by_hash.get(r["sha256"])
        if entry is None:
            out[r["path"]] = {"status": "new", "note": None}
            continue
        known = set(entry.get("findings") or [])
        fresh = [f for f in r["findings"] if fingerprint(f) not in known]
        status = "worse" if fresh or r["score"] > (entry.get("score") or 0) + TOLERANCE else "accepted"
        out[r["path"]] = {"status": status, "note": entry.get("note"), "accepted_score": entry.get("score")}
    return out
