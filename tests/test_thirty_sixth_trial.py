"""Findings of the thirty-sixth user trial (a township's environmental officer: villagers' questions on farms, straw,
pesticide packaging, wells and rubbish), each a general case."""

from __future__ import annotations

import pytest


def test_a_pesticide_bottle_is_pesticide_packaging_waste(library_kb):
    ans = library_kb.ask("农户打完药把药瓶子随手扔地头，罚不罚？")
    assert ans.citations[0].clause_id == "土壤污染防治法:a88"


def test_a_penalty_after_an_order_not_heeded_keeps_the_order(library_kb):
    ans = library_kb.ask("在禁养区盖猪场，罚多少？谁来罚？")
    assert "责令停止违法行为" in ans.text and ans.text.index("责令停止违法行为") < ans.text.index("拒不停止违法行为")


def test_a_new_place_takes_the_place_of_the_old_one(library_kb):
    from shanxi_policy.answer.followup import resolve

    got = resolve("那要是建在饮用水水源保护区呢？", ["在禁止养殖区域建养猪场罚多少？"], library_kb.term_idf,
                  library_kb.documents)
    assert got.startswith("在饮用水水源保护区建养猪场")


@pytest.mark.parametrize("question", ["谁来罚？", "罚不罚？", "这种情况能罚吗？"])
def test_who_punishes_or_whether_is_a_penalty_question(question):
    from shanxi_policy.answer.qtype import ASKS_PENALTY

    assert ASKS_PENALTY.search(question)


def test_who_punishes_a_follow_up_gets_a_penalty_article(library_kb):
    from shanxi_policy.answer.qtype import in_liability_chapter

    ans = library_kb.ask("谁来罚？", history=["养殖场的粪水能不能直接排到河里？", "罚多少？"])
    assert in_liability_chapter(ans.citations[0])


def test_a_later_question_of_one_message_is_of_the_first_ones_thing(library_kb):
    ans = library_kb.ask("秸秆到底能不能在地里烧？哪些地方不让烧？")
    assert "未在文件中找到" not in (ans.note or "")
    assert "人口集中地区" in ans.text
