"""Findings of the twenty-seventh user trial (a county government office preparing briefings and answering township
cadres' calls) and of the questions of the twenty-eighth, each a general case."""

from __future__ import annotations

import pytest


def _first(ans) -> str:
    return ans.citations[0].clause_id if ans.citations else ""


@pytest.mark.parametrize(("history", "question", "resolved", "article"), [
    # the act asked about, whole: not only its rarest word ("露天烧了罚多少" had found 露天烧烤)
    (["秸秆能不能露天烧？"], "烧了罚多少？", "秸秆露天烧，烧了罚多少？", "大气污染防治法:a119"),
    # the duty asked about, left undone ("没做的话" had dropped 环评 and found 碳排放 fines)
    (["村里建养鸡场要做环评吗？"], "没做的话罚多少？", "村里建养鸡场未做环评，罚多少？", "畜禽规模养殖污染防治条例:a38"),
])
def test_a_penalty_follow_up_keeps_what_was_asked_about(library_kb, history, question, resolved, article):
    ans = library_kb.ask(question, history=history)
    assert ans.resolved_question == resolved
    assert _first(ans) == article


def test_a_follow_up_asked_as_a_question_of_its_own_takes_the_subject_when_alone_it_finds_nothing(library_kb):
    ans = library_kb.ask("那到期前多长时间要申请延续？", history=["排污许可证的有效期是几年？"])
    assert ans.found
    assert "届满60日前" in ans.text


@pytest.mark.parametrize(("question", "law"), [
    ("村民砍自家承包地里的杨树，要不要办林木采伐许可证？", "森林法"),
    # a caution that a lay phrase is not in the texts ("不能自己") gives way to naming the governing law
    ("野猪糟蹋庄稼，村民能不能自己下套打？", "野生动物保护法"),
])
def test_a_matter_of_a_law_the_library_lacks_is_refused_in_plain_words_too(library_kb, question, law):
    ans = library_kb.ask(question)
    assert not ans.found
    assert f"《{law}》" in ans.text


def test_planting_trees_on_a_river_bank_is_answered_by_the_water_law(library_kb):
    # "种树" is 种植林木 in the law (水法 第三十七条 "种植阻碍行洪的林木"), not only 植树造林 (a news item on afforestation)
    assert _first(library_kb.ask("河滩地能不能种树？")) == "水法:a37"


@pytest.mark.parametrize(("question", "article", "words"), [
    ("噪声污染防治法从什么时候开始施行？", "噪声污染防治法:a90", "同时废止"),
    ("碳排放权交易管理暂行条例从什么时候起施行？", "碳排放权交易管理暂行条例:a33", "本条例自2024年5月1日起施行"),
])
def test_when_a_text_takes_effect_cites_the_article_that_says_so(library_kb, question, article, words):
    ans = library_kb.ask(question)
    assert any(h.clause_id == article for h in ans.citations)
    assert words in ans.text
