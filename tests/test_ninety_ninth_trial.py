"""Findings of the ninety-ninth user trial (a county industry bureau screening factory projects before they are filed)
and of the ninety-seventh's that stayed open, each a general case."""

from __future__ import annotations

from shanxi_policy.check.proposal import analyze
from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_production_ahead_of_the_acceptance(library_kb):
    # "改造后的合成工段已于2024年10月建成并投入生产…竣工环境保护验收尚未开展，企业计划2025年下半年再组织验收": in use
    # before its acceptance (建设项目环境保护管理条例 第十九条 had not been found; the approval was stated done)
    rep = check_proposal(library_kb, trial_text("99_P06"))
    assert "conflict" in relations(rep, "建设项目环境保护管理条例", "第十九条")
    assert rep.verdict == "conflict"


def test_a_subsidy_request_tells_no_building_works(library_kb):
    # "申请事项：申报县级技改项目贴息补助" had carried 固废法 第六十三条 (建筑垃圾处理方案) as 需关注
    rep = check_proposal(library_kb, trial_text("99_P06"))
    assert not [f for f in rep.findings if f.article == "第六十三条" and "贴息" in f.evidence]


def test_waste_fat_is_no_mineral_oil(library_kb):
    # "废油脂和骨渣交由有资质的油脂加工企业综合利用": 废油 inside 废油脂 had made it hazardous waste (固废法 第八十条,
    # 第八十五条, 危废许可办法 第十五条 需关注)
    rep = check_proposal(library_kb, trial_text("99_P04"))
    assert "attention" not in relations(rep, "固体废物污染环境防治法", "第八十条")
    assert "attention" not in relations(rep, "危险废物经营许可证管理办法", "第十五条")
    fact = analyze("废油脂和骨渣交由有资质的油脂加工企业综合利用。").facts[0]
    assert not [m for m in fact.mentions if "危险废物" in m.terms]
    fact = analyze("维修产生的废油交有资质单位处置。").facts[0]
    assert [m for m in fact.mentions if "危险废物" in m.terms]


def test_facilities_built_at_the_same_time_are_no_building_site(library_kb):
    # "环保设施与主体工程同时设计、同时施工、同时投产": 三同时, not a site raising dust (美丽山西实施意见（八）"五尘" had
    # been the only 需关注 of a distillery with every paper)
    rep = check_proposal(library_kb, trial_text("99_P05"))
    assert rep.verdict == "supports"


def test_solvent_inks_named_with_their_kind(library_kb):
    # "印刷采用溶剂型凹版油墨…溶剂型聚氨酯胶粘剂": the seed policy's low-VOC clause had been 符合 on one solvent-free
    # laminator
    rep = check_proposal(library_kb, trial_text("99_P03"))
    seeded = [f for f in rep.findings if "（八）" in f.article]
    assert seeded and "supports" not in {f.relation for f in seeded}


def test_standard_workshops_with_their_waste_disposed(library_kb):
    # "建筑垃圾分类后交有资质单位运输并资源化利用" had been 固废法 第六十三条 需关注
    rep = check_proposal(library_kb, trial_text("99_P11"))
    assert "attention" not in relations(rep, "固体废物污染环境防治法", "第六十三条")


def test_a_farm_restaurant_whose_fumes_are_left_to_the_design(library_kb):
    # ninety-seventh trial: "农家餐厅2处…厨房油烟…的处理方式待下一步设计中再行确定" (大气法 第八十一条 had been 相关)
    rep = check_proposal(library_kb, trial_text("97_P07"))
    assert "attention" in relations(rep, "大气污染防治法", "第八十一条")
