"""Findings of the fifty-third user trial (a coal group's environmental engineer checking its own projects before
filing: a gas-fired power station, coke-oven gas to LNG, a power plant's bypass, a camp's sewage sent down a shaft),
each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.facts import operating_report
from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_a_gas_engine_is_no_gas_truck(library_kb):
    # "机组尾气…采用稀薄燃烧+SCR脱硝": the seed policy's "采用稀薄燃烧技术的燃气货车淘汰" binds trucks; a forbidden word
    # counts only with the thing the clause applies to
    rep = check_proposal(library_kb, trial_text("53_P01"))
    assert rep.verdict != "conflict"
    assert not [f for f in rep.findings if f.check_id == "diesel_trucks" and f.relation in ("conflict", "attention")]


@pytest.mark.parametrize(("head", "operating"), [
    ("山西晋北煤业集团有限公司\n关于寺河沟煤矿瓦斯抽采利用电站项目的情况说明\n一、项目名称：…", False),
    ("某焦化公司环保设施运行情况说明\n…", True),
    ("关于2024年度环境保护自查情况的报告\n…", True),
])
def test_an_account_of_a_project_is_no_report_on_a_running_plant(head, operating):
    assert operating_report(head) is operating


@pytest.mark.parametrize(("proposal", "law", "article"), [
    # "经混合冷剂制冷液化": a process mixing its refrigerant mixes no hazardous waste (固废法 第八十一条)
    ("53_D_P04", "固体废物污染环境防治法", "第八十一条"),
    # "拆除原有烟气旁路挡板及旁路烟道": the remover covers each thing it lists
    ("53_A_P06", "水污染防治法", "第三十九条"),
    # a flue-gas bypass lets out no 水污染物: "…等逃避监管的方式排放水污染物" names its thing for every means listed
    ("53_P06", "水污染防治法", "第三十九条"),
])
def test_words_of_an_act_are_not_the_act(library_kb, proposal, law, article):
    rep = check_proposal(library_kb, trial_text(proposal))
    assert "conflict" not in relations(rep, law, article)


def test_sewage_sent_down_a_sealed_shaft_is_a_seepage_well(library_kb):
    # "经管道输送至…已封闭的原二号回风立井井筒，利用井下老空区进行自然消纳" and "检修…时，来水经调节池溢流管直接进入
    # 西侧冲沟" (水污染防治法 第三十九条)
    rep = check_proposal(library_kb, trial_text("53_P09"))
    assert relations(rep, "水污染防治法", "第三十九条") == {"conflict"}


def test_the_water_content_of_slurry_is_no_slurry_water():
    from shanxi_policy.check.proposal import analyze

    # "将煤泥水分降至12%以下" speaks of the slurry's moisture, not of 煤泥水 (工业废水)
    facts = analyze("采用滚筒干燥机将煤泥水分降至12%以下。洗煤产生的煤泥水经浓缩池处理后循环使用。").facts
    said = [{t for m in f.mentions for t in m.terms} for f in facts]
    assert "工业废水" not in said[0] and "工业废水" in said[1]


def test_servers_put_in_an_existing_data_centre_build_none(library_kb):
    # "更换核心数据库服务器4台…部署在集团现有数据中心机房": the seed policy's 新型基础设施用能 (PUE) binds a data centre
    # built, not a finance system upgraded
    rep = check_proposal(library_kb, trial_text("53_P12"))
    assert rep.verdict == "unrelated"


@pytest.mark.parametrize(("proposal", "law", "article"), [
    # "压实黏土隔离层" and "截排水沟" are the anti-seepage and anti-runoff measures of
    # 固废法 第二十条
    ("53_P07", "固体废物污染环境防治法", "第二十条"),
    # publishing pollution-control information is a duty of the works once they run (固废法 第二十九条)
    ("53_P10", "固体废物污染环境防治法", "第二十九条"),
])
def test_duties_met_or_not_yet_due_are_not_attention(library_kb, proposal, law, article):
    rep = check_proposal(library_kb, trial_text(proposal))
    assert "attention" not in relations(rep, law, article)
