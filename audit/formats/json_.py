"""JSON: the reports as one array, exactly as written to disk."""

from __future__ import annotations

import json

HELP = "the reports as one JSON array"
READABILITY = True
FULL_TEXT = False


def render(reports: list[dict], ctx) -> str:
    return json.dumps(list(reports), ensure_ascii=False, indent=2) + "\n"


def stream(reports: list[dict], ctx):
    """The text of :func:`render`, a report at a time: each element of the
    array is the report's own indented JSON shifted by one level (a JSON
    string holds no raw line break, so every line break is the layout's)."""
    first = True
    for r in reports:
        yield ("[\n  " if first else ",\n  ") + json.dumps(r, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        first = False
    yield "[]\n" if first else "\n]\n"
