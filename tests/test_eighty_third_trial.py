"""Findings of the eighty-third user trial (a county water resources bureau screening water works), each a general
case."""

from __future__ import annotations

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_a_planned_start_with_the_plan_consent_unsaid_is_no_breach(library_kb):
    # "2026年3月开工" and no word of the 规划同意书: 水法 第十九条's ban holds only of works lacking it
    rep = check_proposal(library_kb, trial_text("83_P09"))
    assert "conflict" not in relations(rep, "水法", "第十九条")


def test_a_county_wetland_park_is_no_nationally_important_wetland(library_kb):
    # "穿越湫水河县级湿地公园的湿地区域": 湿地保护法 第十九条 bans occupying 国家重要湿地; its other duties (avoid, reduce,
    # consult) remain
    rep = check_proposal(library_kb, trial_text("83_P09"))
    assert rep.verdict == "attention"
    assert relations(rep, "湿地保护法", "第十九条") == {"attention"}


def test_a_ranked_place_named_without_its_rank_is_to_be_checked(library_kb):
    text = trial_text("83_P09").replace("湫水河县级湿地公园的湿地区域", "湫水河湿地")
    rep = check_proposal(library_kb, text)
    assert "conflict" not in relations(rep, "湿地保护法", "第十九条")


def test_a_registration_form_filed(library_kb):
    # "工程已填报建设项目环境影响登记表并完成备案": the filing duty is met (建设项目环境保护管理条例 第九条)
    rep = check_proposal(library_kb, trial_text("83_P08"))
    assert "attention" not in relations(rep, "建设项目环境保护管理条例", "第九条")


def test_works_running_with_procedures_still_to_come(library_kb):
    # "生产线已于2024年8月开始试生产…相关手续正在补办": no assessment approved before the works (环境影响评价法 第二十五条)
    rep = check_proposal(library_kb, trial_text("83_P07"))
    assert "conflict" in relations(rep, "环境影响评价法", "第二十五条")


def test_procedures_still_to_come_before_works_begin(library_kb):
    text = trial_text("83_P07").replace("场地已平整完毕，生产线已于2024年8月开始试生产，日加工量约400吨，", "")
    rep = check_proposal(library_kb, text)
    assert "conflict" not in relations(rep, "环境影响评价法", "第二十五条")


def test_flood_works_whose_flood_review_passed(library_kb):
    # "防洪影响评价已经市水利局审查同意": whether the dikes hinder the flow is what that review decided (水法 第三十七条)
    rep = check_proposal(library_kb, trial_text("83_P02"))
    assert "attention" not in relations(rep, "水法", "第三十七条")
    assert rep.verdict == "supports"


def test_an_information_platform_builds_no_works(library_kb):
    # "水资源监测与智慧调度信息平台": no assessment duty, no seed-policy water-saving reminder (and, since the ninety-
    # seventh trial, no 符合 for the rivers it monitors: the non-environmental cases' verdict)
    rep = check_proposal(library_kb, trial_text("83_P12"))
    assert rep.verdict == "unrelated"
    assert not relations(rep, "环境影响评价法", "第二十五条")
