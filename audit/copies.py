"""Copies: where else the text lives.

Near-duplicate detection over the documents of one run, and the run itself
(load every file and crawl record, audit it, compare, audit again the
documents that turn out to be copies).

How near two texts are is measured in :mod:`audit.shingles` (word
3-shingles, MinHash and LSH for candidates, the exact Jaccard similarity and
containment to verify them); verified pairs join into clusters.

A cluster whose members sit on different sites is evidence of copying for
every member except: one whose own outlet is the outlet the text credits or
names (the source's own site), one that openly credits a wire agency or a
republishing newsroom (licensed copy), and, when none is the source's own,
the member published earliest (when dates are known).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

# the measure itself lives in audit/shingles.py; its names stay importable from here
from .shingles import (  # noqa: F401
    K,
    LSH_THRESHOLD,
    MIN_CONTAINMENT,
    MIN_JACCARD,
    MIN_SHINGLES,
    NUM_PERM,
    SEED,
    clusters_of,
    find_pairs,
    is_copy,
    minhash,
    shingles,
    similarity,
)


# ---------------------------------------------------------------------------
# what a run keeps of each document


@dataclass
class Sketch:
    index: int
    name: str
    url: str | None
    site: str | None  # the registered domain it is published on
    outlet: str | None  # the registry's name for that site
    date: str | None
    shingles: np.ndarray
    licensed: str | None  # a wire agency / republishing newsroom the text openly credits
    named: tuple[str, ...] = ()  # registry outlets the text credits or names


def sketch(index: int, name: str, doc) -> Sketch:
    from . import identity, placed_credits

    site = identity.own_domain(doc)
    outlet = None
    if site:
        o = identity.load_registry().by_host(identity.host_of(doc.url) or site)
        outlet = o.name if o else None
    lic = identity.licensed_credit(doc)
    named = {o.name for o in identity.named_outlets(doc)}
    named |= {c.outlet.name if c.outlet else c.name for c in identity.credits(doc)}
    named |= {c.outlet.name if c.outlet else c.name for c in placed_credits.placed_credits(doc)}  # dateline, sign-off, headline credit
    published = next((e["datePublished"] for e in doc.metadata.get("jsonld", []) if e.get("datePublished")), None) if doc.metadata else None
    return Sketch(index, name, doc.url, site, outlet, published or doc.date, shingles(doc.text), lic.name if lic else None, tuple(sorted(named)))


@dataclass
class Cluster:
    id: int
    members: list[int]
    exempt: dict[int, str] = field(default_factory=dict)  # member -> why it is not evidence


def _names_match(outlet: str | None, site: str | None, names) -> bool:
    from .kinds.html_meta import domain_label, same_outlet

    for name in names:
        if outlet and name == outlet:
            return True
        if site and same_outlet(name, domain_label(site)):
            return True
    return False


def judge(members: list[int], sketches: list[Sketch]) -> dict[int, str]:
    """Which members of a cluster are not evidence, and why."""
    exempt: dict[int, str] = {}
    named = set()
    for i in members:
        named.update(sketches[i].named)
    for i in members:
        s = sketches[i]
        if s.site and _names_match(s.outlet, s.site, named):
            exempt[i] = "the site of the outlet the text credits"
    for i in members:
        if i not in exempt and sketches[i].licensed:
            exempt[i] = f"openly credits {sketches[i].licensed} (licensed copy)"
    if not any(v.startswith("the site") for v in exempt.values()):
        dated = [(sketches[i].date, i) for i in members if sketches[i].date]
        if len(dated) >= 2:
            dated.sort()
            if dated[0][0] < dated[1][0] and dated[0][1] not in exempt:
                exempt[dated[0][1]] = "published first"
    return exempt


def run_matches(sketches: list[Sketch]) -> tuple[list[Cluster], dict[int, list[dict]]]:
    """Clusters of the run and, per document, its copies (with the evidence flag)."""
    pairs = find_pairs(sketches)
    sim = {}
    for i, j, jac, con in pairs:
        sim[(i, j)] = sim[(j, i)] = (jac, con)
    clusters = []
    copies: dict[int, list[dict]] = {}
    for number, members in enumerate(clusters_of(len(sketches), pairs), 1):
        exempt = judge(members, sketches)
        clusters.append(Cluster(number, members, exempt))
        for i in members:
            me = sketches[i]
            rows = []
            for j in members:
                if j == i:
                    continue
                other = sketches[j]
                jac, con = sim.get((i, j)) or similarity(me.shingles, other.shingles)
                other_site = bool(me.site and other.site and me.site != other.site)
                rows.append({
                    "path": other.name,
                    "url": other.url,
                    "site": other.site,
                    "similarity": round(float(jac), 3),
                    "containment": round(float(con), 3),
                    "source": "run",
                    "evidence": other_site and i not in exempt,
                    "resolved": bool(exempt),
                })
            rows.sort(key=lambda r: (-r["similarity"], r["path"]))
            copies[i] = rows
    return clusters, copies


# ---------------------------------------------------------------------------
# a run: audit, compare, audit the copies again


_auditor = None
_keep = False


def _init(auditor, keep) -> None:
    global _auditor, _keep
    _auditor, _keep = auditor, keep


def load_item(item, max_bytes: int):
    """The Document of a run item, or (None, reason)."""
    from . import document

    if item.error:
        return None, item.error
    try:
        if item.path is not None:
            doc = document.load(item.path, max_bytes)
        else:
            doc = document.from_bytes(item.name, item.data, fmt=item.fmt)
    except document.LoadError as exc:
        return None, str(exc)
    return document.addressed(doc, url=item.url or None, date=item.date), None


def _first(args):
    index, item = args
    from .report import error_report

    doc, reason = load_item(item, _auditor.max_bytes)
    if doc is None:
        return error_report(item.name, reason), None
    report = _auditor.audit_document(doc)
    return report, (sketch(index, item.name, doc) if _keep else None)


def audit_items(auditor, items, reference=None, detect: bool = True, jobs: int = 1):
    """Reports for the run's items (in order) and its clusters.

    ``reference``: a :class:`audit.refindex.RefIndex` of known originals.
    ``detect``: compare the run's documents with each other.
    """
    import os

    items = list(items)
    keep = (detect and len(items) > 1) or reference is not None
    _init(auditor, keep)
    work = list(enumerate(items))
    if jobs == 0:
        jobs = os.cpu_count() or 1
    results = None
    if jobs > 1 and len(work) >= 4 * jobs:
        import multiprocessing

        if "fork" in multiprocessing.get_all_start_methods():
            first = _first(work[0])
            ctx = multiprocessing.get_context("fork")
            with ctx.Pool(jobs, initializer=_init, initargs=(auditor, keep)) as pool:
                rest = pool.map(_first, work[1:], chunksize=max(1, min(16, len(work) // (4 * jobs))))
            results = [first, *rest]
    if results is None:
        results = [_first(w) for w in work]
    reports = [r for r, _ in results]
    if not keep:
        return reports, []
    sketches = [s if s is not None else Sketch(i, items[i].name, None, None, None, None, np.zeros(0, np.uint32), None) for i, (_, s) in enumerate(results)]
    clusters, copies = run_matches(sketches) if detect else ([], {})
    if reference is not None:
        for s in sketches:
            rows = reference_rows(reference, s)
            if rows:
                copies[s.index] = sorted(copies.get(s.index, []) + rows, key=lambda r: (r["source"] != "reference", -r["similarity"], r["path"]))
    cluster_of = {i: c.id for c in clusters for i in c.members}
    for i, rows in sorted(copies.items()):
        if any(r["evidence"] for r in rows):
            doc, _ = load_item(items[i], auditor.max_bytes)
            reports[i] = auditor.audit_document(replace(doc, copy_matches=[dict(r, where=r["url"] or r["path"]) for r in rows]))
        reports[i]["copies"] = rows
        if i in cluster_of:
            reports[i]["cluster"] = cluster_of[i]
    return reports, [cluster_summary(c, sketches, copies) for c in clusters]


def reference_rows(reference, s: Sketch) -> list[dict]:
    from .kinds.html_meta import domain_label, same_outlet

    rows = []
    if s.shingles.size < MIN_SHINGLES:
        return rows
    for entry, jac, con in reference.query(s.shingles):
        other_site = entry.get("site")
        same = bool(s.site and other_site and s.site == other_site)
        credited = bool(other_site and any(same_outlet(n, domain_label(other_site)) for n in s.named))
        rows.append({
            "path": entry.get("id") or entry.get("url") or "",
            "url": entry.get("url"),
            "site": other_site,
            "similarity": round(float(jac), 3),
            "containment": round(float(con), 3),
            "source": "reference",
            "evidence": not same and not credited and not s.licensed,
        })
    return rows


def cluster_summary(c: Cluster, sketches: list[Sketch], copies) -> dict:
    members = []
    for i in c.members:
        s = sketches[i]
        members.append({
            "path": s.name,
            "url": s.url,
            "site": s.site,
            "date": s.date,
            "evidence": any(r["evidence"] for r in copies.get(i, []) if r["source"] == "run"),
            "exempt": c.exempt.get(i),
            "resolved": bool(c.exempt),
        })
    sims = [r["similarity"] for i in c.members for r in copies.get(i, []) if r["source"] == "run"]
    return {
        "id": c.id,
        "size": len(c.members),
        "sites": len({s.site for s in (sketches[i] for i in c.members) if s.site}),
        "min_similarity": min(sims) if sims else None,
        "members": members,
    }


def render_clusters(clusters: list[dict]) -> str:
    """Text lines for the copy clusters of a run."""
    if not clusters:
        return ""
    out = [f"{len(clusters)} copy cluster{'s' if len(clusters) != 1 else ''}:"]
    for c in clusters:
        out.append(f"  cluster {c['id']}: {c['size']} documents on {c['sites']} site{'s' if c['sites'] != 1 else ''}, similarity >= {c['min_similarity']}")
        for m in c["members"]:
            mark = ("copy" if m["resolved"] else "copy, or the source: nothing tells") if m["evidence"] else (m["exempt"] or "-")
            out.append(f"    {m['site'] or '?':<28} {mark:<40} {m['path']}")
    return "\n".join(out) + "\n"


def scan_items(auditor, files: list[str], args, detect: bool):
    """The scan command's run over files and crawl records: (reports, clusters)."""
    import sys

    from .crawl import Item, items_for, read_url_map

    url_map = read_url_map(args.urls) if getattr(args, "urls", None) else {}
    items = []
    for item in items_for(files, url_map):
        if item.path == "-":
            item = Item(name="-", data=sys.stdin.buffer.read(), fmt=getattr(args, "stdin_format", None))
        items.append(item)
    reference = None
    if getattr(args, "reference", None):
        from .refindex import RefIndex

        reference = RefIndex.load(args.reference)
    return audit_items(auditor, items, reference=reference, detect=detect, jobs=getattr(args, "jobs", 1))


def audit_example(auditor, example) -> dict:
    """The report of a rule example, with its address, reference and run documents when it has them."""
    if not (example.url or example.reference or example.corpus):
        return auditor.audit_text(example.text, fmt=example.format)
    from . import identity
    from .crawl import Item
    from .kinds.html_meta import base_domain

    items = [Item(name="<example>", data=example.text.encode("utf-8"), fmt=example.format, url=example.url, date=example.date)]
    for i, other in enumerate(example.corpus):
        items.append(Item(name=f"<corpus {i + 1}>", data=other["text"].encode("utf-8"), fmt="text", url=other.get("url"), date=other.get("date")))
    reference = None
    if example.reference:
        from .refindex import Entry, RefIndex

        reference = RefIndex.empty()
        reference.extend(
            Entry(r.get("url"), base_domain(identity.host_of(r.get("url"))) if r.get("url") else None, f"<reference {i + 1}>", shingles(r["text"]))
            for i, r in enumerate(example.reference)
        )
    reports, _ = audit_items(auditor, items, reference=reference, detect=bool(example.corpus))
    return reports[0]
