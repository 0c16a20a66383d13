"""Open answers over law articles: an article is one norm, definitions and penalties are not requirements,
each aspect a question joins with 和 is answered, and a few question wordings ask for a list."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import parallel_span
from shanxi_policy.answer.qtype import classify
from shanxi_policy.answer.structured import (
    coordinated_terms,
    covering_clauses,
    inline_headed,
    is_article,
    is_definition,
)
from shanxi_policy.models import Hit


def _article(text: str, cid: str = "某法:a18", path: tuple[str, ...] = ("第十八条",)) -> Hit:
    return Hit("某法", "中华人民共和国某税法", cid, path, text, 1.0, "hybrid")


def test_a_law_article_is_not_cut_at_a_sentence_that_opens_with_the_question_terms():
    text = ("第十八条 某税按月计算，按季申报缴纳。不能按固定期限计算缴纳的，可以按次申报缴纳。\n"
            "纳税人申报缴纳时，应当向税务机关报送所排放应税污染物的种类、数量。")
    hit = _article(text)
    assert is_article(hit)
    assert inline_headed("纳税人怎么申报缴纳？", hit) == []
    # The same sentence in a policy clause heads its own paragraph on the subject.
    clause = Hit("p", "某省实施意见", "p:c3", ("（三）加强税收征管",), text, 1.0, "hybrid")
    assert not is_article(clause)
    assert inline_headed("纳税人怎么申报缴纳？", clause) == ["纳税人申报缴纳时，应当向税务机关报送所排放应税污染物的种类、数量。"]


def test_definition_articles_are_recognised():
    assert is_definition(_article("第三十一条 本办法下列用语的含义：\n(一)收集，是指…", "某法:a31"))
    assert is_definition(_article("第三十四条 本法所称工业噪声，是指在工业生产活动中产生的…", "某法:a34"))
    assert not is_definition(_article("第十四条 经营单位终止经营活动的，应当采取污染防治措施。", "某法:a14"))


def test_terms_joined_by_and_are_the_aspects_asked_about():
    assert coordinated_terms("国家在资金和税收上如何支持企业开展清洁生产？") == ["资金", "税收"]
    assert coordinated_terms("如何加强排污许可管理？") == []


def test_a_parallel_span_does_not_cut_a_word_of_the_question():
    # "废物经营" would cut 危险废物 in two.
    assert parallel_span("危险废物经营单位变更法人名称要办理什么手续？", "终止经营") == ""
    assert parallel_span("饮用水水源一级保护区内禁止哪些行为？", "二级保护区") == "一级保护区"


def test_a_parallel_span_is_a_modifier_and_its_head():
    # A one-character modifier is no term of its own; the head word of three characters takes the word before it.
    assert parallel_span("饮用水水源一级保护区内禁止哪些行为？", "准保护区") == "一级保护区"
    assert parallel_span("建设单位在施工扬尘防治上有哪些责任？", "施工单位") == "建设单位"
    # "电子产品" is not the whole name in "电器电子产品".
    assert parallel_span("回收的电器电子产品修复后销售有什么要求？", "再制造产品") == ""


def test_a_one_character_modifier_follow_up_is_resolved(library_kb):
    ans = library_kb.ask("准保护区呢？", history=["饮用水水源一级保护区内禁止哪些行为？"])
    assert ans.resolved_question == "饮用水水源准保护区内禁止哪些行为？"


def test_duties_and_systems_ask_for_a_list():
    assert classify("危险废物收集单位要履行什么义务？").kind == "open"
    assert classify("国家对落后生产工艺实行什么制度？").kind == "open"
    assert classify("排污许可证的有效期是多久？").kind == "factoid"


def test_definition_and_penalty_articles_stay_out_of_a_requirements_answer(library_kb):
    ans = library_kb.ask("危险废物经营单位打算停止经营，要做哪些工作？")
    assert ans.found and ans.items
    assert any("注销申请" in i.text for i in ans.items)
    assert not any("是指" in i.text for i in ans.items)
    ans = library_kb.ask("噪声敏感建筑物集中区域施工作业有哪些要求？")
    assert ans.found and ans.items
    assert not any("罚款" in i.text or "拒不改正" in i.text for i in ans.items)
    # The duty leads, not the article that punishes its breach.
    ans = library_kb.ask("重点排污单位应当公开哪些环境信息？")
    assert ans.found and ans.items and not ans.items[0].text.startswith("第六十二条")
    assert "主要污染物的名称" in ans.items[0].text


def test_an_aspect_no_chosen_article_speaks_to_is_looked_for(library_kb):
    ans = library_kb.ask("国家在资金和税收方面怎样扶持企业实施清洁生产？")
    assert ans.found
    assert any("税收" in i.text for i in ans.items)
    assert any("资金" in i.text for i in ans.items)


@pytest.mark.parametrize(("question", "article"), [
    ("企业没办排污许可证就排污，按排污许可管理条例要罚多少钱？", "第三十三条"),
    ("夜间施工违反了罚多少？", "第七十七条"),
])
def test_a_penalty_question_is_answered_from_the_liability_chapter(library_kb, question, article):
    ans = library_kb.ask(question)
    assert ans.found and ans.text.startswith(article) and "罚款" in ans.text
    assert "法律责任" in " ".join(ans.citations[0].path)


def test_a_compound_split_by_a_modifier_is_held():
    from shanxi_policy.answer.structured import holds

    text = "第十八条 企业事业单位建设对大气环境有影响的项目，应当依法进行环境影响评价。"
    h = Hit("d", "t", "d:a18", ["第十八条"], text, 1.0, "hybrid")
    assert holds("建设项目", h)
    assert not holds("建设项目", Hit("d", "t", "d:a1", ["第一条"], "第一条 加强建设。项目管理另行规定。", 1.0, "hybrid"))


def test_the_duty_article_joins_the_answer_on_a_project_duty(library_kb):
    ans = library_kb.ask("大气污染防治法对建设项目环境影响评价有什么规定？")
    assert "公开环境影响评价文件" in ans.shown_text()


def test_a_top_hit_holding_what_no_chosen_article_speaks_to_joins_after_them():
    def hit(cid: str, text: str, score: float) -> Hit:
        return Hit(cid.split(":")[0], "水法", cid, ("第五章",), text, score, "hybrid")

    lead = hit("水法:a45", "第四十五条 调蓄径流和分配水量，应当以流域为单元制定水量分配方案。", 1.0)
    other = hit("水法:a46", "第四十六条 县级以上地方人民政府应当执行水量分配方案，由谁统一调度。", 0.7)
    far = hit("水法:a47", "第四十七条 国家对用水实行总量控制。", 0.2)  # holds a word, ranks too low
    got = covering_clauses("用水量怎么分配？各地怎么执行、统一调度？", [lead], [lead, other, far], 1.0, None)
    assert [h.clause_id for h, _t in got] == ["水法:a46"]
    assert covering_clauses("水量怎么分配？", [lead], [lead, other], 1.0, None) == []  # nothing left open


def test_the_article_next_to_a_chosen_one_joins_when_it_holds_the_question_terms(library_kb):
    ans = library_kb.ask("水法对饮用水供水单位有什么要求？")
    cited = [ans.citations[i.cite - 1].clause_id for i in ans.items]
    assert "水法:a33" in cited and "水法:a53" in cited
    assert cited[0] != "水法:a53"  # a neighbour retrieval ranked low is listed after the others
