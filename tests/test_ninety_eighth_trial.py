"""Findings of the ninety-eighth user trial (a chemical park's environment officer asking about the laws), each a
general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


def test_a_penalty_goes_on_to_the_persons_answerable(library_kb):
    # "环保设施没验收企业就投产了，罚多少？": 建设项目环境保护管理条例 第二十三条 had stopped at "逾期不改正的，处100万元
    # 以上200万元以下的罚款；", leaving out the managers' fine and the closure
    ans = library_kb.ask("环保设施没验收企业就投产了，罚多少？")
    assert ans.citations[0].clause_id == "建设项目环境保护管理条例:a23"
    assert "5万元以上20万元以下" in ans.text


def test_a_limit_is_given_with_its_way_out(library_kb):
    # "贮存危险废物不得超过一年；确需延长期限的，应当报经…批准": the answer had stopped at the semicolon
    ans = library_kb.ask("危险废物在企业厂内最多能贮存多久？")
    assert "不得超过一年" in ans.text
    assert "确需延长期限" in ans.text


@pytest.mark.parametrize("follow, before, expected", [
    # the party the earlier question was about, not its rarest word (界定)
    ("那它们每年要报什么？", "重点用能单位怎么界定？", "重点用能单位每年要报什么？"),
    # a duty left undone and its penalty asked at once; whom the report goes to is no part of the breach
    ("不报告呢？罚多少？", "强制性清洁生产审核的结果要向谁报告？", "强制性清洁生产审核的结果不报告，罚多少？"),
    ("不报告呢？", "强制性清洁生产审核的结果要向谁报告？", "强制性清洁生产审核的结果不报告，怎么处罚？"),
])
def test_follow_ups_of_the_ninety_eighth_trial(follow, before, expected):
    assert resolve(follow, [before]) == expected


def test_another_event_of_the_same_approval(library_kb):
    # "那要是项目规模扩大了呢？" after "建设项目环评批了超过五年才开工，原来的批复还能用吗？" had become "项目规模扩大了吗？"
    # and was answered by 水法 第三十四条 (an outfall enlarged)
    ans = library_kb.ask("那要是项目规模扩大了呢？", history=["建设项目环评批了超过五年才开工，原来的批复还能用吗？"])
    assert ans.citations[0].clause_id == "环境影响评价法:a24"
    assert "重新报批" in ans.text


def test_the_penalty_of_a_report_not_made(library_kb):
    # "不报告呢？罚多少？" had been answered by 碳排放权交易管理暂行条例 第二十三条 (a service body's staff)
    ans = library_kb.ask("不报告呢？罚多少？", history=["强制性清洁生产审核的结果要向谁报告？"])
    assert ans.citations[0].clause_id == "清洁生产促进法:a39"


@pytest.mark.parametrize("question", [
    # the matter asked (安全距离) is in no clause, though a word of its law (危险化学品) is in 水污染防治法 第七十七条
    "化工企业的危险化学品储存设施，与居民区的安全距离有什么规定？",
    # the disclosure measures of the ministry are not in the library (碳排放权交易管理暂行条例 第十一条 had answered)
    "企业年度环境信息依法披露报告每年几月几号之前要披露？",
])
def test_questions_of_laws_the_library_does_not_hold(library_kb, question):
    ans = library_kb.ask(question)
    assert not ans.found
    assert "文档库中没有" in ans.text


def test_a_word_of_an_unheld_law_in_a_held_clause_is_still_answered(library_kb):
    # the guard: 危险化学品 asked of what a held clause says (消防废水) is answered by it
    ans = library_kb.ask("危险化学品企业的消防废水怎么处理？")
    assert ans.found
    assert ans.citations[0].clause_id == "水污染防治法:a77"


def test_a_chemical_works_is_a_chemical_producer(library_kb):
    # "化工企业和化工园区要不要建地下水监测井？": 水污染防治法 第四十条 names 化学品生产企业 (黄河保护法 第七十七条 had
    # answered, with a caution that no text names 化工企业)
    ans = library_kb.ask("化工企业和化工园区要不要建地下水监测井？")
    assert ans.citations[0].clause_id == "水污染防治法:a40"


@pytest.mark.parametrize("question, parts", [
    ("环境管理台账和原始监测记录要保存多久？", ["环境管理台账要保存多久？", "原始监测记录要保存多久？"]),
    ("排污许可证和取水许可证的有效期是几年？", ["排污许可证的有效期是几年？", "取水许可证的有效期是几年？"]),
    # one thing, or two asked of no period, are one question
    ("排污许可证的有效期是几年？", []),
    ("危险废物和医疗废物有什么区别？", []),
])
def test_a_period_asked_of_two_things(question, parts):
    from shanxi_policy.answer.typed import sub_questions

    assert sub_questions(question) == parts


def test_each_record_gets_its_own_period(library_kb):
    # "环境管理台账和原始监测记录要保存多久？" had been answered by 第二十一条 alone; 第十九条 keeps the monitoring records
    ans = library_kb.ask("环境管理台账和原始监测记录要保存多久？")
    assert {c.clause_id for c in ans.citations[:2]} == {"排污许可管理条例:a21", "排污许可管理条例:a19"}
    assert "原始监测记录保存期限不得少于5年" in ans.text


# Of the hundredth trial (a housing developer's project manager).


def test_a_survey_not_done(library_kb):
    # "该做土壤污染状况调查没做，会罚多少？": 第九十四条 (未按照规定进行…调查), not 第九十五条 (a report not filed)
    ans = library_kb.ask("该做土壤污染状况调查没做，会罚多少？")
    assert ans.citations[0].clause_id == "土壤污染防治法:a94"


@pytest.mark.parametrize("before, follow, clause", [
    # the act asked of, told done: what follows
    ("能不能在河道管理范围内盖楼？", "要是已经建了呢？", "水法:a65"),
    # two zones stand where the one asked of stood
    ("自然保护区的实验区里能建项目吗？", "那核心区和缓冲区呢？", "自然保护区条例:a32"),
    # a survey's finding is no breach: what follows it is asked, not a penalty
    ("地块的土壤污染状况调查报告交给谁评审？", "要是调查发现污染物超标呢？", "土壤污染防治法:a60"),
])
def test_follow_ups_of_the_hundredth_trial(library_kb, before, follow, clause):
    ans = library_kb.ask(follow, history=[before])
    assert ans.citations[0].clause_id == clause
    assert not (ans.resolved_question or "").endswith("，？")


def test_follow_up_rewrites_of_the_hundredth_trial():
    # (a question asked by a modal either way, with no 吗, had become "能不能在河道管理范围内盖楼，已经建了的，？")
    assert resolve("要是已经建了呢？", ["能不能在河道管理范围内盖楼？"]) == "在河道管理范围内盖楼，已经建了的，怎么处罚？"


def test_a_drainage_permit_is_another_regulation(library_kb):
    ans = library_kb.ask("施工排水要不要办排水许可？")
    assert not ans.found
    assert "城镇排水与污水处理条例" in ans.text
