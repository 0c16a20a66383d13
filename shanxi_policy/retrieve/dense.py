"""FAISS inner-product search over L2-normalized embeddings (cosine similarity)."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import numpy as np

# Exact search is fast enough below this many vectors (see BENCHMARKS.md); HNSW above.
EXACT_MAX = 200_000


# faiss's file layout of an IndexFlatIP: fourcc, d, ntotal, two unused int64, is_trained, metric
# type, number of floats; then the float32 vectors themselves.
_FLAT_HEADER = struct.Struct("<4siqqqbiQ")


def _read_flat_ip(path: Path, mmap: bool) -> np.ndarray | None:
    """The vectors of an exact inner-product index read straight from the file: loading then needs
    no faiss import (about 0.4 s of start-up). Anything unexpected returns None, and faiss reads it."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(_FLAT_HEADER.size)
    except OSError:
        return None
    if len(head) < _FLAT_HEADER.size:
        return None
    magic, d, ntotal, _, _, _, metric, n = _FLAT_HEADER.unpack(head)
    if magic != b"IxFI" or metric != 0 or d <= 0 or ntotal < 0 or n != d * ntotal:
        return None
    if size != _FLAT_HEADER.size + 4 * n:
        return None
    if mmap:
        return np.memmap(path, dtype=np.float32, mode="r", offset=_FLAT_HEADER.size, shape=(ntotal, d))
    return np.fromfile(path, dtype=np.float32, count=n, offset=_FLAT_HEADER.size).reshape(ntotal, d)


class DenseIndex:
    """A FAISS index; a loaded exact index is searched with numpy over its vectors (the same inner
    products), and faiss is imported only when the faiss object itself is needed."""

    def __init__(self, index: Any = None, vectors: np.ndarray | None = None, path: Path | None = None) -> None:
        self._index = index
        self._vectors = vectors
        self._path = path

    @property
    def _ix(self) -> Any:
        if self._index is None:
            import faiss

            self._index = faiss.read_index(str(self._path))
        return self._index

    def size(self) -> int:
        return len(self._vectors) if self._vectors is not None else int(self._ix.ntotal)

    @classmethod
    def build(cls, vectors: np.ndarray, exact_max: int = EXACT_MAX) -> DenseIndex:
        import faiss

        v = np.ascontiguousarray(vectors, dtype=np.float32)
        dim = v.shape[1]
        ix: Any
        if len(v) <= exact_max:
            ix = faiss.IndexFlatIP(dim)
        else:
            ix = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
            ix.hnsw.efConstruction = 80
            ix.hnsw.efSearch = 128  # recall@10 vs exact 0.97 at 1M units, 0.3 ms (BENCHMARKS.md)
        ix.add(v)
        return cls(ix)

    @property
    def kind(self) -> str:
        return "IndexFlatIP" if self._index is None and self._vectors is not None else type(self._ix).__name__

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._ix, str(path))

    @classmethod
    def load(cls, path: Path, mmap: bool = False) -> DenseIndex:
        vectors = _read_flat_ip(Path(path), mmap)
        if vectors is not None:
            return cls(vectors=vectors, path=path)
        import faiss

        flags = faiss.IO_FLAG_MMAP if mmap else 0
        return cls(faiss.read_index(str(path), flags), path=path)

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores, unit ids) of the k nearest units."""
        k = min(k, self.size())
        if k <= 0:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        if self._index is None and self._vectors is not None:
            sims = self._vectors @ np.asarray(query, dtype=np.float32).reshape(-1)
            top = np.argpartition(-sims, k - 1)[:k] if k < len(sims) else np.arange(len(sims))
            top = top[np.argsort(-sims[top], kind="stable")]
            return sims[top].astype(np.float32), top.astype(np.int64)
        scores, ids = self._ix.search(np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32), k)
        keep = ids[0] >= 0
        return scores[0][keep], ids[0][keep]
