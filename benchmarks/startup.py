"""Start-up cost: loading an index in a cold process and the first question after it.

Today's code (the last commit, unpacked with `git archive` into var/bench/startup_head) and the
working tree run side by side in the same run, interleaved, each in a fresh Python process:
  - process: wall time of `python -c "import shanxi_policy; shanxi_policy.load_index(INDEX)"`;
  - inside the process: import, load_index, the first question (kb.ask) and a second question;
  - the first question's parts: building the segmenter, loading the embedder + one query embedding, the rest;
  - the app: the first run of the 政策问答 and 政策浏览 page scripts in a fresh process (streamlit's
    AppTest, server side: there is no browser on this machine for benchmarks/app_latency.py).
The jieba caches (jieba's own and ours) are warm in both, as on any machine after the first run.
Run: .venv/bin/python -m benchmarks.startup [--index index] [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .common import ROOT, WORK, save

QUESTIONS = ["到2030年非化石能源比重要达到多少？", "对燃煤锅炉有什么要求？"]

PROBE = """
import json, sys, time
t0 = time.perf_counter()
import shanxi_policy
t1 = time.perf_counter()
kb = shanxi_policy.load_index(sys.argv[1])
t2 = time.perf_counter()
out = {"import_s": t1 - t0, "load_s": t2 - t1, "module": shanxi_policy.__file__}
questions = json.loads(sys.argv[3])
if sys.argv[2] == "ask":
    kb.ask(questions[0])
    t3 = time.perf_counter()
    kb.ask(questions[1])
    out.update(first_question_s=t3 - t2, second_question_s=time.perf_counter() - t3)
elif sys.argv[2] == "parts":  # what the first question pays for, step by step
    from shanxi_policy.text.tokenize import tokenize
    tokenize(questions[0])
    t3 = time.perf_counter()
    kb.embedder.embed_query(questions[0])
    t4 = time.perf_counter()
    kb.ask(questions[0])
    out.update(segmenter_s=t3 - t2, embedder_and_query_s=t4 - t3, rest_of_first_question_s=time.perf_counter() - t4)
elif sys.argv[2] == "app":  # server-side first render of a page (no browser on this machine)
    import pathlib, tempfile
    from streamlit.testing.v1 import AppTest
    tmp = pathlib.Path(tempfile.mkdtemp())
    for name, page in (("ask_page_first_render_s", "ask"), ("browse_page_first_render_s", "browse")):
        script = tmp / f"{page}.py"
        script.write_text(f"from shanxi_policy.app.pages import {page}\\n{page}.page()\\n", encoding="utf-8")
        t3 = time.perf_counter()
        at = AppTest.from_file(str(script), default_timeout=300)
        at.run()
        out[name] = time.perf_counter() - t3
        out[name.replace("_s", "_errors")] = len(at.exception)
print(json.dumps(out))
"""


def head_tree() -> Path:
    """The package as in the last commit, importable from a plain directory."""
    dest = WORK / "startup_head"
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "HEAD", "shanxi_policy"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    return dest


def run_once(pythonpath: Path | None, index: Path, mode: str) -> dict[str, Any]:
    env = {**os.environ, "SHANXI_POLICY_INDEX_DIR": str(index),
           "SHANXI_POLICY_HISTORY_DB": str(WORK / "startup_history.sqlite3")}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", PROBE, str(index), mode, json.dumps(QUESTIONS)], cwd=WORK, env=env,
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"{mode} probe failed: {r.stderr.strip()[-2000:]}")
    wall = time.perf_counter() - t
    out = json.loads(r.stdout.strip().splitlines()[-1])
    out["process_s"] = wall
    return out


def summarize(runs: list[dict[str, Any]]) -> dict[str, Any]:
    keys = [k for k in runs[0] if k.endswith("_s")]
    out: dict[str, Any] = {k: {"median": round(statistics.median(r[k] for r in runs), 3),
                               "min": round(min(r[k] for r in runs), 3)} for k in keys}
    out.update({k: max(r[k] for r in runs) for k in runs[0] if k.endswith("_errors")})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--index", default=str(ROOT / "index"))
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    index = Path(args.index).resolve()
    head = head_tree()
    variants: dict[str, Path | None] = {"last commit": head, "working tree": None}
    for name, pp in variants.items():  # warm caches (jieba, our dictionary cache, page cache)
        mod = run_once(pp, index, "ask")["module"]
        print(f"{name}: {mod}", file=sys.stderr)
    runs: dict[str, dict[str, list[dict[str, Any]]]] = {m: {n: [] for n in variants}
                                                         for m in ("load", "ask", "parts", "app")}
    for _ in range(args.repeats):
        for name, pp in variants.items():
            for mode in runs:
                runs[mode][name].append(run_once(pp, index, mode))
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    res = {
        "index": {"units": manifest["units"], "documents": len(manifest["documents"]),
                  "dense_index": manifest.get("dense_index")},
        "repeats": args.repeats,
        "questions": QUESTIONS,
        "load_only": {n: summarize(r) for n, r in runs["load"].items()},
        "load_and_ask": {n: summarize(r) for n, r in runs["ask"].items()},
        "first_question_parts": {n: summarize(r) for n, r in runs["parts"].items()},
        "app_first_render": {n: summarize(r) for n, r in runs["app"].items()},
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
    p = save("startup", res)
    print(json.dumps(res, ensure_ascii=False, indent=2))
    print(f"written {p}", file=sys.stderr)


if __name__ == "__main__":
    main()
