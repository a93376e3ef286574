"""A reference index of known originals: one file, loaded by mapping it, updated by appending.

``provenance-audit index build PATH... --out INDEX`` reads files, folders,
WARC and JSON Lines (an outlet's own archive, a wire feed) and stores, per
document, its address, site and id, its MinHash band keys and its shingle
hashes; ``index add INDEX PATH...`` appends; ``scan --reference INDEX``
looks every scanned document up.

Lookup is locality-sensitive hashing on datasketch MinHashes (64
permutations, in bands of datasketch's optimal parameters for a Jaccard
threshold of 0.4). datasketch's own ``MinHashLSH`` keeps a Python
dictionary of byte strings per band and document, several kilobytes a
document; here each band is two sorted arrays (a 32-bit band key and a
document number) searched by bisection, 8 bytes per band and document,
whatever the text's length. Candidates are verified with the exact Jaccard
similarity of the shingle sets, which stay on disk and are read only for
candidates.

File layout: a magic line, an 8-byte header length, a JSON header (the
parameters and, per array, dtype, shape and offset), then the arrays, each
aligned to 64 bytes. Loading reads the header and maps the arrays.
"""

from __future__ import annotations

import json
import os
import struct
import tempfile
from dataclasses import dataclass

import numpy as np

from . import copies

MAGIC = b"PROVENANCE-AUDIT-INDEX 1\n"
_ALIGN = 64


def band_params() -> tuple[int, int]:
    from datasketch.lsh import _optimal_param

    return _optimal_param(copies.LSH_THRESHOLD, copies.NUM_PERM, 0.5, 0.5)


def band_keys(hashvalues: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """32-bit keys of a MinHash signature's bands (one row per document)."""
    hv = np.atleast_2d(np.asarray(hashvalues, dtype=np.uint64))[:, : bands * rows].reshape(-1, bands, rows)
    mult = np.array([((0x9E3779B97F4A7C15 * (k + 1)) & 0xFFFFFFFFFFFFFFFF) | 1 for k in range(rows)], dtype=np.uint64)
    with np.errstate(over="ignore"):
        acc = (hv * mult).sum(axis=2, dtype=np.uint64)
        acc ^= acc >> np.uint64(29)
        acc *= np.uint64(0xBF58476D1CE4E5B9)
    return (acc >> np.uint64(32)).astype(np.uint32)


def _scheme() -> str:
    """datasketch's MinHash hashing scheme: an index is valid only under the one it was built with."""
    return str(getattr(copies.minhash(np.zeros(0, np.uint32)), "scheme", "legacy"))


def signature(sh: np.ndarray) -> np.ndarray:
    return np.asarray(copies.minhash(sh).hashvalues)


@dataclass
class Entry:
    url: str | None
    site: str | None
    id: str
    shingles: np.ndarray


class _LazyMeta:
    """The documents' {url, site, id} lines of a mapped index, parsed only when asked."""

    def __init__(self, blob: np.ndarray, count: int):
        self.blob = blob
        self.count = count
        self._ends = None

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, d: int) -> dict:
        if self._ends is None:
            self._ends = np.flatnonzero(np.asarray(self.blob) == 10)
        start = int(self._ends[d - 1]) + 1 if d > 0 else 0
        end = int(self._ends[d]) if d < len(self._ends) else len(self.blob)
        return json.loads(bytes(self.blob[start:end]).decode("utf-8"))

    def __iter__(self):
        for d in range(self.count):
            yield self[d]


