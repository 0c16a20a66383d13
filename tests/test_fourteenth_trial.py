"""Findings of the fourteenth user trial (an approval office checking proposals of many industries), each a general
case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.proposal import PRESENT, analyze, in_permit_name
from shanxi_policy.check.service import check_proposal


def _cited(rep, relation: str, law: str, article: str) -> bool:
    return any(f.relation == relation and law in f.doc_label and f.article == article for f in rep.findings)


@pytest.mark.parametrize("works", [
    "项目已于2024年5月进场开展土石方和主厂房基础施工",
    "项目已于今年3月开始主厂房基础施工",
])
def test_works_begun_on_site_before_the_assessment_is_approved_break_the_law(library_kb, works):
    rep = check_proposal(library_kb, f"项目名称：某市生活垃圾焚烧发电项目。{works}，环境影响报告书目前正在编制，计划年底前报批。")
    assert _cited(rep, "conflict", "环境影响评价法", "第二十五条")


def test_works_planned_after_the_approval_are_not_begun(library_kb):
    rep = check_proposal(library_kb, "项目名称：某垃圾焚烧发电项目。环境影响报告书正在编制，计划明年3月取得批复后进场施工。")
    assert not _cited(rep, "conflict", "环境影响评价法", "第二十五条")


def test_sludge_sent_to_an_incineration_plant_is_not_burning_in_town(library_kb):
    rep = check_proposal(library_kb, "项目名称：某县城污水处理厂。污泥脱水后送市生活垃圾焚烧发电厂协同焚烧处置。")
    assert not _cited(rep, "conflict", "大气污染防治法", "第八十二条")
    rep = check_proposal(library_kb, "项目名称：某县城废品站。收来的废塑料、废橡胶在县城院内定期焚烧。")
    assert _cited(rep, "conflict", "大气污染防治法", "第八十二条")


def test_a_by_way_of_is_no_hand_over(library_kb):
    # "改由旁路烟道直接排放": the plant still discharges; 由 names the way
    rep = check_proposal(library_kb, "项目名称：某热电公司燃煤机组运行优化方案。主要内容：脱硫塔检修期间，烟气不经脱硫塔，"
                                     "改由原旁路烟道直接进入烟囱排放，其间在线监测数据暂停上传。")
    assert _cited(rep, "conflict", "大气污染防治法", "第二十条")


@pytest.mark.parametrize("text", [
    "项目名称：某水泥粉磨站项目。厂址距最近的村民住宅约50米，周边为成片村民住宅。设备基础浇筑安排昼夜连续施工，每天施工到凌晨2点。",
    "项目名称：某水泥粉磨站项目。厂址紧邻居民区。设备基础浇筑安排昼夜连续施工，每天施工到凌晨2点，未取得夜间施工证明。",
    "项目名称：某水泥粉磨站项目。厂址距最近的村民住宅约50米。施工安排在夜间进行，未取得夜间施工证明。",
])
def test_night_work_near_homes_in_an_applicants_words(library_kb, text):
    rep = check_proposal(library_kb, text)
    assert _cited(rep, "conflict", "噪声污染防治法", "第四十三条")


def test_lacking_a_paper_does_not_deny_what_it_is_for():
    text = "设备基础浇筑未取得夜间施工证明。"
    at = text.index("夜间")
    assert in_permit_name(text, at, at + 2)
    assert not in_permit_name("夜间不施工。", 0, 2)
    # the lexicon's 夜间 is not read as denied there
    assert not [m for f in analyze(text).facts for m in f.mentions if "夜间" in m.terms and m.state != PRESENT]
