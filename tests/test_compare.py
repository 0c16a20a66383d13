"""修订对照: article alignment by content, change classes, character diffs, Word export, CLI."""

from __future__ import annotations

import itertools
import json

import pytest

from shanxi_policy.compare import compare_documents
from shanxi_policy.compare.align import char_diff
from shanxi_policy.compare.report import inline
from shanxi_policy.corpus import ingest_file

from .conftest import shared_or_skip

OLD_LAW = """# 中华人民共和国示范噪声防治法

## 第一章 总则

第一条 为了保护和改善生活环境，防治噪声污染，保障公众健康，制定本法。

第二条 本法所称噪声，是指在工业生产、建筑施工、交通运输和社会生活中产生的干扰周围生活环境的声音。

第三条 任何单位和个人都有保护声环境的义务，并有权对造成噪声污染的单位和个人进行检举和控告。

## 第二章 防治措施

第四条 禁止在夜间进行产生噪声污染的建筑施工作业，但抢修、抢险作业和因生产工艺上要求必须连续作业的除外。

第五条 机动车的消声器和喇叭必须符合国家规定的要求，机动车辆必须加强维修和保养。

第六条 铁路部门应当按照规划的要求采取有效措施，减轻铁路机车运行对居民区的噪声影响。

第七条 民用航空器不得飞越城市市区上空，起飞、降落或者依法规定的情形除外。

## 第三章 附则

第八条 本法自2000年1月1日起施行。
"""

NEW_LAW = """# 中华人民共和国示范噪声防治法

## 第一章 总则

第一条 为了保护和改善生活环境，防治噪声污染，保障公众健康，制定本法。

第二条 国家鼓励、支持噪声污染防治科学技术研究开发、成果转化和推广应用，加强专业技术人才培养。

第三条 本法所称噪声，是指在工业生产、建筑施工、交通运输和社会生活中产生的干扰周围生活环境的声音。

第四条 任何单位和个人都有保护声环境的义务，同时依法享有获取声环境信息、参与和监督噪声污染防治的权利。

## 第二章 防治措施

第五条 机动车的消声器和喇叭应当符合国家规定，机动车辆应当加强维修和保养。

第六条 民用航空器不得飞越城市市区上空，起飞、降落或者依法规定的情形除外。

第七条 铁路部门应当按照规划的要求采取有效措施，减轻铁路机车运行对居民区的噪声影响。

## 第三章 附则

第八条 本法自2022年6月5日起施行。
"""


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    d = tmp_path_factory.mktemp("versions")
    (d / "old.md").write_text(OLD_LAW, encoding="utf-8")
    (d / "new.md").write_text(NEW_LAW, encoding="utf-8")
    return d / "old.md", d / "new.md"


@pytest.fixture(scope="module")
def cmp(versions):
    return compare_documents(ingest_file(versions[0]), ingest_file(versions[1]))


def _row(cmp, old_label, new_label):
    for ch in cmp.changes:
        if (ch.old.label if ch.old else None) == old_label and (ch.new.label if ch.new else None) == new_label:
            return ch
    raise AssertionError(f"no row {old_label} -> {new_label}: {[c.label for c in cmp.changes]}")


@pytest.mark.parametrize(
    ("old", "new", "kind", "renumbered"),
    [
        ("第一条", "第一条", "unchanged", False),
        (None, "第二条", "added", False),
        ("第二条", "第三条", "unchanged", True),  # same text, renumbered by the insertion
        ("第三条", "第四条", "changed", True),
        ("第四条", None, "deleted", False),
        ("第五条", "第五条", "changed", False),
        ("第六条", "第七条", "unchanged", True),
        ("第七条", "第六条", "unchanged", True),
        ("第八条", "第八条", "changed", False),
    ],
)
def test_articles_are_aligned_by_content(cmp, old, new, kind, renumbered):
    ch = _row(cmp, old, new)
    assert (ch.kind, ch.renumbered) == (kind, renumbered)


