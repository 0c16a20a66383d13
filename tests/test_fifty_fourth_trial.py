"""Findings of the fifty-fourth user trial (a city agricultural-ecology station asked by farmers, breeders and village
cadres), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


@pytest.mark.parametrize(("question", "clause"), [
    # pollution of farmland is 土壤污染防治法's matter; only taking the land is 土地管理法's
    ("附近选矿厂往我们村的耕地里倒尾矿渣、排污水，能罚多少？", "土壤污染防治法:a87"),
    # a dead pig is 病害畜禽养殖废弃物 (畜禽规模养殖污染防治条例 第四十二条): asked alone, its penalty
    ("有人把病死猪扔到河边了，罚多少？", "畜禽规模养殖污染防治条例:a42"),
    # asked for a penalty and answered by one, the duty that uses the question's word does not take its place
    ("有个养殖场粪污处理设施还没建好就先进猪了，会咋处理？罚多少？", "畜禽规模养殖污染防治条例:a39"),
    # 禁烧区 is the area 第七十七条 has the province mark out
    ("禁烧区谁来划？", "大气污染防治法:a77"),
])
def test_farm_questions_find_their_article(library_kb, question, clause):
    ans = library_kb.ask(question)
    assert ans.found and ans.citations[0].clause_id == clause


def test_building_on_farmland_still_needs_the_land_law(library_kb):
    ans = library_kb.ask("在耕地上建光伏板可以吗？")
    assert not ans.found and "《土地管理法》" in ans.text


def test_an_indicator_no_text_states_is_said_to_be_missing(library_kb):
    # "2025年畜禽粪污综合利用率目标": neither Shanxi text states it; the closest clause is no answer
    ans = library_kb.ask("山西2025年畜禽粪污综合利用率目标是多少？")
    assert ans.note.startswith("文件中未找到针对") and "畜禽粪污综合利用率" in ans.note


def test_a_case_with_a_party_is_asked_of_the_same_act(library_kb):
    out = resolve("要是使用者是个人呢？", ["不回收农药包装废弃物罚多少？"], library_kb.term_idf, library_kb.documents)
    assert out == "不回收农药包装废弃物，使用者是个人的，罚多少？"


def test_a_dead_pig_asked_who_and_how_much(library_kb):
    # "这归谁管？罚多少？": two questions, the second answered by 第四十二条 (动物卫生监督机构, 3000元以下)
    ans = library_kb.ask("有人把病死猪扔到河边了，这归谁管？罚多少？")
    assert any(i.label == "罚多少" and "第四十二条" in i.text for i in ans.items)
