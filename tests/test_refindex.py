"""The reference index: index build / add / scan --reference on generated documents."""

from __future__ import annotations

import json

import numpy as np
import pytest

from audit.cli import main
from audit.copies import shingles
from audit.refindex import RefIndex

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "ven", "dor", "pal", "gri", "sto", "mun", "bel", "far", "ix"]


def vocabulary(n: int, rng) -> list[str]:
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES, size=rng.integers(2, 4))))
    return sorted(words)


def generate(count: int, seed: int = 7, length: int = 90) -> list[str]:
    """Cheap documents: Zipf-distributed words of a made-up vocabulary, so common words recur."""
    rng = np.random.default_rng(seed)
    vocab = np.array(vocabulary(3000, rng))
    ranks = np.minimum(rng.zipf(1.2, size=(count, length)), len(vocab)) - 1
    return [" ".join(vocab[row]) + "." for row in ranks]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    base = tmp_path_factory.mktemp("refindex")
    docs = generate(10_000)
    path = base / "archive.jsonl"
    with open(path, "w") as fh:
        for i, text in enumerate(docs):
            fh.write(json.dumps({"id": f"a{i}", "url": f"https://harbourledger.example/a/{i}", "text": text}) + "\n")
    index = base / "archive.idx"
    assert main(["index", "build", str(path), "--out", str(index)]) == 0
    return base, docs, index


def test_scan_reference_finds_the_copy_among_10000_and_nothing_else(corpus, tmp_path, valid):
    base, docs, index = corpus
    target = 4321
    words = docs[target].split()
    rewrite = list(words)
    for k in range(0, len(rewrite), 12):  # a light rewrite: one word in twelve changed
        rewrite[k] = "zorblat"
    fresh = generate(20, seed=99)
    records = [
        {"id": "copy", "url": "https://copyfarm-news.example/p/1", "text": docs[target]},
        {"id": "rewrite", "url": "https://buzzportal.example/p/2", "text": " ".join(rewrite)},
        {"id": "own", "url": "https://harbourledger.example/print/4321", "text": docs[target]},
        *({"id": f"fresh{i}", "url": f"https://cityweekly.example/{i}", "text": t} for i, t in enumerate(fresh)),
    ]
    scan = tmp_path / "scan.jsonl"
    scan.write_text("".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "reports"
    main(["scan", str(scan), "--reference", str(index), "--no-copies", "--output", str(out), "--format", "json"])
    summary = json.loads((out / "summary.json").read_text())
    reports = {row["path"].split("#")[1]: json.loads((out / row["report"]).read_text()) for row in summary["ranking"]}
    valid(list(reports.values()))
    for name in ("copy", "rewrite"):
        rows = reports[name]["copies"]
        assert [r["url"] for r in rows] == [f"https://harbourledger.example/a/{target}"], rows
        assert rows[0]["evidence"] and rows[0]["source"] == "reference"
        finding = next(f for f in reports[name]["findings"] if f["rule"] == "copy-of.reference")
        assert f"/a/{target}" in finding["message"]
    assert reports["copy"]["copies"][0]["similarity"] == 1.0
    assert 0.5 <= reports["rewrite"]["copies"][0]["similarity"] < 1.0
    # the outlet's own print view matches its archive: listed, not evidence
    assert not reports["own"]["copies"][0]["evidence"]
    assert "copy-of.reference" not in {f["rule"] for f in reports["own"]["findings"]}
    # no false match
    for i in range(20):
        assert "copies" not in reports[f"fresh{i}"]


def test_every_indexed_document_matches_only_itself(corpus):
    _, docs, index = corpus
    ref = RefIndex.load(str(index))
    assert len(ref) == 10_000
    for i in range(0, 10_000, 5):
        found = ref.query(shingles(docs[i]))
        assert [m["id"].split("#")[1] for m, _, _ in found] == [f"a{i}"]


def test_index_add_and_reload(corpus, tmp_path):
    base, docs, index = corpus
    copy = tmp_path / "small.idx"
    extra = tmp_path / "feed.jsonl"
    new = generate(5, seed=3)
    extra.write_text("".join(json.dumps({"id": f"w{i}", "url": f"https://wirefeed.example/{i}", "text": t}) + "\n" for i, t in enumerate(new)))
    first = tmp_path / "first.jsonl"
    first.write_text("".join(json.dumps({"id": f"a{i}", "url": f"https://harbourledger.example/a/{i}", "text": docs[i]}) + "\n" for i in range(50)))
    assert main(["index", "build", str(first), "--out", str(copy)]) == 0
    assert main(["index", "add", str(copy), str(extra)]) == 0
    ref = RefIndex.load(str(copy))
    assert len(ref) == 55
    assert ref.query(shingles(new[2]))[0][0]["url"] == "https://wirefeed.example/2"
    assert ref.query(shingles(docs[17]))[0][0]["url"] == "https://harbourledger.example/a/17"
    assert ref.query(shingles(generate(1, seed=1234)[0])) == []


def test_not_an_index(tmp_path):
    bad = tmp_path / "x.idx"
    bad.write_text("hello")
    with pytest.raises(ValueError):
        RefIndex.load(str(bad))
    assert main(["index", "info", str(bad)]) == 2
