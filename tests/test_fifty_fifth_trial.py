"""Findings of the fifty-fifth user trial (a city approval bureau's desk for urban, commercial and small works: a
shopping centre, a dental clinic, a printing works, a wood-preserving plant, a vegetable drier, a gas boiler house),
each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


@pytest.mark.parametrize(("proposal", "law", "article"), [
    # "项目北侧隔规划支路约30米为已建成的锦纶花园住宅小区": what stands around the site is built, not the project
    ("55_P01", "环境影响评价法", "第二十五条"),
    # "医疗废物…不出售、不转让": a duty bounded by what is feasible (清洁生产促进法 第二十六条) is not broken by it
    ("55_P04", "清洁生产促进法", "第二十六条"),
    # "生活垃圾交环卫清运" and a fume hood's "收集" name no 生活垃圾收集设施 the works' scraps go into
    ("55_P06", "固体废物污染环境防治法", "第三十六条"),
    # "不在饮用水水源保护区、自然保护区、风景名胜区范围内": a denial covers each place it lists
    ("55_P11", "环境保护法", "第三十五条"),
])
def test_no_conflict_from_words_around_the_act(library_kb, proposal, law, article):
    rep = check_proposal(library_kb, trial_text(proposal))
    assert "conflict" not in relations(rep, law, article)


@pytest.mark.parametrize(("proposal", "law", "article"), [
    # "引入厂区西北角原有的一眼旱井，自然下渗，不外排": the well lets the liquid away, whatever is said of the surface
    ("55_P08", "水污染防治法", "第三十九条"),
    # "改建清洗切制车间、烘干车间…配套烘干线" inside a 缓冲区: workshops and lines are production facilities
    ("55_P09", "自然保护区条例", "第三十二条"),
])
def test_breaches_in_other_words(library_kb, proposal, law, article):
    rep = check_proposal(library_kb, trial_text(proposal))
    assert "conflict" in relations(rep, law, article)


def test_an_existing_building_fitted_out_is_no_new_building(library_kb):
    # "2层既有建筑，建筑面积920平方米，不改变建筑主体结构": the seed policy's 绿色建筑 binds 城镇新建建筑
    rep = check_proposal(library_kb, trial_text("55_P12"))
    assert not [f for f in rep.findings if f.check_id == "green_building"]
