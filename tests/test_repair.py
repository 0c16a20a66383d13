"""Repair of text extracted from page layouts, tested on the real seed text in corpus/."""

from __future__ import annotations

import pytest

from shanxi_policy.text.normalize import normalize_for_search
from shanxi_policy.text.repair import collapse_doubled, fix_spaces, repair

from .conftest import NEWS, POLICY


@pytest.fixture(scope="module")
def policy_text() -> str:
    return repair(POLICY.read_text(encoding="utf-8")).text


@pytest.fixture(scope="module")
def news_text() -> str:
    return repair(NEWS.read_text(encoding="utf-8")).text


def test_raw_seed_really_has_the_damage():
    raw = POLICY.read_text(encoding="utf-8")
    assert "覆\n\n盖范围" in raw and "碳排放达峰\n\n后稳中有降" in raw
    assert "印发印发" in NEWS.read_text(encoding="utf-8")


@pytest.mark.parametrize("joined", ["逐步扩大交易行业覆盖范围", "碳排放达峰后稳中有降", "加快实施重要生态系统保护"])
def test_page_break_sentences_rejoined(policy_text, joined):
    assert joined in policy_text


def test_real_paragraph_breaks_stay(policy_text):
    assert "制定如下实施意见。\n一、总体要求\n" in policy_text
    assert "奠定基础。\n（三）推动产业结构绿色低碳转型" in policy_text
    # 39 paragraphs: title, preamble, 8 part headings, 2 general-requirement paragraphs, 27 clauses
    assert len(policy_text.split("\n")) == 39


@pytest.mark.parametrize(
    ("doubled", "fixed"),
    [
        ("《《关于全面推进美丽山西建设的实施意见关于全面推进美丽山西建设的实施意见》》印发印发",
         "《关于全面推进美丽山西建设的实施意见》印发"),
        ("山清水秀山清水秀、、天蓝地净的天蓝地净的", "山清水秀、天蓝地净的"),
        ("美丽山西款款而来美丽山西款款而来", "美丽山西款款而来"),
    ],
)
def test_doubled_headlines_collapse(doubled, fixed):
    assert collapse_doubled(doubled) == fixed


@pytest.mark.parametrize("legit", ["绿水青山就是金山银山", "人人有责", "一体化推进", "全面动员、人人有责", "款款而来"])
def test_legitimate_repeats_stay(legit):
    assert collapse_doubled(legit) == legit


def test_news_page_has_no_doubled_headlines(news_text):
    assert "《关于全面推进美丽山西建设的实施意见》印发" in news_text
    assert "山清水秀、天蓝地净的美丽山西款款而来" in news_text
    for doubled in ("印发印发", "、、", "》》", "《《", "款款而来美丽山西"):
        assert doubled not in news_text


def test_legitimate_repeats_survive_in_corpus(policy_text):
    for legit in ("绿水青山就是金山银山", "人人有责", "一体化”推进"):
        assert legit in policy_text


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [("达到 18%", "达到18%"), ("2027 年", "2027年"), ("到 2030 年，非化石", "到2030年，非化石"),
     ("不低于 3.41 万平方公里", "不低于3.41万平方公里"), ("I -IV 类水", "I-IV类水"), ("PM2.5 浓度", "PM2.5浓度")],
)
def test_stray_spaces_removed(raw, fixed):
    assert fix_spaces(raw) == fixed


def test_spaces_fixed_in_corpus(policy_text):
    assert "达到18%" in policy_text and "到2027年" in policy_text
    assert "2027 年" not in policy_text and "18 %" not in policy_text


def test_official_title_space_between_issuers_kept(policy_text):
    assert policy_text.startswith("中共山西省委 山西省人民政府关于全面推进美丽山西建设的实施意见")


def test_search_normalization_keeps_display_faithful(policy_doc):
    clause = next(c for c in policy_doc.clauses if "中小學生" in c.text)
    assert "中小学生" in normalize_for_search(clause.text)
    assert normalize_for_search("ＰＭ２．５ 濃度") == "pm2.5 浓度"


def test_stray_latin_word_normalized_and_flagged(policy_doc):
    assert "气候适应型城市和海绵城市建设" in policy_doc.text
    assert " and " not in policy_doc.text
    assert any("and" in w for w in policy_doc.warnings)


def test_unknown_latin_word_is_flagged_not_changed():
    r = repair("加强生态环境 monitoring 体系建设。")
    assert "monitoring" in r.text
    assert any("monitoring" in w for w in r.warnings)
