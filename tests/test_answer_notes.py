"""Notes that tell the user what the answer is not: another year than the one asked, one of several laws'
articles of the same number, and no false "not found" hint on the words of a yes/no question."""

from __future__ import annotations

import pytest


def test_a_year_with_no_target_is_said(library_kb):
    ans = library_kb.ask("到2025年非化石能源消费比重要达到多少？")
    assert ans.found and "2030" in ans.text
    assert "2025年" in ans.note and "未找到" in ans.note


def test_the_year_asked_for_gets_no_note(library_kb):
    ans = library_kb.ask("到2030年非化石能源比重要达到多少？")
    assert "18%" in ans.text and "未找到" not in ans.note


def test_an_article_number_several_laws_have_is_attributed(library_kb):
    ans = library_kb.ask("第三十三条说了什么")
    assert ans.citations[0].source == "lookup"
    assert ans.citations[0].doc_title in ans.note and "写明文件名" in ans.note


@pytest.mark.parametrize("question", ["在自然保护区里能不能开矿？", "养殖场的粪污可以直接排进河里吗？"])
def test_yes_no_frame_words_are_not_the_missing_object(library_kb, question):
    ans = library_kb.ask(question)
    assert ans.found
    for word in ("能不能", "不能", "可以"):
        assert f"“{word}”" not in ans.note


@pytest.mark.parametrize(("question", "word"), [("到2025年山西GDP要达到多少？", "GDP"),
                                                ("山西省地区生产总值增长目标是多少？", "生产总值")])
def test_a_subject_no_document_mentions_is_named(library_kb, question, word):
    ans = library_kb.ask(question)
    assert f"文件中没有出现“{word}”" in ans.note


@pytest.mark.parametrize("question", ["以后买新车，电动车要占到多大比例？", "到2030年非化石能源比重要达到多少？"])
def test_short_lay_words_and_known_subjects_get_no_absence_note(library_kb, question):
    assert "文件中没有出现" not in library_kb.ask(question).note


@pytest.mark.parametrize(("question", "law"), [("土地管理法对非法占用永久基本农田怎么处罚？", "土地管理法"),
                                               ("按照《森林法》规定，砍树要办什么手续？", "森林法")])
def test_a_law_the_library_lacks_is_not_answered_from_another(library_kb, question, law):
    ans = library_kb.ask(question)
    assert not ans.found and f"文档库中没有《{law}》" in ans.text
    assert ans.citations  # the closest clauses are still listed as possibly related


@pytest.mark.parametrize("question", ["环保法对企业有什么要求？", "固体废物污染环境防治法对危险废物有什么规定？",
                                      "用什么方法处理污泥？", "违法排污怎么处罚？", "大气法对扬尘有什么规定？"])
def test_held_laws_abbreviations_and_ordinary_words_are_not_missing_laws(library_kb, question):
    assert "文档库中没有" not in library_kb.ask(question).text


def test_a_close_clause_using_the_rarest_word_answers_instead_of_a_note(library_kb):
    ans = library_kb.ask("危险废物经营单位终止经营要办理什么手续？")
    assert ans.text.startswith("第十四条") and "终止" in ans.text and not ans.note
