"""Follow-ups that swap a sibling the texts never list together: the words the texts write next to the new
term decide what it replaces (城镇 → 农村), a phrase with the same head replaces its sibling (大气污染物 →
水污染物) and takes the law named like it along; abbreviated document names with 的 or without leading words."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import attested_swap, document_reference, resolve, subject_bounds


def test_subject_lies_between_the_document_name_and_the_frame(library_kb):
    q = "水污染防治法对城镇污水处理有什么规定？"
    s, e = subject_bounds(q, library_kb.documents)
    assert q[s:e] == "城镇污水处理"


def test_new_term_replaces_the_span_the_texts_write_it_for(library_kb):
    q = "水污染防治法对城镇污水处理有什么规定？"
    i, j = attested_swap(q, "农村", library_kb.documents)
    assert q[i:j] == "城镇"
    assert resolve("那农村呢？", [q], library_kb.term_idf, library_kb.documents) == "水污染防治法对农村污水处理有什么规定？"


def test_nothing_is_swapped_when_the_texts_do_not_write_the_result(library_kb):
    # "耕地保护" is written, but not "全省耕地保护": the swap would drop 全省; the old rewrite stands.
    assert attested_swap("全省生态保护红线面积要保持在多大？", "耕地", library_kb.documents) is None
    assert attested_swap("水污染防治法对城镇污水处理有什么规定？", "污水处理", library_kb.documents) is None


def test_same_head_sibling_takes_the_law_named_like_it(library_kb):
    resolved = resolve("水污染物呢？", ["大气污染防治法对重点大气污染物排放总量控制有什么规定？"],
                       library_kb.term_idf, library_kb.documents)
    assert resolved == "水污染防治法对重点水污染物排放总量控制有什么规定？"


def test_document_abbreviations(library_kb):
    docs = library_kb.documents
    assert document_reference("山西晚报的报道", docs) == "山西晚报新闻发布会报道"
    assert document_reference("晚报报道", docs) == "山西晚报新闻发布会报道"
    # A genre held by one document names it; the rewrite uses the short title.
    assert document_reference("实施意见", docs) == "美丽山西建设实施意见"
    # Ambiguous or too short: no document.
    assert document_reference("污染防治法", docs) == ""
    # A law's usual three-character abbreviation names it when one law fits; "环保法" fits two.
    assert document_reference("大气法", docs) == "大气污染防治法"
    assert document_reference("环保法", docs) == ""


def test_a_subject_that_starts_with_the_shared_verb_is_replaced_whole(library_kb):
    # "转移固体废物出省…" starts with the verb "危险废物跨省转移" ends with: nothing precedes it to swap.
    resolved = resolve("危险废物跨省转移呢？", ["转移固体废物出省贮存、处置要办什么手续？"],
                       library_kb.term_idf, library_kb.documents)
    assert resolved.startswith("危险废物跨省转移") and "固体废物" not in resolved


def test_a_new_act_replaces_the_act_and_keeps_the_party(library_kb):
    resolved = resolve("终止经营呢？", ["危险废物经营单位变更法人名称要办理什么手续？"],
                       library_kb.term_idf, library_kb.documents)
    assert resolved == "危险废物经营单位终止经营要办理什么手续？"


@pytest.mark.parametrize(("follow", "before", "resolved"), [
    # a one-character modifier takes the place of the modifier before the head the texts write it with
    ("水呢？", "大气污染物超标排放罚多少钱？", "水污染物超标排放罚多少钱？"),
    # a party opening the clause and acting in it gives way to the party asked of
    ("那要是个人呢？", "企业超标排放大气污染物怎么罚？", "个人超标排放大气污染物怎么罚？"),
    # a case put with 要是 is a case of the same act, asked the same way
    ("要是抢修自来水管道呢？", "夜间施工噪声扰民怎么处罚？", "夜间施工噪声扰民，抢修自来水管道的，怎么处罚？"),
])
def test_short_follow_ups_change_one_part(library_kb, follow, before, resolved):
    assert resolve(follow, [before], library_kb.term_idf, library_kb.documents) == resolved
