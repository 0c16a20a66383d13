"""A real `shanxi-policy serve` process on a free 127.0.0.1 port, over a copy of the committed index."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEED_FILES = ["meili_shanxi_shishi_yijian", "shanxi_wanbao_2024_meili_shanxi"]
SHANXI_POLICY = Path(sys.executable).with_name("shanxi-policy")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


_SEED_INDEX: Path | None = None


def seed_index() -> Path:
    """An index of the two seed documents, built once per test process from a copy of the committed index
    (its vectors are reused by text hash, so nothing is embedded)."""
    global _SEED_INDEX
    if _SEED_INDEX is None:
        import atexit
        import tempfile

        from shanxi_policy.kb import build_index

        base = Path(tempfile.mkdtemp(prefix="sp-seed-index-"))
        atexit.register(shutil.rmtree, base, True)
        shutil.copytree(ROOT / "index", base / "index")
        corpus = base / "corpus"
        copy_seeds(corpus)
        build_index([corpus], base / "index")
        _SEED_INDEX = base / "index"
    return _SEED_INDEX


def copy_seeds(corpus: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    for stem in SEED_FILES:
        for f in (ROOT / "corpus").glob(f"{stem}.*"):
            shutil.copy(f, corpus / f.name)


def make_workspace(tmp: Path) -> dict[str, str]:
    """Seed corpus, its index (rebuilds reuse the vectors) and empty databases."""
    corpus = tmp / "corpus"
    copy_seeds(corpus)
    shutil.copytree(seed_index(), tmp / "index")
    return {
        "SHANXI_POLICY_CORPUS_DIR": str(corpus),
        "SHANXI_POLICY_INDEX_DIR": str(tmp / "index"),
        "SHANXI_POLICY_HISTORY_DB": str(tmp / "history.sqlite3"),
        "SHANXI_POLICY_AUTH_DB": str(tmp / "auth.sqlite3"),
        "SHANXI_POLICY_LLM_BACKEND": "",
    }


@dataclass
class Server:
    url: str
    proc: subprocess.Popen[bytes]
    env: dict[str, str]
    log: Path
    tokens: dict[str, str] = field(default_factory=dict)

    def client(self, role: str = "reader", timeout: float = 60) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.tokens[role]}"} if role in self.tokens else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=timeout)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.alive():
            self.proc.send_signal(sig)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def start_server(tmp: Path, env: dict[str, str], *extra: str, roles: tuple[str, ...] = ("reader", "editor"),
                 wait: float = 120, pythonpath: str = "") -> Server:
    full = {**os.environ, **env}
    if pythonpath:
        full["PYTHONPATH"] = pythonpath + os.pathsep + full.get("PYTHONPATH", "")
    tokens: dict[str, str] = {}
    if roles:
        from shanxi_policy.api.auth import TokenStore

        store = TokenStore(env["SHANXI_POLICY_AUTH_DB"])
        for role in roles:
            tokens[role] = store.add(f"test-{role}-{len(store.list(include_revoked=True))}", role)
    port = free_port()
    log = tmp / f"serve-{port}.log"
    proc = subprocess.Popen([str(SHANXI_POLICY), "serve", "--port", str(port), "--log-level", "warning", *extra],
                            env=full, stdout=log.open("wb"), stderr=subprocess.STDOUT, cwd=tmp)
    srv = Server(f"http://127.0.0.1:{port}", proc, full, log, tokens)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if not srv.alive():
            raise RuntimeError(f"server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            r = httpx.get(f"{srv.url}/api/health", timeout=60)
            if r.status_code == 200 and r.json().get("status") == "ok":
                return srv
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    srv.stop(signal.SIGKILL)
    raise RuntimeError(f"server did not become ready: {log.read_text(errors='replace')[-2000:]}")


def assert_clean_error(r: httpx.Response, status: int | tuple[int, ...] | None = None) -> dict[str, object]:
    """An error is JSON {"code", "message"} with a Chinese message and no stack trace."""
    import re

    if status is not None:
        want = status if isinstance(status, tuple) else (status,)
        assert r.status_code in want, (r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("application/json"), r.headers["content-type"]
    body = r.json()
    assert isinstance(body.get("code"), str) and body["code"], body
    assert re.search(r"[\u4e00-\u9fff]", body.get("message", "")), body
    assert "Traceback" not in r.text and 'File "' not in r.text and ".py" not in body["message"], r.text[:500]
    return dict(body)
