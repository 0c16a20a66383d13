"""Findings of the ninety-third user trial (a county energy bureau screening coal, power and new-energy works), and
of the ninety-first's that had stayed open, each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.proposal import analyze
from shanxi_policy.check.service import check_proposal
from shanxi_policy.models import Clause
from shanxi_policy.norms.extract import extract_clause_norms

from .check_helpers import relations, trial_text


def test_a_denial_inside_brackets_stays_there(library_kb):
    # "拟由…回收站（个体户，只有一般再生资源回收备案，无危险废物经营许可证）上门收购": the 无 denies the licence in the aside,
    # not the purchase; 固废法 第八十条 had been 符合 ("未涉及该条款禁止的行为")
    rep = check_proposal(library_kb, trial_text("93_P03"))
    assert "conflict" in relations(rep, "固体废物污染环境防治法", "第八十条")
    assert rep.verdict == "conflict"


def test_the_purchase_after_an_aside_is_affirmed():
    fact = analyze("废机油拟由回收站（个体户，无危险废物经营许可证）上门收购。").facts[0]
    assert {m.state for m in fact.mentions if "提供" in m.terms} == {"present"}


def test_the_problem_a_project_solves_is_not_what_it_builds(library_kb):
    # "为解决县城冬季供暖燃煤锅炉分散、排放不达标问题…同步拆除…燃煤锅炉": the seed policy's coal-boiler item is no 冲突
    rep = check_proposal(library_kb, trial_text("93_P09"))
    assert "conflict" not in {f.relation for f in rep.findings if f.check_id == "coal_boiler"}
    assert rep.verdict != "conflict"


@pytest.mark.parametrize("prefix", ["93_P04", "93_P10"])
def test_works_to_be_built_wait_for_their_assessment(library_kb, prefix):
    # "拟在工业场地东侧空地建设瓦斯发电站…计划2025年3月开工" and "计划2025年3月开工" with no word of an assessment: the
    # duty is missing (the gas-engine station had come out 符合政策导向)
    rep = check_proposal(library_kb, trial_text(prefix))
    assert "attention" in relations(rep, "环境影响评价法", "第二十五条")


def test_engines_near_homes_need_noise_measures(library_kb):
    # six gas engines 180 m from homes, no word of noise: 噪声污染防治法 第三十六条
    rep = check_proposal(library_kb, trial_text("93_P04"))
    assert "attention" in relations(rep, "噪声污染防治法", "第三十六条")
    assert rep.verdict == "attention"


def test_a_registration_form_filed_is_the_whole_procedure(library_kb):
    # "环境影响登记表已备案…计划2025年5月开工": no approval is waited for (环评法 第二十五条 had been 需关注)
    rep = check_proposal(library_kb, trial_text("93_P11"))
    assert "attention" not in relations(rep, "环境影响评价法", "第二十五条")


def test_a_supplier_is_not_the_project(library_kb):
    # "氢气由园区焦炉煤气制氢企业经长管拖车供给": the coking plant supplies the station; its ultra-low emissions are not
    # the station's duty
    rep = check_proposal(library_kb, trial_text("93_P11"))
    assert not [f for f in rep.findings if f.check_id == "ultra_low"]


def test_wind_turbines_in_a_buffer_zone_are_production_facilities(library_kb):
    # "8台单机6.25MW风机，其中3号、5号、6号风机机位…位于保护区缓冲区内": 自然保护区条例 第三十二条
    rep = check_proposal(library_kb, trial_text("93_P06"))
    assert "conflict" in relations(rep, "自然保护区条例", "第三十二条")


def test_a_pipeline_drilled_under_a_river(library_kb):
    # "在XX河（常年有水）处采用定向钻穿越约380米": the works' plan is reviewed by the water authority (水法 第三十八条);
    # the station's compressors are noise sources
    rep = check_proposal(library_kb, trial_text("93_P08"))
    assert "attention" in relations(rep, "水法", "第三十八条")
    assert "attention" in relations(rep, "噪声污染防治法", "第三十六条")


def test_flue_gas_monitoring_meets_no_water_duty(library_kb):
    # "安装烟气在线监测并与生态环境部门联网" had been 符合 水污染防治法 第二十三条 ("水污染物排放自动监测设备")
    rep = check_proposal(library_kb, trial_text("93_P03"))
    assert "supports" not in relations(rep, "水污染防治法", "第二十三条")


def test_a_fridge_part_is_no_noise_source():
    fact = analyze("收购旧冰箱，更换压缩机、电机等部件后出售。").facts[0]
    assert not [m for m in fact.mentions if "工业噪声" in m.terms]


def test_a_manner_word_alone_matches_no_duty(library_kb):
    # "裸土及时复绿" shares only 及时 with "应当及时清运…建筑垃圾": the reason had read "项目材料提到了'及时'"
    rep = check_proposal(library_kb, trial_text("93_P05"))
    assert not any("“及时”" in f.reason for f in rep.findings)


def test_a_schedule_heading_plans_the_works(library_kb):
    # ninety-first trial: "四、进度安排：…10月开工…。环评报告书已委托第三方编制": a plan, not works begun (环评法 第二十五条
    # and 建设项目条例 第九条 had been 冲突)
    rep = check_proposal(library_kb, trial_text("91_P01"))
    assert "conflict" not in relations(rep, "环境影响评价法", "第二十五条")
    assert "attention" in relations(rep, "环境影响评价法", "第二十五条")


def test_slurry_let_out_in_a_source_zone(library_kb):
    # ninety-first trial: a pig farm in a source's second-level zone whose slurry runs to the reservoir's river:
    # 水污法 第六十六条 "排放污染物的建设项目" (沼液 is a water pollutant let out); it had been 需关注
    rep = check_proposal(library_kb, trial_text("91_P01"))
    assert "conflict" in relations(rep, "水污染防治法", "第六十六条")


def test_a_constructed_wetland_is_no_wetland(library_kb):
    # ninety-first trial: "建设调节池、A/O一体化处理设备和人工湿地一处" is a treatment unit; 湿地保护法 第二十八条 had been
    # the first 需关注
    rep = check_proposal(library_kb, trial_text("91_P09"))
    assert "attention" not in relations(rep, "湿地保护法", "第二十八条")
    fact = analyze("建设调节池、A/O一体化处理设备和人工湿地一处。").facts[0]
    assert not [m for m in fact.mentions if "湿地" in m.terms]


WETLAND_BANS = ("第二十八条 禁止下列破坏湿地及其生态功能的行为：\n（一）开（围）垦、排干自然湿地；\n"
                "（二）排放不符合水污染物排放标准的工业废水、生活污水；\n（三）其他破坏湿地及其生态功能的行为。")


def test_items_of_a_list_of_harms_are_bounded_by_the_thing_harmed():
    clause = Clause("湿地保护法:a28", "湿地保护法", ("第二十八条",), WETLAND_BANS, 0, len(WETLAND_BANS),
                    kind="article", number=28)
    norms = extract_clause_norms(clause)
    assert norms and all("湿地" in n.scope for n in norms)
