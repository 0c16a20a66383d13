"""Faults: kill -9 during a rebuild and during checks, a full disk, corrupted index files, 20 concurrent writers.

Each test states what it simulates; figures go to benchmarks/results/faults.json.
"""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.api_server import ROOT, SHANXI_POLICY, assert_clean_error, copy_seeds, seed_index, start_server
from tests.reliability.conftest import health_ok

QUESTIONS = ["到2030年非化石能源比重要达到多少？", "全省生态保护红线面积要保持在多大？", "燃煤锅炉有什么要求？"]
RESULTS = ROOT / "benchmarks" / "results" / "faults.json"


def _record(name: str, data: dict[str, Any]) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    old = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    old[name] = {**data, "at": time.strftime("%Y-%m-%d %H:%M:%S")}
    RESULTS.write_text(json.dumps(old, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _answers(index_dir: Path) -> list[tuple[bool, str, list[str]]]:
    from shanxi_policy.kb import KnowledgeBase

    kb = KnowledgeBase.load(index_dir)
    out = []
    for q in QUESTIONS:
        a = kb.ask(q)
        out.append((a.found, a.text, [h.clause_id for h in a.citations[:3]]))
    return out


def _extra_document(n: int) -> str:
    """A document with n new clauses, so a rebuild has real embedding work to be killed in."""
    lines = ["关于开展测试园区综合治理的通知", "", "一、总体要求", ""]
    for i in range(1, n + 1):
        lines += [f"（{i}）第{i}测试片区推进第{i}类设施改造，到{2025 + i % 10}年完成率达到{50 + i % 40}%，"
                  f"并建立第{i}号台账，按季度报送治理进展和资金使用情况。", ""]
    return "\n".join(lines)


def _dead_pid() -> int:
    p = subprocess.Popen(["true"])
    p.wait()
    return p.pid


def test_kill_during_rebuild_keeps_the_old_index(tmp_path: Path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    copy_seeds(corpus)
    shutil.copytree(seed_index(), index)
    before = _answers(index)
    (corpus / "extra.txt").write_text(_extra_document(30), encoding="utf-8")
    kills: list[float | str] = []
    current = before  # what the index on disk answers now
    for delay in (1.0, 3.0, "writing"):
        manifest = (index / "manifest.json").read_text(encoding="utf-8")
        proc = subprocess.Popen([str(SHANXI_POLICY), "index", str(corpus), "--index", str(index), "--force"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if delay == "writing":  # the moment the new index directory appears, files are being written
            while proc.poll() is None and not list(tmp_path.glob(".index.tmp-*")):
                time.sleep(0.002)
        else:
            time.sleep(float(delay))
        finished = proc.poll() is not None
        if not finished:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        after = _answers(index)  # loading also recovers a swap cut between its two renames
        # The swap may land between poll() and the kill: the index then carries a new manifest.
        if not finished and not (finished := (index / "manifest.json").read_text(encoding="utf-8") != manifest):
            kills.append(delay)
        if finished:  # the build won the race: the new index answers the same seed questions
            assert [a[:2] for a in after] == [a[:2] for a in before]
            current = after  # later rounds rebuild this one
            continue
        assert after == current, f"old index changed after kill at {delay}s"
    assert kills, "no build was interrupted"
    # A writer killed between the two renames of the swap: only `.index.old-<pid>-…` is left.
    stranded = tmp_path / f".index.old-{_dead_pid()}-1"
    index.rename(stranded)
    assert _answers(index) == current and not stranded.exists()
    leftovers_before = len(list(tmp_path.glob(".index.tmp-*")))
    assert "writing" not in kills or leftovers_before == 1
    r = subprocess.run([str(SHANXI_POLICY), "index", str(corpus), "--index", str(index)], capture_output=True,
                       text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    assert not list(tmp_path.glob(".index.tmp-*")), "half-written directories of killed builds were not removed"
    from shanxi_policy.kb import KnowledgeBase

    kb = KnowledgeBase.load(index)
    assert "extra" in {d.doc_id for d in kb.documents}
    _record("kill_during_rebuild", {"kills": len(kills), "kill_after_seconds": kills, "old_index_answered": True,
                                    "interrupted_swap_recovered": True, "stale_tmp_dirs_removed": leftovers_before})


def _checker(srv_url: str, token: str, stop: threading.Event, got: list[int], errors: list[str]) -> None:
    texts = [json.loads(x)["text"] for x in (ROOT / "tests/data/check_cases.jsonl").read_text("utf-8").splitlines()[:12]]
    with httpx.Client(base_url=srv_url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as c:
        i = 0
        while not stop.is_set():
            try:
                r = c.post("/api/check", json={"text": texts[i % len(texts)]})
            except httpx.HTTPError as exc:  # the server was killed mid-request
                errors.append(type(exc).__name__)
                return
            if r.status_code == 200:
                got.append(int(r.json()["id"]))
            i += 1


def test_kill_during_checks_leaves_no_half_record(workspace):
    tmp, env = workspace
    acknowledged: list[int] = []
    rounds = 3
    for n in range(rounds):
        srv = start_server(tmp, env, roles=("reader",))
        stop = threading.Event()
        got: list[int] = []
        errs: list[str] = []
        workers = [threading.Thread(target=_checker, args=(srv.url, srv.tokens["reader"], stop, got, errs))
                   for _ in range(4)]
        for w in workers:
            w.start()
        time.sleep(4 + 2 * n)
        srv.proc.send_signal(signal.SIGKILL)  # mid-flight: several checks are running
        srv.proc.wait()
        stop.set()
        for w in workers:
            w.join(60)
        acknowledged += got
    con = sqlite3.connect(env["SHANXI_POLICY_HISTORY_DB"])
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = con.execute("SELECT id, verdict, title, report FROM checks").fetchall()
    con.close()
    ids = {r[0] for r in rows}
    assert set(acknowledged) <= ids, "a check the client was told about is missing"
    for _id, verdict, _title, report in rows:
        rep = json.loads(report)
        assert rep["verdict"] == verdict and isinstance(rep["findings"], list)
    srv = start_server(tmp, env, roles=("reader",))
    try:
        with srv.client() as c:
            listed = c.get("/api/checks", params={"limit": 1000}).json()["checks"]
            assert {e["id"] for e in listed} == ids
    finally:
        srv.stop()
    from shanxi_policy.api.audit import AuditLog

    audited = {int(e.target) for e in AuditLog(env["SHANXI_POLICY_AUTH_DB"]).list(10_000, "check") if e.ok and e.target}
    _record("kill_during_check", {"kills": rounds, "acknowledged_checks": len(acknowledged), "history_rows": len(rows),
                                  "acknowledged_missing": len(set(acknowledged) - ids),
                                  "rows_without_audit_entry": len(ids - audited), "integrity_check": "ok"})
    # The restart above audits, as recovered, any check stored just before a kill and not yet audited.
    assert ids <= audited, f"stored checks without an audit entry: {sorted(ids - audited)}"


_SITE_HOOK = '''
import errno, os
if os.environ.get("SP_TEST_DISK_FULL"):
    import shanxi_policy.kb as _kb
    _orig = _kb.save_vectors
    def _full(path, vectors):
        with open(path, "wb") as f:
            f.write(b"\\x93NUMPY" + b"\\0" * 1000)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
    _kb.save_vectors = _full
'''


def test_disk_full_during_upload_keeps_index_and_corpus(tmp_path: Path):
    """Simulated: the vectors file write fails with ENOSPC inside the server process (a sitecustomize hook).
    Where the test runs as root and tmpfs can be mounted, a real 1 MB file system is also filled."""
    from tests.api_server import make_workspace

    env = make_workspace(tmp_path)
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(_SITE_HOOK, encoding="utf-8")
    srv = start_server(tmp_path, {**env, "SP_TEST_DISK_FULL": "1"}, pythonpath=str(hook))
    corpus_before = sorted(p.name for p in Path(env["SHANXI_POLICY_CORPUS_DIR"]).iterdir())
    try:
        with srv.client("editor") as c:
            before = c.post("/api/ask", json={"question": QUESTIONS[0]}).json()
            r = c.post("/api/documents", files={"files": ("新文件.txt", _extra_document(3).encode())})
            body = assert_clean_error(r, 507)
            assert body["code"] == "disk_full"
            after = c.post("/api/ask", json={"question": QUESTIONS[0]}).json()
            assert after["text"] == before["text"] and after["index_version"] == before["index_version"]
            r = c.delete("/api/documents/shanxi_wanbao_2024_meili_shanxi")
            assert assert_clean_error(r, 507)["code"] == "disk_full"
            assert len(c.get("/api/documents").json()["documents"]) == 2
    finally:
        srv.stop()
    assert sorted(p.name for p in Path(env["SHANXI_POLICY_CORPUS_DIR"]).iterdir()) == corpus_before
    assert not list(tmp_path.glob(".index.tmp-*"))
    real = _real_full_disk(tmp_path)
    _record("disk_full", {"simulated": "ENOSPC raised by the vectors write in the server (sitecustomize hook)",
                          "upload_status": 507, "delete_status": 507, "index_unchanged": True, "corpus_unchanged": True,
                          "real_tmpfs": real})


def _real_full_disk(tmp_path: Path) -> str:
    """A real ENOSPC: the index on a 1 MB tmpfs; a rebuild cannot fit and must leave the old index."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        return "skipped (not root)"
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], capture_output=True).returncode:
        return "skipped (tmpfs mount refused)"
    try:
        from shanxi_policy.errors import PolicyError
        from shanxi_policy.kb import build_index

        shutil.copytree(seed_index(), mnt / "index")
        before = _answers(mnt / "index")
        corpus = tmp_path / "corpus2"
        copy_seeds(corpus)
        (corpus / "extra.txt").write_text(_extra_document(3), encoding="utf-8")
        with pytest.raises((OSError, PolicyError)) as exc:
            build_index([corpus], mnt / "index", force=True)
        if isinstance(exc.value, OSError):
            assert exc.value.errno in (errno.ENOSPC, errno.EDQUOT)
        assert _answers(mnt / "index") == before
        assert not list(mnt.glob(".index.tmp-*"))
        return "ENOSPC on a 1 MB tmpfs: build failed, old index answered, no temporary directory left"
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True)


def test_corrupted_index_files_give_a_clear_message_or_the_right_answer(tmp_path: Path):
    from shanxi_policy.errors import IndexStateError
    from shanxi_policy.kb import KnowledgeBase

    base = seed_index()
    before = _answers(base)
    files = [p.relative_to(base) for p in sorted(base.rglob("*")) if p.is_file()]
    outcomes: dict[str, int] = {"refused_with_message": 0, "loaded_same_answers": 0}
    cases = 0
    for rel in files:
        for how in ("truncate", "garbage", "delete", "empty", "flip"):
            d = tmp_path / f"c{cases}"
            shutil.copytree(base, d)
            f = d / rel
            data = f.read_bytes()
            if how == "truncate":
                f.write_bytes(data[: len(data) // 2])
            elif how == "garbage":
                f.write_bytes(os.urandom(max(64, len(data))))
            elif how == "delete":
                f.unlink()
            elif how == "flip":  # one changed byte in the middle, e.g. a digit of a clause
                mid = len(data) // 2
                f.write_bytes(data[:mid] + bytes([data[mid] ^ 0x01]) + data[mid + 1:])
            else:
                f.write_bytes(b"")
            cases += 1
            try:
                got = _answers(d)
            except IndexStateError as exc:
                assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc)), str(exc)
                outcomes["refused_with_message"] += 1
            else:
                assert got == before, f"{rel} {how}: loaded but answered differently"
                outcomes["loaded_same_answers"] += 1
            shutil.rmtree(d)
    assert KnowledgeBase.load(base)
    _record("corrupted_index", {"files": len(files), "cases": cases, **outcomes, "wrong_answers": 0,
                                "other_exceptions": 0})


def test_corrupted_index_in_a_running_server_gives_503(workspace):
    tmp, env = workspace
    srv = start_server(tmp, env, roles=("reader",))
    manifest = Path(env["SHANXI_POLICY_INDEX_DIR"]) / "manifest.json"
    good = manifest.read_bytes()
    try:
        manifest.write_bytes(good[: len(good) // 3])
        with srv.client() as c:
            body = assert_clean_error(c.post("/api/ask", json={"question": QUESTIONS[0]}), 503)
            assert body["code"] == "index_unavailable"
            manifest.write_bytes(good)
            os.utime(manifest)
            assert c.post("/api/ask", json={"question": QUESTIONS[0]}).status_code == 200
    finally:
        manifest.write_bytes(good)
        srv.stop()


def _write_history(db: str, worker: int, n: int) -> None:
    from shanxi_policy.api.audit import AuditLog
    from shanxi_policy.check.history import History
    from shanxi_policy.check.report import Report

    h, log = History(db), AuditLog(db + ".audit")
    for i in range(n):
        h.add(Report("unrelated", [], title=f"w{worker}-{i}", created="2026-01-01 00:00", index_version="v",
                     proposal="项目名称：并发写入测试项目。" * 20))
        log.record(f"w{worker}", "check", str(i), index_version="v")


def test_twenty_concurrent_writers_lose_nothing(tmp_path: Path):
    db = str(tmp_path / "history.sqlite3")
    writers, each = 20, 15
    ctx = multiprocessing.get_context("fork")  # spawn would re-import the package 20 times
    procs = [ctx.Process(target=_write_history, args=(db, w, each)) for w in range(writers)]
    t0 = time.perf_counter()
    for p in procs:
        p.start()
    for p in procs:
        p.join(300)
        assert p.exitcode == 0
    seconds = time.perf_counter() - t0
    con = sqlite3.connect(db)
    titles = {r[0] for r in con.execute("SELECT title FROM checks")}
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    want = {f"w{w}-{i}" for w in range(writers) for i in range(each)}
    assert titles == want
    con = sqlite3.connect(db + ".audit")
    assert con.execute("SELECT count(*) FROM audit").fetchone()[0] == writers * each
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    _record("concurrent_writers", {"writers": writers, "records_each": each, "history_rows": len(titles),
                                   "audit_rows": writers * each, "lost": 0, "integrity_check": "ok",
                                   "seconds": round(seconds, 1)})


def test_server_survives_everything_above(server):
    assert server.alive() and health_ok(server)


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