def test_swapped_articles_one_reported_moved(cmp):
    moved = [c.old.label for c in cmp.changes if c.moved]
    assert moved in (["第六条"], ["第七条"])


def test_every_article_appears_once_in_new_order(cmp):
    news = [c.new.label for c in cmp.changes if c.new]
    olds = sorted(c.old.index for c in cmp.changes if c.old)
    assert news == [f"第{n}条" for n in "一二三四五六七八"]
    assert olds == list(range(8))
    deleted = next(i for i, c in enumerate(cmp.changes) if c.kind == "deleted")
    assert cmp.changes[deleted - 1].new.label == "第四条"  # shown where it stood, after old 第三条's successor
    assert cmp.counts() == {"added": 1, "deleted": 1, "changed": 3, "unchanged": 4, "renumbered": 4, "moved": 1}


def test_changes_are_marked_at_character_level(cmp):
    ch = _row(cmp, "第五条", "第五条")
    edits = [(a, b) for op, a, b in ch.diff if op != "equal"]
    assert ("必须", "应当") in edits and ("的要求", "") in edits
    assert inline(ch).startswith("机动车的消声器和喇叭[-必须-]{+应当+}符合国家规定[-的要求-]")
    assert _row(cmp, "第八条", "第八条").label == "修改"
    assert inline(_row(cmp, "第八条", "第八条")) == "本法自[-2000年1月1-]{+2022年6月5+}日起施行。"
    assert _row(cmp, "第三条", "第四条").label == "修改（第三条→第四条）"
    assert _row(cmp, "第二条", "第三条").label == "条号变化（第二条→第三条）"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("国家建立并实施重点海域排污总量控制制度", "国家建立健全重点海域污染物排放总量控制制度"),
        ("本法自2000年4月1日起施行。", "本法自2024年1月1日起施行。"),
        ("", "新增的条文"),
        ("删除的条文", ""),
        ("完全相同", "完全相同"),
        ("甲乙丙丁戊己庚辛", "甲X丙Y戊Z庚辛"),
    ],
)
def test_diff_reconstructs_both_texts(a, b):
    d = char_diff(a, b)
    assert "".join(x for _, x, _ in d) == a
    assert "".join(y for _, _, y in d) == b
    ops = [op for op, _, _ in d]
    assert all(x != "equal" or y != "equal" for x, y in itertools.pairwise(ops))  # equal runs merged
    assert all(op in ("equal", "delete", "insert", "replace") for op in ops)


def test_short_equal_runs_are_folded_into_one_edit():
    # "乙" between two edits is one character: the edit reads as one phrase, not three fragments
    d = char_diff("甲X乙Y丙", "甲A乙B丙")
    assert d == [("equal", "甲", "甲"), ("replace", "X乙Y", "A乙B"), ("equal", "丙", "丙")]


def test_split_article_is_hinted():
    from shanxi_policy.compare.align import ArticleRef, compare_articles

    old = [ArticleRef("a1", "第一条", (), "排放工业噪声的单位应当采取有效措施减少振动降低噪声，并依法取得排污许可证。")]
    new = [ArticleRef("a1", "第一条", (), "排放工业噪声的单位应当采取有效措施减少振动降低噪声。"),
           ArticleRef("a2", "第二条", (), "排放工业噪声的单位应当依法取得排污许可证。")]
    cmp = compare_articles(old, new)
    added = [c for c in cmp.changes if c.kind == "added"]
    assert len(added) == 1 and added[0].hint == "部分内容来自原第一条"


def test_unrelated_texts_are_not_aligned():
    from shanxi_policy.compare.align import ArticleRef, compare_articles

    old = [ArticleRef("a1", "第一条", (), "民用航空器不得飞越城市市区上空。")]
    new = [ArticleRef("a1", "第一条", (), "县级以上人民政府应当将噪声污染防治工作经费纳入本级政府预算。")]
    assert sorted(c.kind for c in compare_articles(old, new).changes) == ["added", "deleted"]


