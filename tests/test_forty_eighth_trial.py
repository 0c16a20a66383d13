"""Findings of the forty-eighth user trial (a newspaper's environment reporter checking readers' letters and writing
an explainer), each a general case."""

from __future__ import annotations

from shanxi_policy.answer.typed import _paper_names


def test_punctuation_is_no_part_of_a_papers_name():
    assert _paper_names("想开一个收集危险废物的公司，危险废物经营许可证找哪个部门办？") == ["危险废物经营许可证"]


def test_spoken_frames_of_a_definition_question(library_kb):
    # "法律上", "到底", "几点" are the question's frame: 噪声法 第八十八条 defines 夜间
    ans = library_kb.ask("法律上说的“夜间”到底是从几点到几点？")
    assert ans.found and ans.citations[0].clause_id == "噪声污染防治法:a88"


def test_a_penalty_referred_to_another_law_is_given_with_that_laws_amount(library_kb):
    # 建设项目环境保护管理条例 第二十一条 "依照《中华人民共和国环境影响评价法》的规定处罚": the article of that law repeating
    # the breach (第三十一条, 总投资额百分之一以上百分之五以下) leads
    ans = library_kb.ask("一个项目环评还没批下来就先动工了，法律上怎么处理？")
    assert ans.citations[0].clause_id == "环境影响评价法:a31"
    assert "百分之一以上百分之五以下" in ans.shown_text()
