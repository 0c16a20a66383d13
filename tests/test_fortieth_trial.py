"""Findings of the fortieth user trial (a county 12345 service hotline passing on citizens' questions and leaders'
questions on the Shanxi documents), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve
from shanxi_policy.answer.lexicon import expand
from shanxi_policy.answer.render import answer_label, answer_lines
from shanxi_policy.models import Answer
from shanxi_policy.text.tokenize import content_terms


@pytest.mark.parametrize(("history", "question", "resolved"), [
    # the same conduct persisted in after the penalty asked before
    (["楼下饭店油烟太大怎么办？", "罚多少？"], "要是他们拒不改正呢？", "楼下饭店油烟太大，拒不改正的，罚多少？"),
    (["企业用暗管偷排污水怎么罚？"], "罚了还不改呢？", "企业用暗管偷排污水，拒不改正的，怎么罚？"),
    # a year given after a question that asked for the year: its target is asked
    (["山西碳达峰目标是哪一年？"], "那2035年呢？", "2035年山西碳达峰目标是什么？"),
])
def test_follow_ups_that_change_the_case(history, question, resolved):
    assert resolve(question, history) == resolved


def test_a_fine_then_no_correction_leads_to_the_daily_penalty(library_kb):
    ans = library_kb.ask("罚了还不改呢？", history=["企业用暗管偷排污水怎么罚？"])
    assert any("按日连续处罚" in h.text for h in ans.citations[:3])


def test_the_year_asked_is_answered_by_that_year_sentence(library_kb):
    ans = library_kb.ask("那2035年呢？", history=["山西碳达峰目标是哪一年？"])
    assert ans.found and "2035年" in ans.text and "碳排放达峰后稳中有降" in ans.text


@pytest.mark.parametrize("question", ["危险废物在厂里最多能存多久？", "这个东西最多能放多长时间？"])
def test_spoken_question_words_are_no_terms_to_cover(question):
    assert not {"最多", "多久", "多长时间"} & set(content_terms(question))


def test_storage_time_asked_in_spoken_words_is_answered(library_kb):
    ans = library_kb.ask("危险废物在厂里最多能存多久？")
    assert ans.found and "不得超过一年" in ans.text


def test_a_matter_governed_by_laws_outside_the_library_is_not_answered_from_another(library_kb):
    # "小区" is no 养殖小区: keeping dogs is for 动物防疫法 and the local dog rules
    ans = library_kb.ask("遛狗不拴绳、狗在小区里随地大小便，哪个部门管？罚多少？")
    assert not ans.found and "动物防疫法" in ans.text


def test_a_lay_phrase_across_words_is_covered_by_its_legal_terms(library_kb):
    # "改成住宅" is written in the law as 用途变更为住宅
    ans = library_kb.ask("原来的化工厂地块要改成住宅小区，开发前要做什么？")
    assert ans.found


def test_no_answer_is_called_one_when_the_year_asked_is_not_in_the_texts():
    ans = Answer(True, "推动森林覆盖率年均增长0.5个百分点。", [], "2025年煤炭产量控制在多少？", "", 0.5,
                 note="文件中未找到2025年的相应规定，以下是最接近的条款。")
    assert answer_label(ans) == "最接近的条款："
    assert not any(line.startswith("答：") for line in answer_lines(ans))
    ans.note = ""
    assert answer_label(ans) == "答："


def test_when_the_carbon_peak_falls_is_its_year_not_what_follows_it(library_kb):
    # "碳达峰" is written "二氧化碳排放量力争达到峰值" (2030); "碳排放达峰后稳中有降" (2035) is what comes after the peak
    ans = library_kb.ask("美丽山西那个文件里，碳达峰定在什么时候？")
    assert ans.found and "2030年" in ans.text and "达到峰值" in ans.text


def test_new_energy_measures_are_listed_beside_the_coal_ones(library_kb):
    # 新能源 is written as what it is: 风电, 光伏, 氢能, 储能
    ans = library_kb.ask("省里文件对煤炭和新能源都提了哪些措施？")
    shown = ans.shown_text()
    assert "煤炭" in shown and "风电光伏" in shown


@pytest.mark.parametrize(("question", "added"), [
    ("省里文件对煤炭和新能源都提了哪些措施？", True),
    ("到2035年新增汽车里新能源车要占多少？", False),  # 新能源 modifies 新能源车: another thing
])
def test_a_lay_word_that_modifies_a_longer_term_is_not_that_word(question, added):
    assert ("风电" in expand(question)) is added


def test_a_lay_word_that_heads_a_longer_term_keeps_its_legal_terms():
    assert "机动车" in expand("电动汽车充一次电电费大概多少钱？")  # 汽车 heads 电动汽车: still a vehicle
