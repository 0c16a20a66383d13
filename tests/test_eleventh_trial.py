"""Defects an EIA reviewer and inspector met in the eleventh trial: a compliant pig farm in conflict because "未发生
粪污直排" was read as a discharge refused, spent carbon (废活性炭) taken for carbon adsorption, waste sold to an unlicensed
yard cited as transferring a licence, a transfer station running without acceptance 符合 the ban on it, a gas-station
change in conflict with the night-works ban, and a follow-up that named its own subject carried on the old one."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from shanxi_policy.check.curated import run_check
from shanxi_policy.check.engine import check_proposal
from shanxi_policy.check.rules import load_checks

PIG_FARM = ("某生猪规模养殖场环境管理情况\n养殖场常年存栏生猪3000头，已依法取得环评批复，配套建设的粪污贮存池、沼气池和"
            "固液分离设施已与养殖场同步建成并通过验收。粪污经厌氧发酵后，沼液沼渣全部用于周边1500亩自有农田还田利用，未发生粪污直排或外溢。")
GARAGE = ("某汽车维修服务有限公司建设项目情况说明\n工人直接在敞开车间内手工喷涂，漆雾和异味通过门窗自然散出，未配套活性炭吸附等"
          "废气治理设施。\n维修过程中产生的废机油、废漆渣和废活性炭，平时堆放在院内露天空地，每隔几个月卖给上门收购的废品回收站，"
          "对方没有危险废物经营许可证。")
TRANSFER_STATION = ("某区生活垃圾转运站项目情况\n该转运站设计规模每日200吨，环评已于2022年批复。2023年10月主体工程完工后"
                    "即开始接收和压缩转运生活垃圾，至今已运行一年多。建设单位至今没有组织竣工环境保护验收。")
GAS_STATION = ("某加油站改扩建项目变更说明\n施工过程中，建设单位将储罐调整为6座50立方米储罐，总罐容增加一倍以上，站址向北侧居民区"
               "方向扩大约30米。上述调整未重新报批环境影响评价文件，目前已经基本建成。")


def _relations(rep, label: str, article: str) -> set[str]:
    return {f.relation for f in rep.findings if label in f.doc_label and f.article == article}


def test_a_discharge_said_not_to_happen_refuses_no_duty(library_kb):
    rep = check_proposal(library_kb, PIG_FARM)
    assert "conflict" not in _relations(rep, "水污染防治法", "第五十六条") and rep.verdict != "conflict"


def test_spent_carbon_is_no_carbon_adsorption(library_kb):
    vocs = next(c for c in load_checks() if "活性炭" in c.requires)
    f = run_check(library_kb, vocs, GARAGE)
    assert f is not None and f.relation != "supports" and "否定" in f.reason


def test_a_licence_the_receiver_lacks_is_not_one_transferred(library_kb):
    rep = check_proposal(library_kb, GARAGE)
    quotes = [f.hit.quote for f in rep.findings if f.relation == "conflict"]
    assert not any("伪造、变造、转让危险废物经营许可证" in q for q in quotes)
    assert any("无经营许可证的单位" in q or "无许可证的单位" in q for q in quotes)


def test_running_without_acceptance_breaks_the_ban_on_it(library_kb):
    rep = check_proposal(library_kb, TRANSFER_STATION)
    assert _relations(rep, "建设项目环境保护管理条例", "第十九条") == {"conflict"}


def test_a_night_ban_needs_the_night(library_kb):
    rep = check_proposal(library_kb, GAS_STATION)
    assert "conflict" not in _relations(rep, "噪声污染防治法", "第四十三条")
    night = check_proposal(library_kb, "项目名称：某小区配套工程\n施工安排：在居民小区旁23时至次日4时进行混凝土浇筑和打桩作业。")
    assert _relations(night, "噪声污染防治法", "第四十三条") == {"conflict"}


@pytest.mark.parametrize(("history", "question", "expected"), [
    (["建设单位未向社会公开验收报告怎么处理？"], "排污许可证到期了要怎么办？", "60日"),
    (["排污许可证的有效期是几年？"], "到期前多少天要申请延续？", "60日"),
])
def test_a_follow_up_naming_its_own_subject_is_not_carried(library_kb, history, question, expected):
    a = library_kb.ask(question, history=history)
    assert expected in a.text and "验收报告" not in (a.resolved_question or "")


def test_check_json_keeps_stdout_for_the_json(tmp_path):
    from shanxi_policy.cli import main

    out = tmp_path / "r.docx"
    r = CliRunner().invoke(main, ["check", "--text", TRANSFER_STATION, "--json", "--docx", str(out), "--no-history"])
    assert r.exit_code == 0 and out.exists()
    assert json.loads(r.stdout)["verdict"]


@pytest.mark.parametrize(("question", "expected"), [
    ("危险废物贮存期限最长是多久？", "不得超过一年"),
    ("医疗废物暂时贮存多久？", "2天"),
])
def test_how_long_is_answered_by_a_length_of_time(library_kb, question, expected):
    assert expected in library_kb.ask(question).text.splitlines()[0]


def test_a_penalty_answer_keeps_to_the_law_that_sets_the_duty(library_kb):
    a = library_kb.ask("厂子没验收就生产了怎么罚")
    docs = {a.citations[i.cite - 1].doc_id for i in a.items}
    assert docs == {"建设项目环境保护管理条例"} and "20万元以上100万元以下" in a.text


def test_one_word_in_common_breaks_no_duty(library_kb):
    # "加油站等的地下油罐…防渗漏监测" shares only 防渗漏 with a hazardous-waste store without lining
    rep = check_proposal(library_kb, "某精细化工有限公司危险废物管理检查记录\n企业危废暂存库内存放废催化剂约12吨。"
                                     "暂存库地面有裂缝，未设置防渗漏和导流设施。")
    # (the first paragraph, which binds a chemical producer to take anti-seepage measures, may be cited)
    assert not any(f.relation == "conflict" and "加油站" in f.hit.quote for f in rep.findings)
