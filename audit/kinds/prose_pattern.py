"""Kind ``prose-pattern``: a regular expression that counts only in English prose.

Like ``pattern``, but a match is dropped where the text is not English
running prose (see :mod:`audit.kinds._prose`): inside HTML elements marked as
code or as another language (``lang="fr"``), in code blocks and aligned
tables, and, unless ``skip_mentions`` is false, inside a short quotation that
cites the words as an example (‘assisted to the opening’).

params:
  pattern           the expression (Python ``re``, multiline)
  ignore_case       default false
  group             which group is the evidence (number or name; default 0)
  exceptions        texts (compared lower-case) that are not evidence
  exceptions_from   a list in rules/lists/ with more such texts
  exceptions_group  the group compared with the exceptions (default: ``group``)
  note              text for the message's {note}
  skip_mentions     default true
Named groups are available to the message template as {name}.
"""

from __future__ import annotations

import re

from ..findings import Hit
from ._prose import honest_context
from ._scope import scope_of


class Prepared:
    __slots__ = ("regex", "group", "exceptions", "exceptions_group", "note", "mentions")

    def __init__(self, regex, group, exceptions, exceptions_group, note, mentions):
        self.regex = regex
        self.group = group
        self.exceptions = exceptions
        self.exceptions_group = exceptions_group
        self.note = note
        self.mentions = mentions


def compile(rule, catalogue):
    params = rule.params
    flags = re.MULTILINE
    if params.get("ignore_case"):
        flags |= re.IGNORECASE
    regex = re.compile(params["pattern"], flags)
    group = params.get("group", 0)
    exceptions = {e.lower() for e in params.get("exceptions", [])}
    if params.get("exceptions_from"):
        exceptions |= {e.lower() for e in catalogue.word_list(params["exceptions_from"])}
    egroup = params.get("exceptions_group", group)
    for g in {group, egroup}:
        if isinstance(g, str) and g not in regex.groupindex:
            raise ValueError(f"the pattern has no group named '{g}'")
        if isinstance(g, int) and g > regex.groups:
            raise ValueError(f"the pattern has no group {g}")
    return Prepared(regex, group, frozenset(exceptions), egroup, params.get("note", ""), bool(params.get("skip_mentions", True)))


def run(rule, prep, doc):
    scope = scope_of(rule, doc)
    if scope is None or not scope.text:
        return
    text = scope.text
    for m in prep.regex.finditer(text):
        start, end = m.span(prep.group)
        if start < 0 or end <= start:
            continue
        if prep.exceptions:
            checked = m.group(prep.exceptions_group)
            if checked is not None and checked.lower() in prep.exceptions:
                continue
        if not scope.in_source and scope.base == 0:
            if honest_context(doc, start, end, mentions=prep.mentions):
                continue
        fields = [("note", prep.note)] + [(k, v) for k, v in m.groupdict().items() if v is not None]
        yield Hit(scope.base + start, scope.base + end, fields=tuple(fields), in_source=scope.in_source)
