"""Findings of the seventy-eighth user trial (a small foundry and restaurant owner asking in plain spoken Chinese),
each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


@pytest.mark.parametrize(("question", "law"), [
    # a matter no law of the library governs, in either question of two: named, not answered from an unrelated clause
    ("铸造车间工人要不要交工伤保险？出了工伤老板赔多少？", "工伤保险条例"),
    ("车间粉尘大，工人要不要定期做职业病体检？", "职业病防治法"),
    ("饭店装修要不要消防验收？", "消防法"),
])
def test_matters_of_laws_not_held(library_kb, question, law):
    ans = library_kb.ask(question)
    assert not ans.found and law in ans.message


@pytest.mark.parametrize(("question", "clause"), [
    # "没办排污证就…": 办 is the law's 取得; the article punishing the paper not obtained, not one obtained by fraud
    ("没办排污证就开工生产了，被查到罚多少钱？", "排污许可管理条例:a33"),
    # "环评还没批下来…先把厂房盖起来了": works begun before approval
    ("环评还没批下来，我就先把厂房盖起来了，会怎么罚？", "环境影响评价法:a31"),
    # a cupola is an industrial furnace; its stack over the limit is an air emission over the standard
    ("冲天炉烟囱排放超标了，一般罚多少？谁来罚？", "大气污染防治法:a99"),
    # the detention asked by name, for a firm's head: the article naming 拘留 for breaches of the environment law
    ("企业负责人什么情况下会被拘留", "环境保护法:a63"),
    # "我想举报，找哪个部门？": the act first, then whom; "部门" names no matter reported
    ("隔壁那家铸造厂半夜偷偷冒黑烟，我想举报，找哪个部门？", "环境保护法:a57"),
    # "一年用多少能源" is the yearly total energy use by which a unit is a key energy user
    ("一年用多少能源算重点用能单位？", "节约能源法:a52"),
])
def test_answered_by_the_article(library_kb, question, clause):
    assert library_kb.ask(question).citations[0].clause_id == clause


def test_the_years_asked_are_kept(library_kb):
    # "监测原始记录、环境管理台账要留几年": an answer stating the years is not traded for a penalty naming the other record
    ans = library_kb.ask("厂里的监测原始记录、环境管理台账要留几年？")
    assert "5年" in ans.text


def test_a_second_question_gets_the_rest_of_the_clause(library_kb):
    # "…有效期几年？到期了提前多久去续？": both answered by 第十四条; the second by its sentence on renewal
    ans = library_kb.ask("排污许可证有效期几年？到期了提前多久去续？")
    assert any("60日前" in i.text for i in ans.items)


def test_the_body_that_issues_a_warning(library_kb):
    # "由谁发布": the government that 确定预警等级并及时发出预警, a clause away from its name
    ans = library_kb.ask("重污染天气预警由谁发布")
    assert any("发出预警" in i.text for i in ans.items)


@pytest.mark.parametrize(("question", "history", "resolved"), [
    # "装卸的时候扬尘": the 的 of a time closes no case; the earlier question's 会罚 asks, it tells no situation
    ("那装卸的时候扬尘呢？", ["料堆不盖会罚多少？"], "装卸的时候扬尘罚多少？"),
    ("拒不改正呢？", ["料堆不盖会罚多少？", "装卸的时候扬尘罚多少？"], "装卸的时候扬尘，拒不改正的，罚多少？"),
])
def test_follow_ups(library_kb, question, history, resolved):
    assert resolve(question, history, library_kb.term_idf, library_kb.documents) == resolved


@pytest.mark.parametrize(("question", "second"), [
    # a later question asking only what follows, how often or where is a question of its own, of the first one's subject
    ("什么样的企业必须做清洁生产审核？不做罚多少？", "第三十九条"),
    ("铸造厂要不要交环保税？多久交一次？", "按季申报缴纳"),
])
def test_a_short_second_question_is_answered_too(library_kb, question, second):
    ans = library_kb.ask(question)
    assert len({i.label for i in ans.items if i.label}) == 2
    assert any(second in i.text for i in ans.items)


def test_the_days_of_the_procedure_not_of_its_re_review(library_kb):
    # "报告表审批要多少天": 环评法 第二十二条's 三十日, not the 十日 of a re-review by "原审批部门" (条例 第十二条)
    ans = library_kb.ask("建设项目环境影响报告表审批要多少天？")
    assert "三十日内" in ans.text and "原审批部门" not in ans.text


def test_an_item_of_several_paragraphs_is_no_lead():
    from shanxi_policy.answer.render import answer_lines
    from shanxi_policy.models import Answer, AnswerItem

    text = "第四十五条 国家依照法律规定实行排污许可管理制度。\n未取得排污许可证的，不得排放污染物。"
    ans = Answer(True, text, [], "问", "", 1.0, type="list", items=[AnswerItem(text, 1, "要不要办")])
    assert answer_lines(ans)[0] == "答："
