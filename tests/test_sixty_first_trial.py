"""Findings of the sixty-first user trial (a county water bureau's desk on works in and by rivers) and the sixty-second
(a coking plant's compliance officer asking what the law asks of it), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_a_word_denied_of_another_act(library_kb):
    # "不改变…取水口位置，不新增取水量，取水许可证已于2023年办理延续": no refusal of 水法 第四十八条's licence
    rep = check_proposal(library_kb, trial_text("61_P10"))
    assert "conflict" not in relations(rep, "水法", "第四十八条")
    assert rep.verdict != "conflict"


def test_a_place_told_before_in_the_same_sentence(library_kb):
    # 水污染防治法 第六十七条 "禁止在饮用水水源准保护区内新建、扩建…；改建建设项目，不得增加排污量": the second rule holds in
    # the 准保护区 too, not in the 二级保护区 the outfall is put in (第六十四条 rules there)
    rep = check_proposal(library_kb, trial_text("61_P04"))
    assert "conflict" not in relations(rep, "水污染防治法", "第六十七条")
    assert "conflict" in relations(rep, "水污染防治法", "第六十四条")


@pytest.mark.parametrize(("question", "clause", "words"), [
    # "没拿到…就先排了": 拿到 is the law's 取得, left undone (第三十三条（一）), not obtained by deceit (第四十条)
    ("没拿到排污证就先排了，罚多少？", "排污许可管理条例:a33", "未取得排污许可证排放污染物"),
    # "环评没批先动工" is building before approval (环评法 第三十一条), not an assessor's fraud
    ("环评没批先动工，罚多少？", "环境影响评价法:a31", "擅自开工建设"),
])
def test_spoken_breaches(library_kb, question, clause, words):
    ans = library_kb.ask(question)
    assert ans.citations[0].clause_id == clause and words in ans.shown_text()


def test_a_permit_to_come_with_works_still_to_start(library_kb):
    # "取水许可拟在可研批复后再行申请；计划今年四季度开工": nothing is taken yet; the permit must come first (需关注), no
    # refusal of 黄河保护法 第五十条 or 水法 第四十八条
    rep = check_proposal(library_kb, trial_text("61_P11"))
    assert "conflict" not in relations(rep, "黄河保护法", "第五十条") | relations(rep, "水法", "第四十八条")
