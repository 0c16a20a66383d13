"""The norm-based compliance check: proposal analysis, norm search, judgment, citations, architecture.

The library here is the two seed documents plus a few national laws, searched through the CheckSource
interface with BM25 over norms (no embeddings), so the whole file runs in seconds.
"""

from __future__ import annotations

import ast
import json

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

import shanxi_policy as sp
from shanxi_policy.check.engine import CheckParams, check_proposal
from shanxi_policy.check.judges import LLMJudge, RuleJudge
from shanxi_policy.check.proposal import NEGATED, PRESENT, REMOVED, analyze, load_lexicon
from shanxi_policy.check.report import report_from_dict, to_markdown
from shanxi_policy.check.rules import load_checks
from shanxi_policy.norms.extract import extract_norms
from shanxi_policy.retrieve.filters import DocFilter
from shanxi_policy.retrieve.norm_search import CheckSource, NormSearch

from .conftest import LAWS, ROOT, SEEDS

LAW_FILES = ["大气污染防治法", "水污染防治法", "固体废物污染环境防治法", "水法", "排污许可管理条例", "环境影响评价法",
             "建设项目环境保护管理条例", "环境保护法"]
BM25 = CheckParams(dense=False)

INCINERATOR = ("项目名称：某县生活垃圾焚烧发电项目。建设地点：某县城东河岸边的河滩地上，紧邻河道。"
               "建设内容：建设日处理生活垃圾600吨的焚烧炉两台。焚烧烟气经半干法脱酸、活性炭吸附、布袋除尘后经80米烟囱排放。"
               "焚烧产生的飞灰运至县生活垃圾填埋场直接填埋。")
COAL_MINE = "项目名称：某煤矿洗煤厂项目。建设内容：年洗选原煤300万吨。洗煤废水经简单沉淀后直接排入附近河流。"


@pytest.fixture(scope="module")
def lib() -> NormSearch:
    corpus = sp.load_corpus([*SEEDS, *(LAWS / f"{name}.md" for name in LAW_FILES)])
    norms = [n for d in corpus.documents for n in extract_norms(d)]
    return NormSearch(corpus.documents, norms, version="test")


def check(lib, text, **kw):
    return check_proposal(lib, text, params=BM25, **kw)


def test_library_is_a_check_source(lib):
    assert isinstance(lib, CheckSource)
    hits = lib.search_norms(["饮用水水源保护区 排污口"], k=5, dense=False)[0]
    assert "水污染防治法:a64" in {h.norm.clause_id for h in hits}


def test_curated_checks_cite_only_the_seed_documents():
    seeds = {p.stem for p in SEEDS}
    assert {c.clause.split(":", 1)[0] for c in load_checks()} <= seeds


# ----- proposal analysis ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "state"),
    [
        ("本项目不设排污口，废水全部回用。", "排污口", NEGATED),
        ("项目未开展环评即开工建设。", "环评", NEGATED),
        ("项目未开展环评即开工建设。", "开工", PRESENT),
        ("企业已取得排污许可证。", "排污许可证", PRESENT),
        ("对全县农户实施散煤替代，采用煤改电。", "散煤", REMOVED),
        ("项目位于水源保护区外2公里。", "水源保护区", NEGATED),
        ("拆除产生的建筑垃圾倒入取土坑。", "倒入", PRESENT),
    ],
)
def test_every_fact_carries_its_polarity(text, surface, state):
    mentions = [m for f in analyze(text).facts for m in f.mentions if m.surface == surface]
    assert mentions and mentions[0].state == state


@pytest.mark.parametrize(
    ("text", "law_word"),
    [
        ("废水排入厂区东侧的天然落水洞。", "溶洞"),
        ("在县自来水厂取水口上游800米处设排放口。", "饮用水水源保护区"),
        ("每晚22时至次日6时打桩作业。", "夜间"),
        ("厂址位于河滩地上。", "河道管理范围"),
        ("项目位于省级自然保护区缓冲区内。", "自然保护区"),
        ("废机油（HW08）交由个体户收购。", "危险废物"),
        ("焚烧飞灰送填埋场。", "危险废物"),
    ],
)
def test_concept_lexicon_bridges_applicants_words(text, law_word):
    assert any(law_word in f.query() for f in analyze(text).facts)


