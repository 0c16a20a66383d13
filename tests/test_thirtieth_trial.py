"""Findings of the thirtieth user trial (a city bureau's soil and solid-waste desk), each a general case."""

from __future__ import annotations

import pytest


def test_the_fine_on_the_party_comes_before_the_detention_of_its_managers(library_kb):
    # 固废法 第一百一十四条 fines unlicensed hazardous-waste business; 第一百二十条（四）detains its managers; 第一百一十二条
    # （四）punishes handing waste to an unlicensed party, another act
    ans = library_kb.ask("无许可证从事危险废物经营活动的怎么处罚？")
    cited = [h.clause_id for h in ans.citations]
    assert cited[0] == "固体废物污染环境防治法:a114"
    assert "固体废物污染环境防治法:a112" not in cited[:2]


def test_the_penalty_for_handing_waste_over_stays_the_article_on_handing_over(library_kb):
    ans = library_kb.ask("企业把危险废物交给没有许可证的个体户处理，怎么处罚？")
    assert ans.citations[0].clause_id == "固体废物污染环境防治法:a112"


@pytest.mark.parametrize("question", ["《国家危险废物名录》里废铅蓄电池的危废代码是多少？",
                                      "《山西省“十四五”生态环境保护规划》对大气有什么要求？"])
def test_a_quoted_title_the_library_lacks_is_said_to_be_missing(library_kb, question):
    ans = library_kb.ask(question)
    assert not ans.found and "文档库中没有" in ans.message


def test_a_quoted_title_the_library_holds_is_answered(library_kb):
    assert library_kb.ask("《美丽山西实施意见》对尾矿库有什么要求？").found


@pytest.mark.parametrize("question", ["现行的固体废物污染环境防治法是什么时候修订的？", "水法什么时候修正的"])
def test_when_a_law_was_amended_is_answered_from_its_history(library_kb, question):
    ans = library_kb.ask(question)
    assert ans.type == "metadata" and "修" in ans.shown_text()


def test_two_fields_asked_of_one_document_are_both_answered():
    from shanxi_policy.answer.qtype import classify

    assert classify("《危险废物经营许可证管理办法》是哪个机关发布的，什么时候起施行？").meta_fields == ["issuer", "effective"]
    assert classify("国家重要湿地名录由谁发布").kind != "metadata"  # asks what a text says


def test_a_parts_question_on_one_subject_is_answered_by_the_policy_not_the_report(library_kb):
    ans = library_kb.ask("实施意见在建设用地土壤污染风险管控方面有哪些任务？")
    assert ans.citations[0].clause_id == "meili_shanxi_shishi_yijian:c10"
    whole = library_kb.ask("实施意见提出了几个方面的重点任务？")
    assert whole.citations[0].doc_id == "shanxi_wanbao_2024_meili_shanxi"  # the report counts the tasks


def test_burning_waste_plastics_is_the_burning_ban(library_kb):
    ans = library_kb.ask("厂里能不能在空地上烧废塑料、废轮胎？")
    assert ans.citations[0].clause_id == "大气污染防治法:a82"
