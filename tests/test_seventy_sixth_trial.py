"""Findings of the seventy-sixth user trial (a village committee member asking in spoken, dialect-flavoured Chinese about
farms, burning, rubbish, water and mining damage), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


@pytest.mark.parametrize(("question", "history", "resolved"), [
    # a yes-or-no asked in the spoken way ("…不？"), then the act done: what follows, not "…的，？"
    ("要是已经建起来了呢？", ["养猪场能建在禁养区里不？"], "养猪场建在禁养区里，已经建起来了的，怎么处罚？"),
    # the same act at another place
    ("要是在饮用水水源保护区里呢？", ["养猪场能建在禁养区里不？", "要是已经建起来了呢？"],
     "养猪场建在饮用水水源保护区里，已经建起来了的，怎么处罚？"),
    # "咋处理" is "怎么处理": the case goes before what is asked
    ("要是混到生活垃圾里扔了呢？", ["村卫生室的医疗垃圾咋处理？"], "村卫生室的医疗垃圾，混到生活垃圾里扔了的，怎么处理？"),
    # an order to stop, gone on against: 拒不改正
    ("要是叫停了还不停呢？", ["小作坊没环评就开工了，咋处理？", "罚多少？"], "小作坊没环评就开工了，拒不改正的，罚多少？"),
])
def test_spoken_follow_ups(library_kb, question, history, resolved):
    assert resolve(question, history, library_kb.term_idf, library_kb.documents) == resolved


def test_a_farm_built_in_a_no_farming_zone_is_punished(library_kb):
    ans = library_kb.ask("要是已经建起来了呢？", history=["养猪场能建在禁养区里不？"])
    assert ans.citations[0].clause_id == "畜禽规模养殖污染防治条例:a37"
