"""Proposal wording a second trial of the check misread: acts listed before their objects, an unlawful manner the
proposal neither shows nor rules out, a duty to do an act to a standard when the act is not done, a thing named at
another administrative level, a sentence without any lexicon word, and advice for a procedure."""

from __future__ import annotations

from functools import partial

import pytest

from shanxi_policy.check.curated import run_check
from shanxi_policy.check.engine import check_proposal
from shanxi_policy.check.rules import load_checks
from shanxi_policy.retrieve.filters import DocFilter

from .check_helpers import make_norm, verdicts

LAW_FILES = ("水污染防治法", "湿地保护法", "黄河保护法", "固体废物污染环境防治法")
_verdicts = partial(verdicts, law_files=LAW_FILES)
LAWS_ONLY = DocFilter(doc_types=["法律", "行政法规"])


@pytest.mark.parametrize(("text", "verdict"), [
    ("项目拟在黄河干支流岸线管控范围内新建化工项目。", "conflict"),
    ("项目拟在黄河干支流岸线管控范围内新建化工园区。", "conflict"),
    ("项目拟在黄河干支流岸线管控范围内扩建现有厂房，不新建化工项目。", "not_applicable"),
])
def test_listed_acts_apply_to_each_listed_object(text, verdict):
    norm = make_norm("prohibition", "新建、扩建化工园区和化工项目", scope="在黄河干支流岸线管控范围内")
    got = _verdicts(text, norm)
    assert (verdict in got) if verdict == "conflict" else ("conflict" not in got)


@pytest.mark.parametrize(("text", "verdict"), [
    ("洗煤厂煤矸石运至村东荒沟倾倒填平。", "attention"),  # the act, and nothing shows it is sanctioned
    ("洗煤厂煤矸石随意倾倒在村东荒沟。", "conflict"),  # the unlawful manner itself
    ("洗煤厂煤矸石运至经批准的一般固废处置场填埋。", "not_applicable"),
])
def test_an_unlawful_manner_left_open_needs_attention(text, verdict):
    norm = make_norm("prohibition", "擅自倾倒、堆放、丢弃、遗撒固体废物")
    assert verdict in _verdicts(text.replace("煤矸石", "煤矸石等固体废物"), norm)


@pytest.mark.parametrize(("text", "verdict"), [
    ("沼液全部还田利用，不向任何水体排放养殖废水。", "not_applicable"),
    ("养殖废水不经处理直接排入河道。", "conflict"),
    ("养殖污水不达标排放。", "conflict"),
])
def test_a_standard_for_an_act_not_done_is_moot(text, verdict):
    norm = make_norm("obligation", "保证污水达标排放", subject="畜禽养殖场")
    got = _verdicts("项目名称：某畜禽养殖场。" + text, norm)
    assert (verdict in got) if verdict == "conflict" else ("conflict" not in got)


@pytest.mark.parametrize(("text", "conflict"), [
    ("项目位于省级重要湿地内，拟占用湿地建设停车场。", False),
    ("项目位于国家重要湿地内，拟占用湿地建设停车场。", True),
])
def test_a_thing_named_at_another_level_is_another_thing(text, conflict):
    norm = make_norm("prohibition", "占用国家重要湿地")
    assert ("conflict" in _verdicts(text, norm)) is conflict


def test_every_sentence_is_checked(library_kb):
    rep = check_proposal(library_kb, "项目名称：某加油站改造。地下油罐未使用双层罐，也未建造防渗池。",
                         doc_filter=LAWS_ONLY)
    assert any(f.relation == "conflict" and f.citation() == "《水污染防治法》第四十条" for f in rep.findings)


