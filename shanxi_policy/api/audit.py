"""Append-only audit log in SQLite: who did what, when, against which index version.

UPDATE and DELETE on the table are aborted by triggers, so even code holding a connection cannot rewrite
history; only deleting the database file can.
"""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import dbfile

_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    channel TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    ok INTEGER NOT NULL,
    index_version TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
"""


def connect(path: Path) -> sqlite3.Connection:
    """WAL lets the app, the API and the CLI read while one of them writes; writers wait up to 30 s."""
    return dbfile.connect(path)


@dataclass
class AuditEntry:
    id: int
    at: str
    actor: str
    channel: str
    action: str
    target: str
    ok: bool
    index_version: str
    detail: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


class AuditLog:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(connect(self.path)) as con, con:
            con.executescript(_SCHEMA)

    def record(self, actor: str, action: str, target: str = "", *, channel: str = "api", ok: bool = True,
               index_version: str = "", detail: dict[str, Any] | None = None) -> int:
        at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        with closing(connect(self.path)) as con, con:
            cur = con.execute(
                "INSERT INTO audit (at, actor, channel, action, target, ok, index_version, detail) VALUES (?,?,?,?,?,?,?,?)",
                (at, actor, channel, action, target, int(ok), index_version,
                 json.dumps(detail or {}, ensure_ascii=False)),
            )
            return int(cur.lastrowid or 0)

    def list(self, limit: int = 100, action: str | None = None) -> list[AuditEntry]:
        sql = "SELECT id, at, actor, channel, action, target, ok, index_version, detail FROM audit"
        args: tuple[Any, ...] = ()
        if action:
            sql += " WHERE action = ?"
            args = (action,)
        with closing(connect(self.path)) as con:
            rows = con.execute(sql + " ORDER BY id DESC LIMIT ?", (*args, limit)).fetchall()
        return [AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7], json.loads(r[8])) for r in rows]

    def audited_targets(self, action: str, above: int = 0) -> set[str]:
        """Targets of successful `action` rows; with `above`, only numeric targets greater than it."""
        sql = "SELECT target FROM audit WHERE action = ? AND ok = 1"
        if above:
            sql += " AND CAST(target AS INTEGER) > ?"
        with closing(connect(self.path)) as con:
            return {r[0] for r in con.execute(sql, (action, above) if above else (action,))}

    def last_detail(self, action: str) -> dict[str, Any]:
        """Detail of the latest `action` row, or an empty dict."""
        with closing(connect(self.path)) as con:
            row = con.execute("SELECT detail FROM audit WHERE action = ? ORDER BY id DESC LIMIT 1", (action,)).fetchone()
        return dict(json.loads(row[0])) if row else {}
