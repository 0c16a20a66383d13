"""Findings of the fifteenth user trial (a county office's EIA and permit desk checking small local projects), each a
general case; the breaches the sixteenth trial (a development zone) found are tested with them."""

from __future__ import annotations

import pytest

from shanxi_policy.check.facts import proposal_title
from shanxi_policy.check.history import History
from shanxi_policy.check.report import UNREVIEWED_LABEL, to_markdown
from shanxi_policy.check.service import check_proposal


def _cited(rep, relation: str, law: str, article: str) -> bool:
    return any(f.relation == relation and law in f.doc_label and f.article == article for f in rep.findings)


@pytest.mark.parametrize(("text", "law", "article"), [
    # painting neither enclosed nor treated
    ("某汽车维修厂主营钣金喷漆。喷漆作业未在密闭空间或者设备中进行，未安装挥发性有机物污染防治设施。",
     "大气污染防治法", "第四十五条"),
    # hazardous waste kept with household rubbish is mixed into it
    ("某汽车维修厂主营机修保养。换下的废机油、废机油滤芯与生活垃圾放在一起，由环卫部门统一清运。",
     "固体废物污染环境防治法", "第八十一条"),
    # cooking fumes let out directly, under homes
    ("某餐饮街引入烧烤、火锅商户40家，商铺楼上为居民住户。各商户厨房油烟由排风扇直接向街面排出。",
     "大气污染防治法", "第八十一条"),
    # water left to soak away is a seepage-pit discharge
    ("某电镀厂从事镀锌、镀铬加工。漂洗水收集后引至厂房后院原有的旧水窖内存放，让其慢慢自然下渗和蒸发。",
     "水污染防治法", "第三十九条"),
    # an individual collector holds no hazardous-waste licence
    ("某电镀厂从事镀锌、镀铬加工。更换下来的废镀液和槽底污泥装桶后，由本地一位个体回收户定期上门拉走。",
     "固体废物污染环境防治法", "第八十条"),
    # sixteenth trial: aluminium dross is hazardous waste (HW48), sold to an individual collector
    ("项目名称：再生铝项目\n项目简介：熔炼产生的铝灰渣，公司计划就近打包销售给附近的个体回收户进行二次提铝。",
     "固体废物污染环境防治法", "第八十条"),
    # painted in an open shop, the fumes let out directly
    ("项目名称：家具喷涂项目\n项目简介：喷漆作业在敞开式车间进行，含挥发性有机物的废气不经处理，由排风扇直接排到室外。",
     "大气污染防治法", "第四十五条"),
    # civil works go ahead while the assessment waits for the trial run
    ("项目名称：正极材料项目\n项目简介：公司计划土建施工与设备安装同步推进，力争年内点火试产；"
     "环境影响报告书拟在试生产阶段报送审批。", "环境保护法", "第十九条"),
])
def test_a_breach_in_an_applicants_words(library_kb, text, law, article):
    rep = check_proposal(library_kb, text)
    assert _cited(rep, "conflict", law, article)
    # the sludge never goes onto farmland: 第七十二条 "…超标的污泥进入农用地" is not the case
    assert not _cited(rep, "conflict", "固体废物污染环境防治法", "第七十二条")


def test_painting_in_the_open_air_is_shown_with_the_fallback(library_kb):
    rep = check_proposal(library_kb, "项目名称：某汽修厂。喷漆作业在厂区后院的露天场地进行，喷涂后自然晾干。")
    f = next(f for f in rep.findings if "大气污染防治法" in f.doc_label and f.article == "第四十五条")
    assert f.relation in ("attention", "conflict")


def test_fumes_let_out_after_purification_are_not_let_out_directly(library_kb):
    rep = check_proposal(library_kb, "项目名称：某酒店餐厅改造。厨房油烟经油烟净化器处理后由专用烟道引至楼顶排放。")
    assert not _cited(rep, "conflict", "大气污染防治法", "第八十一条")


def test_a_ban_on_a_thing_entering_a_place_needs_the_thing(library_kb):
    rep = check_proposal(library_kb, "项目名称：某农光互补光伏项目。场址位于一般耕地。"
                                     "储能系统退役的废铅蓄电池由设备厂家上门回收。")
    assert not _cited(rep, "conflict", "固体废物污染环境防治法", "第七十二条")
    rep = check_proposal(library_kb, "项目名称：某污水处理厂污泥利用方案。污泥中镉、铬含量高于农用泥质标准，"
                                     "经晾晒后运到玉米地作底肥。")
    assert _cited(rep, "conflict", "固体废物污染环境防治法", "第七十二条")


