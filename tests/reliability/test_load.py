"""Load: N concurrent clients ask, search and check for a fixed time against a real server process.

SHANXI_POLICY_LOAD_CLIENTS (default 8) and SHANXI_POLICY_LOAD_SECONDS (default 30) set the run;
the figures go to benchmarks/results/load.json.
"""

from __future__ import annotations

import json
import os
import platform
import random
import sqlite3
import threading
import time
from typing import Any

import httpx
import numpy as np

from tests.api_server import ROOT, Server
from tests.reliability.conftest import health_ok

CLIENTS = int(os.environ.get("SHANXI_POLICY_LOAD_CLIENTS", "8"))
SECONDS = float(os.environ.get("SHANXI_POLICY_LOAD_SECONDS", "30"))
MIX = (("ask", 0.5), ("search", 0.3), ("check", 0.2))


def _rows(name: str) -> list[dict[str, Any]]:
    return [json.loads(x) for x in (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines() if x.strip()]


def _client(srv: Server, seed: int, until: float, out: list[tuple[str, int, float]], questions: list[str],
            proposals: list[str]) -> None:
    rnd = random.Random(seed)
    with srv.client(timeout=120) as c:
        while time.monotonic() < until:
            op = rnd.choices([m[0] for m in MIX], [m[1] for m in MIX])[0]
            t0 = time.perf_counter()
            try:
                if op == "ask":
                    r = c.post("/api/ask", json={"question": rnd.choice(questions)})
                elif op == "search":
                    r = c.get("/api/search", params={"q": rnd.choice(questions), "k": 5})
                else:
                    r = c.post("/api/check", json={"text": rnd.choice(proposals)})
                status = r.status_code
            except httpx.HTTPError:
                status = 0
            out.append((op, status, time.perf_counter() - t0))


def _stats(lat: list[float]) -> dict[str, float]:
    if not lat:
        return {"n": 0}
    a = np.array(lat)
    return {"n": len(lat), "p50_s": round(float(np.percentile(a, 50)), 3), "p99_s": round(float(np.percentile(a, 99)), 3),
            "max_s": round(float(a.max()), 3)}


def test_load(server: Server):
    questions = [r["question"] for r in _rows("gold_corpus_qa.jsonl")]
    proposals = [r["text"] for r in _rows("check_cases.jsonl")]
    db = server.env["SHANXI_POLICY_HISTORY_DB"]
    from shanxi_policy.check.history import History

    History(db)  # the schema, as the server creates it
    con = sqlite3.connect(db)
    rows_before = con.execute("SELECT count(*) FROM checks").fetchone()[0]
    con.close()
    results: list[tuple[str, int, float]] = []
    until = time.monotonic() + SECONDS
    load_before = os.getloadavg()[0]
    threads = [threading.Thread(target=_client, args=(server, i, until, results, questions, proposals))
               for i in range(CLIENTS)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    ok = [r for r in results if 200 <= r[1] < 300]
    errors = [r for r in results if not 200 <= r[1] < 300]
    con = sqlite3.connect(db)
    rows_after = con.execute("SELECT count(*) FROM checks").fetchone()[0]
    integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    con.close()
    checks_ok = sum(1 for r in ok if r[0] == "check")
    report = {
        "clients": CLIENTS, "seconds": round(wall, 1), "requests": len(results), "errors": len(errors),
        "error_statuses": sorted({r[1] for r in errors}),
        "throughput_rps": round(len(ok) / wall, 2),
        "all": _stats([r[2] for r in ok]),
        **{op: _stats([r[2] for r in ok if r[0] == op]) for op, _ in MIX},
        "checks_acknowledged": checks_ok, "history_rows_added": rows_after - rows_before,
        "records_lost": checks_ok - (rows_after - rows_before), "history_integrity": integrity,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "load_average_before": round(load_before, 1), "load_average_after": round(os.getloadavg()[0], 1)},
        "note": "one uvicorn worker; the machine was shared with other jobs (see load_average)",
        "at": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    out = ROOT / "benchmarks" / "results" / "load.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, ensure_ascii=False))
    assert results and not errors, report
    assert report["records_lost"] == 0 and integrity == "ok"
    assert health_ok(server) and server.alive()