def test_a_discharge_nothing_matched_is_not_a_clean_result(library_kb):
    from dataclasses import replace

    from shanxi_policy.check.engine import decide, prepare_check

    # The same proposal with every candidate clause taken away: only the stated discharge is left.
    prep = prepare_check(library_kb, "项目名称：某厂。冷却塔排污水经厂区沉淀池后排入村外旱沟。", doc_filter=LAWS_ONLY)
    bare = replace(prep, fixed=[], hits=[[] for _ in prep.hits], duties=[], duty_hits=[])
    rep = decide(bare)
    assert rep.findings == [] and rep.verdict == "attention"
    assert any("需人工审查" in g for g in rep.gaps)
    for text in ("项目名称：某单位食堂改造。内容：更换灶具，增加座位。",
                 "项目名称：社区老年食堂。社区利用闲置用房改建老年食堂，委托餐饮企业运营。"):  # 委托 is an act, not a waste
        rep = check_proposal(library_kb, text, doc_filter=LAWS_ONLY)
        assert rep.verdict == "unrelated" and rep.gaps == []


def test_advice_for_a_procedure_is_to_complete_it(library_kb):
    rep = check_proposal(library_kb, "项目名称：某再生铝项目。项目已先行开工建设厂房，环境影响报告书尚未报批。",
                         doc_filter=LAWS_ONLY)
    procedural = [f for f in rep.findings if f.relation == "conflict" and "未" in f.hit.quote]
    assert all(f.recommendation.endswith("。") for f in rep.findings)
    assert all("取消或调整" not in f.recommendation for f in procedural)


def test_an_omitted_seed_measure_needs_attention_and_a_refused_one_conflicts(library_kb):
    check = next(c for c in load_checks("") if c.id == "chem_rainwater")
    omitted = run_check(library_kb, check, "某化工园区精细化工项目，年产农药中间体5000吨。")
    refused = run_check(library_kb, check, "某化工园区精细化工项目，未建设初期雨水收集池，雨水直接外排。")
    later = run_check(library_kb, check, "某化工园区精细化工项目，初期雨水收集池待以后再建设。")
    assert omitted is not None and omitted.relation == "attention"
    assert refused is not None and refused.relation == "conflict"
    assert later is not None and later.relation == "attention"


@pytest.mark.parametrize(("text", "item", "intro"), [
    ("第二十一条 自行处置医疗废物的，应当符合下列基本要求：\n(一)应当消毒；\n(二)能够焚烧的，应当及时焚烧。", "(二)",
     "自行处置医疗废物的，应当符合下列基本要求："),
    ("第九条 申请人应当提交材料。具备下列条件：（一）有场所；（二）有人员。", "（二）", "具备下列条件："),
    ("第三条 禁止下列行为。（一）甲", "（一）", ""),  # no list intro: the item is quoted alone
])
def test_a_list_item_is_quoted_with_its_intro(text, item, intro):
    from shanxi_policy.check.engine import _list_intro

    assert _list_intro(text, item) == intro


@pytest.mark.parametrize(("text", "supports"), [
    ("项目名称：年产20万吨再生铝项目。", False),  # one word in common is not the encouraged measure
    ("厂区生产用水全部使用再生水，提高污水再生利用率。", True),
])
def test_an_encouragement_needs_more_than_a_shared_word(text, supports):
    norm = make_norm("encouragement", "使用再生水，提高污水再生利用率")
    assert ("supports" in _verdicts(text, norm)) is supports


@pytest.mark.parametrize(("text", "raised"), [
    ("规划名称：某市新材料产业园区发展规划（2026—2035年）。规划内容：主导产业为煤基新材料和精细化工。", True),
    ("规划名称：某市新材料产业园区发展规划。规划内容：主导产业为精细化工。规划环境影响报告书已报送审查。", False),
    ("项目名称：某食品厂扩建项目。建设地点：符合城市总体规划的工业园区。", False),  # a project, not a plan
])
def test_a_plan_is_asked_for_its_plan_eia(text, raised):
    from shanxi_policy.check.engine import _open_obligations
    from shanxi_policy.check.proposal import analyze, load_lexicon

    lex = load_lexicon()
    assert any(ob["id"] == "plan_eia" for ob, _ in _open_obligations(analyze(text, lex), lex)) is raised
