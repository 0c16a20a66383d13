"""Findings of the sixteenth user trial (a development zone's approval desk checking projects that want to settle),
each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.service import check_proposal


def _cited(rep, relation: str, law: str, article: str) -> bool:
    return any(f.relation == relation and law in f.doc_label and f.article == article for f in rep.findings)


def test_not_buying_banned_equipment_is_no_breach(library_kb):
    # 淘汰 before 的 describes the equipment; it does not take the purchase away
    rep = check_proposal(library_kb, "项目名称：数据中心项目\n项目简介：项目不采购国家已明令淘汰的服务器、空调机组等用能设备。")
    assert not _cited(rep, "conflict", "节约能源法", "第五十一条")
    rep = check_proposal(library_kb, "项目名称：数据中心项目\n项目简介：为节约投资，"
                                     "项目计划采购一批国家已明令淘汰的旧型号空调机组。")
    assert _cited(rep, "conflict", "节约能源法", "第五十一条") or _cited(rep, "conflict", "节约能源法", "第十七条")


@pytest.mark.parametrize(("text", "law", "article"), [
    # aluminium dross is hazardous waste (HW48), sold to an individual collector
    ("项目名称：再生铝项目\n项目简介：熔炼产生的铝灰渣，公司计划就近打包销售给附近的个体回收户进行二次提铝。",
     "固体废物污染环境防治法", "第八十条"),
    # painted in an open shop, the fumes let out directly
    ("项目名称：家具喷涂项目\n项目简介：喷漆作业在敞开式车间进行，含挥发性有机物的废气不经处理，由排风扇直接排到室外。",
     "大气污染防治法", "第四十五条"),
    # civil works go ahead while the assessment waits for the trial run
    ("项目名称：正极材料项目\n项目简介：公司计划土建施工与设备安装同步推进，力争年内点火试产；"
     "环境影响报告书拟在试生产阶段报送审批。",
     "环境保护法", "第十九条"),
])
def test_a_breach_in_a_settling_projects_words(library_kb, text, law, article):
    assert _cited(check_proposal(library_kb, text), "conflict", law, article)
