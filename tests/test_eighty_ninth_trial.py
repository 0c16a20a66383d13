"""Findings of the eighty-ninth user trial (a city transport bureau's project desk: roads, bridges, tunnels, stations,
a filling station, a truck wash), and two of the eighty-seventh left open, each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_works_begun_while_the_assessment_awaits_approval(library_kb):
    # "环境影响报告书已于2024年10月上报…尚未批复。…已于2024年12月组织路基土石方和桥涵工程开工": sent up and awaited
    # in one sentence, begun in the next; it had been 符合政策导向
    rep = check_proposal(library_kb, trial_text("89_P05"))
    assert rep.verdict == "conflict"
    assert "conflict" in relations(rep, "环境影响评价法", "第二十五条")


def test_river_works_planned_before_their_review(library_kb):
    # "桥梁建设方案还没有报水利部门审查，我们计划先进场施工" (水法 第三十八条) and "钻渣就近堆在河滩上" (水污染防治法
    # 第三十八条): both had been 相关 or missing
    rep = check_proposal(library_kb, trial_text("89_P02"))
    assert "conflict" in relations(rep, "水法", "第三十八条")
    assert "conflict" in relations(rep, "水污染防治法", "第三十八条")


def test_river_works_whose_review_passed(library_kb):
    text = trial_text("89_P02").replace(
        "桥梁建设方案还没有报水利部门审查，我们计划先进场施工，水利手续边干边办",
        "已取得河道管理范围内建设项目审查同意，取得后进场施工").replace(
        "钻渣就近堆在河滩上，等明年汛期前再统一清运", "钻渣运出河道外处置")
    rep = check_proposal(library_kb, text)
    assert "conflict" not in relations(rep, "水法", "第三十八条")


def test_a_truck_wash_soaking_its_water_away(library_kb):
    # "通过一根埋在地下的管子排到…取土坑里，让它自己渗下去" is 私设暗管 and 渗坑 (第三十九条); "已经营业半年，现申请补办
    # 相关手续": the works ran without the assessment
    rep = check_proposal(library_kb, trial_text("89_P10"))
    assert "conflict" in relations(rep, "水污染防治法", "第三十九条")
    assert "conflict" in relations(rep, "环境影响评价法", "第二十五条")
    # a car wash carries no loads
    assert "attention" not in relations(rep, "大气污染防治法", "第七十条")


def test_a_filling_station(library_kb):
    # "已经建成的，不得销售或者使用" continues a sentence on buildings below the energy standard: no ban on selling fuel;
    # the station's vapour recovery (大气法 第四十七条) is a duty never addressed
    rep = check_proposal(library_kb, trial_text("89_P07"))
    assert "conflict" not in relations(rep, "节约能源法", "第三十五条")
    assert rep.verdict == "attention"
    assert "attention" in relations(rep, "大气污染防治法", "第四十七条")


def test_a_filling_station_naming_its_vapour_recovery(library_kb):
    text = trial_text("89_P07") + "\n卸油、加油环节均设油气回收装置，并保持正常使用。"
    rep = check_proposal(library_kb, text)
    assert "attention" not in relations(rep, "大气污染防治法", "第四十七条")


@pytest.mark.parametrize("prefix", ["89_P07", "89_P09"])
def test_household_and_kitchen_water_is_no_industrial_waste_water(library_kb, prefix):
    # "生活污水进化粪池后接入市政污水管网", "餐饮废水经隔油池处理后接入市政污水管网": not 水污染防治法 第四十五条's
    # "排放工业废水的企业"
    rep = check_proposal(library_kb, trial_text(prefix))
    assert not relations(rep, "水污染防治法", "第四十五条") & {"attention", "conflict"}


def test_a_coach_station_needs_no_discharge_permit(library_kb):
    rep = check_proposal(library_kb, trial_text("89_P09"))
    assert "attention" not in relations(rep, "排污许可管理条例", "第二条")
    assert rep.verdict != "conflict"


def test_a_logistics_park_with_a_bulk_yard_and_a_repair_shop(library_kb):
    # "散货堆场5万平方米，主要堆存煤炭、砂石和水泥熟料" (第七十二条) and "更换机油、滤芯" (spent oil is hazardous)
    rep = check_proposal(library_kb, trial_text("89_P06"))
    assert "attention" in relations(rep, "大气污染防治法", "第七十二条")
    assert any("危险废物" in f.reason and f.relation == "attention" for f in rep.findings)


def test_a_tunnels_spoil_hauled_by_tipper(library_kb):
    # "出渣用25吨自卸车…运往渣场，每天约120车次": 渣土 by road (大气法 第七十条)
    rep = check_proposal(library_kb, trial_text("89_P03"))
    assert "attention" in relations(rep, "大气污染防治法", "第七十条")


def test_an_approval_issued_is_a_procedure_done(library_kb):
    # "市行政审批服务管理局已于2024年11月出具环境影响报告表的批复": done, and the start-before-approval bans are kept
    rep = check_proposal(library_kb, trial_text("89_P01"))
    assert any(p.startswith("环境影响评价") for p in rep.papers)
    assert "supports" in relations(rep, "建设项目环境保护管理条例", "第九条") \
        or "supports" in relations(rep, "环境影响评价法", "第二十五条")
    assert "attention" not in relations(rep, "排污许可管理条例", "第二条")  # a road holds no discharge permit


def test_a_concrete_plants_sand_yard(library_kb):
    # eighty-seventh trial: "砂石料场约6000平方米…卸在砂石料场堆存" with no enclosure is 大气法 第七十二条; its
    # customers' "施工旺季" builds nothing here (no 固废法 第六十三条)
    rep = check_proposal(library_kb, trial_text("87_P09"))
    assert "attention" in relations(rep, "大气污染防治法", "第七十二条")
    assert not relations(rep, "固体废物污染环境防治法", "第六十三条") & {"attention", "conflict"}


def test_a_covered_sand_yard(library_kb):
    text = trial_text("87_P09").replace("卸在砂石料场堆存", "卸在全封闭砂石料棚内堆存")
    rep = check_proposal(library_kb, text)
    assert "attention" not in relations(rep, "大气污染防治法", "第七十二条")


def test_painting_with_no_enclosure_or_treatment(library_kb):
    # eighty-seventh trial: "晾干区设在车间一角", no treatment of the paint's gas (大气法 第四十五条)
    rep = check_proposal(library_kb, trial_text("87_P10"))
    assert "attention" in relations(rep, "大气污染防治法", "第四十五条")
    text = trial_text("87_P10").replace("晾干区设在车间一角", "晾干在密闭烘干房内进行，喷漆和烘干废气经活性炭吸附+催化燃烧处理")
    assert "attention" not in relations(check_proposal(library_kb, text), "大气污染防治法", "第四十五条")


def test_the_penalty_of_the_paragraph_breached(library_kb):
    # 危险废物经营许可证管理办法 第十五条第三款 (handing waste oil to an unlicensed collector): its penalty is 第二十五条's
    # first paragraph, which refers it to 固废法; not 第三十条 (the authority's staff who fail to act) nor the second
    # paragraph's 5万–10万 (forged licences, 第四款)
    rep = check_proposal(library_kb, trial_text("89_P11"))
    f = next(f for f in rep.findings if f.relation == "conflict" and f.doc_label == "危险废物经营许可证管理办法"
             and f.article == "第十五条")
    assert "第二十五条" in f.penalty and "固体废物污染环境防治法" in f.penalty
    assert "工作人员" not in f.penalty and "5万元以上10万元以下" not in f.penalty


@pytest.mark.parametrize("text, officials", [
    ("第三十条 县级以上人民政府环境保护主管部门的工作人员，有下列行为之一的，依法给予行政处分：", True),
    ("第一百零一条 生态环境主管部门或者其他负有固体废物污染环境防治监督管理职责的部门违反本法规定，有下列行为之一，"
     "由本级人民政府或者上级人民政府有关部门责令改正，对直接负责的主管人员和其他直接责任人员依法给予处分：", True),
    ("第八十三条 违反本法规定，有下列行为之一的，由县级以上人民政府环境保护主管部门责令改正或者责令限制生产、停产整治，"
     "并处十万元以上一百万元以下的罚款：", False),
    ("第一百一十四条 无许可证从事收集、贮存、利用、处置危险废物经营活动的，由生态环境主管部门责令改正，处一百万元以上五百万元"
     "以下的罚款", False),
])
def test_an_article_punishing_the_authority(text, officials):
    from shanxi_policy.norms.liability import punishes_officials

    assert punishes_officials(text) is officials
