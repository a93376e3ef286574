"""The phrase kind's candidate lookup gives exactly the phrases a full scan of the word's list would try."""

from __future__ import annotations

import random

from audit.kinds.phrase import _Candidates


def test_candidates_by_tail_equal_the_filtered_full_list():
    rng = random.Random(7)
    alphabet = "ab .,-"
    cands = []
    for _ in range(200):
        lead = rng.choice(["", "« ", "#"])
        rest = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 5)))
        low = lead + "the" + (rng.choice(" .,-") + rest if rest else "")  # 'the' is the phrase's first word
        if all(c[0] != low for c in cands):
            cands.append((low, len(lead), None, None, low, ""))
    index = _Candidates(cands)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet + "the") for _ in range(rng.randrange(0, 12)))
        lower = "the" + text
        end = 3
        want = [c for c in cands if lower.startswith(c[0][c[1]:], 0)]
        got = [c for c in index.at(lower, end) if lower.startswith(c[0][c[1]:], 0)]
        assert got == want
        # nothing that could match is left out, and the order is the list's
        assert all(c in index.at(lower, end) for c in want)
        positions = [cands.index(c) for c in index.at(lower, end)]
        assert positions == sorted(positions)
