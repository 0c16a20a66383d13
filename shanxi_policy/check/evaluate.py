"""Evaluation of the compliance check on labelled proposal cases (JSONL), one row per proposal:

    {"id": "L03", "split": "dev|test", "proposal": "…", "verdict": "conflict",
     "articles": ["水污染防治法:a64"], "law": "水污染防治法", "tags": ["indirect"]}

(older rows use "text" and "clauses"; a row without "split" counts as "all").

Reported per split: verdict accuracy, and deciding-article recall@5 — the share of cases with expected
articles for which one of them is cited by the top five findings (the expected list holds alternative
deciding articles) — plus the mean share of expected articles in the top five. The same run measures the
legacy rule-based checker as a baseline and, on request, a leave-one-law-out run: for each law, the
concept-lexicon entries written from it are dropped and the judge thresholds are refitted on the dev
cases of the other laws before its own cases are checked.
"""

from __future__ import annotations

import itertools
import json
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import PolicyError
from ..retrieve.filters import DocFilter
from .engine import CheckParams, Prepared, decide, prepare_check
from .proposal import Lexicon, load_lexicon
from .report import Report

# Threshold grid searched when fitting on dev cases (judge word-match shares).
GRID = {"match": (0.4, 0.5, 0.6), "support": (0.6, 0.7)}


def read_cases(path: Path) -> list[dict[str, Any]]:
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                cases.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise PolicyError(f"案例文件第 {n} 行不是有效的 JSON") from exc
    return cases


def case_text(c: dict[str, Any]) -> str:
    return str(c.get("proposal") or c.get("text") or "")


def case_articles(c: dict[str, Any]) -> list[str]:
    return list(c.get("articles") or c.get("clauses") or [])


def _outcome(c: dict[str, Any], rep: Report, seconds: float) -> dict[str, Any]:
    top = rep.findings[:5]
    cited = {f.hit.clause_id for f in top} | {f.hit.local_id for f in top}
    exp = case_articles(c)
    return {"id": c.get("id", ""), "split": c.get("split", "all"), "law": c.get("law", ""),
            "expected": c["verdict"], "got": rep.verdict, "ok": rep.verdict == c["verdict"],
            "hit": (any(a in cited for a in exp) if exp else None),
            "share": (sum(a in cited for a in exp) / len(exp) if exp else None),
            "missing": [a for a in exp if a not in cited], "seconds": seconds}


def summarize(outcomes: list[dict[str, Any]]) -> dict[str, Any]:
    if not outcomes:
        return {"cases": 0}
    hits = [o["hit"] for o in outcomes if o["hit"] is not None]
    shares = [o["share"] for o in outcomes if o["share"] is not None]
    return {
        "cases": len(outcomes),
        "verdict_accuracy": round(sum(o["ok"] for o in outcomes) / len(outcomes), 4),
        "article_recall_at_5": round(sum(hits) / len(hits), 4) if hits else None,
        "article_share_at_5": round(sum(shares) / len(shares), 4) if shares else None,
        "check_seconds_p50": round(statistics.median(o["seconds"] for o in outcomes), 3),
        "check_seconds_max": round(max(o["seconds"] for o in outcomes), 3),
    }


def by_split(outcomes: list[dict[str, Any]]) -> dict[str, Any]:
    splits = sorted({o["split"] for o in outcomes})
    out = {s: summarize([o for o in outcomes if o["split"] == s]) for s in splits}
    if len(splits) > 1:
        out["all"] = summarize(outcomes)
    return out


def run(cases: Iterable[dict[str, Any]], check: Callable[[str], Report]) -> list[dict[str, Any]]:
    out = []
    for c in cases:
        t0 = time.perf_counter()
        rep = check(case_text(c))
        out.append(_outcome(c, rep, time.perf_counter() - t0))
    return out


def _params(base: CheckParams, **judge: float) -> CheckParams:
    return replace(base, judge=replace(base.judge, **judge))


def fit(prepared: list[tuple[dict[str, Any], Prepared]], base: CheckParams) -> tuple[CheckParams, float]:
    """The grid point with the best verdict accuracy + article recall on the given (dev) cases."""
    best: tuple[float, CheckParams] | None = None
    for values in itertools.product(*GRID.values()):
        p = _params(base, **dict(zip(GRID, values, strict=True)))
        outs = [_outcome(c, decide(prep, params=p), 0.0) for c, prep in prepared]
        s = summarize(outs)
        score = float(s["verdict_accuracy"]) + float(s["article_recall_at_5"] or 0.0)
        if best is None or score > best[0] + 1e-9:
            best = (score, p)
    assert best is not None
    return best[1], best[0]


