"""Findings of the eighty-sixth user trial (a provincial policy research office asking about the Shanxi policy's
targets and measures), each a general case."""

from __future__ import annotations


def test_another_year_from_the_clause_that_answered(library_kb):
    # "那2035年呢？" after the 2027 PM2.5 question answered by 实施意见（八）: its 2035 sentence, not the news report's
    # broad goal for 2035
    ans = library_kb.ask("那2035年呢？", history=["美丽山西建设到2027年PM2.5要降到多少？"])
    assert ans.citations[0].clause_id == "meili_shanxi_shishi_yijian:c8"
    assert "2035年" in ans.text and "二级标准" in ans.text


def test_the_policy_over_a_report_quoting_it(library_kb):
    # the news report repeats the policy's 主要目标 paragraph in part: the policy's own words answer
    ans = library_kb.ask("到2035年美丽山西要达到什么程度？")
    assert ans.citations[0].doc_id == "meili_shanxi_shishi_yijian"
    assert "生态环境根本好转" in ans.text


def test_a_requirement_of_the_named_document(library_kb):
    # "实施意见对…比例有什么要求": its own target (（九）), not a report's figure of what was achieved (93.6%)
    ans = library_kb.ask("实施意见对地表水国考断面优良水质比例有什么要求？")
    assert ans.citations[0].clause_id == "meili_shanxi_shishi_yijian:c9"
    assert "93.6%" not in ans.text


def test_a_request_on_the_answers_form_is_not_searched(library_kb):
    ans = library_kb.ask("实施意见的主要任务分几大方面？请逐条列出。")
    assert ans.found and "6个方面" in ans.text
