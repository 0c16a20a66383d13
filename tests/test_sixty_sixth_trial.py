"""Findings of the sixty-sixth user trial (a county development-and-reform bureau's energy-saving and carbon desk),
each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


@pytest.mark.parametrize(("history", "question", "resolved"), [
    # another thing left undone, asked the way the turn before asked
    (["碳排放配额不按时清缴怎么罚？", "谁来罚？"], "那年度排放报告不交呢？", "年度排放报告不交，谁来罚？"),
    # the same question read by the document named
    (["使用国家明令淘汰的用能设备怎么处罚？"], "按循环经济促进法呢？",
     "使用国家明令淘汰的用能设备，依照循环经济促进法怎么处罚？"),
])
def test_follow_ups(library_kb, history, question, resolved):
    assert resolve(question, history, library_kb.term_idf, library_kb.documents) == resolved


def test_a_sentence_is_quoted_once(library_kb):
    # 碳排放权交易管理暂行条例 第二十三条 has "情节严重的，禁止其从事年度排放报告编制和技术审核业务。" once
    ans = library_kb.ask("年度排放报告不交罚？")
    assert ans.text.count("情节严重的，禁止其从事") <= 1


def test_who_punishes_under_the_document_named(library_kb):
    # "谁来罚？" after "…按循环经济促进法呢？": 第五十条 "由县级以上地方人民政府循环经济发展综合管理部门…", not a clause
    # on criminal liability
    ans = library_kb.ask("谁来罚？", history=["使用国家明令淘汰的用能设备怎么处罚？", "按循环经济促进法呢？"])
    assert ans.citations[0].clause_id == "循环经济促进法:a50"


def test_a_case_told_by_a_state(library_kb):
    # "要是报告内容不实呢？": a case with no verb of its own still reaches the question
    resolved = resolve("要是报告内容不实呢？", ["重点用能单位不报能源利用状况报告罚多少？"], library_kb.term_idf,
                       library_kb.documents)
    assert "报告内容不实" in resolved and "罚多少" in resolved
