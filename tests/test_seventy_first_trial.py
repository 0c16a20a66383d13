"""Findings of the seventy-first user trial (a county culture and tourism bureau screening cableways, guesthouses, a ski
resort, rafting, a traditional village and a scenic area's sewage works), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.facts import service_only
from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def _checks(rep) -> dict[str, str]:
    return {f.check_id: f.relation for f in rep.findings if f.check_id}


def test_a_zone_drawn_as_a_pian_qu(library_kb):
    # "落在…省级自然保护区的缓冲片区内": a zone of the reserve's zoning map, whatever it is called (自然保护区条例
    # 第二十八条、第三十二条)
    rep = check_proposal(library_kb, trial_text("71_P01"))
    assert "conflict" in relations(rep, "自然保护区条例", "第三十二条")
    assert "conflict" in relations(rep, "自然保护区条例", "第二十八条")


def test_a_red_line_kept_clear_is_no_ecology_refused(library_kb):
    # "不占用生态保护红线": 生态保护 there names a zone, and the approved assessment covers the ecological impact
    rep = check_proposal(library_kb, trial_text("71_P03"))
    assert _checks(rep).get("tourism_ecology") != "conflict"
    assert rep.verdict != "conflict"


def test_an_assessment_still_being_written_meets_no_check(library_kb):
    # "环境影响报告书目前正在编制": the seed policy's ecology check is not met by it; and water taken from a river with the
    # permit "拟在项目整体验收时一并办理" is a permit not yet held (水法 第四十八条), not one shown held by 取得 and 取水
    # gathered from two sentences
    rep = check_proposal(library_kb, trial_text("71_P04"))
    assert _checks(rep).get("tourism_ecology") == "attention"
    assert relations(rep, "水法", "第四十八条") == {"attention"}
    assert "supports" not in relations(rep, "黄河保护法", "第五十条")


def test_a_sentence_in_conflict_supports_nothing(library_kb):
    # "弃渣就近堆放在…右岸的河滩地上": a conflict (固废法 第二十条); the same words show no duty to reduce waste kept
    rep = check_proposal(library_kb, trial_text("71_P05"))
    assert "conflict" in relations(rep, "固体废物污染环境防治法", "第二十条")
    for article in ("第四条", "第五条", "第三十八条"):
        assert "supports" not in relations(rep, "固体废物污染环境防治法", article)


@pytest.mark.parametrize(("prefix", "law", "article"), [
    # a snack street of 18 stalls, a 400-seat restaurant, a canteen with 12 stoves: fume purifiers never named
    ("71_P07", "大气污染防治法", "第八十一条"),
    ("71_P08", "大气污染防治法", "第八十一条"),
    ("71_P10", "大气污染防治法", "第八十一条"),
    # "化学、生物实验室各2间": spent reagents are hazardous waste
    ("71_P10", "固体废物污染环境防治法", "第七十九条"),
])
def test_duties_never_addressed(library_kb, prefix, law, article):
    assert "attention" in relations(check_proposal(library_kb, trial_text(prefix)), law, article)


def test_a_new_works_with_its_permit_renews_nothing(library_kb):
    # "污水处理站已取得排污许可证": 排污许可条例 第十五条 is renewal for a change made while holding it; sludge "运至县城
    # 污水处理厂统一处置" is sludge disposed of (the seed policy's check)
    rep = check_proposal(library_kb, trial_text("71_P11"))
    assert "attention" not in relations(rep, "排污许可管理条例", "第十五条")
    assert _checks(rep).get("wastewater_plant") != "attention"
    assert rep.verdict == "supports"


def test_a_platform_and_training_meet_no_seed_check(library_kb):
    rep = check_proposal(library_kb, trial_text("71_P12"))
    assert not _checks(rep)
    assert not [f for f in rep.findings if f.relation in ("conflict", "attention")]


@pytest.mark.parametrize(("title", "service"), [
    ("“智游兴岚”全域文旅数字化服务平台及导游人才培训项目", True),
    ("智慧环保监管信息系统建设项目", True),
    ("研学实践基地建设项目", False),
    ("导游培训基地及配套宿舍楼", False),
])
def test_service_only(title, service):
    assert service_only(title) is service


def test_a_well_sealed_needs_no_water_permit(library_kb):
    # (the other sentences keep the judge from citing 水法 第四十八条 itself, so the duty's own exemption is what is tested)
    text = ("项目名称：某饮料厂自备井关停封填工程。现状：厂区有自备水源井2眼，现已全部改用城市自来水。工程内容：逐眼清理井内"
            "杂物，用黏土球和水泥浆分段填实，井口浇筑混凝土封盖，封填结果报水行政主管部门验收。其他：生产废水经厂内污水站处理后"
            "排入市政污水管网，已取得排污许可证。")
    rep = check_proposal(library_kb, text)
    assert "obligation:water_permit" not in _checks(rep)
    # (a well of its own still in use binds it)
    used = "项目名称：某食品厂扩建项目。建设内容：新建生产线一条，生产用水由厂区自备水源井供给，废水经处理后排入市政管网。"
    assert "attention" in relations(check_proposal(library_kb, used), "水法", "第四十八条")


def test_a_treated_discharge_shows_no_standard_met(library_kb):
    # "隧道窑烟气经除尘后通过35米排气筒排放": treatment, not 大气法 第十八条's standard met; "达标排放" shows it
    bare = "项目名称：某砖厂项目。隧道窑烟气经除尘后通过35米排气筒排放。"
    met = "项目名称：某砖厂项目。隧道窑烟气经除尘脱硫后达标排放，颗粒物浓度低于10mg/m3。"
    assert "supports" not in relations(check_proposal(library_kb, bare), "大气污染防治法", "第十八条")
    assert "supports" in relations(check_proposal(library_kb, met), "大气污染防治法", "第十八条")


def test_a_system_upgrade_has_no_related_clauses(library_kb):
    # "住房公积金…信息系统升级改造项目": 改造 of a system builds nothing; no clause is related by shared words
    rep = check_proposal(library_kb, trial_text("73_P12"))
    assert rep.verdict == "unrelated" and not rep.findings
