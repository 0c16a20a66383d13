"""Findings of the sixty-eighth user trial (a provincial people's congress committee preparing an enforcement inspection of
the solid waste, soil and air laws), and of the wetland questions left open by the sixty-fourth; each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve
from shanxi_policy.answer.qtype import ASKS_PENALTY
from shanxi_policy.text.tokenize import index_terms, tagged


def test_dumping_hazardous_waste_is_punished_by_the_law_that_names_it(library_kb):
    # not 危废经营许可证办法 第二十七条, which punishes its 第二十条 (a collector's duty to hand oil to a disposer) by number
    ans = library_kb.ask("有家厂子把废油桶、废酸这些危险废物偷偷倒在沟里，会罚多少钱？")
    assert ans.citations[0].clause_id == "固体废物污染环境防治法:a112"
    assert "擅自倾倒、堆放危险废物" in ans.text and "三倍以上五倍以下" in ans.text


@pytest.mark.parametrize("question", ["没有许可证收危险废物的罚多少？", "没有许可证就收危险废物的，罚得有多重？"])
def test_unlicensed_hazardous_waste_business(library_kb, question):
    # 固废法 第一百一十四条 opens with that very breach; 办法 第二十五条's amount is for forged licences (its 第十五条第四款)
    ans = library_kb.ask(question)
    assert ans.citations[0].clause_id == "固体废物污染环境防治法:a114"
    assert "一百万元以上五百万元以下" in ans.text


def test_how_heavy_a_penalty_is_asked():
    assert ASKS_PENALTY.search("没有许可证就收危险废物的，罚得有多重？")


@pytest.mark.parametrize(("question", "item"), [
    ("污染地块的责任人一直拖着不修复，能怎么处罚？", "（四）未按照规定实施修复的"),
    ("不做土壤污染状况调查会怎么罚？", "（一）未按照规定进行土壤污染状况调查的"),
])
def test_an_act_left_undone_finds_its_own_item(library_kb, question, item):
    # 土壤法 第九十四条, not 第九十五条（二） "未按照规定将修复方案…备案" nor 第九十条 on false reports
    ans = library_kb.ask(question)
    assert ans.citations[0].clause_id == "土壤污染防治法:a94"
    assert item in ans.text


@pytest.mark.parametrize(("text", "words"), [
    ("（一）开（围）垦、排干自然湿地", {"开垦", "围垦"}),
    ("不得在河道管理范围内修建建（构）筑物", {"建筑物", "构筑物"}),
])
def test_bracketed_alternatives_are_indexed_in_both_readings(text, words):
    assert words <= set(index_terms(text))


def test_numbered_items_are_no_alternative():
    assert "一项" not in index_terms("本条第一款第（一）项")


def test_reclaiming_a_wetland_penalty(library_kb):
    # 湿地保护法 第五十四条 writes "开（围）垦、填埋自然湿地的": it is the answer, with no caution that it never says 开垦
    ans = library_kb.ask("开垦湿地罚多少？")
    assert ans.citations[0].clause_id == "湿地保护法:a54"
    assert not ans.note


def test_wetland_is_a_noun():
    assert dict(tagged("围垦湿地是否禁止"))["湿地"] == "n"


def test_a_question_of_its_own_after_another(library_kb):
    # "围垦湿地是否禁止？" names its act and its thing: no follow-up of the question before
    question = "围垦湿地是否禁止？"
    assert resolve(question, ["开垦湿地改成耕地违法吗？"], library_kb.term_idf, library_kb.documents) == question


def test_land_turned_into_farmland_is_answered_with_a_caution(library_kb):
    # the wetland is what is asked about, and its law is held: the closest clauses are shown, with the caution that the
    # library lacks 土地管理法 for the farmland
    ans = library_kb.ask("开垦湿地改成耕地违法吗？")
    assert ans.found and ans.type != "refusal"
    assert "土地管理法" in ans.note


@pytest.mark.parametrize(("text", "new_use"), [
    ("开垦湿地改成耕地违法吗？", True),
    ("芦苇荡填了改成耕地违法吗？", True),
    ("把耕地改成鱼塘可以吗？", False),  # the farmland itself is taken
    ("在耕地上建厂房，后来又改成耕地", False),
])
def test_farmland_as_the_new_use(text, new_use):
    from shanxi_policy.retrieve.coverage import only_as_new_use

    assert only_as_new_use("耕地", text) is new_use


def test_selling_medical_waste_to_a_scrap_buyer(library_kb):
    # 医疗废物管理条例 第十四条 "禁止任何单位和个人转让、买卖医疗废物", not 第二十一条 on rural clinics' own disposal
    ans = library_kb.ask("小诊所用过的针头、输液瓶能不能卖给收废品的？")
    assert ans.citations[0].clause_id == "医疗废物管理条例:a14"


def test_a_whole_question_after_a_penalty_is_its_own(library_kb):
    resolved = resolve("那山西省对油烟排放浓度的地方标准是多少？", ["饭馆不装油烟净化设备罚多少？", "谁来罚？"],
                       library_kb.term_idf, library_kb.documents)
    assert resolved == "山西省对油烟排放浓度的地方标准是多少？"


def test_an_amount_of_money_not_stated(library_kb):
    # "每亩补多少钱": 土壤法 第五十四条 promises policy support and names no sum; the answer says so
    ans = library_kb.ask("退耕还林每亩补多少钱？")
    assert ans.note and "金额" in ans.note


def test_a_soil_survey_report_goes_to(library_kb):
    # "土壤调查" is the law's 土壤污染状况调查; 第五十九条 says where its report goes
    ans = library_kb.ask("老厂区改住宅，土壤调查报告交给谁？")
    assert ans.citations[0].clause_id == "土壤污染防治法:a59" and "生态环境主管部门" in ans.text
