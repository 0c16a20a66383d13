"""Findings of the thirty-fourth user trial (a county 12369 hotline: callers' questions on noise, smoke, waste and
livestock; follow-ups on who punishes), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import is_elliptical


@pytest.mark.parametrize("question", [
    # how long a thing may be kept is its storage time (暂时贮存的时间不得超过2天)
    "县医院的医疗废物在医院里最多能放几天？",
    "医院医疗废物最多能暂存几天？",
])
def test_how_long_waste_may_be_kept_is_its_storage_time(library_kb, question):
    ans = library_kb.ask(question)
    assert ans.found and ans.citations[0].clause_id == "医疗废物管理条例:a17"


@pytest.mark.parametrize(("question", "elliptical"), [
    ("没按要求处置的谁来罚？", True),  # a breach named by its act alone
    ("超标排放的谁来管？", True),
    ("医疗废物没处置的谁来罚？", False),  # names the thing: a question of its own
])
def test_a_breach_named_by_its_act_alone_is_a_follow_up(question, elliptical):
    assert is_elliptical(question, "那农村卫生室没有集中处置条件的怎么办？") is elliptical


def test_who_punishes_a_breach_asks_of_the_matter_before(library_kb):
    history = ["医院医疗废物最多能暂存几天？", "那农村卫生室没有集中处置条件的怎么办？"]
    ans = library_kb.ask("没按要求处置的谁来罚？", history=history)
    assert ans.citations[0].clause_id == "医疗废物管理条例:a51"


def test_a_penalty_that_follows_a_refused_order_keeps_the_order_before_it(library_kb):
    ans = library_kb.ask("小区广场舞音响开得震天响，每天晚上跳到十点，能罚款吗？")
    first = ans.text.split("\n", 1)[0]
    assert "拒不改正的" in first and "说服教育" in first and first.index("说服教育") < first.index("拒不改正的")


def test_a_ban_ranked_below_liability_articles_still_leads_to_its_penalty(library_kb):
    ans = library_kb.ask("企业把危险废物交给没有许可证的个体户处理，怎么处罚？")
    assert ans.citations[0].clause_id == "固体废物污染环境防治法:a112"


def test_who_is_in_charge_is_answered_by_the_clause_that_gives_charge(library_kb):
    ans = library_kb.ask("养猪场粪污的事到底归环保局管还是农业农村局管？")
    assert ans.citations[0].clause_id == "畜禽规模养殖污染防治条例:a5"
    assert "统一监督管理" in ans.text and "农牧主管部门" in ans.text


def test_the_same_act_at_another_place_keeps_the_subject(library_kb):
    from shanxi_policy.answer.followup import resolve

    got = resolve("那建在居民区旁边呢？", ["养殖场建在饮用水水源保护区里怎么处理？"], library_kb.term_idf,
                  library_kb.documents)
    assert got.startswith("养殖场建在居民区旁边")
