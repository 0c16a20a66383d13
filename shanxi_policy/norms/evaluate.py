"""Precision and recall of norm extraction against hand-labelled articles (tests/data/norm_labels.jsonl).

Matching, fixed before any tuning:
- Each article's predicted and gold norms are paired one-to-one, greedily by action similarity.
- Action similarity is the overlap coefficient of character bigrams, |A∩B| / min(|A|, |B|): a gold action
  that holds only the leading span of coordinated verbs still matches a prediction that holds them all,
  and the one-to-one pairing keeps an unsplit list from matching more than one item.
- A predicted norm is correct when it is paired with a gold norm of the same modality whose action
  similarity is at least 0.5. Precision = correct / predicted, recall = correct / gold.
- Modality accuracy: over the pairs matched by action alone (any modality), the share with the same
  modality. A stricter figure uses the Dice coefficient of the bigrams instead of the overlap coefficient.
- Penalty provisions are not norms in the labelling guide, so the product's norms of kind "penalty" are
  left out of the main figure and reported as a variant.
The baseline: one norm per sentence (。；！？ or line) that contains a trigger word of the lexicon, with the
modality of its first trigger and the rest of the sentence as its action — no lists, no context rules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import PolicyError
from ..models import Clause
from .extract import Lexicon, extract_clause_norms, lexicon
from .model import MODALITIES, Norm

THRESHOLD = 0.5
REQUIRED = ("id", "split", "law", "article", "text", "norms")


def load_labels(path: str | Path) -> list[dict[str, Any]]:
    p = Path(path)
    if not p.exists():
        raise PolicyError(f"标注文件“{p.name}”不存在")
    rows: list[dict[str, Any]] = []
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except ValueError as exc:
            raise PolicyError(f"标注文件“{p.name}”第 {n} 行不是有效的 JSON") from exc
        missing = [k for k in REQUIRED if k not in r]
        if missing:
            raise PolicyError(f"标注文件“{p.name}”第 {n} 行缺少字段：{'、'.join(missing)}")
        if r["split"] not in ("dev", "test"):
            raise PolicyError(f"标注文件“{p.name}”第 {n} 行的 split 应为 dev 或 test")
        rows.append(r)
    if not rows:
        raise PolicyError(f"标注文件“{p.name}”中没有标注")
    return rows


def row_clause(row: dict[str, Any]) -> Clause:
    text = row["text"]
    return Clause(clause_id=f"{row['id']}:a", doc_id=str(row["law"]), path=(str(row.get("chapter", "")), row["article"]),
                  text=text, start=0, end=len(text), kind="article", title=row["article"])


# ----- predictors --------------------------------------------------------------------------------------


def extractor(include_penalty: bool = False) -> Callable[[Clause], list[Norm]]:
    def run(c: Clause) -> list[Norm]:
        return [n for n in extract_clause_norms(c) if include_penalty or n.kind != "penalty"]

    return run


def baseline_norms(c: Clause, lex: Lexicon | None = None) -> list[Norm]:
    """One norm per sentence holding a trigger word; the first trigger gives the modality."""
    lex = lex or lexicon()
    words = sorted(((r.word, r.modality) for r in lex.rules if not r.regex), key=lambda x: -len(x[0]))
    out: list[Norm] = []
    for k, sent in enumerate(re.split(r"[。；！？\n]", c.text)):
        hits = [(sent.find(w), w, m) for w, m in words if w in sent]
        if not hits:
            continue
        pos, w, m = min(hits, key=lambda h: (h[0], -len(h[1])))
        out.append(Norm(f"{c.clause_id}#{k}", c.clause_id, c.doc_id, m, w, "", sent[pos + len(w):], "", "", sent))
    return out


# ----- matching ----------------------------------------------------------------------------------------


def _grams(t: str) -> set[str]:
    t = re.sub(r"[\s，。；：、,.;:（）()“”]", "", t)
    return {t[i: i + 2] for i in range(len(t) - 1)} or ({t} if t else set())


def overlap(a: str, b: str) -> float:
    ga, gb = _grams(a), _grams(b)
    if not ga or not gb:
        return 0.0
    return len(ga & gb) / min(len(ga), len(gb))


def dice(a: str, b: str) -> float:
    ga, gb = _grams(a), _grams(b)
    if not ga or not gb:
        return 0.0
    return 2 * len(ga & gb) / (len(ga) + len(gb))


def pair(pred: list[Norm], gold: list[dict[str, Any]], sim: Callable[[str, str], float],
         same_modality: bool) -> list[tuple[int, int, float]]:
    """Greedy one-to-one pairing by action similarity ≥ THRESHOLD."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if same_modality and p.modality != g["modality"]:
                continue
            s = sim(p.action, g.get("action", ""))
            if s >= THRESHOLD:
                cands.append((s, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for s, i, j in sorted(cands, key=lambda x: -x[0]):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j, s))
    return out


