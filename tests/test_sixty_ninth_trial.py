"""Findings of the sixty-ninth user trial (a city energy bureau's coal desk screening mines, washeries, coal yards and
their works), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.negation import former_site
from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def _checks(rep) -> set[str]:
    return {f.check_id for f in rep.findings if f.check_id}


def test_an_open_coal_yard_is_no_straw_burning(library_kb):
    # "露天储煤场四周设置防风抑尘网": 露天 is shared with 大气法 第七十七条 "露天焚烧秸秆…", the burning is not done; the site
    # "原为采石场" is a former quarry, no quarrying (自然保护区条例 第二十六条); the buffer-zone conflicts stay
    rep = check_proposal(library_kb, trial_text("69_P09"))
    assert "conflict" not in relations(rep, "大气污染防治法", "第七十七条")
    assert "conflict" not in relations(rep, "自然保护区条例", "第二十六条")
    assert "conflict" in relations(rep, "自然保护区条例", "第二十八条")
    assert relations(rep, "大气污染防治法", "第七十二条") & {"attention", "conflict"}


@pytest.mark.parametrize(("before", "after", "words", "former"), [
    ("园区北部约60亩用地为原某", "场废弃场地", "采石", True),
    ("且原为", "已无植被", "采石场", True),
    ("位于废弃", "场内", "采石", True),
    ("本项目", "年产石料10万吨", "采石场", False),
])
def test_former_works(before, after, words, former):
    assert former_site(before, after, words) is former


def test_medical_waste_left_in_the_open_is_still_a_conflict(library_kb):
    # the manner (露天) with the thing the act is done to (针头) shows the act in other words (放在…露天角落)
    text = "项目名称：民营口腔诊所开办项目。废物处理：诊疗产生的沾血棉球、针头等装袋后放在后院露天角落，每周由处置单位清运一次。"
    assert "conflict" in relations(check_proposal(library_kb, text), "医疗废物管理条例", "第十七条")


def test_sludge_over_the_limits_used_to_reclaim_farmland(library_kb):
    # "污泥中铅、镉、砷含量高于《农用地土壤污染风险管控标准》筛选值…平台复垦为耕地": 土壤法 第三十三条; the standard's
    # title holding 土壤 does not undo an act shown by the words outside it
    rep = check_proposal(library_kb, trial_text("69_P05"))
    # (the conflict on the ban itself, not on the same article's duty to keep topsoil apart)
    assert any(f.relation == "conflict" and f.article == "第三十三条" and "重金属" in f.hit.quote
               for f in rep.findings if "土壤污染防治法" in f.doc_label)


@pytest.mark.parametrize(("prefix", "law", "article", "relation"), [
    # "原煤、产品煤全部进入筒仓储存…不设露天储煤场": stored enclosed
    ("69_P02", "大气污染防治法", "第七十二条", "supports"),
])
def test_coal_stored(library_kb, prefix, law, article, relation):
    assert relation in relations(check_proposal(library_kb, trial_text(prefix)), law, article)


@pytest.mark.parametrize("prefix", ["69_P02", "69_P07", "69_P08"])
def test_mine_restoration_kept_to_mining(library_kb, prefix):
    # a washery, a mine-water plant and a rail loading station mine nothing: no 矿山生态修复 reminder
    assert "mine_restoration" not in _checks(check_proposal(library_kb, trial_text(prefix)))


def test_water_kept_in_a_closed_loop_saves_water(library_kb):
    # "生产用水闭路循环…回用于厂区绿化": the seed policy's water-saving check is met, not left open
    rep = check_proposal(library_kb, trial_text("69_P02"))
    assert [f.relation for f in rep.findings if f.check_id == "water_saving"] == ["supports"]


def test_fewer_diesel_lorries_is_no_lorry_fleet(library_kb):
    # "每年可减少重型柴油货车运输约30万车次": the seed policy's 国四柴油货车 check does not ask the rail station of its lorries
    assert "diesel_trucks" not in _checks(check_proposal(library_kb, trial_text("69_P08")))


def test_loose_coal_hauled_by_lorry(library_kb):
    # "原煤由社会重型自卸车经县乡公路运入站内": 大气法 第七十条 asks the loads closed or covered; a closed coal shed is
    # no cover for the lorries
    text = ("项目名称：某煤炭集运站项目。运输方式：周边煤矿的原煤由重型自卸车经县乡公路运入站内。"
            "环保措施：储煤场建全封闭储煤棚，场内道路全部硬化。")
    assert "attention" in relations(check_proposal(library_kb, text), "大气污染防治法", "第七十条")
