"""Findings of the seventy-third user trial (a county housing and urban-rural development bureau screening concrete
plants, municipal works, housing estates, schools and parks), each a general case."""

from __future__ import annotations

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_a_batching_plant_in_the_buffer_zone(library_kb):
    # "核心区外围的缓冲地带": outside the core, inside the buffer, which 第三十二条 names as well ("核心区和缓冲区内");
    # a 搅拌站 is a production facility; and no 符合 on the reserve's other bans beside the conflict
    rep = check_proposal(library_kb, trial_text("73_P01"))
    assert "conflict" in relations(rep, "自然保护区条例", "第三十二条")
    assert not [f for f in rep.findings if f.relation == "supports" and "自然保护区条例" in f.doc_label]


def test_a_planned_start_with_no_assessment_named_is_open_not_broken(library_kb):
    # "一期计划2025年4月开工" and no word of the assessment ("施工图审查" is another paper): 需关注, not 未批先建
    rep = check_proposal(library_kb, trial_text("73_P07"))
    assert "conflict" not in relations(rep, "环境影响评价法", "第二十五条")
    assert "conflict" not in relations(rep, "建设项目环境保护管理条例", "第九条")
    assert rep.verdict == "attention"


def test_water_based_paint_meets_the_voc_check(library_kb):
    # "不使用溶剂型涂料，全部采用水性涂料": low-VOC materials at the source meet the seed policy's VOC check
    rep = check_proposal(library_kb, trial_text("73_P06"))
    assert {f.check_id: f.relation for f in rep.findings if f.check_id}.get("vocs_solvent") != "attention"


def test_an_assessment_stated_done_is_no_open_matter(library_kb):
    # "已编制环境影响报告表并取得…批复": listed to verify, not also 需关注 on the same sentence; a school's canteen needs
    # no pollutant discharge permit
    rep = check_proposal(library_kb, trial_text("73_P08"))
    assert "attention" not in relations(rep, "建设项目环境保护管理条例", "第九条")
    assert "attention" not in relations(rep, "排污许可管理条例", "第二条")


def test_a_governments_duty_is_not_broken_by_a_park(library_kb):
    # 噪声法 第十四条 "…区域范围应当向社会公布" is the government's; a park that has no sensitive buildings near refuses
    # nothing it asks
    rep = check_proposal(library_kb, trial_text("73_P10"))
    assert "conflict" not in relations(rep, "噪声污染防治法", "第十四条")
    assert rep.verdict != "conflict"
