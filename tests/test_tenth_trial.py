"""Defects a new official of a county development-reform office met in the tenth trial: a county duty to fit dust
collectors read as met by "不设集尘装置", open-air piles with no barrier not held to the dust article, a clean-heating
project in conflict for the coal it cuts, a treatment plant in conflict with a ban on unlined ditches, a data centre
built before its EIA was approved cited for "指定编制单位", a heading taken for a fact, a follow-up "是哪个部门印发的？"
answered from a news report, and an imported notice whose number was glued to its issuer."""

from __future__ import annotations

import pytest

from shanxi_policy.check.curated import run_check
from shanxi_policy.check.engine import check_proposal
from shanxi_policy.check.negation import present
from shanxi_policy.check.proposal import split_facts
from shanxi_policy.check.rules import load_checks
from shanxi_policy.ingest.docmeta import extract
from shanxi_policy.text.indicators import extract_indicators
from shanxi_policy.text.structure import parse_document

from .conftest import ROOT, small_library

SAND_YARD = ("××县年产200万吨机制砂石骨料加工项目\n\n项目利用县内石料矿开采的石灰岩生产机制砂和碎石，主要设备为颚式破碎机、"
             "圆锥破碎机、制砂机和振动筛。原料和成品均在厂区露天堆放，堆场面积约3万平方米，暂不设置围挡和苫盖，运输道路为土路。"
             "生产过程中破碎筛分环节不设集尘装置，通过洒水车定期洒水降尘。")
CLEAN_HEATING = ("××县2024年农村清洁取暖改造项目实施方案\n\n计划完成3200户农村清洁取暖改造，以煤改电为主，安装空气源热泵。"
                 "改造完成后拆除农户原有散煤炉具。\n\n预计每年减少散煤消耗约9600吨。")
DATA_CENTRE = ("××县云谷大数据中心项目建议书\n\n一、项目概况\n项目位于县经济技术开发区，建设标准机柜3000架，设计电能利用效率"
               "（PUE）1.45。\n\n二、建设进度\n项目已于2024年3月先行开工，目前1号机房楼主体结构已封顶。项目节能报告正在委托第三方"
               "编制，待编制完成后再报送县发改局审查；环境影响报告表也在同步编制中，尚未报批。")
TREATMENT_PLANT = ("项目名称：某县城镇污水处理厂提标改造工程\n建设地点：某县城东工业园区南侧\n"
                   "建设内容：将现有日处理2万吨污水处理厂出水标准由一级B提升至一级A，新增深度处理单元。\n"
                   "污泥处理：污泥经脱水后外运至县生活垃圾填埋场填埋。")
COUNTY_NOTICE = ("××县人民政府关于加强项目节能和扬尘管理的通知\n\n××政发〔2024〕15号\n\n各乡（镇）人民政府：\n\n"
                 "（一）砂石骨料加工项目的原料和成品堆场应当全部封闭，破碎、筛分环节应当配套集尘设施。\n\n"
                 "（二）到2025年，全县单位地区生产总值能耗比2020年下降14%。\n\n本通知自印发之日起施行。\n\n××县人民政府\n\n"
                 "2024年8月20日\n")


def _relations(rep, label: str, article: str) -> set[str]:
    return {f.relation for f in rep.findings if label in f.doc_label and f.article == article}


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    # with a law beside it, as in an office's library: a word is specific only among many norms
    law = (ROOT / "corpus" / "laws" / "大气污染防治法.md").read_text(encoding="utf-8")
    return small_library(tmp_path_factory, "county10", {"county.txt": COUNTY_NOTICE, "大气污染防治法.md": law})


def test_a_refused_facility_breaks_the_duty_to_fit_it(county):
    rep = check_proposal(county, SAND_YARD)
    found = [f for f in rep.findings if "集尘" in f.hit.quote]
    assert found and {f.relation for f in found} == {"conflict"}


def test_open_air_piles_without_barrier_or_cover_break_the_dust_article(library_kb):
    rep = check_proposal(library_kb, SAND_YARD)
    assert _relations(rep, "大气污染防治法", "第七十二条") == {"conflict"}


def test_cutting_loose_coal_is_no_use_of_it(library_kb):
    assert not present("预计每年减少散煤消耗约9600吨。", ["散煤"], removal_negates=True)
    assert present("冬季使用散煤取暖。", ["散煤"], removal_negates=True)
    heating = next(c for c in load_checks() if "散煤" in c.forbids)
    f = run_check(library_kb, heating, CLEAN_HEATING)
    assert f is not None and f.relation == "supports"
    assert check_proposal(library_kb, CLEAN_HEATING).verdict != "conflict"


def test_a_ban_on_a_means_needs_that_means(library_kb):
    rep = check_proposal(library_kb, TREATMENT_PLANT)
    assert "conflict" not in _relations(rep, "水污染防治法", "第四十条")


