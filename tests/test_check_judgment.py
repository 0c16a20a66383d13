"""Judgment mechanisms of the compliance check, each on a hand-made norm and proposal (no index, no model):
field labels, time adverbials, the scope of 无/未, the party a norm binds, duties the proposal leaves open,
removal versus denial, exception fragments, and the project-type duties of the concept lexicon."""

from __future__ import annotations

from functools import partial

from shanxi_policy.check.engine import _open_obligations
from shanxi_policy.check.judges import RuleJudge
from shanxi_policy.check.proposal import NEGATED, PRESENT, REMOVED, analyze, load_lexicon, state_at

from .check_helpers import library_norms, make_norm, verdicts

# Word rarity is counted over real norms, as in a check against the library.
LAW_FILES = ["水污染防治法", "水法", "噪声污染防治法", "大气污染防治法", "固体废物污染环境防治法", "排污许可管理条例"]


_library_norms = partial(library_norms, tuple(LAW_FILES))
_norm = partial(make_norm, trigger="应当")
_judge = partial(verdicts, law_files=tuple(LAW_FILES))


def _state(text: str, word: str) -> str:
    i = text.index(word)
    return state_at(text, i, i + len(word))


NIGHT_WORK = _norm("prohibition", "夜间进行产生噪声的建筑施工作业", scope="在噪声敏感建筑物集中区域；夜间",
                   exceptions="但抢修、抢险施工作业")


def test_time_adverbial_takes_the_polarity_of_its_predicate() -> None:
    assert _state("夜间（22时至次日6时）不安排任何施工作业", "夜间") == NEGATED
    assert _state("夜间（22时至次日6时）不安排任何施工作业", "22时") == NEGATED
    assert _state("旋挖钻机安排在夜间连续作业", "夜间") == PRESENT
    assert _state("白天8时至18时进行作业", "白天") == PRESENT


def test_night_work_denied_under_a_label_is_not_a_conflict() -> None:
    quiet = ("项目名称：某小区道路改造工程。建设地点：小区东侧道路，两侧均为居民楼。施工安排：路面破碎等产生噪声的作业"
             "只在白天8时至18时进行，夜间（22时至次日6时）不安排任何施工作业；施工围挡内侧加装隔声屏。")
    got = _judge(quiet, NIGHT_WORK)
    assert "conflict" not in got and "supports" in got
    loud = ("项目名称：某商业综合体桩基工程。建设地点：工地北侧约30米为住宅小区。施工安排：桩基施工安排在每晚23时至"
            "次日5时连续作业。")
    assert "conflict" in _judge(loud, NIGHT_WORK)


def test_a_denial_ends_at_de() -> None:
    norm_text = "将危险废物提供或者委托给无许可证的单位从事收集、贮存、处置活动"
    assert _state(norm_text, "许可证") == NEGATED
    assert _state(norm_text, "处置") == PRESENT  # "无许可证的" qualifies the receiver, not the disposal
    assert _state("未经处理的废水直接排入河沟", "废水") == PRESENT


def test_handing_hazardous_waste_to_an_unlicensed_collector_is_a_conflict() -> None:
    norm = _norm("prohibition", "将危险废物提供或者委托给无许可证的单位或者其他生产经营者从事收集、贮存、利用、处置活动")
    text = ("项目名称：某汽车维修中心。固体废物：更换下来的旧机油集中装桶后卖给常来收购的个体废品回收户，"
            "回收户未办理任何经营证照。")
    assert "conflict" in _judge(text, norm)
    licensed = "项目名称：某汽车维修中心。固体废物：废机油交由持有危险废物经营许可证的单位处置。"
    assert "conflict" not in _judge(licensed, norm)


