"""The source outlet: which outlet or agency a copy comes from, with its evidence.

Candidates come from title suffixes, the canonical link and og:url, JSON-LD
publishers, og:site_name, outlets and agencies named in the body, links to
them, and the findings of the credit rules. Each kind of evidence adds its
weight from ``[outlet_evidence]`` in ``rules/origin.toml`` once per
candidate; a listed outlet adds ``known_outlet_bonus`` to each.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..kinds._text import letters
from .data import OriginData, Outlet
from .evidence import confidence, evidence_item, hrefs, url_host

# (?<!\s)\s++: a separator's leading space is tried from the start of its run only (linear on long runs)
_TITLE_SEPARATOR = re.compile(r"(?<!\s)\s++(?:[|–—-]|::)\s+")


def _host_matches(host: str, outlet: Outlet) -> bool:
    return any(host == d or host.endswith("." + d) for d in outlet.domains)


def _known(name: str, data: OriginData) -> Outlet | None:
    key = letters(name)
    if not key:
        return None
    for o in data.outlets:
        if any(letters(a) == key for a in o.aliases) or letters(o.name) == key:
            return o
    return None


def _name_matches_host(name: str, host: str, skip: frozenset) -> bool:
    key = letters(name)
    labels = [letters(p) for p in host.split(".") if p not in skip]
    return bool(key) and any(len(lab) >= 3 and (lab in key or key in lab) for lab in labels[:-1] or labels)


def _title_suffixes(title: str | None) -> list[str]:
    if not title:
        return []
    parts = _TITLE_SEPARATOR.split(title.strip())
    out = []
    for p in parts[1:]:
        p = p.strip(" .")
        words = p.split()
        if 1 <= len(words) <= 5 and len(p) <= 40 and p[:1].isupper() and not p.endswith("?"):
            out.append(p)
    return out


@lru_cache(maxsize=None)
def _alias_pattern(alias: str) -> re.Pattern:
    lead = r"(?<!\w)" if alias[:1].isalnum() else ""
    tail = r"(?!\w)" if alias[-1:].isalnum() else ""
    return re.compile(lead + re.escape(alias) + tail)


class _Candidates:
    """Candidate outlets by name, each with its score, evidence and the kinds of evidence seen."""

    def __init__(self, data: OriginData):
        self.data = data
        self.by_name: dict[str, dict] = {}

    def add(self, name: str, evidence: dict, outlet: Outlet | None = None) -> None:
        """Count ``evidence`` for ``name`` at its source's weight; one kind of evidence counts once."""
        outlet = outlet or _known(name, self.data)
        key = outlet.name if outlet else name
        c = self.by_name.setdefault(key, {"name": key, "outlet": outlet, "score": 0.0, "evidence": [], "sources": set()})
        if evidence["source"] in c["sources"]:
            return
        c["sources"].add(evidence["source"])
        c["score"] += self.data.evidence_weights[evidence["source"]] + (float(self.data.meta["known_outlet_bonus"]) if outlet else 0.0)
        c["evidence"].append(evidence)


def _title_evidence(doc, meta: dict, cands: _Candidates) -> set[str]:
    """Title suffixes: the file's title line, HTML <title>, h1 and og:title."""
    site = meta.get("site", {}) if isinstance(meta.get("site"), dict) else {}
    own = {letters(v) for k, v in site.items() if k == "og:site_name" and v}
    titles = [("title", doc.title)]
    if meta:
        titles += [("h1", meta.get("h1")), ("og:title", (meta.get("og") or {}).get("title"))]
    for where, title in titles:
        for suffix in _title_suffixes(title):
            if letters(suffix) in own and len(_title_suffixes(title)) > 1:
                continue  # the page's own name after another outlet's
            ev = {"source": "title-suffix", "where": where, "excerpt": suffix}
            if where == "title" and doc.title_span is not None:
                s, e = doc.title_span
                pos = doc.title.rfind(suffix)
                if pos >= 0:
                    ev = evidence_item(doc, "title-suffix", s + pos, s + pos + len(suffix), doc.text, False, where=where)
            cands.add(suffix, ev)
    return own


