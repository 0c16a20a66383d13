"""Findings of the seventieth user trial (a coking and chemical company's environmental manager asking what the law
requires of the plant), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


def test_a_neighbour_kept_awake_by_machines_reports_noise(library_kb):
    # "晚上机器响得睡不着觉，我能到哪里去反映": 噪声法 第三十一条 "有权向生态环境主管部门…举报", not a refusal
    ans = library_kb.ask("我是厂子旁边小区的居民，你们厂晚上机器响得睡不着觉，我能到哪里去反映？")
    assert ans.found and ans.citations[0].clause_id == "噪声污染防治法:a31"


def test_coal_yards_left_uncovered(library_kb):
    # "没有苫盖、没有围挡": 大气法 第一百一十七条（二）"未设置…严密围挡，或者未采取有效覆盖措施"
    ans = library_kb.ask("煤场和焦粉堆场没有苫盖、没有围挡，被查到罚多少？谁来罚？")
    assert ans.found and ans.citations[0].clause_id == "大气污染防治法:a117"


def test_another_thing_the_same_breach(library_kb):
    # "那废水超标呢？" after "废气超标排放怎么罚？": the same breach of another thing, not a bare "废水超标"
    assert resolve("那废水超标呢？", ["废气超标排放怎么罚？"], library_kb.term_idf, library_kb.documents) == \
        "废水超标排放怎么罚？"


def test_a_lay_phrase_said_in_the_laws_words_picks_the_item(library_kb):
    # "超标排放" is the law's "超过…排放标准": 水污法 第八十三条（二）, not （四） which only shares 废水
    ans = library_kb.ask("超标排放废水罚多少？")
    assert "（二）超过水污染物排放标准" in ans.text


def test_a_caution_spells_the_word_as_asked(library_kb):
    # the traditional-to-simplified table turns 结束 into 結束 for matching; the note shows the question's own word
    ans = library_kb.ask("按次申报结束后多少天内要交？")
    assert "結" not in (ans.note or "") and "結" not in ans.text


@pytest.mark.parametrize(("question", "clause"), [
    ("危废在厂里最多能存多长时间？", "固体废物污染环境防治法:a81"),
])
def test_storage_time_in_spoken_words(library_kb, question, clause):
    assert library_kb.ask(question).citations[0].clause_id == clause
