"""Rule documentation, rendered from the same fields the tests run."""

from __future__ import annotations


def _block(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def example_message(rule, catalogue) -> str:
    """The rule's message as it reads on its first flag example; placeholders named if it cannot run."""
    import re

    if catalogue is not None and rule.flag:
        from .pipeline import Auditor

        example = rule.flag[0]
        try:
            report = Auditor(catalogue.select([rule.id]), readability=False).audit_text(example.text, fmt=example.format)
            found = [f for f in report["findings"] if f["rule"] == rule.id]
        except Exception:  # the documentation must print even if the example cannot run
            found = []
        if found:
            return found[0]["message"]
    return re.sub(r"\{(\w+)[^{}]*\}", lambda m: f"<{m.group(1)}>", rule.message)


def explain(rule, catalogue=None) -> str:
    """One rule as text, with ruff-style headings; the message as it reads on the first example."""
    out = [
        f"{rule.id}  ({rule.category}, signal {rule.signal}, kind {rule.kind})",
        "",
        rule.summary,
        "",
        "What it flags (as reported on the first example below):" if catalogue is not None and rule.flag else "What it flags:",
        f"  {example_message(rule, catalogue)}",
        "",
        "Why it is suspicious:",
        *("  " + line for line in rule.why.splitlines()),
        "",
        "Honest look-alikes:",
        *("  " + line for line in rule.lookalikes.splitlines()),
        "",
        "Flagged:",
    ]
    for ex in rule.flag:
        out.extend("  " + c for c in _context(ex))
        out.append(_block(ex.text))
        out.append("")
    out.append("Not flagged:")
    for ex in rule.passes:
        out.extend("  " + c for c in _context(ex))
        out.append(_block(ex.text))
        out.append("")
    return "\n".join(out) + "\n"


def _context(example) -> list[str]:
    """Where an example is published and what it is compared with, when it says."""
    out = []
    if example.url:
        out.append(f"published at {example.url}" + (f" on {example.date}" if example.date else ""))
    for r in example.reference:
        out.append(f"reference index holds {r.get('url') or 'a text'}: {r['text'][:80]}…")
    for r in example.corpus:
        out.append(f"the run also holds {r.get('url') or 'a text'}" + (f" ({r['date']})" if r.get("date") else "") + f": {r['text'][:80]}…")
    return out


def _md_example(example) -> str:
    fence = "html" if example.format == "html" else "text"
    context = "".join(f"*{c}*\n\n" for c in _context(example))
    return context + f"```{fence}\n" + example.text.rstrip("\n") + "\n```"


MEASUREMENTS = "measurements.json"


def load_measurements(directory) -> dict | None:
    import json
    from pathlib import Path

    path = Path(directory) / MEASUREMENTS
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def hit_rate_table(catalogue, measured: dict) -> list[str]:
    """Per rule: hits per 1,000 honest documents of each corpus, per 1,000
    positives of all corpora together, and S/O (the share of the two rates
    that falls on positives: 1.0 fires only on positives, 0.5 is chance)."""
    corpora = measured["corpora"]
    honest = [c for c in corpora if corpora[c]["originals"]]
    npos = sum(c["positives"] for c in corpora.values())
    nneg = sum(c["originals"] for c in corpora.values())
    out = [
        "## Measured hit rates",
        "",
        "Documents a rule fired on, per 1,000, in the corpora the weights were fitted on (weights "
        f"`{measured['weights_version']}`): " + ", ".join(
            f"{name} ({c['originals']} originals, {c['positives']} positives)" for name, c in corpora.items()) + ". "
        "The texts of the real pages are not in the repository; `rules/measurements.json` stores the counts "
        "(`provenance-audit calibrate … --measurements rules/measurements.json`), and a test keeps it in step with the catalogue. "
        "S/O is the share of a rule's hit rate that falls on positives (all corpora pooled): 1.0 fires only on positives, "
        "0.5 is no better than chance. A rule with a low S/O is evidence only together with others; its fitted weight says how much.",
        "",
        "| rule | " + " | ".join(f"per 1k honest, {c}" for c in honest) + " | per 1k positives | S/O |",
        "|---|" + "---|" * (len(honest) + 2),
    ]
    for r in sorted(catalogue.rules, key=lambda r: (r.category, r.id)):
        per = measured["rules"].get(r.id)
        if per is None:
            out.append(f"| `{r.id}` | " + " | ".join("not measured" for _ in honest) + " | not measured | - |")
            continue
        cells = [f"{1000 * per[c]['originals'] / corpora[c]['originals']:.1f}" for c in honest]
        hp = sum(v["positives"] for v in per.values())
        hn = sum(v["originals"] for v in per.values())
        rp = hp / npos if npos else 0.0
        rn = hn / nneg if nneg else 0.0
        so = f"{rp / (rp + rn):.2f}" if rp + rn else "-"
        out.append(f"| `{r.id}` | " + " | ".join(cells) + f" | {1000 * rp:.1f} | {so} |")
    return out


def reference(catalogue, measured: dict | None = None) -> str:
    """The rules reference (rules/README.md), generated from the rule files."""
    out = [
        "# Rule reference",
        "",
        "Generated by `provenance-audit docs` from the rule files in this folder; do not edit by hand.",
        "A test fails when this file is out of date.",
        "",
        "Each rule gives evidence for one signal. Weights live apart, in `weights.toml`.",
        "",
        "| rule | category | signal | summary |",
        "|---|---|---|---|",
    ]
    rules = sorted(catalogue.rules, key=lambda r: (r.category, r.id))
    for r in rules:
        summary = r.summary.replace("|", "\\|")
        out.append(f"| [`{r.id}`](#{r.id.replace('.', '')}) | {r.category} | {r.signal} | {summary} |")
    if measured:
        out += [""] + hit_rate_table(catalogue, measured)
    for r in rules:
        out += [
            "",
            f"## {r.id}",
            "",
            f"{r.summary} Kind `{r.kind}`, signal `{r.signal}`, category {r.category}"
            + ("" if "*" in r.languages else f", for text in {', '.join(r.languages)}")
            + ("" if r.strength == "normal" else f"; {r.strength} evidence") + ".",
            "",
            "**What it flags.** " + r.message,
            "",
            "**Why it is suspicious.** " + " ".join(r.why.split()),
            "",
            "**Honest look-alikes.** " + " ".join(r.lookalikes.split()),
            "",
            "**Flagged:**",
            "",
            *[_md_example(x) for x in r.flag],
            "",
            "**Not flagged:**",
            "",
            *[_md_example(x) for x in r.passes],
        ]
    return "\n".join(out) + "\n"
