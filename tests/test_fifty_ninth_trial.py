"""Findings of the fifty-ninth user trial (a county development-and-reform bureau's project desk: rooftop solar,
storage, biomass heat and power, a coal-washing upgrade, a cold store, guesthouses in a reserve, a beef farm by a
reservoir, a gas network, a coal boiler house), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


@pytest.mark.parametrize(("proposal", "law", "article"), [
    # "屋顶部分利用已建成厂房": a building the project uses as it stands is no works begun
    ("59_P01", "环境保护法", "第十九条"),
    # "依据《…分类管理名录》，…不纳入建设项目环境影响评价管理": an exemption claimed under a rule, no refusal
    ("59_P01", "水污染防治法", "第十九条"),
    # "全部由投资方自筹，不申请政府资金": funds refused to another act (申请) than the one the duty asks of them (使用)
    ("59_P03", "土壤污染防治法", "第七十条"),
    # "有效减少秸秆露天焚烧": lessening the banned act others do is not doing it
    ("59_P04", "大气污染防治法", "第七十七条"),
    # "东邻XX小区约150米": the neighbour on one side, not the area the works stand in
    ("59_P07", "噪声污染防治法", "第三十五条"),
    # "处于…水源保护区二级保护范围内": neither the first-level nor the outer zone
    ("59_P10", "水污染防治法", "第六十五条"),
    ("59_P10", "水污染防治法", "第六十七条"),
    # "从河床下方穿越，不在河道内开挖" and "出入口设车辆冲洗设施": no vehicle of oil washed in any water
    ("59_P11", "水污染防治法", "第三十三条"),
])
def test_no_false_conflict(library_kb, proposal, law, article):
    rep = check_proposal(library_kb, trial_text(proposal))
    assert "conflict" not in relations(rep, law, article)


@pytest.mark.parametrize(("proposal", "verdict"), [
    ("59_P01", "attention"),
    ("59_P07", "attention"),
    # a gas main with nothing to mend: 符合, as its tester expected (the seed policy's push to retire old lorries no
    # longer holds it open)
    ("59_P11", "supports"),
])
def test_verdicts(library_kb, proposal, verdict):
    assert check_proposal(library_kb, trial_text(proposal)).verdict == verdict


def test_a_ban_on_coal_and_oil_units_and_a_biomass_plant(library_kb):
    # "2×75t/h…生物质锅炉", the county's coal boilers only replaced ("可替代…燃煤小锅炉"): no coal or oil generating unit
    rep = check_proposal(library_kb, trial_text("59_P04"))
    assert not relations(rep, "节约能源法", "第三十三条") & {"conflict", "attention"}


def test_an_exemption_claimed_under_a_catalogue(library_kb):
    text = ("项目名称：某园区屋顶分布式光伏项目。建设内容：利用厂房屋顶建设光伏组件，组件清洗水经沉淀后排入园区雨水沟渠。"
            "手续办理情况：依据《建设项目环境影响评价分类管理名录》，本项目不纳入建设项目环境影响评价管理，不开展环境影响评价。")
    rep = check_proposal(library_kb, text)
    assert not [f for f in rep.findings if f.relation == "conflict" and "环境影响评价" in f.hit.quote]


def test_works_begun_in_other_words(library_kb):
    # "已于2024年4月先行组织施工，目前主厂房钢结构及设备基础完成约60%", not "审批后再组织设备调试"
    rep = check_proposal(library_kb, trial_text("59_P05"))
    f = next(f for f in rep.findings if "环境影响评价法" in f.doc_label and f.article == "第二十五条")
    assert f.relation == "conflict" and "先行组织施工" in f.evidence and "设备调试" not in f.reason


def test_the_buffer_belt_of_a_reserve(library_kb):
    # "项目主体位于保护区核心区外围的缓冲地带": the reserve's 缓冲区, where tourism is banned (第二十八条), quoted with it
    rep = check_proposal(library_kb, trial_text("59_P08"))
    f = next(f for f in rep.findings if "自然保护区条例" in f.doc_label and f.article == "第二十八条")
    assert f.relation == "conflict" and "缓冲地带" in f.evidence


def test_waste_water_on_farmland_with_no_standard_said(library_kb):
    # "马铃薯清洗废水经沉淀后用于周边农田灌溉": whether it meets the farm-use standard is not said (需关注), and 农用 read
    # from the fact is no 符合
    rep = check_proposal(library_kb, trial_text("59_P09"))
    assert relations(rep, "环境保护法", "第四十九条") == {"attention"}


def test_a_new_coal_boiler_by_its_kind(library_kb):
    # "拆除现有…燃煤锅炉，新建2台40t/h（29MW）燃煤循环流化床热水锅炉": the new one is a coal boiler for the seed policy
    rep = check_proposal(library_kb, trial_text("59_P12"))
    f = next(f for f in rep.findings if f.check_id == "coal_boiler")
    assert f.relation != "supports" and "燃煤循环流化床热水锅炉" in f.reason


def test_energy_saved_is_no_energy_used(library_kb):
    # "每年可节约标准煤约3800吨": a solar plant saves coal; it does not consume the amount the energy review is about
    rep = check_proposal(library_kb, trial_text("59_P01"))
    assert not relations(rep, "节约能源法", "第十五条")