def test_a_duty_of_another_kind_of_party_does_not_bind_the_project() -> None:
    farm_duty = _norm("obligation", "保证其畜禽粪便、废水的综合利用或者无害化处理设施正常运转，保证污水达标排放",
                      subject="畜禽养殖场、养殖小区")
    coal = "项目名称：某选煤厂项目。废水处理：洗煤废水经浓缩压滤后全部循环使用，不外排，厂区不设废水排放口。"
    assert set(_judge(coal, farm_duty)) == {"not_applicable"}
    sewage = "项目名称：县城污水处理厂提标改造。污水处理设施正常运转，出水达标排放，尾水排入汾河支流。"
    assert set(_judge(sewage, farm_duty)) == {"not_applicable"}  # neither breaks nor meets the farm's duty
    farm = "项目名称：某生猪养殖场。粪污处理：猪舍冲洗粪水不经处理直接排入村边水沟，不建设粪污处理设施。"
    assert "conflict" in _judge(farm, farm_duty)


def test_a_subject_with_a_relative_clause_is_a_condition() -> None:
    outfall = _norm("obligation", "按照法律、行政法规和国务院环境保护主管部门的规定设置排污口",
                    subject="向水体排放污染物的企业事业单位和其他生产经营者")
    closed = "项目名称：某选煤厂项目。废水处理：洗煤废水全部循环使用，不外排，厂区不设排污口。"
    assert "conflict" not in _judge(closed, outfall)


WATER_PERMIT = _norm("obligation", "按照国家取水许可制度的规定，向水行政主管部门申请领取取水许可证，并缴纳水资源费",
                     subject="直接从江河、湖泊或者地下取用水资源的单位和个人")


def test_a_duty_the_proposal_never_addresses_is_attention() -> None:
    well = "项目名称：某饲料加工项目。给水：厂区自打深井两眼，日抽取地下水约800吨用于生产。"
    assert "attention" in _judge(well, WATER_PERMIT)
    mains = "项目名称：某饲料加工项目。给水：生产用水由园区自来水管网供给。"
    assert "attention" not in _judge(mains, WATER_PERMIT)


def test_a_duty_of_every_polluter_is_not_reported_missing() -> None:
    general = _norm("obligation", "采取措施，防治在生产建设或者其他活动中产生的废气、废水、废渣、粉尘、恶臭气体以及噪声",
                    subject="排放污染物的企业事业单位和其他生产经营者")
    text = "项目名称：某焦化企业干熄焦改造项目。废气：焦炉烟气经脱硫脱硝后由排放口排放，排放口安装自动监测设备。"
    assert "attention" not in _judge(text, general)


def test_a_duty_of_building_works_binds_only_works() -> None:
    renew = _norm("obligation", "重新申请取得排污许可证", conditions="新建、改建、扩建排放污染物的项目")
    existing = "项目名称：某钢铁公司在线监测提升项目。建设内容：在现有烧结机头烟气排放口安装自动监测设备。"
    assert "attention" not in _judge(existing, renew)
    expansion = "项目名称：某水泥粉磨站扩建项目。建设内容：扩建一条水泥粉磨线，新增一个粉尘排放口。"
    assert "attention" in _judge(expansion, renew)


def test_removing_a_thing_breaks_no_duty_about_it() -> None:
    text = "项目名称：某矿井水综合利用项目。建设内容：矿井水处理后用于选煤厂补水，替代原抽取的地下水。"
    prop = analyze(text)
    fact = prop.facts[1]
    i = fact.norm_text.index("地下水")
    assert state_at(fact.norm_text, i, i + 3) == REMOVED
    duty = _norm("obligation", "采取建造防渗池等有效措施，并进行防渗漏监测，防止地下水污染", subject="加油站")
    assert "conflict" not in _judge(text, duty)


def test_an_exception_read_as_a_sentence_is_not_a_duty() -> None:
    fragment = _norm("obligation", "因生产工艺要求或者其他特殊需要必须连续施工作业的除外")
    text = "项目名称：某道路工程。施工安排：夜间不安排任何施工作业。"
    assert set(_judge(text, fragment)) == {"not_applicable"}


