"""Findings of the twenty-third user trial (a county approval office pre-reviewing project proposals of trades not
tried before: data centre, sludge drying, battery recycling, biomass CHP, cold-chain park, fly-ash landfill, hot-spring
resort …), each a general case."""

from __future__ import annotations

from shanxi_policy.check.proposal import analyze
from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_leachate_led_into_a_dry_disused_well_is_let_into_a_seepage_well(library_kb):
    # "多余渗滤液临时引入场区西南角一眼废弃的机井（已干涸多年）进行消纳" had been 符合 under another law
    rep = check_proposal(library_kb, trial_text("23_P10"))
    assert rep.verdict == "conflict"
    assert "conflict" in relations(rep, "水污染防治法", "第三十九条")


def test_a_permit_whose_route_is_still_being_asked_about_is_open(library_kb):
    # "取水许可…目前正在向县水利局、自然资源局咨询办理路径，待勘查结果出来后再确定" had met 水法 第四十八条
    rep = check_proposal(library_kb, trial_text("23_P11"))
    assert relations(rep, "水法", "第四十八条") == {"attention"}


def test_boilers_a_plant_replaces_are_not_boilers_it_builds(library_kb):
    # "…集中供热，替代区域内12台燃煤小锅炉": a biomass CHP plant is no new coal-fired boiler
    rep = check_proposal(library_kb, trial_text("23_P05"))
    assert "conflict" not in relations(rep, "大气污染防治法", "第三十九条")
    assert "conflict" not in relations(rep, "节约能源法", "第三十三条")


def test_acceptance_before_production_is_not_production_without_it(library_kb):
    # "投产前…完成竣工环保验收": the case 验收不合格 is not made by "不合格秸秆" sentences away
    for prefix in ("23_P05", "23_P08"):
        rep = check_proposal(library_kb, trial_text(prefix))
        assert "conflict" not in relations(rep, "建设项目环境保护管理条例", "第十九条"), prefix


def test_a_housing_estate_beside_the_site_is_no_livestock_estate(library_kb):
    # "园区北侧为某小区": 小区 alone is a housing estate; 养殖小区 is bound by the livestock duties
    rep = check_proposal(library_kb, trial_text("23_P09"))
    assert not relations(rep, "水污染防治法", "第五十六条")


def test_a_restricted_thing_the_proposal_will_not_use_supports_the_policy(library_kb):
    rep = check_proposal(library_kb, "某制剂厂项目。厂区供热采用天然气低氮锅炉，不使用燃煤锅炉。")
    coal = [f for f in rep.findings if "燃煤锅炉关停" in f.hit.quote]
    assert coal and coal[0].relation == "supports"


def test_words_of_a_mention_are_shown_as_written_when_the_text_changes_length():
    # "-18℃" becomes "-18°c" when normalized: the words shown had been shifted ("车间、交")
    prop = analyze("新建低温冷库（-18℃）2万吨，以及分拣加工车间、交易区和停车场。")
    surfaces = {m.surface for f in prop.facts for m in f.mentions}
    assert "加工车间" in surfaces
    assert "车间、交" not in surfaces


def test_letting_nothing_out_refuses_no_item_of_what_an_application_holds(library_kb):
    # 排污许可管理条例 第七条 "排污许可证申请表应当包括下列事项：（三）…排放口…排放量": a contents list, not a duty "不外排"
    # could break
    rep = check_proposal(library_kb, "某废旧电池回收项目。车间地面冲洗水经沉淀后循环使用，不外排。")
    assert "conflict" not in relations(rep, "排污许可管理条例", "第七条")


def test_works_said_to_be_nearly_built_before_approval_are_built(library_kb):
    text = ("某废旧轮胎热解项目。目前厂房和4条连续热解生产线已基本建成，正在进行单机调试。"
            "环境影响报告书正在抓紧编制，预计年底前报送审批。")
    rep = check_proposal(library_kb, text)
    assert rep.verdict == "conflict"
    assert "conflict" in relations(rep, "环境影响评价法", "第二十五条")


def test_spent_battery_electrolyte_is_hazardous_waste():
    prop = analyze("拆解产生的废电解液装桶暂存。")
    assert any("危险废物" in m.terms for f in prop.facts for m in f.mentions)


def test_words_describing_what_is_burnt_are_not_the_burning(library_kb):
    # 大气法 第七十七条 "露天焚烧秸秆、落叶等产生烟尘污染的物质": welding fume shares only the describing clause
    rep = check_proposal(library_kb, "某光伏组件项目。串焊工序产生少量焊接烟尘，经设备自带过滤器处理。")
    assert "conflict" not in relations(rep, "大气污染防治法", "第七十七条")
    burnt = check_proposal(library_kb, "村民在田间露天焚烧秸秆。")
    assert "conflict" in relations(burnt, "大气污染防治法", "第七十七条")


def test_a_permit_still_to_be_decided_is_open_not_lacking(library_kb):
    rep = check_proposal(library_kb, trial_text("23_P04"))
    assert "conflict" not in relations(rep, "排污许可管理条例", "第二条")
    assert rep.verdict == "attention"


def test_works_to_begin_once_another_paper_is_had_are_planned(library_kb):
    # "取得节能审查意见后再开工建设" with the assessment still being drafted: nothing is built yet (需关注), a promise had
    # raised the verdict to 冲突
    text = ("某数据中心项目。计划2025年4月开工。节能报告已委托第三方机构编制，取得节能审查意见后再开工建设。"
            "项目环境影响评价文件正在编制中。")
    rep = check_proposal(library_kb, text)
    assert "conflict" not in relations(rep, "环境影响评价法", "第二十五条")


def test_leachate_let_into_the_ground_through_a_disused_well(library_kb):
    rep = check_proposal(library_kb, "某填埋场项目。多余渗滤液通过场区西南角一眼废弃机井灌入地下。")
    assert "conflict" in relations(rep, "水污染防治法", "第三十九条")


def test_a_measure_whose_kind_is_still_being_chosen_is_not_taken(library_kb):
    # "堆场封闭方式（全封闭大棚，或防风抑尘网加苫盖）目前还在比选": the seed policy's 五尘同治 had read 封闭 as taken
    rep = check_proposal(library_kb, trial_text("23_P12"))
    dust = [f for f in rep.findings if "五尘" in f.hit.quote]
    assert dust and dust[0].relation == "attention"


def test_things_named_in_the_sentence_before_are_what_上述物料_means(library_kb):
    # "…废电解液…焦油及废活性炭…装桶存放在临时库房。…上述物料拟卖给邻县一家长期合作的废旧物资回收站"
    rep = check_proposal(library_kb, trial_text("23_V03b"))
    assert "conflict" in relations(rep, "固体废物污染环境防治法", "第八十条")
