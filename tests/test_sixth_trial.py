"""Defects a new official met in the sixth trial: a follow-up answered with another indicator's figure and no
caution, 未批先建 refused, cautions on a bare party word or the asker's own county, a news report shown as 现行有效,
a too-short proposal called "not Chinese", and a traceback with server paths shown in the app."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.typed import NOT_ADDRESSED, unstated_indicator
from shanxi_policy.check.curated import validate_proposal
from shanxi_policy.errors import QueryError
from shanxi_policy.ingest.docmeta import validity_label
from shanxi_policy.models import Document
from shanxi_policy.retrieve.filters import DocFilter

from .conftest import ROOT, small_library

LAWS = DocFilter(doc_types=["法律", "行政法规"])


@pytest.mark.parametrize(("question", "sentence", "gap"), [
    ("山西省重污染天数比率的目标是多少？", "1至4月，优良天数比例上升12.5个百分点。", "山西省重污染天数比率"),
    ("到2035年新增汽车中新能源车占比要达到多少？", "到2035年，铁路货运周转量占总周转量比例达到30%以上。",
     "新增汽车中新能源车占比"),
    ("2035年美丽乡村整县建成比例要达到多少？", "到2027年，美丽河湖建成率达到40%左右，基本消除城乡黑臭水体；",
     "美丽乡村整县建成比例"),  # 整县 is part of the name, not a place to drop
    # named, with 比率/比例/比重/占比 standing for each other, and places and years set aside
    ("到2030年非化石能源比重要达到多少？", "到2030年，非化石能源占能源消费总量比重达到18%；", ""),
    ("全省森林覆盖率要达到多少？", "到2035年，全省森林覆盖率提高到27.22%。", ""),
    ("太原市非化石能源比例是多少？", "非化石能源占比达到18%。", ""),
    ("如何推进碳达峰？", "有序推进碳达峰行动。", ""),  # no indicator asked for
])
def test_an_indicator_asked_for_must_be_named_by_the_answer(question, sentence, gap):
    assert unstated_indicator(question, sentence) == gap


def test_a_follow_up_on_a_year_without_the_indicator_is_cautioned(library_kb):
    ans = library_kb.ask("那2035年呢？", history=["到2027年新增汽车中新能源车占比要达到多少？"])
    assert ans.note.startswith(NOT_ADDRESSED) and "2035年“新增汽车中新能源车占比”" in ans.note


def test_a_sentence_naming_the_indicator_answers_instead(library_kb):
    # the policy's own sentence on 建设用地 lacks 重点…安全利用率; the news report names it with its figure
    ans = library_kb.ask("全省重点建设用地安全利用率是多少？")
    assert "重点建设用地安全利用率达到100%" in ans.text and not ans.note


def test_officials_shorthand_for_building_before_approval(library_kb):
    ans = library_kb.ask("企业未批先建要承担什么法律责任？")
    assert ans.found and "擅自开工建设" in ans.text
    assert not ans.note  # "企业" is a kind of party, not an object the clause fails to name


@pytest.mark.parametrize(("doc_type", "validity", "shown"), [
    ("新闻报道", "现行有效", "不适用（非规范性文件）"),
    ("政策解读", "", "不适用（非规范性文件）"),
    ("法律", "现行有效", "现行有效"),
    ("规范性文件", "已废止", "已废止"),
])
def test_validity_is_not_claimed_for_a_news_report(doc_type, validity, shown):
    d = Document(doc_id="x", title="x", text="", clauses=[], meta={"doc_type": doc_type, "validity": validity})
    assert validity_label(d) == shown


@pytest.mark.parametrize(("text", "message"), [
    ("某项目", "项目材料过短"),
    ("焦化", "项目材料过短"),
    ("The project builds a coke oven with 1.5 Mt capacity per year.", "不是中文文本"),
])
def test_short_or_foreign_proposals_are_told_apart(text, message):
    with pytest.raises(QueryError, match=message):
        validate_proposal(text)


def test_a_failing_page_shows_a_chinese_message_and_no_traceback(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    def app() -> None:
        import sys
        import types

        from shanxi_policy.app import main

        broken = types.ModuleType("shanxi_policy.app.pages.broken")

        def page() -> None:
            raise ImportError("cannot import name 'x' from '/srv/app/shanxi_policy/app/render.py'")

        broken.page = page  # type: ignore[attr-defined]
        sys.modules["shanxi_policy.app.pages.broken"] = broken
        main._lazy("broken")()

    at = AppTest.from_function(app, default_timeout=60).run()
    assert not at.exception
    assert any("页面处理出错" in e.value for e in at.error)
    assert not any("/srv/app" in e.value for e in at.error)


NOTICE = ("晋中市加油站油气回收管理办法\n\n晋环发〔2025〕9号\n\n"
          "一、各加油站应于2026年6月30日前完成三次油气回收治理改造。\n\n"
          "三、距离集中式饮用水水源地一级保护区边界1000米范围内，禁止新建加油站。\n\n"
          "四、年销售汽油量大于5000吨的加油站，应当安装油气回收自动监控设备。\n")


@pytest.fixture(scope="module")
def gas_notice(tmp_path_factory):
    return small_library(tmp_path_factory, "gas", {"晋中加油站.txt": NOTICE})


def test_a_local_rule_keeps_its_distance_deadline_and_size(gas_notice):
    norms = {n.clause_id.split(":")[1]: n for n in gas_notice.norms()}
    assert norms["p3"].modality == "prohibition" and norms["p3"].action == "新建加油站"
    assert norms["p3"].scope == "距离集中式饮用水水源地一级保护区边界1000米范围内"
    assert not norms["p3"].quote.startswith("三、")  # the list marker is no word of the rule
    assert norms["p1"].modality == "obligation" and "2026年6月30日前" in norms["p1"].action
    assert norms["p4"].scope == "年销售汽油量大于5000吨"


@pytest.mark.parametrize(("text", "verdict"), [
    ("某加油站新建项目。项目距集中式饮用水水源地一级保护区边界约500米。设双层埋地储油罐。", "conflict"),
    ("某加油站新建项目。项目距集中式饮用水水源地一级保护区边界约1.5公里。设双层埋地储油罐。", None),
    # a distance to another level of zone says nothing of this bound; nor does a site with no distance
    ("某加油站新建项目。项目位于某镇集中式饮用水水源地二级保护区外约800米，不在饮用水水源保护区内。", None),
    ("某加油站新建项目。项目位于某村东侧。", None),
])
def test_a_distance_bound_is_compared_with_the_distance_given(gas_notice, text, verdict):
    from shanxi_policy.check.engine import check_proposal

    rep = check_proposal(gas_notice, text)
    got = {f.relation for f in rep.findings if f.hit.clause_id.endswith(":p3")}
    assert ("conflict" in got) is (verdict == "conflict")
    for f in (f for f in rep.findings if f.hit.clause_id.endswith(":p3")):
        assert f.article == "第三项" and f.recommendation.count("禁止新建加油站") == 1  # not the whole paragraph again
        if verdict == "conflict":
            assert "约500米" in f.evidence


@pytest.mark.parametrize(("question", "expected"), [
    ("晋环发〔2025〕9号是什么文件？", "晋环发〔2025〕9号是《晋中市加油站油气回收管理办法》"),
    ("晋环发[2025]9号是哪个文件", "晋环发〔2025〕9号是《晋中市加油站油气回收管理办法》"),  # typed brackets
])
def test_a_document_number_names_its_document(gas_notice, question, expected):
    assert gas_notice.ask(question).text.startswith(expected)


def test_several_metadata_fields_asked_together_are_each_answered(library_kb):
    ans = library_kb.ask("美丽山西建设实施意见的发文机关是谁？文号是多少？")
    lines = ans.text.split("\n")
    assert ans.found and "中共山西省委、山西省人民政府" in lines[0] and "发文字号" in lines[1]
    assert len(ans.citations) == 2


def test_a_clause_modifier_narrows_the_forbidden_thing(library_kb):
    from shanxi_policy.check.engine import check_proposal

    text = ("某煤业公司矿井产能核增项目。矿井水经沉淀处理后部分用于井下洒水降尘，富余部分就近排入矿区南侧的季节性河沟，"
            "最终汇入汾河支流。煤矸石运至沟道内填沟造地。")
    rep = check_proposal(library_kb, text, doc_filter=LAWS)
    # 第三十四条 forbids 放射性 waste and waste water "含有高放射性和中放射性物质"; mine water is neither
    assert not [f for f in rep.findings if f.hit.clause_id == "水污染防治法:a34" and f.relation == "conflict"]


def test_one_shared_word_does_not_meet_an_encouragement(library_kb):
    from shanxi_policy.check.engine import check_proposal

    text = "某加油站新建项目。设4座30立方米双层埋地储油罐，加油枪配套油气回收系统，卸油采用密闭卸油方式。"
    rep = check_proposal(library_kb, text, doc_filter=LAWS)
    # "国家鼓励通过以旧换新、押金等方式回收废物": 回收 of petrol vapour is not recovering waste
    assert not [f for f in rep.findings if f.hit.clause_id == "循环经济促进法:a46" and f.relation == "supports"]


@pytest.mark.parametrize(("text", "term", "negated"), [
    ("项目位于集中式饮用水水源地二级保护区外约800米。", "水源地", True),  # the place goes on past the word
    ("项目位于集中式饮用水水源地二级保护区内。", "水源地", False),
    ("废水经处理后外排。", "废水", False),  # 外排 is an act, not a place outside
])
def test_outside_a_place_named_after_the_word(text, term, negated):
    from shanxi_policy.check.negation import find_mentions

    assert find_mentions(text, [term])[0].negated is negated


def test_a_count_of_days_is_answered_by_a_sentence_stating_days(library_kb):
    # the penalty article shares more words ("有效期届满未申请延续") but states no number of days
    ans = library_kb.ask("排污许可证有效期到期前多少天要申请延续？")
    assert "60日前" in ans.text and ans.citations[0].clause_id == "排污许可管理条例:a14"


@pytest.mark.parametrize(("question", "figure", "counted"), [
    ("有效期是几年？", "排污许可证有效期为5年。", True),
    ("有效期是几年？", "到2027年，全面完成改造。", False),  # a year is no count of years
    ("多少天内办结？", "自2024年1月1日起施行。", False),  # a day of the month is no count of days
    ("多少天内办结？", "应当在15个工作日内作出决定。", True),
    ("几点以后不能施工？", "夜间，是指晚上十点至次日早晨六点之间的期间", True),
])
def test_the_unit_a_question_counts_in(question, figure, counted):
    from shanxi_policy.answer.extract import asked_unit

    unit = asked_unit(question)
    assert unit is not None and bool(unit.search(figure)) is counted


def test_a_follow_up_without_ne_is_asked_within_the_earlier_subject(library_kb):
    ans = library_kb.ask("到期前多少天要申请延续？", history=["排污许可证的有效期是几年？"])
    assert ans.found and "60日前" in ans.text
    assert ans.resolved_question.startswith("排污许可证的有效期，")


def test_a_new_topic_after_a_question_is_still_refused(library_kb):
    ans = library_kb.ask("个人所得税起征点是多少？", history=["排污许可证的有效期是几年？"])
    assert not ans.found and not ans.resolved_question


def test_the_definition_that_holds_the_asked_time_is_added(library_kb):
    ans = library_kb.ask("晚上工地施工太吵，几点以后不能施工？")
    assert any("晚上十点至次日早晨六点" in i.text for i in ans.items)
    cited = {ans.citations[i.cite - 1].clause_id for i in ans.items}
    assert "噪声污染防治法:a88" in cited  # the definition is cited to its own article


def test_a_short_rule_is_quoted_in_its_sentence(library_kb):
    from shanxi_policy.check.engine import check_proposal

    text = "某县生活垃圾焚烧发电项目。飞灰经螯合固化后运至村北废弃砖窑取土坑堆放填埋，暂不送危废处置单位。"
    rep = check_proposal(library_kb, text, doc_filter=LAWS)
    f = next(f for f in rep.findings if f.hit.clause_id == "固体废物污染环境防治法:a79")
    assert f.hit.quote.startswith("产生危险废物的单位") and f.hit.quote.endswith("不得擅自倾倒、堆放")


COUNTY = ("关于加强县域河道砂石资源管理的通知\n\n平政办发〔2025〕17号\n\n"
          "一、严禁在惠济河、柳根河河道管理范围内私挖乱采砂石，严禁在河滩堆放洗砂泥浆和弃渣。\n\n"
          "二、洗砂废水必须全部循环利用，不得外排；洗砂场距河道管理范围边界不得少于500米。\n\n"
          "三、每年6月1日至9月30日为全县河道禁采期，禁采期内一律停止河道采砂作业。\n")


@pytest.fixture(scope="module")
def county_notice(tmp_path_factory):
    return small_library(tmp_path_factory, "county", {"平遥县河道砂石管理通知.txt": COUNTY})


def test_a_county_notices_rules_are_all_read(county_notice):
    got = {(n.clause_id.split(":")[1], n.modality, n.action, n.scope) for n in county_notice.norms()}
    # "不得外排" acts on the thing the phrase before it opens with
    assert ("p2", "prohibition", "洗砂废水外排", "") in got
    # a figure after 少于 is the rule's bound, not where it applies
    assert ("p2", "prohibition", "洗砂场距河道管理范围边界少于500米", "") in got
    assert any(c == "p3" and m == "prohibition" and "河道采砂作业" in a for c, m, a, _s in got)  # 一律停止


def test_washing_water_sent_back_to_the_river_breaks_the_county_rule(county_notice):
    from shanxi_policy.check.engine import check_proposal

    rep = check_proposal(county_notice, "某砂石料场项目。洗砂废水经沉淀后直接排回河道，沉淀泥浆堆放于河滩低洼处。")
    conflicts = {f.article for f in rep.findings if f.relation == "conflict"}
    assert {"第一项", "第二项"} <= conflicts
    assert all(not f.hit.quote.startswith(("一、", "二、")) for f in rep.findings)  # no list marker in the quote


@pytest.mark.parametrize(("question", "history"), [
    ("环境保护法是哪一年通过的？", "1989年12月26日通过；2014年4月24日修订"),
    # the amendments that line repair joined into one line are each read; 第二十二次会议 is no amendment's number
    ("大气污染防治法是什么时候通过的？", "1987年9月5日通过；1995年8月29日第一次修正；2000年4月29日第一次修订；"
                                   "2015年8月29日第二次修订；2018年10月26日第二次修正"),
])
def test_an_amended_laws_date_comes_with_its_history(library_kb, question, history):
    assert history in library_kb.ask(question).text


INTAKE = ("静乐县人民政府关于加强东碾河饮用水水源地周边环境管理的通告\n\n静政发〔2025〕8号\n\n"
          "一、严禁在东碾河饮用水水源地保护范围内新建、扩建畜禽养殖场、洗砂场和农副产品加工厂，严禁向东碾河倾倒垃圾、排放污水。\n\n"
          "二、距离东碾河县城取水口500米范围内禁止新建、改建、扩建排放污染物的工业项目和燃煤设施。\n")
PLANT = ("项目名称：静乐县某农产品深加工项目\n建设内容：新建杂粮加工车间及配套燃煤热风炉一台，年加工杂粮2万吨，"
         "生产废水经厂内沉淀后排放。\n选址：位于县城东侧，{site}\n")


@pytest.fixture(scope="module")
def intake_notice(tmp_path_factory):
    return small_library(tmp_path_factory, "intake", {"静乐县东碾河水源地通告.txt": INTAKE})


@pytest.mark.parametrize(("site", "second"), [
    ("东碾河北岸，距县城取水口约300米。", "conflict"),  # a town's intake is the drinking-water source the notice is about
    ("东碾河北岸，距东碾河县城取水口约2公里。", None),  # the distance is said in another sentence than the act
    ("距东碾河县城取水口约2000米，不在饮用水水源保护区内。", None),
])
def test_a_distance_said_anywhere_in_the_proposal_decides_the_bound(intake_notice, site, second):
    from shanxi_policy.check.engine import check_proposal

    rep = check_proposal(intake_notice, PLANT.format(site=site))
    got = {f.relation for f in rep.findings if f.article == "第二项"}
    assert ("conflict" in got) is (second == "conflict")
    # waste water discharged with no destination said is not a discharge into the river: it is to be checked
    assert {f.relation for f in rep.findings if f.article == "第一项"} <= {"attention", "related"}


NIGHT = ("项目名称：某市城市快速路东延工程\n建设内容：新建城市快速路8.5公里，其中2.1公里路段从居民小区和一所小学之间穿过，"
         "道路边线距住宅楼约15米。\n施工安排：{permit}\n")


@pytest.mark.parametrize(("permit", "conflict"), [
    # the refusal of the permit does not deny the night work stated before it; shortening the schedule is not
    # the "生产工艺要求或者其他特殊需要" the exception is granted for
    ("为缩短工期，计划昼夜连续施工，夜间进行桩基和混凝土浇筑作业，不另行办理夜间施工手续。", True),
    # the exception's cause stated, with its permit; and no night work at all
    ("因混凝土浇筑生产工艺要求必须连续施工，夜间进行浇筑作业，已取得住房和城乡建设主管部门的证明并公告附近居民。", False),
    ("夜间不施工，每日22时至次日6时停止施工作业。", False),
])
def test_night_works_near_homes_break_the_noise_law(library_kb, permit, conflict):
    from shanxi_policy.check.engine import check_proposal

    rep = check_proposal(library_kb, NIGHT.format(permit=permit), doc_filter=LAWS)
    got = {f.relation for f in rep.findings if f.hit.clause_id == "噪声污染防治法:a43"}
    assert ("conflict" in got) is conflict and ("supports" in got) is not conflict


def test_an_exception_for_a_cause_needs_the_cause():
    from shanxi_policy.check.judges import _mentions_exception
    from shanxi_policy.check.proposal import analyze

    exc = "但抢修、抢险施工作业；因生产工艺要求或者其他特殊需要必须连续施工作业的除外"
    act = "夜间进行产生噪声的建筑施工作业"
    facts = analyze("为缩短工期，夜间连续施工作业。因生产工艺要求必须连续浇筑混凝土，夜间连续施工作业。"
                    "抢修供水管道，夜间施工作业。").facts
    assert [_mentions_exception(exc, act, f) for f in facts] == [False, True, True]


def test_a_modal_inside_a_projects_kind_starts_no_rule(library_kb):
    got = [(n.modality, n.action, n.subject) for n in library_kb.norms() if n.clause_id == "建设项目环境保护管理条例:a9"]
    # "依法应当编制环境影响报告书、环境影响报告表的建设项目，建设单位应当…" is one duty, for that kind of project
    assert not any(a.endswith("的建设项目") for _m, a, _s in got)
    assert any(m == "obligation" and "报有审批权的环境保护行政主管部门审批" in a and "的建设项目" in s for m, a, s in got)


def test_a_town_water_intake_is_a_drinking_water_source():
    from shanxi_policy.check.proposal import analyze

    fact = analyze("选址：位于县城东侧，距县城取水口约300米。").facts[0]
    assert any("饮用水水源" in m.terms for m in fact.mentions)


@pytest.mark.parametrize(("history", "question", "resolved", "article"), [
    # asked within the law the earlier question named: every word of it is a word of that law
    ("湿地保护法什么时候施行的？", "谁负责监督管理？", "湿地保护法中，谁负责监督管理？", "湿地保护法:a5"),
    # a question of its own on the earlier subject, not a word put into the earlier question
    ("排污许可证有效期是几年？", "到期了怎么办？", "排污许可证有效期，到期了怎么办？", None),
    # the breach of the act a yes/no question asked about
    ("医疗废物可以和生活垃圾混在一起吗？", "违反了会怎么处罚？", "医疗废物和生活垃圾混在一起，违反了会怎么处罚？",
     "医疗废物管理条例:a47"),
])
def test_follow_ups_not_of_the_ne_form(library_kb, history, question, resolved, article):
    ans = library_kb.ask(question, history=[history])
    assert ans.resolved_question == resolved
    if article:
        assert ans.citations[0].clause_id == article


def test_a_question_the_earlier_law_never_speaks_of_is_not_put_into_it(library_kb):
    ans = library_kb.ask("个人所得税起征点是多少？", history=["湿地保护法什么时候施行的？"])
    assert not ans.resolved_question and not ans.found


def test_a_neighbours_drill_is_a_noise_question(library_kb):
    ans = library_kb.ask("邻居家装修周末一直在电钻，违法吗？")
    assert ans.citations[0].clause_id == "噪声污染防治法:a66"


def test_check_takes_the_proposal_file_as_an_argument(tmp_path):
    from click.testing import CliRunner

    from shanxi_policy.cli import main

    f = tmp_path / "p.txt"
    f.write_text("项目名称：某焦化项目。供热采用燃煤锅炉。原料煤采用国四柴油货车运输。", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(f), "--no-history", "--index", str(ROOT / "index")])
    assert r.exit_code == 0 and "总体结论" in r.output


def test_clinical_waste_put_with_household_garbage_is_medical_waste_mixed_in():
    from shanxi_policy.check.proposal import analyze

    fact = analyze("病区产生的针头、纱布、输液管等临床垃圾集中后，与生活垃圾一起交由环卫部门清运。").facts[0]
    terms = {t for m in fact.mentions for t in m.terms}
    assert {"医疗废物", "混入"} <= terms


@pytest.mark.parametrize(("number", "question", "cited"), [
    ("晋环发〔2025〕9号", "晋环发[2025]9号是什么文件？", True),
    ("晋环发〔2025〕9号", "晋环发〔2025〕19号是什么文件？", False),
    ("", "美丽山西实施意见是什么文件？", False),  # a document without a number is never named by one
])
def test_a_question_cites_a_document_number(number, question, cited):
    from shanxi_policy.answer.metadata import cites_number

    doc = Document(doc_id="x", title="x", text="", clauses=[], meta={"doc_number": number})
    assert cites_number(question, doc) is cited
