"""Findings of the thirty-ninth user trial (an enforcement inspector reading proposals and works already built: a
medical-waste plant running on a licence still under review, a plant in a nature reserve's experimental zone, a
waste incinerator, a mineral-water plant …), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.curated import _own_works
from shanxi_policy.check.engine import binds_project
from shanxi_policy.check.judges import _eia_approved_first, _emits
from shanxi_policy.check.negation import is_zone, outside, present, works_begun
from shanxi_policy.check.proposal import analyze, project_fact
from shanxi_policy.check.service import check_proposal
from shanxi_policy.norms.model import Norm
from shanxi_policy.retrieve.filters import DocFilter

from .check_helpers import relations, trial_text


def test_an_assessment_approved_before_the_works_began_is_no_breach(library_kb):
    # "环境影响报告书已于2023年4月取得…批复" and "项目于2023年5月开工"; the plant runs on a licence under review
    rep = check_proposal(library_kb, trial_text("39_P03"))
    assert "conflict" not in relations(rep, "环境影响评价法", "第二十五条")
    assert "conflict" not in relations(rep, "建设项目环境保护管理条例", "第九条")
    # "中心自2024年7月起进入试运行阶段，目前日均接收处置…" with the licence "处于技术审查阶段": running without it
    assert relations(rep, "固体废物污染环境防治法", "第八十条") == {"conflict"}


@pytest.mark.parametrize("text, first", [
    ("环境影响报告书已于2023年4月取得市行政审批局批复。项目于2023年5月开工。", True),
    ("项目于2023年5月开工。环境影响报告书已于2024年4月取得批复。", False),  # approved after the works began
    ("项目已取得环评批复，计划明年开工。", True),
    ("环评报告已报送审批部门，待批复后开工。", False),  # waiting, not held
    ("项目先行开工，环评批复已于今年取得。", False),  # works ahead of the approval
])
def test_an_approval_counts_only_when_held_before_the_start(text, first):
    fact = project_fact(analyze(text)) or analyze(text).facts[0]
    assert _eia_approved_first(fact) is first


def test_works_run_ahead_of_an_assessment_still_to_come_breach_it(library_kb):
    # "环评手续拟在正式生产前补办。目前一条粉剂分装线已试生产"
    rep = check_proposal(library_kb, trial_text("39_P05"))
    assert relations(rep, "环境影响评价法", "第二十五条") == {"conflict"}
    assert relations(rep, "水污染防治法", "第三十九条") == {"conflict"}  # the dry well soaking up the wash water


def test_an_assessment_under_way_for_works_not_begun_needs_attention(library_kb):
    # "正在办理用地、环评等手续"; and the incinerator 8 km from the county town is not burning in a populated area
    rep = check_proposal(library_kb, trial_text("39_P10"))
    assert relations(rep, "环境影响评价法", "第二十五条") == {"attention"}
    assert "conflict" not in relations(rep, "大气污染防治法", "第八十二条")
    assert rep.verdict == "attention"


@pytest.mark.parametrize("text, begun", [
    ("目前一条粉剂分装线已试生产。", True),
    ("主体工程及设备安装已完工。", True),
    ("项目计划明年开工建设。", False),
])
def test_works_begun(text, begun):
    assert works_begun(text) is begun


def test_a_works_with_a_stack_in_an_experimental_zone_is_a_polluting_facility(library_kb):
    rep = check_proposal(library_kb, trial_text("39_P09"), doc_filter=DocFilter(doc_types=["法律", "行政法规"]))
    assert relations(rep, "自然保护区条例", "第三十二条") == {"conflict"}
    assert rep.verdict == "conflict"


@pytest.mark.parametrize("text, emits", [
    ("锅炉烟气经多管旋风+布袋除尘后由35米烟囱排放", True),
    ("生产废水经沉淀后回用，不外排", False),
    ("项目不产生废气", False),
])
def test_a_stated_discharge(text, emits):
    assert _emits(text) is emits


def test_a_permit_held_is_not_lacked_because_the_well_is_far_from_the_plant(library_kb):
    # "距水源井约1.5公里" and "已取得…取水许可证": the well is the project's, a distance to it denies nothing
    rep = check_proposal(library_kb, trial_text("39_P08"))
    assert "conflict" not in relations(rep, "水法", "第四十八条")
    # "食品生产许可证正在办理" is no hazardous-waste licence; a mineral-water source is no drinking-water zone
    assert not relations(rep, "固体废物污染环境防治法", "第八十条") & {"attention", "conflict"}
    assert not relations(rep, "水污染防治法", "第六十五条") & {"attention", "conflict"}
    assert rep.verdict != "conflict"


def test_a_distance_to_a_well_or_to_a_town_in_a_bearing():
    assert not is_zone("水源井") and is_zone("水源地")
    text = "县城东北约8公里某村北侧山坡地"
    assert outside(text, 0, 2)
    assert not outside("位于县城东北部工业园区", 2, 4)


def test_land_turned_from_farmland_needs_the_farmland(library_kb):
    # "种植园地" of a kindergarten is no 耕地 turned into 园地; an orchard on 一般耕地 is
    rep = check_proposal(library_kb, trial_text("39_P12"))
    assert not relations(rep, "黄河保护法", "第二十五条") & {"attention", "conflict"}
    rep = check_proposal(library_kb, trial_text("39_P07"))
    assert relations(rep, "黄河保护法", "第二十五条") == {"attention"}


def test_an_orchard_using_pesticides_is_no_chemical_works(library_kb):
    rep = check_proposal(library_kb, trial_text("39_P07"))
    assert not any(f.check_id == "chem_rainwater" for f in rep.findings)
    text = "病虫害防治采用杀虫灯和生物农药为主的绿色防控技术；农药包装废弃物统一回收。"
    assert not _own_works(text, present(text, ["农药"]))


def test_using_natural_gas_is_not_developing_it(library_kb):
    rep = check_proposal(library_kb, trial_text("39_P11"))
    assert not relations(rep, "黄河保护法", "第七十八条") & {"attention", "conflict"}


def test_a_measure_stated_in_the_quoted_sentence_is_not_called_unstated(library_kb):
    rep = check_proposal(library_kb, trial_text("39_P07"))
    finding = next(f for f in rep.findings if f.article == "第七十四条" and "大气" in f.doc_label)
    assert "未说明如何落实" not in finding.reason and "施肥" in finding.reason


def test_a_government_control_of_a_kind_of_works_binds_such_works():
    norm = Norm(norm_id="x:a1#0", clause_id="x:a1", doc_id="x", modality="restriction", trigger="应当严格控制",
                subject="黄河流域县级以上地方人民政府", action="新建人造水景观", scope="", exceptions="", quote="",
                subject_type="government")
    assert binds_project(norm)
    duty = Norm(norm_id="x:a1#1", clause_id="x:a1", doc_id="x", modality="obligation", trigger="应当",
                subject="县级以上地方人民政府", action="组织编制规划", scope="", exceptions="", quote="",
                subject_type="government")
    assert not binds_project(duty)


def test_a_measure_against_a_pollution_stated_meets_a_duty_naming_none(library_kb):
    # "主要产噪设备置于封闭厂房内，设减震基础" meets "采取有效措施，防止、减轻噪声污染"
    rep = check_proposal(library_kb, trial_text("39_P06"))
    assert "attention" not in relations(rep, "噪声污染防治法", "第九条")
    # machines named with no measure against their noise do not meet it
    rep = check_proposal(library_kb, "项目名称：某石材切割厂。建设切割车间，购置切割机6台、空压机2台，年加工石材5万平方米。")
    assert "supports" not in relations(rep, "噪声污染防治法", "第九条")


def test_a_duty_of_running_works_is_no_gap_in_a_proposal_to_build_them(library_kb):
    # "实行排污许可管理的单位应当…对工业噪声开展自行监测，保存原始监测记录，向社会公开监测结果" binds the works once they run
    rep = check_proposal(library_kb, trial_text("39_P06"))
    assert not relations(rep, "噪声污染防治法", "第三十八条") & {"attention", "conflict"}
    assert rep.verdict == "supports"
