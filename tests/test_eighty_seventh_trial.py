"""Findings of the eighty-seventh user trial (a county development and reform bureau screening enterprise investment
projects), each a general case."""

from __future__ import annotations

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_a_filed_registration_form_is_no_unapproved_start(library_kb):
    # "已按分类管理名录填报建设项目环境影响登记表并完成备案" and "2024年8月开工": a registration-form works is filed,
    # not approved; it had been 冲突 under 建设项目环境保护管理条例 第九条 and 环境影响评价法 第二十五条
    rep = check_proposal(library_kb, trial_text("87_P07"))
    assert "conflict" not in relations(rep, "建设项目环境保护管理条例", "第九条")
    assert "conflict" not in relations(rep, "环境影响评价法", "第二十五条")
    assert any(p.startswith("环境影响评价") for p in rep.papers)


def test_a_report_still_to_be_approved_is_still_a_breach(library_kb):
    text = trial_text("87_P07").replace("已按分类管理名录填报建设项目环境影响登记表并完成备案",
                                       "环境影响报告表正在编制，尚未报批")
    rep = check_proposal(library_kb, text)
    assert "conflict" in relations(rep, "环境影响评价法", "第二十五条")
