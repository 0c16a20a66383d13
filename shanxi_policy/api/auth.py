"""API tokens with roles, stored hashed in SQLite (never the token itself).

A token reads ``sp_<id>_<secret>``: the id finds the row, the secret is checked against
sha256(salt + secret) in constant time. Secrets are 256 random bits, so a fast salted hash suffices
(a slow KDF would only add latency to every request).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from ..errors import PolicyError
from .audit import connect

ROLES = ("reader", "editor")
# What each role may do; an editor may do everything a reader may.
PERMISSIONS = {"reader": {"read"}, "editor": {"read", "write"}}
_NAME = re.compile(r"^[\w.\-@\u4e00-\u9fff]{1,64}$")
_TOKEN = re.compile(r"^sp_([0-9a-f]{12})_([A-Za-z0-9_\-]{20,100})$")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS tokens (
    token_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    salt TEXT NOT NULL,
    hash TEXT NOT NULL,
    created TEXT NOT NULL,
    revoked TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS tokens_active_name ON tokens(name) WHERE revoked IS NULL;
"""


class AuthError(PolicyError):
    """A token problem; ``code`` is the stable API error code."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


@dataclass(frozen=True)
class Principal:
    name: str
    role: str

    def may(self, permission: str) -> bool:
        return permission in PERMISSIONS.get(self.role, set())


@dataclass
class TokenInfo:
    name: str
    role: str
    created: str
    revoked: str | None


def _hash(salt: str, secret: str) -> str:
    return hashlib.sha256(f"{salt}:{secret}".encode()).hexdigest()


class TokenStore:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(connect(self.path)) as con, con:
            con.executescript(_SCHEMA)

    def add(self, name: str, role: str) -> str:
        """Create a token and return it; it is shown once and cannot be recovered."""
        if not _NAME.match(name):
            raise AuthError("invalid_name", "令牌名称只能包含中文、字母、数字和 . _ - @，长度 1–64")
        if role not in ROLES:
            raise AuthError("invalid_role", f"角色必须是 {' 或 '.join(ROLES)}")
        token_id, secret, salt = secrets.token_hex(6), secrets.token_urlsafe(32), secrets.token_hex(16)
        created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        try:
            with closing(connect(self.path)) as con, con:
                con.execute("INSERT INTO tokens (token_id, name, role, salt, hash, created) VALUES (?,?,?,?,?,?)",
                            (token_id, name, role, salt, _hash(salt, secret), created))
        except Exception as exc:
            if "UNIQUE" in str(exc):
                raise AuthError("name_taken", f"已有名为“{name}”的有效令牌，请换一个名称或先吊销它") from exc
            raise
        return f"sp_{token_id}_{secret}"

    def revoke(self, name: str) -> None:
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        with closing(connect(self.path)) as con, con:
            n = con.execute("UPDATE tokens SET revoked = ? WHERE name = ? AND revoked IS NULL", (now, name)).rowcount
        if n == 0:
            raise AuthError("unknown_token", f"没有名为“{name}”的有效令牌")

    def list(self, include_revoked: bool = False) -> list[TokenInfo]:
        sql = "SELECT name, role, created, revoked FROM tokens"
        if not include_revoked:
            sql += " WHERE revoked IS NULL"
        with closing(connect(self.path)) as con:
            return [TokenInfo(*r) for r in con.execute(sql + " ORDER BY created, name").fetchall()]

    def active_count(self) -> int:
        with closing(connect(self.path)) as con:
            return int(con.execute("SELECT count(*) FROM tokens WHERE revoked IS NULL").fetchone()[0])

    def verify(self, token: str) -> Principal:
        """The principal of a valid, unrevoked token; AuthError otherwise (same message for every failure)."""
        m = _TOKEN.match(token.strip())
        bad = AuthError("invalid_token", "API 令牌无效或已被吊销")
        if not m:
            raise bad
        with closing(connect(self.path)) as con:
            row = con.execute("SELECT name, role, salt, hash FROM tokens WHERE token_id = ? AND revoked IS NULL",
                              (m.group(1),)).fetchone()
        if row is None or not hmac.compare_digest(_hash(row[2], m.group(2)), row[3]):
            raise bad
        return Principal(row[0], row[1])
