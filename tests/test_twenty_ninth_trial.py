"""Findings of the twenty-ninth user trial (a county development-and-reform desk pre-reviewing proposals for a
magnesium smelter, a red-mud yard, an activated-carbon plant, a gas boiler house …), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.negation import find_mentions
from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text

_BUILT_AHEAD = ("项目名称：某硅铁合金技术改造项目。建设地点：某县工业集中区。建设内容：新建矿热炉2台及配套除尘系统。"
                "进度安排：公司按照\u201c边建设、边完善手续\u201d的思路，{works}。项目环境影响报告书已委托一家环评机构编制，"
                "预计今年9月报市生态环境局审批。")


@pytest.mark.parametrize("works", ["已于今年3月组织施工队伍进场，目前厂房钢结构已基本完成，正在安装设备",
                                   "已于今年3月开工建设"])
def test_works_begun_while_the_assessment_is_still_being_written_break_the_ban(library_kb, works):
    rep = check_proposal(library_kb, _BUILT_AHEAD.format(works=works))
    assert "conflict" in relations(rep, "环境影响评价法", "第二十五条")


def test_a_start_only_planned_before_the_assessment_is_a_matter_to_watch(library_kb):
    rep = check_proposal(library_kb, "项目名称：某活性炭项目。建设内容：新建炭化炉4台，排气筒高度待环评确定。总投资2亿元，"
                                     "计划2027年3月开工，建设期12个月。")
    assert "conflict" not in relations(rep, "环境保护法", "第十九条")


def test_a_sanction_never_told_of_is_not_the_case(library_kb):
    rep = check_proposal(library_kb, trial_text("29_P03"))
    assert "conflict" not in relations(rep, "危险废物经营许可证管理办法", "第二十九条")
    assert rep.verdict == "attention"  # nor is groundwater taken for a plant a conflict with the water-saving clause


def test_a_ban_on_putting_into_a_named_place_needs_the_place_or_the_act(library_kb):
    rep = check_proposal(library_kb, trial_text("29_P02"))
    assert "conflict" not in relations(rep, "固体废物污染环境防治法", "第三十六条")
    bad = check_proposal(library_kb, "项目名称：某铸造厂。生产中产生的废砂和炉渣装袋后投放到厂门口的生活垃圾收集桶中。")
    assert "conflict" in relations(bad, "固体废物污染环境防治法", "第三十六条")


def test_a_coal_to_gas_boiler_house_on_a_former_coal_boiler_site_is_no_conflict(library_kb):
    assert check_proposal(library_kb, trial_text("29_P12")).verdict != "conflict"


@pytest.mark.parametrize("text, negated", [
    ("建设地点：镇区西侧原燃煤锅炉房院内。", True),
    ("原有3台燃煤锅炉在新锅炉投运后全部拆除。", True),
    ("新建燃煤锅炉1台。", False),
])
def test_a_former_site_or_a_later_removal_is_no_use_of_the_thing(text, negated):
    assert all(m.negated == negated for m in find_mentions(text, ["燃煤锅炉"], removal_negates=True))


def test_a_zone_the_site_borders_and_an_outlet_among_undecided_options_are_no_breach(library_kb):
    # "项目用地北侧与龙泉山省级风景名胜区相邻"; "排放去向有两个方案：…二是…排入附近龙泉河，尚未最终确定"
    rep = check_proposal(library_kb, trial_text("29_P09"))
    assert "conflict" not in relations(rep, "水污染防治法", "第七十五条")
    assert "conflict" not in relations(rep, "环境保护法", "第三十五条")  # "保护" only in a reserve 2 km away
    assert rep.verdict == "attention"


def test_an_outlet_chosen_inside_the_scenic_water_zone_is_still_a_breach(library_kb):
    rep = check_proposal(library_kb, "项目名称：某温泉度假村。温泉尾水处理后，在龙泉河风景名胜区水体保护区内"
                                     "新建排污口一个，排入龙泉河。")
    assert "conflict" in relations(rep, "水污染防治法", "第七十五条")


@pytest.mark.parametrize("text, expected", [
    ("排放去向有两个方案：一是接入景区污水管网，二是处理后排入附近龙泉河，尚未最终确定。", True),
    ("处理后排入附近龙泉河。", False),
])
def test_one_of_options_not_yet_chosen_is_undecided(text, expected):
    from shanxi_policy.check.negation import undecided

    i = text.index("龙泉河")
    assert undecided(text, i, i + 3) == expected
