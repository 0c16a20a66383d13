"""Alignment quality of 修订对照 on hand-labelled article pairs (tests/data/compare_labels.jsonl).

Each label says whether an old article and a new article are the same provision. dev: the noise
law (环境噪声污染防治法 2018 → 噪声污染防治法 2021, a rewrite), used to choose the threshold;
test: 海洋环境保护法 2017 → 2023. A labelled pair that is the same provision and is aligned is a
true positive, not aligned a false negative; a pair that is not the same provision but is aligned
is a false positive. Labels were written by looking at the aligner's candidate pairs (and, for
test, at the best candidates of every deleted article), so they favour pairs it proposes; a
baseline that aligns by article number runs on the same labels.
Run: .venv/bin/python -m benchmarks.compare_eval
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from .common import ROOT, dataset, save

LABELS = ROOT / "tests" / "data" / "compare_labels.jsonl"


def _pairs_by_number(cmp: Any) -> set[tuple[int, int]]:
    return {(c.old.number, c.new.number) for c in cmp.changes if c.old and c.new}


def score(rows: list[dict[str, Any]], aligned: Callable[[str, str], set[tuple[int, int]]]) -> dict[str, Any]:
    tp = fp = fn = tn = 0
    for r in rows:
        hit = (r["old_article"], r["new_article"]) in aligned(r["old"], r["new"])
        if r["same_provision"]:
            tp, fn = tp + hit, fn + (not hit)
        else:
            fp, tn = fp + hit, tn + (not hit)
    return {"labels": len(rows), "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": round(tp / max(tp + fp, 1), 3), "recall": round(tp / max(tp + fn, 1), 3)}


def main() -> None:
    import shanxi_policy as sp
    from shanxi_policy.compare.align import MATCH_THRESHOLD, compare_documents

    laws = dataset("lawrefbook_env")
    rows = [json.loads(x) for x in LABELS.read_text(encoding="utf-8").splitlines() if x.strip()]
    docs: dict[str, Any] = {}

    def doc(name: str) -> Any:
        if name not in docs:
            docs[name] = sp.ingest_file(Path(laws) / name)
        return docs[name]

    def ours(threshold: float) -> Callable[[str, str], set[tuple[int, int]]]:
        cache: dict[tuple[str, str], set[tuple[int, int]]] = {}

        def f(a: str, b: str) -> set[tuple[int, int]]:
            if (a, b) not in cache:
                cache[(a, b)] = _pairs_by_number(compare_documents(doc(a), doc(b), threshold))
            return cache[(a, b)]
        return f

    def by_number(a: str, b: str) -> set[tuple[int, int]]:
        nums = {c.number for c in doc(b).clauses}
        return {(c.number, c.number) for c in doc(a).clauses if c.number is not None and c.number in nums}

    res: dict[str, Any] = {"threshold": MATCH_THRESHOLD}
    for split in ("dev", "test"):
        part = [r for r in rows if r["split"] == split]
        res[split] = {"ours": score(part, ours(MATCH_THRESHOLD)), "same_article_number": score(part, by_number)}
    dev = [r for r in rows if r["split"] == "dev"]
    res["dev_threshold_sweep"] = {f"{t:.2f}": score(dev, ours(float(t))) for t in np.arange(0.10, 0.41, 0.03)}
    p = save("compare_eval", res)
    print(json.dumps(res, ensure_ascii=False, indent=2))
    print(f"written {p}")


if __name__ == "__main__":
    main()
