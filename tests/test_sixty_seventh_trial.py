"""Findings of the sixty-seventh user trial (a county agriculture and rural affairs bureau screening farms, rural
works and agricultural processing), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.negation import find_mentions
from shanxi_policy.check.proposal import in_permit_name
from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def _checks(rep) -> set[str]:
    return {f.check_id for f in rep.findings if f.check_id}


@pytest.mark.parametrize(("prefix", "law", "article", "relation"), [
    # "霉变秸秆…每月在厂区西侧空地集中摊开晾晒后就地燃烧处理": burning in the open
    ("67_P05", "大气污染防治法", "第七十七条", "conflict"),
    # "煤炭在场区西侧空地堆放": to be enclosed, or fenced and covered
    ("67_P06", "大气污染防治法", "第七十二条", "attention"),
    # "于2024年1月陆续购进架子牛，现存栏约800头…验收工作待环评批复后一并开展": in use before its acceptance
    ("67_P02", "建设项目环境保护管理条例", "第十九条", "conflict"),
    # a shop selling pesticides never says what becomes of their packaging: 第三十条 binds sellers too
    ("67_P04", "土壤污染防治法", "第三十条", "attention"),
])
def test_breaches_said_in_other_words(library_kb, prefix, law, article, relation):
    assert relation in relations(check_proposal(library_kb, trial_text(prefix)), law, article)


@pytest.mark.parametrize(("text", "term", "negated"), [
    # a negation inside an attribute describes the noun it ends on, not what the sentence goes on to say
    ("冷库不再使用的废冷冻机油等危险废物委托有资质单位处置", "有资质单位", False),
    ("废机油不委托有资质单位处置", "有资质单位", True),
    ("未委托有资质单位处置", "有资质单位", True),
])
def test_negation_inside_an_attribute(text, term, negated):
    assert [m.negated for m in find_mentions(text, [term])] == [negated]


def test_a_used_up_oil_sent_to_a_licensed_disposer(library_kb):
    rep = check_proposal(library_kb, trial_text("67_P07"))
    assert rep.verdict != "conflict"


@pytest.mark.parametrize(("text", "word", "inside"), [
    ("已取得水域滩涂养殖证（原面积部分）", "滩涂", True),  # a certificate named by its field
    ("已取得林木采伐证", "林木", True),
    ("项目保证滩涂不受占用", "滩涂", False),  # 保证 is no certificate
])
def test_words_inside_a_certificates_name(text, word, inside):
    a = text.find(word)
    assert in_permit_name(text, a, a + len(word)) is inside


def test_a_pond_drained_for_its_winter_rest(library_kb):
    # "捕捞后排干池水晒塘清淤" on a fish farm holding a "水域滩涂养殖证": no natural wetland drained (湿地保护法
    # 第二十八条); and drawing ground water with no 取水许可 named is no 符合 of 水法 第四十八条
    rep = check_proposal(library_kb, trial_text("67_P08"))
    assert "conflict" not in relations(rep, "湿地保护法", "第二十八条")
    assert "supports" not in relations(rep, "水法", "第四十八条")
    assert "livestock" not in _checks(rep)  # fish make no manure


def test_refuse_tipped_into_a_compactor(library_kb):
    # "生活垃圾由收集车运至转运站，倒入压缩设备压缩后装箱": handling, not dumping industrial waste into the bins
    # (固废法 第三十六条); the leachate let into a dry well is still the conflict (水污法 第三十九条)
    rep = check_proposal(library_kb, trial_text("67_P10"))
    assert "conflict" not in relations(rep, "固体废物污染环境防治法", "第三十六条")
    assert "conflict" in relations(rep, "水污染防治法", "第三十九条")


@pytest.mark.parametrize(("prefix", "check"), [
    ("67_P11", "chem_rainwater"),  # "道路硬化工程" holds 化工 and is no chemical works
    ("67_P02", "chem_rainwater"),  # "堆粪场硬化工程"
    ("67_P04", "chem_rainwater"),  # a shop selling pesticides makes none
    ("67_P01", "green_building"),  # barns are no town building
    ("67_P09", "green_building"),  # a neighbour's 住宅 is where the works stand
])
def test_seed_checks_kept_to_their_trades(library_kb, prefix, check):
    assert check not in _checks(check_proposal(library_kb, trial_text(prefix)))


def test_noise_duty_with_no_measure(library_kb):
    # "原粮经振动筛清杂…" and no measure against noise anywhere: 噪声法 第三十六条 "减少振动、降低噪声" is needs-attention,
    # not met; 第八十六条's encouragement of such measures is not met either
    rep = check_proposal(library_kb, trial_text("67_P09"))
    assert "attention" in relations(rep, "噪声污染防治法", "第三十六条")
    assert "supports" not in relations(rep, "噪声污染防治法", "第三十六条") | relations(rep, "噪声污染防治法", "第八十六条")


def test_noise_duty_met_by_a_measure(library_kb):
    text = ("项目名称：某粮食加工厂。生产工艺：原粮经振动筛清杂后碾米。"
            "噪声防治：振动筛、碾米机设置减振基础，车间墙体隔声，厂界噪声达标。")
    assert "attention" not in relations(check_proposal(library_kb, text), "噪声污染防治法", "第三十六条")


def test_no_support_from_the_sentence_that_breaks_a_zone_ban(library_kb):
    # "该地块…属二级保护范围" makes the farm a conflict with 畜禽条例 第十一条; the same sentence is no 符合 of
    # 水污法 第三条 "优先保护饮用水水源"; nor is a farm that says nothing of filing a 符合 of 第二十二条 "…报…备案"
    # ("项目已取得县发改局备案" is another filing)
    rep = check_proposal(library_kb, trial_text("67_P01"))
    assert "conflict" in relations(rep, "畜禽规模养殖污染防治条例", "第十一条")
    assert "supports" not in relations(rep, "水污染防治法", "第三条")
    assert "supports" not in relations(rep, "畜禽规模养殖污染防治条例", "第二十二条")


def test_a_support_the_conflict_does_not_touch_stays(library_kb):
    # a coking plant's bypass is a conflict; its online monitoring, said in a sentence the conflict also quotes, still
    # meets 排污许可管理条例 第二十条
    rep = check_proposal(library_kb, trial_text("19_P12"))
    assert "supports" in relations(rep, "排污许可管理条例", "第二十条")


def test_packaging_taken_back_meets_it(library_kb):
    text = ("项目名称：某农资门店。建设内容：租用门面房零售农药、化肥。"
            "环保措施：农药包装废弃物由门店统一回收后交县农药包装废弃物回收站无害化处理。")
    assert "attention" not in relations(check_proposal(library_kb, text), "土壤污染防治法", "第三十条")
