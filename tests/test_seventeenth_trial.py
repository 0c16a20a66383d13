"""Findings of the seventeenth user trial (a development and reform commission's desk that reviews projects before
approval or filing), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.curated import _own_works
from shanxi_policy.check.negation import undecided
from shanxi_policy.check.proposal import _half_widths, analyze
from shanxi_policy.check.service import check_proposal


def _cited(rep, relation: str, law: str, article: str) -> bool:
    return any(f.relation == relation and law in f.doc_label and f.article == article for f in rep.findings)


_BUILT_AHEAD = ("项目名称：某煤化公司甲醇装置节能技改项目\n一、基本情况\n我公司位于某煤焦化工园区，"
                "现有甲醇装置2012年建成投产，原有环评手续齐全。\n二、前期工作进展\n为赶在采暖季前完成切换，"
                "技改主体工程已于2024年3月先行进场施工，目前主要钢结构已完成，总体形象进度约65%。"
                "环境影响报告书已委托一家环评单位编制，目前正在补充监测数据，计划与项目竣工同步报送审批。"
                "\n三、申请事项\n恳请给予备案，并协调相关部门加快审批进度。")


def test_building_ahead_of_the_assessment_in_a_long_proposal_breaks_the_law(library_kb):
    # the request to speed up approval ("加快审批进度") does not say the assessment is approved
    rep = check_proposal(library_kb, _BUILT_AHEAD)
    assert _cited(rep, "conflict", "环境影响评价法", "第二十五条")


def test_the_consultants_duties_do_not_bind_the_applicant(library_kb):
    # 第十九条 binds the technical unit that accepts the commission, not the builder who commissions it
    rep = check_proposal(library_kb, _BUILT_AHEAD)
    # nor does its duty on how the report is written: the proposal hands the writing to a consultant
    assert not any(_cited(rep, r, "环境影响评价法", "第十九条") for r in ("conflict", "attention", "supports"))


@pytest.mark.parametrize("text, relation", [
    # planned works and an assessment being drafted: the order is not said, the reviewer checks it
    ("项目拟建设年产10万吨饲料生产线，计划2025年3月开工建设，环境影响报告表正在编制。", "attention"),
    # the works go ahead of the approval
    ("项目拟建设年产10万吨饲料生产线，拟先行开工建设，环境影响报告表正在编制。", "conflict"),
    ("项目拟建设生产线，公司计划土建施工与设备安装同步推进，力争年内试产；环境影响报告书正在委托编制，拟在试生产阶段与安全评价"
     "一并报送审批。", "conflict"),
    ("某化工项目环评未批先建。", "conflict"),
])
def test_planned_works_wait_for_the_approval_unless_put_ahead_of_it(library_kb, text, relation):
    rep = check_proposal(library_kb, text)
    assert _cited(rep, relation, "环境影响评价法", "第二十五条")
    if relation == "attention":
        assert not _cited(rep, "conflict", "环境影响评价法", "第二十五条")


def test_works_after_an_approval_already_given_are_not_held_up(library_kb):
    rep = check_proposal(library_kb, "项目名称：某冷链物流园建设项目。建设内容：新建冷库2座。手续：环评报告表已批复。"
                                     "计划于2027年4月开工，2028年6月建成。")
    assert not any(f.article == "第二十五条" and f.relation in ("conflict", "attention") for f in rep.findings)


_NIGHT = "项目名称：某县城区雨污分流管网改造工程\n工程涉及老城区38个居民小区周边道路。\n施工安排："


def test_night_work_within_the_laws_exception_is_no_breach(library_kb):
    rep = check_proposal(library_kb, _NIGHT + "施工作业时间为6:00至22:00，夜间不进行产生噪声的施工作业；因管道连接等工艺"
                                              "要求确需夜间连续施工的，提前取得相关部门证明，并在施工现场公告附近居民。")
    assert not _cited(rep, "conflict", "噪声污染防治法", "第四十三条")


def test_trench_digging_at_night_without_the_paper_is_night_building_work(library_kb):
    rep = check_proposal(library_kb, _NIGHT + "为赶工期，老城区居民区路段夜间22:00后继续进行管道开挖和破碎路面作业，"
                                              "不再另行办理夜间施工证明。")
    assert _cited(rep, "conflict", "噪声污染防治法", "第四十三条")


def test_a_water_permit_not_yet_applied_for_before_any_water_is_taken_is_open(library_kb):
    rep = check_proposal(library_kb, "项目名称：某县抽水蓄能电站项目（可研阶段）\n用水：补水量正在计算，"
                                     "补水水源拟从下水库所在河流取水，取水许可申请尚未办理，水资源论证报告正在编制。")
    assert not _cited(rep, "conflict", "水法", "第四十八条")


def test_spent_catalyst_sold_to_a_scrap_dealer_is_hazardous_waste_handed_to_no_licence(library_kb):
    rep = check_proposal(library_kb, "项目名称：某钢铁公司烧结机超低排放改造项目\n固废：脱硝系统每3年更换一次催化剂，"
                                     "废旧钒钛系催化剂约120立方米，由本地一家物资回收个体户上门收购。")
    assert _cited(rep, "conflict", "固体废物污染环境防治法", "第八十条")


def test_a_market_named_is_no_works_of_the_project():
    text = "为抢抓储能市场窗口期，公司建设磷酸铁锂正极材料生产线。"
    mentions = [type("M", (), {"start": text.index("储能"), "end": text.index("储能") + 2})()]
    assert _own_works(text, mentions) == []
    text = "项目建设100MW光伏电站，配套20MWh储能。"
    mentions = [type("M", (), {"start": text.index("储能"), "end": text.index("储能") + 2})()]
    assert len(_own_works(text, mentions)) == 1


@pytest.mark.parametrize("sentence, word, open_", [
    ("进出水在线监测设备视资金情况决定是否安装。", "在线监测", True),
    ("破碎筛分车间是否全封闭，待设备选型后确定。", "封闭", True),
    ("运输道路计划硬化，洒水频次待定。", "洒水", True),
    ("建成后委托第三方运营还是由村里自己管理，还在研究。", "第三方", True),
    ("破碎筛分车间全封闭，道路定时洒水。", "封闭", False),
])
def test_a_matter_left_open_is_not_done(sentence, word, open_):
    i = sentence.index(word)
    assert undecided(sentence, i, i + len(word)) is open_


def test_a_thing_left_open_is_not_found_met(library_kb):
    rep = check_proposal(library_kb, "项目名称：某镇生活污水处理站建设项目\n在线监测：进出水在线监测设备视资金情况决定是否安装。")
    assert not _cited(rep, "supports", "水污染防治法", "第二十三条")


def test_lexicon_patterns_stop_at_the_commas_of_normalized_text():
    assert _half_widths("在[^，。；]{0,12}露天") == "在[^，。；,;]{0,12}露天"
    # "在封闭库房内存放，不露天堆放，装卸在库内进行" is enclosed storage, not open-air work
    prop = analyze("原粮和成品全部在封闭库房内存放，不露天堆放，装卸在库内进行。")
    assert not any("密闭" in m.terms and m.state != "present" and "封闭库房" in m.surface
                   for f in prop.facts for m in f.mentions)
