"""Findings of the sixty-fourth user trial (a township's environmental officer answering villagers, owners and
colleagues), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve
from shanxi_policy.answer.render import answer_lines


@pytest.mark.parametrize(("history", "question", "resolved"), [
    # whether it is lawful was asked of the situation told; what it costs is asked of the same situation
    (["晚上工地施工吵得睡不着，法律允许吗？"], "罚多少？", "晚上工地施工吵得睡不着，罚多少？"),
    # a question of its own, with its own subject and how long it asks: nothing of the earlier ask goes with it
    (["没有排污许可证就排污，罚多少？"], "那许可证有效期几年？", "排污许可证有效期几年？"),
    # a case at a place, after a question on which places: what follows is asked now
    (["养猪场哪些地方不让建？"], "要是已经在禁养区建了呢？", "养猪场已经在禁养区建了的，怎么处罚？"),
])
def test_follow_ups(library_kb, history, question, resolved):
    assert resolve(question, history, library_kb.term_idf, library_kb.documents) == resolved


def test_a_list_lead_quoted_with_its_first_item(library_kb):
    # 医疗废物管理条例 第二十一条 "应当符合下列基本要求：(一)…；(二)…；(三)…": every requirement, not the first only
    ans = library_kb.ask("我是村卫生室的，用过的针头、输液器一直没人来收，我们自己咋处理才合规？")
    shown = "\n".join(answer_lines(ans))
    assert "能够焚烧的，应当及时焚烧" in shown and "消毒后集中填埋" in shown


def test_a_milder_case_goes_on(library_kb):
    # 环境保护法 第六十三条 "…处十日以上十五日以下拘留；情节较轻的，处五日以上十日以下拘留：（一）…（三）…暗管…"
    ans = library_kb.ask("企业拿暗管偷排污水，除了罚款能不能把人拘了？拘几天？")
    shown = ans.shown_text()
    assert "五日以上十日以下拘留" in shown and "暗管" in shown


def test_the_same_act_by_another_party(library_kb):
    # 水污染防治法 第九十一条: organized fishing is fined 2–10万; a person fishing, in the next sentence, up to 500元
    ans = library_kb.ask("罚多少？", history=["饮用水源一级保护区里能不能钓鱼？"])
    assert "五百元以下" in ans.shown_text()


def test_a_later_question_of_the_first_ones_act(library_kb):
    # "能不能按天罚？从哪天开始算？": the second asks of 按日连续处罚 (环境保护法 第五十九条), not refused
    ans = library_kb.ask("企业被罚了款、叫它改它就是不改，能不能按天罚？从哪天开始算？")
    assert "未在文件中找到" not in (ans.note or "")


def test_a_year_said_by_a_clause_just_below(library_kb):
    # "到2035年，地下水国控点位…，土壤环境风险得到全面管控" answers, not a 土壤污染防治法 article without the year
    ans = library_kb.ask("到2035年土壤方面要达到什么程度？")
    assert "土壤环境风险得到全面管控" in ans.text and not ans.note


def test_an_indicator_named_with_its_year(library_kb):
    # "地下水安全利用率2027年…" is named by no text: the 受污染耕地 figure is not given as its answer without a caution
    ans = library_kb.ask("那地下水呢？", history=["受污染耕地安全利用率2027年要求多少？"])
    assert ans.note and "地下水安全利用率" in ans.note


def test_the_list_a_which_question_asks_for(library_kb):
    # "…，哪些地方是不让建养殖场的？": 畜禽规模养殖污染防治条例 第十一条's four areas, no other article's duties numbered on
    ans = library_kb.ask("我家想在村后头自家地里盖个猪圈养猪，哪些地方是不让建养殖场的？")
    assert len(ans.items) == 4 and all(i.cite == 1 for i in ans.items)


@pytest.mark.parametrize(("question", "word"), [
    # an idiom jieba reads across "能不能自己" names no thing the texts lack
    ("村东头河滩上能不能自己挖沙拉去卖？要办啥手续不？", "不能自己"),
    # 投产 is the texts' 投入生产
    ("设施还没验收就投产，被查到了罚多少？", "投产"),
])
def test_no_caution_on_words_the_texts_say(library_kb, question, word):
    assert word not in (library_kb.ask(question).note or "")


@pytest.mark.parametrize(("question", "clause"), [
    # a report of pollution told in a caller's words goes where 环境保护法 第五十七条 says, not to a rule on the matter
    ("邻村那个化工厂半夜往沟里排黑水，臭得不行，我该找谁举报？", "环境保护法:a57"),
    ("发现有人偷排污水，找谁举报？", "环境保护法:a57"),
    # the clause first retrieved names a body too, for its own matters (规划环评条例 第六条): the general one answers
    ("附近工厂冒黄烟，去哪儿举报？", "环境保护法:a57"),
    # to whom an accident is reported ("报给谁" is 报告): 水污染防治法 第七十八条, not 第七十七条's plans made beforehand
    ("厂子里化学品泄漏流进河里了，企业当时得干啥、报给谁？", "水污染防治法:a78"),
    # a text's own matter is reported as that text says
    ("碳排放数据造假，找谁举报？", "碳排放权交易管理暂行条例:a18"),
])
def test_whom_to_report_to(library_kb, question, clause):
    ans = library_kb.ask(question)
    assert ans.found and ans.citations[0].clause_id == clause


def test_no_report_channel_for_another_matter(library_kb):
    # wages owed are no pollution: 环境保护法 第五十七条 is not where to report them
    ans = library_kb.ask("公司拖欠工资三个月了，我可以去哪里反映？")
    assert not (ans.found and ans.citations[0].clause_id == "环境保护法:a57")
