"""Findings of the thirty-first user trial (a chemical park's office pre-reviewing proposals for benzene refining,
semi-coke, solar-panel recycling, silicon carbide, a hazardous-waste incinerator …), each a general case; and of the
twenty-ninth trial's variants."""

from __future__ import annotations

from shanxi_policy.check.service import check_proposal
from shanxi_policy.norms.extract import extract_clause_norms

from .check_helpers import relations, trial_text


def test_a_promise_to_wait_for_the_permit_is_no_discharge_without_it(library_kb):
    rep = check_proposal(library_kb, trial_text("31_P05"))
    assert rep.verdict != "conflict"
    one = check_proposal(library_kb, "项目名称：某项目。废矿物油委托持有危险废物经营许可证的单位处置。项目投产前申领排污许可证，"
                                     "未取得排污许可证前不排放污染物。")
    assert "conflict" not in relations(one, "固体废物污染环境防治法", "第八十条")


def test_a_centre_that_takes_no_medical_waste_is_not_a_medical_waste_disposer(library_kb):
    rep = check_proposal(library_kb, "项目名称：某危险废物焚烧处置中心项目。处置范围：本中心不接收医疗废物。")
    for article in ("第二十五条", "第十条"):
        assert "conflict" not in relations(rep, "医疗废物管理条例", article)


def test_an_incineration_line_is_no_burning_in_the_open(library_kb):
    rep = check_proposal(library_kb, trial_text("31_P06"))
    assert "conflict" not in relations(rep, "大气污染防治法", "第七十七条")
    bad = check_proposal(library_kb, "项目名称：某砂石料场。废编织袋集中在场地角落，定期露天焚烧处理。")
    assert "conflict" in relations(bad, "大气污染防治法", "第七十七条")


def test_storing_nothing_outdoors_keeps_the_ban_on_open_storage(library_kb):
    rep = check_proposal(library_kb, "项目名称：某社区卫生服务站改造方案。医疗废物：设独立的医疗废物暂存间，加锁、防渗，"
                                     "不在室外存放。")
    assert "supports" in relations(rep, "医疗废物管理条例", "第十七条")


def test_the_place_that_opens_a_sentence_bounds_every_ban_its_semicolons_join(library_kb):
    clause = library_kb.clause("大气污染防治法:a38")
    bans = [n for n in extract_clause_norms(clause) if n.modality == "prohibition"]
    assert len(bans) == 2 and all(n.scope == "在禁燃区内" for n in bans)
    rep = check_proposal(library_kb, "项目名称：某工业硅项目。主要原料为硅石，还原剂采用石油焦和木炭。")
    assert "conflict" not in relations(rep, "大气污染防治法", "第三十八条")


def test_unreacted_material_sent_back_to_the_kiln_is_used_not_refused(library_kb):
    rep = check_proposal(library_kb, trial_text("31_P04"))
    assert "conflict" not in relations(rep, "固体废物污染环境防治法", "第三十八条")


def test_a_red_mud_yard_is_bound_by_the_tailings_pond_duty(library_kb):
    bad = check_proposal(library_kb, "项目名称：赤泥堆场三期扩容工程。建设地点：现有赤泥堆场东北侧沟谷内。"
                                     "为节省投资，库底不做人工防渗，也不建设地下水水质监测井。")
    assert "conflict" in relations(bad, "水污染防治法", "第四十条")
    # lining "有两个方案…正在比选", monitoring wells "待环评单位确定": open, not refused
    rep = check_proposal(library_kb, trial_text("29_P02"))
    assert relations(rep, "水污染防治法", "第四十条") == {"attention"}


def test_building_before_approval_gets_its_penalty_and_is_told_to_stop(library_kb):
    rep = check_proposal(library_kb, "项目名称：某粗苯加氢精制项目。为抢工期，已提前进场施工，目前形象进度约70%；"
                                     "环境影响报告书正在编制，计划在装置中交前完成报批。")
    f = next(f for f in rep.findings if f.relation == "conflict" and f.article == "第二十五条")
    assert "第三十一条" in f.penalty  # the case before 不得 is read to find the article that punishes it
    assert "停止" in f.recommendation