def _prepare_all(lib: Any, cases: list[dict[str, Any]], lexicon: Lexicon, base: CheckParams,
                 doc_filter: DocFilter | None) -> list[tuple[dict[str, Any], Prepared]]:
    return [(c, prepare_check(lib, case_text(c), lexicon=lexicon, params=base, doc_filter=doc_filter))
            for c in cases]


def leave_one_law_out(lib: Any, cases: list[dict[str, Any]], base: CheckParams,
                      doc_filter: DocFilter | None) -> dict[str, Any]:
    """For each law: drop its lexicon entries, refit thresholds on the other laws' dev cases, check its cases."""
    laws = sorted({c["law"] for c in cases if c.get("law")})
    full = load_lexicon()
    outcomes: list[dict[str, Any]] = []
    per_law: dict[str, Any] = {}
    for law in laws:
        lex = full.without_source(law)
        train = [c for c in cases if c.get("split") == "dev" and c.get("law") != law]
        params, _ = fit(_prepare_all(lib, train, lex, base, doc_filter), base)
        own = [c for c in cases if c.get("law") == law]
        outs = [_outcome(c, decide(prep, params=params), 0.0)
                for c, prep in _prepare_all(lib, own, lex, base, doc_filter)]
        outcomes += outs
        per_law[law] = {**summarize(outs), "match": params.judge.match, "support": params.judge.support,
                        "lexicon_entries_dropped": len(full.concepts) - len(lex.concepts)
                        + len(full.obligations) - len(lex.obligations)}
    return {"splits": by_split(outcomes), "per_law": per_law}


def evaluate_cases(lib: Any, cases: list[dict[str, Any]], doc_filter: DocFilter | None = None,
                   baseline: bool = True, lolo: bool = False, refit: bool = False,
                   params: CheckParams | None = None) -> dict[str, Any]:
    base = params or CheckParams()
    res: dict[str, Any] = {"cases": len(cases)}
    if refit:
        dev = [c for c in cases if c.get("split") == "dev"]
        base, _ = fit(_prepare_all(lib, dev, load_lexicon(), base, doc_filter), base)
        res["fitted"] = {"match": base.judge.match, "support": base.judge.support}
    from .engine import check_proposal

    outs = run(cases, lambda t: check_proposal(lib, t, params=base, doc_filter=doc_filter))
    res["norms"] = by_split(outs)
    res["failures"] = [{k: o[k] for k in ("id", "split", "expected", "got", "missing")}
                       for o in outs if not o["ok"] or (o["hit"] is False)]
    if baseline and hasattr(lib, "search"):
        from .legacy import legacy_check

        res["legacy"] = by_split(run(cases, lambda t: legacy_check(lib, t)))
    if lolo:
        res["leave_one_law_out"] = leave_one_law_out(lib, cases, base, doc_filter)
    return res


def _line(name: str, s: dict[str, Any]) -> str:
    if not s.get("cases"):
        return f"{name}：无案例"
    rec = s.get("article_recall_at_5")
    return (f"{name}：案例 {s['cases']}，总体结论准确率 {s['verdict_accuracy']:.3f}，"
            f"应引条款召回率@5 {'—' if rec is None else f'{rec:.3f}'}，"
            f"单次审查中位耗时 {s['check_seconds_p50']} 秒")


def format_check_report(res: dict[str, Any]) -> str:
    lines = []
    for key, label in (("norms", "规范条款审查"), ("legacy", "旧版规则审查（基线）")):
        for split, s in res.get(key, {}).items():
            lines.append(_line(f"{label}·{split}", s))
    if "fitted" in res:
        lines.append(f"在 dev 上拟合的阈值：{json.dumps(res['fitted'], ensure_ascii=False)}")
    lolo = res.get("leave_one_law_out")
    if lolo:
        for split, s in lolo["splits"].items():
            lines.append(_line(f"留一法律·{split}", s))
    lines += [f"- {json.dumps(f, ensure_ascii=False)}" for f in res.get("failures", [])]
    return "\n".join(lines)
