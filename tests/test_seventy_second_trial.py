"""Findings of the seventy-second user trial (a procuratorate's public-interest litigation staff asking who answers for
pollution and damage, penalties and what the bodies must do), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


@pytest.mark.parametrize(("question", "law"), [
    ("村民没办采伐证在自己承包的山上砍了几十棵树卖钱，要怎么处罚？", "森林法"),
    ("污染环境罪一般判几年？", "刑法"),
    ("企业故意污染环境造成严重后果，受害人能不能要求惩罚性赔偿？", "民法典"),
])
def test_a_matter_of_a_law_not_in_the_library(library_kb, question, law):
    # not answered from an unrelated clause: the law that governs it is named
    ans = library_kb.ask(question)
    assert not ans.found and law in ans.text


def test_a_question_of_a_crime_named_in_the_pollution_laws_is_answered(library_kb):
    # "会不会判刑" is asked of the pollution laws too ("构成犯罪的，依法追究刑事责任"): no refusal for it
    assert library_kb.ask("偷排废水会不会判刑？").found


@pytest.mark.parametrize(("question", "history", "resolved"), [
    # a party named alone after a breach that named none: the same breach, that party's penalty
    ("那公司负责人呢？", ["没有许可证收集处置危险废物，罚多少？"], "没有许可证收集处置危险废物，公司负责人罚多少？"),
    # a question of its own, whether or by whom, asked of the situation told before
    ("能拘留人吗？", ["企业超标排放，环保局除了罚款还能采取什么措施？", "要是企业拒不改正呢？"],
     "企业超标排放，拒不改正的，能拘留人吗？"),
    ("费用谁出？", ["土壤污染责任人找不到，谁来负责修复？"], "土壤污染责任人找不到，费用谁出？"),
    # a breach asks what follows from it, not how long the approval takes
    ("要是没批就开工了呢？", ["环评报告书交上去，审批部门多久要给结果？", "报告表呢？"], "没批就开工了，如何处罚？"),
])
def test_follow_ups(library_kb, question, history, resolved):
    assert resolve(question, history, library_kb.term_idf, library_kb.documents) == resolved


def test_the_party_of_a_breach_gets_its_own_fine(library_kb):
    ans = library_kb.ask("那公司负责人呢？", history=["没有许可证收集处置危险废物，罚多少？"])
    assert ans.found and "十万元以上一百万元以下" in ans.text


def test_acting_without_the_paper_is_the_article_naming_it(library_kb):
    # "无许可证收集废矿物油": 固废法 第一百一十四条, not 危废经营许可证办法 第二十七条 (a licensed collector's duty by number)
    ans = library_kb.ask("无许可证收集废矿物油怎么处罚？")
    assert ans.citations[0].clause_id == "固体废物污染环境防治法:a114"


def test_an_item_answered_alone_keeps_its_lead(library_kb):
    # "（二）在饮用水水源二级保护区内新建…" says no fine without "有下列行为之一的，…处十万元以上五十万元以下的罚款"
    ans = library_kb.ask("二级保护区呢？", history=["饮用水水源一级保护区里能游泳钓鱼吗？", "罚多少？"])
    assert "十万元以上五十万元以下" in ans.text


@pytest.mark.parametrize(("question", "clause"), [
    ("企业被罚了款还接着偷偷排，环保部门就没办法了吗？", ("排污许可管理条例:a38", "环境保护法:a59")),
    ("地里的土被污染了，到底该谁去修复？", ("土壤污染防治法:a45",)),
])
def test_lay_wording(library_kb, question, clause):
    assert library_kb.ask(question).citations[0].clause_id in clause


def test_a_sanction_asked_by_name_is_answered_by_the_article_naming_it(library_kb):
    # "能拘留人吗": 环保法 第六十三条 names 拘留; 第六十条 (限产、停产) shares only the breach
    ans = library_kb.ask("能拘留人吗？", history=["企业超标排放，环保局除了罚款还能采取什么措施？", "要是企业拒不改正呢？"])
    assert ans.citations[0].clause_id == "环境保护法:a63" and "拘留" in ans.text
