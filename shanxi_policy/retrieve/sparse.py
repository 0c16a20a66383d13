"""BM25 over jieba tokens (bm25s), saved as plain npy/json files."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

logging.getLogger("bm25s").setLevel(logging.ERROR)


class SparseIndex:
    def __init__(self, model) -> None:
        self._m = model
        self._vocab = set(model.vocab_dict)

    @classmethod
    def build(cls, token_lists: list[list[str]]) -> SparseIndex:
        import bm25s

        m = bm25s.BM25(k1=1.2, b=0.75)  # k1 chosen on ncp_policy_qa (BENCHMARKS.md)
        # An empty unit would break bm25s; a placeholder token keeps unit positions aligned.
        m.index([t or ["\u3000"] for t in token_lists], show_progress=False)
        return cls(m)

    def save(self, path: Path) -> None:
        self._m.save(str(path), show_progress=False)

    @classmethod
    def load(cls, path: Path, mmap: bool = False) -> SparseIndex:
        import bm25s

        return cls(bm25s.BM25.load(str(path), mmap=mmap, show_progress=False, verbosity=0))

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every unit; unknown tokens are ignored."""
        known = [t for t in tokens if t in self._vocab]
        if not known:
            return np.zeros(self.size(), dtype=np.float32)
        return np.asarray(self._m.get_scores(known), dtype=np.float32)

    def size(self) -> int:
        return int(self._m.scores["num_docs"])
