"""Answer time without an LLM, on the committed index (or --index): every question of
tests/data/open_questions.jsonl asked once after a warm-up, and the second turn of every conversation of
tests/data/followups.jsonl with its first turn as history, each timed end to end (kb.ask).
With --library DIR (an index of all lawrefbook_env texts, as for benchmarks.answers_lay), the follow-ups
and the lay questions are timed again on that library: rewriting a follow-up reads the whole library.
The machine is shared: the load average at the start and the end is recorded with the figures.
Run: .venv/bin/python -m benchmarks.answer_speed [--index DIR] [--library DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

from .common import ROOT, save


def _rows(name: str) -> list[dict]:
    return [json.loads(x) for x in (ROOT / "tests" / "data" / name).read_text("utf-8").splitlines() if x.strip()]


def _timed(kb, asks: list[tuple[str, list[str]]]) -> dict[str, float]:
    """p50, p95 and max seconds of kb.ask over (question, history) pairs."""
    times = []
    for q, hist in asks:
        t0 = time.perf_counter()
        kb.ask(q, history=hist)
        times.append(time.perf_counter() - t0)
    times.sort()
    return {"questions": len(times), "p50_s": round(statistics.median(times), 3),
            "p95_s": round(times[int(0.95 * (len(times) - 1))], 3), "max_s": round(times[-1], 3),
            "share_within_1s": round(sum(1 for t in times if t <= 1.0) / len(times), 4)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", default=str(ROOT / "index"))
    ap.add_argument("--library", default="", help="index of a large library (all lawrefbook_env texts)")
    args = ap.parse_args()
    import shanxi_policy as sp

    kb = sp.load_index(args.index)
    rows = [json.loads(x) for x in (ROOT / "tests" / "data" / "open_questions.jsonl").read_text("utf-8").splitlines()
            if x.strip()]
    load0 = os.getloadavg()[0]
    kb.ask("对燃煤锅炉有什么要求？")  # loads the embedder and the segmenter
    times, kinds = [], {}
    for r in rows:
        t0 = time.perf_counter()
        ans = kb.ask(r["question"])
        dt = time.perf_counter() - t0
        times.append(dt)
        kinds.setdefault(ans.type, []).append(dt)
    times.sort()
    res = {
        "index": os.path.relpath(args.index, ROOT) if args.index.startswith(str(ROOT)) else "custom",
        "clauses": sum(len(d.clauses) for d in kb.documents),
        "questions": len(times),
        "p50_s": round(statistics.median(times), 3),
        "p95_s": round(times[int(0.95 * (len(times) - 1))], 3),
        "max_s": round(times[-1], 3),
        "share_within_1s": round(sum(1 for t in times if t <= 1.0) / len(times), 4),
        "p50_by_type_s": {k: round(statistics.median(v), 3) for k, v in sorted(kinds.items())},
        "followups": _timed(kb, [(r["turns"][-1], r["turns"][:-1]) for r in _rows("followups.jsonl")]),
        "load_average_start_end": [round(load0, 2), round(os.getloadavg()[0], 2)],
    }
    if args.library:
        big = sp.load_index(args.library)
        big.ask("对燃煤锅炉有什么要求？")
        res["library"] = {
            "clauses": sum(len(d.clauses) for d in big.documents), "documents": len(big.documents),
            "followups": _timed(big, [(r["turns"][-1], r["turns"][:-1]) for r in _rows("followups.jsonl")]),
            "lay_questions": _timed(big, [(r["question"], []) for r in _rows("lay_questions.jsonl")]),
        }
    print(json.dumps(res, ensure_ascii=False, indent=2))
    save("answer_speed", res)


if __name__ == "__main__":
    main()
