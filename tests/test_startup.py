"""Start-up: loading an index reads plain arrays (no bm25s, no faiss import), with the same results;
the segmenter's dictionary is cached as plain files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from shanxi_policy.retrieve.dense import DenseIndex

from .conftest import ROOT


@pytest.fixture(scope="module")
def small_index():
    return ROOT / "index"  # the committed index, read only


def test_loading_imports_neither_bm25s_nor_faiss(small_index, tmp_path):
    code = ("import sys, shanxi_policy; kb = shanxi_policy.load_index(sys.argv[1]); "
            "kb.search('燃煤锅炉', k=3, mode='bm25'); "
            "print(sorted(m for m in ('bm25s', 'faiss', 'scipy') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code, str(small_index)], cwd=tmp_path, capture_output=True, text=True,
                       check=True)
    assert r.stdout.strip() == "[]"


@pytest.mark.parametrize("mmap", [False, True])
def test_exact_index_read_from_file_matches_faiss(small_index, mmap):
    import faiss

    path = Path(small_index) / "dense.faiss"
    ours = DenseIndex.load(path, mmap=mmap)
    assert ours._index is None and ours.kind == "IndexFlatIP"  # served by numpy
    ref = DenseIndex(faiss.read_index(str(path)))
    assert ours.size() == ref.size()
    rng = np.random.default_rng(0)
    for k in (1, 5, ours.size() + 3):
        q = rng.standard_normal(384).astype(np.float32)
        q /= np.linalg.norm(q)
        s1, i1 = ours.search(q, k)
        s2, i2 = ref.search(q, k)
        assert list(i1) == list(i2)
        assert np.allclose(s1, s2, atol=1e-5)


def test_unexpected_dense_file_goes_to_faiss(small_index, tmp_path):
    path = Path(small_index) / "dense.faiss"
    cut = tmp_path / "dense.faiss"
    cut.write_bytes(path.read_bytes()[:-4])  # size no longer matches the header
    with pytest.raises(RuntimeError):
        DenseIndex.load(cut)


def test_sparse_index_loaded_without_bm25s_scores_like_bm25s(small_index):
    from shanxi_policy.retrieve.sparse import SparseIndex

    ix = SparseIndex.load(Path(small_index) / "bm25")
    assert ix._model is None
    tokens = list(ix._vocab)[:20]
    ours = ix.scores(tokens)
    assert np.allclose(ours, np.asarray(ix._m.get_scores(tokens)), atol=1e-4)  # _m loads bm25s lazily


def test_segmenter_dictionary_cache_round_trip(tmp_path):
    from shanxi_policy.text.tokenize import _load_freq, _save_freq

    freq = {"燃煤": 10, "燃": 0, "燃煤锅炉": 1000, "锅炉": 30, "锅": 0}

    def Tok() -> SimpleNamespace:  # stands in for jieba.Tokenizer
        return SimpleNamespace(FREQ=dict(freq), total=1040, initialized=False)

    cache = tmp_path / "jieba-cache"
    _save_freq(Tok(), cache)
    fresh = Tok()
    fresh.FREQ, fresh.total = {}, 0
    assert _load_freq(fresh, cache)
    assert fresh.FREQ == freq and fresh.total == 1040 and fresh.initialized
    (cache / "freq.npy").unlink()
    assert not _load_freq(Tok(), cache)  # a damaged cache is rebuilt, not used


def test_segmenter_cache_key_follows_the_dictionary(monkeypatch):
    import jieba

    from shanxi_policy.text import tokenize as T

    key = T._freq_cache_dir(jieba)
    monkeypatch.setattr(T, "_dictionary_additions", lambda: [("新词语", 1000)])
    assert T._freq_cache_dir(jieba) != key

