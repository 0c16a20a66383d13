"""Clause structure of the corpus documents and of the numbering levels used by Chinese documents."""

from __future__ import annotations

import re

import shanxi_policy as sp
from shanxi_policy.text.repair import repair
from shanxi_policy.text.structure import parse_document

CN = "一二三四五六七八九十"


def test_policy_has_preamble_eight_parts_and_27_clauses(policy_doc):
    kinds = [c.kind for c in policy_doc.clauses]
    assert kinds[0] == "preamble"
    assert policy_doc.clauses[0].text.startswith("为贯彻落实中共中央、国务院")
    parts = [s for s in policy_doc.sections if s.level == "part"]
    assert [s.title[:2] for s in parts] == [f"{n}、" for n in "一二三四五六七八"]
    clauses = [c for c in policy_doc.clauses if c.kind == "clause"]
    assert [c.number for c in clauses] == list(range(1, 28))
    assert [c.kind for c in policy_doc.clauses if c.path[0] == "一、总体要求"] == ["paragraph", "paragraph"]


def test_clause_titles_ids_and_paths(policy_doc):
    c8 = policy_doc.clause("c8")
    assert c8 is not None
    assert c8.title == "（八）持续改善空气质量"
    assert c8.clause_id == "meili_shanxi_shishi_yijian:c8"
    assert c8.path == ("三、坚持全质加快改善，推动生态环境根本好转", "（八）持续改善空气质量")
    c27 = policy_doc.clause("c27")
    assert c27 is not None and c27.title == "（二十七）开展评估考核"


def test_every_clause_has_its_own_title_and_offsets(policy_doc):
    for c in policy_doc.clauses:
        assert policy_doc.text[c.start : c.end] == c.text
        if c.kind == "clause":
            assert re.match(r"^（[一二三四五六七八九十]+）\S", c.title) and c.text.startswith(c.title)


def test_title_is_not_a_clause(policy_doc):
    assert policy_doc.title.startswith("中共山西省委 山西省人民政府")
    assert all(not c.text.startswith("中共山西省委 山西省人民政府关于") for c in policy_doc.clauses)


def test_ids_are_stable_across_loads(policy_doc):
    again = sp.ingest_file(policy_doc_path())
    assert [c.clause_id for c in again.clauses] == [c.clause_id for c in policy_doc.clauses]


def policy_doc_path():
    from .conftest import POLICY

    return POLICY


def test_news_passages_are_grouped_under_headlines(news_doc):
    by_head = {c.path[0]: c.text for c in news_doc.clauses}
    assert "吃得放心、住得安心" in next(h for h in by_head if "在农用地土壤" in by_head[h])
    heads_of = {h: t for h, t in by_head.items()}
    assert any("六大举措守护蓝天白云" == h and "打好大气污染防治标志性战役" in t for h, t in heads_of.items())
    assert any("推进一泓清水畅流黄河" == h and "强化刚性约束，保障生态流量" in t for h, t in heads_of.items())
    assert any("6大重点任务" in h and "守牢美丽山西建设安全底线" in t for h, t in heads_of.items())


def test_news_passages_never_split_a_sentence(news_doc):
    for c in news_doc.clauses:
        assert re.search(r"[。！？）”]$", c.text), c.text[-20:]
        assert not re.match(r"^[，。、；]", c.text)


def test_news_passages_have_no_doubled_characters(news_doc):
    for c in news_doc.clauses:
        assert "印发印发" not in c.text and "、、" not in c.text
    assert all("、、" not in s.title and "印发印发" not in s.title for s in news_doc.sections)


LAW = """# 某某市大气污染防治条例

## 第一章 总则

第一条 为了防治大气污染，制定本条例。

第二条 本条例适用于本市行政区域。

有关单位应当遵守下列规定：

（一）不得露天焚烧秸秆；

（二）不得使用高污染燃料。

## 第二章 监督管理

### 第一节 一般规定

第三条 市生态环境主管部门负责监督管理。

第三条之一 重点排污单位应当安装自动监测设备。
"""


def test_law_chapters_sections_articles():
    parsed = parse_document("law", repair(LAW).paragraphs)
    arts = [c for c in parsed.clauses if c.kind == "article"]
    assert [c.local_id for c in arts] == ["a1", "a2", "a3", "a3-1"]
    assert parsed.title == "某某市大气污染防治条例"
    a2 = arts[1]
    assert "（二）不得使用高污染燃料。" in a2.text  # items stay inside their article
    assert a2.path == ("第一章 总则", "第二条")
    assert arts[2].path == ("第二章 监督管理", "第一节 一般规定", "第三条")
    assert [s.section_id for s in parsed.sections] == ["ch1", "ch2", "ch2.s1"]


NUMBERED = """关于做好环境保护工作的通知

各市人民政府：

一、总体要求

（一）加强领导。各地要高度重视。

1. 建立台账。逐项落实。

（1）按月报送。

2. 强化督查。

二、保障措施

1. 加强资金保障。
"""


def test_policy_items_and_subitems():
    parsed = parse_document("n", repair(NUMBERED).paragraphs)
    assert parsed.title == "关于做好环境保护工作的通知"
    ids = [c.local_id for c in parsed.clauses]
    assert ids == ["preamble", "c1", "p2.i1"]
    c1 = parsed.clauses[1]
    assert "（1）按月报送。" in c1.text and "2.强化督查。" in c1.text  # items inside a clause stay in it
    assert parsed.clauses[2].title == "1.加强资金保障"
