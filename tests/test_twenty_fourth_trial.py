"""Findings of the twenty-fourth user trial (a city energy-saving desk asking about 节约能源法, 清洁生产促进法, 碳排放权交易
管理暂行条例, 水法, 环境保护税法 and the Shanxi policy), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


@pytest.mark.parametrize(("question", "law"), [
    ("可再生能源法规定的可再生能源发电全额保障性收购是怎么回事？", "可再生能源法"),
    ("节约用水条例对重点用水单位有什么要求？", "节约用水条例"),
    ("按固定资产投资项目节能审查办法，年耗能多少吨标准煤以上的项目由省里审查？", "固定资产投资项目节能审查办法"),
])
def test_a_named_text_the_library_lacks_is_said_to_be_missing(library_kb, question, law):
    # the segmenter cuts these names ("可再生能源法规定" → 法规, 定); a name that opens the question or follows 按 is read
    ans = library_kb.ask(question)
    assert not ans.found
    assert f"《{law}》" in ans.text


@pytest.mark.parametrize(("question", "article"), [
    # a duty not done and what follows: the penalty, not the duty
    ("重点用能单位没按时报能源利用状况报告，会怎么处理？", "节约能源法:a82"),
    # a text without chapters: its penalty articles are known by their shape
    ("重点排放单位到期没交够碳配额，怎么处理？", "碳排放权交易管理暂行条例:a24"),
    ("碳排放数据造假会怎么罚？", "碳排放权交易管理暂行条例:a22"),
])
def test_what_follows_a_breach_is_its_penalty(library_kb, question, article):
    ans = library_kb.ask(question)
    assert ans.found and ans.citations[0].clause_id == article


def test_咱们_is_a_word_of_the_asker_not_of_the_matter(library_kb):
    ans = library_kb.ask("对“两高”项目，咱们省的实施意见有什么要求？")
    assert ans.found
    assert ans.citations[0].clause_id == "meili_shanxi_shishi_yijian:c3"


def test_not_reporting_what_was_just_asked_about(library_kb):
    ans = library_kb.ask("不报告会怎么样？", history=["实施强制性清洁生产审核的企业，审核结果要向谁报告？"])
    assert ans.found and ans.citations[0].clause_id == "清洁生产促进法:a39"


def test_which_article_says_so_points_to_the_rule_just_shown(library_kb):
    ans = library_kb.ask("这是哪一条规定的？", history=["重点用能单位必须设能源管理岗位吗？"])
    assert ans.found and ans.citations[0].clause_id == "节约能源法:a55"


def test_another_law_named_as_a_follow_up_takes_the_earlier_ones_place(library_kb):
    resolved = resolve("噪声污染防治法呢？", ["固体废物污染环境防治法对建设项目配套的污染防治设施有什么要求？"],
                       library_kb.term_idf, library_kb.documents)
    assert resolved == "噪声污染防治法对建设项目配套的污染防治设施有什么要求？"


@pytest.mark.parametrize(("question", "item"), [
    # the sentence that introduces a list is followed by its items, not by another sentence of the article
    ("什么样的企业必须搞强制性清洁生产审核？", "超过单位产品能源消耗限额标准构成高耗能的"),
    # a short article quoted whole ends with the list's lead: its items follow
    ("我们厂一年烧煤两万吨，算不算重点用能单位？", "年综合能源消费总量一万吨标准煤以上的用能单位"),
])
def test_a_list_introduced_by_the_answer_is_given(library_kb, question, item):
    ans = library_kb.ask(question)
    assert item in ans.shown_text()
