"""Findings of the ninety-fifth user trial (a county housing and construction bureau screening city works) and of the
ninety-third's that stayed open, each a general case."""

from __future__ import annotations

from shanxi_policy.check.proposal import analyze
from shanxi_policy.check.service import check_proposal
from shanxi_policy.norms.liability import penalty_clause

from .check_helpers import relations, trial_text


def test_waste_taken_by_a_collector_without_a_licence(library_kb):
    # "废机油、废液压油…与…个体废品收购户张某签订回收协议，由其定期上门收走，张某没有危险废物经营许可证": the waste is in
    # the sentence before, and 危险废物 inside the licence's name says nothing of it (固废法 第八十条 had been 相关, 危废
    # 许可办法 第十五条 符合)
    rep = check_proposal(library_kb, trial_text("95_P10"))
    assert "conflict" in relations(rep, "固体废物污染环境防治法", "第八十条")
    assert "supports" not in relations(rep, "危险废物经营许可证管理办法", "第十五条")


def test_a_things_name_inside_a_papers_name_is_not_the_thing():
    fact = analyze("张某没有危险废物经营许可证。").facts[0]
    assert not [m for m in fact.mentions if m.terms == ("危险废物",)]


def test_spoil_carried_to_the_disposal_site_is_not_dumped(library_kb):
    # "多余土方和破碎路面运至县建筑垃圾消纳场，建筑垃圾处理方案已向县城管局备案": 固废法 第六十三条 had been 冲突
    rep = check_proposal(library_kb, trial_text("95_P04"))
    assert "conflict" not in relations(rep, "固体废物污染环境防治法", "第六十三条")
    assert rep.verdict != "conflict"


def test_a_river_crossing_plan_reviewed_by_the_water_bureau(library_kb):
    # "穿越西关河段采用顶管施工，方案已经县水利局审查同意": the duty of 水法 第三十八条 met; a heating network holds no
    # discharge permit
    rep = check_proposal(library_kb, trial_text("95_P07"))
    assert "attention" not in relations(rep, "水法", "第三十八条")
    assert "attention" not in relations(rep, "排污许可管理条例", "第二条")


def test_the_assessment_under_way_is_not_done(library_kb):
    # ninety-third trial: "…已于2024年8月开工…环境影响报告书已委托…编制，预计2025年一季度报…审批": 环境保护法 第十九条
    # "未依法进行环境影响评价的建设项目，不得开工建设" is broken too (it had been 相关 beside 环评法 第二十五条's 冲突)
    rep = check_proposal(library_kb, trial_text("93_P01"))
    assert "conflict" in relations(rep, "环境保护法", "第十九条")


def test_a_spoil_yard_on_the_river_beach(library_kb):
    # ninety-third trial: "在厂区西侧三川河河滩地（位于河道管理范围内，汛期最高水位线以下）设临时矸石堆场": a yard set up
    # is piling, the beach is in the river's management area (whatever side of the plant), and whether the pile blocks
    # floods is for the reviewer (水法 第三十七条)
    rep = check_proposal(library_kb, trial_text("93_P02"))
    assert "attention" in relations(rep, "水法", "第三十七条")


def test_a_penalty_article_of_a_text_without_chapters(library_kb):
    # 碳排放权交易管理暂行条例 has no chapters: its penalty articles are found by their shape, and the one repeating the
    # duty's act ("足额清缴其碳排放配额" / "未按照规定清缴其碳排放配额的") punishes it
    doc = library_kb.document("碳排放权交易管理暂行条例")
    duty = library_kb.clause("碳排放权交易管理暂行条例:a14")
    rule = duty.text.split("\n")[0].split(" ", 1)[-1]
    got = penalty_clause(doc, duty.clause_id, rule)
    assert got is not None and got.clause_id == "碳排放权交易管理暂行条例:a24"
