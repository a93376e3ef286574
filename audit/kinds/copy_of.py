"""Kind ``copy-of``: the text is found on another site.

Reads ``doc.copy_matches``, filled before the checks run by a scan with
``--reference INDEX`` (known originals) or by copy detection over the
documents of one run (:mod:`audit.copies`). Each match carries where the
other copy lives, its site, its similarity and whether it counts as
evidence (a match on the page's own site, or the copy the text credits,
does not).

params:
  source    reference | run: which matches this rule reports
  resolved  (run) true: matches in a cluster where the source's own copy is
            known (credited, licensed or first published); false: clusters
            where nothing tells which copy is the source (default true)
"""

from __future__ import annotations

from ..findings import Hit

SOURCES = {"reference", "run"}


def compile(rule, catalogue):
    source = rule.params.get("source")
    if source not in SOURCES:
        raise ValueError(f"unknown source '{source}' (known: {', '.join(sorted(SOURCES))})")
    return source, bool(rule.params.get("resolved", True))


def run(rule, prep, doc):
    source, resolved = prep
    matches = [
        m for m in getattr(doc, "copy_matches", ())
        if m.get("source") == source and m.get("evidence") and (source != "run" or m.get("resolved", True) == resolved)
    ]
    if not matches or not doc.text.strip():
        return
    start = next((i for i, c in enumerate(doc.text) if not c.isspace()), 0)
    end = doc.text.find("\n", start)
    end = len(doc.text) if end == -1 else end
    best = sorted(matches, key=lambda m: (-m["similarity"], m["where"]))[0]
    more = len({m["where"] for m in matches}) - 1
    yield Hit(start, max(end, start + 1), fields=(
        ("where", best["where"]),
        ("similarity", f"{best['similarity']:.2f}"),
        ("site", best.get("site") or "an unknown site"),
        ("more", f"; {more} more cop{'y' if more == 1 else 'ies'} elsewhere" if more else ""),
    ))

# every params key this kind reads, with its type: the catalogue refuses any other key or type, naming the rule file
PARAMS = {"resolved": bool, "source": str}
