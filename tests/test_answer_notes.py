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
