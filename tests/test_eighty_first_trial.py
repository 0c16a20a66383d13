"""Findings of the eighty-first user trial (a city transport bureau screening roads, an airport, a service area and
an enforcement system), each a general case. The proposals are rewritten from the trial's findings."""

from __future__ import annotations

import pytest

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_a_road_through_a_school_section_without_noise_measures(library_kb):
    # "K3+200至K4+100段经过北关村居民集中区和县第二中学" and no word of barriers (噪声污染防治法 第四十六条)
    rep = check_proposal(library_kb, trial_text("81_P01"))
    assert "attention" in relations(rep, "噪声污染防治法", "第四十六条")


def test_a_road_that_names_its_barriers(library_kb):
    text = trial_text("81_P01").replace("中学教学楼距路肩约40米。", "中学教学楼距路肩约40米，该路段设置声屏障。")
    rep = check_proposal(library_kb, text)
    assert "attention" not in relations(rep, "噪声污染防治法", "第四十六条")


def test_a_new_airport_near_villages(library_kb):
    # "跑道端外1.5公里范围内有东庄、西庄两个村庄约600户居民" and no word of the distance standard (第四十五条)
    rep = check_proposal(library_kb, trial_text("81_P02"))
    assert "attention" in relations(rep, "噪声污染防治法", "第四十五条")


@pytest.mark.parametrize("name", ["81_P01", "81_P03"])
def test_buried_fuel_tanks_without_double_walls(library_kb, name):
    # "设埋地储油罐4座": double-walled tanks or an impervious pit, and leak watching (水污染防治法 第四十条)
    rep = check_proposal(library_kb, trial_text(name))
    assert "attention" in relations(rep, "水污染防治法", "第四十条")


def test_buried_tanks_that_are_double_walled(library_kb):
    text = trial_text("81_P03").replace("新增埋地储油罐2座", "新增埋地双层储油罐2座（设防渗漏监测系统）")
    rep = check_proposal(library_kb, text)
    assert "attention" not in relations(rep, "水污染防治法", "第四十条")


def test_demolition_waste_without_a_plan(library_kb):
    text = trial_text("81_P01").replace("产生拆除建筑垃圾约3.1万立方米", "产生废弃混凝土约3.1万立方米")
    rep = check_proposal(library_kb, text)
    assert "attention" in relations(rep, "固体废物污染环境防治法", "第六十三条")


def test_washing_tankers_at_a_washing_bay_is_not_in_a_water_body(library_kb):
    # "油罐车到站后在站内洗车台冲洗…不会排入附近河道" had been 冲突 under 水污染防治法 第三十三条
    rep = check_proposal(library_kb, trial_text("81_P03"))
    assert "conflict" not in relations(rep, "水污染防治法", "第三十三条")


def test_washing_oil_drums_in_a_river(library_kb):
    # "装运过柴油的油桶和运输车辆直接在料场旁的河里清洗" is the act the article bans
    rep = check_proposal(library_kb, trial_text("81_P04"))
    assert "conflict" in relations(rep, "水污染防治法", "第三十三条")


def test_a_qualified_firm_writing_a_report_takes_no_waste(library_kb):
    # "环境影响报告书已委托有资质的单位编制" is no hand-over of hazardous waste to a licensed firm
    rep = check_proposal(library_kb, trial_text("81_P01"))
    assert not relations(rep, "危险废物经营许可证管理办法", "第十五条")
    assert not relations(rep, "固体废物污染环境防治法", "第八十条")


def test_a_power_of_a_higher_authority_binds_no_project(library_kb):
    # "…上级主管部门可以直接作出行政处罚决定" had been 符合 for an enforcement information system
    rep = check_proposal(library_kb, trial_text("81_P05"))
    assert not relations(rep, "土壤污染防治法", "第八十五条")
