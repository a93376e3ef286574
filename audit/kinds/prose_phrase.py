"""Kind ``prose-phrase``: literal phrases, counted only in English prose.

The phrases are matched exactly as the ``phrase`` kind matches them (one pass
per document for all rules of this kind, same params: ``phrases``,
``phrases_from``, ``case_sensitive``, ``position``), then a match is dropped
where the text is not English running prose (see :mod:`audit.kinds._prose`):
HTML marked as code or another language, code blocks, tables, and short
quotations that cite the words as an example. ``skip_mentions = false``
keeps matches inside such quotations.
"""

from __future__ import annotations

from . import phrase
from ._prose import honest_context


def compile(rule, catalogue):
    return phrase.compile(rule, catalogue)


def run_many(items, doc):
    for rule, hit in phrase.run_many(items, doc):
        if not hit.in_source and rule.scope == "body":
            mentions = bool(rule.params.get("skip_mentions", True))
            if honest_context(doc, hit.start, hit.end, mentions=mentions):
                continue
        yield rule, hit


def run(rule, prep, doc):
    for _, hit in run_many([(rule, prep)], doc):
        yield hit
