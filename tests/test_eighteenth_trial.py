"""Findings of the eighteenth user trial (a county's agriculture bureau and a township's environment office reviewing
small rural projects), each a general case; and the answers both trials of this round asked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from shanxi_policy.answer.followup import resolve
from shanxi_policy.answer.structured import penalty_items, with_list_leads
from shanxi_policy.check.service import check_proposal


def _trial(name: str) -> str:
    return (Path(__file__).parent / "data" / "trials" / name).read_text(encoding="utf-8")


def _cited(rep, relation: str, law: str, article: str) -> bool:
    return any(f.relation == relation and law in f.doc_label and f.article == article for f in rep.findings)


def _law_relations(rep, law: str) -> set[str]:
    return {f.relation for f in rep.findings if law in f.doc_label}


@pytest.mark.parametrize("burning", [
    "收不完的玉米秸秆在地头露天焚烧。",
    "这部分秸秆原料按照往年的做法，在收购场地西侧的空地上集中烧掉，烧后的草木灰撒到地里当肥料。",
])
def test_straw_burnt_in_the_open_breaks_the_air_law(library_kb, burning):
    # 第七十七条: the province draws the zone, the ban is on everyone in it
    rep = check_proposal(library_kb, f"项目名称：某镇秸秆生物质颗粒燃料项目\n{burning}")
    assert _cited(rep, "conflict", "大气污染防治法", "第七十七条")


def test_grain_kept_indoors_and_not_in_the_open_is_no_breach(library_kb):
    rep = check_proposal(library_kb, "项目名称：某县小杂粮加工厂项目\n1. 原粮和成品全部在封闭库房内存放，不露天堆放，"
                                     "装卸在库内进行。")
    assert not _cited(rep, "conflict", "大气污染防治法", "第七十二条")


def test_a_site_outside_a_scenic_area_refuses_no_duty(library_kb):
    rep = check_proposal(library_kb, "项目名称：某村农家乐民宿项目\n民宿院落位于村中，不在太行山大峡谷风景名胜区核心景区内，"
                                     "不占用耕地，不新增建设用地。")
    assert not _cited(rep, "conflict", "环境保护法", "第三十五条")


def test_a_farm_at_a_distance_from_the_nearest_homes_is_not_among_them(library_kb):
    rep = check_proposal(library_kb, "项目名称：某镇3000只肉羊育肥场项目\n本公司在某村西侧一般农用地建设肉羊育肥场。场址经核实，"
                                     "不在畜禽禁养区内，距最近的村庄居民点约800米。")
    assert "conflict" not in _law_relations(rep, "畜禽规模养殖污染防治条例")


@pytest.mark.parametrize("text", [
    "项目名称：某县苹果冷库项目\n烂果、残次果不随意丢弃，统一收集后交给附近养殖场或堆肥处理。",
    "项目名称：某乡虹鳟鱼冷水鱼养殖基地项目\n建设流水养殖池24个，养殖尾水经沉淀池沉淀后回流到下游河道。",
])
def test_livestock_rules_bind_only_a_livestock_farm(library_kb, text):
    # a farm the project hands fruit to is another party's; fish are not livestock or poultry
    rep = check_proposal(library_kb, text)
    assert not ({"conflict", "attention"} & _law_relations(rep, "畜禽规模养殖污染防治条例"))


def test_a_ban_on_an_area_holds_only_where_the_area_is_shown(library_kb):
    rep = check_proposal(library_kb, _trial("18_P10_冷水鱼养殖池.txt"))
    assert not _cited(rep, "conflict", "黄河保护法", "第五十一条")  # 水资源超载地区 is never said


def test_a_well_not_said_to_be_deep_is_not_deep_groundwater(library_kb):
    rep = check_proposal(library_kb, _trial("18_P11_中药材种植基地.txt"))
    assert not _cited(rep, "conflict", "黄河保护法", "第五十五条")


def test_villages_around_the_site_or_at_a_distance_do_not_place_it_among_homes(library_kb):
    rep = check_proposal(library_kb, "项目名称：某镇秸秆颗粒燃料加工厂\n每年收购周边村庄玉米秸秆约8000吨，粉碎压制成型。"
                                     "场地西侧距离村庄约300米，周边为农田。")
    assert not _cited(rep, "conflict", "噪声污染防治法", "第三十五条")


def test_a_village_well_near_the_site_is_no_water_taken_by_it(library_kb):
    rep = check_proposal(library_kb, "项目名称：某村农用柴油加油点项目\n院子西侧约60米处是全村的集中供水水源井。"
                                     "废机油由收废品的个人拉走，对方没有许可证。")
    assert not _cited(rep, "conflict", "水法", "第四十八条")
    assert _cited(rep, "conflict", "固体废物污染环境防治法", "第八十条")


def test_a_livestock_farm_built_and_stocked_before_its_assessment_is_approved_breaks_the_law(library_kb):
    rep = check_proposal(library_kb, "项目名称：某村600头奶牛养殖场项目\n牛舍、挤奶厅和青贮窖已于2024年4月建成并陆续进牛。"
                                     "环评手续已委托一家环评公司编制报告表，待批复后一并完善相关手续。")
    assert _cited(rep, "conflict", "环境影响评价法", "第二十五条")


def test_matters_still_being_studied_are_open_not_refused(library_kb):
    # "由镇政府委托第三方运营还是由村里自己管理，还在研究", "在线监测设备视资金情况决定是否安装"
    rep = check_proposal(library_kb, _trial("18_P04_乡镇生活污水处理站.txt"))
    assert rep.verdict == "attention"


# ----- answers ------------------------------------------------------------------------------------------------

_A78 = ["第七十八条 违反本法规定，有下列行为之一，由工程所在地人民政府指定的部门责令改正，处五千元以上五万元以下的罚款；",
        "拒不改正的，处五万元以上二十万元以下的罚款：",
        "（一）建设单位未按照规定将噪声污染防治费用列入工程造价的；",
        "（二）施工单位未按照规定制定噪声污染防治实施方案，或者未采取有效措施减少振动、降低噪声的；",
        "（四）因特殊需要必须连续施工作业，建设单位未按照规定公告附近居民的。"]


def test_a_penalty_list_gives_its_lead_and_the_breaches_asked_about():
    got = penalty_items("居民区附近夜间连续施工，违反的罚款如何规定？", _A78)
    assert got == [*_A78[:2], _A78[4]]


def test_an_item_comes_with_its_whole_lead_and_its_fine():
    body = ["第七十七条 违反本法规定，建设单位、施工单位有下列行为之一，由工程所在地人民政府指定的部门责令改正，"
            "处一万元以上十万元以下的罚款；", "拒不改正的，可以责令暂停施工：", "（一）超过噪声排放标准排放建筑施工噪声的；",
            "（二）未按照规定取得证明，在噪声敏感建筑物集中区域夜间进行产生噪声的建筑施工作业的。"]
    assert with_list_leads(body, [body[3]]) == [body[0], body[1], body[3]]


def test_the_policy_leads_before_a_report_that_repeats_it(library_kb):
    ans = library_kb.ask("到2027年美丽山西建设要达到什么目标？")
    assert "新闻" not in str(library_kb.document(ans.citations[0].doc_id).meta.get("doc_type", ""))


@pytest.mark.parametrize("question, paper", [
    ("那食品经营许可证怎么办？", "食品经营许可证"),
    ("申请安全生产许可证需要哪些条件？", "安全生产许可证"),
])
def test_a_paper_no_document_names_is_not_answered_by_another_paper(library_kb, question, paper):
    ans = library_kb.ask(question)
    assert not ans.found and paper in ans.text


def test_a_paper_named_by_its_short_name_is_still_answered(library_kb):
    ans = library_kb.ask("危废经营许可证有效期多久？")
    assert ans.found and "5年" in ans.shown_text()


def test_a_quote_never_skips_the_sentence_between_its_parts(library_kb):
    ans = library_kb.ask("畜禽养殖场禁止建，违反了罚多少钱？")
    assert "3万元以上10万元以下" in ans.shown_text()


def test_a_penalty_without_its_amount_comes_with_the_amount_of_the_same_breach(library_kb):
    ans = library_kb.ask("企业环评没批就开工建设了，要罚多少钱？")
    assert "百分之一以上百分之五以下" in ans.shown_text()


def test_a_penalty_question_gets_the_article_that_punishes_the_ban_it_names(library_kb):
    ans = library_kb.ask("企业把危险废物交给没有许可证的个体户处理，怎么处罚？")
    first = ans.citations[0]
    assert "固体废物" in first.doc_title and first.clause_id.endswith(":a112")
    # with the amount its later paragraph sets for that item (有前款第三项、第四项…行为之一，处…三倍以上五倍以下的罚款)
    assert "三倍以上五倍以下" in ans.shown_text()


@pytest.mark.parametrize("previous, follow_up, expected", [
    ("企业把危险废物交给没有许可证的个体户处理，怎么处罚？", "情节严重的呢？",
     "企业把危险废物交给没有许可证的个体户处理，情节严重的，怎么处罚？"),
    ("向大气排放污染物的企业应当怎样设置排放口？", "向水体排放的呢？", "向水体排放污染物的企业应当怎样设置排放口？"),
    ("环评报告表审批部门多少日内作出决定？", "那报告书呢？", "环评报告书审批部门多少日内作出决定？"),
    ("露天焚烧秸秆罚款多少？", "那焚烧塑料、垃圾呢？", "焚烧塑料、垃圾罚款多少？"),
    ("排污许可证到期前多少天要申请延续？", "那审批部门多少日内完成审查？", "排污许可证到期前，审批部门多少日内完成审查？"),
    ("环评文件批复后过了几年才开工，要报原审批部门重新审核？", "那原审批部门多少天内要给答复？", "原审批部门多少天内要给答复？"),
])
def test_follow_ups_swap_the_right_words(previous, follow_up, expected):
    assert resolve(follow_up, [previous], lambda t: float(len(t))) == expected
