"""Findings of the twenty-sixth user trial (a city enforcement office's legal desk: callers' questions in plain words,
enforcement officers' questions on penalties and procedure, the Shanxi policy and the documents themselves), each a
general case; and of the open items of the twenty-second and twenty-fourth trials."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.render import answer_lines


def _first(ans) -> str:
    return ans.citations[0].clause_id if ans.citations else ""


@pytest.mark.parametrize(("question", "article"), [
    # "…，这合法吗": the conduct told first is what is asked about; the rule that forbids it answers
    ("村边养猪场的粪水不处理直接排到沟里，臭得不行，这合法吗？", "畜禽规模养殖污染防治条例:a20"),
    ("晚上十一点了旁边工地还在打桩，吵得睡不着，这合法吗？", "噪声污染防治法:a43"),
    ("邻居在小区楼下烧垃圾、烧塑料，烟又黑又臭，这违法吗？", "大气污染防治法:a82"),
])
def test_whether_a_conduct_is_lawful_is_answered_by_the_rule_it_breaks(library_kb, question, article):
    assert _first(library_kb.ask(question)) == article


def test_an_escalating_penalty_follows_the_penalty_it_presumes(library_kb):
    # 第一百二十三条 (按日连续处罚 after a fine not heeded) had answered alone; 第九十九条 sets the fine for the same act
    ans = library_kb.ask("企业超标排放大气污染物，怎么处罚？")
    assert _first(ans) == "大气污染防治法:a99"
    assert "十万元以上一百万元以下" in ans.text
    assert any(h.clause_id == "大气污染防治法:a123" for h in ans.citations)


def test_a_penalty_without_its_amount_is_led_by_the_one_stating_it(library_kb):
    ans = library_kb.ask("建设项目环评文件未经批准就擅自开工建设，怎么处罚？")
    assert _first(ans) == "环境影响评价法:a31"
    assert "百分之一以上百分之五以下" in ans.text


def test_a_penalty_for_a_named_kind_of_party_does_not_answer_for_another(library_kb):
    # 医疗废物管理条例 第五十条 punishes 医疗卫生机构 for refusing an inspection; the question is about an enterprise
    ans = library_kb.ask("企业拒绝执法人员进入现场检查大气污染物排放，怎么处罚？")
    assert _first(ans) == "大气污染防治法:a98"
    assert _first(library_kb.ask("医院拒绝执法人员进入现场检查怎么处罚？")) == "医疗废物管理条例:a50"


def test_a_later_question_of_one_message_asks_about_the_first_ones_subject(library_kb):
    # "从哪天开始计罚？" alone names nothing; asked after "按日连续处罚…", the same article answers it
    ans = library_kb.ask("按日连续处罚适用于什么情形？从哪天开始计罚？")
    assert "未在文件中找到" not in ans.note
    assert "自责令改正之日的次日起" in ans.text


def test_the_rest_of_a_sentence_after_a_semicolon_joins_when_it_speaks_of_the_question(library_kb):
    ans = library_kb.ask("小区广场上每天晚上跳广场舞，音响开得震天响，有没有规定管？")
    assert "不得违反规定使用音响器材产生过大音量" in ans.text
    assert "每天晚上" not in ans.note  # when a thing happens names no thing the documents must use


def test_who_is_in_charge_is_asked_of_the_situation_before(library_kb):
    ans = library_kb.ask("谁来管？", history=["工地夜间施工噪声扰民怎么处罚？"])
    assert ans.resolved_question == "工地夜间施工噪声扰民，谁来管？"
    assert "人民政府指定的部门" in ans.text


@pytest.mark.parametrize(("question", "count", "title"), [
    ("库里有哪些行政法规？", "行政法规8部", "《排污许可管理条例》"),
    ("文档库里有哪些法律？", "法律14部", "《中华人民共和国水法》"),
    ("系统收录了多少部法律法规？", "法律法规22部", "《中华人民共和国环境保护法》"),
])
def test_what_the_library_holds_is_listed_from_its_documents(library_kb, question, count, title):
    ans = library_kb.ask(question)
    assert ans.found and ans.type == "metadata"
    assert count in ans.text and title in ans.text
    lines = answer_lines(ans)
    assert any(title in x and x.rstrip().endswith("]") for x in lines)  # each document cited on its own line


def test_two_named_documents_are_each_given_the_field_asked(library_kb):
    # "分别" between the names and the field had made the question an open one
    ans = library_kb.ask("水法和水污染防治法分别是哪个机关发布的？")
    assert ans.type == "metadata"
    assert "《中华人民共和国水法》发文机关" in ans.text and "《中华人民共和国水污染防治法》发文机关" in ans.text


def test_an_open_question_naming_the_policy_is_answered_in_its_own_words(library_kb):
    # the news sentence "建筑领域节能降碳为全省能源革命改革增添了亮点" repeats the question's words and lists no measure
    ans = library_kb.ask("建筑领域节能降碳，实施意见有什么要求？")
    assert _first(ans) == "meili_shanxi_shishi_yijian:c6"
    assert "超低能耗、近零能耗建筑" in ans.text
