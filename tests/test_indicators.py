"""Quantitative targets: every target of the 实施意见, listed by hand in tests/data, must be found."""

from __future__ import annotations

import json

import pytest

from shanxi_policy.text.indicators import extract_indicators

from .conftest import DATA

EXPECTED = json.loads((DATA / "policy_targets.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("target", EXPECTED, ids=[t["name"] for t in EXPECTED])
def test_every_hand_listed_target_is_extracted(policy_doc, target):
    found = [
        (i.year, i.name, i.value, i.unit, i.qualifier, i.clause_id.split(":")[1])
        for i in policy_doc.indicators()
    ]
    want = (target["year"], target["name"], float(target["value"]), target["unit"], target["qualifier"],
            target["clause"])
    assert want in found


def test_no_spurious_targets_in_policy(policy_doc):
    # Every extracted target is one of the hand-listed ones (dates like "每年1月上旬" are not targets).
    assert len(policy_doc.indicators()) == len(EXPECTED)


def test_corpus_indicators_carry_the_sentence(corpus):
    inds = corpus.indicators()
    assert inds and all(i.sentence and str(i.value).rstrip("0").rstrip(".") in i.sentence for i in inds)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2025年，单位产值能耗下降到0.8吨标准煤。", (2025, "单位产值能耗", 0.8, "吨标准煤", "下降到")),
        ("确保全省耕地保有量不少于5800万亩。", (None, "耕地保有量", 5800.0, "万亩", "不少于")),
        ("城市空气优良天数比例力争达到85%。", (None, "城市空气优良天数比例", 85.0, "%", "力争")),
        ("到2030年，PM2.5浓度控制在35微克/立方米以下。", (2030, "PM2.5浓度", 35.0, "微克/立方米", "以下")),
    ],
)
def test_extraction_rules(text, expected):
    got = [(i.year, i.name, i.value, i.unit, i.qualifier) for i in extract_indicators(text, "d:c1")]
    assert expected in got


def test_reported_statistics_are_not_targets():
    text = "2023年，全省重点建设用地安全利用率达到100%，PM2.5平均浓度下降至37微克/立方米。"
    assert extract_indicators(text, "d:s1") == []
