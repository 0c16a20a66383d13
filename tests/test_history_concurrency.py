"""Many processes opening one new history file at once: each gets a connection (the journal mode is set by whichever
comes first, the others wait for it), none fails with "database is locked"."""

from __future__ import annotations

import multiprocessing
from pathlib import Path


def _open(db: str, barrier: object) -> None:
    from shanxi_policy.check.history import History

    barrier.wait()  # type: ignore[attr-defined]
    History(db)


def test_processes_opening_a_new_history_file_at_once_all_succeed(tmp_path: Path):
    ctx = multiprocessing.get_context("fork")  # spawn would re-import the package in every process
    failed = 0
    for round_ in range(20):
        db = str(tmp_path / f"history{round_}.sqlite3")
        barrier = ctx.Barrier(40)
        procs = [ctx.Process(target=_open, args=(db, barrier)) for _ in range(40)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(120)
            failed += p.exitcode != 0
    assert failed == 0
