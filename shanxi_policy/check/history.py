"""History of checks in SQLite (WAL; one transaction per check, so a crash leaves no half record)."""

from __future__ import annotations

import builtins
import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import dbfile
from ..errors import PolicyError
from .report import Report

_SCHEMA = """
CREATE TABLE IF NOT EXISTS checks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    title TEXT NOT NULL,
    verdict TEXT NOT NULL,
    index_version TEXT NOT NULL,
    input TEXT NOT NULL,
    report TEXT NOT NULL
)
"""


@dataclass
class HistoryEntry:
    id: int
    created: str
    title: str
    verdict: str
    index_version: str
    # the label the report was shown with ("未能完成审查，需人工审查" is a verdict of 需关注 that says more)
    label: str = ""


class History:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as con, con:
            con.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return dbfile.connect(self.path)

    def add(self, rep: Report) -> int:
        with closing(self._connect()) as con, con:
            cur = con.execute(
                "INSERT INTO checks (created, title, verdict, index_version, input, report) VALUES (?,?,?,?,?,?)",
                # a review limited to some documents says so in the list, beside a full one of the same project
                (rep.created, f"{rep.title}（{rep.basis}）" if rep.basis else rep.title, rep.verdict, rep.index_version,
                 rep.proposal,
                 json.dumps(rep.to_dict(), ensure_ascii=False)),
            )
            return int(cur.lastrowid or 0)

    def list(self, limit: int = 100) -> list[HistoryEntry]:
        with closing(self._connect()) as con:
            rows = con.execute(
                "SELECT id, created, title, verdict, index_version, coalesce(json_extract(report, '$.verdict_label'), '') "
                "FROM checks ORDER BY id DESC LIMIT ?", (limit,)
            ).fetchall()
        return [HistoryEntry(*r) for r in rows]

    def after(self, check_id: int) -> builtins.list[HistoryEntry]:
        """Entries with an id above `check_id`, oldest first (ids are never reused)."""
        with closing(self._connect()) as con:
            rows = con.execute(
                "SELECT id, created, title, verdict, index_version, coalesce(json_extract(report, '$.verdict_label'), '') "
                "FROM checks WHERE id > ? ORDER BY id", (check_id,)
            ).fetchall()
        return [HistoryEntry(*r) for r in rows]

    def get(self, check_id: int) -> dict[str, Any]:
        with closing(self._connect()) as con:
            row = con.execute("SELECT report FROM checks WHERE id = ?", (check_id,)).fetchone()
        if row is None:
            raise PolicyError(f"没有编号为 {check_id} 的审查记录")
        return dict(json.loads(row[0]))

    def delete(self, check_id: int) -> None:
        with closing(self._connect()) as con, con:
            n = con.execute("DELETE FROM checks WHERE id = ?", (check_id,)).rowcount
        if n == 0:
            raise PolicyError(f"没有编号为 {check_id} 的审查记录")
