"""Compliance check of project proposals."""

from __future__ import annotations

import pytest
import yaml

import shanxi_policy as sp
from shanxi_policy.check.engine import check_proposal
from shanxi_policy.check.negation import find_mentions
from shanxi_policy.check.rules import load_checks

from .test_retrieval import kb  # noqa: F401


def relations(rep):
    return {(f.check_id, f.relation) for f in rep.findings}


def test_every_curated_check_cites_a_real_sentence(kb):  # noqa: F811
    for c in load_checks():
        clause = kb.clause(c.clause)
        assert clause is not None, c.id
        assert c.quote.rstrip("。") in clause.text, c.id


def test_coal_project_conflicts(kb):  # noqa: F811
    rep = check_proposal(kb, "项目名称：年产100万吨焦化项目。供热采用燃煤锅炉。原料煤采用国四柴油货车运输。")
    assert rep.verdict == "conflict"
    assert {("coal_boiler", "conflict"), ("diesel_trucks", "conflict")} <= relations(rep)
    f = next(f for f in rep.findings if f.check_id == "coal_boiler")
    assert f.hit.local_id == "c8" and "燃煤锅炉" in f.hit.quote and "燃煤锅炉" in f.evidence
    assert f.recommendation and f.reason


def test_negated_coal_boiler_is_not_a_conflict(kb):  # noqa: F811
    rep = check_proposal(kb, "某化工项目，不设燃煤锅炉，采用电锅炉供热，建设初期雨水收集池。")
    assert ("coal_boiler", "supports") in relations(rep)
    assert not any(f.relation == "conflict" for f in rep.findings)


def test_absent_rainwater_pond_is_a_conflict(kb):  # noqa: F811
    rep = check_proposal(kb, "某化工园区精细化工项目，未建设初期雨水收集池，雨水直接外排。")
    assert ("chem_rainwater", "conflict") in relations(rep) and rep.verdict == "conflict"


@pytest.mark.parametrize(
    ("text", "term", "negated"),
    [
        ("不设燃煤锅炉，采用电锅炉", "燃煤锅炉", True),
        ("不设燃煤锅炉，采用电锅炉", "电锅炉", False),
        ("不设燃煤锅炉、燃煤导热油炉", "燃煤导热油炉", True),
        ("未建设初期雨水收集池", "初期雨水收集池", True),
        ("无组织排放采用封闭措施", "封闭", False),
        ("新建燃煤锅炉两台", "燃煤锅炉", False),
    ],
)
def test_negation(text, term, negated):
    m = find_mentions(text, [term])
    assert m and m[0].negated is negated


def test_removal_negates_only_forbidden_items():
    assert find_mentions("以电锅炉替代燃煤锅炉", ["燃煤锅炉"], removal_negates=True)[0].negated
    assert not find_mentions("燃煤锅炉改为电锅炉", ["电锅炉"])[0].negated


def test_figure_below_target_needs_attention(kb):  # noqa: F811
    rep = check_proposal(kb, "运输车队更新车辆50辆，新能源车占比30%。")
    f = next(f for f in rep.findings if f.check_id == "target")
    assert f.relation == "attention" and "45%" in f.reason and f.hit.local_id == "c5"
    rep = check_proposal(kb, "运输车队更新车辆50辆，新能源车占比60%。")
    assert next(f for f in rep.findings if f.check_id == "target").relation == "supports"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("建设200MW风电光伏基地，配套储能。", "supports"),
        ("项目名称：社区图书馆运营项目。购置图书2万册。", "unrelated"),
        ("项目名称：商品房住宅开发项目。总建筑面积8万平方米。", "attention"),
    ],
)
def test_overall_verdict(kb, text, verdict):  # noqa: F811
    assert check_proposal(kb, text).verdict == verdict


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "为空"), ("   ", "为空"), ("This project builds a coal boiler in the park.", "不是中文")],
)
def test_bad_proposals(kb, text, message):  # noqa: F811
    with pytest.raises(sp.QueryError, match=message):
        check_proposal(kb, text)


def test_adding_a_check_needs_no_code(kb, tmp_path):  # noqa: F811
    custom = [
        {"id": "noise", "name": "噪声", "clause": "meili_shanxi_shishi_yijian:c8", "quote": "加强噪声污染防治。",
         "force": "obligatory", "applies": ["卡拉OK"], "requires": ["隔声"], "missing": "conflict",
         "reason_apply": "实施意见要求加强噪声污染防治。", "recommendation": "采取隔声降噪措施。"}
    ]
    path = tmp_path / "checks.yaml"
    path.write_text(yaml.safe_dump(custom, allow_unicode=True), encoding="utf-8")
    rep = check_proposal(kb, "开设卡拉OK歌厅一处。", checks_path=str(path))
    assert ("noise", "conflict") in relations(rep)
