"""Findings of the ninety-fourth user trial (a chemical plant's new environment and safety manager), and of the
ninety-second's that had stayed open, each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import person_asked, resolve
from shanxi_policy.text.markers import cites_article


def test_a_penalty_on_the_authoritys_staff_comes_last(library_kb):
    # "把危险废物交给没有经营许可证的单位处理，会受到什么处罚？": 危险废物经营许可证管理办法 第三十条 punishes officials who
    # fail to act; the ban (第十五条) is punished by 第二十五条, which refers to 固废法 第一百一十二条
    ans = library_kb.ask("把危险废物交给没有经营许可证的单位处理，会受到什么处罚？")
    assert ans.citations[0].clause_id == "固体废物污染环境防治法:a112"
    assert "三倍以上五倍以下" in ans.text
    assert all(h.clause_id != "危险废物经营许可证管理办法:a30" for h in ans.citations[:2])


def test_a_detention_only_article_after_the_fine(library_kb):
    # "未取得排污许可证排放大气污染物，怎么处罚？": 环境保护法 第六十三条 detains only those who then refuse to stop; the
    # fine (排污许可管理条例 第三十三条) answers
    ans = library_kb.ask("未取得排污许可证排放大气污染物，怎么处罚？")
    assert ans.citations[0].clause_id != "环境保护法:a63"
    assert "罚款" in ans.text


@pytest.mark.parametrize("question", ["环保设施没验收就投产了会怎么样？", "篡改、伪造监测数据会有什么后果？"])
def test_what_follows_is_a_penalty_question(library_kb, question):
    ans = library_kb.ask(question)
    assert "罚款" in ans.text


def test_the_amount_set_for_every_listed_breach(library_kb):
    # 土壤法 第八十六条 "有前款规定行为之一的，处二万元以上二十万元以下的罚款": named by no item, it is every item's amount
    ans = library_kb.ask("土壤污染重点监管单位没有建立土壤污染隐患排查制度，罚多少？")
    assert "二万元以上二十万元以下" in ans.text


@pytest.mark.parametrize(("question", "before", "expected"), [
    ("那对负责人个人呢？", "环保设施没验收就投产了会怎么样？", "环保设施没验收就投产了，对负责人个人会怎么样？"),
    ("负责人会被拘留吗？", "篡改、伪造监测数据会有什么后果？", "篡改、伪造监测数据，负责人会被拘留吗？"),
    ("那个人呢？", "乱倒垃圾罚多少？", ""),
])
def test_a_person_asked_of_the_case_before(question, before, expected):
    assert person_asked(question, before) == expected


def test_a_later_part_naming_only_a_person(library_kb):
    ans = library_kb.ask("篡改、伪造监测数据会有什么后果？负责人会被拘留吗？")
    assert "十日以上十五日以下" in ans.text
    assert "固体废物污染环境防治法:a120" not in [h.clause_id for h in ans.citations[:3]]


def test_a_follow_up_asking_who_of_a_new_matter(library_kb):
    # "那土壤污染修复的责任由谁承担？" had been read into the earlier question ("…由谁承担需要做…调查吗？")
    ans = library_kb.ask("那土壤污染修复的责任由谁承担？", history=["企业转让厂区土地前，需要做土壤污染状况调查吗？"])
    assert "需要做" not in (ans.resolved_question or ans.question)
    assert "土壤污染责任人" in ans.text


def test_a_province_named_is_answered_by_its_documents(library_kb):
    # "山西对企业挥发性有机物有什么要求？": the province's policy says it (美丽山西 实施意见 （八）); a national law had
    # answered
    ans = library_kb.ask("山西对企业挥发性有机物有什么要求？")
    assert ans.citations[0].doc_id == "meili_shanxi_shishi_yijian"
    # …unless the province's documents say less of the question than the laws: a pig farm's manure is the regulation's
    ans = library_kb.ask("山西农村养猪场粪污怎么处理？")
    assert ans.citations[0].doc_id == "畜禽规模养殖污染防治条例"


def test_a_lay_word_cut_apart_still_counts(library_kb):
    # ninety-second trial: "禁养区里" is read 禁养 / 区里; 禁养区 is the law's 禁止养殖区域 (畜禽条例 第三十七条), and "怎么处理"
    # asks what befalls the farm, it is no word of the case (第三十九条's "无害化处理")
    ans = library_kb.ask("有人在禁养区里建了养猪场，法律上怎么处理，罚多少钱？")
    assert ans.citations[0].clause_id == "畜禽规模养殖污染防治条例:a37"


def test_a_duty_left_undone_after_a_penalty_question(library_kb):
    # "没按规定记台账呢？" after "排污单位超过许可排放浓度排污罚多少？": the same party's duty left undone, asked the same way
    # (it had read "浓度没按规定记台账？")
    got = resolve("没按规定记台账呢？", ["排污单位超过许可排放浓度排污罚多少？"], library_kb.term_idf, library_kb.documents)
    assert got == "排污单位没按规定记台账，罚多少？"


def test_who_does_a_duty_is_answered_by_the_duty(library_kb):
    # "项目建成后环保设施验收由谁来做？" had been answered by the penalty for producing before acceptance (第二十三条)
    ans = library_kb.ask("项目建成后环保设施验收由谁来做？")
    assert ans.citations[0].clause_id == "建设项目环境保护管理条例:a17"


def test_another_laws_article_is_not_cited_as_ones_own():
    # 水污法 第九十四条 "违反本法规定…有《中华人民共和国环境保护法》第六十三条规定的…行为" punishes no breach of 水污法 第六十三条
    text = "企业事业单位违反本法规定，造成水污染事故的，…有《中华人民共和国环境保护法》第六十三条规定的违法排放水污染物等行为之一"
    assert not cites_article(text, 63)
    assert cites_article("违反本条例第二十五条规定的，处…", 25)
