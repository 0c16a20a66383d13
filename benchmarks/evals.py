"""Run the labelled-set evaluations (eval-check, eval-norms, eval, eval-answers) and save their JSON.

`python -m benchmarks.evals [NAME ...]` runs all of them, or only the named ones
(check_eval_laws, check_eval_seed, norms_eval, gold_eval, answers_eval). Each runs the installed CLI in a
subprocess, so a crash in one does not stop the others; a failure is recorded in its JSON with the error.
The machine is shared with other work, so the load average at start and end is saved with each result.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from typing import Any

from .common import ROOT, save

CLI = str(ROOT / ".venv" / "bin" / "shanxi-policy")

EVALS: dict[str, list[str]] = {
    "check_eval_laws": ["eval-check", "tests/data/check_cases_laws.jsonl", "--index", "index",
                        "--doc-type", "法律", "--doc-type", "行政法规", "--lolo", "--json"],
    "check_eval_seed": ["eval-check", "tests/data/check_cases.jsonl", "--index", "index", "--json"],
    "norms_eval": ["eval-norms", "tests/data/norm_labels.jsonl", "--json"],
    "gold_eval": ["eval", "tests/data/gold_corpus_qa.jsonl", "--index", "index", "--json"],
    "answers_eval": ["eval-answers", "--index", "index", "--json"],
}


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _dirty() -> bool:
    """Whether tracked files differ from the commit recorded with the result."""
    st = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                        capture_output=True, text=True)
    return bool(st.stdout.strip())


def run(name: str) -> dict[str, Any]:
    """Run one evaluation; return its parsed JSON plus run facts (or the error)."""
    args = EVALS[name]
    load_start, t0 = _load(), time.perf_counter()
    proc = subprocess.run([CLI, *args], cwd=ROOT, capture_output=True, text=True)
    out: dict[str, Any] = {
        "command": "shanxi-policy " + " ".join(args),
        "seconds": round(time.perf_counter() - t0, 1),
        "load_average_start": load_start,
        "load_average_end": _load(),
        "shared_machine": True,
        "uncommitted_changes": _dirty(),
    }
    if proc.returncode != 0:
        out["error"] = f"exit {proc.returncode}: {proc.stderr.strip()[-2000:]}"
        return out
    try:
        out["result"] = json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        out["error"] = f"output is not JSON ({e}): {proc.stdout.strip()[-2000:]}"
    return out


def main() -> None:
    names = sys.argv[1:] or list(EVALS)
    unknown = [n for n in names if n not in EVALS]
    if unknown:
        sys.exit(f"unknown evaluation(s): {', '.join(unknown)}; choose from {', '.join(EVALS)}")
    for name in names:
        data = run(name)
        p = save(name, data)
        print(f"{name}: {'ERROR ' + data['error'][:200] if 'error' in data else 'ok'} "
              f"({data['seconds']} s) -> {p}", flush=True)


if __name__ == "__main__":
    main()
