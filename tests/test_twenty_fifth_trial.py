"""Findings of the twenty-fifth user trial (a city approval desk pre-reviewing proposals for an asphalt plant, a car
repair shop, a slaughterhouse, a hospital's sewage station, an electroplating park, a village sewage station, a
tailings pond, a coal-bed methane field …), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


@pytest.mark.parametrize("text", [
    # the village's side, named by its own name ("XX水库"), is beside the site
    "XX村北侧为XX水库饮用水水源二级保护区。处理站选址在村南，处理后出水经管道排入村南排洪沟。",
    # and a zone the proposal says the site is outside of, or does not put its outlet in
    "XX村北侧为XX水库饮用水水源二级保护区。处理站不在保护区内设置排污口，处理后出水经管道排入村南排洪沟。",
    "XX村北侧为XX水库饮用水水源二级保护区。处理站位于饮用水水源保护区外，距保护区边界约1.2公里，处理后出水排入村南排洪沟。",
])
def test_a_protected_zone_beside_the_site_holds_no_outlet_of_it(library_kb, text):
    rep = check_proposal(library_kb, text)
    assert "conflict" not in relations(rep, "水污染防治法", "第六十四条")


def test_a_sewage_station_whose_village_borders_a_zone_is_no_breach(library_kb):
    rep = check_proposal(library_kb, trial_text("25_P08"))
    assert rep.verdict != "conflict"


def test_an_outlet_set_inside_the_zone_is_still_a_breach(library_kb):
    rep = check_proposal(library_kb, "XX村北侧为XX水库饮用水水源二级保护区。处理站建在保护区内，在保护区内设置排污口，"
                                     "处理后出水直接排入水库。")
    assert "conflict" in relations(rep, "水污染防治法", "第六十四条")


def test_sewage_that_skips_the_treatment_a_duty_asks_for_breaks_it(library_kb):
    # "未经消毒处理": every verb of the phrase is undone, not only the first
    rep = check_proposal(library_kb, "某县医院污水处理站改造项目。医院污水未经消毒处理，直接排入市政污水管网。")
    assert "conflict" in relations(rep, "水污染防治法", "第三十六条")
    ok = check_proposal(library_kb, "某县医院污水处理站改造项目。医院污水经严格消毒，达到排放标准后排入市政污水处理系统。")
    assert "conflict" not in relations(ok, "水污染防治法", "第三十六条")


@pytest.mark.parametrize("text", [
    "某铸造厂项目。项目环境影响报告书未经审批，已于2024年4月擅自开工建设。",
    "某铸造厂项目。本项目属于未批先建，厂房主体已完工。",
])
def test_building_before_approval_in_plain_words_is_a_breach(library_kb, text):
    rep = check_proposal(library_kb, text)
    assert "conflict" in relations(rep, "环境影响评价法", "第二十五条")


@pytest.mark.parametrize("text", [
    "某石材切割加工项目。沉淀池清出的石粉泥和边角料拉到村北沟里倒掉。",
    "某石材加工项目。生产废渣倾倒在村北沟壑。",
])
def test_production_waste_tipped_into_a_gully_meets_the_dumping_ban(library_kb, text):
    # offcuts and stone sludge are industrial solid waste; the party who has it is one who handles it
    rep = check_proposal(library_kb, text)
    assert relations(rep, "固体废物污染环境防治法", "第二十条") & {"conflict", "attention"}


def test_a_product_that_failed_quarantine_denies_nothing_done_after_it(library_kb):
    # "检疫不合格产品交…无害化处理中心处理": 不合格 is said of the product, the treatment is done
    rep = check_proposal(library_kb, "某生猪屠宰场项目。年屠宰生猪10万头。病死猪及检疫不合格产品交县病死畜禽无害化处理中心处理。")
    assert "conflict" not in relations(rep, "畜禽规模养殖污染防治条例", "第二十一条")


def test_failed_quarantine_is_not_a_failed_acceptance(library_kb):
    # "计划2025年投产" with "检疫不合格产品" elsewhere: 验收不合格 is said of 验收 only
    rep = check_proposal(library_kb, trial_text("25_P03"))
    assert "conflict" not in relations(rep, "建设项目环境保护管理条例", "第十九条")
    assert "conflict" in relations(rep, "水污染防治法", "第三十九条")
    water = next(f for f in rep.findings if f.article == "第三十九条" and "水污染防治法" in f.doc_label)
    assert "属于溶洞" not in water.reason  # a disused well is a seepage well, the nearest of the norm's words


@pytest.mark.parametrize(("text", "article"), [
    ("某煤层气开发项目。项目在XX省级自然保护区内开采煤层气，部署生产井18口。", "第二十六条"),
    ("某煤层气开发项目。项目1座集气站和3口生产井位于XX省级自然保护区核心区内。", "第三十二条"),
])
def test_gas_wells_in_a_nature_reserve_are_mining_and_production_facilities(library_kb, text, article):
    rep = check_proposal(library_kb, text)
    assert "conflict" in relations(rep, "自然保护区条例", article)


def test_a_site_not_yet_known_to_be_outside_a_ban_zone_is_open(library_kb):
    # "是否在岸线管控范围内…尚未最终确定" had been 符合 with 黄河保护法 第二十六条
    rep = check_proposal(library_kb, trial_text("25_P10"))
    assert relations(rep, "黄河保护法", "第二十六条") == {"attention"}
    f = next(f for f in rep.findings if f.article == "第二十六条" and "黄河保护法" in f.doc_label)
    assert "禁止" in f.reason and "限制或严格控制" not in f.reason


def test_a_housing_estate_beside_a_town_site_is_not_a_dense_residential_area(library_kb):
    # "县城南物流园区" reads 县城 as 人口集中地区, which shares 集中 with 噪声敏感建筑物集中区域; the estate is beside the park
    rep = check_proposal(library_kb, trial_text("23_P09"))
    assert "conflict" not in relations(rep, "噪声污染防治法", "第三十五条")
