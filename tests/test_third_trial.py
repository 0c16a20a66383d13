"""Misreadings found on the blind rows of 2026-12-05: a question that sets one thing aside, a party swapped in a
follow-up, a dispute answered from the liability chapter, a conduct question the refusal model must not refuse,
proposal wording the lexicon did not bridge (快递寄送, 浅层水混合抽取), duties raised by a party the project only
hands things to or by a kind of project they do not reach, and the closest clause of a sentence shown as related."""

from __future__ import annotations

import re

import pytest

from shanxi_policy.answer.calibration import FEATURES
from shanxi_policy.answer.followup import resolve
from shanxi_policy.answer.structured import question_terms
from shanxi_policy.check.engine import CheckParams, check_proposal
from shanxi_policy.retrieve.filters import DocFilter

LAWS_ONLY = DocFilter(doc_types=["法律", "行政法规"])


# ----- answers ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("question", "absent", "present"), [
    ("申请排污许可证，除了申请表还要准备哪些材料？", ["申请表", "还要", "除了"], ["排污许可", "材料"]),
    ("除环评外，还需要办理哪些手续？", ["环评", "还需要"], ["办理", "手续"]),
    ("排污许可证申请表要填写哪些事项？", [], ["申请表", "事项"]),  # nothing set aside
])
def test_what_a_question_sets_aside_is_not_asked_for(question, absent, present):
    terms = question_terms(question)
    assert not set(absent) & set(terms) and set(present) <= set(terms)


def test_the_materials_besides_the_form_are_listed(library_kb):
    ans = library_kb.ask("申请排污许可证，除了申请表还要准备哪些材料？")
    cited = {ans.citations[i.cite - 1].clause_id for i in ans.items}
    assert "排污许可管理条例:a8" in cited
    assert "纳污范围、管网布置" in ans.shown_text()


@pytest.mark.parametrize(("follow_up", "first", "resolved"), [
    ("那铁路运输企业呢？", "城市道路养护维修单位在降噪方面要承担什么责任？", "铁路运输企业在降噪方面要承担什么责任？"),
    ("卖家电的商家呢？", "列入能效标识管理目录的家电，生产者要做哪些事？",
     "列入能效标识管理目录的家电，卖家电的商家要做哪些事？"),
])
def test_a_new_party_keeps_the_matter_of_the_first_question(follow_up, first, resolved):
    assert resolve(follow_up, [first]) == resolved


def test_a_dispute_is_answered_from_the_liability_chapter(library_kb):
    ans = library_kb.ask("居民受到噪声侵害，和排放噪声的单位闹纠纷，应当怎么解决？")
    assert ans.found
    assert ans.citations[0].clause_id == "噪声污染防治法:a86"
    assert "人民调解委员会调解处理" in ans.shown_text()


@pytest.mark.parametrize(("question", "conduct"), [
    ("在海边挖点沙子卖钱，能不能随便找个地方挖？", 1.0),
    ("厂里给职工家里免费供电供暖，这样做允许吗？", 1.0),
    ("山西一共有几个国家级自然保护区？", 0.0),
    ("家里的旧空调以旧换新，商场能给补贴多少？", 0.0),
    ("垃圾分类可以吗多少钱？", 0.0),  # a price asked: the asked unit decides, not the yes/no frame
])
def test_a_conduct_question_is_a_signal_of_its_own(library_kb, question, conduct):
    from shanxi_policy.answer.extract import decision_features

    hits, dense = library_kb.search_with_signal(question, k=5)
    feats = decision_features(library_kb, question, hits, dense)
    assert "asks_conduct" in FEATURES
    assert feats["asks_conduct"] == conduct


# ----- check -----------------------------------------------------------------------------------------------
def _cited(rep) -> dict[str, str]:
    return {f.hit.clause_id: f.relation for f in rep.findings}


def test_sending_by_courier_is_mailing(library_kb):
    rep = check_proposal(library_kb, "项目名称：某口腔诊所诊疗废物处置方案。处置方式：诊所拟每周将装有废弃针头、沾血棉球的"
                                     "利器盒通过快递寄送至省城某集中处置单位焚烧。", doc_filter=LAWS_ONLY)
    assert rep.verdict == "conflict"
    assert _cited(rep).get("医疗废物管理条例:a15") == "conflict"


def test_pumping_two_aquifers_through_one_well_is_mixed_extraction(library_kb):
    rep = check_proposal(library_kb, "项目名称：某食品公司自备水源井工程。水文情况：当地浅层地下水硝酸盐超标，深层为承压水。"
                                     "建设内容：新打水源井1眼，井管全段设置滤水管，浅层水与深层承压水同时进水、混合抽取。",
                         doc_filter=LAWS_ONLY)
    assert _cited(rep).get("水污染防治法:a41") == "conflict"


