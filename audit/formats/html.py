"""HTML: the triage page, one self-contained file that opens from disk.

Files are ranked worst first with their score, category verdicts, origin and
copy cluster; filters (verdict, category, rule, signal, source language) and a
search narrow the list, a page at a time; a file opens on its score's
breakdown and its text with every finding highlighted in place.

Safety: every string from a document, a file name or metadata travels as
JSON inside ``<script type="application/json">`` blocks (with ``<``, ``>``
and ``&`` escaped, so ``</script>`` in a text cannot close the block) and is
put on the page with ``textContent`` only, never parsed as markup. The page's
Content-Security-Policy allows exactly its own script and style (by hash),
nothing from the network, no inline handlers, no ``javascript:`` URLs, no
frames, images or forms.

Size: the list data (scores, verdicts, findings) is parsed at load; each
file's text sits in its own JSON block and is parsed only when that file is
opened, so a page of 10,000 files opens in about the time of its list.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re

from . import category_verdicts, ranked
from ._triage_page import PAGE, SCRIPT, STYLE

HELP = "the triage page: one self-contained HTML file (also index.html beside the reports with --output)"
READABILITY = False
FULL_TEXT = True

_WS = re.compile(r"\s+")


def _json(obj) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' left, no line separators."""
    text = json.dumps(obj, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _line_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i != -1:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def span(text: str, starts: list[int], line: int, column: int, excerpt: str) -> tuple[int, int]:
    """Where a finding stands in the source: (start, end) offsets.

    The excerpt is the matched text with its spaces folded (and cut with '…'
    when long); it is followed through the source from the finding's line
    and column, any run of spaces matching any run of white space. If it
    cannot be followed (an HTML entity, say), the word at the position is
    marked instead.
    """
    if line < 1 or line > len(starts):
        return 0, 0
    start = min(starts[line - 1] + column - 1, len(text))
    wanted = excerpt.rstrip("…").strip()
    i, j = start, 0
    while j < len(wanted) and i < len(text):
        if wanted[j] == " ":
            if not text[i].isspace():
                break
            while i < len(text) and text[i].isspace():
                i += 1
            j += 1
            continue
        if text[i] != wanted[j]:
            break
        i += 1
        j += 1
    if wanted and j == len(wanted):
        return start, i
    end = start
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    return start, max(end, min(start + 1, len(text)))


def _origin(report: dict) -> dict:
    from ..kinds.untranslated import language_name

    origin = report.get("origin") or {}
    lang = origin.get("language") or {}
    outlet = origin.get("outlet") or {}
    code = lang.get("code")
    return {
        "language": code,
        "language_name": lang.get("name") or (language_name(code) if isinstance(code, str) else None) or code,
        "language_confidence": lang.get("confidence"),
        "outlet": outlet.get("name"),
        "outlet_confidence": outlet.get("confidence"),
    }


def _entry(index: int, report: dict, text: str | None, weights, baseline: dict) -> tuple[dict, list | None]:
    findings = []
    starts = _line_starts(text) if text is not None else None
    for f in report.get("findings") or []:
        item = {k: f.get(k) for k in ("rule", "signal", "category", "line", "column", "excerpt", "message", "contribution")}
        if text is not None:
            item["span"] = list(span(text, starts, f["line"], f["column"], f["excerpt"]))
        findings.append(item)
    entry = {
        "i": index,
        "path": report["path"],
        "score": report.get("score"),
        "verdict": report.get("verdict"),
        "error": report.get("error"),
        "scores": report.get("scores"),
        "verdicts": category_verdicts(report, weights),
        "origin": _origin(report),
        "cluster": report.get("cluster"),
        "copies": report.get("copies") or [],
        "evidence": report.get("evidence"),
        "findings": findings,
        "format": report.get("format"),
        "encoding": report.get("encoding"),
        "truncated": report.get("truncated"),
        "notes": report.get("notes") or [],
        "baseline": baseline.get(report["path"]),
        "has_text": text is not None,
    }
    return entry, text


def render(reports: list[dict], ctx) -> str:
    weights = ctx.weights
    entries, texts = [], []
    for i, r in enumerate(ranked(reports)):
        entry, text = _entry(i, r, None if r.get("error") else ctx.text(r), weights, ctx.baseline)
        entries.append(entry)
        texts.append(text)
    data = {
        "tool": "provenance-audit",
        "weights_version": getattr(weights, "version", None),
        "thresholds": {"review": getattr(weights, "review", None), "flagged": getattr(weights, "flagged", None)},
        "files": entries,
        "total": len(ctx.total or reports),
    }
    blocks = "".join(
        f'<script type="application/json" id="t{i}">{_json(t)}</script>\n' for i, t in enumerate(texts) if t is not None
    )
    csp = (f"default-src 'none'; script-src '{_hash(SCRIPT)}'; style-src '{_hash(STYLE)}'; "
           "img-src 'none'; connect-src 'none'; font-src 'none'; object-src 'none'; frame-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    return (PAGE.replace("@CSP@", csp)
            .replace("@STYLE@", STYLE)
            .replace("@DATA@", _json(data))
            .replace("@TEXTS@", blocks)
            .replace("@SCRIPT@", SCRIPT))


def _hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")
