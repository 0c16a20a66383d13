"""Findings of the forty-fifth user trial (a county approval desk reading small projects: a quarry in a nature reserve's
实验区, a layer farm in a county's 城关镇, a petrol station's upgrade …), each a general case."""

from __future__ import annotations

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_a_quarry_in_the_experimental_zone(library_kb):
    # "项目用地位于…自然保护区实验区内" and "山体石灰岩就地开采…松动爆破": works that destroy resources and landscape
    # (第三十二条, the 实验区 ban, judged beside the 核心区和缓冲区 one) and quarrying (第二十六条), without 采矿权
    text = trial_text("45_P06").replace("采矿权出让手续正在办理，", "")
    rep = check_proposal(library_kb, text)
    assert relations(rep, "自然保护区条例", "第三十二条") == {"conflict"}
    assert relations(rep, "自然保护区条例", "第二十六条") == {"conflict"}


def test_a_countys_chengguan_town_is_not_its_county_town(library_kb):
    # "汾源县城关镇后沟村": 县城 is read across 县 and 城关镇; a farm there is not in a 城镇居民区
    rep = check_proposal(library_kb, trial_text("45_V05"))
    assert "conflict" not in relations(rep, "畜禽规模养殖污染防治条例", "第十一条")


def test_years_elapsed_are_read_from_the_approval_and_the_start(library_kb):
    # approved "2024年11月", to start "2025年3月": not five years, whatever other years the proposal names
    rep = check_proposal(library_kb, trial_text("45_P07"))
    assert not relations(rep, "环境影响评价法", "第二十四条") & {"attention", "conflict"}
