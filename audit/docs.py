"""Rule documentation, rendered from the same fields the tests run."""

from __future__ import annotations


def _block(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def explain(rule) -> str:
    """One rule as text, with ruff-style headings."""
    out = [
        f"{rule.id}  ({rule.category}, signal {rule.signal}, kind {rule.kind})",
        "",
        rule.summary,
        "",
        "What it flags:",
        f"  {rule.message}",
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
        out.append(_block(ex))
        out.append("")
    out.append("Not flagged:")
    for ex in rule.passes:
        out.append(_block(ex))
        out.append("")
    return "\n".join(out) + "\n"