def test_leave_one_law_out_drops_that_laws_entries():
    lex = load_lexicon()
    without = lex.without_source("水污染防治法")
    assert len(without.concepts) < len(lex.concepts)
    assert all(c.source != "水污染防治法" for c in without.concepts)
    assert not any("溶洞" in f.query() for f in analyze("废水排入落水洞。", without).facts)


# ----- the three examples of the issue ------------------------------------------------------------------------
def test_coal_replacement_is_not_a_conflict(lib):
    rep = check(lib, "对全县农户实施散煤替代，采用煤改电。")
    assert rep.verdict != "conflict"
    assert not any(f.relation == "conflict" for f in rep.findings)


def test_incinerator_siting_flue_gas_and_fly_ash(lib):
    rep = check(lib, INCINERATOR)
    concerns = [f for f in rep.findings if f.relation in ("conflict", "attention")]
    siting = [f for f in concerns if "河滩" in f.evidence or "河道" in f.evidence]
    assert siting and any("河道管理范围" in f.hit.quote or "滩地" in f.hit.quote for f in siting)
    assert any("烟气" in f.evidence for f in concerns)
    ash = [f for f in concerns if "飞灰" in f.evidence]
    assert ash and "危险废物" in ash[0].hit.quote and "飞灰" not in ash[0].hit.quote  # bridged by the lexicon


def test_coal_mine_water_discharge_cites_the_article(lib):
    rep = check(lib, COAL_MINE)
    water = [f for f in rep.findings if f.relation in ("conflict", "attention") and f.doc_label == "水污染防治法"
             and "洗煤废水" in f.evidence]
    assert water
    f = water[0]
    assert f.article.startswith("第") and f.article.endswith("条")
    assert f.citation() == f"《水污染防治法》{f.article}"
    assert f.recommendation.startswith(f"依据《水污染防治法》{f.article}") and "建议" in f.recommendation
    assert f.hit.quote in lib.clause(f.hit.clause_id).text


# ----- judgment -------------------------------------------------------------------------------------------------
def test_prohibition_negation_and_exception(lib):
    rep = check(lib, "项目名称：电镀项目。建设地点：县饮用水水源一级保护区内。废水经处理后通过新设排污口排入水库。")
    assert any(f.relation == "conflict" and f.hit.clause_id.startswith("水污染防治法:a6") for f in rep.findings)
    rep = check(lib, "项目名称：电镀项目。建设地点：县饮用水水源保护区以外5公里。不设排污口，废水全部回用。")
    assert not any(f.relation == "conflict" and f.hit.clause_id == "水污染防治法:a64" for f in rep.findings)


def test_unrelated_proposal(lib):
    rep = check(lib, "项目名称：全市科级干部能力提升培训班。培训内容：公文写作和应急管理课程，共4期。")
    assert rep.verdict == "unrelated"


def test_document_type_filter_leaves_out_the_seed_policy(lib):
    rep = check(lib, "项目名称：年产100万吨焦化项目。供热采用燃煤锅炉。", doc_filter=DocFilter(doc_types=["法律", "行政法规"]))
    assert rep.findings and all(f.hit.doc_id in LAW_FILES for f in rep.findings)


def test_llm_judge_uses_the_model_and_falls_back(lib):
    fact = analyze("洗煤废水直接排入附近河流。").facts[0]
    norm = next(n for n in lib.norms() if n.norm_id == "水污染防治法:a45#0")
    answer = json.dumps({"verdict": "attention", "reason": "未说明废水处理", "recommendation": "补充处理措施"},
                        ensure_ascii=False)
    judge = LLMJudge(FakeListChatModel(responses=[answer, "我不确定"]))
    judge.prepare(lib.norms())
    j = judge.judge(fact, norm)
    assert j.verdict == "attention" and j.reason == "未说明废水处理"
    rule = RuleJudge()
    rule.prepare(lib.norms())
    assert judge.judge(fact, norm).verdict == rule.judge(fact, norm).verdict  # unreadable answer -> rule judge


def test_llm_judge_in_a_whole_check(lib):
    answer = json.dumps({"verdict": "conflict", "reason": "直接排放", "recommendation": "停止直排"}, ensure_ascii=False)
    rep = check_proposal(lib, COAL_MINE, params=BM25, judge=LLMJudge(FakeListChatModel(responses=[answer] * 200)))
    f = next(f for f in rep.findings if f.reason == "直接排放")
    assert f.relation == "conflict" and f.recommendation.startswith("依据《") and f.recommendation.endswith("停止直排")


