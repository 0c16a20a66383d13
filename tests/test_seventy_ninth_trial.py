"""Findings of the seventy-ninth user trial (a county industry and information technology bureau screening
manufacturing works entering a county industrial park), each a general case."""

from __future__ import annotations

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_works_producing_with_the_assessment_pending(library_kb):
    # "2024年5月起新车间已开始投料试生产，产品已陆续上市" while "环境影响报告表目前正委托技术单位编制": its facilities
    # cannot have passed the acceptance that follows the approval (建设项目环境保护管理条例 第十九条)
    rep = check_proposal(library_kb, trial_text("79_P01"))
    assert "conflict" in relations(rep, "建设项目环境保护管理条例", "第十九条")


def test_a_gas_boiler_by_its_use_between(library_kb):
    # "燃气蒸汽锅炉" is a gas boiler: it meets the seed policy's coal-boiler check
    rep = check_proposal(library_kb, trial_text("79_P01"))
    assert any(f.check_id == "coal_boiler" and f.relation == "supports" for f in rep.findings)


def test_a_standard_works_building_meets_no_emission_standard(library_kb):
    # "租用园区标准化厂房" and "烟气经排气筒排放": no word of meeting the standard for what is let out
    rep = check_proposal(library_kb, trial_text("79_P03"))
    assert "supports" not in relations(rep, "大气污染防治法", "第十八条")


def test_paint_mist_left_to_the_air(library_kb):
    # "喷漆过程中产生的漆雾和有机废气依靠自然通风扩散": not enclosed, and nothing done to reduce the gas either
    rep = check_proposal(library_kb, trial_text("79_P07"))
    assert "conflict" in relations(rep, "大气污染防治法", "第四十五条")


def test_a_parks_plan_assessment_is_not_the_projects(library_kb):
    # "本县化工新材料园区（已完成规划环评）" and "正在开展环境影响评价": the project's own assessment is not done
    rep = check_proposal(library_kb, trial_text("79_P08"))
    assert not any(p.startswith("环境影响评价") for p in rep.papers)


def test_a_yearly_electricity_use_needs_the_energy_review(library_kb):
    # "年用电量约4.2亿千瓦时": an energy use the review of fixed-asset projects is about (节约能源法 第十五条)
    rep = check_proposal(library_kb, trial_text("79_P11"))
    assert "attention" in relations(rep, "节约能源法", "第十五条")
