"""BM25 over jieba tokens (bm25s), saved as plain npy/json files."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import numpy as np

logging.getLogger("bm25s").setLevel(logging.ERROR)


class SparseIndex:
    """Queries need only the vocabulary and the CSC score matrix; the bm25s model is kept for
    building and saving, and loading reads the saved arrays directly (importing bm25s, with scipy
    and tqdm, costs about a second of start-up)."""

    def __init__(self, vocab: dict[str, int], data: np.ndarray, indices: np.ndarray, indptr: np.ndarray,
                 num_docs: int, model: Any = None, path: Path | None = None) -> None:
        self._vocab = vocab
        self._data = data
        self._indices = indices
        self._indptr = indptr
        self._n = int(num_docs)
        self._model = model
        self._path = path

    @property
    def _m(self) -> Any:
        """The bm25s model (loaded on first use; queries do not need it)."""
        if self._model is None:
            import bm25s

            self._model = bm25s.BM25.load(str(self._path), show_progress=False, verbosity=0)
        return self._model

    @classmethod
    def build(cls, token_lists: list[list[str]]) -> SparseIndex:
        import bm25s

        m = bm25s.BM25(k1=1.2, b=0.75)  # k1 chosen on ncp_policy_qa (BENCHMARKS.md)
        # An empty unit would break bm25s; a placeholder token keeps unit positions aligned.
        m.index([t or ["\u3000"] for t in token_lists], show_progress=False)
        sc = m.scores
        return cls(m.vocab_dict, sc["data"], sc["indices"], sc["indptr"], sc["num_docs"], model=m)

    def save(self, path: Path) -> None:
        self._m.save(str(path), show_progress=False)

    @classmethod
    def load(cls, path: Path, mmap: bool = False) -> SparseIndex:
        path = Path(path)
        params = json.loads((path / "params.index.json").read_text(encoding="utf-8"))
        vocab = json.loads((path / "vocab.index.json").read_text(encoding="utf-8"))
        data, indices, indptr = (np.load(path / f"{k}.csc.index.npy", mmap_mode="r" if mmap else None, allow_pickle=False)
                                 for k in ("data", "indices", "indptr"))
        return cls(vocab, data, indices, indptr, num_docs=params["num_docs"], path=path)

    def scores(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every unit; unknown tokens are ignored, repeated tokens count again.

        The postings of the query's terms are summed with one bincount: O(postings + units),
        several times faster than summing columns one by one at 100k units and more.
        """
        ids = [self._vocab[t] for t in tokens if t in self._vocab]
        if not ids:
            return np.zeros(self._n, dtype=np.float32)
        parts_i = [self._indices[self._indptr[i] : self._indptr[i + 1]] for i in ids]
        parts_w = [self._data[self._indptr[i] : self._indptr[i + 1]] for i in ids]
        return np.bincount(np.concatenate(parts_i), weights=np.concatenate(parts_w), minlength=self._n).astype(np.float32)

    def ceiling(self, tokens: list[str]) -> float:
        """The score a unit would reach with every token's best weight: the scale of a query's scores."""
        total = 0.0
        for t in tokens:
            i = self._vocab.get(t)
            if i is not None and self._indptr[i + 1] > self._indptr[i]:
                total += float(self._data[self._indptr[i] : self._indptr[i + 1]].max())
        return total

    def known(self, tokens: list[str]) -> int:
        """How many of the tokens the indexed units use at all."""
        return sum(1 for t in tokens if t in self._vocab)

    def size(self) -> int:
        return self._n