# ----- reports and architecture -------------------------------------------------------------------------------
def test_report_groups_by_document_and_round_trips(lib):
    rep = check(lib, INCINERATOR)
    md = to_markdown(rep)
    assert "### 《" in md and "#### 1. 《" in md
    again = report_from_dict(json.loads(json.dumps(rep.to_dict(), ensure_ascii=False)))
    assert to_markdown(again) == md
    # the JSON lists the findings by their numbers, as the Word report does
    assert [f.citation() for _n, f in again.numbered()] == [f.citation() for _n, f in rep.numbered()]
    assert [x["no"] for x in rep.to_dict()["findings"]] == list(range(1, len(rep.findings) + 1))


def test_old_history_records_still_load(lib):
    d = check(lib, COAL_MINE).to_dict()
    for f in d["findings"]:  # a record written before findings carried norms
        for k in ("norm_id", "article", "doc_label", "score", "citation"):
            f.pop(k)
    rep = report_from_dict(d)
    assert all(f.citation().startswith("《") for f in rep.findings)


def test_knowledge_base_does_not_import_the_checker():
    tree = ast.parse((ROOT / "shanxi_policy" / "kb.py").read_text(encoding="utf-8"))
    modules = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not any(m == "check" or m.startswith("check.") for m in modules)
    assert not hasattr(sp.KnowledgeBase, "check")


# ----- judgment mechanisms (issue 9, second round) ---------------------------------------------------------------
def _cites(rep, relation, clause_id):
    return any(f.relation == relation and f.hit.clause_id == clause_id for f in rep.findings)


def test_polarity_words_are_not_matched_as_content(lib):
    # "…或者审查后未予批准的，建设单位不得开工建设": "未予" marks polarity; counting it as a word made the
    # condition look denied by the proposal's own "未予批准".
    rep = check(lib, "项目名称：年产20万吨再生铝项目。建设计划：项目拟于下月先行开工建设厂房，"
                     "环评报告书与主体施工同步编制、同步报批。")
    assert _cites(rep, "conflict", "环境影响评价法:a25") or _cites(rep, "conflict", "建设项目环境保护管理条例:a9")


def test_condition_alternatives_and_denying_phrases(lib):
    # "未经验收或者验收不合格的，不得投入生产": either condition suffices; "竣工验收待…后再办理" denies 验收.
    rep = check(lib, "项目名称：年产10万吨陶瓷砖项目。审批情况：环评报告书已批复。投产安排：主体工程竣工后立即投入生产，"
                     "配套的除尘设施竣工验收待正式生产一年后再组织办理。")
    assert _cites(rep, "conflict", "建设项目环境保护管理条例:a19")


def test_scope_alternatives_and_an_act_told_across_sentences(lib):
    # The red line is in one sentence, the landfill in another; the scope lists three alternative zones.
    rep = check(lib, "项目名称：一般工业固体废物填埋场项目。建设地点：场址位于省政府划定的生态保护红线范围内。"
                     "建设内容：新建粉煤灰、炉渣填埋场。")
    f = next(f for f in rep.findings if f.hit.clause_id == "固体废物污染环境防治法:a21")
    assert f.relation == "conflict"
    # the sentence, with the one putting the works in the zone, not the whole proposal
    assert "填埋场" in f.evidence and "红线" in f.evidence and "项目名称" not in f.evidence


def test_project_fact_points_to_the_sentence_of_the_matched_words():
    from shanxi_policy.check.proposal import project_fact

    prop = analyze("项目名称：尾矿库项目。建设地点：汾河西岸的沟谷内。建设内容：新建尾矿库。")
    whole = project_fact(prop)
    assert whole is not None and "汾河" in whole.sentence and "尾矿库" in whole.sentence
    assert whole.evidence(["汾河"]) == "建设地点：汾河西岸的沟谷内。"
    assert analyze("项目名称：尾矿库项目。").facts and project_fact(analyze("项目名称：尾矿库项目。")) is None
    assert project_fact(analyze("建设内容：新建尾矿库。" * 60)) is None  # a long document is not one project


