"""Fit the "未在政策文件中找到相关规定" decision on dev questions and report false refusals and false
answers on held-out test questions, against the previous rule, in one run.

Sets: the lay questions (tests/data/lay_questions.jsonl, answerable and unanswerable, on an index of all
191 lawrefbook_env texts, --lay-index) and the project gold set (tests/data/gold_corpus_qa.jsonl, on the
product index, --index). The gold set has no split field: its rows are split here by sha1(id) parity,
fixed before fitting. Fitted on: lay dev + gold dev, the lay dev questions read with the general sections
of the lay lexicon only (set lay_general: the other section was written while reading them, and a
held-out question meets a lexicon not written for it). Reported on: dev (in-sample), lay_general dev,
test (held out). Baselines on the same retrieval: the rule before the model (term coverage ≥ 0.325) and
the model stored before this run.
Run: .venv/bin/python -m benchmarks.calibrate_refusal --lay-index DIR [--index DIR] [--save] [--cached]
     [--dev-lexicon general|full]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from typing import Any

from .common import ROOT, WORK, save

BASELINE = {"min_coverage": 0.325, "min_dense": 2.0}  # the rule fitted on the 2-document gold set
# The stored point: the largest bound on false refusals among answerable dev questions (BOUNDS) whose
# law-grouped 5-fold cross-validation on dev refuses at most CV_FR of the answerable questions. Test
# questions are on other law files than dev, so the grouped CV estimates the shift; CV_FR leaves a margin
# under the 5% target. Fixed before the refit of 2026-11-28 (the earlier rule, MAX_FR = 0, let one
# hard dev question set the threshold).
BOUNDS = (0.0, 0.01, 0.02, 0.03, 0.05, 0.08)
# 2026-12-05: with the asks_conduct feature, CV_FR 0.03 chose a point answering 41% of the unanswerable dev
# questions; 0.05 (the target) chose one with fewer false refusals and fewer false answers on every
# dev figure than the model stored before. Changed after seeing the dev trade-off, before any test figure.
CV_FR = 0.05
# The lexicon sections not written from the dev lay questions (shanxi_policy/data/lay_terms.tsv). The
# model is fitted on dev lay questions read with these only (--dev-lexicon general, the default since
# 2026-12-04): with the entries written for them, dev questions look easier than held-out ones, and the
# fitted threshold refused more held-out questions than its cross-validation promised.
GENERAL_SECTIONS = ("general",)


def gold_split(item_id: str) -> str:
    return "dev" if int(hashlib.sha1(item_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def _collect(kb: Any, rows: list[dict[str, Any]], general_lexicon: bool = False) -> list[dict[str, Any]]:
    """Features of each question's retrieval, as the answerer computes them, plus the article's rank.
    general_lexicon: the dev lay questions are read with the general section of the lay lexicon only,
    i.e. without the entries written while reading them, as a held-out question is read."""
    from shanxi_policy.answer.lexicon import sections

    if general_lexicon:
        with sections(*GENERAL_SECTIONS):
            return _collect(kb, rows)
    from shanxi_policy.answer.evaluate import article_hit
    from shanxi_policy.answer.extract import decision_features
    from shanxi_policy.answer.lexicon import expand

    out = []
    for r in rows:
        q = r["question"].strip()
        searched = expand(q)
        hits, dense = kb.search_with_signal(searched, k=5, embed=q)
        if hits and hits[0].source == "lookup":
            continue  # structural lookups are answered without the decision
        rank = None
        if r.get("law"):
            src = {h.doc_id: getattr(kb.document(h.doc_id), "source", "") for h in hits}
            rank = next((i for i, h in enumerate(hits) if article_hit(r, h, src[h.doc_id])), None)
        out.append({"id": r["id"], "set": r["set"], "split": r["split"], "answerable": r["answerable"],
                    "rank": rank, "features": decision_features(kb, q, hits, dense, searched)})
    return out


def _rates(cal: Any, rows: list[dict[str, Any]]) -> dict[str, Any]:
    pos = [cal.decide(r["features"]) for r in rows if r["answerable"]]
    neg = [cal.decide(r["features"]) for r in rows if not r["answerable"]]
    return {"answerable": len(pos), "unanswerable": len(neg),
            "false_refusal": round(1 - sum(pos) / len(pos), 4) if pos else None,
            "false_answer": round(sum(neg) / len(neg), 4) if neg else None}


def _fold(key: str, folds: int) -> int:
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % folds


def _cv_rates(rows: list[tuple[dict[str, float], bool]], groups: list[str], m: float, strict: dict[str, float],
              model_id: str, folds: int = 5, fold_keys: list[str] | None = None) -> dict[str, float]:
    """False refusal / false answer rates of models fitted without the fold they decide. fold_keys puts
    rows with the same key in the same fold (lay questions: their law file, as the test split holds other
    law files than dev); without them rows are dealt out in turn."""
    from shanxi_policy.answer.calibration import fit

    fold_of = [_fold(k, folds) for k in fold_keys] if fold_keys else [i % folds for i in range(len(rows))]
    fr, fa = [], []
    for k in range(folds):
        train = [i for i in range(len(rows)) if fold_of[i] != k]
        cal = fit([rows[i] for i in train], model_id, max_false_refusal=m, groups=[groups[i] for i in train],
                  group_max_false_refusal=strict)
        for i in range(len(rows)):
            if fold_of[i] == k:
                f, y = rows[i]
                (fr if y else fa).append(cal.decide(f) != y)
    return {"false_refusal": round(sum(fr) / len(fr), 4), "false_answer": round(sum(fa) / len(fa), 4)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", default=str(ROOT / "index"))
    ap.add_argument("--lay-index", required=True)
    ap.add_argument("--save", action="store_true", help="store the fitted model in shanxi_policy/data")
    ap.add_argument("--cached", action="store_true", help="reuse the features of the previous run")
    ap.add_argument("--dev-lexicon", choices=("general", "full"), default="general",
                    help="fit on dev lay questions read with the general lexicon sections only (default) or all")
    args = ap.parse_args()
    from shanxi_policy.answer.calibration import (
        FEATURES,
        Calibration,
        cross_validate,
        fit,
        load_calibration,
        save_calibration,
    )
    from shanxi_policy.evaluate import read_gold

    cache = WORK / "refusal_features.json"
    if args.cached and cache.exists():
        data = json.loads(cache.read_text("utf-8"))
    else:
        import shanxi_policy as sp

        kb = sp.load_index(args.index)
        lay_kb = sp.load_index(args.lay_index)
        gold = [{"id": it.id, "set": "gold", "split": gold_split(it.id), "question": it.question,
                 "answerable": it.in_scope} for it in read_gold(ROOT / "tests/data/gold_corpus_qa.jsonl")]
        lay = [{**json.loads(x), "set": "lay"}
               for x in (ROOT / "tests/data/lay_questions.jsonl").read_text("utf-8").splitlines() if x.strip()]
        # The dev lay questions once more, read as held-out questions are (set "lay_general").
        lay_general = [{**r, "set": "lay_general"} for r in lay if r["split"] == "dev"]
        data = {"model_id": kb.embedder.model_id,
                "rows": _collect(kb, gold) + _collect(lay_kb, lay) + _collect(lay_kb, lay_general, True)}
        WORK.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    rows = data["rows"]
    model_id = data["model_id"]
    fit_set = "lay_general" if args.dev_lexicon == "general" else "lay"
    dev = [r for r in rows if r["split"] == "dev" and r["set"] in ("gold", fit_set)]
    fit_rows = [(r["features"], bool(r["answerable"])) for r in dev]
    groups = [r["set"] for r in dev]
    # The gold set had no false refusals with the previous rule and must not get worse. The stored point
    # refuses no answerable dev question (MAX_FR): test questions are on other law files, and the
    # shift between files costs several points of false refusals (see "tradeoff" in the results).
    strict = {"gold": 0.0}
    law = {json.loads(x)["id"]: json.loads(x).get("law") or json.loads(x)["id"]
           for x in (ROOT / "tests/data/lay_questions.jsonl").read_text("utf-8").splitlines() if x.strip()}
    keys = [law.get(r["id"], r["id"]) if r["set"] != "gold" else r["id"] for r in dev]
    tradeoff = []
    chosen = BOUNDS[0]
    for m in BOUNDS:
        cal = fit(fit_rows, model_id, FEATURES, max_false_refusal=m, groups=groups, group_max_false_refusal=strict)
        entry: dict[str, Any] = {"max_dev_false_refusal": m, "threshold": cal.threshold,
                                 "dev_cv": _cv_rates(fit_rows, groups, m, strict, model_id),
                                 "dev_cv_by_law": _cv_rates(fit_rows, groups, m, strict, model_id, fold_keys=keys)}
        if entry["dev_cv_by_law"]["false_refusal"] <= CV_FR:
            chosen = m
        for s_name, split in (("lay", "dev"), ("lay_general", "dev"), ("lay", "test")):
            entry[f"{s_name}_{split}"] = _rates(cal, [r for r in rows if r["set"] == s_name and r["split"] == split])
        tradeoff.append(entry)
    new = fit(fit_rows, model_id, FEATURES, max_false_refusal=chosen, groups=groups, group_max_false_refusal=strict)
    new.cv_balanced_accuracy = cross_validate(fit_rows, model_id, groups=groups, group_max_false_refusal=strict)
    new.fitted_on = (f"{len(dev)} dev questions: {sum(r['set'] != 'gold' for r in dev)} lay (law library"
                     f"{', general lexicon only' if fit_set == 'lay_general' else ''}), "
                     f"{sum(r['set'] == 'gold' for r in dev)} gold (product index); "
                     f"{sum(not r['answerable'] for r in dev)} unanswerable")
    old = Calibration(model_id=model_id, **BASELINE)  # type: ignore[arg-type]
    report: dict[str, Any] = {"fitted_on": new.fitted_on, "features": list(FEATURES),
                              "model": {"weights": dict(zip(new.features, new.weights, strict=True)),
                                        "threshold": new.threshold, "min_coverage": new.min_coverage,
                                        "cv_balanced_accuracy_dev": new.cv_balanced_accuracy,
                                        "max_dev_false_refusal": chosen},
                              "rules": {}}
    stored = load_calibration(model_id)  # the model shipped before this run (refit with --save)
    for name, cal in (("baseline: coverage ≥ 0.325", old), ("stored model", stored), ("logistic model", new)):
        res: dict[str, Any] = {}
        for s in ("lay", "lay_general", "gold"):
            for split in ("dev", "test"):
                part = [r for r in rows if r["set"] == s and r["split"] == split]
                if part:
                    res[f"{s}_{split}"] = _rates(cal, part)
        # Uncovered but environmental-sounding questions (kind uncovered_env) are the hard negatives.
        report["rules"][name] = res
    report["tradeoff"] = tradeoff
    for s_name, split in (("lay", "dev"), ("lay_general", "dev"), ("lay", "test")):
        part = [r for r in rows if r["set"] == s_name and r["split"] == split and r["answerable"]]
        report[f"{s_name}_{split}_article_r5"] = round(sum(r["rank"] is not None for r in part) / len(part), 4)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    save("refusal_calibration", report)
    if args.save:
        save_calibration(new)


if __name__ == "__main__":
    main()
