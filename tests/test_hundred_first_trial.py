"""Findings of the hundred-and-first user trial (a city enforcement officer signing off small works' rectification
plans), of the hundred-and-second (a coal group's counsel asking about the laws) and of the ninety-ninth's that stayed
open, each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.proposal import PRESENT, put_off, state_at
from shanxi_policy.check.service import check_proposal
from shanxi_policy.text.normalize import normalize_for_search

from .check_helpers import relations, trial_text


def test_a_kiln_running_before_its_papers(library_kb):
    # "新窑于2024年3月建成点火，目前已正常生产…环境影响报告表…预计2025年上半年报批；排污许可证待环评批复后再申请": built
    # and running ahead of its assessment, its acceptance and its permit had been "基本可行" with four 需关注
    rep = check_proposal(library_kb, trial_text("101_P08"))
    assert rep.verdict == "conflict"
    assert "conflict" in relations(rep, "环境影响评价法", "第二十五条")
    assert "conflict" in relations(rep, "建设项目环境保护管理条例", "第十九条")
    assert "conflict" in relations(rep, "环境保护法", "第四十五条")


def test_a_pile_covered_but_not_fenced(library_kb):
    # "煤矸石原料在厂区露天堆场堆放，已覆盖防尘网" had been 符合 on 大气法 第七十二条 when a dust filter shared its
    # sentence: the fallback asks for a fence as high as the pile and a cover, and only the cover is said
    rep = check_proposal(library_kb, trial_text("101_P08"))
    assert "supports" not in relations(rep, "大气污染防治法", "第七十二条")
    assert "attention" in relations(rep, "大气污染防治法", "第七十二条")


@pytest.mark.parametrize("text, word, expected", [
    # what another step waits for is not done yet
    ("排污许可证待环评批复后再申请。", "环评", True),
    ("环评已批复，排污许可证已取得。", "环评", False),
    # the 等 of a list waits for nothing
    ("金属碎屑等工业固体废物装袋后放到厂门口街道的垃圾桶。", "工业固体废物", False),
])
def test_what_a_step_waits_for(text, word, expected):
    t = normalize_for_search(text)
    i = t.find(word)
    assert put_off(t, i, i + len(word)) is expected


def test_a_collector_with_no_licence_of_any_kind(library_kb):
    # "个体回收户王某拉走…王某没有营业执照和相关许可证": 相关 names no kind of licence; 固废法 第八十条 and 危废许可办法
    # 第十五条 had been only 相关
    rep = check_proposal(library_kb, trial_text("101_P03"))
    assert "conflict" in relations(rep, "固体废物污染环境防治法", "第八十条")
    assert "conflict" in relations(rep, "危险废物经营许可证管理办法", "第十五条")


def test_a_transfer_without_its_manifest(library_kb):
    # ninety-ninth trial: "交由本村个体废品收购点…每月上门收购拉走…未办理转移联单" (固废法 第八十二条 had not been a
    # candidate)
    rep = check_proposal(library_kb, trial_text("99_P02"))
    assert "conflict" in relations(rep, "固体废物污染环境防治法", "第八十二条")


def test_a_manifest_kept_is_no_interprovincial_transfer(library_kb):
    # "委托有危险废物经营许可证的单位定期转运处置，执行转移联单制度": "未经批准的，不得转移" is the ban of a transfer out of
    # the province, which nothing here says
    rep = check_proposal(library_kb, trial_text("51_P09"))
    assert "conflict" not in relations(rep, "固体废物污染环境防治法", "第八十二条")
    assert "conflict" not in relations(rep, "固体废物污染环境防治法", "第二十二条")


def test_a_wait_for_the_permit_is_no_permit_refused(library_kb):
    # "在投产前依法申领排污许可证，未取得排污许可证前不排放污染物" is the applicant's promise, not a permit refused
    rep = check_proposal(library_kb, trial_text("31_P05"))
    assert "conflict" not in relations(rep, "大气污染防治法", "第十九条")


def test_vapour_recovery_of_a_petrol_station(library_kb):
    # "完善卸油一次油气回收和加油二次油气回收，新增三次油气回收处理装置": 大气法 第四十七条 (加油加气站…安装油气回收装置)
    # had not been found; a petrol station is a 加油加气站 and a device added is installed
    rep = check_proposal(library_kb, trial_text("101_P02"))
    assert "supports" in relations(rep, "大气污染防治法", "第四十七条")


def test_idling_denied_is_running(library_kb):
    # guard for the change above: "不存在油气回收装置停用的情况" says the device runs, not that it is refused
    rep = check_proposal(library_kb, trial_text("19_P08"))
    assert "attention" not in relations(rep, "大气污染防治法", "第四十七条")
    t = normalize_for_search("每日巡检，不存在油气回收装置停用的情况。")
    i = t.find("油气回收装置")
    assert state_at(t, i, i + 6, proposal=True) == PRESENT


def test_a_car_wash_needs_no_pollutant_permit(library_kb):
    # "已办理城镇污水排入排水管网许可证": a car wash is not in the permit catalogue; 排污许可管理条例 第二条 had been 需关注
    rep = check_proposal(library_kb, trial_text("101_P06"))
    assert "attention" not in relations(rep, "排污许可管理条例", "第二条")


def test_a_town_works_sludge_is_tracked(library_kb):
    # "改造后预计新增化学污泥约0.8吨/天": a town's treatment works that makes sludge and says nothing of where it goes
    # (固废法 第七十一条 had been missed; "流向" had been read as a place)
    rep = check_proposal(library_kb, trial_text("101_P11"))
    assert "attention" in relations(rep, "固体废物污染环境防治法", "第七十一条")


def test_the_applicants_name_relates_to_no_clause(library_kb):
    # "申请人：沟口村再生资源利用合作社。" had carried 水法 第五十二条 (再生水) as 相关
    rep = check_proposal(library_kb, trial_text("101_P09"))
    assert not [f for f in rep.findings if f.evidence.startswith("申请人")]
    assert rep.verdict == "conflict"


def test_running_kilns_read_as_running():
    from shanxi_policy.check.negation import works_begun
    assert works_begun("新窑于2024年3月建成点火，目前已正常生产。")
    assert not works_begun("新窑计划于2025年建成点火。")


# ---- answers --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question, clause", [
    # a tax law is named by its tax
    ("我们综合利用掉的煤矸石，能免环境保护税吗？", "环境保护税法:a12"),
    # a duty left undone, and what the authority does about it
    ("重点排污单位不公开环境信息，会怎么处理？", "环境保护法:a62"),
])
def test_answers_of_the_hundred_and_second_trial(library_kb, question, clause):
    ans = library_kb.ask(question)
    assert ans.citations[0].clause_id == clause


def test_a_party_bound_also_is_shown_with_the_first(library_kb):
    # "矿井水处理后外排进河道，需要办排污许可证吗？" had been answered by the second half of 水污法 第二十一条 alone
    # ("城镇污水集中处理设施的运营单位，也应当取得排污许可证")
    ans = library_kb.ask("矿井水处理后外排进河道，需要办排污许可证吗？")
    assert ans.citations[0].clause_id == "水污染防治法:a21"
    assert "排放工业废水" in ans.text


# ---- the hundred-and-third trial (a development zone's approval bureau screening filings) ---------------------


def test_three_simultaneous_is_no_night_building_site(library_kb):
    # "主体工程与环保设施同时设计、同时施工" and "夜间厂界噪声满足2类标准" had made 噪声法 第四十三条 (夜间建筑施工) a 冲突
    # of a compliant cold store
    rep = check_proposal(library_kb, trial_text("103_P08"))
    assert "conflict" not in relations(rep, "噪声污染防治法", "第四十三条")
    assert rep.verdict != "conflict"


def test_sludge_handed_over_makes_no_sludge_works(library_kb):
    # "企业拟将电镀污泥…交由邻县一家再生资源回收站收购" had been 符合 on 固废法 第七十一条 (城镇污水处理设施…或者污泥处理单位)
    rep = check_proposal(library_kb, trial_text("103_P05"))
    assert not relations(rep, "固体废物污染环境防治法", "第七十一条") & {"supports", "attention", "conflict"}
    assert "conflict" in relations(rep, "固体废物污染环境防治法", "第八十条")


def test_a_coal_fired_plant_silent_on_its_flue_gas(library_kb):
    # "燃煤电厂和其他燃煤单位应当…配套建设除尘、脱硫、脱硝等装置": a plant burning 210万吨 of coal a year that names no
    # treatment (大气法 第四十一条 had not been found: the catch-all class is what binds)
    rep = check_proposal(library_kb, trial_text("103_P11"))
    assert "attention" in relations(rep, "大气污染防治法", "第四十一条")


def test_a_plant_naming_its_flue_gas_treatment(library_kb):
    # guard for the above: "利用现有锅炉烟气治理设施（SCR+电袋除尘+湿法脱硫）" names every facility the article lists
    rep = check_proposal(library_kb, trial_text("85_P07"))
    assert "attention" not in relations(rep, "大气污染防治法", "第四十一条")


def test_a_kiln_with_no_denitration_that_may_use_other_measures(library_kb):
    # "氮氧化物目前未设治理设施…研究是否增加脱硝": 大气法 第四十三条 lets "其他控制大气污染物排放的措施" do instead, so the
    # facility not built is to be shown, not a breach
    rep = check_proposal(library_kb, trial_text("19_P09"))
    assert relations(rep, "大气污染防治法", "第四十三条") == {"attention"}


def test_trial_production_right_after_completion(library_kb):
    # "项目计划2025年6月建成，建成后即开始试生产" with the assessment approved: the acceptance before use (建设项目环境保护
    # 管理条例 第十九条) had not been named
    rep = check_proposal(library_kb, trial_text("103_P04"))
    assert "attention" in relations(rep, "建设项目环境保护管理条例", "第十九条")
