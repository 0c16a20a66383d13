"""Findings of the eighty-second user trial (a county market regulation bureau asking about products, shops and who
does what), each a general case."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("question", "clause"), [
    # selling coal below its quality standard is 市场监督管理部门's to punish (大气法 第一百零三条（一）)
    ("卖不合格的散煤怎么罚？", "大气污染防治法:a103"),
    ("加油站卖的柴油不达标，罚多少？", "大气污染防治法:a103"),
    # an energy-efficiency label, its absence and its forgery (节约能源法 第七十三条)
    ("有家电卖场的空调没贴能效标识就在卖，罚多少？", "节约能源法:a73"),
    ("冰箱能效标识造假，把三级标成一级，怎么罚？", "节约能源法:a73"),
    # a three-way catalyst is a pollution control device (大气法 第一百一十二条)
    ("修车铺帮人临时换个三元催化器应付年检，罚多少？", "大气污染防治法:a112"),
])
def test_answered_by_the_article(library_kb, question, clause):
    assert library_kb.ask(question).citations[0].clause_id == clause


@pytest.mark.parametrize(("question", "law"), [
    ("在二手车市场卖二手车，要办哪些手续？", "二手车流通管理办法"),
    ("开烟花爆竹零售店要办什么许可？", "烟花爆竹安全管理条例"),
])
def test_matters_of_laws_not_held(library_kb, question, law):
    ans = library_kb.ask(question)
    assert not ans.found and law in ans.message


def test_a_unit_burning_substandard_coal_after_a_seller(library_kb):
    # "那要是单位自己烧不合格的煤呢？" after "卖不合格的散煤怎么罚？": the unit's burning (第一百零五条)
    ans = library_kb.ask("那要是单位自己烧不合格的煤呢？", history=["卖不合格的散煤怎么罚？"])
    assert ans.citations[0].clause_id == "大气污染防治法:a105"