class RefIndex:
    """A loaded index (arrays mapped from the file) or a new one being built."""

    def __init__(self, bands: int, rows: int, keys: np.ndarray, offsets: np.ndarray, values: np.ndarray, meta: list[dict]):
        self.bands, self.rows = bands, rows
        self.keys = keys  # [N, bands] uint32, per document
        self.offsets = offsets  # [N + 1] int64 into values
        self.values = values  # concatenated sorted shingle hashes, uint32
        self.meta = meta  # [{url, site, id}], a list or a _LazyMeta of the file
        self._sorted = None
        self._stored_sorted = None

    def __len__(self) -> int:
        return len(self.meta)

    # ---- building -------------------------------------------------------
    @classmethod
    def empty(cls) -> "RefIndex":
        b, r = band_params()
        return cls(b, r, np.zeros((0, b), np.uint32), np.zeros(1, np.int64), np.zeros(0, np.uint32), [])

    @staticmethod
    def entries_from(paths, site: str | None = None, max_bytes: int | None = None):
        """Entries for every document of ``paths`` (files, folders, WARC, JSON Lines)."""
        from . import document, identity
        from .crawl import items_for
        from .inputs import collect

        inputs = collect(paths)
        for item in items_for(inputs.files):
            doc, _ = copies.load_item(item, max_bytes or document.MAX_BYTES)
            if doc is None:
                continue
            if site and not doc.url:
                doc.sites = (site,)
            sh = copies.shingles(doc.text)
            if sh.size < copies.MIN_SHINGLES:
                continue
            yield Entry(doc.url, identity.own_domain(doc), item.name, sh)

    def extend(self, entries) -> int:
        """Append entries; returns how many were added."""
        keys, sizes, chunks, meta = [], [], [], []
        for e in entries:
            keys.append(band_keys(signature(e.shingles), self.bands, self.rows)[0])
            sizes.append(e.shingles.size)
            chunks.append(e.shingles.astype(np.uint32))
            meta.append({"url": e.url, "site": e.site, "id": e.id})
        self.add_arrays(np.array(keys, dtype=np.uint32).reshape(-1, self.bands), sizes, chunks, meta)
        return len(meta)

    def add_arrays(self, keys: np.ndarray, sizes, chunks, meta) -> None:
        if not meta:
            return
        self.keys = np.concatenate([np.asarray(self.keys), keys])
        base = int(self.offsets[-1])
        self.offsets = np.concatenate([np.asarray(self.offsets), base + np.cumsum(np.asarray(sizes, dtype=np.int64))])
        self.values = np.concatenate([np.asarray(self.values), *chunks])
        self.meta = list(self.meta) + list(meta)
        self._sorted = None

    # ---- lookup ------------------------------------------------------------
    def _tables(self):
        if self._sorted is None:
            if self._stored_sorted is not None and self._stored_sorted[0].shape[1] == len(self.meta):
                self._sorted = self._stored_sorted
            else:
                order = np.argsort(self.keys, axis=0, kind="stable").T.astype(np.uint32)  # [bands, N]
                skeys = np.take_along_axis(np.asarray(self.keys).T, order.astype(np.int64), axis=1)
                self._sorted = (skeys, order)
        return self._sorted

    def candidates(self, keys: np.ndarray) -> np.ndarray:
        skeys, order = self._tables()
        found = []
        for b in range(self.bands):
            row = skeys[b]
            lo = np.searchsorted(row, keys[b], "left")
            hi = np.searchsorted(row, keys[b], "right")
            if hi > lo:
                found.append(np.asarray(order[b][lo:hi]))
        return np.unique(np.concatenate(found)) if found else np.zeros(0, np.uint32)

    def query(self, sh: np.ndarray):
        """Indexed documents that are copies of a text's shingle set: [(meta, jaccard, containment)]."""
        if sh.size < copies.MIN_SHINGLES or not len(self):
            return []
        keys = band_keys(signature(sh), self.bands, self.rows)[0]
        out = []
        for d in self.candidates(keys):
            d = int(d)
            stored = np.asarray(self.values[int(self.offsets[d]): int(self.offsets[d + 1])])
            j, c = copies.similarity(sh, stored)
            if copies.is_copy(j, c):
                out.append((self.meta[d], j, c))
        out.sort(key=lambda t: (-t[1], t[0].get("id") or ""))
        return out

    # ---- the file ----------------------------------------------------------
    def save(self, path: str) -> None:
        skeys, order = self._tables()
        blob = "\n".join(json.dumps(m, ensure_ascii=False, separators=(",", ":")) for m in self.meta).encode("utf-8")
        arrays = {
            "keys": np.ascontiguousarray(self.keys, dtype=np.uint32),
            "sorted_keys": np.ascontiguousarray(skeys, dtype=np.uint32),
            "sorted_docs": np.ascontiguousarray(order, dtype=np.uint32),
            "offsets": np.ascontiguousarray(self.offsets, dtype=np.int64),
            "values": np.ascontiguousarray(self.values, dtype=np.uint32),
            "meta": np.frombuffer(blob, dtype=np.uint8),
        }
        header = {
            "documents": len(self.meta),
            "bands": self.bands,
            "rows": self.rows,
            "num_perm": copies.NUM_PERM,
            "seed": copies.SEED,
            "shingle_words": copies.K,
            "minhash_scheme": _scheme(),
            "arrays": {},
        }
        # offsets are relative to the end of the header block, so computing them
        # does not depend on the header's own length
        pos = 0
        for name, a in arrays.items():
            pos = -(-pos // _ALIGN) * _ALIGN
            header["arrays"][name] = {"dtype": a.dtype.str, "shape": list(a.shape), "offset": pos}
            pos += a.nbytes
        head = json.dumps(header).encode("utf-8")
        start = -(-(len(MAGIC) + 8 + len(head)) // _ALIGN) * _ALIGN
        directory = os.path.dirname(os.path.abspath(path))
        fd, tmp = tempfile.mkstemp(prefix=".index-", dir=directory)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(MAGIC + struct.pack("<Q", len(head)) + head)
                fh.write(b"\0" * (start - fh.tell()))
                for name, a in arrays.items():
                    at = start + header["arrays"][name]["offset"]
                    fh.write(b"\0" * (at - fh.tell()))
                    fh.write(a.tobytes())
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    @classmethod
    def load(cls, path: str) -> "RefIndex":
        with open(path, "rb") as fh:
            if fh.read(len(MAGIC)) != MAGIC:
                raise ValueError(f"{path}: not a provenance-audit index")
            (n,) = struct.unpack("<Q", fh.read(8))
            header = json.loads(fh.read(n))
        start = -(-(len(MAGIC) + 8 + n) // _ALIGN) * _ALIGN
        settings = (header.get("num_perm"), header.get("shingle_words"), header.get("seed"), header.get("minhash_scheme"))
        if settings != (copies.NUM_PERM, copies.K, copies.SEED, _scheme()):
            raise ValueError(f"{path}: built with other settings; rebuild it")

        def arr(name):
            spec = header["arrays"][name]
            shape = tuple(spec["shape"])
            if 0 in shape:
                return np.zeros(shape, dtype=np.dtype(spec["dtype"]))
            return np.memmap(path, dtype=np.dtype(spec["dtype"]), mode="r", offset=start + spec["offset"], shape=shape)

        meta = _LazyMeta(arr("meta"), header["documents"])
        index = cls(header["bands"], header["rows"], arr("keys"), arr("offsets"), arr("values"), meta)
        index._stored_sorted = (arr("sorted_keys"), arr("sorted_docs"))
        return index
