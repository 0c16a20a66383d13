"""Findings of the ninety-seventh user trial (a county natural-resources bureau screening land, mining and restoration
projects) and of the ninety-fifth's that stayed open, each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.negation import find_mentions
from shanxi_policy.check.proposal import analyze
from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_smelting_slag_and_polluted_soil_filled_into_a_reclaimed_pit(library_kb):
    # "利用…铅锌冶炼废渣约4万吨及其厂区拆除时挖出的污染土约2万立方米回填取土坑，上部覆盖30厘米客土后种植玉米": 土壤污染
    # 防治法 第三十三条 had been 相关 (the slag read as removed by the plant's demolition, and the list of things the ban
    # names read as one object)
    rep = check_proposal(library_kb, trial_text("97_P10"))
    assert "conflict" in relations(rep, "土壤污染防治法", "第三十三条")
    assert rep.verdict == "conflict"


@pytest.mark.parametrize("sentence, word, removed", [
    ("利用该公司堆存的冶炼废渣约4万吨及其厂区拆除时挖出的污染土回填取土坑。", "冶炼废渣", False),
    ("利用厂区拆除时挖出的污染土回填。", "污染土", False),
    ("拆除现有燃煤锅炉，改用电锅炉。", "燃煤锅炉", True),
    ("现有燃煤锅炉全部拆除。", "燃煤锅炉", True),
])
def test_what_a_demolition_yields_is_not_removed(sentence, word, removed):
    m = next(x for x in find_mentions(sentence, [word], removal_negates=True))
    assert m.negated is removed


def test_hazardous_waste_sold_to_an_individual_collector(library_kb):
    # "废机油、废润滑油…定期卖给附近一名个体废油回收户，未签订合同": an individual holds no hazardous-waste licence
    # (固废法 第八十条 had been 需关注); the contract not signed is no construction contract (建设项目环境保护管理条例
    # 第十六条 "纳入施工合同" had been 冲突)
    rep = check_proposal(library_kb, trial_text("97_P11"))
    assert "conflict" in relations(rep, "固体废物污染环境防治法", "第八十条")
    assert "conflict" not in relations(rep, "建设项目环境保护管理条例", "第十六条")


def test_a_general_duty_of_care_is_not_missing(library_kb):
    # "收集的除尘灰返回配料使用" and 固废法 第十九条 "加强对相关设施、设备和场所的管理和维护": no proposal states it; it
    # had been the only 需关注 of a brickworks with every paper
    rep = check_proposal(library_kb, trial_text("97_P02"))
    assert "attention" not in relations(rep, "固体废物污染环境防治法", "第十九条")
    assert rep.verdict == "supports"


def test_farmland_works_that_avoid_the_red_line_and_save_water(library_kb):
    # "项目区已避让生态保护红线", "配套低压管道灌溉", "表土剥离单独堆放": no red line is taken, pipe irrigation saves water,
    # and topsoil stripped is no mine's stripping (three 需关注 of the seed policy had been raised)
    rep = check_proposal(library_kb, trial_text("97_P06"))
    for section in ("（一）", "（七）", "（十六）"):
        assert not [f for f in rep.findings if f.relation == "attention" and section in f.article]


def test_an_information_system_is_not_reviewed_as_works(library_kb):
    # a planning "一张图" system that holds the red line and farmland layers: no law on land is missing for it, and it keeps
    # no red line by showing one (水污染防治法 第二十九条 had been 符合)
    rep = check_proposal(library_kb, trial_text("97_P12"))
    assert not rep.gaps
    assert not [f for f in rep.findings if f.relation in ("supports", "attention", "conflict")]


def test_an_exemption_the_authority_confirmed_in_writing(library_kb):
    # ninety-fifth trial: "县生态环境局已出具书面意见：本项目属市政管网工程，按名录不需编制环评文件" (环评法 第十六条 had
    # been 需关注)
    rep = check_proposal(library_kb, trial_text("95_P04"))
    assert "attention" not in relations(rep, "环境影响评价法", "第十六条")


def test_spoil_piled_outside_the_river_beside_a_kept_wetland(library_kb):
    # ninety-fifth trial: "河道内原有芦苇湿地全部保留…施工土方在河道管理范围外临时堆放并覆盖，建筑垃圾运至县消纳场": the
    # pile is outside the river, so outside its wetland (湿地保护法 第二十八条 had been 冲突), and "河道内" said of the wetland
    # is not how the spoil is piled (固废法 第六十三条 had been 冲突)
    rep = check_proposal(library_kb, trial_text("95_P09"))
    assert "conflict" not in relations(rep, "湿地保护法", "第二十八条")
    assert "conflict" not in relations(rep, "固体废物污染环境防治法", "第六十三条")
    assert rep.verdict != "conflict"


def test_a_pile_inside_the_zone_is_still_there():
    # the guard: a pile said to be inside, or where no outside is said, is not put outside
    fact = analyze("施工土方在河道管理范围内临时堆放。").facts[0]
    from shanxi_policy.check.judges import _act_put_outside

    assert not _act_put_outside(["堆放"], fact)
    fact = analyze("施工土方在河道管理范围外临时堆放并覆盖。").facts[0]
    assert _act_put_outside(["堆放"], fact)
