"""Near-duplicate measure: word shingles, MinHash, exact similarity, clusters.

Each document's body text becomes a set of word 3-shingles (hashed to 32
bits); a MinHash of 64 permutations (datasketch) goes into an LSH index
(datasketch's ``MinHashLSH``) that proposes candidate pairs, and every
candidate is verified with the exact Jaccard similarity of the two shingle
sets (and the containment of the smaller in the larger, for a copy that is
a part of a longer page). Verified pairs join into clusters. Used by a run's
copy detection (:mod:`audit.copies`) and the reference index
(:mod:`audit.refindex`).
"""

from __future__ import annotations

import re
import zlib

import numpy as np

K = 3  # words per shingle
NUM_PERM = 64
SEED = 1
MIN_SHINGLES = 30  # shorter texts are not compared: too little to tell a copy
LSH_THRESHOLD = 0.3  # candidates; the exact similarity decides
MIN_JACCARD = 0.5
MIN_CONTAINMENT = 0.8
_WORD = re.compile(r"\w+")
_MIX = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))


def shingles(text: str) -> np.ndarray:
    """Sorted unique 32-bit hashes of the text's lower-cased word 3-shingles."""
    words = _WORD.findall(text.lower())
    if len(words) < K:
        return np.zeros(0, dtype=np.uint32)
    crc = zlib.crc32
    wh = np.fromiter((crc(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
    with np.errstate(over="ignore"):
        h = wh[: len(words) - 2] * _MIX[0] + wh[1 : len(words) - 1] * _MIX[1] + wh[2:] * _MIX[2]
        h ^= h >> np.uint64(31)
        h *= _MIX[1]
    return np.unique((h >> np.uint64(32)).astype(np.uint32))


_PROTOTYPE = None


def minhash(sh: np.ndarray):
    """A datasketch MinHash of a shingle-hash array (its permutations drawn once per process)."""
    global _PROTOTYPE
    from datasketch import MinHash

    if _PROTOTYPE is None:
        _PROTOTYPE = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int)
    m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, permutations=_PROTOTYPE.permutations, scheme=_PROTOTYPE.scheme)
    if sh.size:
        m.update_batch(sh.tolist())
    return m


def similarity(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Exact (Jaccard, containment of the smaller set in the larger) of two shingle sets."""
    if not a.size or not b.size:
        return 0.0, 0.0
    inter = np.intersect1d(a, b, assume_unique=True).size
    return inter / (a.size + b.size - inter), inter / min(a.size, b.size)


def is_copy(jaccard: float, containment: float) -> bool:
    return jaccard >= MIN_JACCARD or containment >= MIN_CONTAINMENT


def find_pairs(sketches) -> list[tuple[int, int, float, float]]:
    """Verified near-duplicate pairs (i < j, Jaccard, containment) among sketches (each with .index and .shingles)."""
    from datasketch import MinHashLSH

    usable = [s for s in sketches if s.shingles.size >= MIN_SHINGLES]
    if len(usable) < 2:
        return []
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    hashes = {}
    for s in usable:
        m = minhash(s.shingles)
        hashes[s.index] = m
        lsh.insert(s.index, m)
    by_index = {s.index: s for s in usable}
    pairs = []
    for s in usable:
        for other in lsh.query(hashes[s.index]):
            if other <= s.index:
                continue
            j, c = similarity(s.shingles, by_index[other].shingles)
            if is_copy(j, c):
                pairs.append((s.index, other, round(j, 3), round(c, 3)))
    return sorted(pairs)


def clusters_of(n: int, pairs) -> list[list[int]]:
    parent = list(range(n))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _, _ in pairs:
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(root(i), []).append(i)
    return [sorted(g) for g in sorted(groups.values(), key=min) if len(g) > 1]
