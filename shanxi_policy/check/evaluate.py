"""Evaluation of the compliance check on labelled proposal cases (JSONL):

    {"id": "c01", "text": "项目材料…", "verdict": "conflict", "clauses": ["c8", "c5"]}

`clauses` are local clause ids (or full ids) that the report must cite among its top five findings.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import PolicyError

if TYPE_CHECKING:
    from ..kb import KnowledgeBase


def read_cases(path: Path) -> list[dict[str, Any]]:
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                cases.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise PolicyError(f"案例文件第 {n} 行不是有效的 JSON") from exc
    return cases


def evaluate_cases(kb: KnowledgeBase, cases: list[dict[str, Any]]) -> dict[str, Any]:
    correct = 0
    recalls: list[float] = []
    times: list[float] = []
    failures = []
    for c in cases:
        t0 = time.perf_counter()
        rep = kb.check(c["text"])
        times.append(time.perf_counter() - t0)
        top5 = {f.hit.clause_id for f in rep.findings[:5]} | {f.hit.local_id for f in rep.findings[:5]}
        expected = c.get("clauses", [])
        if expected:
            got = sum(1 for x in expected if x in top5)
            recalls.append(got / len(expected))
        ok = rep.verdict == c["verdict"]
        correct += ok
        if not ok or (expected and recalls[-1] < 1):
            failures.append({"id": c["id"], "expected": c["verdict"], "got": rep.verdict,
                             "missing": [x for x in expected if x not in top5]})
    return {
        "cases": len(cases),
        "verdict_accuracy": round(correct / len(cases), 4) if cases else 0.0,
        "clause_recall_at_5": round(sum(recalls) / len(recalls), 4) if recalls else None,
        "check_seconds_p50": round(statistics.median(times), 2) if times else 0.0,
        "failures": failures,
    }


def format_check_report(res: dict[str, Any]) -> str:
    lines = [f"案例数 {res['cases']}，总体结论准确率 {res['verdict_accuracy']:.3f}，"
             f"应引条款召回率@5 {res['clause_recall_at_5']}，单次审查中位耗时 {res['check_seconds_p50']} 秒"]
    lines += [f"- {json.dumps(f, ensure_ascii=False)}" for f in res["failures"]]
    return "\n".join(lines)