def test_a_kind_of_work_handed_to_another_party_raises_no_duty_of_it(library_kb):
    text = ("项目名称：某啤酒公司资源综合利用技改项目。建设内容：麦糟和废酵母全部按协议转让给周边饲料厂和肉牛养殖场作饲料。"
            "手续：环评报告表已批复，已取得排污许可证。")
    rep = check_proposal(library_kb, text, doc_filter=LAWS_ONLY)
    assert not any(f.relation == "attention" and f.hit.doc_id == "畜禽规模养殖污染防治条例" for f in rep.findings)
    # the project itself a farm: the duty binds
    farm = check_proposal(library_kb, "项目名称：某肉牛养殖场新建项目。存栏肉牛800头，牛舍冲洗废水排入场外沟渠。",
                          doc_filter=LAWS_ONLY)
    assert any(f.hit.doc_id == "畜禽规模养殖污染防治条例" and f.relation in ("attention", "conflict")
               for f in farm.findings)


@pytest.mark.parametrize(("title", "asked"), [("某商务酒店新建项目", False), ("某铸造厂新建项目", True)])
def test_a_hotel_is_not_asked_for_a_discharge_permit(library_kb, title, asked):
    text = f"项目名称：{title}。建设内容：配套餐厅，油烟经净化后由专用烟道引至楼顶排放。环评登记表已备案。"
    rep = check_proposal(library_kb, text, doc_filter=LAWS_ONLY)
    got = any(f.check_id == "obligation:permit" for f in rep.findings)
    assert got is asked


def test_the_closest_norm_of_a_sentence_is_shown_as_related(library_kb):
    # No word of the act is matched ("采取减少振动、降低噪声的措施"), but retrieval ranks the article first for the
    # sentence; with the rule switched off it is not shown.
    text = "项目名称：某住宅小区项目。每栋楼安装电梯2部，电梯机房设在屋顶。"
    shown = check_proposal(library_kb, text, doc_filter=LAWS_ONLY)
    assert _cited(shown).get("噪声污染防治法:a68") == "related"
    assert shown.verdict == "unrelated"  # related findings do not decide
    off = check_proposal(library_kb, text, doc_filter=LAWS_ONLY, params=CheckParams(related_rank=0))
    assert "噪声污染防治法:a68" not in _cited(off)


def test_a_law_about_a_place_the_proposal_never_names_gives_no_related_finding(library_kb):
    # 广灵县 drains to the 海河 (清徐, used before, lies in the 汾河 valley and so in the Yellow River basin)
    rep = check_proposal(library_kb, "项目名称：某食品公司自备水源井工程。建设地点：广灵县某工业园区。水文情况：当地浅层地下水"
                                     "硝酸盐超标。建设内容：新打水源井1眼，井深320米。手续：已取得取水许可。",
                         doc_filter=LAWS_ONLY)
    assert any(f.hit.doc_id == "水法" for f in rep.findings)
    assert not any(f.hit.doc_id == "黄河保护法" for f in rep.findings)  # it names no place in the basin


def test_a_later_question_of_one_message_is_read_in_the_situation_of_the_first(library_kb):
    from shanxi_policy.answer.typed import in_situation

    first = "污染地块纳入管控修复名录后，在用途上有什么限制？"
    assert in_situation("治理达标后怎么退出？", first) == "污染地块纳入管控修复名录后，治理达标后怎么退出？"
    assert in_situation("污染地块怎么退出名录？", first) == "污染地块怎么退出名录？"  # it names its own
    ans = library_kb.ask(first + "治理达标后怎么退出？")
    second = [i for i in ans.items if i.label == "治理达标后怎么退出"]
    # its own sentences, or (when they are the first question's) a pointer to them
    referred = re.findall(r"“治理达标后怎么退出”见上文\[(\d+)\]", ans.note)
    cite = second[0].cite if second else int(referred[0]) if referred else 0
    assert cite and ans.citations[cite - 1].doc_id == "土壤污染防治法"


@pytest.mark.parametrize(("text", "word", "state"), [
    ("向本单位职工无偿提供能源", "提供", "present"),  # 无偿 is "free of charge", not a denial
    ("推行无纸化办公", "办公", "present"),
    ("委托无许可证单位处置", "许可证", "negated"),
])
def test_words_formed_with_wu_are_not_denials(text, word, state):
    from shanxi_policy.check.proposal import state_at

    i = text.index(word)
    assert state_at(text, i, i + len(word)) == state


def test_free_energy_for_a_mines_staff_breaks_the_energy_law(library_kb):
    rep = check_proposal(library_kb, "项目名称：某煤业公司职工生活区改造项目。用能安排：为体现对一线职工的关爱，生活区宿舍的"
                                     "用电、供暖和燃气继续由矿上全部免费供应，不装分户电表。", doc_filter=LAWS_ONLY)
    assert _cited(rep).get("节约能源法:a28") == "conflict"
