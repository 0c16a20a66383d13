"""第X条 parsing on the 191 laws of ../shared/datasets/lawrefbook_env (skipped when absent)."""

from __future__ import annotations

import re

import pytest

import shanxi_policy as sp

from .conftest import shared_or_skip

ARTICLE_LINE = re.compile(r"^第[零〇一二三四五六七八九十百千两\d]+条(?:之[一二三四五六七八九十]+)?[\s\u3000]")


@pytest.mark.shared
def test_article_count_matches_every_law_file():
    folder = shared_or_skip("datasets", "lawrefbook_env")
    files = sorted(folder.glob("*.md"))
    assert len(files) >= 190
    mismatches = []
    for f in files:
        expected = sum(1 for line in f.read_text(encoding="utf-8").splitlines() if ARTICLE_LINE.match(line.strip()))
        doc = sp.ingest_file(f)
        got = sum(1 for c in doc.clauses if c.kind == "article")
        if got != expected:
            mismatches.append((f.name, expected, got))
    assert mismatches == []


@pytest.mark.shared
def test_water_law_structure():
    f = shared_or_skip("datasets", "lawrefbook_env", "行政法__水污染防治法(2017-06-27).md")
    doc = sp.ingest_file(f)
    assert doc.title == "中华人民共和国水污染防治法"
    a10 = doc.clause("a10")
    assert a10 is not None and a10.path[0] == "第一章 总则" and "排放水污染物，不得超过" in a10.text
    chapters = [s.title for s in doc.sections if s.level == "chapter"]
    assert chapters[:2] == ["第一章 总则", "第二章 水污染防治的标准和规划"]


@pytest.mark.shared
def test_govdoc_sample_header_and_clauses():
    f = shared_or_skip("datasets", "govdoc_cn_sample", "397.txt")
    doc = sp.ingest_file(f)
    assert doc.title == "关于加强个人所得税纳税信用建设的通知"
    assert "发改办财金规〔2019〕860号" in doc.meta["header_lines"]
    c1 = doc.clause("p2.c1")
    assert c1 is not None and c1.title == "（一）全面实施个人所得税申报信用承诺制"
    assert "守信承诺" in c1.text  # the body paragraphs after the heading line belong to the clause
