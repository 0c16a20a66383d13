"""Shared helpers for benchmark scripts: locating ../shared, timing, writing results."""

from __future__ import annotations

import json
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "datasets"
WORK = ROOT / "var" / "bench"
RESULTS = Path(__file__).resolve().parent / "results"


def dataset(name: str) -> Path:
    """Path of a dataset in ../shared/datasets, or exit with a clear message when it is absent."""
    p = SHARED / name
    if not p.exists():
        print(f"未找到数据集 ../shared/datasets/{name}：该数据集不随项目分发，只在开发环境中提供。"
              f"（dataset ../shared/datasets/{name} is absent; this benchmark cannot run without it）",
              file=sys.stderr)
        sys.exit(2)
    return p


def machine() -> dict[str, Any]:
    import os

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {
        "date": time.strftime("%Y-%m-%d"),
        "commit": commit.stdout.strip() or "unknown",
        "python": platform.python_version(),
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
    }


def save(name: str, data: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    p = RESULTS / f"{name}.json"
    p.write_text(json.dumps({"machine": machine(), **data}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return p
