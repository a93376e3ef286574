"""The two seed articles of the shared workspace, when it sits beside the repository.

They are real scraped, machine-translated articles; the project does not ship
them, so on a fresh clone without the workspace these tests are skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")

EXPECTED = {
    "000_a0084a4963ea0003.txt": {
        "doubled-title": {3, 61},
        "kyiv-casing": {29, 75},
        "mangled-quotes": {37, 47},
        "spam-byline": {81, 85},
        "fake-contact": {85},
    },
    "002_b25ad47a5eb42498.txt": {
        "doubled-title": {1, 3},
        "kyiv-casing": {7, 23},
        "mangled-quotes": {11},
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_is_flagged_with_findings_at_the_right_lines(name, auditor, valid):
    report = valid(auditor.audit_path(str(SEEDS / name)))
    assert report["verdict"] == "flagged" and report["score"] >= 80
    for signal, lines in EXPECTED[name].items():
        found = {f["line"] for f in report["findings"] if f["signal"] == signal}
        assert lines <= found, f"{signal}: expected lines {sorted(lines)}, found {sorted(found)}"
