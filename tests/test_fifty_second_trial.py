"""Findings of the fifty-second user trial (a county river-chief office asked by villagers, works, township river chiefs
and reporters), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


@pytest.mark.parametrize(("follow", "history", "resolved"), [
    # acts with nothing they are done to ("没同意就设了") are done to what the question before names
    ("没同意就设了怎么罚？", ["在河上设排污口要谁同意？"], "河上设排污口，没同意就设了怎么罚？"),
    ("到期前多少天要申请延续？", ["排污许可证的有效期是几年？"], "排污许可证的有效期，到期前多少天要申请延续？"),
    # another thing, the same act at the same place
    ("那尾矿库呢？", ["黄河干支流岸线管控范围内能新建化工项目吗？"], "黄河干支流岸线管控范围内能新建尾矿库吗？"),
    # a time named without a year takes the year's place
    ("本世纪中叶呢？", ["美丽山西到2027年的主要目标是什么？", "那2035年呢？"], "美丽山西到本世纪中叶的主要目标是什么？"),
    # a phrase opening as the subject does replaces the subject's opening noun phrase; what is done stays
    ("那两个村民之间呢？", ["两个县因为用水闹纠纷怎么处理？"], "两个村民之间因为用水闹纠纷怎么处理？"),
])
def test_follow_ups_without_the_usual_markers(library_kb, follow, history, resolved):
    assert resolve(follow, history, library_kb.term_idf, library_kb.documents) == resolved


@pytest.mark.parametrize(("question", "phrases"), [
    # 黄河保护法 第三十七条 gives the main river and its tributaries to one body and other rivers to another
    ("黄河流域河流的生态流量由谁定？", ["国务院水行政主管部门确定黄河干流", "省级人民政府水行政主管部门确定其他河流"]),
    # "国家建立饮用水水源保护区制度" names no body; the sentence that does is the answer
    ("饮用水水源保护区是谁来划的？", ["由有关市、县人民政府提出划定方案"]),
])
def test_who_acts_is_answered_by_every_sentence_naming_a_body(library_kb, question, phrases):
    ans = library_kb.ask(question)
    assert all(p in ans.shown_text() for p in phrases)


def test_hearsay_around_a_question_does_not_make_it_unanswered(library_kb):
    # "听说…是真的吗？具体怎么规定的？" names no topic; the ban on chemical works by the river is the answer
    ans = library_kb.ask("听说黄河边上不让再建化工厂了，是真的吗？具体怎么规定的？")
    assert ans.found and "禁止在黄河干支流岸线管控范围内新建、扩建化工园区和化工项目" in ans.shown_text()


def test_an_accident_that_happened_is_met_by_the_duty_when_it_happens(library_kb):
    # "万一出了事故" is 发生事故: 水污染防治法 第七十八条 (立即启动应急方案), not 第七十七条's plans made beforehand
    ans = library_kb.ask("我们厂要是万一出了事故，污水可能流到河里，应该怎么做？")
    assert ans.citations[0].clause_id == "水污染防治法:a78"


@pytest.mark.parametrize(("question", "named"), [
    # a provincial rule named by its place and "规定" is a text of its own, not in the library
    ("山西省河湖长制规定里，县级河长一年要巡河几次？", "《山西省河湖长制规定》"),
    # flood-season requisitions are 防洪法's and 防汛条例's matter
    ("汛期抢险能不能临时征用村民的车辆和土地？补偿怎么算？", "《防汛条例》"),
])
def test_questions_on_texts_the_library_lacks_are_not_answered(library_kb, question, named):
    ans = library_kb.ask(question)
    assert not ans.found and named in ans.text


@pytest.mark.parametrize("question", ["山西省对秸秆焚烧有什么规定？", "山西省关于煤炭清洁利用的规定是什么？"])
def test_what_a_province_rules_is_asked_of_not_named(library_kb, question):
    assert library_kb.ask(question).found


def test_a_fine_of_its_own_is_not_joined_to_another_fines_list(library_kb):
    # "个人在饮用水水源一级保护区内游泳…可以处五百元以下的罚款" had been glued to "处十万元以上五十万元以下的罚款：（一）…"
    ans = library_kb.ask("饮用水水源一级保护区里游泳，罚多少？")
    assert "五百元以下" in ans.text and "十万元以上五十万元以下" not in ans.text
