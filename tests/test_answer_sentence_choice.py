"""The answer sentence comes from the clause retrieval ranked best unless a lower clause's sentence is
clearly better: a shared year, verb and number do not pull the answer to a clause ranked far below."""

from __future__ import annotations


def test_year_follow_up_keeps_the_subject_in_the_full_library(library_kb):
    ans = library_kb.ask("那2035年呢？", history=["到2027年各设区市细颗粒物平均浓度要达到什么水平？"])
    assert ans.found and "六项大气污染物指标" in ans.text, ans.text
    assert "铁路货运" not in ans.text


def test_a_number_question_still_gets_its_number(library_kb):
    ans = library_kb.ask("排污许可证有效期几年？")
    assert ans.found and "5年" in ans.text
