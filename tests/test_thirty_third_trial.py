"""Findings of the thirty-third user trial (a city approval bureau's EIA desk: a waste lead-battery collection point
already running while its licence is under review, anodising waste water soaked away in an earth pit, a gravel works
fed by a quarry near a nature reserve, an elderly-care centre …), each a general case."""

from __future__ import annotations

import docx
import pytest

from shanxi_policy.check.docx_report import write_docx
from shanxi_policy.check.service import check_proposal

from .check_helpers import relations, trial_text


def test_a_licence_under_review_is_not_held_while_the_works_already_run(library_kb):
    rep = check_proposal(library_kb, trial_text("33_P03"))
    assert rep.verdict == "conflict"
    assert "conflict" in relations(rep, "固体废物污染环境防治法", "第八十条")
    assert "conflict" in relations(rep, "危险废物经营许可证管理办法", "第十五条")


def test_a_licence_under_review_before_the_works_run_is_to_be_shown_not_a_breach(library_kb):
    rep = check_proposal(library_kb, "项目名称：某废铅蓄电池收集贮存项目。建设内容：年收集、贮存废铅蓄电池5000吨。"
                                     "手续情况：危险废物经营许可证申请材料已报送省生态环境厅，目前处于审查阶段。")
    assert relations(rep, "固体废物污染环境防治法", "第八十条") == {"attention"}


def test_waste_water_soaked_away_through_the_ground_is_a_seepage_pit(library_kb):
    rep = check_proposal(library_kb, trial_text("33_P04"))
    assert "conflict" in relations(rep, "水污染防治法", "第三十九条")


def test_a_quarry_that_supplies_the_raw_material_is_not_the_project_quarrying(library_kb):
    rep = check_proposal(library_kb, trial_text("33_P07"))
    assert "conflict" not in relations(rep, "自然保护区条例", "第二十六条")
    assert "conflict" in relations(rep, "自然保护区条例", "第二十八条")
    bad = check_proposal(library_kb, "项目名称：某采石项目。建设地点：某自然保护区实验区内。"
                                     "建设内容：开山采石，年开采石料10万吨。")
    assert "conflict" in relations(bad, "自然保护区条例", "第二十六条")


def test_an_elderly_care_centre_meets_no_rule_of_the_library(library_kb):
    rep = check_proposal(library_kb, trial_text("33_P12"))
    assert rep.verdict == "unrelated"
    assert not [f for f in rep.findings if f.relation == "supports"]


@pytest.mark.parametrize("law, article, text", [
    # 国家鼓励燃煤单位采用先进的除尘、脱硫、脱硝…: asked of coal burners, and the kiln burns gas
    ("大气污染防治法", "第四十一条", "项目名称：某石灰窑项目。燃料为焦炉煤气，窑顶废气经布袋除尘、脱硫脱硝后排放。"),
    # 公民应当…对生活废弃物进行分类放置: a citizen's duty
    ("环境保护法", "第三十八条", "项目名称：某饲料厂项目。生活垃圾分类收集，交环卫部门清运。"),
])
def test_a_rule_asked_of_another_party_is_not_met_by_the_project(library_kb, law, article, text):
    rep = check_proposal(library_kb, text)
    assert "supports" not in relations(rep, law, article)


def test_the_word_report_suggests_a_disposal_and_quotes_the_project_not_the_law(library_kb, tmp_path):
    rep = check_proposal(library_kb, trial_text("33_P07"))
    path = write_docx(rep, tmp_path / "r.docx")
    d = docx.Document(str(path))
    texts = [p.text for p in d.paragraphs]
    assert any(t.startswith("审查建议：") and "退回" in t for t in texts)
    assert d.styles["Heading 1"].font.color.rgb == docx.shared.RGBColor(0, 0, 0)
    advice = [f.recommendation for f in rep.findings if f.relation == "conflict"]
    assert advice and all("“建设任何生产设施”" not in a for a in advice)
    assert any("项目材料中的相关内容" in a for a in advice)
