"""Findings of the eighty-eighth user trial (a county court's environmental tribunal clerk), each a general case."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "刑法第三百三十八条怎么规定？",
    "污染环境罪判几年？刑法第三百三十八条怎么规定？",
])
def test_a_two_character_law_not_held(library_kb, question):
    # "刑法" is a law the library lacks: no article of another law is given for "第三百三十八条"
    ans = library_kb.ask(question)
    assert "刑法" in ans.message or "刑法" in ans.text
    assert not any(c.clause_id == "环境保护法:a38" and ans.found for c in ans.citations[:1])