def _metadata_evidence(meta: dict, own: set, cands: _Candidates) -> None:
    """The canonical link, og:url, JSON-LD publishers and og:site_name."""
    data = cands.data
    for label, url in (("canonical", meta.get("canonical")), ("og:url", (meta.get("og") or {}).get("url"))):
        host = url_host(url) if isinstance(url, str) else ""
        if not host:
            continue
        match = next((o for o in data.outlets if _host_matches(host, o)), None)
        target = match.name if match else next((k for k in cands.by_name if _name_matches_host(k, host, data.host_skip)), None)
        if target:
            cands.add(target, {"source": "link", "where": label, "excerpt": host}, match)
    for item in meta.get("jsonld") or []:
        pub = item.get("publisher") if isinstance(item, dict) else None
        if isinstance(pub, str) and pub.strip() and letters(pub) not in own:
            cands.add(pub.strip(), {"source": "json-ld-publisher", "where": "json-ld", "excerpt": pub.strip()})
    og_site = (meta.get("og") or {}).get("site_name")
    if isinstance(og_site, str) and letters(og_site) in {letters(k) for k in cands.by_name}:
        cands.add(og_site, {"source": "og:site_name", "where": "og:site_name", "excerpt": og_site})


def _body_evidence(doc, cands: _Candidates) -> None:
    """Agencies and listed outlets named in the body (credits, datelines), and links to them."""
    data = cands.data
    text = doc.text
    named: dict[str, dict] = {}  # outlet name -> {alias: first match}
    for alias, owner in data.alias_owner.items():
        if alias in text:  # a plain substring test first: most aliases are absent
            for m in _alias_pattern(alias).finditer(text):
                named.setdefault(owner.name, {}).setdefault(m.group(), m)
    places = int(data.meta["credit_places"])
    for o in data.outlets:
        seen = named.get(o.name)
        if not seen:
            continue
        for i, m in enumerate(sorted(seen.values(), key=lambda m: m.start())[:places]):
            item = evidence_item(doc, "credit", m.start(), m.end(), text, False)
            if i == 0:
                cands.add(o.name, item, o)
            else:
                cands.by_name[o.name]["evidence"].append(item)
    # links in the page body to a known outlet ("Read also" teasers)
    if doc.format == "html":
        hosts = sorted({url_host(u) for u in hrefs(doc.source)})
        for o in data.outlets:
            host = next((h for h in hosts if _host_matches(h, o)), None)
            if host:
                cands.add(o.name, {"source": "body-link", "where": "a href", "excerpt": host}, o)


def _finding_evidence(findings, cands: _Candidates) -> None:
    """Findings of the credit rules (foreign credit, canonical mismatch …) that quote a candidate."""
    weight = cands.data.evidence_weights["finding"]
    for f in findings:
        if f.signal not in cands.data.credit_signals:
            continue
        for key, c in cands.by_name.items():
            if letters(key) and letters(key) in letters(f.excerpt) and "finding" not in c["sources"]:
                c["sources"].add("finding")
                c["score"] += weight
                c["evidence"].append({"source": "finding", "rule": f.rule, "line": f.line, "column": f.column, "excerpt": f.excerpt})


def outlet(doc, findings, data: OriginData) -> tuple[dict | None, list[dict]]:
    """The named source outlet (or None), and every candidate, best first."""
    cands = _Candidates(data)
    meta = doc.metadata or {}
    own = _title_evidence(doc, meta, cands)
    _metadata_evidence(meta, own, cands)
    _body_evidence(doc, cands)
    _finding_evidence(findings, cands)
    if not cands.by_name:
        return None, []
    ranked = sorted(cands.by_name.values(), key=lambda c: (-c["score"], c["name"]))
    best = ranked[0]
    floor = float(data.meta.get("min_outlet_evidence", 1.5))
    if best["score"] < floor:
        return None, ranked
    total = sum(c["score"] for c in ranked)
    out = {
        "name": best["name"],
        "kind": best["outlet"].kind if best["outlet"] else "outlet",
        "language": best["outlet"].language if best["outlet"] else None,
        "confidence": confidence(best["score"], total, floor),
        "evidence": best["evidence"][: int(data.meta.get("max_evidence", 12))],
    }
    if len(ranked) > 1:
        out["others"] = [c["name"] for c in ranked[1:4]]
    return out, ranked
