"""Evaluation on a gold file (JSONL), one question per line:

    {"id": "q01", "question": "...", "gold": ["a substring of the right clause", ...],
     "gold_doc": "doc_id (alternative to gold)", "answer": "span the answer must contain",
     "in_scope": true}

Out-of-scope questions have "in_scope": false and must be refused.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import PolicyError
from .text.normalize import normalize_for_search

if TYPE_CHECKING:
    from .kb import KnowledgeBase
    from .models import Hit


@dataclass
class GoldItem:
    id: str
    question: str
    gold: list[str] = field(default_factory=list)
    gold_doc: str = ""
    answer: str = ""
    in_scope: bool = True
    kind: str = ""


@dataclass
class EvalReport:
    mode: str
    questions: int
    in_scope: int
    recall_at_1: float
    recall_at_5: float
    recall_at_10: float
    mrr: float
    answer_accuracy: float | None
    refusal_accuracy: float | None
    in_scope_refused: int | None
    latency_p50_ms: float
    failures: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _norm(s: str) -> str:
    return re.sub(r"[\s，。、；：,.;:“”\"']", "", normalize_for_search(s))


def read_gold(path: Path) -> list[GoldItem]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(GoldItem(**json.loads(line)))
        except (json.JSONDecodeError, TypeError) as exc:
            raise PolicyError(f"标注文件第 {n} 行格式不正确：{exc}") from exc
    if not items:
        raise PolicyError("标注文件中没有问题")
    return items


def is_relevant(item: GoldItem, hit: Hit) -> bool:
    if item.gold_doc and hit.doc_id == item.gold_doc:
        return True
    text = _norm(hit.text)
    return any(_norm(g) in text for g in item.gold)


def evaluate(kb: KnowledgeBase, items: list[GoldItem], mode: str = "hybrid", with_answers: bool | None = None,
             ) -> EvalReport:
    with_answers = mode == "hybrid" if with_answers is None else with_answers
    ranks: list[int | None] = []
    answers_ok: list[bool] = []
    refused_oos: list[bool] = []
    refused_in = 0
    latencies: list[float] = []
    failures: list[dict[str, Any]] = []
    for it in items:
        t0 = time.perf_counter()
        hits = kb.search(it.question, k=10, mode=mode)
        latencies.append((time.perf_counter() - t0) * 1000)
        if it.in_scope:
            rank = next((i for i, h in enumerate(hits) if is_relevant(it, h)), None)
            ranks.append(rank)
            if rank is None or rank >= 5:
                failures.append({"id": it.id, "question": it.question, "rank": rank,
                                 "top": [h.local_id for h in hits[:3]]})
        if not with_answers:
            continue
        ans = kb.ask(it.question)
        if it.in_scope:
            refused_in += 0 if ans.found else 1
            if it.answer:
                ok = ans.found and _norm(it.answer) in _norm(ans.text)
                answers_ok.append(ok)
                if not ok:
                    failures.append({"id": it.id, "question": it.question, "answer": ans.text[:80],
                                     "found": ans.found})
        else:
            refused_oos.append(not ans.found)
            if ans.found:
                failures.append({"id": it.id, "question": it.question, "wrongly_answered": ans.text[:80]})
    n_in = len(ranks)

    def recall(k: int) -> float:
        return sum(1 for r in ranks if r is not None and r < k) / n_in if n_in else 0.0

    return EvalReport(
        mode=mode,
        questions=len(items),
        in_scope=n_in,
        recall_at_1=round(recall(1), 4),
        recall_at_5=round(recall(5), 4),
        recall_at_10=round(recall(10), 4),
        mrr=round(sum(1 / (r + 1) for r in ranks if r is not None) / n_in, 4) if n_in else 0.0,
        answer_accuracy=round(sum(answers_ok) / len(answers_ok), 4) if answers_ok else None,
        refusal_accuracy=round(sum(refused_oos) / len(refused_oos), 4) if refused_oos else None,
        in_scope_refused=refused_in if with_answers else None,
        latency_p50_ms=round(statistics.median(latencies), 1) if latencies else 0.0,
        failures=failures,
    )


def format_report(reports: list[EvalReport]) -> str:
    def f(x: float | int | None) -> str:
        return "—" if x is None else (f"{x:.3f}" if isinstance(x, float) else str(x))

    lines = ["| 检索方式 | 问题数 | R@1 | R@5 | R@10 | MRR | 答案准确率 | 拒答准确率 | 误拒数 | 检索 p50 (ms) |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in reports:
        lines.append(f"| {r.mode} | {r.questions} | {f(r.recall_at_1)} | {f(r.recall_at_5)} | {f(r.recall_at_10)} | "
                     f"{f(r.mrr)} | {f(r.answer_accuracy)} | {f(r.refusal_accuracy)} | {f(r.in_scope_refused)} | "
                     f"{r.latency_p50_ms:.1f} |")
    for r in reports:
        for fl in r.failures[:30]:
            lines.append(f"- [{r.mode}] {json.dumps(fl, ensure_ascii=False)}")
    return "\n".join(lines)


def calibrate(kb: KnowledgeBase, items: list[GoldItem], out: Path | None = None) -> Any:
    """Fit the answer/refuse thresholds on labelled questions and store them in out, by default the
    index directory (answers on that index use them); the calibration shipped with the package is
    left untouched."""
    from .answer.calibration import cross_validate, fit, save_calibration
    from .answer.extract import decision_features
    from .answer.lexicon import expand

    rows = []
    for it in items:
        hits, best_dense = kb.search_with_signal(expand(it.question), k=5, embed=it.question.strip())
        if hits and hits[0].source == "lookup":
            continue  # structural lookups are answered without the thresholds
        rows.append((decision_features(kb, it.question, hits, best_dense), it.in_scope))
    cal = fit(rows, kb.embedder.model_id)
    cal.cv_balanced_accuracy = cross_validate(rows, kb.embedder.model_id)
    cal.fitted_on = f"{len(rows)} questions ({sum(1 for _, y in rows if not y)} out of scope)"
    from .answer.calibration import USER_FILE

    save_calibration(cal, out if out is not None else kb.index_dir / USER_FILE)
    return cal