def test_prohibition_of_an_unlawful_manner(lib):
    # "禁止随意倾倒、抛撒、堆放或者焚烧生活垃圾" is about the manner, not about a licensed incinerator.
    rep = check(lib, "项目名称：生活垃圾焚烧发电项目。建设内容：日处理生活垃圾1000吨，"
                     "焚烧飞灰经稳定化后送填埋场安全处置，炉渣综合利用。")
    assert not _cites(rep, "conflict", "固体废物污染环境防治法:a49")
    rep = check(lib, "项目名称：废品收购站。经营内容：将收来的生活垃圾在院内随意堆放，定期露天焚烧。")
    assert _cites(rep, "conflict", "固体废物污染环境防治法:a49")


def test_one_shared_word_is_not_a_conflict(lib):
    # "收购" is a 转让, but "禁止伪造、变造、转让排污许可证" needs the licence too.
    rep = check(lib, "项目名称：废品收购站。经营内容：将收来的生活垃圾在院内随意堆放，定期露天焚烧。")
    assert not _cites(rep, "conflict", "排污许可管理条例:a26")


def test_unaddressed_duty_of_a_class_of_parties(lib):
    # 水法 第四十八条 binds "直接从江河、湖泊或者地下取用水资源的单位和个人"; 汾河 is a river.
    rep = check(lib, "项目名称：某工业园区供水工程。供水方案：在汾河岸边建设取水泵站，直接抽取汾河水作为生产用水。")
    f = next(f for f in rep.findings if f.hit.clause_id == "水法:a48")
    assert f.relation == "attention" and "未说明" in f.reason


def test_catch_all_item_widens_an_enumeration():
    from shanxi_policy.check.judges import term_groups

    groups = term_groups("焚烧沥青、橡胶、塑料以及其他产生有毒有害烟尘的物质")
    alt = next(g for g in groups if "塑料" in g)
    assert "烟尘" in alt and ("烟尘",) not in groups and ("焚烧",) in groups


def test_findings_of_one_sentence_do_not_fill_the_first_places():
    from shanxi_policy.check.engine import _diversify
    from shanxi_policy.check.report import Finding
    from shanxi_policy.models import Hit

    def finding(cid, evidence, score):
        return Finding("supports", Hit("d", "d", cid, ("第一条",), "t", score, "norm", "t", []), evidence, "", "",
                       score=score)

    got = _diversify([finding("d:a1", "环境影响登记表已备案。", 0.5), finding("d:a2", "环境影响登记表已备案。", 0.45),
                      finding("d:a3", "屋顶安装光伏。", 0.3)])
    assert [f.hit.clause_id for f in got] == ["d:a1", "d:a3", "d:a2"]


def test_prohibition_opening_with_a_list_of_acts_needs_one_of_them(lib):
    # "禁止伪造、变造、转让危险废物经营许可证": a project that hands its waste to a licensed unit names the
    # licence but does none of the acts.
    from shanxi_policy.norms.model import Norm

    n = Norm("x:a1#0", "x:a1", "x", "prohibition", "禁止", "", "伪造、变造、转让危险废物经营许可证", "", "",
             "禁止伪造、变造、转让危险废物经营许可证")
    judge = RuleJudge()
    judge.prepare(lib.norms())
    assert judge.judge(analyze("危险废物交有资质单位处置并执行转移联单制度。").facts[0], n).verdict != "conflict"
    assert judge.judge(analyze("拟将本厂危险废物经营许可证转让给他人使用。").facts[0], n).verdict == "conflict"


def test_reason_names_only_the_translated_words_of_its_own_article(lib):
    # The concept lexicon translates many words of a proposal (河滩 → 河道管理范围 …); a finding's reason
    # names only those whose legal term is in the article it cites.
    rep = check(lib, INCINERATOR)
    noted = [f for f in rep.findings if "属于" in f.reason and f.reason.startswith("项目材料中")]
    assert noted
    for f in noted:
        pairs = f.reason.removeprefix("项目材料中").split("；")[0].split("，")
        for p in pairs:
            term = p.split("属于", 1)[1]
            assert term in f.hit.quote or term in lib.clause(f.hit.clause_id).text, (p, f.hit.quote)


def test_a_condition_holds_only_with_its_head_noun(lib):
    # 水法 第十九条: "在其他江河、湖泊上建设水工程，未取得…规划同意书的，建设单位不得开工建设". A plant near a
    # river that starts building builds no 水工程: the river and the building are only the condition's context.
    plant = check(lib, "项目名称：某焦化项目。建设地点：某工业园区，西侧约1公里为汾河。建设内容：新建焦炉2座。"
                       "手续：环评报告书已批复。计划：拟于2027年3月开工。")
    assert not _cites(plant, "conflict", "水法:a19")
    from shanxi_policy.check.judges import condition_heads

    assert condition_heads("在其他江河、湖泊上建设水工程，未取得县级以上地方人民政府水行政主管部门签署的规划同意书的") \
        == (("水工程",),)
    assert condition_heads("排放工业废水的企业") == (("工业废水",),)
    assert condition_heads("在饮用水水源保护区内") == ()  # a place alone names no object


