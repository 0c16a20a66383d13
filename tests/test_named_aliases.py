"""A proposal that names a concept in brackets ("一般湿地（西湾滩）") calls it by that name from then on."""

from __future__ import annotations

import pytest

from shanxi_policy.check.proposal import analyze


def _terms(text: str, index: int) -> list[str]:
    return analyze(text).facts[index].concept_terms()


def test_the_bracketed_name_stands_for_the_concept():
    text = "建设地点：大堤外侧有一片县政府公布的一般湿地（西湾滩）。临时工程：在西湾滩内平整场地，建设施工营地。"
    assert "湿地" in _terms(text, 1)


@pytest.mark.parametrize("note", ["拟建", "含税", "以下简称项目"])
def test_a_note_in_brackets_is_no_name(note):
    text = f"建设地点：一般湿地（{note}）东侧。临时工程：在{note}平整场地。"
    assert "湿地" not in _terms(text, 1)


def test_a_name_after_another_word_is_not_the_concepts():
    text = "建设地点：县城东关村（西湾滩）东侧。临时工程：在西湾滩内平整场地。"
    assert "湿地" not in _terms(text, 1)
