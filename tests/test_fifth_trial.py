"""Defects a new official met on 2026-12-05 (fifth trial): a notice's signature block read as its last clause, a
one-sentence item that gave no rules, a phase-out read as use, sludge tipped into a gully passed (the plant's own
name read as the disposal site), 符合 findings
resting on a field's name or on a duty that only refers to other rules, and a blank chat message that repeated the
previous question; and misreadings found on the third blind batch (a duty to reduce waste read as broken by a project
that adds none, the catch-all item of a list that swallowed the rest of the act)."""

from __future__ import annotations

import pytest

from shanxi_policy.check.curated import _said
from shanxi_policy.check.engine import check_proposal
from shanxi_policy.check.judges import _ONLY_REFERENCE, _reduced, action_verbs, term_groups
from shanxi_policy.check.negation import find_mentions
from shanxi_policy.errors import QueryError
from shanxi_policy.norms.extract import extract_clause_norms
from shanxi_policy.retrieve.filters import DocFilter
from shanxi_policy.text.structure import _body_end, parse_document

from .conftest import small_library

LAWS_ONLY = DocFilter(doc_types=["法律", "行政法规"])

NOTICE = ["吕梁市人民政府办公室关于印发吕梁市焦化行业高质量发展实施方案的通知", "吕政办发〔2024〕30号", "一、总体要求",
          "（一）到2025年底，全市焦化行业全部完成超低排放改造。", "二、重点任务",
          "（二）严禁新增焦化产能，新建焦化项目必须实施产能减量置换。"]


@pytest.mark.parametrize(("tail", "kept"), [
    (["吕梁市人民政府办公室", "2024年5月20日"], 0),
    (["吕梁市人民政府办公室2024年5月20日"], 0),  # joined into one line by line repair
    (["吕梁市人民政府办公室", "二〇二四年五月二十日", "（此件公开发布）"], 0),
    (["请各单位认真贯彻落实", "吕梁市人民政府办公室", "2024年5月20日"], 1),  # a body line is not a signer
    (["全市于2024年11月15日"], 1),  # a date inside the body's words is not a signature
])
def test_the_signature_block_is_not_part_of_the_last_clause(tail, kept):
    paras = [*NOTICE, *tail]
    assert _body_end(paras) == len(NOTICE) + kept
    last = parse_document("x", paras).clauses[-1]
    assert ("吕梁市人民政府办公室" in last.text) is False
    assert last.text.startswith("（二）严禁新增焦化产能")


def test_a_one_sentence_item_is_its_own_rule():
    clause = parse_document("x", NOTICE).clauses[-1]
    norms = extract_clause_norms(clause)
    got = {(n.modality, n.action) for n in norms}
    assert ("prohibition", "新增焦化产能") in got and any(m == "obligation" for m, _ in got)


@pytest.mark.parametrize(("text", "negated"), [
    ("现有国四柴油货车全部淘汰。", True),  # the phase-out follows the vehicle's whole name
    ("35蒸吨以下燃煤锅炉全部淘汰，改为集中供热。", True),
    ("厂内运输继续使用国四柴油货车，明年淘汰。", False),  # another clause of the sentence
])
def test_a_phase_out_after_the_thing_removes_it(text, negated):
    term = "国四" if "国四" in text else "燃煤锅炉"
    assert find_mentions(text, [term], removal_negates=True)[0].negated is negated


def test_a_field_name_is_not_a_measure_taken():
    text = "建设内容：猪舍12栋。\n粪污处理：猪粪堆放于露天堆场。"
    ms = find_mentions(text, ["粪污处理"])
    assert ms and _said(text, ms) == []
    said = "建设内容：猪舍12栋，配套粪污处理设施。"
    assert _said(said, find_mentions(said, ["粪污处理"]))


@pytest.mark.parametrize(("word", "action", "reduced"), [
    ("固体废物", "采用先进的生产工艺和设备，减少工业固体废物的产生量，降低工业固体废物的危害性", True),
    ("煤矸石", "减少尾矿、煤矸石、废石等矿业固体废物的产生量和贮存量", True),  # an item of the reduced list
    ("设备", "采用先进的生产工艺和设备，减少工业固体废物的产生量", False),
])
def test_the_object_of_a_reducing_duty(word, action, reduced):
    assert _reduced(word, action) is reduced


def test_a_duty_that_only_refers_to_other_rules_and_a_filing_duty():
    assert _ONLY_REFERENCE.search("畜禽养殖场、养殖小区、定点屠宰企业等的选址、建设和管理符合有关法律法规规定")
    assert not _ONLY_REFERENCE.search("按照规定设置排污口")
    assert "备案" in action_verbs("定期将畜禽养殖品种、规模以及畜禽养殖废弃物的产生、排放和综合利用等情况，报县级人民政府环境保护"
                                "主管部门备案")


def test_a_catch_all_item_ends_at_its_de():
    groups = term_groups("重金属或者其他有毒有害物质含量超标的污泥进入农用地")
    assert ("污泥",) in groups and ("农用地",) in groups  # the act every item shares stays required
    assert any("重金属" in g and "超标" in g for g in groups)