def test_a_forbidden_act_needs_the_thing_named_after_its_last_de(lib):
    # "任何单位和个人不得为建设单位指定编制建设项目环境影响报告书、环境影响报告表的技术单位": an approved report
    # is not the appointment of a technical unit.
    rep = check(lib, "项目名称：某冷链物流园建设项目。建设内容：新建冷库2座。手续：环评报告表已批复。")
    assert not _cites(rep, "conflict", "环境影响评价法:a20")


def test_a_place_the_scope_reader_left_in_the_act(lib):
    # 大气污染防治法 第八十一条 lists three places; the third ("与居住层相邻的商业楼层内") stayed in the act.
    rep = check(lib, "项目名称：某火锅店开设项目。建设地点：某小区住宅楼一层底商，楼上为住户。经营内容：火锅、炒菜。")
    assert _cites(rep, "conflict", "大气污染防治法:a81")


def test_concept_pairs_of_one_sentence_are_searched():
    from shanxi_policy.check.engine import _pair_queries

    fact = analyze("建设内容：线路约1.2公里穿越河滩湿地，采用路基填筑方式通过。").facts[0]
    pairs = _pair_queries(fact)
    assert any("占用" in q and "湿地" in q for q in pairs)
    assert all(len(q.split()) >= 2 for q in pairs)


def test_a_procedure_put_off_is_searched_as_its_absence(lib):
    # "未经验收或者验收不合格的，不得投入生产或者使用" (建设项目环境保护管理条例 第十九条): the proposal never says
    # 未经验收; it puts the acceptance off and produces meanwhile.
    rep = check(lib, "项目名称：某铸件厂年产2万吨球墨铸铁件项目。审批情况：环境影响报告表已于2025年批复。"
                     "建设进度：因订单紧张，布袋除尘器和废水处理站边调试边生产，竣工环保验收计划明年上半年再组织。")
    assert _cites(rep, "conflict", "建设项目环境保护管理条例:a19")
    # a bare 验收 is no denial: the lexicon's phrases that deny it are not matched by the word alone
    done = check(lib, "项目名称：某家具厂年产5万件板式家具项目。审批情况：环境影响报告表已批复。"
                      "进度：配套的除尘设施和污水处理站已于上月通过竣工环境保护验收，现已全面投入生产。")
    assert not _cites(done, "conflict", "建设项目环境保护管理条例:a19")


def test_times_of_day_a_law_defines_are_read_from_its_text():
    from shanxi_policy.check.engine import defined_periods, with_defined_periods

    corpus = sp.load_corpus([LAWS / "噪声污染防治法.md"])
    noise = NormSearch(corpus.documents, [n for d in corpus.documents for n in extract_norms(d)], version="noise")
    periods = defined_periods(noise)
    assert [c.terms for c in periods] == [("夜间",)]
    # without the hand-written lexicon entry for 夜间, the law's definition (晚上十点至次日早晨六点) still reads it
    lex = with_defined_periods(load_lexicon().without_source("噪声污染防治法"), noise)

    def night(text: str) -> bool:
        return any("夜间" in m.terms for f in analyze(text, lex).facts for m in f.mentions)

    assert night("施工安排：旋挖钻机安排在每晚23时至次日5时连续作业。")
    assert night("施工安排：浇筑作业21时至23时进行。")  # ends inside the night
    assert not night("服务内容：工作日16时至18时开展作业辅导。")
    assert not night("施工安排：作业只在白天8时至18时进行。")


def test_document_gates_follow_the_lexicon_not_its_object_id(lib):
    from shanxi_policy.check.engine import document_gates

    lex = load_lexicon().without_source("水污染防治法")
    assert document_gates(lib, lex)["固体废物污染环境防治法"] == "固体废物"
    # A freed lexicon's id is reused by the next one (here: the same object given other entries): its gates must
    # be computed from its own entries, not taken from the cache of the old one.
    lex.concepts = []
    assert not any(document_gates(lib, lex).values())
