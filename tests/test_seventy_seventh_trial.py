"""Findings of the seventy-seventh user trial (a county natural resources bureau screening mining, land consolidation
and reclamation works), each a general case."""

from __future__ import annotations

from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_a_permit_held_is_no_refusal_of_it(library_kb):
    # "换热不取水" seems to deny the water taken, but "已取得…取水许可证" holds the paper 水法 第四十八条 asks for
    rep = check_proposal(library_kb, trial_text("77_P02"))
    assert "conflict" not in relations(rep, "水法", "第四十八条")
    assert rep.verdict != "conflict"


def test_sludge_over_a_limit_is_not_sludge_at_large(library_kb):
    # "禁止重金属…含量超标的污泥进入农用地" and town sewage sludge composted for fields, with no content over a limit said:
    # the reviewer must see it tested (需关注), it is no conflict
    rep = check_proposal(library_kb, trial_text("77_P08"))
    assert relations(rep, "固体废物污染环境防治法", "第七十二条") == {"attention"}
    assert rep.verdict != "conflict"


def test_sludge_named_by_its_poison_is_over_the_limit(library_kb):
    rep = check_proposal(library_kb, "项目名称：某制革厂固废综合利用方案。现状：铬鞣工序年产生含铬污泥约600吨。利用方式：污泥经"
                                     "自然晾干、粉碎后，作为有机肥原料出售给周边肥料作坊，用于还田。")
    assert "conflict" in relations(rep, "固体废物污染环境防治法", "第七十二条")


def test_sand_dug_in_a_closed_stretch(library_kb):
    # "开采河床砂石料" is 河道采砂, "县水利局公告的禁采河段" a 禁采区 (黄河保护法 第六十九条); the excavators' fuel is not
    # what the project deals in (大气法 第六十五条 bans selling fuel for such machinery)
    rep = check_proposal(library_kb, trial_text("77_P07"))
    assert "conflict" in relations(rep, "黄河保护法", "第六十九条")
    assert not relations(rep, "大气污染防治法", "第六十五条")


def test_a_report_written_is_not_approved(library_kb):
    # "环境影响报告书已编制完成，拟近期报…审批": written, not a procedure done
    rep = check_proposal(library_kb, trial_text("77_P03"))
    assert not any(p.startswith("环境影响评价") for p in rep.papers)


def test_what_a_paper_holds_is_no_finding(library_kb):
    # "建设项目的环境影响报告书应当包括下列内容：…", "规划环境影响的跟踪评价应当包括下列内容：…" list what a report holds: no
    # finding of any kind (not even 符合) for a works
    rep = check_proposal(library_kb, trial_text("23_P04"))
    assert not relations(rep, "环境影响评价法", "第十七条")
    assert not relations(rep, "规划环境影响评价条例", "第十九条")


def test_dry_land_watered_is_turned_into_no_other_use(library_kb):
    # "严格控制耕地转为林地、草地、园地等其他农用地" and "旱地变为水浇地": 耕地 stays 耕地; a disused well is sealed or
    # filled (水污染防治法 第四十二条), which the proposal never says of its nine old wells
    rep = check_proposal(library_kb, trial_text("77_P04"))
    assert "attention" not in relations(rep, "黄河保护法", "第二十五条")
    assert "attention" in relations(rep, "水污染防治法", "第四十二条")


def test_a_spoil_heap_that_took_gangue_is_closed(library_kb):
    # an outer dump that took coal gangue and "2022年停止排弃": 固废法 第四十二条's closure (封场) is never said
    rep = check_proposal(library_kb, trial_text("77_P12"))
    assert "attention" in relations(rep, "固体废物污染环境防治法", "第四十二条")


def test_a_grout_curtain_encloses_no_dust(library_kb):
    # "先施工帷幕孔形成封闭帷幕" seals the ground; it is no enclosure of the fly-ash heaps (the seed policy's 五尘 check),
    # and works that dig and drill name no dust measure (大气法 第六十九条)
    rep = check_proposal(library_kb, trial_text("77_P11"))
    assert not any(f.relation == "supports" and "帷幕" in f.evidence for f in rep.findings)
    assert "attention" in relations(rep, "大气污染防治法", "第六十九条")


def test_dust_measures_named_meet_the_construction_duty(library_kb):
    rep = check_proposal(library_kb, "项目名称：某县乡村道路改建工程。建设内容：路基开挖土石方约2万立方米，新建沥青路面3.5公里。"
                                     "施工期设置硬质围挡，裸露土方苫盖，定时洒水抑尘，出场车辆冲洗。")
    assert "attention" not in relations(rep, "大气污染防治法", "第六十九条")


def test_works_with_no_spoil_to_remove(library_kb):
    # "削方土方全部用于坡脚回填…工程不设取土场和弃土场": a works that says it leaves no waste is not reminded to haul its
    # construction waste (固废法 第六十三条); "施工生活垃圾由村保洁员统一清运" is other rubbish
    rep = check_proposal(library_kb, trial_text("77_P06"))
    assert not relations(rep, "固体废物污染环境防治法", "第六十三条")


def test_a_closed_store_is_no_covered_lorry(library_kb):
    # "成品料仓全封闭" meets no duty of the lorries that carry the stone (大气法 第七十条)
    rep = check_proposal(library_kb, trial_text("77_P05"))
    assert "supports" not in relations(rep, "大气污染防治法", "第七十条")
