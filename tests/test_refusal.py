"""The "未在政策文件中找到相关规定" decision: signals read from the retrieval, the fitted model, its fitting."""

from __future__ import annotations

import random

import pytest

from shanxi_policy.answer.calibration import FEATURES, Calibration, _asked_unit, fit, load_calibration


def _model(**kw: float) -> Calibration:
    return Calibration(min_coverage=kw.get("min_coverage", 0.5), features=["dense"], weights=[1.0], mean=[0.9],
                       scale=[0.01], bias=0.0, threshold=kw.get("threshold", 0.5))


def test_model_decides_by_score_and_coverage_overrides() -> None:
    cal = _model()
    assert cal.decide({"coverage": 0.1, "dense": 0.92})  # above the mean: score > 0.5
    assert not cal.decide({"coverage": 0.1, "dense": 0.88})
    # Every word of the question in a clause: answered whatever the model says.
    assert cal.decide({"coverage": 0.6, "dense": 0.80})
    assert cal.score({"coverage": 0.0, "dense": 0.95}) > cal.score({"coverage": 0.0, "dense": 0.91})


def test_without_a_model_the_coverage_rule_is_used() -> None:
    cal = Calibration(min_coverage=0.325, min_dense=2.0)
    assert cal.decide({"coverage": 0.4, "dense": 0.99})
    assert not cal.decide({"coverage": 0.3, "dense": 0.99})


def _rows(n: int, seed: int) -> tuple[list[tuple[dict[str, float], bool]], list[str]]:
    rnd = random.Random(seed)
    rows, groups = [], []
    for i in range(n):
        y = i % 3 != 0
        dense = rnd.gauss(0.91 if y else 0.87, 0.01)
        cov = min(1.0, max(0.0, rnd.gauss(0.5 if y else 0.2, 0.15)))
        feats = {f: 0.0 for f in FEATURES} | {"dense": dense, "coverage": cov, "coverage_top1": cov}
        rows.append((feats, y))
        groups.append("a" if i % 2 else "b")
    return rows, groups


def test_fit_separates_and_keeps_false_refusals_bounded() -> None:
    rows, groups = _rows(300, 1)
    cal = fit(rows, "m", groups=groups)
    assert cal.weights and cal.features == list(FEATURES)
    assert cal.weights[cal.features.index("dense")] > 0
    pos = [cal.decide(f) for f, y in rows if y]
    neg = [cal.decide(f) for f, y in rows if not y]
    assert 1 - sum(pos) / len(pos) <= 0.05
    assert sum(neg) / len(neg) < 0.3
    # Held-out rows drawn the same way: the model generalizes.
    test, _ = _rows(300, 2)
    assert sum(cal.decide(f) == y for f, y in test) / len(test) > 0.85


def test_fit_respects_a_stricter_bound_for_one_group() -> None:
    rows, groups = _rows(300, 3)
    cal = fit(rows, "m", groups=groups, group_max_false_refusal={"a": 0.0})
    assert all(cal.decide(f) for (f, y), g in zip(rows, groups, strict=True) if y and g == "a")


@pytest.mark.parametrize(("question", "asked"), [
    ("全国碳市场上碳排放配额现在多少钱一吨？", "元"),
    ("被污染损害了想打官司，最晚多长时间内要起诉？", "年"),
    ("山西今年空气质量优良天数在全国排第几？", "名"),
    ("工地晚上打桩合法吗？", None),
])
def test_the_asked_answer_type(question: str, asked: str | None) -> None:
    pat = _asked_unit(question)
    assert (pat is None) == (asked is None)
    if pat is not None and asked is not None:
        assert pat.search(f"第三{asked}") or pat.search(f"三{asked}") or pat.search(f"五万{asked}")


def test_signals_of_an_answerable_and_an_unanswerable_question(seed_kb) -> None:
    from shanxi_policy.answer.extract import decision_features

    feats = {}
    for q in ("到2030年非化石能源比重要达到多少？", "驾驶证到期换证需要什么材料？"):
        hits, dense = seed_kb.search_with_signal(q, k=5)
        feats[q] = decision_features(seed_kb, q, hits, dense)
        assert set(FEATURES) <= feats[q].keys()
        assert 0.0 <= feats[q]["bm25_share"] <= 1.0 and 0.0 <= feats[q]["missing_rare"] <= 1.0
    good, bad = feats.values()
    assert good["coverage"] > bad["coverage"] and good["bm25_share"] > bad["bm25_share"]
    assert bad["missing_rare"] > good["missing_rare"]
    cal = load_calibration(seed_kb.embedder.model_id)
    assert cal.decide(good) and not cal.decide(bad)
    assert seed_kb.ask("驾驶证到期换证需要什么材料？").found is False


