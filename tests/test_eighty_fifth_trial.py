"""Findings of the eighty-fifth user trial (a city ecology bureau's environmental infrastructure section screening
waste and pollution-control facilities), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_an_assessment_approved_by_a_named_authority(library_kb):
    # "环境影响报告表已于2024年6月经晋中市生态环境局批复": done, as "已取得…批复" is
    rep = check_proposal(library_kb, trial_text("85_P01"))
    assert any(p.startswith("环境影响评价") for p in rep.papers)


@pytest.mark.parametrize(("law", "article"), [
    ("固体废物污染环境防治法", "第五十六条"),  # real-time monitoring of a household-waste incinerator
    ("固体废物污染环境防治法", "第七十九条"),  # its fly ash is hazardous waste
    ("大气污染防治法", "第八十条"),  # odour
])
def test_an_incinerators_unaddressed_duties(library_kb, law, article):
    rep = check_proposal(library_kb, trial_text("85_P04"))
    assert "attention" in relations(rep, law, article)


def test_facilities_built_alongside_the_main_works(library_kb):
    # "环保设施与主体工程同步设计、同步施工": the law's 同时设计、同时施工 (环境保护法 第四十一条); sending residue to an
    # incinerator makes no fly ash of the project's own
    rep = check_proposal(library_kb, trial_text("85_P05"))
    assert "attention" not in relations(rep, "环境保护法", "第四十一条")
    assert "attention" not in relations(rep, "固体废物污染环境防治法", "第七十九条")


def test_sludge_treated_with_no_tracking_said(library_kb):
    # a sludge works never says how the sludge's destination and amount are recorded (固废法 第七十一条)
    rep = check_proposal(library_kb, trial_text("85_P07"))
    assert "attention" in relations(rep, "固体废物污染环境防治法", "第七十一条")


def test_collecting_without_the_licence_named_after_the_waste(library_kb):
    # "暂未办理危险废物经营许可证…先以再生资源回收名义经营": the licence's name does not deny the waste collected
    rep = check_proposal(library_kb, trial_text("85_P08"))
    assert "conflict" in relations(rep, "固体废物污染环境防治法", "第八十条")


def test_a_data_platform_has_no_works_duties(library_kb):
    # "对接…重点排污单位在线监控数据接口": whom the platform serves, not what it is
    rep = check_proposal(library_kb, trial_text("85_P12"))
    assert not [f for f in rep.findings if f.relation in ("conflict", "attention")]