@dataclass
class Score:
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    correct: int = 0
    correct_strict: int = 0
    action_pairs: int = 0
    modality_agree: int = 0
    empty_articles: int = 0
    empty_correct: int = 0

    def to_dict(self) -> dict[str, Any]:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        ps = self.correct_strict / self.predicted if self.predicted else 0.0
        rs = self.correct_strict / self.gold if self.gold else 0.0
        return {
            "articles": self.articles, "gold": self.gold, "predicted": self.predicted, "correct": self.correct,
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "precision_strict": round(ps, 3), "recall_strict": round(rs, 3),
            "modality_accuracy": round(self.modality_agree / self.action_pairs, 3) if self.action_pairs else 0.0,
            "no_norm_articles": self.empty_articles,
            "no_norm_correct": round(self.empty_correct / self.empty_articles, 3) if self.empty_articles else 0.0,
        }


def score(rows: Iterable[dict[str, Any]], predict: Callable[[Clause], list[Norm]]) -> Score:
    s = Score()
    for r in rows:
        pred = predict(row_clause(r))
        gold = r["norms"]
        s.articles += 1
        s.gold += len(gold)
        s.predicted += len(pred)
        s.correct += len(pair(pred, gold, overlap, True))
        s.correct_strict += len(pair(pred, gold, dice, True))
        loose = pair(pred, gold, overlap, False)
        s.action_pairs += len(loose)
        s.modality_agree += sum(1 for i, j, _ in loose if pred[i].modality == gold[j]["modality"])
        if not gold:
            s.empty_articles += 1
            s.empty_correct += int(not pred)
    return s


METHODS: dict[str, Callable[[Clause], list[Norm]]] = {
    "extractor": extractor(False),
    "extractor+penalty": extractor(True),
    "baseline": baseline_norms,
}


def evaluate_labels(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Figures per split (dev, test) and per method, all from one run."""
    out: dict[str, Any] = {"threshold": THRESHOLD, "splits": {}}
    for split in ("dev", "test"):
        part = [r for r in rows if r["split"] == split]
        if not part:
            continue
        res: dict[str, Any] = {m: score(part, f).to_dict() for m, f in METHODS.items()}
        per_mod = {}
        for m in MODALITIES:
            sub = [{**r, "norms": [g for g in r["norms"] if g["modality"] == m]} for r in part]

            def only(c: Clause, m: str = m) -> list[Norm]:
                return [n for n in METHODS["extractor"](c) if n.modality == m]

            per_mod[m] = {k: v for k, v in score(sub, only).to_dict().items()
                          if k in ("gold", "predicted", "correct", "precision", "recall")}
        res["extractor_by_modality"] = per_mod
        out["splits"][split] = res
    return out


def dev_errors(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Misses and false positives of the extractor on the dev split only (the test split is never shown)."""
    out = []
    for r in rows:
        if r["split"] != "dev":
            continue
        pred = METHODS["extractor"](row_clause(r))
        gold = r["norms"]
        matched = pair(pred, gold, overlap, True)
        mi = {i for i, _, _ in matched}
        mj = {j for _, j, _ in matched}
        fp = [f"{p.modality} {p.trigger} | {p.action}" for i, p in enumerate(pred) if i not in mi]
        fn = [f"{g['modality']} {g.get('trigger', '')} | {g.get('action', '')}" for j, g in enumerate(gold) if j not in mj]
        if fp or fn:
            out.append({"id": r["id"], "article": r["article"], "text": r["text"], "false_positive": fp, "missed": fn})
    return out


def format_report(res: dict[str, Any]) -> str:
    """The figures of evaluate_labels as lines of Chinese text, one block per split."""
    names = {"extractor": "抽取器（不含罚则）", "extractor+penalty": "抽取器（含罚则）", "baseline": "基线：每句一条"}
    lines = [f"匹配：情态相同且行为字二元组重合系数 ≥ {res['threshold']}（一对一）；严格匹配用 Dice 系数"]
    for split, methods in res["splits"].items():
        lines.append(f"== {split} ==")
        for m, label in names.items():
            r = methods[m]
            lines.append(f"{label}\t条文 {r['articles']}  标注 {r['gold']}  识别 {r['predicted']}  "
                         f"准确率 {r['precision']:.3f}  召回率 {r['recall']:.3f}  F1 {r['f1']:.3f}  "
                         f"情态准确率 {r['modality_accuracy']:.3f}  （严格匹配 P {r['precision_strict']:.3f} "
                         f"R {r['recall_strict']:.3f}）  无规范条文判对 {r['no_norm_correct']:.3f}")
        for m, r in methods["extractor_by_modality"].items():
            lines.append(f"  {m}\t标注 {r['gold']}  识别 {r['predicted']}  准确率 {r['precision']:.3f}  "
                         f"召回率 {r['recall']:.3f}")
    return "\n".join(lines)
