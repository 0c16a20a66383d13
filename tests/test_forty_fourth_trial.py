"""Findings of the forty-fourth user trial (an enterprise's environmental officer asking for the works, its managers
and its neighbours: permits, hazardous waste, penalties), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.typed import _paper_names


def test_acting_without_a_licence_is_punished_by_the_article_naming_that_case(library_kb):
    # "没有许可证" is the law's 无许可证: 固废法 第一百一十四条 "无许可证从事收集…危险废物经营活动的", not the list of
    # 第一百一十二条 whose items hold the same words apart
    ans = library_kb.ask("没有许可证收集危险废物怎么罚？")
    assert ans.citations[0].clause_id == "固体废物污染环境防治法:a114"
    assert "一百万元以上五百万元以下" in ans.shown_text()


def test_the_holder_is_no_part_of_a_papers_name(library_kb):
    assert _paper_names("咱们焦化厂排污许可证还没批下来") == ["排污许可证"]
    ans = library_kb.ask("厂长问：咱们焦化厂排污许可证还没批下来，能不能先干着？被查到了要罚多少？")
    assert ans.found and "排污许可管理条例:a33" in {h.clause_id for h in ans.citations[:2]}


@pytest.mark.parametrize(("question", "clause", "phrase"), [
    ("项目已经没批先建了，环保局查到一般罚多少？", "环境影响评价法:a31", "擅自开工建设"),
    ("危废在厂里暂存库最多能放多长时间？", "固体废物污染环境防治法:a81", "不得超过一年"),
    ("储煤场是不是必须全封闭？", "大气污染防治法:a72", "密闭"),
    ("新焦炉建好了，环保验收是我们自己做还是等环保局来验？", "建设项目环境保护管理条例:a17", "建设单位"),
])
def test_works_words_are_the_laws_words(library_kb, question, clause, phrase):
    # 没批先建, 暂存, 储煤场, 全封闭, 环保验收: lay_terms.tsv section trial-44
    ans = library_kb.ask(question)
    assert ans.found and ans.citations[0].clause_id == clause
    assert phrase in ans.shown_text()


@pytest.mark.parametrize(("question", "clause"), [
    ("罚款交了，但是整改一直没弄好，是不是会每天都罚？", "环境保护法:a59"),
    ("老板想等投产赚了钱再补建脱硫设施，这样可以吗？", "建设项目环境保护管理条例:a15"),
])
def test_spoken_words_for_the_laws_institutions(library_kb, question, clause):
    # 每天都罚 is 按日连续处罚; building a facility after the works run (补建) is against 同时施工、同时投产使用
    assert library_kb.ask(question).citations[0].clause_id == clause


def test_asked_whether_allowed_the_rule_answers_not_a_penalty_sharing_a_word(library_kb):
    # only penalties among the top clauses (第三十二条 on false reports shares 环评报告): the rule further down answers, and
    # the asker's boss is no object the documents should name
    ans = library_kb.ask("新上的干熄焦项目环评报告还没批下来，老板想先把地基打了，行不行？")
    # (建设项目环境保护管理条例 第九条 states the same rule in the same words: "…未予批准的，建设单位不得开工建设")
    assert ans.citations[0].clause_id in ("环境影响评价法:a25", "建设项目环境保护管理条例:a9") and "不得开工建设" in ans.text
    assert "不得开工建设" in ans.text and "老板" not in ans.note


def test_an_escalation_leads_to_its_own_laws_first_fine(library_kb):
    # 第一百二十三条 (按日连续处罚) presumes 第九十九条's fine; another text's amount (碳排放条例 第二十三条) is not it
    ans = library_kb.ask("焦炉烟囱二氧化硫超标排放，一般会罚多少钱？")
    assert ans.citations[0].clause_id == "大气污染防治法:a99"
    assert "技术服务机构" not in ans.shown_text()
