"""Benchmark the reference index: build rate, query rate, peak memory, bytes per document.

Documents are generated on the fly (Zipf-distributed words of a made-up
vocabulary, so common words recur as in prose) and never stored; only the
index file is written, to a temporary folder, and removed at the end.

    python benchmarks/copies.py                  # 1,000,000 documents
    python benchmarks/copies.py --docs 100000    # a smaller run

Queries are light rewrites of indexed documents (one word in twelve
changed), which must find their original, and fresh documents, which must
find nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from audit import copies  # noqa: E402
from audit.refindex import Entry, RefIndex  # noqa: E402

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "ven", "dor", "pal", "gri", "sto", "mun", "bel", "far", "ix"]


def vocabulary(rng, n: int = 5000) -> np.ndarray:
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES, size=rng.integers(2, 5))))
    return np.array(sorted(words))


def documents(count: int, seed: int, length: int, vocab: np.ndarray, batch: int = 10_000):
    """(number, text) pairs, generated a batch at a time."""
    rng = np.random.default_rng(seed)
    for start in range(0, count, batch):
        n = min(batch, count - start)
        ranks = np.minimum(rng.zipf(1.2, size=(n, length)), len(vocab)) - 1
        for i, row in enumerate(ranks):
            yield start + i, " ".join(vocab[row])


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:  # noqa: PLR0915 - a script: one measurement after another
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1_000_000)
    ap.add_argument("--words", type=int, default=120, help="words per document (default 120)")
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()

    vocab = vocabulary(np.random.default_rng(args.seed))
    base_mb = peak_mb()
    index = RefIndex.empty()
    shingle_total = 0
    rng = np.random.default_rng(args.seed + 1)
    picks = set(rng.choice(args.docs, size=args.queries // 2, replace=False).tolist())
    picked: dict[int, str] = {}  # the texts the rewrite queries start from

    def entries():
        nonlocal shingle_total
        last = time.perf_counter()
        for number, text in documents(args.docs, args.seed, args.words, vocab):
            if number in picks:
                picked[number] = text
            sh = copies.shingles(text)
            shingle_total += sh.size
            yield Entry(f"https://archive.example/{number}", "archive.example", f"d{number}", sh)
            if number and number % 100_000 == 0:
                now = time.perf_counter()
                print(f"  {number:>9,} documents, {100_000 / (now - last):,.0f}/s, peak {peak_mb():,.0f} MB", file=sys.stderr)
                last = now

    t0 = time.perf_counter()
    c0 = cpu()
    index.extend(entries())
    t_extend = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.idx")
        t1 = time.perf_counter()
        index.save(path)
        t_save = time.perf_counter() - t1
        build_s = t_extend + t_save
        build_cpu = cpu() - c0
        build_peak = peak_mb()
        size = os.path.getsize(path)
        del index

        t2 = time.perf_counter()
        ref = RefIndex.load(path)
        t_load = time.perf_counter() - t2

        queries = []
        for number in sorted(picks):
            words = picked[number].split()
            for k in range(0, len(words), 12):
                words[k] = "zorblat"
            queries.append((f"d{number}", copies.shingles(" ".join(words))))
        for _number, text in documents(args.queries - len(picks), args.seed + 2, args.words, vocab):
            queries.append((None, copies.shingles(text)))
        t3 = time.perf_counter()
        c3 = cpu()
        found = right = false = 0
        for expected, sh in queries:
            hits = [m["id"] for m, _, _ in ref.query(sh)]
            if expected is None:
                false += len(hits)
            else:
                found += bool(hits)
                right += hits == [expected]
                false += len([h for h in hits if h != expected])
        t_query = time.perf_counter() - t3
        query_cpu = cpu() - c3
        query_peak = peak_mb()

    n = args.docs
    lsh_bytes = ref.bands * (4 + 8)  # per band: the document's key, and the sorted key and document number
    print(f"documents            {n:,} of {args.words} words ({shingle_total / n:.0f} shingles each)")
    print(f"build                {build_s:,.1f} s: {n / build_s:,.0f} documents/s (hashing {t_extend:,.1f} s, sorting and writing {t_save:,.1f} s); "
          f"CPU {build_cpu:,.1f} s: {n / build_cpu:,.0f} documents per CPU second")
    print(f"index file           {size / 1e6:,.1f} MB: {size / n:,.0f} bytes per document, of which LSH {lsh_bytes} bytes "
          f"({ref.bands} bands of {ref.rows}) and shingle hashes {4 * shingle_total / n:,.0f} bytes")
    print(f"load                 {t_load * 1000:,.1f} ms (mapped, not read)")
    per_cpu = len(queries) / max(query_cpu, 1e-9)
    print(f"queries              {len(queries):,}: {len(queries) / t_query:,.0f} queries/s (CPU {query_cpu:,.1f} s: {per_cpu:,.0f} per CPU second)")
    print(f"rewrites found       {found}/{len(picks)} (exactly their original: {right}); false matches: {false}")
    print(f"peak memory          build {build_peak:,.0f} MB, after queries {query_peak:,.0f} MB (interpreter and numpy: {base_mb:,.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