def test_project_type_duties() -> None:
    lex = load_lexicon()

    def open_ids(text: str) -> set[str]:
        return {ob["id"] for ob, _ in _open_obligations(analyze(text, lex), lex)}

    energy = "项目名称：年产30万吨电石项目。建设内容：建设4台密闭电石炉，年综合能源消费量约45万吨标准煤。"
    assert "energy_review" in open_ids(energy)
    assert "energy_review" not in open_ids(energy + "节能审查意见已取得。")
    # A discharge permit is raised by a stated discharge, not by the word 废水.
    reuse = "项目名称：某选煤厂。废水处理：洗煤废水经浓缩压滤后全部循环使用，不外排。"
    assert "permit" not in open_ids(reuse)
    assert "permit" in open_ids("项目名称：某选煤厂。废水处理：洗煤废水经沉淀后排入附近河沟。")


def test_approval_planned_later_is_not_approval() -> None:
    text = "项目名称：某再生塑料项目。进度：项目已于今年3月进场施工，环境影响报告表拟于年底前报送审批。"
    states = {m.terms[0]: m.state for f in analyze(text).facts for m in f.mentions}
    assert states.get("未经审批") == NEGATED
    assert states.get("开工建设") == PRESENT


def test_a_former_plant_is_removed_from_the_site() -> None:
    text = "建设地点：原农药生产企业搬迁后的厂区地块。"
    assert _state(text, "企业") == REMOVED
    assert _state("建设地点：农药生产企业厂区内。", "企业") == PRESENT


def test_bridge_search_keeps_each_norm_at_its_better_score() -> None:
    from shanxi_policy.check.engine import _merge_hits
    from shanxi_policy.retrieve.norm_search import NormHit

    a, b, c = (_norm("prohibition", x) for x in ("排放废水", "倾倒垃圾", "焚烧秸秆"))
    b.norm_id, c.norm_id = "测试法:a1#1", "测试法:a1#2"
    merged = _merge_hits([NormHit(a, 0.2, 0.2, 0.0), NormHit(b, 0.9, 0.9, 0.0)],
                        [NormHit(a, 0.7, 0.7, 0.0), NormHit(c, 0.1, 0.1, 0.0)], k=2)
    assert [(h.norm.norm_id, h.score) for h in merged] == [("测试法:a1#1", 0.9), ("测试法:a1#0", 0.7)]


def test_the_environment_as_a_whole_is_no_place_to_establish() -> None:
    norm = _norm("prohibition", "直接向环境排放", conditions="畜禽养殖废弃物未经处理")
    farm = "项目名称：某生猪养殖场。粪污处理：猪舍冲洗粪水不经处理，直接通过管道排入村边的排水沟。"
    assert "conflict" in _judge(farm, norm)


def test_what_the_state_restricts_binds_a_project() -> None:
    from dataclasses import replace

    from shanxi_policy.check.engine import binds_project

    restrict = replace(_norm("restriction", "占用湿地", subject="国家"), subject_type="government")
    assert binds_project(restrict)
    duty = replace(_norm("obligation", "建立健全湿地保护制度", subject="国家"), subject_type="government")
    assert not binds_project(duty)  # what the State must do itself does not bind a proposal


def test_items_before_deng_are_instances_of_the_class_after_it() -> None:
    norm = _norm("prohibition", "通过偷排、篡改或者伪造监测数据、以逃避现场检查为目的的临时停产、非紧急情况下开启应急排放通道、"
                                "不正常运行大气污染防治设施等逃避监管的方式排放大气污染物")
    bypass = "项目名称：某热电公司运行方案。内容：夜间低负荷时段，烟气不经脱硫塔，改由旁路烟道直接排放。"
    assert "conflict" in _judge(bypass, norm)
    normal = "项目名称：某热电公司运行方案。内容：烟气经脱硫脱硝和布袋除尘后达标排放。"
    assert "conflict" not in _judge(normal, norm)


def test_years_the_proposal_states_decide_an_elapsed_time_condition() -> None:
    from shanxi_policy.text.markers import cn_to_int  # the years elapsed are read with it

    assert [cn_to_int(x) for x in ("五", "十", "十五", "二十", "3")] == [5, 10, 15, 20, 3]
    norm = _norm("obligation", "其环境影响评价文件报原审批部门重新审核",
                 conditions="建设项目的环境影响评价文件自批准之日起超过五年，方决定该项目开工建设的")
    late = "项目名称：某甲醇项目。审批情况：环境影响报告书于2019年获批复。建设计划：拟于2026年按原批复开工建设。"
    assert "attention" in _judge(late, norm)
    soon = "项目名称：某甲醇项目。审批情况：环境影响报告书于2024年获批复。建设计划：拟于2026年按原批复开工建设。"
    assert "attention" not in _judge(soon, norm)


