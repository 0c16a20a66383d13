"""Findings of the thirty-fifth user trial (a county development-and-reform desk: a distillery, a kitchen-waste plant,
river dredging whose mud goes onto fields, a coal rail station, a hydrogen station …), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_a_permit_to_be_changed_before_start_and_a_licensed_receiver_are_no_breach(library_kb):
    rep = check_proposal(library_kb, trial_text("35_P01"))
    assert rep.verdict != "conflict"
    # "委托有危险废物经营许可证的单位处置" is not made unlicensed by "排污许可证将于…投产前…申请变更"
    assert "conflict" not in relations(rep, "危险废物经营许可证管理办法", "第十五条")
    assert "conflict" not in relations(rep, "固体废物污染环境防治法", "第三十九条")


def test_digestate_of_a_kitchen_waste_plant_is_no_livestock_farm(library_kb):
    rep = check_proposal(library_kb, trial_text("35_P03"))
    assert "conflict" not in relations(rep, "畜禽规模养殖污染防治条例", "第十一条")
    farm = check_proposal(library_kb, "项目名称：某养猪场项目。建设地点：县城居民区旁边。建设内容：存栏生猪2000头。")
    assert "conflict" in relations(farm, "畜禽规模养殖污染防治条例", "第十一条")


def test_dredged_mud_spread_on_fields_is_put_onto_farmland(library_kb):
    rep = check_proposal(library_kb, trial_text("35_P05"))
    assert rep.verdict == "conflict"
    assert "conflict" in relations(rep, "土壤污染防治法", "第二十八条")


def test_selling_a_product_is_no_breach_until_it_is_said_to_be_seriously_polluting(library_kb):
    rep = check_proposal(library_kb, trial_text("35_P11"))
    assert "conflict" not in relations(rep, "环境保护法", "第四十六条")
    bad = check_proposal(library_kb, "项目名称：某锅炉销售网点。经营内容：继续销售国家明令淘汰的燃煤小锅炉。")
    assert bad.verdict == "conflict" and "conflict" in relations(bad, "节约能源法", "第十七条")


@pytest.mark.parametrize(("prefix", "check_id"), [
    ("35_P05", "two_high"),  # "上游原焦化厂排水口": a former works upstream, not the project's trade
    ("35_P10", "mine_restoration"),  # "周边煤矿经公路短途运至集运站": the mines around a rail station
])
def test_a_curated_check_applies_to_the_projects_own_trade(library_kb, prefix, check_id):
    rep = check_proposal(library_kb, trial_text(prefix))
    assert check_id not in {f.check_id for f in rep.findings}


def test_a_curated_finding_is_cited_as_the_others_are(library_kb):
    rep = check_proposal(library_kb, trial_text("35_P10"))
    curated = [f for f in rep.findings if f.check_id and not f.check_id.startswith("obligation")]
    assert curated and all(f.doc_label and f.article for f in curated)


def test_the_solid_waste_law_applies_to_scrapped_vehicles(library_kb):
    # the law's fifth chapter names discarded vehicles and appliances beside its kinds of solid waste (第六十七条)
    rep = check_proposal(library_kb, "项目名称：某运输公司报废车辆处置方案。处置对象：已达报废年限的货车20辆。处置方式：整车"
                                     "出售给个体废品收购户，由其运回自家院内拆解。")
    assert relations(rep, "固体废物污染环境防治法", "第六十七条") & {"conflict", "attention"}
