"""Findings of the eighty-fourth user trial (the environment manager of a coking plant asking about permits,
penalties and duties), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


@pytest.mark.parametrize(("question", "clause"), [
    # acting without the paper (排污许可管理条例 第三十三条（一）), not breaching what the paper says (第三十五条)
    ("没有排污许可证就排放废气，罚多少？", "排污许可管理条例:a33"),
    # a heavy-pollution alert is the 特殊时段 in which a permit limits discharge (第三十五条（二）)
    ("重污染天气应急期间我们没按排污许可证要求限产，会被怎么罚？", "排污许可管理条例:a35"),
    # the penalty that repeats a duty's case with its act (水污染防治法 第四十五条 → 第八十三条（四）)
    ("焦化废水没有预处理就直接排进园区污水厂，怎么处罚？", "水污染防治法:a83"),
])
def test_answered_by_the_article(library_kb, question, clause):
    assert library_kb.ask(question).citations[0].clause_id == clause


@pytest.mark.parametrize(("earlier", "question", "rewritten"), [
    # a duty left undone, of the party asked about before
    ("土壤污染重点监管单位有哪些义务？", "没做自行监测罚多少？", "土壤污染重点监管单位，没做自行监测罚多少？"),
    # the verb alone takes the thing it took before
    ("焦油渣产生单位要不要制定危险废物管理计划？", "没制定罚多少？", "焦油渣产生单位，没制定危险废物管理计划，罚多少？"),
])
def test_a_duty_left_undone_after_a_question_on_it(earlier, question, rewritten):
    assert resolve(question, [earlier]) == rewritten


@pytest.mark.parametrize(("earlier", "question", "clause"), [
    ("土壤污染重点监管单位有哪些义务？", "没做自行监测罚多少？", "土壤污染防治法:a86"),
    ("焦油渣产生单位要不要制定危险废物管理计划？", "没制定罚多少？", "固体废物污染环境防治法:a112"),
])
def test_the_penalty_of_the_duty_left_undone(library_kb, earlier, question, clause):
    assert library_kb.ask(question, history=[earlier]).citations[0].clause_id == clause


def test_a_detention_referred_to_another_law_gets_its_days(library_kb):
    # 排污许可管理条例 第四十四条 "依照《中华人民共和国环境保护法》的规定处以拘留": the days are 环境保护法 第六十三条's
    ans = library_kb.ask("如果有人篡改、伪造在线监测数据，除了罚款，相关负责人会被拘留吗？")
    assert ans.citations[0].clause_id == "环境保护法:a63"
    assert "十日以上十五日以下拘留" in ans.text


def test_a_penalty_referred_by_paragraph(library_kb):
    # 危险废物经营许可证管理办法 第二十五条 refers 第十五条第三款 (handing waste to an unlicensed party) to 固废法; its
    # 5万–10万 is for 第四款 (forged licences)
    ans = library_kb.ask("把焦油渣卖给没有危险废物经营许可证的小厂，罚多少？")
    assert ans.citations[0].clause_id == "固体废物污染环境防治法:a112"
    assert "三倍以上五倍以下" in ans.text
    assert "5万元以上10万元以下" not in ans.text
