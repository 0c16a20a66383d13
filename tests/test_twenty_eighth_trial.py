"""Findings of the twenty-eighth user trial (a county office pre-reviewing proposals for a distillery, plastics
recycling, construction-waste recycling, a vehicle dismantler, a small hydropower station, a chicken farm, a pesticide
store, a gravel plant …), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.service import check_proposal
from shanxi_policy.norms.extract import extract_clause_norms

from .check_helpers import relations

_TANNERY = ("项目名称：某皮革公司年加工50万张牛皮鞣制项目。建设地点：某县城北郊，厂址位于县政府划定的城区岩溶泉"
            "集中供水水源地保护范围内，处在一级、二级保护区以外的外围保护带上。建设内容：新建浸灰脱毛、铬鞣、复鞣"
            "染色生产线各1条。废水治理：含铬废水单独沉淀回收铬后，与综合废水一并进入厂内污水站处理，达标后排入附"
            "近季节性河沟。环评报告书正在编制。")


def test_refusing_to_store_in_the_open_keeps_the_duty_to_enclose(library_kb):
    rep = check_proposal(library_kb, "某建筑垃圾资源化利用项目。原料和成品全部进棚，厂区内不露天堆放任何物料；")
    assert "conflict" not in relations(rep, "大气污染防治法", "第七十二条")
    bad = check_proposal(library_kb, "某砂石料场项目。砂石骨料在厂区露天堆放，不设围挡，也不覆盖。")
    assert "conflict" in relations(bad, "大气污染防治法", "第七十二条")


def test_the_applicants_word_that_the_site_is_outside_the_zone_outweighs_a_place_read_as_it(library_kb):
    # "县城第二水厂取水口下游约5公里处" is read as a water-source zone; the applicant says the zone is not where it is
    rep = check_proposal(library_kb, "某医药中间体项目。排放口设置在县城第二水厂取水口下游约5公里处，厂区和排放口均不在饮用水水源"
                                     "保护区内。")
    assert "conflict" not in relations(rep, "水污染防治法", "第六十四条")


def test_a_quasi_protection_zone_is_not_left_by_being_outside_the_first_and_second(library_kb):
    # "处在一级、二级保护区以外的外围保护带上" is inside the 准保护区; the zone named is another
    rep = check_proposal(library_kb, _TANNERY)
    assert rep.verdict == "conflict"


def test_a_later_item_of_a_denied_list_is_denied(library_kb):
    # "不排入渗井、渗坑，不外排": nothing is discharged, so the duty to discharge up to standard is not broken
    rep = check_proposal(library_kb, "某肉鸡养殖场项目。养殖废水经处理后全部用于场内堆肥和周边农田灌溉，"
                                     "不排入渗井、渗坑，不外排。")
    assert "conflict" not in relations(rep, "水污染防治法", "第五十六条")


def test_a_state_said_of_the_thing_before_keeps_that_thing(library_kb):
    # "不符合强制性节能标准的项目，…；已经建成的，不得投入生产、使用": the built project is the non-conforming one
    norms = extract_clause_norms(library_kb.clause("节约能源法:a15"))
    built = next(n for n in norms if n.action.startswith("投入生产"))
    assert "不符合强制性节能标准的项目" in built.conditions
    rep = check_proposal(library_kb, "某白酒酿造项目。酿造车间主体已经建成，现已试生产半年左右。")
    assert "conflict" not in relations(rep, "节约能源法", "第十五条")


def test_a_project_said_to_fail_the_standard_is_still_the_case(library_kb):
    rep = check_proposal(library_kb, "某项目。项目不符合强制性节能标准，已经建成并投入生产。")
    assert "conflict" in relations(rep, "节约能源法", "第十五条")


def test_a_zone_the_works_are_said_to_be_in_is_not_denied_by_another_part_outside_it(library_kb):
    # "厂区不在…保护区内，但排放口设在…保护区内": the first denial had been read into both places
    rep = check_proposal(library_kb, "某化工项目。厂区不在饮用水水源保护区内，但排放口设在饮用水水源保护区内。")
    assert "conflict" in relations(rep, "水污染防治法", "第六十四条")


@pytest.mark.parametrize(("text", "relation"), [
    # an untreated discharge does not show the standard met ("符合大气污染物排放标准" had been 符合)
    ("某废旧塑料再生造粒项目。熔融挤出工序产生的挥发性有机物废气不经处理，通过车间窗户直接排放。", "attention"),
    ("某废旧塑料再生造粒项目。熔融挤出废气经活性炭吸附处理达标后，通过15米排气筒排放。", "supports"),
])
def test_an_untreated_discharge_does_not_meet_a_standard(library_kb, text, relation):
    assert relations(check_proposal(library_kb, text), "大气污染防治法", "第十八条") == {relation}