@pytest.mark.parametrize("text, check_id", [
    ("为解决供暖，我公司拟建设生物质成型燃料供热站，安装2台生物质锅炉，锅炉专烧生物质成型颗粒，不掺烧燃煤。", "coal_boiler"),
    ("本公司拟建设2条商品混凝土生产线，水泥、粉煤灰等粉料罐顶均配脉冲除尘器。", "two_high"),
    ("XX煤业拟在工业场地内建设低浓度瓦斯发电站，电力供矿井自用。发电机组布置在封闭机房内。", "new_infra_energy"),
    ("本公司拟利用周边洗煤厂产生的煤矸石生产烧结砖。", "mine_restoration"),
])
def test_a_seed_check_about_a_trade_does_not_apply_to_its_users(library_kb, text, check_id):
    rep = check_proposal(library_kb, text)
    hits = [f for f in rep.findings if f.check_id == check_id]
    assert not [f for f in hits if f.relation in ("conflict", "attention")]


def test_the_title_of_a_proposal_without_a_name_line():
    assert proposal_title("为繁荣县城夜间经济，城关镇拟对老城区和平街实施餐饮特色街改造，引入烧烤、火锅、小吃等商户40余家。") \
        == "对老城区和平街实施餐饮特色街改造"
    assert proposal_title("XX县兴旺肉类加工有限公司拟在城关镇下庄村东侧新建生猪屠宰线一条，设计年屠宰生猪8万头。") \
        == "在城关镇下庄村东侧新建生猪屠宰线"
    long = "为进一步提高本地区群众生活水平和改善人居环境质量以及推动经济社会高质量发展需要本单位计划开展相关工作"
    assert proposal_title(long).endswith("…") and len(proposal_title(long)) == 40


def test_the_history_list_shows_an_unreviewed_check_as_such(library_kb, tmp_path):
    # a matter whose law the library lacks, and nothing else to find: the review could not be completed
    rep = check_proposal(library_kb, "项目名称：某物流仓库。项目拟占用一般耕地30亩建设仓库。")
    assert rep.verdict == "attention" and rep.to_dict()["verdict_label"] == UNREVIEWED_LABEL
    h = History(tmp_path / "h.sqlite3")
    h.add(rep)
    (entry,) = h.list()
    assert entry.label == UNREVIEWED_LABEL


def test_findings_carry_the_number_the_paper_gives_them(library_kb):
    rep = check_proposal(library_kb, "某汽车维修厂主营机修保养。换下的废机油、废机油滤芯与生活垃圾放在一起，由环卫部门统一清运。"
                                     "喷漆作业在厂区后院的露天场地进行。")
    numbers = {id(f): n for n, f in rep.numbered()}
    d = rep.to_dict()
    assert [x["no"] for x in d["findings"]] == [numbers[id(f)] for f in rep.findings]
    md = to_markdown(rep)
    for n, f in rep.numbered():
        assert f"#### {n}. {f.filed_citation()}" in md


@pytest.mark.parametrize(("text", "law", "article"), [
    # a new farm says nothing of its assessment
    ("我合作社计划在XX村北坡新建标准化蛋鸡养殖场，存栏蛋鸡10万羽，建设全封闭层叠式鸡舍4栋。",
     "畜禽规模养殖污染防治条例", "第十二条"),
    # a clinic's sewage plant without a disinfection stage
    ("XX镇卫生院现有污水处理设施老化。本次改造拟新建一体化污水处理设备，采用“调节池+A/O+沉淀”工艺，"
     "处理后出水排入镇区污水管网。",
     "医疗废物管理条例", "第二十条"),
])
def test_a_duty_of_the_kind_of_works_left_unsaid(library_kb, text, law, article):
    assert _cited(check_proposal(library_kb, text), "attention", law, article)


def test_a_duty_of_a_permit_holder_does_not_bind_a_new_works(library_kb):
    text = ("为解决县城东区冬季供暖，我公司拟建设生物质成型燃料供热站，安装2台20吨/小时生物质锅炉。项目环评已经市生态环境局批复，"
            "投产前按规定申领排污许可证。烟气经布袋除尘及SNCR脱硝后由40米烟囱排放。")
    rep = check_proposal(library_kb, text)
    assert not _cited(rep, "attention", "排污许可管理条例", "第十五条")
    assert not _cited(rep, "conflict", "排污许可管理条例", "第十五条")
    text = "我公司现有排污许可证在有效期内，拟新建一条生产线，新增废气排放口一个。"
    assert _cited(check_proposal(library_kb, text), "attention", "排污许可管理条例", "第十五条")


def test_waste_water_is_none_of_the_solid_things_listed(library_kb):
    # 第三十七条 "禁止向水体排放、倾倒工业废渣、城镇垃圾和其他废弃物"
    rep = check_proposal(library_kb, "某屠宰场项目已取得环评批复。屠宰冲洗废水经三级沉淀池沉淀后，通过管道就近排入村旁的小河。")
    assert not _cited(rep, "conflict", "水污染防治法", "第三十七条")
    rep = check_proposal(library_kb, "项目名称：某选煤厂。洗煤产生的煤泥水经一级沉淀后，煤泥与上清液一并通过明渠排入北侧河沟。")
    assert _cited(rep, "conflict", "水污染防治法", "第三十七条")
