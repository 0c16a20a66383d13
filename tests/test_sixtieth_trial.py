"""Findings of the sixtieth user trial (a city bureau's legal-affairs desk checking which article and which fine apply),
and the later turns of the fifty-eighth (a 12369 hotline), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve, situation_of


@pytest.mark.parametrize(("history", "question", "resolved"), [
    # another act on the same thing: how long was asked of the first act, not of this one
    (["医疗废物在医院里最多能暂存几天？"], "要是把医疗废物混进生活垃圾里呢？", "把医疗废物混进生活垃圾里，怎么处理？"),
    (["危险废物能在厂里存多久？"], "要是交给没有许可证的单位处置呢？", "危险废物交给没有许可证的单位处置，怎么处理？"),
    # the texts list 废气 with 废水 after 的 ("…产生的废气、废水、废渣"): the one it replaces
    (["私设暗管排放废水罚多少？"], "那废气呢？", "私设暗管排放废气罚多少？"),
    # the thing the earlier question opens with, not only its rarest word
    (["排污许可证有效期几年？"], "过期了没续还在排，罚多少？", "排污许可证有效期过期了没续还在排，罚多少？"),
    # whom the penalty falls on, for the same breach
    (["项目没批环评就开工，罚多少？"], "那对直接负责的人呢？", "项目没批环评就开工，对直接负责的人罚多少？"),
])
def test_follow_ups(library_kb, history, question, resolved):
    assert resolve(question, history, library_kb.term_idf, library_kb.documents) == resolved


def test_the_act_asked_about_stays_in_the_situation():
    # "…，不公开怎么处理？" then "谁来罚？": the breach (不公开) is what is punished
    assert situation_of("重点排污单位，不公开怎么处理？") == "重点排污单位，不公开"
    assert situation_of("晚上工地一直施工，吵得睡不着，可以投诉吗，罚多少？") == "晚上工地一直施工，吵得睡不着"


def test_a_case_a_rule_excepts_is_answered_by_the_exception(library_kb):
    # "要是抢修抢险呢？" after a penalty for night work: 第四十三条 excepts 抢修、抢险, no fine speaks of them
    ans = library_kb.ask("要是抢修抢险呢？", history=["工地晚上施工扰民怎么处理？", "罚多少？"])
    assert ans.found and "抢修" in ans.text and "除外" in ans.text


def test_a_list_in_a_two_part_question_keeps_its_lead(library_kb):
    # "养殖场能不能建在居民区旁边？哪些地方不让建？": the places are listed under "禁止在下列区域内建设…", and the second part
    # is of the same 养殖场, not a question the library leaves open
    ans = library_kb.ask("养殖场能不能建在居民区旁边？哪些地方不让建？")
    assert any("禁止在下列区域内建设畜禽养殖场" in i.text for i in ans.items)
    assert "未在文件中找到" not in ans.note


def test_a_pronoun_part_is_of_the_first_part_s_party(library_kb):
    # "…饭馆油烟直接冲我家窗户，这事归哪个部门管？他们必须装油烟净化器吗？": 他们 is the restaurant (大气法 第八十一条), not
    # the noise of a purifier (噪声法 第六十二条)
    ans = library_kb.ask("楼下饭馆油烟直接冲我家窗户，这事归哪个部门管？他们必须装油烟净化器吗？")
    cited = {ans.citations[i.cite - 1].clause_id for i in ans.items}
    assert "大气污染防治法:a81" in cited and "噪声污染防治法:a62" not in cited


def test_an_act_not_done_before_another(library_kb):
    # "没建成或没验收就投产": 建设项目环境保护管理条例 第二十三条 "未建成、未经验收…即投入生产"
    ans = library_kb.ask("环保设施没建成或没验收就投产的，怎么处罚？")
    assert ans.citations[0].clause_id == "建设项目环境保护管理条例:a23"


def test_a_breach_with_a_paragraph_of_its_own(library_kb):
    # "没按要求分类扔垃圾": 固废法 第一百一十一条's paragraph "未在指定的地点分类投放生活垃圾的…责令改正；情节严重的…", not its
    # listed （一） on dumping
    ans = library_kb.ask("我家没按要求分类扔垃圾，会被罚款吗？")
    shown = ans.shown_text()
    assert "分类投放生活垃圾" in shown and "情节严重的" in shown and "（一）随意倾倒" not in shown


@pytest.mark.parametrize("question", ["对环保局的罚款决定不服，多少天内可以申请行政复议？",
                                      "罚款多少以上要告知当事人有权要求听证？"])
def test_the_procedure_laws_are_named_when_absent(library_kb, question):
    # 行政复议, 听证: the general procedure laws state them; no clause of a pollution law on 按日连续处罚 is the answer
    ans = library_kb.ask(question)
    assert not ans.found and "行政复议法" in ans.message


def test_a_time_limit_asked_by_its_name(library_kb):
    # "有没有时限要求" asks for a length of time: 环评法 第二十二条 "六十日内…三十日内", not the record-keeping of 第二十条
    ans = library_kb.ask("企业报上来的环评报告书，我们审批有没有时限要求？报告表呢？")
    assert "六十日内" in ans.text and "三十日内" in ans.text


def test_another_province_is_a_transfer_across_provinces(library_kb):
    ans = library_kb.ask("我们公司的危废要拉到外省去处置，需要办哪些手续？")
    assert "跨省" in ans.shown_text() and ans.citations[0].clause_id == "固体废物污染环境防治法:a82"