SEWAGE = "项目名称：某县城镇污水处理厂。污泥运至附近沟壑填埋。尾水经处理达标后排入城区污水管网。"


def test_sludge_tipped_into_a_gully_is_dumping(library_kb):
    rep = check_proposal(library_kb, SEWAGE, doc_filter=LAWS_ONLY)
    cited = {f.hit.clause_id: f.relation for f in rep.findings}
    # tipped where no approval shows: at least for the reviewer to settle (the plant's own name is no disposal site)
    assert cited.get("固体废物污染环境防治法:a72") in ("conflict", "attention")
    fixed = check_proposal(library_kb, SEWAGE.replace("运至附近沟壑填埋", "经干化后送市生活垃圾焚烧发电厂协同处置"),
                           doc_filter=LAWS_ONLY)
    assert {f.hit.clause_id: f.relation for f in fixed.findings}.get("固体废物污染环境防治法:a72") not in (
        "conflict", "attention")


def test_a_blank_follow_up_is_refused_not_read_as_the_last_question(library_kb):
    with pytest.raises(QueryError, match="问题不能为空"):
        library_kb.ask("   ", history=["到2030年非化石能源比重要达到多少？"])


@pytest.fixture(scope="module")
def two_cities(tmp_path_factory):
    return small_library(tmp_path_factory, "cities", {
        "洛阳市湿地保护条例.txt": "洛阳市湿地保护条例\n\n第十七条 湿地自然公园应当按照有关规定进行命名和挂牌。"
                          "任何单位和个人不得擅自命名、挂牌县级以上湿地自然公园。\n",
        "济南市湿地保护条例.txt": "济南市湿地保护条例\n\n第二十五条 湿地公园的设立应当经批准。"
                          "未经批准，任何单位和个人不得使用“湿地公园”名称。\n"})


@pytest.mark.parametrize(("question", "pinned"), [
    ("洛阳我们村边有片水塘，村里能不能自己挂个“湿地公园”的牌子？", False),  # 济南's text does not apply in 洛阳
    ("村边有片水塘，村里能不能自己挂个“湿地公园”的牌子？", True),
])
def test_another_places_text_is_not_pinned_for_a_quoted_phrase(two_cities, question, pinned):
    src = {h.clause_id: h.source for h in two_cities.search(question, k=2)}
    assert (src.get("济南市湿地保护条例:a25") == "exact") is pinned


@pytest.mark.parametrize(("sentence", "unit", "compared"), [
    ("到2025年底，全市焦化产能控制在4000万吨以内。", "万吨", False),  # the region's total, not a project's size
    ("新建焦化项目产能不低于100万吨。", "万吨", True),  # a size each project must have
    ("到2025年，全市可再生能源消费比重达到20%。", "%", True),  # a share is comparable
])
def test_a_regional_total_is_not_compared_with_one_project(library_kb, sentence, unit, compared):
    from shanxi_policy.check.curated import _figure_finding
    from shanxi_policy.models import Indicator

    ind = Indicator(2025, "焦化产能", 4000.0, unit, "以内", "meili_shanxi_shishi_yijian:c1", sentence)
    got = _figure_finding(library_kb, ind, 150.0, unit, "新建焦化产能150万吨")
    assert (got is not None) is compared


SOLAR = ("项目名称：忻州市静乐县100MW农光互补光伏项目\n"
         "建设地点：静乐县某乡，光伏阵列布置在永久基本农田上，采用架高支架农光互补方式。\n"
         "项目区位于汾河水库饮用水水源二级保护区内。\n施工安排：夜间（22时至次日6时）连续施工，距离最近村庄约150米，未办理夜间施工证明。")


def test_rules_on_other_acts_zones_and_parties_are_not_findings(library_kb):
    cited = _cited(check_proposal(library_kb, SOLAR, doc_filter=LAWS_ONLY))
    assert cited.get("黄河保护法:a66") not in ("conflict", "attention")  # 划定 is what a government does
    assert cited.get("噪声污染防治法:a45") not in ("conflict", "attention")  # an airport's siting duty
    assert cited.get("水污染防治法:a67") not in ("conflict", "attention")  # 准保护区 is not the 二级保护区 stated


COKING = ("项目名称：吕梁市某县年产150万吨焦化项目\n"
          "固废：焦油渣、脱硫废液属于危险废物，暂存于厂区临时堆场，待投产后再委托处置。\n"
          "环评情况：项目拟先行开工建设，环境影响评价文件正在编制中。")


def test_a_rule_on_a_narrower_thing_does_not_support(library_kb):
    cited = _cited(check_proposal(library_kb, COKING, doc_filter=LAWS_ONLY))
    assert cited.get("固体废物污染环境防治法:a73") != "supports"  # 实验室固体废物, not a coke plant's 焦油渣
    assert cited.get("环境影响评价法:a25") == "conflict" or cited.get("建设项目环境保护管理条例:a9") == "conflict"