def test_building_before_the_eia_is_approved(library_kb):
    rep = check_proposal(library_kb, DATA_CENTRE)
    assert _relations(rep, "环境影响评价法", "第二十五条") == {"conflict"}
    assert "conflict" not in _relations(rep, "环境影响评价法", "第二十条")  # nobody designates the report's author
    assert "supports" not in _relations(rep, "环境影响评价法", "第十七条")  # "一、项目概况" is a heading


@pytest.mark.parametrize(("text", "kept"), [
    ("一、项目概况", False),
    ("（三）配套", False),
    ("一、项目不设排污口，废水全部回用。", True),
    ("不设排污口", True),
])
def test_a_heading_is_no_fact(text, kept):
    assert (text in split_facts(text)) is kept


@pytest.mark.parametrize(("history", "question", "expected"), [
    (["到2027年各设区市细颗粒物平均浓度要达到什么水平？", "那2035年呢？"], "是哪个部门印发的？", "中共山西省委"),
    (["到2030年非化石能源比重要达到多少？"], "这个是哪个文件规定的？", "美丽山西建设的实施意见"),
    (["排污许可证的有效期是几年？"], "是什么时候施行的？", "2021-03-01"),
])
def test_a_metadata_follow_up_asks_of_the_document_that_answered(library_kb, history, question, expected):
    a = library_kb.ask(question, history=history)
    assert a.found and expected in a.text.splitlines()[0] and "山西晚报" not in a.text.splitlines()[0]


def test_the_short_name_of_the_dual_control_finds_the_text(library_kb):
    # "能耗双控" is how officials say "能源消耗总量和强度双控", the words the text uses
    hits = library_kb.search("能耗双控", k=3)
    assert any("能源消耗总量和强度双控" in h.text for h in hits)


def test_an_issuer_joined_to_the_number_is_cut_off():
    meta = extract(["阳城县人民政府办公室阳政办发〔2024〕32号", "阳城县人民政府办公室关于做好2024年冬季清洁取暖工作的通知",
                    "一、禁止在已完成清洁取暖改造的村庄销售、使用散煤。", "阳城县人民政府办公室", "2024年9月1日"])
    assert meta.doc_number == "阳政办发〔2024〕32号" and meta.issuer == ["阳城县人民政府办公室"]


def test_a_placeholder_name_is_a_name():
    paras = [p for p in COUNTY_NOTICE.split("\n") if p.strip()]
    meta = extract(paras)
    assert meta.doc_number == "××政发〔2024〕15号" and meta.issuer == ["××县人民政府"]
    last = parse_document("county", paras).clauses[-1].text
    assert "××县人民政府" not in last and "2024年8月20日" not in last


@pytest.mark.parametrize(("text", "expected"), [
    ("到2025年，全县单位地区生产总值能耗比2020年下降14%。", ("单位地区生产总值能耗", 14.0, "比2020年下降")),
    ("2023年全省生产总值比上年增长5%。", None),  # a statistic, not a target
    ("到2025年新增造林10万亩。", None),
])
def test_a_change_from_a_base_year_is_a_target(text, expected):
    got = [(i.name, i.value, i.qualifier) for i in extract_indicators(text, "x")]
    assert got == ([expected] if expected else [])


def test_a_name_label_ends_at_its_sentence_in_the_overview(library_kb):
    from shanxi_policy.check.report import overview

    rep = check_proposal(library_kb, "××县云谷大数据中心项目建议书\n项目单位：××云谷数字科技有限公司。项目位于县经济技术开发区，"
                                     "建设标准机柜3000架。\n备用电源采用柴油发电机组12台。")
    lines = overview(rep)
    assert "项目单位：××云谷数字科技有限公司" in lines
    assert any(line.startswith("项目位于县经济技术开发区") for line in lines)


def test_a_question_on_something_the_library_never_names_is_not_carried(library_kb):
    a = library_kb.ask("山西省光伏扶贫电站收益如何分配？", history=["能耗双控要怎么转变？"])
    assert not a.resolved_question.startswith("能耗双控")
    carried = library_kb.ask("到期前多少天要申请延续？", history=["排污许可证的有效期是几年？"])
    assert carried.resolved_question.startswith("排污许可证") and "60日" in carried.text


ROOFTOP_PV = ("××县工业园区屋顶分布式光伏发电项目申请报告\n\n利用园区内8家企业的标准厂房屋顶约12万平方米，"
              "建设分布式光伏发电系统，装机容量12兆瓦，年均发电量约1400万千瓦时，每年可节约标准煤约4300吨，减少二氧化碳排放约1.1万吨。")


def test_emissions_a_project_avoids_call_for_no_discharge_permit(library_kb):
    rep = check_proposal(library_kb, ROOFTOP_PV)
    assert not _relations(rep, "排污许可管理条例", "第二条")
    # 标准煤 measures any energy; it does not make the project a coal consumer
    assert not any("煤炭消费总量控制" in f.hit.quote for f in rep.findings)
