"""Matters a proposal names whose governing laws the library lacks are reported as not reviewed."""

from __future__ import annotations

import docx
import pytest

from shanxi_policy.check.docx_report import write_docx
from shanxi_policy.check.judges import stated
from shanxi_policy.check.report import overall_verdict, report_from_dict, to_markdown
from shanxi_policy.check.service import check_proposal
from shanxi_policy.retrieve.coverage import coverage_gaps

from .test_retrieval import kb  # noqa: F401

LIBRARY = ["中华人民共和国水污染防治法", "中华人民共和国大气污染防治法"]


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("光伏阵列占用永久基本农田约300亩。", ["占用耕地或永久基本农田"]),
        ("道路穿越公益林，需砍伐树木约2000株。", ["占用林地或采伐林木"]),
        ("项目距明长城遗址约200米，施工便道从古建筑旁经过。", ["文物保护"]),
        ("厂区选址不占用耕地、林地，全部为工业用地。", []),  # denied: nothing to review
        ("锅炉烟气经脱硫除尘后排放。", []),
    ],
)
def test_gaps_follow_the_proposal_words(text, topics):
    assert [g.topic for g in coverage_gaps(text, LIBRARY, stated)] == topics


def test_a_library_law_covers_its_matter():
    text = "光伏阵列占用永久基本农田约300亩。"
    assert coverage_gaps(text, [*LIBRARY, "中华人民共和国土地管理法"]) == []
    gap = coverage_gaps(text, LIBRARY)[0]
    assert gap.words == ("永久基本农田",)  # the longer word covers 基本农田 inside it
    assert "《土地管理法》" in gap.message() and "未能覆盖" in gap.message()


@pytest.mark.parametrize(("relations", "gaps", "verdict"), [
    ((), [], "unrelated"),
    ((), ["x"], "attention"),
    (("supports",), ["x"], "attention"),
    (("conflict", "supports"), ["x"], "conflict"),
])
def test_an_unreviewed_matter_keeps_the_verdict_open(relations, gaps, verdict):
    class F:
        def __init__(self, relation: str) -> None:
            self.relation = relation

    assert overall_verdict([F(r) for r in relations], gaps) == verdict  # type: ignore[arg-type]


def test_check_reports_the_gap_in_every_form(kb, tmp_path):  # noqa: F811
    rep = check_proposal(kb, "项目名称：某县光伏电站。建设地点：某乡，占用永久基本农田约300亩。建设内容：安装光伏组件。")
    assert rep.verdict != "supports" and any("永久基本农田" in g for g in rep.gaps)
    assert "## 未能审查的事项" in to_markdown(rep)
    assert report_from_dict(rep.to_dict()).gaps == rep.gaps
    d = docx.Document(str(write_docx(rep, tmp_path / "r.docx")))
    assert any(p.text.startswith("未能审查：") for p in d.paragraphs)
