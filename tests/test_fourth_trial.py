"""Misreadings found on the blind rows of 2026-12-05 (second batch): a distance to the nearest village read as a
site inside it, a denied discharge in the proposal's own word (不外排) read as a broken duty to discharge to the
standard, a time limit in days matched by another number, a compound message answering one sentence twice, and
a place named in a lay question."""

from __future__ import annotations

import pytest

from shanxi_policy.check.engine import check_proposal
from shanxi_policy.check.negation import outside
from shanxi_policy.retrieve.filters import DocFilter
from shanxi_policy.retrieve.jurisdiction import named_places

LAWS_ONLY = DocFilter(doc_types=["法律", "行政法规"])


def _cited(rep):
    return {f.hit.clause_id: f.relation for f in rep.findings}


@pytest.mark.parametrize(("text", "word", "out"), [
    ("建设地点：应县某村，距最近村庄约800米。", "村庄", True),  # the nearest one is that far: in none of them
    ("建设地点：某县城，距居民区约800米。", "居民区", False),  # a distance to a place that is not a zone says less
    ("建设地点：某县，距饮用水水源保护区约3公里。", "饮用水水源保护区", True),
    ("建设地点：某村村庄内。", "村庄", False),
])
def test_a_distance_to_the_nearest_place_puts_the_project_outside_it(text, word, out):
    i = text.index(word)
    assert outside(text, i, i + len(word)) is out


FARM = ("项目名称：某肉牛养殖场建设项目。建设地点：应县某村，距最近村庄约800米。建设内容：存栏肉牛800头，建设牛舍、防渗堆粪棚"
        "和黑膜沼气池。粪污利用：牛粪堆肥腐熟后，与沼液一起施用于合作社流转的3000亩玉米地，经测算该片土地每年可消纳存栏1200头"
        "牛的粪污量；沼液在储存池内存放不少于90天后施用。场区不设排污口，粪污不外排。环评报告表已批复，已完成排污登记。")


def test_a_farm_away_from_villages_that_discharges_nothing_breaks_no_siting_or_discharge_rule(library_kb):
    rep = check_proposal(library_kb, FARM, doc_filter=LAWS_ONLY)
    cited = _cited(rep)
    assert cited.get("畜禽规模养殖污染防治条例:a11") != "conflict"
    assert cited.get("水污染防治法:a56") != "conflict"  # "不外排" leaves nothing for 达标排放 to govern
    assert rep.verdict != "conflict"
    inside = check_proposal(library_kb, FARM.replace("应县某村，距最近村庄约800米", "某县城关镇居民区内"),
                            doc_filter=LAWS_ONLY)
    assert _cited(inside).get("畜禽规模养殖污染防治条例:a11") == "conflict"


@pytest.mark.parametrize(("storage", "conflict"), [("由市医疗废物处置中心每日收运", False),
                                                   ("暂存5天后由市医疗废物处置中心收运", True)])
def test_a_limit_in_days_is_compared_with_the_days_stated(library_kb, storage, conflict):
    text = ("项目名称：某县人民医院检验科改造项目。建设内容：新增生物安全柜2台。废物处理：细菌培养皿装入专用包装袋送医院医疗废物"
            f"暂存间，{storage}。")
    got = _cited(check_proposal(library_kb, text, doc_filter=LAWS_ONLY)).get("医疗废物管理条例:a17")
    assert (got == "conflict") is conflict


def test_the_places_a_question_names_are_those_with_texts_of_their_own():
    places = {"a": "洛阳", "b": "济南", "c": ""}
    assert named_places(places, "洛阳我们村边有片水塘，能不能挂个湿地公园的牌子？") == {"洛阳"}
    assert named_places(places, "村边的水塘能不能挂湿地公园的牌子？") == set()


# ----- follow-ups -------------------------------------------------------------------------------------------
def test_a_new_aspect_of_the_earlier_question_keeps_its_subject_not_a_word_no_text_uses(library_kb):
    from shanxi_policy.answer.followup import resolve

    got = resolve("多久向社会公开一次呢？", ["县里要监测评估哪些饮用水的水质？"], library_kb.term_idf, library_kb.documents)
    assert got.startswith(("饮用水", "水质")) and "县里" not in got


@pytest.mark.parametrize(("question", "phrase", "span"), [
    ("饮用水水源保护区里能不能新设排污口？", "风景名胜区的水体保护区", "饮用水水源保护区"),  # the whole compound
    ("饮用水水源一级保护区内禁止哪些行为？", "二级保护区", "一级保护区"),  # only the modifier it replaces
])
def test_a_phrase_with_modifiers_of_its_own_replaces_the_whole_compound(question, phrase, span):
    from shanxi_policy.answer.followup import parallel_span

    assert parallel_span(question, phrase) == span


@pytest.mark.parametrize(("follow_up", "first", "resolved"), [
    ("那借道我国过境转移危险废物呢？", "把境外的固体废物运进国内，海关会怎么处理？",
     "借道我国过境转移危险废物，海关会怎么处理？"),
    # a party described by what it does is no act: only the party is swapped
    ("卖家电的商家呢？", "列入能效标识管理目录的家电，生产者要做哪些事？",
     "列入能效标识管理目录的家电，卖家电的商家要做哪些事？"),
])
def test_another_act_takes_the_place_of_the_situation_asked_in(library_kb, follow_up, first, resolved):
    from shanxi_policy.answer.followup import resolve

    assert resolve(follow_up, [first], library_kb.term_idf, library_kb.documents) == resolved


@pytest.mark.parametrize(("text", "term", "present"), [
    ("购置背负式电瓶捕鱼器10套，带游客下河捞鱼。", "电鱼", True),
    ("检修内容：更换初冷器、电捕焦油器和脱硫塔填料。", "电鱼", False),  # coking equipment
    ("更换压缩机等部件并翻新外壳后按全新机出售。", "修复", True),
    ("办公楼外立面翻新，室内重新装修。", "修复", False),  # 修复 is also soil remediation: only a product is repaired
    ("处置对象：已达报废年限的柴油公交车60辆。", "废弃机动车船", True),
])
def test_lexicon_entries_read_only_what_they_name(text, term, present):
    from shanxi_policy.check.proposal import analyze

    terms = {t for f in analyze(text).facts for m in f.mentions for t in m.terms}
    assert (term in terms) is present
