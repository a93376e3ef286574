"""Suppressions: comments in HTML or Markdown files that silence a rule.

    <!-- provenance-audit: ignore kyiv-casing -- quoting the 2019 spelling debate -->
    <!-- provenance-audit: ignore-file share-widget-text -- an article about share buttons -->

``ignore`` silences the named rules (ids or prefixes, comma-separated) on the
next non-blank line; ``ignore-file`` in the whole file. A reason after ``--``
is required. A suppression that silences nothing is reported as unused, and a
malformed one as a problem, so stale comments do not pile up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_DIRECTIVE = re.compile(r"<!--\s*provenance-audit:\s*(?P<body>.*?)-->", re.S)
_BODY = re.compile(r"^(?P<verb>ignore-file|ignore)\s+(?P<rules>[\w.*-]+(?:\s*,\s*[\w.*-]+)*)\s*(?:--\s*(?P<reason>.*\S))?\s*$", re.S)


@dataclass
class Suppression:
    scope: str  # "line" or "file"
    rules: tuple[str, ...]
    reason: str
    line: int  # where the comment stands
    target: int | None  # the line it silences (scope "line")
    used: set = field(default_factory=set)

    def covers(self, finding) -> bool:
        if self.scope == "line" and finding.line != self.target:
            return False
        return any(finding.rule == r or finding.rule.startswith(r + ".") or (r.endswith("*") and finding.rule.startswith(r[:-1])) for r in self.rules)

    def as_dict(self) -> dict:
        return {"line": self.line, "scope": self.scope, "rules": list(self.rules), "reason": self.reason}


def parse(doc) -> tuple[list[Suppression], list[dict]]:
    """Suppression comments of a Markdown or HTML document, and malformed ones."""
    if doc.format not in {"markdown", "html"} or "provenance-audit:" not in doc.source:
        return [], []
    found, problems = [], []
    lines = doc.source.split("\n")
    for m in _DIRECTIVE.finditer(doc.source):
        line, _ = doc.source_position(m.start())
        end_line, _ = doc.source_position(m.end())
        body = _BODY.match(m.group("body").strip())
        if not body:
            problems.append({"line": line, "problem": "not understood; write 'ignore RULE[,RULE] -- reason' or 'ignore-file RULE -- reason'"})
            continue
        if not body.group("reason"):
            problems.append({"line": line, "problem": "a suppression needs a reason after '--'"})
            continue
        rules = tuple(r.strip() for r in body.group("rules").split(","))
        target = None
        if body.group("verb") == "ignore":
            target = next((n for n in range(end_line + 1, len(lines) + 1) if lines[n - 1].strip()), None)
        found.append(Suppression("file" if body.group("verb") == "ignore-file" else "line", rules, body.group("reason").strip(), line, target))
    return found, problems


def masked(doc):
    """``doc`` with the words of its suppression comments blanked out of the text the rules read.

    A reason such as "quoting the kyiv spelling debate" is the maintainer's
    note, not the article: it must neither raise findings nor be taken for
    the headline. Offsets are kept (each character becomes a space, newlines
    stay), so positions do not move. HTML comments are not body text anyway.
    """
    if doc.format != "markdown" or "provenance-audit:" not in doc.text:
        return doc
    import dataclasses

    from .document import _text_title

    text = _DIRECTIVE.sub(lambda m: "".join("\n" if c == "\n" else " " for c in m.group()), doc.text)
    title, span = _text_title(text)
    return dataclasses.replace(doc, text=text, title=title, title_span=span)


def apply(findings, suppressions: list[Suppression]):
    """Split findings into (kept, suppressed); mark each suppression's use."""
    if not suppressions:
        return list(findings), []
    kept, suppressed = [], []
    for f in findings:
        by = next((s for s in suppressions if s.covers(f)), None)
        if by is None:
            kept.append(f)
        else:
            by.used.add(f.rule)
            suppressed.append({"rule": f.rule, "line": f.line, "column": f.column, "reason": by.reason})
    return kept, suppressed
