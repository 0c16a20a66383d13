"""Findings of the eightieth user trial (a county hospital's logistics director asking about medical waste, sewage,
the canteen, the boiler room and a new ward building), each a general case."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("question", "clause"), [
    # "医院" says who asks: it does not draw every clause of the medical waste rules into a question on the canteen
    ("医院食堂油烟排放有什么要求？", "大气污染防治法:a81"),
    # the act left undone (未经验收) decides the penalty, not the patients the question names
    ("新病房楼环保设施还没验收就先让病人住进去了，会罚多少？", "建设项目环境保护管理条例:a23"),
    # "撒了一地" is a spill (流失、泄漏、扩散)
    ("医疗废物转运车在院里翻了、废物撒了一地，该怎么办？要向谁报告？", "医疗废物管理条例:a13"),
])
def test_answered_by_the_article(library_kb, question, clause):
    assert library_kb.ask(question).citations[0].clause_id == clause


def test_a_years_quantitative_targets_listed(library_kb):
    # "2030年有哪些量化指标": the year's targets with their figures, not a refusal
    ans = library_kb.ask("美丽山西的文件里，2030年有哪些量化指标？")
    assert ans.found and any("18%" in i.text for i in ans.items)


@pytest.mark.parametrize(("question", "law"), [
    ("病历要保存多少年？", "医疗机构管理条例"),
    ("锅炉工上岗要持什么证？", "特种设备安全法"),
])
def test_matters_of_laws_not_held(library_kb, question, law):
    ans = library_kb.ask(question)
    assert not ans.found and law in ans.message


def test_another_act_on_the_same_thing(library_kb):
    # "那要是卖给收废品的呢？" after "医疗废物混进生活垃圾，罚多少？": the new act takes the earlier one's place
    from shanxi_policy.answer.followup import resolve

    assert resolve("那要是卖给收废品的呢？", ["医疗废物混进生活垃圾，罚多少？"], library_kb.term_idf,
                   library_kb.documents) == "医疗废物卖给收废品的，罚多少？"
    ans = library_kb.ask("那要是卖给收废品的呢？", history=["医疗废物混进生活垃圾，罚多少？"])
    assert ans.citations[0].clause_id == "医疗废物管理条例:a53"
