"""Follow-up rewrites respect the words of the question: a swapped span starts and ends where words do."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


@pytest.mark.parametrize(("first", "follow", "resolved"), [
    # "报告" is a shared head of 报告书 / 报告表 only inside a word: the whole subject changes.
    ("环境影响报告书应当包括哪些内容？", "环境影响报告表呢？", "环境影响报告表应当包括哪些内容？"),
    # A shared head that ends a word still keeps the rest of the subject.
    ("交通运输领域绿色低碳转型要采取哪些措施？", "城乡建设领域呢？", "城乡建设领域绿色低碳转型要采取哪些措施？"),
    # Another party of the same kind takes the place of the party.
    ("建设单位在施工扬尘防治上有哪些责任？", "施工单位呢？", "施工单位在施工扬尘防治上有哪些责任？"),
    # A one-character modifier changes the head it comes with.
    ("饮用水水源一级保护区内禁止哪些行为？", "准保护区呢？", "饮用水水源准保护区内禁止哪些行为？"),
    # The word with the new phrase's head gives way, not the rarest word of the subject.
    ("对工业园区大气污染有什么要求？", "水污染呢？", "对工业园区水污染有什么要求？"),
])
def test_follow_up_swaps_whole_words(first, follow, resolved):
    assert resolve(follow, [first]) == resolved


def test_no_span_cuts_a_word_of_the_question():
    out = resolve("终止经营呢？", ["危险废物经营单位变更法人名称要办理什么手续？"])
    assert "危险终止" not in out and "废物终止" not in out


@pytest.mark.parametrize(("first", "follow", "resolved"), [
    # The new phrase meets the next word as the texts write it: 红树林湿地, not 红树林沼泽湿地.
    ("湿地保护法对泥炭沼泽湿地有什么规定？", "红树林呢？", "湿地保护法对红树林湿地有什么规定？"),
    # ... and the word before it: 政府 takes the place of the whole party 企业事业单位.
    ("企业事业单位在环境信息公开方面有什么义务？", "政府呢？", "政府在环境信息公开方面有什么义务？"),
    # With neither side written so, only the word itself changes.
    ("全省生态保护红线面积要保持在多大？", "耕地呢？", "全省耕地面积要保持在多大？"),
])
def test_a_replaced_word_takes_its_neighbours_as_the_texts_read(library_kb, first, follow, resolved):
    assert library_kb.ask(follow, history=[first]).resolved_question == resolved
