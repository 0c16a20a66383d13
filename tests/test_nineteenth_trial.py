"""Findings of the nineteenth user trial (a city enforcement officer reading reports that operating enterprises file:
自查报告, 情况说明, 整改方案), each a general case."""

from __future__ import annotations

from pathlib import Path

import pytest

from shanxi_policy.check.proposal import analyze, in_permit_name, split_facts
from shanxi_policy.check.report import verdict_label
from shanxi_policy.check.service import check_proposal
from shanxi_policy.text.normalize import normalize_for_search

from .check_helpers import relations

REPORT = "某公司\n2024年度环境保护自查报告\n\n"


def _finding(rep, law: str, article: str):
    return next(f for f in rep.findings if law in f.doc_label and f.article == article)


def test_a_section_heading_with_a_full_stop_is_no_fact():
    facts = split_facts("一、夜间施工。本项目不在夜间施工。\n二、固体废物。废料外售。")
    assert facts == ["本项目不在夜间施工。", "废料外售。"]


def test_a_site_holding_the_night_works_paper_is_not_in_breach(library_kb):
    # 噪声法 第四十三条: the heading "一、夜间施工。" had been the evidence of a conflict
    text = ("万柏林区某住宅项目施工扬尘及噪声防治情况说明\n\n本项目为住宅项目，目前处于主体结构施工阶段，北侧为已入住居民小区。"
            "\n\n一、夜间施工。10月18日底板大体积混凝土因工艺要求需连续浇筑，已于10月15日取得市住房和城乡建设局、"
            "市生态环境局出具的夜间施工证明，并在小区公告栏张贴公告。")
    rep = check_proposal(library_kb, text)
    assert "conflict" not in relations(rep, "噪声污染防治法", "第四十三条")


def test_words_in_the_name_of_a_paper_held_say_nothing_of_the_works():
    text = normalize_for_search("已于10月15日取得市住房和城乡建设局、市生态环境局出具的夜间施工证明")
    i = text.find("夜间")
    assert in_permit_name(text, i, i + 2)


def test_waste_oil_handed_to_a_private_collector_is_handed_to_a_party_without_a_licence(library_kb):
    rep = check_proposal(library_kb, REPORT + "维修产生的废机油用铁桶收集，一直由回收废油的个人每月上门收走，每桶按80元结算。")
    assert "conflict" in relations(rep, "固体废物污染环境防治法", "第八十条")


@pytest.mark.parametrize("said", [
    "使用后的棉签、纱布由保洁人员装入黑色垃圾袋，与生活垃圾一同放入院内垃圾中转箱。",
    "使用后的棉签、纱布作为生活垃圾处理。",
])
def test_medical_waste_put_with_household_rubbish_breaks_the_ban_on_mixing(library_kb, said):
    # 第十四条 "在非贮存地点倾倒…或者将医疗废物混入…生活垃圾": the place belongs to the first act only
    rep = check_proposal(library_kb, REPORT + "我院为二级综合医院。" + said)
    assert "conflict" in relations(rep, "医疗废物管理条例", "第十四条")


def test_an_online_monitor_stopped_for_repair_breaks_the_duty_to_keep_it_running(library_kb):
    rep = check_proposal(library_kb, REPORT + "烟囱出口安装颗粒物、二氧化硫、氮氧化物在线监测系统并与省平台联网。2024年3月起，"
                                              "氮氧化物分析仪出现故障，公司决定暂时停用检修，至今尚未恢复。")
    assert "conflict" in relations(rep, "大气污染防治法", "第二十四条")
    assert "第一百条" in _finding(rep, "大气污染防治法", "第二十四条").penalty


@pytest.mark.parametrize("text, law, article", [
    ("本站未发生跑冒滴漏和油品泄漏事故。", "大气污染防治法", "第四十七条"),
    ("厂区原有渗坑已于2023年回填平整，不存在利用渗坑排放煤泥水的情况。", "水污染防治法", "第三十九条"),
])
def test_an_event_said_not_to_happen_or_a_pit_filled_in_breaks_nothing(library_kb, text, law, article):
    rep = check_proposal(library_kb, REPORT + "本站为加油站，设4座埋地油罐；洗煤厂煤泥水闭路循环。" + text)
    assert "conflict" not in relations(rep, law, article)


def test_a_groundwater_monitoring_well_takes_no_water(library_kb):
    rep = check_proposal(library_kb, REPORT + "本站设4座埋地油罐。站区地下水监测井2024年监测未检出石油类超标。")
    assert not relations(rep, "水法", "第四十八条") & {"conflict", "attention"}


def test_a_promoted_substitute_makes_the_old_material_a_matter_to_look_at(library_kb):
    # 实施意见 "加大低（无）VOCs原辅材料源头替代力度" promotes; it forbids no solvent-based ink
    rep = check_proposal(library_kb, "项目名称：某包装印刷厂\n凹版印刷使用溶剂型油墨，废气经活性炭吸附后排放。")
    assert all(f.relation != "conflict" for f in rep.findings if not f.doc_label or "实施意见" in f.hit.doc_title)


def test_coating_with_solvent_borne_paint_breaks_the_air_law(library_kb):
    rep = check_proposal(library_kb, "项目名称：家具制造项目。建设内容：年产10万件实木家具，喷涂工序使用溶剂型涂料。")
    assert "conflict" in relations(rep, "大气污染防治法", "第四十六条")