def test_a_forbidden_act_on_a_kind_of_party_needs_that_kind() -> None:
    norm = _norm("prohibition", "新建排放噪声的工业企业", scope="在噪声敏感建筑物集中区域")
    road = ("项目名称：某小区道路改造工程。建设地点：小区东侧道路，两侧均为居民楼。施工安排：路面破碎作业只在白天进行，"
            "施工围挡内侧加装隔声屏。")
    assert "conflict" not in _judge(road, norm)  # road works are no 工业企业


def test_an_unconditional_duty_of_the_kind_of_enterprise_the_project_is() -> None:
    coating = _norm("obligation", "使用低挥发性有机物含量的涂料，并建立台账", subject="工业涂装企业")
    spray = "项目名称：某钢结构件喷涂车间项目。废气治理：喷漆房废气经活性炭吸附后经15米排气筒排放。"
    assert "attention" in _judge(spray, coating)
    water_borne = "项目名称：某钢结构件喷涂车间项目。工艺：全部采用水性漆喷涂，废气经活性炭吸附后排放。"
    assert "attention" not in _judge(water_borne, coating)
    # Handling a material does not make the project the party that trades in it.
    trader = _norm("obligation", "建立危险废物经营情况记录簿", subject="危险废物经营单位")
    garage = "项目名称：某汽车维修中心。固体废物：废机油桶装收集后委托持证单位处置。"
    assert "attention" not in _judge(garage, trader)


def test_a_denial_after_the_object_covers_it_in_a_proposal() -> None:
    text = "车间垃圾桶只收生活垃圾，生产固废不混入；废水不外排；污泥不得外运。"
    for word in ("固废", "废水", "污泥"):
        i = text.index(word)
        assert state_at(text, i, i + len(word), proposal=True) == REMOVED
        assert state_at(text, i, i + len(word)) == PRESENT  # a norm's "危险废物不得混入…" names what it governs
    limit = "厂界噪声不超过60分贝，排放浓度不低于去除率要求"
    i = limit.index("噪声")
    assert state_at(limit, i, i + 2, proposal=True) == PRESENT  # a comparison denies nothing
    assert state_at("夜间不施工", 0, 2, proposal=True) == NEGATED  # a time adverbial keeps its own reading
    mention = next(m for f in analyze("项目名称：某陶瓷厂。生产固废不混入生活垃圾。").facts for m in f.mentions
                   if m.surface == "固废")
    assert mention.state == REMOVED


def test_a_prohibition_put_together_across_sentences_is_denied_by_its_main_sentence() -> None:
    norm = _norm("prohibition", "向生活垃圾收集设施中投放工业固体废物")
    kept = ("项目名称：某陶瓷厂固废规范化管理提升项目。建设地点：某工业园区现有厂区。建设内容：新建一般固废暂存库1座；"
            "车间生活区垃圾桶只收生活垃圾，生产固废不混入。")
    assert "conflict" not in _judge(kept, norm)
    mixed = ("项目名称：某陶瓷厂固废规范化管理提升项目。建设地点：某工业园区现有厂区。建设内容：新建一般固废暂存库1座；"
             "车间生活区垃圾桶同时收集生活垃圾和生产固废。")
    assert "conflict" in _judge(mixed, norm)


def test_a_contractor_named_by_its_works_binds_a_project_that_builds() -> None:
    plan = _norm("obligation", "编制建筑垃圾处理方案，采取污染防治措施，并报县级以上地方人民政府环境卫生主管部门备案",
                 subject="工程施工单位")
    demolition = ("项目名称：某棚户区改造项目拆除工程。建设内容：拆除旧住宅楼约4万平方米，预计产生拆除垃圾约3万吨，"
                  "由施工单位负责清运。")
    assert "attention" in _judge(demolition, plan)
    plant = "项目名称：某陶瓷厂固废规范化管理项目。建设内容：废瓷片全部外售给建材企业作骨料。"
    assert "attention" not in _judge(plant, plan)


