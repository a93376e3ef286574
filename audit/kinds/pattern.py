"""Kind ``pattern``: a regular expression.

params:
  pattern      the expression (Python ``re``; TOML '''…''' needs no escaping)
  ignore_case  default false
  group        which group is the evidence (number or name; default 0)
  exceptions   matched texts (compared lower-case) that are not evidence
  note         text for the message's {note}
Named groups are available to the message template as {name}.
"""

from __future__ import annotations

import re

from ..findings import Hit
from ._scope import scope_of


def compile(rule, catalogue):
    params = rule.params
    flags = re.MULTILINE
    if params.get("ignore_case"):
        flags |= re.IGNORECASE
    regex = re.compile(params["pattern"], flags)
    group = params.get("group", 0)
    exceptions = frozenset(e.lower() for e in params.get("exceptions", []))
    if params.get("exceptions_from"):
        exceptions |= frozenset(e.lower() for e in catalogue.word_list(params["exceptions_from"]))
    return regex, group, exceptions, params.get("note", "")


def run(rule, prep, doc):
    regex, group, exceptions, note = prep
    scope = scope_of(rule, doc)
    if scope is None or not scope.text:
        return
    for m in regex.finditer(scope.text):
        start, end = m.span(group)
        if start < 0 or end <= start:
            continue
        if exceptions and m.group(group).lower() in exceptions:
            continue
        fields = [("note", note)] + [(k, v) for k, v in m.groupdict().items() if v is not None]
        yield Hit(scope.base + start, scope.base + end, fields=tuple(fields), in_source=scope.in_source)
