"""Findings of the sixty-third user trial (a county enforcement team screening small works written up by their owners),
each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_operation_put_after_the_acceptance(library_kb):
    # "项目建成后将按要求开展竣工环境保护验收，验收合格后再正式投产": operation waits for the acceptance; no refusal of
    # 建设项目环境保护管理条例 第十七条 or 第十九条, and the approved report ("已取得…环境影响报告表批复") is said
    rep = check_proposal(library_kb, trial_text("63_P02"))
    assert not any(f.relation == "conflict" for f in rep.findings)
    assert "attention" not in relations(rep, "固体废物污染环境防治法", "第十七条")


def test_slag_tipped_on_a_river_beach(library_kb):
    # "用车拉到厂区西边西沟河的河滩低洼处倒掉": dumping (固体废物污染环境防治法 第二十条) in other words
    rep = check_proposal(library_kb, trial_text("63_P12"))
    assert "conflict" in relations(rep, "固体废物污染环境防治法", "第二十条")
    assert rep.verdict == "conflict"


def test_environmental_papers_in_an_owners_words(library_kb):
    # "同年8月已建成营业…建厂前没有办理环保方面的手续": built before the assessment was approved (环评法 第二十五条); a
    # repair shop that mends lorries runs none (no 国四柴油货车 finding)
    rep = check_proposal(library_kb, trial_text("63_P03"))
    assert "conflict" in relations(rep, "环境影响评价法", "第二十五条")
    assert not any("柴油货车" in f.hit.text for f in rep.findings)


def test_far_from_the_first_level_zone(library_kb):
    # "划为二级保护区，新址正好在此范围里，但离一级保护区还有一段距离": 第六十六条 (二级), not 第六十五条 (一级); the zone
    # sentence is quoted once
    rep = check_proposal(library_kb, trial_text("63_P06"))
    assert "conflict" not in relations(rep, "水污染防治法", "第六十五条")
    assert "conflict" in relations(rep, "水污染防治法", "第六十六条")
    ev = next(f.evidence for f in rep.findings if f.article == "第六十四条" and "水污染防治法" in f.doc_label)
    assert ev.count("离一级保护区还有一段距离") == 1


def test_what_others_do_is_not_the_project(library_kb):
    # "平时有人放羊、种地" tells of the villagers; quarrying shale on the hillside ("主要原料为页岩，就近在…山坡上剥离开采")
    # is the project's breach of 自然保护区条例 第二十六条
    rep = check_proposal(library_kb, trial_text("63_P01"))
    f = next(f for f in rep.findings if f.article == "第二十六条" and "自然保护区条例" in f.doc_label)
    assert f.relation == "conflict" and "放羊" not in f.reason and "页岩" in f.reason


def test_liquid_poured_into_a_pit(library_kb):
    # "把里面的水（电瓶液）倒在院子西边墙角的坑里": let soak away (水污染防治法 第三十九条); the licence finding quotes a
    # sentence of the proposal, not only its title
    rep = check_proposal(library_kb, trial_text("63_P09"))
    assert "conflict" in relations(rep, "水污染防治法", "第三十九条")
    lic = next(f for f in rep.findings if f.article == "第十五条" and "危险废物经营许可证" in f.doc_label)
    assert lic.evidence.strip() != "XX镇利民废品回收站情况说明"


def test_a_zone_never_named(library_kb):
    # A hot-spring resort whose "温泉水源" and a river's "汾河二级支流" are no 饮用水水源二级保护区
    rep = check_proposal(library_kb, trial_text("61_P07"))
    assert "conflict" not in relations(rep, "水污染防治法", "第六十六条")
    assert rep.verdict != "conflict"


@pytest.mark.parametrize(("text", "law", "article"), [
    # approval and acceptance put first, in the law's order
    ("项目已取得环境影响报告表批复。主体工程建成后开展竣工环境保护验收，验收通过后方可投入生产。", "建设项目环境保护管理条例",
     "第十九条"),
    ("环评批复后再开工建设，验收合格后再正式投产。", "建设项目环境保护管理条例", "第十七条"),
    ("项目建成后将按要求开展竣工环境保护验收，验收合格后再正式投产。", "建设项目环境保护管理条例", "第十九条"),
])
def test_acts_after_their_procedures(library_kb, text, law, article):
    rep = check_proposal(library_kb, text)
    assert "conflict" not in relations(rep, law, article)


def test_a_family_guesthouse_develops_no_land(library_kb):
    # "利用自家及租用邻居闲置院落，开办…农家乐": no reminder of 自然保护地 for a scenic development
    rep = check_proposal(library_kb, trial_text("63_P05"))
    assert not any("自然保护地" in f.hit.text for f in rep.findings)


def test_a_food_works_waste_water_and_its_buyer(library_kb):
    # "黄浆水…顺着村里排水渠流走" is waste water let out (水污染防治法); "豆渣卖给附近养猪户" makes no farm of it
    rep = check_proposal(library_kb, trial_text("63_P07"))
    assert any("水污染防治法" in f.doc_label and f.relation in ("conflict", "attention") for f in rep.findings)
    assert not relations(rep, "畜禽规模养殖污染防治条例", "第十二条")


def test_a_filed_form_and_sludge_sent_to_a_plant(library_kb):
    # "已按规定填报建设项目环境影响登记表并完成网上备案" meets 建设项目环境保护管理条例 第九条 whatever body it names;
    # "污泥经浓缩后定期清运至县城污水处理厂统一处置" is the sludge disposed of
    rep = check_proposal(library_kb, trial_text("63_P11"))
    assert "attention" not in relations(rep, "建设项目环境保护管理条例", "第九条")
    assert not any(f.relation == "attention" and "污泥" in f.hit.text for f in rep.findings)
