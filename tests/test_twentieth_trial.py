"""Findings of the twentieth user trial (a city bureau answering questions forwarded from the 12345 hotline, asked in
callers' own words), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


def _articles(ans, n: int = 1) -> list[str]:
    return [h.clause_id for h in ans.citations[:n]]


def test_a_callers_complaint_is_answered_by_the_rule_not_by_any_ban(library_kb):
    # "能投诉吗" asks for recourse; it is not a question whether some conduct is allowed (a ban on 装修材料)
    ans = library_kb.ask("楼上装修天天电钻响，周末也干，能投诉吗？")
    assert "有毒、有害物质" not in ans.text
    assert _articles(ans) == ["噪声污染防治法:a66"]


@pytest.mark.parametrize("question, article", [
    ("村里有人老往河边倒垃圾，这怎么办？", "固体废物污染环境防治法:a20"),
    ("我开了个汽修店，换下来的废机油能卖给收破烂的吗？", "固体废物污染环境防治法:a80"),
])
def test_callers_words_reach_the_law(library_kb, question, article):
    ans = library_kb.ask(question)
    assert ans.found
    assert article in _articles(ans, 3)


def test_selling_waste_oil_to_a_scrap_collector_is_answered_by_the_ban_on_unlicensed_receivers(library_kb):
    ans = library_kb.ask("我开了个汽修店，换下来的废机油能卖给收破烂的吗？")
    assert "提供或者委托给无许可证的单位" in ans.text


def test_the_penalty_follow_up_punishes_the_rule_just_shown(library_kb):
    # 固废法 第一百一十二条（四） with the amount its next paragraph sets, not another regulation's penalty for a
    # licensed collector's duty
    ans = library_kb.ask("罚多少？", history=["我开了个汽修店，换下来的废机油能卖给收破烂的吗？"])
    assert _articles(ans) == ["固体废物污染环境防治法:a112"]
    assert "三倍以上五倍以下" in ans.shown_text()


def test_a_listed_penalty_comes_with_the_amounts_of_its_later_paragraph(library_kb):
    ans = library_kb.ask("往河边倒垃圾罚多少钱？")
    text = ans.shown_text()
    assert _articles(ans) == ["固体废物污染环境防治法:a111"]
    assert "处一百元以上五百元以下的罚款" in text
    assert "土地复垦" not in text  # no other law's amount stands in for the article's own


def test_a_penalty_quote_goes_on_to_what_follows_a_refusal(library_kb):
    ans = library_kb.ask("罚多少？", history=["楼下饭馆油烟太大，熏得窗户都不敢开，能管吗？"])
    assert "予以关闭，并处一万元以上十万元以下的罚款" in ans.text


@pytest.mark.parametrize("question, resolved", [
    ("小区门口广场舞音响开得老大，能不能管？", "小区门口广场舞音响开得老大，罚多少？"),
    ("村里有人烧秸秆，烟大得呛人，有人管吗？", "村里有人烧秸秆，烟大得呛人，罚多少？"),
    ("村里有人老往河边倒垃圾，这怎么办？", "村里有人老往河边倒垃圾，罚多少？"),
])
def test_a_penalty_follow_up_keeps_the_reported_conduct_without_the_call_for_help(question, resolved):
    assert resolve("罚多少？", [question]) == resolved


def test_a_word_another_cited_article_uses_is_not_said_to_be_unaddressed(library_kb):
    ans = library_kb.ask("楼上装修噪音扰民能投诉吗？")
    assert "文件中未找到" not in ans.note
    ans = library_kb.ask("罚多少？", history=["小区门口广场舞音响开得老大，能不能管？"])
    assert "广场" not in ans.note  # 第八十二条 punishes 第六十四条 (街道、广场…) by repeating its words
    ans = library_kb.ask("罚多少？", history=["村里有人烧秸秆，烟大得呛人，有人管吗？"])
    assert "有人" not in ans.note


@pytest.mark.parametrize("previous, question, resolved", [
    ("没办排污许可证就排污，要罚多少？", "要去哪里办？", "没办排污许可证就排污，要去哪里办？"),
    ("晚上工地一直施工，吵得睡不着，可以投诉吗，罚多少？", "要找哪个部门投诉？",
     "晚上工地一直施工，吵得睡不着，要找哪个部门投诉？"),
])
def test_where_to_go_is_asked_of_the_situation_before(previous, question, resolved):
    assert resolve(question, [previous]) == resolved


def test_where_to_apply_is_answered_by_the_authority_one_turns_to(library_kb):
    ans = library_kb.ask("要去哪里办？", history=["没办排污许可证就排污，要罚多少？"])
    assert "生态环境主管部门" in ans.text and "申请取得排污许可证" in ans.text


def test_a_figure_in_the_unit_asked_is_looked_for_below_the_top_clauses(library_kb):
    ans = library_kb.ask("那报告表呢？", history=["环评报告书交上去，环保部门多少天内要批下来？"])
    assert "三十日内" in ans.text or "30日内" in ans.text


def test_an_answer_read_out_names_the_law_of_the_article():
    from shanxi_policy.answer.render import answer_lines
    from shanxi_policy.models import Answer, Hit

    hit = Hit("大气污染防治法", "中华人民共和国大气污染防治法", "大气污染防治法:a81", ("第八十一条",), "第八十一条 …", 1.0,
              "hybrid")
    ans = Answer(True, "第八十一条 排放油烟的餐饮服务业经营者应当安装油烟净化设施。", [hit])
    assert answer_lines(ans) == ["答：《大气污染防治法》第八十一条 排放油烟的餐饮服务业经营者应当安装油烟净化设施。[1]"]


def test_a_reporters_byline_is_no_measure(library_kb):
    ans = library_kb.ask("山西怎么推进“一泓清水入黄河”？")
    assert all("武佳" not in i.text for i in ans.items)


def test_a_caution_of_one_question_of_several_says_which(library_kb):
    ans = library_kb.ask("环保税多长时间报一次？季度结束后几天内要交？")
    assert "十五日内" in ans.shown_text()
    # the second question is answered with its days; a caution of the first is not said of the whole answer
    assert not ans.note.startswith("文件中未规定具体")


def test_a_question_naming_the_policy_is_answered_from_it_not_from_the_news_report(library_kb):
    ans = library_kb.ask("实施意见对“一泓清水入黄河”有什么要求？")
    assert ans.citations[0].doc_id == "meili_shanxi_shishi_yijian"


def test_a_year_the_sentence_gives_to_another_target_is_said_to_have_none_for_the_thing_asked(library_kb):
    ans = library_kb.ask("2035年呢？", history=["到2027年新增汽车里新能源车要占多少？"])
    assert "2035年“新能源车”" in ans.note
    ans = library_kb.ask("那2035年呢？", history=["到2027年各设区市细颗粒物平均浓度要达到什么水平？"])
    assert not ans.note
