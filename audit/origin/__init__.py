"""Origin: the likely source language and source outlet, with their evidence.

The traces are data in ``rules/origin.toml``:

- language clues: patterns in the text or findings of other rules (by id or
  id prefix, optionally by excerpt) that point to source languages, each
  with a weight per language; untranslated passages found by the language
  stage point to their own language; a named outlet points to its language;
- outlets and agencies: names (and their word-by-word translations) and
  domains, matched against title suffixes, canonical and Open Graph links,
  JSON-LD publishers and credits or datelines in the body.

Each language's evidence is Σ weight · log2(1 + min(hits, max_hits)). The
language with the most evidence is named when it reaches
``min_language_evidence``; its confidence is its evidence over the total
plus that threshold, so one weak clue gives a low confidence and several
concordant clues a high one. Outlets are scored the same way. Pure: no I/O
beyond reading the data file and the list it names once.

:mod:`.data` reads the data, :mod:`.outlet` names the outlet, then
:mod:`.language` the language (a named outlet is evidence for it);
:mod:`.evidence` holds what both share.
"""

from __future__ import annotations

from ..kinds._text import excerpt as make_excerpt
from .data import Clue, OriginData, Outlet, load_origin_data
from .language import language as _language
from .outlet import outlet as _outlet

__all__ = ["Clue", "OriginData", "Outlet", "infer", "load_origin_data", "report_fields"]


def infer(doc, findings, info=None, data: OriginData | None = None) -> dict:
    """The ``origin`` field of a report: source language and source outlet."""
    data = data or load_origin_data()
    outlet, candidates = _outlet(doc, findings, data)
    language = _language(doc, findings, info, outlet, candidates, data)
    return {"language": language, "outlet": outlet}


def report_fields(doc, info, findings, with_readability: bool = True) -> dict:
    """The language, passage, readability and origin fields of a report.

    Readability loads textstat (a quarter of a second); runs whose output
    cannot show it (a pre-commit hook's, an evaluation) pass False.
    """
    from ..kinds.untranslated import language_name
    from ..readability import readability

    lang = info.as_dict()
    if lang["code"]:
        lang["name"] = language_name(lang["code"])
    passages = []
    for p in info.passages:
        line, column = doc.position(p.start)
        passages.append({
            "line": line,
            "column": column,
            "language": p.language,
            "confidence": p.confidence,
            "words": p.words,
            "whole_paragraph": p.whole_paragraph,
            "excerpt": make_excerpt(doc.text, p.start, p.end),
        })
    return {
        "language": lang,
        "language_passages": passages,
        "readability": readability(doc.text, info.code) if with_readability else None,
        "origin": infer(doc, findings, info),
    }
