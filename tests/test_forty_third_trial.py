"""Findings of the forty-third user trial (a city technical-assessment centre reading proposals article by article: a
tannery, a guesthouse cluster in a source-water zone, a bauxite mine, a motorway service area, a gangue power plant),
each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_a_plant_that_takes_no_groundwater_does_not_refuse_the_water_permit(library_kb):
    # "不使用地下水，生产用水取自县城污水处理厂中水" denies the case of 水法 第四十八条 (地下取用水资源), not its duty
    rep = check_proposal(library_kb, trial_text("43_P12"))
    assert "conflict" not in relations(rep, "水法", "第四十八条")
    assert rep.verdict != "conflict"


def test_a_service_building_is_no_residential_building(library_kb):
    # "综合服务楼（含餐厅…）" shares only the head of "商住综合楼": 大气法 第八十一条's ban is about the building's kind
    rep = check_proposal(library_kb, trial_text("43_P10"))
    assert "conflict" not in relations(rep, "大气污染防治法", "第八十一条")


def test_a_village_at_a_bearing_and_distance_is_beside_the_site(library_kb):
    # "北侧约300米为村庄": the site is not in a 噪声敏感建筑物集中区域
    rep = check_proposal(library_kb, trial_text("43_P02"))
    assert "conflict" not in relations(rep, "噪声污染防治法", "第三十五条")
    assert relations(rep, "水污染防治法", "第三十九条") == {"conflict"}


def test_a_project_unrelated_to_water_supply_in_a_first_level_zone(library_kb):
    # a guesthouse cluster "整体处于…水源地一级保护区…之内": 水污染防治法 第六十五条 "新建…与供水设施和保护水源无关的建设项目"
    rep = check_proposal(library_kb, trial_text("43_P04"))
    assert "conflict" in relations(rep, "水污染防治法", "第六十五条")


@pytest.mark.parametrize(("text", "conflict"), [
    ("项目名称：县城第二水厂取水泵站改造工程。建设地点：某水库饮用水水源一级保护区内，现有取水口处。"
     "建设内容：新建取水泵站一座，更换取水管道800米，为县城水厂供水，不设排污口。", False),
    ("项目名称：某村农家乐改造项目。建设地点：某水库饮用水水源一级保护区内。建设内容：新建客房20间、餐厅一座。", True),
])
def test_works_for_the_water_supply_are_what_the_ban_spares(library_kb, text, conflict):
    rep = check_proposal(library_kb, text)
    assert ("conflict" in relations(rep, "水污染防治法", "第六十五条")) is conflict


def test_mining_a_deposit_written_after_the_mineral_is_mining(library_kb):
    # "铝土矿露天开采" in a nature reserve's buffer zone: 自然保护区条例 第二十六条 (开矿)
    rep = check_proposal(library_kb, trial_text("43_P05"))
    assert relations(rep, "自然保护区条例", "第二十六条") == {"conflict"}


@pytest.mark.parametrize(("text", "listed"), [
    ("项目名称：某区生活垃圾压缩转运站建设项目。建设内容：新建压缩车间一座。环境影响报告表已于2024年5月取得市行政审批服务"
     "管理局批复；已按要求完成排污登记。", ["环境影响评价", "排污许可"]),
    # written and submitted is not approved; a project's 报告书 is no plan's
    ("项目名称：某皮业公司湿加工项目。建设内容：新建湿加工车间两座。项目已在县发展和改革局完成备案，环境影响报告书已编制完成"
     "并上报审批。", []),
    ("项目名称：某公司锅炉改造项目。建设内容：新建燃气锅炉一台，废气经15米排气筒排放。环评正在编制，排污许可证尚未申领。", []),
])
def test_procedures_stated_done_are_listed_to_verify(library_kb, text, listed):
    # the reviewer sees what to check against the papers ("已办手续"), as it sees what is missing
    rep = check_proposal(library_kb, text)
    assert [p.split("（", 1)[0] for p in rep.papers] == listed


def test_works_begun_with_the_energy_report_still_being_written(library_kb):
    # "节能报告同步编制" while "项目已于2024年3月进场施工": the review the works wait for is still to come
    rep = check_proposal(library_kb, trial_text("43_P09"))
    assert relations(rep, "节约能源法", "第十五条") & {"attention", "conflict"}


def test_procedures_done_are_shown_in_every_form(library_kb, tmp_path):
    import docx

    from shanxi_policy.check.docx_report import write_docx
    from shanxi_policy.check.report import report_from_dict, to_markdown

    rep = check_proposal(library_kb, "项目名称：某加油站改造项目。建设内容：新建埋地双层油罐4座。环境影响报告表已于2024年11月"
                                     "取得市生态环境局批复。")
    assert rep.papers and "请核对原件" in to_markdown(rep)
    assert report_from_dict(rep.to_dict()).papers == rep.papers
    d = docx.Document(str(write_docx(rep, tmp_path / "r.docx")))
    assert any(p.text.startswith("项目材料称已办理") for p in d.paragraphs)
