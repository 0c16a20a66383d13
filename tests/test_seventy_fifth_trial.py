"""Findings of the seventy-fifth user trial (a city ecology bureau's assessment section screening works in a chemical
and metallurgy park), each a general case."""

from __future__ import annotations

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_a_chemical_unit_on_a_tributarys_shore(library_kb):
    # "粗苯加氢精制装置" is a chemical project; "汾河干流岸线…管控范围…管控带以内" is within the shore control zone of
    # the Yellow River's main stream and tributaries (黄河保护法 第二十六条): 干流 is made of 干支流's own characters
    rep = check_proposal(library_kb, trial_text("75_P01"))
    assert "conflict" in relations(rep, "黄河保护法", "第二十六条")


def test_works_sixty_percent_built_before_approval(library_kb):
    # "取得备案证明后随即组织施工…热风炉及矿槽土建已基本完成，整体形象进度约60%" with the assessment still a draft
    rep = check_proposal(library_kb, trial_text("75_P02"))
    assert "conflict" in relations(rep, "环境影响评价法", "第二十五条")


def test_ultra_low_emissions_add_nothing(library_kb):
    # 大气法 第六十六条 "…添加剂…不得增加新的大气污染物排放" is not broken by flue gas held to ultra-low limits
    rep = check_proposal(library_kb, trial_text("75_P11"))
    assert "conflict" not in relations(rep, "大气污染防治法", "第六十六条")


def test_an_allocation_scheme_builds_nothing(library_kb):
    # "关于园区人才公寓分配管理的实施方案": allocating flats in a park is no works; 园区 says where, not what
    rep = check_proposal(library_kb, trial_text("75_P12"))
    assert rep.verdict == "unrelated" and not rep.findings
