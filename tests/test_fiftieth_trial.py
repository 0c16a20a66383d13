"""Findings of the fiftieth user trial (a township's deputy head asked by villagers, farmers and small workshops),
each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.lexicon import expand


@pytest.mark.parametrize(("question", "has", "lacks"), [
    # a longer lay word holds the shorter one: "玉米秆子" is 秸秆, not 玉米's 高秆作物
    ("我家把玉米秆子在地里烧了，罚多少？", "秸秆", "高秆作物"),
    ("村里有人在河道里种玉米", "高秆作物", "秸秆"),
])
def test_the_longer_lay_word_is_meant(question, has, lacks):
    out = expand(question)
    assert has in out and lacks not in out


def test_burning_maize_stalks(library_kb):
    ans = library_kb.ask("我家把玉米秆子在地里烧了，村里说要罚款，真的要罚吗？罚多少？")
    assert ans.citations[0].clause_id == "大气污染防治法:a119"
