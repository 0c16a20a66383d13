"""Findings of the thirteenth user trial (a county office's coking plant), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.judges import RuleJudge, fallback_duties
from shanxi_policy.check.proposal import analyze
from shanxi_policy.check.service import check_proposal

from .check_helpers import library_norms

LAWS = ("大气污染防治法",)

COKING = """项目名称：XX县100万吨/年焦化项目
建设地点：汾河谷地XX县工业园区
建设内容：新建4.3米捣固焦炉2座，年产焦炭100万吨，配套建设一台35蒸吨燃煤自备锅炉。
运输方式：原料煤和焦炭全部采用公路汽车运输。
污染治理措施：煤场露天堆放，定期洒水；焦炉烟气经除尘后排放。"""


@pytest.mark.parametrize("text", ["煤场露天堆放，定期洒水。", "砂石料堆放在厂区东侧料棚内。"])
def test_piling_a_material_does_not_make_it_waste(text):
    terms = {t for f in analyze(text).facts for m in f.mentions for t in m.terms}
    assert "固体废物" not in terms
    assert "倾倒" not in terms


def test_discarding_a_thing_still_makes_it_waste():
    terms = {t for f in analyze("施工弃土丢弃在村东荒沟。").facts for m in f.mentions for t in m.terms}
    assert {"固体废物", "倾倒"} <= terms


def test_an_article_names_the_duty_that_replaces_one_that_cannot_be_met():
    norms = library_norms(LAWS)
    fallbacks = fallback_duties(norms)
    first = next(n for n in norms if n.clause_id == "大气污染防治法:a72" and n.action.endswith("密闭"))
    assert fallbacks[first.norm_id][0].conditions == "不能密闭的"
    assert fallbacks[first.norm_id][1] == "密闭"
    # only duties whose own act the condition names: 第七十二条's 分区作业 has no replacement
    assert all("密闭" in n.action or "回收利用" in n.action or "综合利用" in n.action or "避让" in n.action
               for n in norms if n.norm_id in fallbacks)


@pytest.mark.parametrize(("text", "verdict"), [
    # open-air piling is not closed, but the article lets it be fenced and covered: to be shown, not a breach
    ("贮煤场原煤露天堆放，定期洒水降尘。", "attention"),
    # the replacement refused too: a breach
    ("贮煤场原煤露天堆放，不设围挡，也不覆盖。", "conflict"),
    # the replacement taken: the article is kept
    ("贮煤场原煤露天堆放，四周设不低于堆高的严密围挡，并覆盖防尘网。", "supports"),
])
def test_a_duty_with_a_fallback_is_broken_only_when_both_are_refused(text, verdict):
    norms = library_norms(LAWS)
    judge = RuleJudge()
    judge.prepare(norms)
    found = {judge.judge(f, n).verdict for f in analyze(text).facts for n in norms
             if n.clause_id == "大气污染防治法:a72"}
    assert verdict in found
    assert ({"conflict"} & found) == ({"conflict"} if verdict == "conflict" else set())


def test_a_coking_plant_with_an_open_coal_yard_is_judged_on_the_storage_article(library_kb):
    rep = check_proposal(library_kb, COKING)
    by_article = {(f.doc_label, f.article): f for f in rep.findings}
    storage = [f for (label, art), f in by_article.items() if "大气污染防治法" in label and art == "第七十二条"]
    assert storage and storage[0].relation == "attention"
    assert "不能密闭的" in storage[0].reason  # the finding says what the article accepts instead
    assert not any("固体废物" in label and f.relation == "conflict" for (label, _), f in by_article.items())


def test_a_law_about_a_general_thing_applies_to_a_proposal_naming_one_kind(library_kb):
    # 生活垃圾 is one kind of 固体废物 by that law's own definition: the law is not left out of the check
    rep = check_proposal(library_kb, "项目名称：废品收购站。经营内容：将收来的生活垃圾在院内随意堆放，定期露天焚烧。")
    assert any(f.relation == "conflict" and "固体废物" in f.doc_label and f.article == "第四十九条"
               for f in rep.findings)


def test_a_store_of_hazardous_waste_does_not_mix_it_into_other_waste(library_kb):
    rep = check_proposal(library_kb, "项目名称：某化工企业危险废物规范化管理提升项目。建设内容：新建符合标准的危险废物"
                                     "贮存库200平方米，地面防渗并设置识别标志。")
    assert not any(f.relation == "conflict" and "混入" in f.hit.quote for f in rep.findings)
    rep = check_proposal(library_kb, "项目名称：某化工企业固废管理项目。建设内容：废催化剂等危险废物与一般固废混入同一仓库贮存。")
    assert any(f.relation == "conflict" and "混入" in f.hit.quote for f in rep.findings)


def test_the_kinds_of_a_general_thing_are_dropped_with_the_law_that_defines_them():
    from shanxi_policy.check.proposal import load_lexicon

    lex = load_lexicon()
    assert {"生活垃圾", "危险废物"} <= set(lex.kinds_of("固体废物"))
    # a leave-one-law-out run of 固废法 must not use what was read from it
    assert lex.without_source("固体废物污染环境防治法").kinds_of("固体废物") == ()
    assert lex.without_source("大气污染防治法").kinds_of("固体废物") == lex.kinds_of("固体废物")
