"""Evaluation of answers (issue 10): open questions, follow-ups, lay questions, each split dev / test,
with the previous single-sentence answerer as the baseline in the same run.

Row formats (JSONL, one per line):
  open questions  {"id", "split", "question", "key_points": [...], "clause_ids"?: [...]}
  follow-ups      {"id", "split", "turns": [q1, q2], "resolved", "expect_terms": [...], "clause_ids": [...]}
  lay questions   {"id", "split", "question", "law": "<lawrefbook file name>", "article": "第X条",
                   "answerable": true|false}
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import PolicyError
from ..models import Answer
from ..text.markers import cn_to_int
from ..text.normalize import normalize_for_search

if TYPE_CHECKING:
    from ..kb import KnowledgeBase
    from ..models import Hit

Asker = Callable[[str, list[str]], Answer]


def read_rows(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise PolicyError(f"{path.name} 第 {n} 行不是合法的 JSON：{exc}") from exc
    return rows


def _flat(s: str) -> str:
    return re.sub(r"\s", "", normalize_for_search(s))


def answer_text(ans: Answer) -> str:
    """Everything the user reads: the text, the list items and the table cells."""
    return ans.shown_text()


def askers(kb: KnowledgeBase) -> dict[str, Asker]:
    """The answerers compared: the new typed answer with follow-ups, and the old single sentence."""
    from .extract import answer_question

    return {
        "新答案": lambda q, hist: kb.ask(q, history=hist),
        "旧答案（单句）": lambda q, hist: answer_question(kb, q, legacy=True),
    }


def _by_split(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(str(r.get("split", "all")), []).append(r)
    return dict(sorted(out.items()))


def eval_open(rows: list[dict[str, Any]], ask: Asker) -> dict[str, Any]:
    full, shares, lengths, times, misses = 0, [], [], [], []
    for r in rows:
        t0 = time.perf_counter()
        ans = ask(r["question"], [])
        times.append(time.perf_counter() - t0)
        text = _flat(answer_text(ans)) if ans.found else ""
        kps = r["key_points"]
        got = [k for k in kps if _flat(k) in text]
        shares.append(len(got) / len(kps))
        full += len(got) == len(kps)
        lengths.append(len(ans.text) if ans.found else 0)
        if len(got) < len(kps):
            misses.append({"id": r["id"], "missing": [k for k in kps if k not in got], "type": ans.type})
    n = len(rows)
    return {"questions": n, "all_key_points": round(full / n, 4) if n else 0.0,
            "key_point_share": round(statistics.mean(shares), 4) if n else 0.0,
            "answer_chars_median": statistics.median(lengths) if n else 0,
            "answer_chars_mean": round(statistics.mean(lengths), 1) if n else 0.0,
            "seconds_p50": round(statistics.median(times), 3) if n else 0.0,
            "seconds_max": round(max(times), 3) if n else 0.0, "misses": misses}


def eval_followups(rows: list[dict[str, Any]], ask: Asker) -> dict[str, Any]:
    ok, clause_ok, misses = 0, 0, []
    for r in rows:
        q1, q2 = r["turns"][0], r["turns"][-1]
        ans = ask(q2, [q1])
        text = _flat(answer_text(ans)) if ans.found else ""
        terms_ok = all(_flat(t) in text for t in r["expect_terms"])
        cited = [h.clause_id for h in ans.citations[:3]]
        c_ok = any(c in r.get("clause_ids", []) for c in cited)
        ok += terms_ok
        clause_ok += c_ok
        if not terms_ok:
            misses.append({"id": r["id"], "resolved": ans.resolved_question or q2, "answer": ans.text[:60]})
    n = len(rows)
    return {"conversations": n, "resolved": round(ok / n, 4) if n else 0.0,
            "clause_in_top3": round(clause_ok / n, 4) if n else 0.0, "misses": misses}


def law_name(file_name: str) -> str:
    """"行政法__水污染防治法(2017-06-27).md" → "水污染防治法"."""
    base = file_name.rsplit("__", 1)[-1]
    base = re.sub(r"\.md$", "", base)
    return re.sub(r"[（(][^()（）]*[)）]$", "", base).strip()


def article_hit(row: dict[str, Any], hit: Hit, source: str = "") -> bool:
    """The hit is the row's article: same law file (or, for a corpus copy named otherwise, same title)
    and same article number."""
    law = str(row["law"])
    if source and "__" in source:
        if source != law:
            return False
    else:
        name = law_name(law)
        if name not in (hit.doc_title, re.sub(r"^中华人民共和国", "", hit.doc_title)):
            return False
    m = re.match(r"第(.+)条", str(row["article"]))
    want = cn_to_int(m.group(1)) if m else None
    got = re.match(r"第(.+?)条", hit.text)
    return want is not None and got is not None and cn_to_int(got.group(1)) == want


def eval_lay(rows: list[dict[str, Any]], ask: Asker, source_of: Callable[[str], str] = lambda _d: "",
             ) -> dict[str, Any]:
    """Article R@1/R@5 strictly (the labelled article) and leniently (or an equivalent in "also");
    false refusals among answerable questions, false answers among unanswerable ones."""
    ranks, lenient, false_refusal, answerable, false_answer, unanswerable = [], 0, 0, 0, 0, 0
    silent_answer, cautioned_in = 0, 0
    misses = []
    for r in rows:
        ans = ask(r["question"], [])
        if r.get("answerable", True):
            answerable += 1
            top = ans.citations[:5]
            rank = next((i for i, h in enumerate(top) if article_hit(r, h, source_of(h.doc_id))), None)
            ranks.append(rank)
            alts = [r, *r.get("also", [])]
            lenient += any(article_hit(a, h, source_of(h.doc_id)) for a in alts for h in top)
            false_refusal += not ans.found
            cautioned_in += cautioned(ans)
            if rank is None:
                misses.append({"id": r["id"], "question": r["question"], "want": f"{law_name(r['law'])}{r['article']}",
                               "top": [f"{h.doc_title[-10:]}{h.text[:7]}" for h in top[:3]], "found": ans.found})
        else:
            unanswerable += 1
            false_answer += ans.found
            silent_answer += ans.found and not cautioned(ans)
    n = len(ranks)
    return {"questions": len(rows), "answerable": answerable,
            "article_r1": round(sum(1 for x in ranks if x == 0) / n, 4) if n else 0.0,
            "article_r5": round(sum(1 for x in ranks if x is not None) / n, 4) if n else 0.0,
            "article_r5_lenient": round(lenient / n, 4) if n else 0.0,
            "false_refusal": round(false_refusal / answerable, 4) if answerable else None,
            "false_answer": round(false_answer / unanswerable, 4) if unanswerable else None,
            # Answers to unanswerable questions shown without a caveat; answerable ones shown with one.
            "false_answer_uncautioned": round(silent_answer / unanswerable, 4) if unanswerable else None,
            "cautioned_answerable": round(cautioned_in / answerable, 4) if answerable else None,
            "misses": misses}


def run(kb: KnowledgeBase, open_q: Path | None, followups: Path | None, lay: Path | None,
        gold: Path | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}

    def source_of(doc_id: str) -> str:
        d = kb.document(doc_id)
        return d.source if d is not None else ""

    for name, ask in askers(kb).items():
        res: dict[str, Any] = {}
        for key, path, fn in (("open", open_q, eval_open), ("followups", followups, eval_followups)):
            if path is None or not path.exists():
                continue
            res[key] = {split: fn(rows, ask) for split, rows in _by_split(read_rows(path)).items()}
        if lay is not None and lay.exists():
            res["lay"] = {split: eval_lay(rows, ask, source_of)
                          for split, rows in _by_split(read_rows(lay)).items()}
        if gold is not None and gold.exists():
            res["gold"] = _gold(kb, gold, ask)
        out[name] = res
    return out


def _gold(kb: KnowledgeBase, gold: Path, ask: Asker) -> dict[str, Any]:
    """The existing gold set through this answerer: answer accuracy and refusals (retrieval is shared)."""
    from ..evaluate import _norm, read_gold

    items = read_gold(gold)
    ok, n_ans, refused_in, refused_oos, n_oos, caution_in, caution_oos = 0, 0, 0, 0, 0, 0, 0
    for it in items:
        ans = ask(it.question, [])
        if it.in_scope:
            refused_in += not ans.found
            caution_in += cautioned(ans)
            if it.answer:
                n_ans += 1
                ok += ans.found and _norm(it.answer) in _norm(answer_text(ans))
        else:
            n_oos += 1
            refused_oos += not ans.found
            caution_oos += cautioned(ans)
    return {"questions": len(items), "answer_accuracy": round(ok / n_ans, 4) if n_ans else None,
            "refusal_accuracy": round(refused_oos / n_oos, 4) if n_oos else None, "in_scope_refused": refused_in,
            # Out-of-scope questions refused or answered with a caveat naming what the documents lack.
            "refused_or_cautioned": round((refused_oos + caution_oos) / n_oos, 4) if n_oos else None,
            "in_scope_cautioned": caution_in}


def cautioned(ans: Answer) -> bool:
    """Answered, but with a note that the documents lack a word or object of the question."""
    from .typed import CAUTIONS

    return bool(ans.found and ans.note and ans.note.startswith(CAUTIONS))


def format_results(res: dict[str, Any]) -> str:
    lines = []

    def pct(x: float | None) -> str:
        return "—" if x is None else f"{x * 100:.1f}%"

    for name, r in res.items():
        lines.append(f"## {name}")
        for split, o in r.get("open", {}).items():
            lines.append(f"- 开放式问题 [{split}] {o['questions']} 题：要点全部覆盖 {pct(o['all_key_points'])}，"
                         f"要点覆盖率 {pct(o['key_point_share'])}，答案长度中位数 {o['answer_chars_median']} 字，"
                         f"用时中位数 {o['seconds_p50']:.3f} 秒")
        for split, f in r.get("followups", {}).items():
            lines.append(f"- 追问 [{split}] {f['conversations']} 组：正确解析 {pct(f['resolved'])}，"
                         f"应引条款在前三 {pct(f['clause_in_top3'])}")
        for split, la in r.get("lay", {}).items():
            lines.append(f"- 通俗问法 [{split}] {la['questions']} 题：条文 R@1 {pct(la['article_r1'])}，"
                         f"R@5 {pct(la['article_r5'])}（含等同条文 {pct(la['article_r5_lenient'])}），"
                         f"误拒 {pct(la['false_refusal'])}，"
                         f"误答 {pct(la['false_answer'])}（无提示的误答 {pct(la.get('false_answer_uncautioned'))}）")
        g = r.get("gold")
        if g:
            lines.append(f"- 原有标注集 {g['questions']} 题：答案准确率 {pct(g['answer_accuracy'])}，"
                         f"拒答准确率 {pct(g['refusal_accuracy'])}（拒答或提示 {pct(g.get('refused_or_cautioned'))}），"
                         f"误拒 {g['in_scope_refused']} 题，误提示 {g.get('in_scope_cautioned')} 题")
    return "\n".join(lines)
