"""Findings of the twelfth user trial (an office loading its own local regulations), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.judges import RuleJudge
from shanxi_policy.check.proposal import analyze

from .check_helpers import library_norms, make_norm, verdicts

LAWS = ("大气污染防治法",)


def _document(tmp_path, name: str, text: str):
    """A document written as an office would import it, parsed as the library parses it."""
    import shanxi_policy as sp

    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return sp.load_corpus([f]).documents[0]


def _norms(tmp_path, name: str, text: str):
    from shanxi_policy.norms.extract import extract_norms

    return extract_norms(_document(tmp_path, name, text))


@pytest.mark.parametrize(("text", "verdict"), [
    ("排污单位原始监测记录保存期限为六年。", "supports"),  # figures in words: 六年 keeps "不得少于五年"
    ("原始监测记录统一保存两年，到期后清理。", "conflict"),  # 两年 breaks it
    ("原始监测记录保存期限为5年。", "supports"),
])
def test_a_bound_written_in_words_is_compared_with_the_figure(text, verdict):
    bound = make_norm("prohibition", "原始监测记录保存期限少于五年", trigger="不得")
    judge = RuleJudge()
    judge.prepare([*library_norms(LAWS), bound])
    assert judge.judge(analyze(text).facts[0], bound).verdict == verdict


def test_a_duty_of_two_parts_is_broken_by_refusing_one():
    duty = make_norm("obligation", "土方开挖时采取分区、分段作业，对已完成的作业面进行覆盖",
                     subject="房屋建筑工程施工单位")
    assert "conflict" in verdicts("房屋建筑工程施工，基坑开挖后的裸露土方暂不覆盖。", duty, LAWS)
    assert "conflict" not in verdicts("房屋建筑工程施工，基坑开挖后的裸露土方全部覆盖防尘网。", duty, LAWS)


COAL = "项目名称：城区集中供热改造项目。供热采用燃煤锅炉，年耗煤5万吨，锅炉烟气经布袋除尘后排放。"


def test_check_cites_only_the_documents_asked_for(tmp_path):
    import json

    from click.testing import CliRunner

    from shanxi_policy.cli import main

    r = CliRunner().invoke(main, ["check", "--text", COAL, "--doc", "大气污染防治法", "--json", "--no-history"])
    assert r.exit_code == 0, r.output
    rep = json.loads(r.stdout)
    assert rep["findings"] and {f["hit"]["doc_id"] for f in rep["findings"]} == {"大气污染防治法"}
    bad = CliRunner().invoke(main, ["check", "--text", COAL, "--doc", "不存在的条例", "--no-history"])
    assert bad.exit_code != 0 and "没有与“不存在的条例”对应的文档" in bad.output


def test_a_general_word_of_a_title_does_not_gate_the_law(library_kb):
    # 清洁生产促进法 is not only for proposals that say 生产; 自然保护区条例 is for those that name the zone
    from shanxi_policy.check.engine import document_gates
    from shanxi_policy.check.proposal import load_lexicon
    from shanxi_policy.retrieve.norm_search import check_source

    gates = document_gates(check_source(library_kb), load_lexicon())
    assert gates["清洁生产促进法"] == "" and gates["自然保护区条例"] == "自然保护区"
    assert gates["医疗废物管理条例"] == "医疗"


def test_the_chu_of_a_verb_opens_no_exception(tmp_path):
    norms = _norms(tmp_path, "某市扬尘污染防治条例.txt",
                   "某市扬尘污染防治条例\n\n第一条 拆除工程施工，应当采取下列扬尘污染防治措施：\n"
                   "（一）人口密集区拆除作业应当设置防护排架并外挂密目防尘安全网；\n"
                   "（二）采取爆破方式进行拆除的，爆破前应当采取内外洒水、喷淋等方式淋湿建筑物。\n"
                   "第二条 除抢险救灾外，禁止夜间进行产生噪声的拆除作业。\n")
    assert norms and not any(n.exceptions.startswith("除作业") or n.exceptions.startswith("除的") for n in norms)
    assert any(n.exceptions.startswith("除抢险救灾外") for n in norms)  # a real exception is still read


def test_a_regulation_filed_with_its_promulgation_notice_keeps_its_own_title(tmp_path):
    d = _document(tmp_path, "notice.txt",
                  "某市人民代表大会常务委员会公告\n\n（第十号）\n\n《某市扬尘污染防治条例》已于2018年12月27日经某市第十八届"
                  "人民代表大会常务委员会第十八次会议通过，2019年2月12日经某省第十三届人民代表大会常务委员会第十次会议批准，"
                  "现予公布，自2019年3月1日起施行。\n\n某市人民代表大会常务委员会\n\n2019年2月13日\n\n某市扬尘污染防治条例\n\n"
                  "（2018年12月27日某市第十八届人民代表大会常务委员会第十八次会议通过　2019年2月12日某省第十三届人民代表大会"
                  "常务委员会第十次会议批准）\n\n第一条 为了防治扬尘污染，制定本条例。\n\n第二条 施工单位应当设置围挡。\n")
    assert d.title == "某市扬尘污染防治条例"
    assert d.meta["issuer"] == ["某市人民代表大会常务委员会"]  # not "经某市…"


@pytest.mark.parametrize(("question", "name"), [
    ("太原市扬尘污染防治条例对工地围挡高度有什么规定？", "太原市扬尘污染防治条例"),
    ("按照山西省大气污染防治条例，锅炉怎么管？", "山西省大气污染防治条例"),
])
def test_a_local_regulation_the_library_lacks_is_said(library_kb, question, name):
    ans = library_kb.ask(question)
    assert not ans.found and f"文档库中没有《{name}》" in ans.text


def test_a_held_regulation_named_with_its_place_is_answered(library_kb):
    assert library_kb.ask("城市生活垃圾分类有什么要求？").found  # 城市 is no place name


def test_an_article_line_filling_the_column_goes_on_in_the_next_line():
    from shanxi_policy.text.repair import repair

    raw = ("第六条 市生态环境主管部门对污染源自动监控工作实施统一监督管理；公安、市场监\n"
           "管等有关部门按照各自职责做好污染源自动监控有关工作。\n"
           "第七条 任何组织和个人不得破坏污染源自动监测设施，有权向政务服务热线或者生态\n"
           "环境主管部门举报擅自拆除或者闲置、破坏自动监测设施以及在设施运行维护和数据采集、\n"
           "传输中弄虚作假等行为。\n"
           "第一章 总则\n"
           "第八条 排污单位应当安装自动监测设施。\n")
    paras = repair(raw).paragraphs
    assert any(p.startswith("第七条") and "或者生态环境主管部门举报" in p and p.endswith("等行为。") for p in paras)
    assert "第一章 总则" in paras  # a heading line stays its own paragraph


def test_what_a_work_is_likely_to_cause_does_not_head_its_condition():
    from shanxi_policy.check.judges import condition_heads

    assert condition_heads("石材、木料等加工易产生扬尘的作业") == (("加工",),)
    assert condition_heads("产生工业固体废物的单位") == (("固体废物",),)  # what a party produces still heads it
    duty = make_norm("obligation", "生产加工区域设置封闭罩棚，配备抑尘、除尘、防尘设备或者采取湿法作业等扬尘污染防治措施",
                     conditions="石材、木料等加工易产生扬尘的作业")
    assert "conflict" in verdicts("项目名称：某石材加工厂。石材加工采用干式切割，不设置封闭罩棚，不配备除尘设备。", duty, LAWS)


def test_a_condition_listing_the_works_bound_holds_for_any_of_them():
    duty = make_norm("obligation", "按照有关要求安装视频监控和颗粒物在线监测设备",
                     conditions="建筑面积超过一定规模的房屋建筑工程施工现场、大型物料堆放场、预拌混凝土和预拌砂浆生产企业")
    assert "conflict" in verdicts("项目名称：某预拌混凝土搅拌站。预拌混凝土搅拌站不安装颗粒物在线监测设备。", duty, LAWS)


def test_a_project_without_the_things_a_duty_is_about_does_not_break_it():
    duty = make_norm("obligation", "贮存煤炭、煤矸石、煤渣、煤灰、水泥、石灰、石膏、砂土等易产生扬尘的物料密闭")
    store = ("项目名称：某物流仓储中心。项目不设露天堆场，所有货物均在封闭式仓库内贮存，"
             "不涉及砂石、煤炭等易起尘物料的装卸。")
    assert "conflict" not in verdicts(store, duty, LAWS)


def test_a_duty_ending_in_the_state_it_asks_for_is_broken_by_denying_it():
    duty = make_norm("obligation", "贮存煤炭、煤矸石、煤渣、煤灰、水泥、石灰、石膏、砂土等易产生扬尘的物料密闭")
    yard = "项目名称：某煤炭储运站。煤炭在场内露天贮存，不密闭，也不设防尘网。"
    assert "conflict" in verdicts(yard, duty, LAWS)


def test_a_condition_naming_only_who_is_bound_holds_for_a_building_project():
    duty = make_norm("obligation", "施工工地出入口进行硬化，设置车辆清洗和污水收集设施，车辆冲洗干净后方可驶出",
                     conditions="施工单位施工")
    assert "conflict" in verdicts("项目名称：某住宅楼工程。施工工地出入口不硬化，不设置车辆清洗设施，车辆直接驶出。",
                                  duty, LAWS)


def test_a_party_is_known_by_the_last_word_of_its_name():
    duty = make_norm("obligation", "实施分区作业，采取围挡、覆盖、喷淋、道路硬化或者其他抑尘措施，并设置车辆清洗设施",
                     subject="生活垃圾填埋场和建筑垃圾消纳场")
    site = "项目名称：某住宅楼工程。建筑施工工地出入口不硬化，不设置车辆清洗设施，车辆直接驶出。"
    assert set(verdicts(site, duty, LAWS)) <= {"not_applicable"}
    landfill = "项目名称：某建筑垃圾消纳场。消纳场出入口不设置车辆清洗设施，车辆直接驶出。"
    assert "conflict" in verdicts(landfill, duty, LAWS)


def test_a_sentence_with_a_fronted_object_keeps_the_previous_subject(tmp_path):
    norms = _norms(tmp_path, "某市污染源自动监控条例.txt",
                   "某市污染源自动监控条例\n\n第一条 生态环境主管部门应当对污染源自动监测设施的运行情况进行检查。"
                   "对监测数据异常的排污单位，应当实施重点检查。\n")
    second = next(n for n in norms if "重点检查" in n.action)
    assert second.subject == "生态环境主管部门" and second.subject_type == "government"


def test_a_penalty_sentence_cut_at_its_semicolon_goes_on_to_the_amount():
    from shanxi_policy.answer.extract import _up_to_amount

    text = ("第七十一条 违反本条例规定，在雨水、污水分流地区将污水排入雨水管网的，由城镇排水主管部门责令改正，给予警告；"
            "逾期不改正或者造成严重后果的，对单位处十万元以上二十万元以下罚款，对个人处二万元以上十万元以下罚款；"
            "造成损失的，依法承担赔偿责任。")
    first = "第七十一条 违反本条例规定，在雨水、污水分流地区将污水排入雨水管网的，由城镇排水主管部门责令改正，给予警告；"
    got = "".join(_up_to_amount(text, ["", first]))
    assert got.endswith("对个人处二万元以上十万元以下罚款；") and "赔偿" not in got
    assert _up_to_amount("甲应当改正；乙应当公开。", ["", "甲应当改正；"]) == ["", "甲应当改正；"]  # no amount: as chosen


def test_yu_wu_is_read_as_rain_and_sewage():
    from shanxi_policy.text.tokenize import expand_query

    assert {"雨水", "污水", "分流"} <= set(expand_query(["雨污分流"]))


@pytest.mark.parametrize(("question", "name"), [
    ("南四湖的生态水位是多少米？", "水位"),
    ("工地围挡高度不低于多少米？", "高度"),
    ("养殖场离水源多少米？", "距离"),
    ("排污许可证有效期几年？", "年限"),
])
def test_the_note_names_what_a_figure_measures(question, name):
    from shanxi_policy.answer.extract import asked_unit_name

    assert asked_unit_name(question) == name


def test_a_penalty_follow_up_is_answered_by_the_article_citing_the_duty(library_kb):
    # 第二十七条 sanctions 第二十条 by number ("违反本办法第二十条规定的"); it shares few words with the question
    a = library_kb.ask("违反了罚多少？", history=["领取危险废物收集经营许可证的单位，收集的废矿物油要在多长时间内转运？"])
    assert a.citations[0].clause_id == "危险废物经营许可证管理办法:a27" and "1万元以上5万元以下" in a.text


@pytest.mark.parametrize(("n", "cn"), [(1, "一"), (10, "十"), (15, "十五"), (25, "二十五"), (100, "一百"),
                                       (101, "一百零一"), (115, "一百一十五"), (123, "一百二十三")])
def test_article_numbers_in_words(n, cn):
    from shanxi_policy.text.markers import cn_numeral, cn_to_int

    assert cn_numeral(n) == cn and cn_to_int(cn) == n


@pytest.mark.parametrize("question", ["不办会怎么处罚？", "不办的话罚多少？", "没有备案会怎么罚？"])
def test_not_doing_what_was_asked_is_a_follow_up(question):
    from shanxi_policy.answer.followup import is_aspect_only

    assert is_aspect_only(question)


def test_a_penalty_follow_up_after_a_procedure(library_kb):
    a = library_kb.ask("不办会怎么处罚？", history=["危险废物经营单位变更法人名称要办理什么手续？"])
    assert a.citations[0].clause_id == "危险废物经营许可证管理办法:a22"


def test_a_review_with_only_what_it_could_not_review_says_so(tmp_path):
    from shanxi_policy.check.docx_report import write_docx
    from shanxi_policy.check.report import Report, to_markdown, verdict_label

    rep = Report("attention", [], title="某餐饮店", proposal="后厨废水直接排入雨水管网。",
                 gaps=["项目材料涉及“废水”等环境事项，但未能匹配到适用的条款，需人工审查。"])
    assert verdict_label(rep) == "未能完成审查，需人工审查"
    assert "总体结论：未能完成审查，需人工审查" in to_markdown(rep)
    assert rep.to_dict()["verdict_label"] == "未能完成审查，需人工审查" and rep.to_dict()["verdict"] == "attention"
    from docx import Document as Docx

    text = "\n".join(p.text for p in Docx(str(write_docx(rep, tmp_path / "r.docx"))).paragraphs)
    assert "未能完成审查，需人工审查" in text
    assert verdict_label(Report("attention", [], gaps=[])) == "基本可行，但有需关注事项"


DEZHOU = ("德州市扬尘污染防治条例\n\n（2019年1月1日德州市人民代表大会常务委员会通过）\n\n"
          "第一条 为了防治扬尘污染，制定本条例。\n\n第二条 施工工地出入口应当设置车辆清洗设施，车辆冲洗干净后方可驶出。\n")
JINING = ("济宁市水环境保护条例\n\n（2021年1月1日济宁市人民代表大会常务委员会通过）\n\n"
          "第一条 为了保护水环境，制定本条例。\n\n第二条 洗车经营者应当设置车辆清洗废水沉淀设施，车辆清洗废水不得直接排放。\n")


@pytest.fixture(scope="module")
def two_cities(tmp_path_factory):
    from .conftest import small_library

    return small_library(tmp_path_factory, "cities", {"德州市扬尘污染防治条例.txt": DEZHOU, "济宁市水环境保护条例.txt": JINING})


def test_a_proposal_naming_its_place_is_not_checked_against_another_places_rules(two_cities):
    from shanxi_policy.check.service import check_proposal

    text = "项目名称：德州市某住宅楼工程。施工扬尘：施工工地出入口不设置车辆清洗设施；车辆清洗废水直接排放。"
    cited = {f.hit.doc_id for f in check_proposal(two_cities, text).findings}
    assert "济宁市水环境保护条例" not in cited and "德州市扬尘污染防治条例" in cited
    unnamed = "项目名称：某住宅楼工程。施工扬尘：施工工地出入口不设置车辆清洗设施；车辆清洗废水直接排放。"
    assert "济宁市水环境保护条例" in {f.hit.doc_id for f in check_proposal(two_cities, unnamed).findings}


def test_a_class_noun_does_not_name_the_party():
    duty = make_norm("obligation", "装卸物料应当采取密闭方式，露天装卸物料应当强化洒水、喷淋等抑尘措施",
                     subject="物料堆放场所")
    yard = ("项目名称：某砂石中转场。砂石采用露天堆放，场地四周暂不设置围挡和防风抑尘网；"
            "装卸采用铲车露天作业，不采取密闭方式，也不洒水。")
    assert "not_applicable" != verdicts(yard, duty, LAWS)[-1]


@pytest.mark.parametrize(("text", "conflict"), [
    ("项目名称：某住宅小区。小区排水系统实行雨水、污水分流，雨水经雨水管网排入市政雨水管，"
     "生活污水经化粪池后接入市政污水管网。", False),
    ("项目名称：某住宅小区。除楼顶公共屋面雨水排放系统外，各户阳台、露台排水管道均接入污水管网。", False),
    ("项目名称：某餐饮店。厨房废水直接排入雨水管网。", True),
])
def test_a_ban_on_putting_a_thing_into_a_place_needs_that_thing_there(text, conflict):
    ban = make_norm("prohibition", "将污水排入雨水管网", trigger="不得")
    assert ("conflict" in verdicts(text, ban, LAWS)) is conflict


@pytest.mark.parametrize(("text", "conflict"), [
    ("项目名称：某造纸厂自动监测设施运维情况报告。公司废水排放口自动监测设施已按技术规范完成验收，并与监控平台稳定联网。"
     "公司每日审核自动监测数据，对异常数据进行标记并上传平台，每季度委托有资质机构进行比对检测。本年度未发现数据超标。", False),
    ("项目名称：某造纸厂自动监测运维。自动监测数据季度有效传输率低于技术规范规定的标准，仅为六成。", True),
])
def test_a_bound_by_a_standard_needs_a_stated_breach(text, conflict):
    ban = make_norm("prohibition", "污染源自动监测设施正常运行后，自动监测数据的季度有效传输率低于相关技术规范规定的标准",
                    trigger="不得")
    assert ("conflict" in verdicts(text, ban, LAWS)) is conflict


def test_a_duty_opening_with_the_places_it_is_about_needs_one_of_them():
    duty = make_norm("obligation", "大型车停车场、大型车维修点的停车场地、道路硬化，其他裸露地面采取铺装、绿化等措施，"
                     "出入口设置车辆清洗设施")
    duty = duty.__class__(**{**duty.__dict__, "quote": "大型车停车场、大型车维修点的停车场地、道路应当硬化，其他裸露地面应当"
                             "采取铺装、绿化等措施，出入口应当设置车辆清洗设施"})
    site = "项目名称：某住宅楼工程。工地大门处先铺设碎石，土方车出场不另设冲洗台，由司机自行目测车轮情况后上路。"
    assert "conflict" not in verdicts(site, duty, LAWS)
    park = "项目名称：某物流公司大型车停车场。停车场场地不硬化，出入口不设冲洗台。"
    assert "conflict" in verdicts(park, duty, LAWS)


@pytest.mark.parametrize(("condition", "head"), [
    ("市政基础设施工程施工", ("基础设施",)),  # the works built, not the act of building
    ("产生工业固体废物的单位", ("固体废物",)),
    ("施工单位施工", ("施工单位",)),
])
def test_the_works_head_a_condition_on_building_them(condition, head):
    from shanxi_policy.check.judges import condition_heads

    assert condition_heads(condition) == (head,)


def test_works_without_the_measure_asked_during_them_are_not_compliant():
    duty = make_norm("obligation", "路面切割、开挖、破碎等作业，采取洒水、喷淋等抑尘措施", conditions="市政基础设施工程施工")
    roadworks = "项目名称：某市政道路改造工程。工程包括旧路面铣刨、路面切割破碎、雨污水管线敷设和路面重铺。"
    got = verdicts(roadworks, duty, LAWS)
    assert "supports" not in got and "attention" in got
    wet = "项目名称：某市政道路改造工程。路面切割破碎作业时全程洒水、喷淋抑尘。"
    assert "attention" not in verdicts(wet, duty, LAWS)


@pytest.mark.parametrize(("question", "clause"), [
    ("大气法第七十二条是怎么规定的？", "大气污染防治法:a72"),
    ("环评法第三十一条说了什么？", "环境影响评价法:a31"),
])
def test_an_article_asked_by_the_laws_abbreviation(library_kb, question, clause):
    a = library_kb.ask(question)
    assert a.citations[0].clause_id == clause and a.text.startswith(a.citations[0].text[:20])
    assert "不能密闭的" in a.text or clause != "大气污染防治法:a72"  # the whole article, not its first sentence


@pytest.mark.parametrize("question", ["那2035年呢？", "那罚款呢？", "还有呢？"])
def test_a_follow_up_with_nothing_before_it_asks_for_the_whole_question(library_kb, question):
    a = library_kb.ask(question)
    assert not a.found and "前面没有问题可以接续" in a.text


def test_a_topic_with_nothing_before_it_is_answered(library_kb):
    assert library_kb.ask("黑臭水体呢？").found


def test_what_becomes_of_a_described_breach_is_its_penalty(library_kb):
    from shanxi_policy.answer.qtype import ASKS_PENALTY

    assert ASKS_PENALTY.search("建设单位未依法报批环境影响评价文件就擅自开工建设的，怎么处理？")
    assert not ASKS_PENALTY.search("废机油怎么处理？")  # a way of handling, no breach
    a = library_kb.ask("建设单位未依法报批环境影响评价文件就擅自开工建设的，怎么处理？")
    assert "法律责任" in " ".join(a.citations[0].path) and "罚款" in a.text


def test_a_list_item_given_as_an_answer_comes_with_its_lead(library_kb):
    a = library_kb.ask("违反了怎么处罚？", history=["排污许可证的有效期是几年？"])
    assert "有效期届满未申请延续" in a.text and "处20万元以上100万元以下的罚款" in a.text


def test_a_limited_review_says_what_it_was_limited_to(library_kb, tmp_path):
    from docx import Document as Docx

    from shanxi_policy.check.docx_report import write_docx
    from shanxi_policy.check.history import History
    from shanxi_policy.check.report import report_from_dict, to_markdown
    from shanxi_policy.check.service import check_proposal
    from shanxi_policy.retrieve.filters import DocFilter

    text = "项目名称：某焦化项目。供热采用燃煤锅炉，煤场露天堆放。"
    rep = check_proposal(library_kb, text, doc_filter=DocFilter(doc_ids=["大气污染防治法"]))
    assert rep.basis == "仅依据《中华人民共和国大气污染防治法》"
    assert "审查依据范围：仅依据《中华人民共和国大气污染防治法》" in to_markdown(rep)
    docx_text = "\n".join(p.text for p in Docx(str(write_docx(rep, tmp_path / "r.docx"))).paragraphs)
    assert "审查依据范围：仅依据《中华人民共和国大气污染防治法》" in docx_text
    assert report_from_dict(rep.to_dict()).basis == rep.basis
    h = History(tmp_path / "h.sqlite3")
    h.add(rep)
    assert h.list()[0].title.endswith("（仅依据《中华人民共和国大气污染防治法》）")
    assert check_proposal(library_kb, text).basis == ""


def test_every_picker_of_the_app_has_a_chinese_placeholder():
    """Streamlit's own placeholder is English ("Choose an option"); every picker names its own."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "shanxi_policy" / "app"
    missing = []
    for f in root.rglob("*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in ("selectbox", "multiselect"):
                kw = {k.arg: k.value for k in node.keywords}
                ph = kw.get("placeholder")
                if not (isinstance(ph, ast.Constant) and any("\u4e00" <= ch <= "\u9fff" for ch in str(ph.value))):
                    missing.append(f"{f.name}:{node.lineno}")
    assert not missing, missing


def test_a_field_label_is_not_an_act_done():
    duty = make_norm("obligation", "保证其畜禽粪便、废水的综合利用或者无害化处理设施正常运转，保证污水达标排放，防止污染水环境",
                     subject="畜禽养殖场、养殖小区")
    farm = ("项目名称：XX县生猪规模养殖场\n建设内容：新建生猪养殖场一座，设计存栏5000头。\n"
            "污染治理措施：粪污经厌氧发酵制取沼气，沼渣沼液制成有机肥还田利用，实现全部资源化利用。\n"
            "排放：项目不设排污口，不向河道排放任何废水。\n")
    assert "conflict" not in verdicts(farm, duty, ("水污染防治法", "畜禽规模养殖污染防治条例"))


def test_a_duty_of_new_works_of_one_kind_binds_only_those_works(library_kb):
    from shanxi_policy.check.service import check_proposal

    farm = ("XX县生猪规模养殖场建设方案\n一、建设内容：在XX镇新建生猪养殖场一座，设计存栏5000头，年出栏1万头。"
            "选址不在禁养区内，距离最近村庄1.2公里。\n二、粪污处理：建设雨污分流设施和粪污贮存池，粪污经厌氧发酵制取沼气，"
            "沼渣沼液制成有机肥还田利用，实现全部资源化利用。\n三、排放：项目不设排污口，不向河道排放任何废水。\n")
    rep = check_proposal(library_kb, farm)
    # "新建民用机场选址与噪声敏感建筑物集中区域的距离应当符合标准要求" binds airports
    assert not any(f.hit.clause_id == "噪声污染防治法:a45" and f.relation == "conflict" for f in rep.findings)
    assert rep.verdict != "conflict"


def test_burning_that_is_only_the_name_of_works_is_not_done():
    ban = make_norm("prohibition", "在人口集中地区和其他依法需要特殊保护的区域内焚烧沥青、油毡、橡胶、塑料、皮革、垃圾",
                    trigger="禁止")
    plant = "项目名称：某县城污水处理厂提标改造。产生的污泥经脱水后送县生活垃圾焚烧厂协同处置，实现无害化处置。"
    assert "conflict" not in verdicts(plant, ban, LAWS)
    burn = "项目名称：某县城小区物业。小区垃圾在县城空地上焚烧处理。"
    assert "conflict" in verdicts(burn, ban, LAWS)


def test_a_notice_numbered_1_2_3_has_those_items_as_clauses(tmp_path):
    d = _document(tmp_path, "汛期通知.txt",
                  "某县生态环境分局关于加强汛期涉水企业环境监管的通知\n\n各乡镇人民政府，各涉水企业：\n\n"
                  "为防范汛期环境风险，现将有关事项通知如下：\n\n"
                  "1. 各涉水企业应在6月1日前完成雨污分流设施检查，严禁借雨排污。\n\n"
                  "2. 污水处理设施应正常运行，在线监测数据保存不少于三年。\n\n3. 发现超标排放的，依法从严处罚。\n\n"
                  "某县生态环境分局\n\n2025年5月10日\n")
    items = [c for c in d.clauses if c.kind == "item"]
    assert [c.number for c in items] == [1, 2, 3] and "保存不少于三年" in items[1].text
