"""FAISS inner-product search over L2-normalized embeddings (cosine similarity)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

# Exact search is fast enough below this many vectors (see BENCHMARKS.md); HNSW above.
EXACT_MAX = 200_000


class DenseIndex:
    def __init__(self, index) -> None:
        self._ix = index

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
        return type(self._ix).__name__

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._ix, str(path))

    @classmethod
    def load(cls, path: Path, mmap: bool = False) -> DenseIndex:
        import faiss

        flags = faiss.IO_FLAG_MMAP if mmap else 0
        return cls(faiss.read_index(str(path), flags))

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores, unit ids) of the k nearest units."""
        k = min(k, self._ix.ntotal)
        if k <= 0:
            return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
        scores, ids = self._ix.search(np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32), k)
        keep = ids[0] >= 0
        return scores[0][keep], ids[0][keep]
