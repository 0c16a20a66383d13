"""Findings of the fifty-eighth user trial (a provincial 12369 hotline's operator), each a general case."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("question", "law", "words"), [
    # a caller's words for the call and the party ("打电话", "一家", "他们") name no topic to cover
    ("我打电话举报了一家企业，会不会把我的信息泄露给他们？", "", ("举报", "保密")),
    # "邻居", "在家", "放音乐": the household and the volume of 噪声污染防治法 第六十五条
    ("楼上邻居天天晚上在家放音乐跳舞，声音特别大，我该找谁？", "噪声污染防治法", ("家庭", "音量")),
])
def test_callers_questions_are_answered(library_kb, question, law, words):
    ans = library_kb.ask(question)
    assert ans.found
    assert all(w in ans.text for w in words)
    assert law in ans.citations[0].doc_title


def test_an_act_left_undone_is_punished_by_the_article_on_it(library_kb):
    # "没取得…就排污": 第三十三条（一）"未取得排污许可证排放污染物", not 第四十条 on a permit obtained by deceit
    ans = library_kb.ask("没取得排污许可证就排污，罚多少？")
    assert ans.found and "未取得排污许可证排放污染物" in ans.text and "欺骗" not in ans.text


def test_burning_plastic_beside_an_estate(library_kb):
    # "小区边上空地烧塑料和垃圾": 大气污染防治法 第一百一十九条 on burning 塑料、垃圾 in 人口集中地区, not a list item of
    # 固废法 第一百一十一条 sharing "小区" (养殖小区)
    ans = library_kb.ask("有人在小区边上空地烧塑料和垃圾，味特别冲，这个能罚多少？")
    assert ans.found and "塑料" in ans.text and "养殖小区" not in ans.shown_text()


def test_an_amount_from_another_article_shows_the_breach_asked(library_kb):
    # "超标排放" is 第九十九条（二） "超过大气污染物排放标准…", not （一） on the permit
    ans = library_kb.ask("工厂烟囱冒黑烟，超标排放罚多少？")
    shown = ans.shown_text()
    assert "（二）超过大气污染物排放标准" in shown and "（一）未依法取得排污许可证" not in shown
