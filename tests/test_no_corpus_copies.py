"""The texts shown while building the project are for measuring, not for copying.

When the shared workspace sits beside the repository, no tracked file may
share a run of eight words with a text that was read while writing rules: the
two seed articles, the labelled development corpus and, when
``PROVENANCE_AUDIT_REAL_DEV_TEXTS`` names the scratch folder they were pulled
into, the real pages of ``real-dev``. Page markup and the stock strings that
are themselves the signals (share-widget labels, "contact me through my"),
which any scraped page carries, are allowed.

The large measurement corpora (19,000 Reuters stories, the WMT translations)
are read by scripts, in bulk, not by eye; honest wire copy shares eight-word
stock phrases with any news text ("is expected before the end of the month"),
so there the guard looks for runs of sixteen words: a copied sentence, not a
shared idiom.

The project's own runs are collected first (a few thousand), then the corpus
is streamed past them, so the check stays fast and small however large the
corpus grows.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHOWN = [SHARED / "seeds", SHARED / "corpus" / "dev"]  # read closely: eight-word runs
MEASURED = [SHARED / "corpus" / "newswire", SHARED / "corpus" / "translation"]  # read in bulk
SHORT, LONG = 8, 16
SUFFIXES = {".txt", ".md", ".html"}
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
    # a widely shipped theme's demo address and a blog plugin's subscribe box:
    # the template-placeholder and blog-leftover signals themselves
    "address 304 north cardinal st dorchester center ma 02124",
    "subscribe to get the latest posts sent to your email",
    # a publisher's newsletter consent line, left on copies of its pages: source-chrome-residue itself
    "we use your sign up to provide content in",
]
# the words of share-widget labels: a run made of them is the signal itself
WIDGET_WORDS = frozenset(
    "click to share on opens in new window facebook x twitter linkedin whatsapp email print reddit tumblr "
    "pinterest telegram pocket like this loading a link friend more via shares tweet".split()
)


def words(text: str) -> list[str]:
    text = text.replace("\\n", " ").replace("\\t", " ")  # escapes inside TOML and Python strings
    return _WORD.findall(_TAG.sub(" ", text).lower())


def grams(text: str, n: int = SHORT) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


def stock_runs(n: int) -> set[tuple[str, ...]]:
    return set().union(*(grams(s + " x" * n, n) for s in STOCK))


def guarded(g: tuple[str, ...], allowed: set[tuple[str, ...]]) -> bool:
    """A run worth guarding: not a stock string, not a run of widget labels."""
    return g not in allowed and sum(w in WIDGET_WORDS for w in g) < len(g) - 1


def project_grams(n: int) -> dict[tuple[str, ...], str]:
    """Each run of n words in a tracked text file, with the first file that has it."""
    allowed = stock_runs(n)
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    runs: dict[tuple[str, ...], str] = {}
    for name in files:
        path = ROOT / name
        if path.suffix not in {".py", ".toml", ".txt", ".md", ".html", ".json", ".jsonl"}:
            continue
        if name == "tests/test_no_corpus_copies.py":
            continue
        for g in grams(path.read_text(encoding="utf-8", errors="ignore"), n):
            if guarded(g, allowed):
                runs.setdefault(g, name)
    return runs


def corpus_files(folders: list[Path]):
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.suffix in SUFFIXES and path.is_file():
                    yield path


def copies(runs: dict[tuple[str, ...], str], folders: list[Path], n: int) -> dict[str, list[str]]:
    found: dict[str, set[str]] = {}
    for path in corpus_files(folders):
        for g in grams(path.read_text(encoding="utf-8", errors="ignore"), n):
            if g in runs:
                found.setdefault(runs[g], set()).add(" ".join(g))
    return {name: sorted(shared)[:3] for name, shared in found.items()}


def shown_folders() -> list[Path]:
    folders = list(SHOWN)
    pulled = os.environ.get("PROVENANCE_AUDIT_REAL_DEV_TEXTS")
    if pulled:
        folders.append(Path(pulled))
    return folders


def test_guard_finds_a_copied_run_and_allows_stock_strings(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "The harbour board voted on Tuesday to close the old pier for a month of repairs.\n"
        "Click to share on Facebook (Opens in new window)\n",
        encoding="utf-8",
    )
    runs = {g: "rules/x.toml" for g in grams("board voted on Tuesday to close the old pier")}
    runs.update({g: "rules/y.toml" for g in grams("Click to share on Facebook (Opens in new window) and more")})
    allowed = stock_runs(SHORT)
    runs = {g: f for g, f in runs.items() if guarded(g, allowed)}
    found = copies(runs, [corpus], SHORT)
    assert list(found) == ["rules/x.toml"]
    assert copies(runs, [corpus], LONG) == {}


@pytest.mark.skipif(not (SHARED / "corpus" / "dev").is_dir(), reason="the shared corpus is not present")
def test_no_tracked_file_copies_a_text_that_was_shown():
    found = copies(project_grams(SHORT), shown_folders(), SHORT)
    assert not found, f"text copied from the seeds or the development corpus: {found}"


@pytest.mark.skipif(not (SHARED / "corpus" / "newswire").is_dir(), reason="the shared corpus is not present")
def test_no_tracked_file_copies_a_sentence_of_the_measurement_corpora():
    found = copies(project_grams(LONG), MEASURED, LONG)
    assert not found, f"a sentence copied from the newswire or translation corpora: {found}"
