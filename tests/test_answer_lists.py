"""List answers: a lead-in introduces the list, a second text with the same list is cited not repeated,
a legislative-purpose article is never a measure, a section heading's clauses answer "哪些" questions;
follow-ups that swap a sibling term or ask for the penalty without a subject."""

from __future__ import annotations

from shanxi_policy.answer.followup import is_aspect_only, question_subject, resolve, sibling_term
from shanxi_policy.answer.structured import introduces, is_purpose, lead_sentence, repeats_items
from shanxi_policy.models import Document

LAW = ["（一）建设项目概况；", "（二）建设项目周围环境现状；", "（三）建设项目对环境可能造成影响的分析、预测和评估；",
       "（四）建设项目环境保护措施及其技术、经济论证；", "（五）建设项目对环境影响的经济损益分析；"]
REGULATION = ["(一)建设项目概况；", "(二)建设项目周围环境现状；", "(三)建设项目对环境可能造成影响的分析和预测；",
              "(四)环境保护措施及其经济、技术论证；", "(五)环境影响经济损益分析；"]


def test_a_list_repeated_by_another_text_is_recognised():
    assert repeats_items(REGULATION, LAW)


def test_articles_that_read_alike_but_differ_are_not_repeats():
    first = ["禁止在饮用水水源一级保护区内新建、改建、扩建与供水设施和保护水源无关的建设项目；",
             "禁止在饮用水水源一级保护区内从事网箱养殖、旅游、游泳、垂钓或者其他可能污染饮用水水体的活动。"]
    second = ["禁止在饮用水水源二级保护区内新建、改建、扩建排放污染物的建设项目；",
              "已建成的排放污染物的建设项目，由县级以上人民政府责令拆除或者关闭。"]
    assert not repeats_items(second, first)


def test_lead_in_sentence_introduces_enumerated_items():
    sents = ["第十七条 建设项目的环境影响报告书应当包括下列内容：", *LAW]
    assert introduces(sents)
    assert not introduces(LAW)
    assert not introduces(["第十条 国家鼓励下列活动：", "节约用水。", "植树造林。"])
    assert lead_sentence(sents[0]) == "建设项目的环境影响报告书应当包括下列内容："


def test_legislative_purpose_is_recognised():
    assert is_purpose("第一条 为了规范碳排放权交易及相关活动，加强对温室气体排放的控制，促进经济社会绿色低碳发展，制定本条例。")
    assert is_purpose("为了保护和改善环境，防治污染和其他公害，制定本法。")
    assert not is_purpose("加强碳排放权交易监督管理，逐步扩大交易行业覆盖范围。")
    assert not is_purpose("为了减少碳排放，企业应当制定本单位的节能方案。")


def _doc(text: str) -> Document:
    return Document("d", "某条例", text, [])


def test_sibling_term_is_the_one_listed_with_the_new_term():
    docs = [_doc("从事收集、贮存、运送、处置危险废物的单位。禁止混合收集、贮存、运送性质不相容的危险废物。")]
    assert sibling_term("运送", ["贮存", "危险废物", "要求"], docs) == "贮存"
    assert sibling_term("噪声", ["贮存", "危险废物"], docs) == ""
    # A term that only ends a longer item ("城镇污水处理") is not listed with the next item's head.
    assert sibling_term("农村", ["城镇", "污水处理"], [_doc("推进城镇污水处理、农村生活污水治理。")]) == ""


def test_sibling_term_listed_with_a_shared_modifier():
    # "环境影响报告书、环境影响报告表或者填报环境影响登记表": each item repeats the modifier, the last after its verb.
    docs = [_doc("组织编制环境影响报告书、环境影响报告表或者填报环境影响登记表。")]
    assert sibling_term("登记表", ["环境影响", "报告书", "审批", "时限"], docs) == "报告书"
    assert sibling_term("登记表", ["审批", "时限"], docs) == ""
    q = resolve("那登记表呢？", ["环境影响报告书审批时限是多少天？"], documents=docs)
    assert q == "环境影响登记表审批时限是多少天？"


