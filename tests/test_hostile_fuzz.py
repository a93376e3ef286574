"""Fuzzing that stays: text, Markdown, HTML and raw bytes never raise, never
hang, and give the same report twice. Bounded and seeded so CI is stable;
benchmarks/fuzz.py runs the long version."""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from audit.report import dumps  # noqa: E402

# pieces that reach the rules' and the HTML scanner's corners
PIECES = [
    "Posted 12:34 ", "Updated at 7:05 a.m.", "«", "»", " « ", "&#", "&#x", "&#1234567890123;", "&amp;", "<a href=",
    "<meta ", "<style>", "</style>", "<script type=\"application/ld+json\">", "{\"@type\": \"NewsArticle\"", "<p>",
    "</p>", "<!-- provenance-audit: ignore kyiv-casing -- ", "-->", "```", "\n\n", "\n", "\t", " ", "kyiv", "Kiev",
    "Home » World » ", "Read more:", "- item", "the the ", "Spread the love", "©", "\u00a0", "\u202f", "é", "ſ",
    "\ud83c", "\x00", "\x1b[31m", "\r", "12,5 %", "MM. Dupont", "Translated from the German by ", "1" * 30,
]

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map("".join)
raw = st.one_of(
    st.binary(max_size=300),
    st.tuples(st.sampled_from([b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b""]), st.binary(max_size=200)).map(b"".join),
)

FUZZ = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))


def _check(auditor, path, data, fmt=None):
    first = auditor.audit_bytes(path, data, fmt=fmt)
    assert first["error"] is None or isinstance(first["error"], str)
    assert "ran out of time" not in (first["error"] or "")
    second = auditor.audit_bytes(path, data, fmt=fmt)
    assert dumps(first) == dumps(second)  # deterministic
    if first["error"] is None:
        assert 0 <= first["score"] <= 100


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_fuzz_text_formats(fmt, auditor):
    @FUZZ
    @given(texts)
    def check(text):
        _check(auditor, f"fuzz.{fmt}", text.encode("utf-8", "surrogatepass"), fmt)

    check()


def test_fuzz_raw_bytes(auditor):
    @FUZZ
    @given(raw, st.sampled_from(["a.txt", "a.md", "a.html", "a"]))
    def check(data, name):
        _check(auditor, name, data)

    check()