def test_a_rare_modifier_narrows_the_forbidden_object() -> None:
    mercury = _norm("prohibition", "向渗井排放含汞废水")
    plant = "项目名称：某机加工项目。废水：生产废水经沉淀后通过厂内渗井排放。"
    assert "conflict" not in _judge(plant, mercury)  # waste water, not mercury-bearing waste water
    lamps = "项目名称：某荧光灯回收项目。废水：含汞废水经沉淀后通过厂内渗井排放。"
    assert "conflict" in _judge(lamps, mercury)


def test_a_procedure_put_off_is_not_done() -> None:
    def state(text: str, word: str) -> str:
        i = text.index(word)
        return state_at(text, i, i + len(word), proposal=True)

    assert state("竣工环保验收计划明年上半年再组织", "验收") == NEGATED
    assert state("配套除尘设施竣工验收待正式生产一年后再组织办理", "验收") == NEGATED
    assert state("环境影响报告表拟于年底前报批", "环境影响") == NEGATED
    assert state("生产废水经处理达标后再排放", "废水") == PRESENT  # a treatment step defers nothing
    assert state("竣工环保验收已完成，随后投入生产", "验收") == PRESENT


def test_work_handed_to_another_party_does_not_make_the_project_that_party() -> None:
    licence = _norm("obligation", "向县级以上人民政府环境保护行政主管部门申请领取经营许可证",
                    subject="从事医疗废物集中处置活动的单位")
    clinic = ("项目名称：某社区卫生服务站改造方案。医疗废物：设独立的医疗废物暂存间，不在室外存放；"
              "由市医疗废物集中处置中心每日上门收运一次。")
    assert "attention" not in _judge(clinic, licence)
    centre = "项目名称：某市医疗废物集中处置中心项目。建设内容：新建医疗废物集中处置设施，日处置医疗废物30吨。"
    assert "attention" in _judge(centre, licence)
    from shanxi_policy.check.judges import handed_over

    text = "地块用途由工业用地变更为住宅用地"
    assert not handed_over(text, text.index("住宅"))  # 由…变更为 says from what, not by whom
    text = "由市医疗废物集中处置中心每日上门收运"
    assert handed_over(text, text.index("集中处置"))


def test_conduct_by_a_document_the_project_holds() -> None:
    judge = RuleJudge()
    judge.prepare(_library_norms())
    duty = "按照排污许可证的要求排放污染物"
    held = analyze("项目名称：某机械厂涂装线技术改造。审批情况：环境影响报告表已批复，排污许可证已变更。")
    assert any(judge._addressed(duty, f, 0.6) for f in held.facts)
    pending = analyze("项目名称：某机械厂涂装线技术改造。审批情况：环境影响报告表已批复，尚未取得排污许可证。")
    assert not any(judge._addressed(duty, f, 0.6) for f in pending.facts)
    # a rule is not a document the project holds
    rule = "按照国家取水许可制度的规定，向水行政主管部门申请领取取水许可证"
    well = analyze("项目名称：某饲料加工项目。给水：厂区自打深井两眼，日抽取地下水约800吨用于生产。")
    assert not any(judge._addressed(rule, f, 0.6) for f in well.facts)


def test_a_party_named_by_producing_a_thing_must_produce_it() -> None:
    ledger = _norm("obligation", "建立工业固体废物管理台账，如实记录产生工业固体废物的种类、数量、流向",
                   subject="产生工业固体废物的单位")
    smelter = "项目名称：某冶炼厂渣场项目。建设内容：冶炼车间年产生冶炼废渣约8万吨，堆存于厂内渣场。"
    assert "attention" in _judge(smelter, ledger)
    reclaim = "项目名称：某采煤沉陷区土地复垦工程。建设内容：利用附近冶炼厂堆存的冶炼废渣约8万立方米回填沉陷区。"
    assert "attention" not in _judge(reclaim, ledger)  # it takes the smelter's slag, it does not produce it
