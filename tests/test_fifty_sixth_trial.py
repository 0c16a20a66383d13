"""Findings of the fifty-sixth user trial (a county political-consultative member checking the law for a proposal),
each a general case."""

from __future__ import annotations

from shanxi_policy.answer.followup import resolve


def test_a_procedure_left_undone_is_the_one_asked_of_before(library_kb):
    out = resolve("没办就施工，罚多少？", ["工地夜间施工需要什么手续？"], library_kb.term_idf, library_kb.documents)
    assert out == "工地夜间施工，未办理手续就施工，罚多少？"


def test_the_askers_own_writing_and_county_words(library_kb):
    # "提案", "说法" name the asker's writing; "县政府", "本县" are 县级人民政府 and 本行政区域
    ans = library_kb.ask("我提案里想写“县政府对本县环境质量负责”，法律上有这个说法吗？")
    assert ans.found and "本行政区域" in ans.text and "环境质量负责" in ans.text