def _cited(rep):
    return {f.hit.clause_id: f.relation for f in rep.findings}


def test_the_provinces_own_texts_are_listed_first(library_kb):
    from shanxi_policy.app.filters_view import home_first

    docs = home_first(list(library_kb.documents), "山西")
    kinds = [0 if "山西" in d.title else 1 if d.meta.get("doc_type") in ("法律", "行政法规") else 2 for d in docs]
    assert kinds == sorted(kinds) and kinds[0] == 0


@pytest.mark.parametrize(("question", "history", "silent"), [
    ("那噪声呢？", ["大气污染防治法对扬尘有什么规定？"], True),  # the air law never speaks of noise
    ("大气污染防治法对扬尘有什么规定？", [], False),
    ("自然保护区条例对突发事件有什么要求？", [], False),  # it says 突然性事件
])
def test_a_named_law_that_is_silent_on_the_subject_is_said_to_be(library_kb, question, history, silent):
    ans = library_kb.ask(question, history=history)
    assert ("中没有关于" in (ans.note or "")) is silent
    if silent:
        assert ans.found and all("大气污染防治法" not in h.doc_title for h in ans.citations[:3])


def test_a_new_question_frame_carries_the_old_subject_whole(library_kb):
    from shanxi_policy.answer.followup import resolve

    got = resolve("每年什么时候之前报呢？", ["县级生态环境部门每年颁发危废经营许可证的情况，要报哪一级备案？"],
                  library_kb.term_idf, library_kb.documents)
    assert "危废经营许可证" in got and got.endswith("什么时候之前报？")


@pytest.mark.parametrize(("question", "article"), [
    ("危险废物转移需要办理什么手续？", "固体废物污染环境防治法:a82"),  # 转移 is the subject; 手续 the kind of answer
    ("危险废物经营单位终止经营要办理什么手续？", "危险废物经营许可证管理办法:a14"),
])
def test_the_act_asked_about_decides_the_answer_not_the_word_for_procedure(library_kb, question, article):
    assert library_kb.ask(question).citations[0].clause_id == article


@pytest.fixture(scope="module")
def two_notices(tmp_path_factory):
    return small_library(tmp_path_factory, "notices", {
        "忻州新能源通知.txt": "忻州市发展和改革委员会关于推进新能源项目建设的通知\n\n忻发改能源〔2024〕88号\n\n一、总体要求\n\n"
                        "（一）光伏项目不得占用永久基本农田。\n",
        "晋中秋冬季通知.txt": "晋中市生态环境局关于加强秋冬季大气污染防治工作的通知\n\n晋环发〔2024〕12号\n\n一、工作任务\n\n"
                        "（一）2024年11月15日前，全市35蒸吨以下燃煤锅炉全部淘汰。\n"})


@pytest.mark.parametrize(("question", "numbers"), [
    ("忻州新能源通知的文号是什么？", ["忻发改能源〔2024〕88号"]),  # the words it shares with one title pick it
    ("这份通知的文号是什么？", ["忻发改能源〔2024〕88号", "晋环发〔2024〕12号"]),  # nothing to tell them apart
])
def test_a_metadata_question_answers_for_the_notice_it_names(two_notices, question, numbers):
    text = two_notices.ask(question).text
    assert all(n in text for n in numbers) and len([n for n in ("88号", "12号") if n in text]) == len(numbers)


def test_a_place_the_answering_notice_is_from_raises_no_not_addressed_hint(two_notices):
    ans = two_notices.ask("晋中市35蒸吨以下燃煤锅炉什么时候前淘汰？")
    assert "11月15日" in ans.text and "未找到针对" not in (ans.note or "")


def test_a_question_on_a_permit_whose_law_is_missing_says_so(library_kb):
    ans = library_kb.ask("煤矿安全生产许可证怎么办理？")
    # no clause of the library speaks of it: refused, with the laws that would answer it named
    assert "安全生产许可证条例" in (ans.note or "") + ans.text


def test_messages_name_no_exception_class(tmp_path):
    from shanxi_policy.errors import IngestError
    from shanxi_policy.ingest.loaders import load_file

    bad = tmp_path / "坏文件.pdf"
    bad.write_bytes(b"%PDF-1.4 not really a pdf")
    with pytest.raises(IngestError) as exc:
        load_file(bad)
    assert "Error" not in str(exc.value) and "损坏" in str(exc.value)


def test_the_served_app_shows_no_developer_menu_and_the_products_upload_limit():
    import tomllib

    from shanxi_policy.settings import Settings

    from .conftest import ROOT

    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert cfg["client"]["toolbarMode"] == "viewer"
    assert cfg["server"]["maxUploadSize"] * 2**20 == Settings().max_file_bytes


def test_a_comparison_is_drawn_from_the_document_not_the_news_report(library_kb):
    ans = library_kb.ask("2027年和2035年的目标有什么不同？")
    assert ans.type == "comparison" and ans.table is not None
    first = ans.table.cites[0][1]
    assert ans.citations[first - 1].doc_id == "meili_shanxi_shishi_yijian"
