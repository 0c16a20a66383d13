"""Lay questions through both answerers on an index of all 191 lawrefbook_env texts (the library the
questions are about), and the project gold set through both answerers on the product index, in one run.

Writes benchmarks/results/answers_eval_lay.json (rendered by benchmarks/report.py).
Run: .venv/bin/python -m benchmarks.answers_lay --lay-index DIR [--index DIR]
(DIR: `shanxi-policy index ../shared/datasets/lawrefbook_env/*.md --index DIR`; copying index/ there first
reuses its vectors.)
"""

from __future__ import annotations

import argparse
import time

from .common import ROOT, save


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", default=str(ROOT / "index"))
    ap.add_argument("--lay-index", required=True)
    args = ap.parse_args()
    import shanxi_policy as sp
    from shanxi_policy.answer.evaluate import _gold, askers, run

    t0 = time.perf_counter()
    lay_kb = sp.load_index(args.lay_index)
    res = run(lay_kb, None, None, ROOT / "tests/data/lay_questions.jsonl")
    kb = sp.load_index(args.index)
    gold = {name: _gold(kb, ROOT / "tests/data/gold_corpus_qa.jsonl", ask) for name, ask in askers(kb).items()}
    save("answers_eval_lay", {
        "command": "python -m benchmarks.answers_lay --lay-index <index of all 191 lawrefbook_env texts>",
        "note": ("lay questions on an index of all 191 lawrefbook_env texts (9,284 clauses); the gold set on the "
                 "product index (24 documents)"),
        "lay": {name: r.get("lay", {}) for name, r in res.items()},
        "gold": gold, "seconds": round(time.perf_counter() - t0, 1)})


if __name__ == "__main__":
    main()
