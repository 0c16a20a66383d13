"""Reliability suite (`make reliability`): load, faults, hostile input, prompt injection.

Collected only when SHANXI_POLICY_RELIABILITY=1 (set by `make reliability`), so `make test` stays fast.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.api_server import Server, make_workspace, start_server


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    tmp = tmp_path_factory.mktemp("rel")
    return tmp, make_workspace(tmp)


@pytest.fixture(scope="module")
def server(workspace: tuple[Path, dict[str, str]]):
    tmp, env = workspace
    srv = start_server(tmp, env)
    yield srv
    srv.stop()


def health_ok(srv: Server, timeout: float = 15) -> bool:
    import httpx

    try:
        return httpx.get(f"{srv.url}/api/health", timeout=timeout).json().get("status") == "ok"
    except httpx.HTTPError:
        return False
