"""Findings of the ninety-first user trial (a county agriculture bureau screening farms and farm-produce works), and
of the eighty-ninth's seed-policy items, each a general case."""

from __future__ import annotations

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_expired_veterinary_medicines_are_hazardous_waste(library_kb):
    # "过期兽药…卖给西沟村废品收购站处理，收购站无危险废物经营许可证" (HW03): 固废法 第八十条 is the breach; it had been
    # 相关, last
    rep = check_proposal(library_kb, trial_text("91_P02"))
    assert "conflict" in relations(rep, "固体废物污染环境防治法", "第八十条")


def test_the_three_simultaneous_in_other_words(library_kb):
    # "环保设施与主体工程同时建设…环保设施验收合格后投入生产": the duty of 环境保护法 第四十一条 addressed
    rep = check_proposal(library_kb, trial_text("91_P04"))
    assert "attention" not in relations(rep, "环境保护法", "第四十一条")
    assert rep.verdict not in ("conflict", "attention")


def test_a_fish_pond_holds_no_discharge_permit(library_kb):
    rep = check_proposal(library_kb, trial_text("91_P11"))
    assert "attention" not in relations(rep, "排污许可管理条例", "第二条")


def test_a_yard_storing_clinker_makes_none(library_kb):
    # eighty-ninth trial: "散货堆场…主要堆存煤炭、砂石和水泥熟料" is no cement works (the seed policy's 两高 item)
    rep = check_proposal(library_kb, trial_text("89_P06"))
    assert not [f for f in rep.findings if f.check_id == "two_high"]


def test_a_furnace_named_by_its_gas_fuel(library_kb):
    # eighty-ninth trial: "导热油炉以天然气为燃料" meets the seed policy's coal-boiler item
    rep = check_proposal(library_kb, trial_text("89_P11"))
    assert {f.relation for f in rep.findings if f.check_id == "coal_boiler"} == {"supports"}
