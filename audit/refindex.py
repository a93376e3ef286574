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
from dataclasses import dataclass, replace

import numpy as np

from . import copies

MAGIC = b"PROVENANCE-AUDIT-INDEX 1\n"
# candidates whose signatures agree on fewer than this share of values are not
# checked exactly: well below the Jaccard a copy needs, to keep short copies
# of long pages (high containment, lower Jaccard)
MIN_ESTIMATE = 0.15
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
        end = int(self._ends[d])
        return json.loads(bytes(self.blob[start:end]).decode("utf-8"))

    def __iter__(self):
        for d in range(self.count):
            yield self[d]


class RefIndex:
    """A loaded index (arrays mapped from the file) and the documents added since.

    Added documents' shingle hashes and {url, site, id} lines go to temporary
    files as they come, so building holds in memory only the band keys
    (bands x 4 bytes a document), whatever the length of the texts.
    """

    def __init__(self, bands: int, rows: int, keys: np.ndarray, offsets: np.ndarray, values: np.ndarray, meta, sigs: np.ndarray | None = None):
        self.bands, self.rows = bands, rows
        self.keys = keys  # [N, bands] uint32, per document
        # [N, num_perm] uint32: the MinHash signatures, to estimate a candidate's similarity before the exact check
        self.sigs = sigs if sigs is not None else np.zeros((0, copies.NUM_PERM), np.uint32)
        self.offsets = offsets  # [N + 1] int64 into values
        self.values = values  # concatenated sorted shingle hashes, uint32
        self.meta = meta  # [{url, site, id}], a list or a _LazyMeta of the file
        self._sorted = None
        self._stored_sorted = None
        self._pending_keys: list[np.ndarray] = []
        self._pending_sizes: list[int] = []
        self._pending_values = None  # a temporary file of uint32
        self._pending_sigs = None  # a temporary file of uint32 signatures
        self._pending_meta = None  # a temporary file of JSON lines
        self._pending = 0

    def __len__(self) -> int:
        return len(self.meta) + self._pending

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
                doc = replace(doc, sites=(site,))
            sh = copies.shingles(doc.text)
            if sh.size < copies.MIN_SHINGLES:
                continue
            yield Entry(doc.url, identity.own_domain(doc), item.name, sh)

    def extend(self, entries) -> int:
        """Append entries; returns how many were added."""
        import tempfile

        if self._pending_values is None:
            self._pending_values = tempfile.TemporaryFile()
            self._pending_sigs = tempfile.TemporaryFile()
            self._pending_meta = tempfile.TemporaryFile()
        added = 0
        batch: list[np.ndarray] = []
        for e in entries:
            sig = signature(e.shingles)
            batch.append(sig)
            self._pending_sigs.write(np.asarray(sig, dtype=np.uint32).tobytes())
            self._pending_sizes.append(int(e.shingles.size))
            self._pending_values.write(e.shingles.astype(np.uint32).tobytes())
            self._pending_meta.write(json.dumps({"url": e.url, "site": e.site, "id": e.id}, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n")
            added += 1
            if len(batch) == 4096:
                self._pending_keys.append(band_keys(np.array(batch), self.bands, self.rows))
                batch = []
        if batch:
            self._pending_keys.append(band_keys(np.array(batch), self.bands, self.rows))
        self._pending += added
        self._sorted = None
        return added

    def _all_keys(self) -> np.ndarray:
        return np.concatenate([np.asarray(self.keys), *self._pending_keys]) if self._pending_keys else np.asarray(self.keys)

    def _all_offsets(self) -> np.ndarray:
        if not self._pending_sizes:
            return np.asarray(self.offsets)
        base = int(self.offsets[-1])
        return np.concatenate([np.asarray(self.offsets), base + np.cumsum(np.asarray(self._pending_sizes, dtype=np.int64))])

    def _pending_bytes(self, fh) -> bytes:
        if fh is None:
            return b""
        fh.flush()
        fh.seek(0)
        data = fh.read()
        fh.seek(0, 2)
        return data

    def _materialise(self) -> None:
        """Fold the added documents into the arrays (for querying an index not yet saved)."""
        if not self._pending:
            return
        self.keys = self._all_keys()
        self.offsets = self._all_offsets()
        self.values = np.concatenate([np.asarray(self.values), np.frombuffer(self._pending_bytes(self._pending_values), dtype=np.uint32)])
        new_sigs = np.frombuffer(self._pending_bytes(self._pending_sigs), dtype=np.uint32).reshape(-1, copies.NUM_PERM)
        self.sigs = np.concatenate([np.asarray(self.sigs), new_sigs])
        lines = self._pending_bytes(self._pending_meta).decode("utf-8").splitlines()
        self.meta = [*self.meta, *(json.loads(line) for line in lines)]
        self._pending_keys, self._pending_sizes, self._pending = [], [], 0
        self._pending_values = self._pending_meta = self._pending_sigs = None
        self._sorted = self._stored_sorted = None

    # ---- lookup ------------------------------------------------------------
    def _tables(self, keys: np.ndarray | None = None):
        if self._sorted is None:
            if self._stored_sorted is not None and self._stored_sorted[0].shape[1] == len(self.meta):
                self._sorted = self._stored_sorted
            else:
                keys = np.asarray(self.keys if keys is None else keys)
                order = np.empty((self.bands, len(keys)), dtype=np.uint32)
                skeys = np.empty((self.bands, len(keys)), dtype=np.uint32)
                for b in range(self.bands):  # one band at a time keeps the sort's memory small
                    o = np.argsort(keys[:, b], kind="stable")
                    order[b] = o
                    skeys[b] = keys[o, b]
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
        self._materialise()
        sig = np.asarray(signature(sh), dtype=np.uint32)
        keys = band_keys(sig, self.bands, self.rows)[0]
        found = self.candidates(keys)
        if len(found) > 8:
            # estimated Jaccard from the signatures, vectorised; the exact check follows
            estimate = (np.asarray(self.sigs[np.sort(found)]) == sig).mean(axis=1)
            found = np.sort(found)[estimate >= MIN_ESTIMATE]
        out = []
        for d in found:
            d = int(d)
            stored = np.asarray(self.values[int(self.offsets[d]): int(self.offsets[d + 1])])
            j, c = copies.similarity(sh, stored)
            if copies.is_copy(j, c):
                out.append((self.meta[d], j, c))
        out.sort(key=lambda t: (-t[1], t[0].get("id") or ""))
        return out

    # ---- the file ----------------------------------------------------------
    def save(self, path: str) -> None:
        """Write the index (the loaded documents and the added ones) to ``path``, atomically."""
        keys = self._all_keys()
        self._sorted = None
        self._stored_sorted = None
        skeys, order = self._tables(keys)
        offsets = self._all_offsets()
        n = len(keys)
        # every {url, site, id} line ends with a newline, the last one too
        if isinstance(self.meta, _LazyMeta):
            meta_old = np.asarray(self.meta.blob).tobytes()
        else:
            meta_old = "".join(json.dumps(m, ensure_ascii=False, separators=(",", ":")) + "\n" for m in self.meta).encode("utf-8")
        meta_new = self._pending_bytes(self._pending_meta)
        meta_len = len(meta_old) + len(meta_new)
        values_new = self._pending_values
        new_values_bytes = sum(self._pending_sizes) * 4
        specs = {
            "keys": (keys.dtype.str, list(keys.shape)),
            "sorted_keys": (skeys.dtype.str, list(skeys.shape)),
            "sorted_docs": (order.dtype.str, list(order.shape)),
            "offsets": (np.dtype(np.int64).str, [n + 1]),
            "values": (np.dtype(np.uint32).str, [int(offsets[-1])]),
            "sigs": (np.dtype(np.uint32).str, [n, copies.NUM_PERM]),
            "meta": (np.dtype(np.uint8).str, [meta_len]),
        }
        header = {
            "documents": n,
            "bands": self.bands,
            "rows": self.rows,
            "num_perm": copies.NUM_PERM,
            "seed": copies.SEED,
            "shingle_words": copies.K,
            "minhash_scheme": _scheme(),
            "arrays": {},
        }
        pos = 0
        for name, (dtype, shape) in specs.items():
            pos = -(-pos // _ALIGN) * _ALIGN
            header["arrays"][name] = {"dtype": dtype, "shape": shape, "offset": pos}
            pos += int(np.prod(shape)) * np.dtype(dtype).itemsize
        head = json.dumps(header).encode("utf-8")
        start = -(-(len(MAGIC) + 8 + len(head)) // _ALIGN) * _ALIGN
        from .output import atomic_file

        def pad_to(fh, name):
            at = start + header["arrays"][name]["offset"]
            fh.write(b"\0" * (at - fh.tell()))

        with atomic_file(os.path.abspath(path), binary=True) as fh:
            fh.write(MAGIC + struct.pack("<Q", len(head)) + head)
            for name, array in (("keys", keys), ("sorted_keys", skeys), ("sorted_docs", order), ("offsets", offsets)):
                pad_to(fh, name)
                fh.write(np.ascontiguousarray(array).tobytes())
            pad_to(fh, "values")
            old = np.asarray(self.values)
            for i in range(0, len(old), 1 << 22):  # copy in chunks: a mapped file is not read whole
                fh.write(np.ascontiguousarray(old[i: i + (1 << 22)]).tobytes())
            if values_new is not None and new_values_bytes:
                values_new.flush()
                values_new.seek(0)
                while chunk := values_new.read(1 << 24):
                    fh.write(chunk)
                values_new.seek(0, 2)
            pad_to(fh, "sigs")
            old = np.asarray(self.sigs)
            for i in range(0, len(old), 1 << 16):
                fh.write(np.ascontiguousarray(old[i: i + (1 << 16)], dtype=np.uint32).tobytes())
            if self._pending_sigs is not None:
                self._pending_sigs.flush()
                self._pending_sigs.seek(0)
                while chunk := self._pending_sigs.read(1 << 24):
                    fh.write(chunk)
                self._pending_sigs.seek(0, 2)
            pad_to(fh, "meta")
            fh.write(meta_old)
            fh.write(meta_new)

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
        index = cls(header["bands"], header["rows"], arr("keys"), arr("offsets"), arr("values"), meta, arr("sigs"))
        index._stored_sorted = (arr("sorted_keys"), arr("sorted_docs"))
        return index
