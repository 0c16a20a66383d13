"""Shared fixtures. Paths are relative to the repository; ../shared is optional."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
POLICY = CORPUS / "meili_shanxi_shishi_yijian.txt"
NEWS = CORPUS / "shanxi_wanbao_2024_meili_shanxi.txt"
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def corpus():
    import shanxi_policy as sp

    return sp.load_corpus(CORPUS)


@pytest.fixture(scope="session")
def policy_doc(corpus):
    return corpus.document("meili_shanxi_shishi_yijian")


@pytest.fixture(scope="session")
def news_doc(corpus):
    return corpus.document("shanxi_wanbao_2024_meili_shanxi")


def shared_or_skip(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (absent in a user's clone)")
    return p
