"""The labelled development corpus is for measuring, not for copying.

When the shared workspace sits beside the repository, no tracked file may
share a run of eight words with a corpus document, apart from page markup and
the stock strings that are themselves the signals (share-widget labels,
"contact me through my"), which any scraped page carries.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
N = 8
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")
# stock strings of the signals themselves (widget labels, spam-bio wording)
STOCK = [
    "click to share on facebook opens in new window",
    "click to share on x opens in new window",
    "click to share on linkedin opens in new window",
    "click to email a link to a friend opens in new window",
    "click to share on whatsapp opens in new window",
    "click to print opens in new window",
    "click to share on reddit opens in new window",
    "share this click to share on",
    "like this like loading",
    "to get in touch contact me through my",
]


# the words of share-widget labels: a run made of them is the signal itself
WIDGET_WORDS = frozenset(
    "click to share on opens in new window facebook x twitter linkedin whatsapp email print reddit tumblr "
    "pinterest telegram pocket like this loading a link friend more via shares tweet".split()
)


def grams(text: str) -> set[tuple[str, ...]]:
    text = text.replace("\\n", " ").replace("\\t", " ")  # escapes inside TOML and Python strings
    words = _WORD.findall(_TAG.sub(" ", text).lower())
    return {tuple(words[i:i + N]) for i in range(len(words) - N + 1)}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not present")
def test_no_tracked_file_copies_corpus_text():
    corpus: set = set()
    for path in CORPUS.rglob("*"):
        if path.suffix in {".txt", ".md", ".html"}:
            corpus |= grams(path.read_text(encoding="utf-8", errors="ignore"))
    allowed = set().union(*(grams(s + " x x x x x x x x") for s in STOCK))
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    copies = {}
    for name in files:
        path = ROOT / name
        if path.suffix not in {".py", ".toml", ".txt", ".md", ".html", ".json", ".jsonl"} or name == "tests/test_no_corpus_copies.py":
            continue
        shared = (grams(path.read_text(encoding="utf-8", errors="ignore")) & corpus) - allowed
        shared = {g for g in shared if sum(w in WIDGET_WORDS for w in g) < N - 1}  # widget label runs
        if shared:
            copies[name] = sorted(" ".join(g) for g in shared)[:3]
    assert not copies, f"text copied from the corpus: {copies}"