def test_word_export(cmp, tmp_path):
    import docx

    from shanxi_policy.compare.docx_export import write_docx

    p = write_docx(cmp, tmp_path / "对照.docx")
    d = docx.Document(str(p))
    table = d.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["序号", "变化", "原条文", "新条文"]
    assert len(table.rows) == 1 + len(cmp.differences())
    struck = [r.text for row in table.rows for r in row.cells[2].paragraphs[0].runs if r.font.strike]
    assert "必须" in struck
    assert any("新增 1 条" in par.text for par in d.paragraphs)


def test_cli_compare_files(versions, tmp_path):
    from click.testing import CliRunner

    from shanxi_policy.cli import main

    out = tmp_path / "cmp.docx"
    r = CliRunner().invoke(main, ["compare", str(versions[0]), str(versions[1]), "--json", "--docx", str(out)])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["counts"]["added"] == 1 and out.exists()
    r = CliRunner().invoke(main, ["compare", str(versions[0]), str(versions[1])])
    assert "[-必须-]{+应当+}" in r.output and "删除  第四条" in r.output


def test_document_lookup_messages():
    from shanxi_policy.compare.sources import find_document
    from shanxi_policy.errors import PolicyError
    from shanxi_policy.models import Document

    docs = [Document("a", "甲法（2017）", "", []), Document("b", "甲法（2023）", "", [])]
    assert find_document("b", docs).title == "甲法（2023）"
    assert find_document("2017", docs).doc_id == "a"
    with pytest.raises(PolicyError, match="对应多个文档"):
        find_document("甲法", docs)
    with pytest.raises(PolicyError, match="索引中没有文档"):
        find_document("乙法", docs)


def test_browser_view_escapes_document_text():
    from shanxi_policy.app.compare_view import comparison_html
    from shanxi_policy.compare.align import ArticleRef, compare_articles

    old = [ArticleRef("a1", "第一条", (), "本条<script>alert(1)</script>原文")]
    new = [ArticleRef("a1", "第一条", (), "本条<script>alert(2)</script>原文[链接](http://x)")]
    html = comparison_html(compare_articles(old, new), {"changed"})
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<del>" in html and "<ins>" in html


@pytest.mark.shared
def test_real_marine_law_revision():
    base = shared_or_skip("datasets", "lawrefbook_env")
    old = ingest_file(base / "行政法__海洋环境保护法(2017-11-04).md")
    new = ingest_file(base / "行政法__海洋环境保护法(2023-10-24).md")
    cmp = compare_documents(old, new)
    c = cmp.counts()
    pairs = {(ch.old.label, ch.new.label): ch for ch in cmp.changes if ch.old and ch.new}
    assert c["changed"] + c["unchanged"] + c["deleted"] == len(old.clauses)
    assert c["changed"] + c["unchanged"] + c["added"] == len(new.clauses)
    # spot checks, read by hand: renumbered provisions found by content
    assert pairs[("第六十五条", "第八十一条")].kind == "unchanged"
    assert pairs[("第二十六条", "第三十八条")].kind == "changed"
    assert pairs[("第九十七条", "第一百二十四条")].kind == "changed"  # 施行日期
    assert c["added"] >= 20 and c["renumbered"] >= 50


def _compare_tab():
    from shanxi_policy.app.compare_view import section
    from shanxi_policy.app.state import get_kb

    kb = get_kb()
    assert kb is not None
    section(kb)


def test_browser_section_compares_on_request(monkeypatch):
    from streamlit.testing.v1 import AppTest

    from .conftest import ROOT

    monkeypatch.setenv("SHANXI_POLICY_INDEX_DIR", str(ROOT / "index"))  # committed index, read only
    at = AppTest.from_function(_compare_tab, default_timeout=120)
    at.run()
    assert not at.exception
    assert not any("对照结果" in m.value for m in at.markdown)  # nothing computed before the click
    at.button(key="cmp_run").click().run()
    assert not at.exception
    assert any("对照结果" in m.value for m in at.markdown)
