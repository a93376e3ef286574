"""SARIF 2.1.0 output, for code-scanning dashboards and editors that read it.

Each finding becomes a result at its line and column (columns count Unicode
code points, as the run declares); its level follows the file's verdict
(flagged: error, review: warning, clean: note). Files that could not be read
become tool notifications. Scores and verdicts travel in property bags.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from ..report import TOOL

HELP = "SARIF 2.1.0 for code-scanning tools, one result per finding"
READABILITY = False
FULL_TEXT = False

LEVELS = {"flagged": "error", "review": "warning", "clean": "note"}


def _uri(path: str) -> str:
    """A relative URI reference: every byte outside the unreserved set and '/' percent-encoded.

    A space, '%', '#', '?' or a control character in a file name cannot break
    the reference, and a ':' in the first segment is not read as a scheme.
    """
    return "stdin" if path == "-" else quote(PurePath(path).as_posix(), safe="/", errors="surrogateescape")


def to_sarif(reports: list[dict], catalogue, weights_version: str) -> dict:
    used = sorted({f["rule"] for r in reports for f in r["findings"]})
    by_id = catalogue.by_id
    rules = []
    for rule_id in used:
        rule = by_id.get(rule_id)
        entry = {"id": rule_id}
        if rule is not None:
            entry.update({
                "name": rule_id,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": " ".join(rule.why.split())},
                "help": {"text": "Honest look-alikes: " + " ".join(rule.lookalikes.split())},
                "properties": {"signal": rule.signal, "category": rule.category},
            })
        rules.append(entry)
    index = {rule_id: i for i, rule_id in enumerate(used)}
    results, notifications, files = [], [], []
    for r in reports:
        location = {"physicalLocation": {"artifactLocation": {"uri": _uri(r["path"])}}}
        if r["error"]:
            notifications.append({"level": "error", "message": {"text": r["error"]}, "locations": [location]})
            continue
        files.append({"path": _uri(r["path"]), "score": r["score"], "verdict": r["verdict"], "scores": r["scores"]})
        for f in r["findings"]:
            results.append({
                "ruleId": f["rule"],
                "ruleIndex": index[f["rule"]],
                "level": LEVELS[r["verdict"]],
                "message": {"text": f["message"]},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(r["path"])},
                        "region": {"startLine": f["line"], "startColumn": f["column"], "snippet": {"text": f["excerpt"]}},
                    }
                }],
                "properties": {"signal": f["signal"], "category": f["category"], "contribution": f["contribution"]},
            })
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": TOOL["name"], "version": TOOL["version"], "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
            "results": results,
            "properties": {"weights_version": weights_version, "files": files},
        }],
    }


def render(reports: list[dict], ctx) -> str:
    return json.dumps(to_sarif(reports, ctx.catalogue, ctx.weights.version), ensure_ascii=False, indent=2) + "\n"
