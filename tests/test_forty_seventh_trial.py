"""Findings of the forty-seventh user trial (a city development-and-reform desk reading projects before asking for the
environmental opinion: a calcium-carbide plant already producing, a PVC plant reinjecting wastewater, a ski resort …),
each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.negation import in_progress, works_begun
from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


@pytest.mark.parametrize("text", [
    "项目名称：某电石项目。项目未取得环境影响评价批复即开工建设，一期工程已建成并投入生产。",
    "项目名称：某电石项目。项目环评未批即开工建设，一期工程已投入生产。",
])
def test_building_without_the_approval_said_plainly(library_kb, text):
    # the paper said lacking ("未取得环境影响评价批复", "环评未批") is the case "…未依法经审批部门审查或者审查后未予批准的"
    rep = check_proposal(library_kb, text)
    assert relations(rep, "环境影响评价法", "第二十五条") == {"conflict"}


def test_works_producing_while_the_report_is_commissioned(library_kb):
    # "已开始带料试生产" and "报告书已委托省内技术单位编制，拟于今年下半年…一并报送审批"
    rep = check_proposal(library_kb, trial_text("47_P02"))
    assert relations(rep, "环境影响评价法", "第二十五条") == {"conflict"}


@pytest.mark.parametrize(("text", "under_way"), [
    ("环境影响报告书已委托省内技术单位编制，拟于今年下半年报送审批。", True),
    ("环境影响报告书已委托某公司编制完成并取得批复。", False),
])
def test_a_report_commissioned_is_under_way(text, under_way):
    i = text.index("环境影响报告")
    assert in_progress(text, i, i + 6) is under_way


@pytest.mark.parametrize(("text", "begun"), [
    ("2024年3月起一期工程已开始带料试生产", True),
    ("企业已于2023年10月完成一期2台电石炉的主体土建和设备安装", True),
    ("项目已具备开工条件", False),
    ("已取得批复，计划2025年开工", False),
])
def test_works_begun_in_the_applicants_words(text, begun):
    assert works_begun(text) is begun


@pytest.mark.parametrize(("prefix", "conflict"), [
    # "利用…一眼深井（…已停用），将…废水回注至地下深层岩层"
    ("47_P03", True),
    # "雪融水自然下渗补给" recharges the ground
    ("47_P11", False),
])
def test_what_is_let_into_the_ground(library_kb, prefix, conflict):
    # 水污染防治法 第三十九条 (渗井、渗坑): wastewater pumped into a disused well is, melt water soaking in is not
    rep = check_proposal(library_kb, trial_text(prefix))
    assert ("conflict" in relations(rep, "水污染防治法", "第三十九条")) is conflict