def test_bm25_ceiling_bounds_every_score(seed_kb) -> None:
    from shanxi_policy.text.tokenize import query_terms

    terms = query_terms("燃煤锅炉淘汰")
    assert float(seed_kb.sparse.scores(terms).max()) <= seed_kb.sparse.ceiling(terms) + 1e-4
    assert seed_kb.sparse.ceiling(["不存在的词语xyz"]) == 0.0


def test_calibrate_writes_to_the_index_not_to_the_package(seed_kb, tmp_path, monkeypatch) -> None:
    """`shanxi-policy calibrate` stores the user's fit with the index (or --out); the shipped file stays."""
    import hashlib

    from shanxi_policy.answer.calibration import USER_FILE, calibration_path
    from shanxi_policy.evaluate import calibrate, read_gold

    shipped = hashlib.sha256(calibration_path().read_bytes()).hexdigest()
    from .conftest import ROOT

    items = read_gold(ROOT / "tests/data/gold_corpus_qa.jsonl")
    items = [it for it in items if not it.in_scope][:4] + [it for it in items if it.in_scope][:8]
    monkeypatch.setattr(seed_kb, "index_dir", tmp_path)
    cal = calibrate(seed_kb, items)
    assert (tmp_path / USER_FILE).is_file()
    out = tmp_path / "elsewhere.json"
    calibrate(seed_kb, items, out)
    assert out.is_file()
    assert hashlib.sha256(calibration_path().read_bytes()).hexdigest() == shipped
    # Answers on that index use the user's fit; another index keeps the shipped one.
    mine = load_calibration(seed_kb.embedder.model_id, tmp_path)
    assert (mine.weights, mine.threshold) == (cal.weights, cal.threshold)
    assert load_calibration(seed_kb.embedder.model_id, tmp_path / "none").fitted_on != cal.fitted_on


def test_search_embeds_the_question_as_asked(seed_kb) -> None:
    """Lay terms are searched by BM25; the embedding reads the question without them."""
    from shanxi_policy.answer.lexicon import expand

    q = "晚上工地打桩太吵了"
    searched = expand(q)
    assert searched != q
    _, dense_q = seed_kb.search_with_signal(searched, k=3, embed=q)
    _, dense_s = seed_kb.search_with_signal(searched, k=3)
    sims, _ = seed_kb.dense.search(seed_kb._query_vector(q), 1)
    assert dense_q == pytest.approx(float(sims[0]))
    assert dense_q != pytest.approx(dense_s)


def test_lexicon_maps_common_lay_words() -> None:
    from shanxi_policy.answer.lexicon import legal_terms

    assert "废弃电器电子产品" in legal_terms("电子垃圾能随便卖给收破烂的吗？")
    assert "恶臭" in legal_terms("楼下饭馆的臭味熏得人受不了")
    assert legal_terms("到2030年非化石能源比重要达到多少？") == []


def test_top_doc_share_counts_the_best_documents_clauses(seed_kb) -> None:
    from shanxi_policy.answer.extract import decision_features

    q = "到2030年非化石能源比重要达到多少？"
    hits, dense = seed_kb.search_with_signal(q, k=5)
    feats = decision_features(seed_kb, q, hits, dense)
    want = sum(h.doc_id == hits[0].doc_id for h in hits[:5]) / len(hits[:5])
    assert feats["top_doc_share"] == pytest.approx(want, abs=1e-4)
    assert decision_features(seed_kb, q, [], dense)["top_doc_share"] == 0.0


def test_lexicon_sections_keep_entries_written_from_questions_apart() -> None:
    """Calibration reads dev questions without the entries written while reading them."""
    from shanxi_policy.answer.lexicon import legal_terms, sections

    assert "噪声" in legal_terms("楼上噪音太大")  # written from the dev questions
    with sections("general"):
        assert "噪声" not in legal_terms("楼上噪音太大")
        assert "随意倾倒" in legal_terms("有人往河边乱扔垃圾")  # general entry
    assert "噪声" in legal_terms("楼上噪音太大")
