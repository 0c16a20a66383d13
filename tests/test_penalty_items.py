"""A penalty article's listed breaches: the one the question names is shown, also when the question names it in lay
words the lexicon maps to the law's ("超标排放" is "超过…排放标准")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("question", "shown", "not_shown"), [
    ("大气污染物超标排放罚多少钱？", "超过大气污染物排放标准", "逃避监管"),
    ("企业偷偷超标排放废气怎么罚", "超过大气污染物排放标准", "未依法取得排污许可证排放大气污染物"),
])
def test_the_breach_named_in_lay_words_is_the_item_shown(library_kb, question, shown, not_shown):
    ans = library_kb.ask(question)
    assert ans.citations[0].clause_id == "大气污染防治法:a99"
    first = "\n".join(i.text for i in ans.items if i.cite == 1)
    assert shown in first and not_shown not in first
