"""Findings of the thirty-second user trial (a county water-enforcement team: villagers' questions on wells, river
beds and washing vehicles, officers' questions on penalties), each a general case."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("question", "article"), [
    # callers' words for what the laws name: 冲一冲 is 清洗, a tanker lorry carried oil, maize is a tall-stalk crop,
    # drinking water from one's own well is a household's small take
    ("我开洗车的，把拉过柴油的油罐车开到河里冲一冲，行不行？", "水污染防治法:a33"),
    ("河道里的滩地能不能种玉米、堆秸秆？", "水法:a37"),
    ("我想在自家院里打口井，吃水浇菜用，要不要去水利局批？", "水法:a48"),
])
def test_a_callers_question_reaches_the_article(library_kb, question, article):
    assert library_kb.ask(question).citations[0].clause_id == article


def test_a_later_question_asks_of_the_law_the_first_names(library_kb):
    ans = library_kb.ask("未经批准擅自取水的，依照水法怎么处罚？罚款数额是多少？")
    assert {h.doc_id for h in ans.citations} == {"水法"}


def test_a_follow_up_swaps_the_subject_not_what_is_asked(library_kb):
    from shanxi_policy.answer.followup import resolve

    got = resolve("那水资源呢？", ["水污染防治由哪个部门统一监督管理？"], library_kb.term_idf, library_kb.documents)
    assert got.startswith("水资源") and got.endswith("监督管理？")


def test_a_follow_up_swaps_the_whole_term_the_texts_write(library_kb):
    from shanxi_policy.answer.followup import resolve

    # the texts write 工业固体废物 and never 工业危险废物: the modifier goes with the term it belongs to
    got = resolve("那危险废物呢？", ["产生工业固体废物的单位未建立管理台账的，罚多少？"], library_kb.term_idf,
                  library_kb.documents)
    assert got.startswith("产生危险废物的单位")
