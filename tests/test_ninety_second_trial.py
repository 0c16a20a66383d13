"""Findings of the ninety-second user trial (a township's environment officer answering village cadres and farmers),
each a general case."""

from __future__ import annotations


def test_a_regulation_named_before_how_it_fines(library_kb):
    # "…，农药管理条例罚多少？": the name is followed by what is asked of it; it had been answered by 土壤法 第八十八条
    ans = library_kb.ask("农药店卖国家禁用的农药，农药管理条例罚多少？")
    assert not ans.found and "《农药管理条例》" in ans.text


def test_the_fine_for_individuals_joins_the_fine(library_kb):
    # 土壤法 第八十八条 "…处一万元以上十万元以下的罚款；农业投入品使用者为个人的，可以处二百元以上二千元以下的罚款": a
    # farmer asking is told both, not only the first
    ans = library_kb.ask("农户用完的地膜、农药包装不回收，法律上罚多少？")
    assert "一万元以上十万元以下" in ans.text and "二百元以上二千元以下" in ans.text
    follow = library_kb.ask("不回收的话罚多少？", history=["农户用完的农药瓶该怎么处理？"])
    assert "二百元以上二千元以下" in follow.text


def test_manure_let_out_untreated(library_kb):
    # "猪粪尿没经过处理直接排到沟里": the law's "未经无害化处理直接向环境排放畜禽养殖废弃物" (第四十一条), not the
    # facilities a farm must build (第十三条)
    ans = library_kb.ask("养殖户把猪粪尿没经过处理直接排到沟里、河里，怎么罚？")
    assert ans.citations[0].clause_id == "畜禽规模养殖污染防治条例:a41"


def test_detention_asked_of_a_fine_that_names_none(library_kb):
    # "私设暗管…除了罚款还能拘留人吗": 水污法 第八十三条 fines and says nothing of detention; the cited 环境保护法 第六十三条
    # sets the days
    ans = library_kb.ask("小作坊私设暗管偷排污水，除了罚款还能拘留人吗？")
    assert ans.citations[0].clause_id == "环境保护法:a63"
    assert "十日以上十五日以下拘留" in ans.text
