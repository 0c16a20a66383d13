"""Findings of the ninety-sixth user trial (a county development and reform bureau's energy-saving desk), each a
general case."""

from __future__ import annotations


def test_a_penalty_follow_up_finds_the_article_repeating_the_duty(library_kb):
    # "没按时清缴罚多少？" after a question on 清缴: 第二十条 punishes staff who trade; 第二十四条 punishes the breach
    ans = library_kb.ask("没按时清缴罚多少？", history=["碳排放权交易中，重点排放单位每年要清缴碳排放配额吗？"])
    assert ans.citations[0].clause_id == "碳排放权交易管理暂行条例:a24"
    assert "5倍以上10倍以下" in ans.text


def test_a_duty_broken_in_a_follow_up_asks_what_follows(library_kb):
    # "不如实报告呢？" after "…审核结果要向谁报告？" had been answered by the duty again (第二十七条)
    ans = library_kb.ask("不如实报告呢？", history=["实施强制性清洁生产审核的企业，审核结果要向谁报告？"])
    assert ans.citations[0].clause_id == "清洁生产促进法:a39"


def test_what_the_authority_does_about_a_case(library_kb):
    # "…还在使用国家明令淘汰的高耗能设备，节能主管部门怎么处理？": the enforcement (第七十一条), not the ban (第十七条)
    ans = library_kb.ask("企业还在使用国家明令淘汰的高耗能设备，节能主管部门怎么处理？")
    assert ans.citations[0].clause_id == "节约能源法:a71"
    assert "没收" in ans.text
