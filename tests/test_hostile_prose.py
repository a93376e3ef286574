"""The prose index answers exactly as the line-scanning functions it replaces,
in logarithmic time per span (no rescan of the line for each match)."""

from __future__ import annotations

import random
import time

from audit.document import from_bytes
from audit.kinds import _prose

ALPHABET = ["a", "b", "the", "de", "la", " ", " ", "\n", "\t", "  ", "|", "```", "~~~", "«", "»", "“", "”", "„",
            "‘", "’", '"', "'", "’s", "x’y", ".", ",", "kyiv", "le", "vent", "et", "1"]


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(1, 60)))


def test_index_matches_the_scanning_functions():
    rng = random.Random(12)
    for _ in range(400):
        text = _random_text(rng)
        index = _prose._Index(text)
        for start in range(len(text) + 1):
            end = min(len(text), start + rng.randrange(0, 5))
            assert index.table_or_code_line(start) == _prose.in_table_or_code_line(text, start), (text, start)
            assert index.code_block(start) == _prose.in_code_block(text, start), (text, start)
            assert index.foreign_quote(start) == _prose.in_foreign_quote(text, start), (text, start)
            assert index.mention(start, end) == _prose.in_mention(text, start, end), (text, start, end)


def test_honest_context_on_a_long_line_is_linear():
    def timed(n):
        doc = from_bytes("x.txt", ("the the " * n).encode())
        start = time.process_time()
        for i in range(0, len(doc.text) - 3, 8):
            _prose.honest_context(doc, i, i + 3)
        return time.process_time() - start

    small, large = timed(1000), timed(8000)
    assert large < 1.0 and large < 20 * max(small, 0.005)
