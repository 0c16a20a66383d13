"""Score fusion of sparse and dense rankings."""

from __future__ import annotations

import numpy as np


def rrf(rankings: list[np.ndarray], weights: list[float], k: float = 60.0) -> dict[int, float]:
    """Weighted reciprocal rank fusion: sum_i w_i / (k + rank_i)."""
    fused: dict[int, float] = {}
    for ids, w in zip(rankings, weights, strict=True):
        for rank, uid in enumerate(ids.tolist()):
            fused[uid] = fused.get(uid, 0.0) + w / (k + rank + 1)
    return fused


def minmax(scores: np.ndarray) -> np.ndarray:
    if scores.size == 0:
        return scores
    lo, hi = float(scores.min()), float(scores.max())
    if hi > lo:
        return (scores - lo) / (hi - lo)
    # every score equal: all are the best when they match at all (a library of one rule still finds it)
    return np.ones_like(scores) if hi > 0 else np.zeros_like(scores)


def convex(
    sparse_ids: np.ndarray, sparse_scores: np.ndarray, dense_ids: np.ndarray, dense_scores: np.ndarray,
    alpha: float,
) -> dict[int, float]:
    """alpha * dense + (1 - alpha) * sparse, each min-max normalized over its own candidates."""
    fused: dict[int, float] = {}
    for uid, s in zip(sparse_ids.tolist(), minmax(sparse_scores).tolist(), strict=True):
        fused[uid] = fused.get(uid, 0.0) + (1 - alpha) * s
    for uid, s in zip(dense_ids.tolist(), minmax(dense_scores).tolist(), strict=True):
        fused[uid] = fused.get(uid, 0.0) + alpha * s
    return fused
