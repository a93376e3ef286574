"""Odd input never crashes a rule: seeded random documents from text and markup pieces."""

from __future__ import annotations

import random

import pytest

PIECES = [
    "Spread the love", "« ", " »", "“", "”", "\"", "'", "’", "kyiv", "Kiev", "M. ", "MM. ", "Herr ", "3,5", "50 000",
    " :", " ?", "\n", "\n\n", "  • ", "By ", "Photo: ", "READ ALSO: ", "@", "example.com", "1-800-413-9027", "+33 1 23",
    "thanks to to", "the the", ". in", "Editor's note)", "(", ")", "[", "]", "<p>", "</p>", "<div class='entry-content'>",
    "</div>", "<h1>", "</h1>", "<title>", "</title>", "<a href='https://other.example/x'>", "</a>", "&amp;", "&#8217;",
    "&nbsp;", "<script>var a = '<p>';</script>", "<!-- provenance-audit: ignore kyiv-casing -- test -->", "â€™", "Ã©",
    "\u00a0", "\t", "\ufeff", "\u200b", "İ", "ß", "ﬁ", "𝔘𝔫𝔦", "Пример", "例子", "عربى", "0", "12:30", "a.m.", "e.g.",
    "The council met on Tuesday.", "La agencia no descarta nada en primavera.", "Der Rat hat heute nicht getagt.",
]


def _random_doc(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) + rng.choice(["", " ", " word "]) for _ in range(rng.randint(0, 120)))


@pytest.mark.parametrize("seed", range(60))
def test_random_documents_audit_cleanly(seed, auditor, valid):
    rng = random.Random(seed)
    text = _random_doc(rng)
    fmt = ["text", "markdown", "html"][seed % 3]
    report = valid(auditor.audit_text(text, fmt=fmt, path=f"r{seed}.{fmt}"))
    assert report["error"] is None
    assert report["rule_errors"] == [], report["rule_errors"]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for f in report["findings"]:
        assert 1 <= f["line"] <= len(lines) and f["column"] >= 1
