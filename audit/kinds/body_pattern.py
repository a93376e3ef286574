"""Kind ``body-pattern``: a regular expression that counts only in running text.

Like ``pattern``, but on an HTML page a match counts only where the page's
markup leaves it in the article as a plain paragraph: text inside a
breadcrumb ``<nav>``, a ``<header>``, a ``<time>`` element, a ``<figcaption>``
or an element whose class names it page furniture (``byline``,
``timestamps``, ``breadcrumbs`` …) is the site's own layout, not copy.
Plain text and Markdown have no markup, so every match counts there.

params:
  pattern       the expression (Python ``re``, multiline)
  ignore_case   default false
  group         which group is the evidence (default 0)
  exceptions    matched texts (compared lower-case) that are not evidence
  note          text for the message's {note}
  skip_tags     enclosing elements that make a match page furniture
                (default nav, header, footer, aside, time, figcaption)
  skip_classes  regex on class/id/role tokens of enclosing elements
                (default breadcrumbs, byline, meta, timestamps, dateline)
  require_tags  if given, on HTML pages a match counts only inside one of
                these elements, and plain-text documents are skipped
  min_hits      report nothing unless the document has this many matches
                (default 1): for signals that are evidence only when dense
"""

from __future__ import annotations

import re

from ..findings import Hit
from ._scope import scope_of

DEFAULT_SKIP_TAGS = ("nav", "header", "footer", "aside", "time", "figcaption")
DEFAULT_SKIP_CLASSES = r"(?:^|[-_])(?:breadcrumbs?|byline|meta|timestamps?|dateline|posted-on|entry-date)(?:$|[-_])"

_TAG = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<(/?)([a-zA-Z][\w:-]*)([^>]*)>", re.S | re.I)
_ATTR = re.compile(r"""\b(?:class|id|role)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_CLOSES_P = {"p", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "figure", "section", "article", "nav", "header", "footer", "aside", "pre"}


def enclosing(source: str, offset: int) -> list[tuple[str, str]]:
    """The open elements at ``offset`` of an HTML source: [(tag, class/id/role text)], outermost first.

    A forgiving scan, not a parser: unclosed <p> and <li> are closed the way
    browsers close them.
    """
    stack: list[tuple[str, str]] = []
    for m in _TAG.finditer(source, 0, offset):
        name = m.group(3)
        if name is None:
            continue
        name = name.lower()
        attrs = m.group(4) or ""
        if m.group(2):
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    del stack[i:]
                    break
            continue
        if name in _VOID or attrs.rstrip().endswith("/"):
            continue
        if stack and stack[-1][0] == "p" and name in _CLOSES_P:
            stack.pop()
        if name == "li" and stack and stack[-1][0] == "li":
            stack.pop()
        hints = " ".join(a or b for a, b in _ATTR.findall(attrs))
        stack.append((name, hints))
    return stack


def in_furniture(stack, skip_tags, skip_classes) -> bool:
    for name, hints in stack:
        if name in skip_tags:
            return True
        if skip_classes is not None and any(skip_classes.search(tok) for tok in hints.lower().split()):
            return True
    return False


def compile(rule, catalogue):
    params = rule.params
    flags = re.MULTILINE | (re.IGNORECASE if params.get("ignore_case") else 0)
    skip_classes = params.get("skip_classes", DEFAULT_SKIP_CLASSES)
    return {
        "regex": re.compile(params["pattern"], flags),
        "group": params.get("group", 0),
        "exceptions": frozenset(e.lower() for e in params.get("exceptions", [])),
        "note": params.get("note", ""),
        "skip_tags": frozenset(params.get("skip_tags", DEFAULT_SKIP_TAGS)),
        "skip_classes": re.compile(skip_classes) if skip_classes else None,
        "require_tags": frozenset(params.get("require_tags", [])),
        "min_hits": int(params.get("min_hits", 1)),
    }


def run(rule, prep, doc):
    scope = scope_of(rule, doc)
    if scope is None or not scope.text:
        return
    html = doc.format == "html" and not scope.in_source
    if prep["require_tags"] and not html:
        return
    hits = []
    for m in prep["regex"].finditer(scope.text):
        start, end = m.span(prep["group"])
        if start < 0 or end <= start:
            continue
        if prep["exceptions"] and m.group(prep["group"]).lower() in prep["exceptions"]:
            continue
        if html:
            stack = enclosing(doc.source, doc.source_offset(scope.base + start))
            if in_furniture(stack, prep["skip_tags"], prep["skip_classes"]):
                continue
            if prep["require_tags"] and not any(name in prep["require_tags"] for name, _ in stack):
                continue
        fields = [("note", prep["note"])] + [(k, v) for k, v in m.groupdict().items() if v is not None]
        hits.append(Hit(scope.base + start, scope.base + end, fields=tuple(fields), in_source=scope.in_source))
    if len(hits) >= prep["min_hits"]:
        yield from hits
