"""Cited extractive answers and refusals."""

from __future__ import annotations

import pytest

from .test_retrieval import kb  # noqa: F401  (shared session index)


@pytest.mark.parametrize(
    ("question", "span", "clause"),
    [
        ("到2030年非化石能源比重要达到多少？", "18%", "c4"),
        ("2035年森林覆盖率目标是多少？", "27.22%", "c16"),
        ("全省生态保护红线面积要保持在多大？", "3.41万平方公里", "c1"),
        ("各地每年什么时候报送美丽山西建设工作情况？", "1月上旬", "c24"),
    ],
)
def test_answer_quotes_the_sentence_and_cites_the_clause(kb, question, span, clause):  # noqa: F811
    ans = kb.ask(question)
    assert ans.found and span in ans.text
    top = ans.citations[0]
    assert top.local_id == clause and ans.text in top.text and top.quote == ans.text


@pytest.mark.parametrize("question", ["山西省的最低工资标准是多少？", "医保异地就医怎么备案？", "高考加分政策有哪些？"])
def test_out_of_scope_is_refused_with_nearest_clauses(kb, question):  # noqa: F811
    ans = kb.ask(question)
    assert not ans.found
    assert ans.message == "未在政策文件中找到相关规定" == ans.text
    assert ans.citations  # offered as 可能相关


def test_lookup_answer_is_the_clause(kb):  # noqa: F811
    ans = kb.ask("（八）说了什么")
    assert ans.found and ans.text.startswith("（八）持续改善空气质量。")


def test_answer_json_fields(kb):  # noqa: F811
    d = kb.ask("森林覆盖率提高到多少").to_dict()
    assert d["found"] is True and d["citations"][0]["marked_quote"].count("【") >= 1
