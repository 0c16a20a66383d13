"""Findings of the thirtieth user trial (a city bureau's soil and solid-waste desk), each a general case."""

from __future__ import annotations


def test_the_fine_on_the_party_comes_before_the_detention_of_its_managers(library_kb):
    # 固废法 第一百一十四条 fines unlicensed hazardous-waste business; 第一百二十条（四）detains its managers; 第一百一十二条
    # （四）punishes handing waste to an unlicensed party, another act
    ans = library_kb.ask("无许可证从事危险废物经营活动的怎么处罚？")
    cited = [h.clause_id for h in ans.citations]
    assert cited[0] == "固体废物污染环境防治法:a114"
    assert "固体废物污染环境防治法:a112" not in cited[:2]
