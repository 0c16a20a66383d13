"""A message that asks several questions gets each answered under its question, with one numbering of sources; a
question on a matter whose governing law the library lacks says so."""

from __future__ import annotations

import re

import pytest

from shanxi_policy.answer.typed import sub_questions


@pytest.mark.parametrize(("question", "parts"), [
    ("建筑工程在节材方面有什么要求？违规生产使用粘土砖怎么处理？",
     ["建筑工程在节材方面有什么要求？", "违规生产使用粘土砖怎么处理？"]),
    ("到2030年非化石能源比重要达到多少？", []),
    ("什么是湿地？有哪些要求？", []),  # the second asks about nothing of its own: one question
    ("排污许可证有效期多长？", []),
    ("国家对保护哪些东西给补偿？耕地算不算？", []),  # the second narrows the first: one question
])
def test_sub_questions(question, parts):
    assert sub_questions(question) == parts


def test_each_question_is_answered_under_its_own_label(library_kb):
    q = "建筑工程在节材方面有什么要求？违规生产使用粘土砖怎么处理？"
    ans = library_kb.ask(q)
    assert ans.found and ans.type == "list" and ans.question == q
    labels = [i.label for i in ans.items if i.label]
    assert labels == ["建筑工程在节材方面有什么要求", "违规生产使用粘土砖怎么处理"]
    text = ans.shown_text()
    assert "粘土砖" in text and "责令限期改正" in text
    assert all(0 < i.cite <= len(ans.citations) for i in ans.items)
    cited = {ans.citations[i.cite - 1].clause_id for i in ans.items}
    assert "循环经济促进法:a54" in cited


def test_a_matter_whose_law_the_library_lacks_is_said(library_kb):
    ans = library_kb.ask("在永久基本农田上能不能建养猪场？")
    assert ans.found and ans.note.startswith("文档库中没有《土地管理法》")
    plain = library_kb.ask("排污许可证有效期多长？")
    assert not plain.note.startswith("文档库中没有")


def test_a_matter_the_cited_clause_speaks_of_is_not_cautioned(library_kb):
    # 耕地 has its governing law outside the library, but the answer's own clause speaks of it
    ans = library_kb.ask("受污染耕地安全利用率要维持在什么水平？")
    assert ans.found and "耕地" in ans.text and not ans.note.startswith("文档库中没有")


def test_a_sentence_answering_two_questions_is_listed_once_and_notes_cite_the_shared_numbers(library_kb):
    q = "社会上的小回收单位想收汽修厂的废机油、居民的废旧电池，需要办什么证？收来以后要在多长时间内交给处置单位？"
    ans = library_kb.ask(q)
    assert ans.found
    texts = [(i.text, i.cite) for i in ans.items]
    assert len(texts) == len(set(texts))
    # A part whose whole answer is already listed points to it instead.
    if len(ans.items) == 1:
        assert "见上文[" in ans.note
    q = "市里审批专项规划前，规划环评报告书的审查小组怎么组建？专家怎么选、有什么限制？"
    ans = library_kb.ask(q)
    for n in re.findall(r"第[一二三四五六七八九十百]+条\[(\d+)\]", ans.note):
        # the number in a note is the one the clause has in this answer's list of sources
        assert 0 < int(n) <= len(ans.citations)
        assert ans.citations[int(n) - 1].clause_id.endswith(":a17")
    assert ans.note.count("作了基本相同的规定") == 1  # said once, though both questions' answers note it


def test_a_clause_listed_whole_for_one_question_is_not_listed_again_sentence_by_sentence(library_kb):
    # 第六十四条 answers the first question whole; the second question's answer holds it again, cut into
    # sentences: those lines repeat the first answer's words and are not listed twice.
    q = "列入名录需要修复的污染地块，责任人要编什么方案？修复干完以后还要做什么？"
    ans = library_kb.ask(q)
    assert ans.found
    texts = [(i.text, i.cite) for i in ans.items]
    for n, (text, cite) in enumerate(texts):
        assert not any(c == cite and text in t for t, c in texts[:n]), text


def test_a_later_question_whose_best_clause_was_given_gets_the_next_one(library_kb):
    # "治理达标后怎么退出" read in the first question's situation finds 第六十一条 first again, which the first
    # question already lists: what it asks is new, so its best clause not yet shown answers it (第六十六条).
    ans = library_kb.ask("污染地块纳入管控修复名录后，在用途上有什么限制？治理达标后怎么退出？")
    shown = [ans.citations[i.cite - 1].clause_id for i in ans.items]
    assert "土壤污染防治法:a61" in shown and "土壤污染防治法:a66" in shown
    assert "见上文" not in ans.note
    second = next(i for i in ans.items if i.label == "治理达标后怎么退出")
    assert ans.citations[second.cite - 1].clause_id == "土壤污染防治法:a66"


@pytest.mark.parametrize(("text", "word"), [
    ("重点大气污染物排放总量控制", "大气污染物"),
    ("地方水污染物排放标准", "水污染物"),
    ("大气污染物是什么", "大气污染物"),
    ("编制建筑垃圾处理方案", "建筑垃圾"),
])
def test_pollutant_names_are_one_word(text, word):
    # jieba alone cuts "大气污染/物排放" and "大气污染/物是": the follow-up "那水污染物呢？" had nothing to replace
    from shanxi_policy.text.tokenize import segment

    assert word in segment(text)


def test_a_sibling_pollutant_follow_up(library_kb):
    ans = library_kb.ask("那水污染物呢？", history=["大气污染物是什么"])
    assert ans.resolved_question == "水污染物是什么"


@pytest.mark.parametrize("question", ["不办会怎么处理？", "没办理的话会怎样？"])
def test_not_doing_what_was_asked_is_a_penalty_question(library_kb, question):
    # "不办会怎么处理" asks what follows from not doing what the earlier answer asks: the article punishing the breach
    # of 第十一条 (第二十二条), not a description of the licence (第十条)
    first = "危险废物经营单位变更法人名称，要办什么手续？"
    ans = library_kb.ask(question, history=[first])
    assert ans.resolved_question.startswith("危险废物经营单位变更法人名称")
    assert ans.citations[0].clause_id == "危险废物经营许可证管理办法:a22"
    both = library_kb.ask(first + question)
    cited = {both.citations[i.cite - 1].clause_id for i in both.items}
    assert "危险废物经营许可证管理办法:a22" in cited