def test_a_ready_mixed_concrete_plant_is_no_building_site(library_kb):
    text = ("某商砼有限公司整改方案\n我公司现有搅拌站两条生产线，年产商品混凝土约40万立方米。搅拌站东侧为村庄。"
            "根据施工单位需要，夜间经常供料，搅拌主机、装载机夜间作业。")
    rep = check_proposal(library_kb, text)
    assert "conflict" not in relations(rep, "噪声污染防治法", "第四十三条")


def test_operating_report_and_planned_works_are_told_apart():
    from shanxi_policy.check.facts import operating_report, plans_new_works

    assert operating_report("某焦化厂\n关于焦炉烟气在线监测运行情况的说明\n正文")
    assert operating_report(REPORT)
    assert not operating_report("项目名称：某焦化厂120万吨技改项目\n项目简介……")
    assert plans_new_works("计划年内新增一台快开压滤机。")
    assert not plans_new_works("本站4座埋地油罐于2018年改造为双层罐。")


def test_a_report_on_a_plant_in_operation_gets_no_new_project_reminders(library_kb):
    rep = check_proposal(library_kb, "某铸造有限公司\n2024年环境保护自查报告\n\n我公司2016年取得环评批复，2017年完成竣工环境保护"
                                     "自主验收。熔炼烟气经布袋除尘器处理后经15米排气筒排放，废水不外排。")
    assert rep.subject == "operating"
    assert not any(f.check_id.startswith("obligation:eia") or f.check_id == "obligation:three_simultaneous"
                   for f in rep.findings)
    assert "可行" not in verdict_label(rep)


def test_a_conflict_in_an_operating_plant_asks_to_stop_and_names_the_penalty(library_kb):
    rep = check_proposal(library_kb, REPORT + "维修产生的废机油用铁桶收集，一直由回收废油的个人每月上门收走。")
    f = _finding(rep, "固体废物污染环境防治法", "第八十条")
    assert "立即停止" in f.recommendation and "取消或调整" not in f.recommendation
    assert f.penalty.startswith("《固体废物污染环境防治法》第一百一十二条")
    assert "三倍以上五倍以下" in f.penalty


def test_penalty_lines_keep_the_lead_the_item_and_its_amounts():
    from shanxi_policy.norms.liability import penalty_lines

    text = ("第一百一十二条 违反本法规定，有下列行为之一，由生态环境主管部门责令改正，处以罚款：\n"
            "（一）未按照规定设置危险废物识别标志的；\n"
            "（四）将危险废物提供或者委托给无许可证的单位或者其他生产经营者从事经营活动的；\n"
            "有前款第一项行为的，处十万元以上一百万元以下的罚款；有前款第四项行为之一，处所需处置费用三倍以上五倍以下的罚款。")
    lines = penalty_lines(text, "禁止将危险废物提供或者委托给无许可证的单位或者其他生产经营者从事收集、贮存、利用、处置活动")
    assert lines[0].startswith("第一百一十二条")
    assert any(x.startswith("（四）") for x in lines) and not any(x.startswith("（一）") for x in lines)
    assert any("三倍以上五倍以下" in x for x in lines) and not any("十万元以上一百万元" in x for x in lines)


def test_monitoring_words_in_a_heading_are_not_facts_either():
    prop = analyze("某屠宰场\n2024年度环境保护自查报告\n\n四、噪声。待宰圈远离厂界，未收到周边居民投诉。")
    assert all(not f.sentence.startswith("四、") for f in prop.facts)


def test_what_was_not_done_before_an_act_does_not_deny_the_act(library_kb):
    # "未经处理" is closed: in "未经处理直接排入村南河沟" the discharge is done (畜禽条例 第二十条, had been 符合)
    rep = check_proposal(library_kb, REPORT + "我场为生猪养殖场，存栏3000头。部分粪水未经处理直接排入村南河沟。")
    assert "conflict" in relations(rep, "畜禽规模养殖污染防治条例", "第二十条")


def test_no_residents_upstairs_is_not_a_residential_building(library_kb):
    path = Path(__file__).parent / "data" / "trials" / "21_P08_城区饭店.txt"
    rep = check_proposal(library_kb, path.read_text(encoding="utf-8"))
    assert "conflict" not in relations(rep, "大气污染防治法", "第八十一条")


def test_the_letter_around_a_report_is_no_fact():
    facts = split_facts("县生态环境分局综合行政执法大队：\n我店位于龙泉街，灶头8个。\n特此报告。\n欢迎监督。\n")
    assert facts == ["我店位于龙泉街，灶头8个。"]


def test_a_plant_in_operation_gets_no_planning_reminders_of_the_policy(library_kb):
    # the seed policy's "未提及‘污泥无害化…’" and a law's rule on works to be built are no finding on a works that runs
    path = Path(__file__).parent / "data" / "trials" / "21_P06_乡镇污水处理厂.txt"
    rep = check_proposal(library_kb, path.read_text(encoding="utf-8"))
    assert rep.verdict == "supports"


def test_a_matter_to_be_told_later_is_not_met():
    from shanxi_policy.check.negation import undecided

    text = "污水处理站出口在线监测设备运行情况另行说明。"
    i = text.find("在线监测")
    assert undecided(text, i, i + 4)


def test_waste_water_let_run_off_into_a_ditch_is_let_out():
    prop = analyze("8月连续降雨期间，堆存点有部分粪水顺路边排水沟流出，流向村南的季节性河沟。")
    assert any("排放" in m.terms for m in prop.facts[0].mentions)
