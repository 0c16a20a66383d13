"""Findings of the forty-second user trial (a county people's congress committee preparing a law-enforcement inspection:
penalties, duties of governments and targets), each a general case."""

from __future__ import annotations

from shanxi_policy.text.tokenize import content_terms


def test_emissions_over_the_standard_are_punished_by_their_own_article(library_kb):
    # "超标排放" is written "超过大气污染物排放标准…排放大气污染物" (大气法 第九十九条), not 第一百条's monitoring breaches
    ans = library_kb.ask("企业废气超标排放，最多能罚多少？")
    assert ans.citations[0].clause_id == "大气污染防治法:a99"
    assert "十万元以上一百万元以下" in ans.shown_text()


def test_the_askers_own_province_is_no_term_to_cover(library_kb):
    assert "省里" not in content_terms("“无废城市”建设，省里定的比例目标是多少？")
    ans = library_kb.ask("“无废城市”建设，省里定的比例目标是多少？")
    assert ans.found and "60%" in ans.text and not ans.note


def test_the_short_name_of_a_congress_committee_is_its_full_name(library_kb):
    # "人大常委会" is written "人民代表大会常务委员会"; the answer is no "closest clause" under a warning
    ans = library_kb.ask("政府每年向人大常委会报告环境状况，这是哪条法律规定的？")
    assert ans.citations[0].clause_id == "环境保护法:a27" and not ans.note
