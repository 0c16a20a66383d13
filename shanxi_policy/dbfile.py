"""SQLite files shared by the app, the API and the CLI (the review history, the audit log)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

# How long a connection waits for another process's write (and for the first one to set the journal mode).
WAIT_SECONDS = 30.0


def connect(path: str | Path) -> sqlite3.Connection:
    """WAL lets readers go on while one process writes; writers wait up to WAIT_SECONDS for each other."""
    con = sqlite3.connect(path, timeout=WAIT_SECONDS)
    con.execute(f"PRAGMA busy_timeout={int(WAIT_SECONDS * 1000)}")
    _use_wal(con)
    con.execute("PRAGMA synchronous=NORMAL")
    return con


def _use_wal(con: sqlite3.Connection) -> None:
    """WAL is kept in the file once set, so it is read first. Setting it takes a lock that SQLite does not wait for: many
    processes opening a new file at once get "database is locked" at once, so the change is retried until it holds."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        try:
            if str(con.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                con.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
