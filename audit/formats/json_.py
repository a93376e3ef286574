"""JSON: the reports as one array, exactly as written to disk."""

from __future__ import annotations

import json

HELP = "the reports as one JSON array"
READABILITY = True
FULL_TEXT = False


def render(reports: list[dict], ctx) -> str:
    return json.dumps(reports, ensure_ascii=False, indent=2) + "\n"
