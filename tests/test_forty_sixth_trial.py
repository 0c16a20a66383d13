"""Findings of the forty-sixth user trial (a county enforcement team asking in the field: whether a conduct is unlawful,
under which article, how much, who punishes), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


def test_a_penalty_for_discharging_without_a_permit(library_kb):
    # "依照本条例规定申请取得排污许可证": the text's reference to itself tells no breach apart; 第三十三条 "(一)未取得排污许可证
    # 排放污染物" repeats the rule, 第四十一条 "伪造、变造、转让排污许可证" does not
    ans = library_kb.ask("企业没办排污许可证就排污，怎么罚？")
    assert ans.citations[0].clause_id == "排污许可管理条例:a33"


def test_a_conduct_judged_unlawful_is_no_law_name(library_kb):
    # "工地晚上施工扰民违法，罚多少？" ends in 违法: no "文档库中没有《工地晚上施工扰民违法》"
    ans = library_kb.ask("罚多少？", history=["工地晚上施工扰民违法吗？"])
    assert ans.found and ans.citations[0].clause_id == "噪声污染防治法:a77"


def test_a_follow_up_asking_when_keeps_no_earlier_year(library_kb):
    history = ["到2030年非化石能源占比要达到多少？", "2035年呢？"]
    assert "2035" not in resolve("那碳排放啥时候达峰？", history)
    assert "2030年" in library_kb.ask("那碳排放啥时候达峰？", history=history).text


def test_a_short_name_in_a_follow_up_is_the_earlier_things_name():
    out = resolve("要是许可证到期了没去续呢？", ["企业没办排污许可证就排污，怎么罚？"])
    assert "排污许可证" in out


@pytest.mark.parametrize(("question", "clause"), [
    ("罚过款了企业还是不改，能不能按天罚？", "环境保护法:a59"),
    ("什么情况下可以把企业负责人移送公安拘留？", "环境保护法:a63"),
    ("有人想在村小学旁边建个养猪场，能建吗？", "畜禽规模养殖污染防治条例:a11"),
])
def test_field_words_are_the_laws_words(library_kb, question, clause):
    # lay_terms.tsv section trial-46: 按天罚, 移送公安, 小学
    assert library_kb.ask(question).citations[0].clause_id == clause


def test_a_long_chat_is_resolved_from_its_recent_turns(library_kb):
    # the rewrite recurses once per earlier turn: a chat of 50 long turns is read from its last ones, not too deep
    # (it ended in "maximum recursion depth exceeded" once the rewrite grew by a frame)
    history = ["到2030年非化石能源比重要达到多少？" * 500] * 50
    assert "2035" in resolve("那2035年呢？", history)
    assert library_kb.ask("那2035年呢？", history=history).found
