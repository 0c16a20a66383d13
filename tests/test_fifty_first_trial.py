"""Findings of the fifty-first user trial (a provincial EIA desk: a tailings dam raised by a Yellow River tributary, a
substation, an electroplating park, a hospital, a coal-bed gas station), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


@pytest.mark.parametrize(("proposal", "law", "article"), [
    # "站址不在饮用水水源保护区范围内，距最近的…饮用水水源地二级保护区边界约3.2公里": a distance to the zone, however
    # long the zone's name, puts the site outside it
    ("51_P09", "水污染防治法", "第六十六条"),
    # "厂界噪声满足《工业企业厂界环境噪声排放标准》2类要求": the standard's title makes no substation a 工业企业
    ("51_P04", "噪声污染防治法", "第三十五条"),
    # "禁止利用无防渗漏措施的沟渠、坑塘等…": the means are the ditches and ponds; "地面防渗" shows none
    ("51_P07", "水污染防治法", "第四十条"),
    # "均不在亳清河岸线管控范围内": the site is outside the zone the ban names; the zone the province designated
    # ("划定岸线管控范围") is not said of the site
    ("51_V2", "黄河保护法", "第二十六条"),
])
def test_compliant_sites_and_measures_are_no_conflict(library_kb, proposal, law, article):
    rep = check_proposal(library_kb, trial_text(proposal))
    assert "conflict" not in relations(rep, law, article)


def test_effluent_left_to_soak_away_in_a_hollow(library_kb):
    # "处理后出水…引至…采空塌陷区形成的积水洼地，依靠自然蒸发和下渗消纳" is a seepage pit (水污染防治法 第三十九条)
    rep = check_proposal(library_kb, trial_text("51_P06"))
    assert relations(rep, "水污染防治法", "第三十九条") == {"conflict"}


def test_an_aim_exception_needs_the_aim_stated():
    from shanxi_policy.check.judges import _mentions_exception
    from shanxi_policy.check.proposal import analyze

    # "以提升安全水平、生态环境保护水平为目的的改建除外" (黄河保护法 第二十六条): "由三等库提升为二等库" with a 安全预评价
    # states no such aim; "为提升尾矿库安全水平" does
    exc = "但是以提升安全水平、生态环境保护水平为目的的改建除外"
    act = "新建、改建、扩建尾矿库"
    facts = analyze("尾矿库等别由三等库提升为二等库，安全预评价已完成。"
                    "为提升尾矿库安全水平，对排洪系统进行改建。").facts
    assert [_mentions_exception(exc, act, f) for f in facts] == [False, True]


def test_a_works_using_a_loader_is_no_maker_of_machines(library_kb):
    # "经铲车转运": 大气法 第五十二条 binds "机动车、非道路移动机械生产企业", and 第五十条 restricts such machines' growth
    # ("限制高油耗、高排放…非道路移动机械的发展"); a refractory works that uses a loader is neither
    rep = check_proposal(library_kb, trial_text("51_P10"))
    assert not relations(rep, "大气污染防治法", "第五十二条") & {"conflict", "attention"}
    assert not relations(rep, "大气污染防治法", "第五十条") & {"conflict", "attention"}
