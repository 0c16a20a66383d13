"""Findings of the ninetieth user trial (a county hotline operator relaying citizens' complaints), each a general
case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


@pytest.mark.parametrize("question, name", [
    ("楼上邻居家漏水把我家天花板泡坏了，按民法典怎么赔？", "民法典"),
    ("有人在电线杆上乱贴小广告，城市市容和环境卫生管理条例怎么罚？", "城市市容和环境卫生管理条例"),
    ("饭店用地沟油做菜，食品安全法怎么处罚？", "食品安全法"),
])
def test_a_law_the_library_lacks_is_named_whole(library_kb, question, name):
    # 民法典 ends in 典, and "…条例怎么罚" follows the name with how it is asked: both had been answered by other laws;
    # "食品安全法" had been named "安全法"
    ans = library_kb.ask(question)
    assert not ans.found
    assert f"《{name}》" in ans.text


@pytest.mark.parametrize("question, clause", [
    # "私自", "这种" name no part of the breach, and 回收 is the law's 收集 (not a collector's duty to hand on, 1万–5万)
    ("没有许可证私自回收废机油这种危险废物，罚多少？", "固体废物污染环境防治法:a114"),
    # a smell given off is the law's 恶臭气体 (not a river basin's ban on chemical parks)
    ("附近化工厂一直散发臭味，法律怎么规定的？", "大气污染防治法:a80"),
    # discharging secretly is evading supervision (第八十三条, not 第八十五条's dumping of waste)
    ("村里小作坊偷偷往河里排污水，怎么罚？", "水污染防治法:a83"),
    # a factory's machines make industrial noise, and a penalty on builders (第七十七条 "建设单位、施工单位") punishes a
    # party the question never names
    ("附近工厂机器噪声很大，白天晚上不停，怎么处罚？", "噪声污染防治法:a75"),
])
def test_lay_wording_reaches_the_article(library_kb, question, clause):
    ans = library_kb.ask(question)
    assert ans.found and ans.citations[0].clause_id == clause


def test_a_penalty_asked_twice_is_answered_once(library_kb):
    # "…能罚款吗？罚多少？": one question; the second part had been answered by 第八十七条 (no amount)
    ans = library_kb.ask("广场舞太吵，劝了也不听，能罚款吗？罚多少？")
    assert ans.citations[0].clause_id == "噪声污染防治法:a82"
    assert "二百元以上一千元以下" in ans.text
    assert "第八十七条" not in ans.text  # no second answer, from the article on the police, under its own heading


@pytest.mark.parametrize("before, question, resolved", [
    # the same act by another party
    ("乱倒生活垃圾罚多少？", "那要是单位乱倒呢？", "单位乱倒生活垃圾罚多少？"),
    ("个人在路边乱倒生活垃圾，罚多少？", "那要是单位乱倒呢？", "单位在路边乱倒生活垃圾，罚多少？"),
    # a new circumstance of the same matter is kept, not dropped
    ("广场舞噪声扰民，法律怎么管？", "那要是劝了不听呢？", "广场舞噪声扰民，劝了不听，法律怎么管？"),
])
def test_follow_ups_keep_what_they_add(library_kb, before, question, resolved):
    assert resolve(question, [before], library_kb.term_idf, library_kb.documents) == resolved


def test_a_party_in_general_tells_no_breach(library_kb):
    # "那要是单位乱倒呢？": 单位 does not pick （四）"工程施工单位…建筑垃圾" (10万–100万) over （一）, the dumping of
    # household waste, whose fine for a 单位 is 5万–50万
    ans = library_kb.ask("那要是单位乱倒呢？", history=["乱倒生活垃圾罚多少？"])
    assert "五万元以上五十万元以下" in ans.text
    assert "建筑垃圾" not in ans.text
