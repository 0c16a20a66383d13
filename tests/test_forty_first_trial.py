"""Findings of the forty-first user trial (a county approval bureau reading small projects' proposals: a waste-oil
refinery's upgrade, an asphalt plant already supplying roads, a car dealership …), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.judges import _numeric_bound
from shanxi_policy.check.negation import in_progress
from shanxi_policy.check.proposal import analyze, project_fact
from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_commitments_kept_are_no_breach(library_kb):
    # "贮存期不超过一年" keeps the one-year bound ("2万吨/年" is a rate, "2019年" a date); "不使用硫酸—白土精制工艺，不采用
    # 土法炼油设备" refuses a process of another kind than the 先进技术、工艺和设备 a duty asks for
    rep = check_proposal(library_kb, trial_text("41_P03"))
    assert "conflict" not in relations(rep, "固体废物污染环境防治法", "第八十一条")
    assert "conflict" not in relations(rep, "循环经济促进法", "第三十一条")
    assert rep.verdict != "conflict"


@pytest.mark.parametrize(("text", "broken"), [
    ("公司现有2万吨/年装置，于2019年取得批复。危险废物贮存期不超过一年。", False),
    ("危险废物在厂内贮存约两年后统一处置。", True),
    ("公司年处理2万吨/年。", None),  # no figure of the thing bounded
])
def test_a_bound_is_read_from_the_figure_of_the_thing_bounded(text, broken):
    prop = analyze(text)
    fact = project_fact(prop) or prop.facts[0]  # the whole proposal, as the judge reads a bound across it
    assert _numeric_bound("贮存危险废物不得超过一年", fact) is broken


def test_works_supplying_roads_with_the_assessment_still_commissioned_breach_it(library_kb):
    # "10月起开始向县城道路工程供料…现委托编制环境影响报告表，申请审批"
    rep = check_proposal(library_kb, trial_text("41_P04"))
    assert relations(rep, "环境影响评价法", "第二十五条") == {"conflict"}


def test_a_report_commissioned_now_is_under_way():
    text = "现委托编制环境影响报告表，申请审批。"
    i = text.index("环境影响报告表")
    assert in_progress(text, i, i + 7)
    done = "现已委托编制完成环境影响报告表。"
    j = done.index("环境影响报告表")
    assert not in_progress(done, j, j + 7)


def test_a_dealer_that_sells_cars_is_no_seller_of_diesel(library_kb):
    # "整车销售" and "烤漆房热源为柴油燃烧器" are two things; "向汽车…销售普通柴油" is one act
    rep = check_proposal(library_kb, trial_text("41_P11"))
    assert "conflict" not in relations(rep, "大气污染防治法", "第六十五条")
