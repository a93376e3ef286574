"""JSON Lines: one report per line."""

from __future__ import annotations

import json

HELP = "one report per line (JSON Lines)"
READABILITY = True
FULL_TEXT = False


def render(reports: list[dict], ctx) -> str:
    return "".join(stream(reports, ctx))


def stream(reports: list[dict], ctx):
    """One line per report, as it is read."""
    for r in reports:
        yield json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n"
