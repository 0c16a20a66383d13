"""Findings of the sixty-fifth user trial (a county forestry and grassland bureau screening works in forests, wetlands
and reserves), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_a_wetland_drained_and_ploughed(library_kb):
    # "现状为天然芦苇滩和季节性积水洼地…开挖纵横排水沟…将积水排入汾河，降低地下水位；再对芦苇进行清除、翻耕": a wetland
    # (湿地保护法 第二条's "季节性积水地带") drained and reclaimed, 第二十八条; the levelling is no 符合 of a land-use standard
    rep = check_proposal(library_kb, trial_text("65_P09"))
    assert "conflict" in relations(rep, "湿地保护法", "第二十八条")
    # the sentence that makes the site a wetland is quoted with the draining
    f = next(f for f in rep.findings if f.article == "第二十八条" and "湿地保护法" in f.doc_label)
    assert "季节性积水" in f.evidence and "排水沟" in f.evidence
    assert not any(f.relation == "supports" and "土地使用标准" in f.hit.text for f in rep.findings)


def test_an_invasive_plant_brought_into_a_wetland(library_kb):
    # "在浅水区引种…凤眼莲（水葫芦）": an alien species brought in (第三十条), its "外来" no "outside" of the place
    rep = check_proposal(library_kb, trial_text("65_P08"))
    assert "conflict" in relations(rep, "湿地保护法", "第三十条")


@pytest.mark.parametrize("text", [
    "项目名称：某寺院放生活动。活动地点：湿地公园水面。活动内容：向湿地水面集中放生巴西龟2000只。",
])
def test_releasing_an_alien_species(library_kb, text):
    assert "conflict" in relations(check_proposal(library_kb, text), "湿地保护法", "第三十条")


def test_a_former_school_is_the_works_building(library_kb):
    # "利用…原龙湾小学闲置校舍改建": no school is there; 噪声污染防治法 第三十五条 is no conflict
    rep = check_proposal(library_kb, trial_text("65_P10"))
    assert "conflict" not in relations(rep, "噪声污染防治法", "第三十五条")
    assert "conflict" in relations(rep, "水污染防治法", "第六十六条")


def test_a_quarry_building_its_facilities(library_kb):
    # "配套建设破碎筛分车间…拟先行开展矿区道路和开拓运输工程", no assessment named: 环评法 第二十五条 is raised
    rep = check_proposal(library_kb, trial_text("65_P05"))
    assert relations(rep, "环境影响评价法", "第二十五条") & {"attention", "conflict"}


def test_a_bodys_name_is_no_matter(library_kb):
    # "经县林业和草原局核查": the bureau's name raises no 草原法 gap
    rep = check_proposal(library_kb, trial_text("65_P07"))
    assert not any("草原" in g for g in rep.gaps)


def test_an_encouragement_of_other_trades(library_kb):
    # 固废法 第六十八条 "电子商务、快递、外卖等行业应当优先采用…包装物" is no 符合 for a filling station's vapour recovery
    rep = check_proposal(library_kb, trial_text("63_P08"))
    assert not relations(rep, "固体废物污染环境防治法", "第六十八条") & {"supports", "attention", "conflict"}


def test_a_verdict_open_only_for_a_matter_not_reviewed(library_kb):
    # nothing to mend, and a forest the library has no 森林法 for: the label says what holds the verdict open
    from shanxi_policy.check.report import PARTLY_UNREVIEWED_LABEL, advice_label, verdict_label

    rep = check_proposal(library_kb, trial_text("65_P07"))
    assert rep.verdict == "attention" and rep.gaps
    assert verdict_label(rep) == PARTLY_UNREVIEWED_LABEL and "未能审查" in advice_label(rep)
