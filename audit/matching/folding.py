"""Case folding shared by literals, texts and gates: one character for one character."""

from __future__ import annotations

from functools import lru_cache

@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Characters that ``re.IGNORECASE`` treats as equal beyond ``lower()``, to one representative."""
    from re._casefix import _EXTRA_CASES

    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for key, extras in _EXTRA_CASES.items():
        for e in extras:
            a, b = find(key), find(e)
            if a != b:
                parent[max(a, b)] = min(a, b)
    table = {}
    for key, extras in _EXTRA_CASES.items():
        for ch in (key, *extras):
            root = find(ch)
            if root != ch:
                table[ch] = chr(root)
    return table


def fold(text: str) -> str:
    """Lower-case ``text`` one character for one character, then merge the
    characters ``re`` treats as the same letter under IGNORECASE (ſ and s …)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower()[:1] or c for c in text)
    return low.translate(_fold_table())
