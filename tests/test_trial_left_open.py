"""What the fourteenth user trial left open, each a general case: a paper another party lacks, a sanction read as a
ban, an act into a place the proposal never does, a thing named but not dumped, works the project only sends to."""

from __future__ import annotations

import pytest

from shanxi_policy.check.proposal import PRESENT, analyze, state_at
from shanxi_policy.check.service import check_proposal
from shanxi_policy.norms.extract import extract_clause_norms


def _cited(rep, relation: str, law: str, article: str) -> bool:
    return any(f.relation == relation and law in f.doc_label and f.article == article for f in rep.findings)


def test_a_paper_another_party_lacks_is_not_the_projects_permit(library_kb):
    rep = check_proposal(library_kb, "项目名称：某化工园区精细化工中间体项目。年产生精馏残渣等危险废物约320吨，"
                                     "企业拟交邻县一家废旧物资回收公司定期上门收购，该公司暂未取得危险废物经营许可证。"
                                     "工艺废水经厂内预处理后排入园区污水处理厂。")
    assert _cited(rep, "conflict", "固体废物污染环境防治法", "第八十条")
    # "未取得排污许可证的，不得排放污染物" is about the discharger's own permit
    assert not _cited(rep, "conflict", "排污许可管理条例", "第二条")
    assert not _cited(rep, "conflict", "环境保护法", "第四十五条")


def test_a_project_lacking_its_own_permit_still_breaks_the_ban(library_kb):
    rep = check_proposal(library_kb, "项目名称：某化工厂。项目尚未取得排污许可证，已投入生产，生产废水经处理后排入河道。")
    assert _cited(rep, "conflict", "排污许可管理条例", "第二条") or _cited(rep, "conflict", "环境保护法", "第四十五条")


def test_a_sanction_sentence_is_a_penalty_not_a_prohibition(library_kb):
    norms = extract_clause_norms(library_kb.clause("大气污染防治法:a114"))
    zone = [n for n in norms if "区域" in n.quote]
    assert zone and all(n.kind == "penalty" for n in zone)
    # the 禁止 inside "在禁止使用…的区域" names the zone; the action keeps it
    assert all("禁止使用" in n.action for n in zone)
    rep = check_proposal(library_kb, "项目名称：某水泥粉磨站项目。设备基础施工使用挖掘机、混凝土泵车等设备，"
                                     "场址位于某镇工业集中区。")
    assert not _cited(rep, "conflict", "大气污染防治法", "第一百一十四条")


def test_wastewater_used_for_irrigation_is_no_discharge_into_a_channel(library_kb):
    rep = check_proposal(library_kb, "项目名称：某农牧公司存栏5000头生猪养殖场建设项目。猪尿和冲洗水进入场内两座沉淀池，"
                                     "沉淀后用于周边农田灌溉。")
    assert not _cited(rep, "conflict", "水污染防治法", "第五十八条")
    rep = check_proposal(library_kb, "项目名称：某化工厂。生产废水不经处理，通过暗渠直接排入村东农田灌溉渠道。")
    assert _cited(rep, "conflict", "水污染防治法", "第五十八条")


@pytest.mark.parametrize("act", ["生产固废（金属碎屑、废砂轮片）装袋后扔进厂门口街道的垃圾箱",
                                 "金属碎屑等工业固体废物装袋后放到厂门口街道的垃圾桶"])
def test_waste_put_in_a_bin_is_put_in_a_household_collection_facility(library_kb, act):
    rep = check_proposal(library_kb, f"项目名称：某机械配件厂扩建项目。{act}，由环卫车辆清运。")
    assert _cited(rep, "conflict", "固体废物污染环境防治法", "第三十六条")


def test_spoil_named_is_not_spoil_dumped(library_kb):
    rep = check_proposal(library_kb, "项目名称：某县废弃露天煤矿生态修复工程。主要工程：削坡整形、采坑回填、覆土绿化。"
                                     "回填物料为周边建筑垃圾和煤矸石，不使用生活垃圾和工业危险废物。")
    assert not _cited(rep, "conflict", "固体废物污染环境防治法", "第二十条")
    assert not _cited(rep, "conflict", "固体废物污染环境防治法", "第六十三条")
    rep = check_proposal(library_kb, "项目名称：某小区拆迁工程。拆除产生的建筑垃圾由自卸车运至村北河沟倾倒。")
    assert _cited(rep, "conflict", "固体废物污染环境防治法", "第二十条") \
        or _cited(rep, "conflict", "固体废物污染环境防治法", "第六十三条")


def test_works_the_project_sends_to_do_not_make_it_those_works(library_kb):
    def sludge_check(text: str) -> bool:
        return any(f.check_id == "wastewater_plant" for f in check_proposal(library_kb, text).findings)

    assert not sludge_check("项目名称：某高速服务区加油站改扩建项目。生活污水经化粪池后接入服务区污水处理站。")
    assert not sludge_check("项目名称：某化工项目。工艺废水经厂内预处理后排入园区污水处理厂。")
    assert sludge_check("项目名称：某县城第二污水处理厂及配套管网工程。设计规模3万吨/日，出水执行一级A标准。")


@pytest.mark.parametrize("text, implied, not_implied", [
    ("金属碎屑等工业固体废物装袋后暂存。", "固体废物", ["污泥", "倾倒", "建筑垃圾"]),
    ("脱水污泥暂存于污泥间。", "固体废物", []),
    ("拆除产生的建筑垃圾运至消纳场。", "固体废物", []),
    ("项目所在区域固体废物污染防治水平较高。", "固体废物", ["建筑垃圾", "污泥"]),
])
def test_a_general_word_does_not_imply_its_kinds(text, implied, not_implied):
    terms = {t for f in analyze(text).facts for m in f.mentions for t in m.terms}
    assert implied in terms or implied in text
    assert not terms & set(not_implied)


def test_wastewater_without_treatment_still_takes_part_in_the_discharge():
    text = "生产废水不经处理，通过暗渠直接排入农田灌溉渠道。"
    assert state_at(text, 2, 4, proposal=True) == PRESENT
    assert state_at("生产废水不外排。", 2, 4, proposal=True) != PRESENT