def test_parallel_phrase_replaces_the_span_with_the_same_head():
    from shanxi_policy.answer.followup import parallel_span

    assert parallel_span("饮用水水源一级保护区内禁止哪些行为？", "二级保护区") == "一级保护区"
    assert parallel_span("贮存危险废物有什么要求？", "运送") == ""


def test_sibling_follow_up_swaps_the_sibling_not_the_rarest_term():
    docs = [_doc("收集、贮存、运送、处置危险废物，应当按照危险废物特性分类进行。")]
    out = resolve("那运送呢？", ["贮存危险废物有什么要求？"], lambda t: 10.0 if t == "危险废物" else 1.0, docs)
    assert out == "运送危险废物有什么要求？"


def test_penalty_follow_up_without_subject_carries_the_old_subject():
    assert is_aspect_only("违反了怎么处罚？")
    assert is_aspect_only("不遵守会被罚款吗？")
    assert not is_aspect_only("违反噪声规定怎么处罚？")
    assert question_subject("医疗卫生机构对医疗废物有哪些义务？") == "医疗卫生机构对医疗废物"
    out = resolve("违反了怎么处罚？", ["医疗卫生机构对医疗废物有哪些义务？"])
    assert out.startswith("医疗卫生机构对医疗废物") and "处罚" in out


def test_same_list_in_law_and_regulation_is_listed_once(library_kb):
    ans = library_kb.ask("建设项目环境影响报告书应当包括哪些内容？")
    texts = [i.text for i in ans.items]
    assert ans.type == "list"
    assert sum("建设项目概况" in t for t in texts) == 1
    # The lead-in heads the answer and is not an item.
    assert not any(t.endswith("下列内容：") for t in texts)
    assert ans.text.split("\n", 1)[0].endswith("下列内容：")
    assert "基本相同" in ans.note


def test_purpose_article_is_not_listed_as_a_measure(library_kb):
    ans = library_kb.ask("如何推进碳达峰？")
    assert ans.found and ans.items
    assert not any("制定本条例" in i.text or "制定本法" in i.text for i in ans.items)


def test_section_heading_question_lists_the_sections_clauses(library_kb):
    ans = library_kb.ask("美丽山西建设要守牢哪些安全底线？")
    assert ans.type == "parts"
    assert [i.text for i in ans.items] == ["（十二）严密防控环境风险", "（十三）有效应对气候变化不利影响和风险",
                                          "（十四）强化生物安全管理"]


def test_penalty_follow_up_is_answered_from_the_liability_chapter(library_kb):
    ans = library_kb.ask("违反了怎么处罚？", history=["医疗卫生机构对医疗废物有哪些义务？"])
    assert ans.resolved_question.startswith("医疗卫生机构对医疗废物")
    assert ans.items
    cited = {ans.citations[i.cite - 1].path[0] for i in ans.items}
    assert cited and all("法律责任" in p for p in cited)


def test_lead_in_is_rendered_with_its_citation():
    from shanxi_policy.answer.render import answer_lines
    from shanxi_policy.models import Answer, AnswerItem

    ans = Answer(True, "应当包括下列内容：\n（一）甲；\n（二）乙。", [], "问", type="list",
                 items=[AnswerItem("（一）甲；", 2), AnswerItem("（二）乙。", 2)])
    assert answer_lines(ans) == ["答：应当包括下列内容：[2]", "  1. （一）甲；[2]", "  2. （二）乙。[2]"]


def test_an_item_picked_alone_comes_with_its_lead_in():
    from shanxi_policy.answer.structured import with_list_leads

    body = ["第十三条 排污许可证应当记载下列信息：", "(一)排污单位名称；", "(二)其他控制污染物排放的要求。", "其他规定。"]
    assert with_list_leads(body, ["(二)其他控制污染物排放的要求。"]) == [body[0], body[2]]
    assert with_list_leads(body, ["其他规定。"]) == ["其他规定。"]


def test_section_is_not_the_answer_when_the_heading_lacks_what_is_asked(library_kb):
    # "举措" is not in "三、坚持全质加快改善，推动生态环境根本好转": the measures are in the clauses' text.
    ans = library_kb.ask("推动生态环境根本好转有哪些举措？")
    assert ans.type != "parts"
