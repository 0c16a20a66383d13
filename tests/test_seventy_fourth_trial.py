"""Findings of the seventy-fourth user trial (a provincial newspaper's environment reporter asking about penalties,
the public's rights and companies' disclosures), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


def test_acting_without_a_licence_is_not_a_holders_duty(library_kb):
    # "没有许可证私自收购、处置废机油": 固废法 第一百一十四条, not the article punishing a licensed collector's duty
    # (危废经营许可证办法 第二十七条 by 第二十条)
    ans = library_kb.ask("没有许可证私自收购、处置废机油这类危险废物，罚多少？")
    assert ans.citations[0].clause_id == "固体废物污染环境防治法:a114"


@pytest.mark.parametrize(("question", "history", "resolved"), [
    # another breach by the same party: its own article, not the first breach's
    ("要是篡改监测数据呢？", ["企业不按排污许可证规定公开排污信息，怎么罚？"], "企业篡改监测数据，怎么罚？"),
    # a party's yes-or-no on a sanction, asked of the situation before
    ("那负责人会被拘留吗？", ["企业不按排污许可证规定公开排污信息，怎么罚？", "要是篡改监测数据呢？"],
     "企业篡改监测数据，负责人会被拘留吗？"),
    # a party's penalty for the situation told
    ("企业会被怎么罚？", ["发现河边有企业偷排污水，可以向哪里举报？"], "发现河边有企业偷排污水，企业会被怎么罚？"),
])
def test_follow_ups(library_kb, question, history, resolved):
    assert resolve(question, history, library_kb.term_idf, library_kb.documents) == resolved


def test_the_detention_of_the_person_in_charge(library_kb):
    ans = library_kb.ask("那负责人会被拘留吗？", history=["企业不按排污许可证规定公开排污信息，怎么罚？", "要是篡改监测数据呢？"])
    # 排污许可条例 第四十四条 or 环保法 第六十三条 (篡改…监测数据), not 固废法 第一百二十条 on solid waste
    assert ans.citations[0].clause_id in ("排污许可管理条例:a44", "环境保护法:a63") and "拘留" in ans.text


@pytest.mark.parametrize(("question", "law"), [
    ("第三轮中央生态环境保护督察什么时候进驻山西？", "中央生态环境保护督察工作规定"),
    ("网上有人卖穿山甲鳞片，买了犯法吗？", "野生动物保护法"),
])
def test_a_matter_of_a_rule_not_in_the_library(library_kb, question, law):
    ans = library_kb.ask(question)
    assert not ans.found and law in ans.text


def test_days_to_approve_a_permit_in_spoken_words(library_kb):
    # "多少天之内得批下来": 排污许可条例 第十二条 (20日, 30日), not "文件中未规定具体天数"
    ans = library_kb.ask("企业申请排污许可证，环保部门多少天之内得批下来？")
    assert ans.citations[0].clause_id == "排污许可管理条例:a12" and "20日" in ans.text
