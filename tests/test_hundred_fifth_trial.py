"""Findings of the hundred-and-fifth user trial (a Yellow River county's water and soil conservation officer signing
the ecology bureau's opinion on projects along the river and in the loess hills) and of the hundred-and-sixth (a
public-interest environmental lawyer asking about the laws), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve
from shanxi_policy.check.proposal import put_off
from shanxi_policy.check.service import check_proposal
from shanxi_policy.text.normalize import normalize_for_search

from .check_helpers import relations, trial_text

# ---- checks ------------------------------------------------------------------------------------------------------


def test_alien_fish_caged_in_the_river(library_kb):
    # "在黄河干流…回水湾水面布设网箱养殖区…从外省购进的加州鲈（大口黑鲈）和斑点叉尾鮰鱼苗" had been "基本可行" with a
    # livestock farm's manure duty: cages stand in open water and those fish are alien species (黄河保护法 第四十一条)
    rep = check_proposal(library_kb, trial_text("105_P10"))
    assert rep.verdict == "conflict"
    assert "conflict" in relations(rep, "黄河保护法", "第四十一条")
    # fish are no livestock; the ban of fishing in the closed season (第四十二条) is not about farming, and the words
    # it shared were those of the ministry that writes its details ("具体办法由国务院农业农村主管部门制定")
    assert not relations(rep, "畜禽规模养殖污染防治条例", "第十三条") & {"attention", "conflict"}
    assert not relations(rep, "黄河保护法", "第四十二条") & {"attention", "conflict"}


def test_a_workshop_running_before_its_acceptance(library_kb):
    # "配套废水处理站…目前尚未建成，车间已于2024年10月开始生产，环保设施竣工验收计划在2025年下半年开展" had shown no
    # finding on acceptance, the whole sentence listed as a paper done
    rep = check_proposal(library_kb, trial_text("105_P08"))
    assert "conflict" in relations(rep, "建设项目环境保护管理条例", "第十九条")
    # running and discharging with the permit "尚未申领"
    assert "conflict" in relations(rep, "环境保护法", "第四十五条")
    # the paper to verify is the approval, not what is still to come
    assert any(p.endswith("车间环评报告表于2024年5月取得批复") for p in rep.papers)
    # its settling-tank sludge makes it no town sewage works (水污法 第五十一条), nor is 工业小区 a housing estate
    assert not relations(rep, "水污染防治法", "第五十一条") & {"attention", "supports"}
    assert not relations(rep, "噪声污染防治法", "第五十二条")


@pytest.mark.parametrize("text, word", [
    ("环保设施竣工验收计划在2025年下半年开展。", "竣工验收"),
    ("竣工环境保护验收计划于2025年下半年组织。", "竣工环境保护验收"),
])
def test_a_step_dated_to_come_is_not_done(text, word):
    t = normalize_for_search(text)
    i = t.find(word)
    assert put_off(t, i, i + len(word))


def test_done_steps_are_not_put_off():
    # guard: a date past and a step done
    t = normalize_for_search("竣工验收已于2024年5月开展并通过。")
    i = t.find("竣工验收")
    assert not put_off(t, i, i + 4)


def test_village_sewage_outflow_is_no_industrial_water(library_kb):
    # "尾水优先用于村庄绿化和农田灌溉" of a village sewage works had been a 冲突 on 水污法 第五十八条 ("禁止向农田灌溉渠道
    # 排放工业废水或者医疗污水"): all its water is household
    rep = check_proposal(library_kb, trial_text("105_P06"))
    assert "conflict" not in relations(rep, "水污染防治法", "第五十八条")
    assert rep.verdict != "conflict"
    # a sewage works is itself the pollution control: no main works for 三同时 to go with
    assert not relations(rep, "环境保护法", "第四十一条") & {"attention"}


def test_a_landfill_closure_is_not_the_incinerator_its_waste_goes_to(library_kb):
    # "垃圾全部转运至县垃圾焚烧发电厂": the incinerator is another works'; it made a 排污许可 需关注 of a closure
    rep = check_proposal(library_kb, trial_text("105_P11"))
    assert not relations(rep, "排污许可管理条例", "第二条") & {"attention"}


@pytest.mark.parametrize("prefix", ["105_P03", "105_P05"])
def test_water_drawn_by_new_wells_or_a_lifting_station(library_kb, prefix):
    # "清洗用水从场区新打的2眼机井抽取", "在村南XX河…岸边新建提水泵站": water taken directly, no licence said (水法 第四十八条)
    rep = check_proposal(library_kb, trial_text(prefix))
    assert "attention" in relations(rep, "水法", "第四十八条")


def test_earthworks_in_the_basin_need_a_conservation_plan(library_kb):
    # "施工需对沙丘进行推平，土石方开挖回填约85万立方米" in the Yellow River basin, with no 水土保持方案 (黄河保护法 第三十五条)
    rep = check_proposal(library_kb, trial_text("105_P03"))
    assert "attention" in relations(rep, "黄河保护法", "第三十五条")


def test_a_conservation_plan_approved(library_kb):
    # guard: "水土保持方案报告书已经县水利局批准" is a paper done, not a duty open
    rep = check_proposal(library_kb, trial_text("105_P04"))
    assert not relations(rep, "黄河保护法", "第三十五条") & {"attention"}


def test_a_brick_kiln_silent_on_its_flue_gas_and_its_yard(library_kb):
    # "一次码烧隧道窑…主要原料为煤矸石和页岩…在厂区原料场堆存": no flue-gas treatment (大气法 第四十三条) and no cover or
    # enclosure of the gangue yard (第七十二条)
    rep = check_proposal(library_kb, trial_text("105_P09"))
    assert "attention" in relations(rep, "大气污染防治法", "第四十三条")
    assert "attention" in relations(rep, "大气污染防治法", "第七十二条")


def test_a_laws_conflict_comes_before_a_policys(library_kb):
    # a quarry in a reserve's experimental zone: the seed policy's red-line clause had led the regulation's articles
    rep = check_proposal(library_kb, trial_text("105_P07"))
    conflicts = [f for f in rep.findings if f.relation == "conflict"]
    assert conflicts and "自然保护区条例" in conflicts[0].doc_label


# ---- answers -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question, clause", [
    # whether it is banned is asked of the ban, not of the article punishing 明令禁止 pesticides
    ("企业用暗管、渗坑偷排污水，法律上是明令禁止的吗？", "水污染防治法:a39"),
    # a paper not held is one not obtained (未取得), whatever its first characters
    ("企业没有排污许可证就排放大气污染物，罚款幅度是多少？", "大气污染防治法:a99"),
    # the article listing the very breach asked, not one listing the same acts on another thing
    ("企业擅自倾倒、堆放危险废物，罚款怎么算？", "固体废物污染环境防治法:a112"),
    # selling is 买卖
    ("能不能把医疗废物卖给废品收购站？", "医疗废物管理条例:a14"),
    # the act of breaching a law is no part of its name
    ("违反危险废物经营许可证管理办法，无经营许可证从事危险废物收集经营活动的，怎么处罚？",
     "固体废物污染环境防治法:a114"),
])
def test_answers_of_the_hundred_and_sixth_trial(library_kb, question, clause):
    ans = library_kb.ask(question)
    assert ans.found
    assert ans.citations[0].clause_id == clause


def test_a_penalty_referred_to_another_law(library_kb):
    # "没做环评就开工": 建设项目环境保护管理条例 第二十一条 punishes it "依照《环境影响评价法》的规定", whose 第三十一条 sets
    # the fine
    ans = library_kb.ask("没做环评就开工，罚多少？")
    assert ans.citations[0].clause_id == "环境影响评价法:a31"


def test_what_a_word_means_is_its_own_item(library_kb):
    # '"夜间"指几点到几点' had listed every definition of 噪声法 第八十八条, or been left unanswered beside the ban
    ans = library_kb.ask('工地晚上在居民区施工扰民，法律允许吗？"夜间"指几点到几点？')
    assert "晚上十点至次日早晨六点" in ans.text
    assert "交通干线" not in ans.text
    assert {"噪声污染防治法:a43", "噪声污染防治法:a88"} <= {h.clause_id for h in ans.citations}


def test_a_later_question_the_first_clause_answers(library_kb):
    # "举报人信息会保密吗" had been answered by 排污许可条例 第三十一条 (reports on polluters) while 环保法 第五十七条, cited for
    # the first question, says "对举报人的相关信息予以保密"
    ans = library_kb.ask("发现环保局不依法履职，公民可以向谁举报？举报人信息会保密吗？")
    second = next(i for i in ans.items if i.label and "保密" in i.label)
    assert "予以保密" in second.text
    assert ans.citations[second.cite - 1].clause_id == "环境保护法:a57"


def test_a_law_not_held_asked_for_its_period(library_kb):
    # "…提起行政诉讼，起诉期限是多久？": a clause that only names the 行政诉讼法 does not answer for it
    ans = library_kb.ask("对环保局的行政处罚不服提起行政诉讼，起诉期限是多久？")
    assert not ans.found
    assert "行政诉讼法" in ans.message


@pytest.mark.parametrize("follow, before, expected", [
    # the act asked about, breached by its verb alone, keeps its object
    ("要是无证经营呢？", "从事危险废物收集、贮存、处置经营需要许可证吗？",
     "从事危险废物收集、贮存、处置经营，无证经营，如何处罚？"),
    # the duty asked about, not done by its one-character verb
    ("不设的罚多少？", "重点用能单位要不要设能源管理岗位？", "重点用能单位，不设能源管理岗位的，罚多少？"),
    # "这些措施" are the ones the question before asked about, of its whole subject
    ("不采取这些措施罚多少？", "建筑工地的施工单位在防治扬尘方面有什么义务？",
     "建筑工地的施工单位在防治扬尘方面，不采取措施罚多少？"),
    # a breach done by the party asked about
    ("那篡改、伪造监测数据呢？", "重点排污单位在监测设备方面有什么义务？", "重点排污单位篡改、伪造监测数据，如何处罚？"),
])
def test_follow_ups_of_the_hundred_and_sixth_trial(library_kb, follow, before, expected):
    assert resolve(follow, [before], library_kb.term_idf, library_kb.documents) == expected


@pytest.mark.parametrize("follow, before, clause", [
    ("要是无证经营呢？", "从事危险废物收集、贮存、处置经营需要许可证吗？", "固体废物污染环境防治法:a114"),
    ("不设的罚多少？", "重点用能单位要不要设能源管理岗位？", "节约能源法:a84"),
    ("不采取这些措施罚多少？", "建筑工地的施工单位在防治扬尘方面有什么义务？", "大气污染防治法:a115"),
])
def test_follow_ups_answered(library_kb, follow, before, clause):
    ans = library_kb.ask(follow, history=[before])
    assert ans.citations[0].clause_id == clause



# ---- the hundred-and-seventh trial (a coal city's review office screening mining and post-mining projects) --------


def test_washing_rejects_and_a_product_coal_yard(library_kb):
    # "块煤、末煤产品在厂区南侧产品煤场装车", "选煤过程年产洗矸约45万吨": a coal yard with no cover named (大气法 第七十二条);
    # 洗矸 is coal gangue; the plant lowers its coal's sulphur and ash, it mines none ("限制高硫分、高灰分煤炭的开采" had
    # been 需关注); gangue made is no gangue used ("国家鼓励…对…煤矸石…进行综合利用" had been 符合)
    rep = check_proposal(library_kb, trial_text("107_P03"))
    assert "attention" in relations(rep, "大气污染防治法", "第七十二条")
    assert "attention" not in relations(rep, "大气污染防治法", "第三十三条")
    assert "supports" not in relations(rep, "固体废物污染环境防治法", "第四十二条")


def test_a_gangue_dump_closed_as_the_law_asks(library_kb):
    # a compliant closure had been 需关注 on 固废法 第六十三条 (building rubble it makes none of) and on the seed policy's
    # hazardous-waste sentence (it handles no hazardous waste)
    rep = check_proposal(library_kb, trial_text("107_P02"))
    assert "attention" not in relations(rep, "固体废物污染环境防治法", "第六十三条")
    assert not any(f.relation == "attention" and "（十一）" in f.article for f in rep.findings)
    assert rep.verdict != "attention"


def test_a_pv_plant_on_subsided_land_mines_nothing(library_kb):
    # the seed policy's mine-restoration sentence had asked a PV developer for "矿山地质环境保护与土地复垦方案"
    rep = check_proposal(library_kb, trial_text("107_P05"))
    assert not any(f.relation == "attention" and "（十六）" in f.article for f in rep.findings)


# ---- the hundred-and-eighth trial (a journalist checking the laws' words and figures) ------------------------------


@pytest.mark.parametrize("question, clause, said", [
    # what a word means is the sentence that defines it, a law's before a regulation's
    ("法律上“湿地”指什么？稻田算不算湿地？", "湿地保护法:a2", "水田"),
    ("黄河保护法所说的“黄河流域”包括哪些省区？", "黄河保护法:a2", "山西省"),
    ("法律上“危险废物”是怎么定义的？", "固体废物污染环境防治法:a124", "危险废物名录"),
    # what paper a duty asks for is the duty, not the article punishing its lack
    ("夜间在居民区搞建筑施工，需要办什么证明？", "噪声污染防治法:a43", "夜间"),
    # a breach listed whole, not a wider case holding it ("…被责令停止排污，拒不执行的")
    ("企业没有排污许可证就排放污染物，罚多少？", "排污许可管理条例:a33", "20万元以上"),
    # a policy's stage targets are its main targets by year
    ("美丽山西建设实施意见提出了哪些阶段性目标？", "meili_shanxi_shishi_yijian", "到2027年"),
])
def test_answers_of_the_hundred_and_eighth_trial(library_kb, question, clause, said):
    ans = library_kb.ask(question)
    assert ans.found
    assert ans.citations[0].clause_id.startswith(clause)
    assert said in ans.text


@pytest.mark.parametrize("question, law", [
    ("长江“十年禁渔”是哪部法律规定的？", "长江保护法"),
    ("向海里倾倒废弃物需要办什么许可？", "海洋环境保护法"),
    # a penalty asked of a matter whose law is not held: a policy's paragraph on it is no answer
    ("食用野生动物会被怎么处罚？", "野生动物保护法"),
])
def test_laws_not_held(library_kb, question, law):
    ans = library_kb.ask(question)
    assert not ans.found
    assert law in ans.message


def test_a_kind_of_party_asking_the_penalty(library_kb):
    # "个人违反罚多少？" after "饮用水水源一级保护区里能不能游泳、钓鱼？" had been read as a question of its own (自然保护区条例
    # 第三十四条)
    ans = library_kb.ask("个人违反罚多少？", history=["饮用水水源一级保护区里能不能游泳、钓鱼？"])
    assert ans.citations[0].clause_id == "水污染防治法:a91"
