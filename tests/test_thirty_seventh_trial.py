"""Findings of the thirty-seventh user trial (a city EIA and permit section: a dairy with every procedure done, a starch
plant, a paper mill …), each a general case."""

from __future__ import annotations

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_a_compliant_dairy_gets_no_reminder_it_has_answered(library_kb):
    rep = check_proposal(library_kb, trial_text("37_P03"))
    assert rep.verdict == "supports"
    # "处理至园区污水处理厂接管标准后…进入…污水处理厂" is the pretreatment 第四十五条 asks
    assert relations(rep, "水污染防治法", "第四十五条") == {"supports"}
    # not a phased project (条例 第十八条), and not a party that uses or disposes of waste itself (固废法 第二十九条)
    assert "attention" not in relations(rep, "建设项目环境保护管理条例", "第十八条")
    assert "attention" not in relations(rep, "固体废物污染环境防治法", "第二十九条")


def test_a_phased_project_is_bound_by_phased_acceptance(library_kb):
    rep = check_proposal(library_kb, "项目名称：某化工项目。建设内容：项目分期建设、分期投产，一期年产10万吨，二期年产10万吨。"
                                     "环保设施随主体工程分期建设。")
    assert relations(rep, "建设项目环境保护管理条例", "第十八条") & {"attention", "supports", "related"}


def test_a_trade_the_project_sells_to_is_not_its_own(library_kb):
    # "薯渣经压榨脱水后外售周边养殖户作饲料": the farmers are buyers; a starch plant is no livestock farm
    rep = check_proposal(library_kb, trial_text("37_P04"))
    assert "attention" not in relations(rep, "畜禽规模养殖污染防治条例", "第十三条")
