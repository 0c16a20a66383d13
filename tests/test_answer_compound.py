"""A message that asks several questions gets each answered under its question, with one numbering of sources; a
question on a matter whose governing law the library lacks says so."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.typed import sub_questions


@pytest.mark.parametrize(("question", "parts"), [
    ("建筑工程在节材方面有什么要求？违规生产使用粘土砖怎么处理？",
     ["建筑工程在节材方面有什么要求？", "违规生产使用粘土砖怎么处理？"]),
    ("到2030年非化石能源比重要达到多少？", []),
    ("什么是湿地？有哪些要求？", []),  # the second asks about nothing of its own: one question
    ("排污许可证有效期多长？", []),
    ("国家对保护哪些东西给补偿？耕地算不算？", []),  # the second narrows the first: one question
])
def test_sub_questions(question, parts):
    assert sub_questions(question) == parts


def test_each_question_is_answered_under_its_own_label(library_kb):
    q = "建筑工程在节材方面有什么要求？违规生产使用粘土砖怎么处理？"
    ans = library_kb.ask(q)
    assert ans.found and ans.type == "list" and ans.question == q
    labels = [i.label for i in ans.items if i.label]
    assert labels == ["建筑工程在节材方面有什么要求", "违规生产使用粘土砖怎么处理"]
    text = ans.shown_text()
    assert "粘土砖" in text and "责令限期改正" in text
    assert all(0 < i.cite <= len(ans.citations) for i in ans.items)
    cited = {ans.citations[i.cite - 1].clause_id for i in ans.items}
    assert "循环经济促进法:a54" in cited


def test_a_matter_whose_law_the_library_lacks_is_said(library_kb):
    ans = library_kb.ask("在永久基本农田上能不能建养猪场？")
    assert ans.found and ans.note.startswith("文档库中没有《土地管理法》")
    plain = library_kb.ask("排污许可证有效期多长？")
    assert not plain.note.startswith("文档库中没有")


def test_a_matter_the_cited_clause_speaks_of_is_not_cautioned(library_kb):
    # 耕地 has its governing law outside the library, but the answer's own clause speaks of it
    ans = library_kb.ask("受污染耕地安全利用率要维持在什么水平？")
    assert ans.found and "耕地" in ans.text and not ans.note.startswith("文档库中没有")
