"""Numbering patterns shared by parsing and answers."""

from __future__ import annotations

import pytest

from shanxi_policy.text.markers import without_article_no


@pytest.mark.parametrize("text, expected", [
    ("第十七条 建设项目的环境影响报告书应当包括下列内容：", "建设项目的环境影响报告书应当包括下列内容："),
    ("第一百零三条　本法自2015年1月1日起施行。", "本法自2015年1月1日起施行。"),
    ("第12条之一 禁止焚烧秸秆。", "禁止焚烧秸秆。"),
    ("建设单位应当依法编制环境影响报告书。", "建设单位应当依法编制环境影响报告书。"),
    ("依照第十七条的规定执行。", "依照第十七条的规定执行。"),  # a reference inside the text is kept
])
def test_without_article_no(text: str, expected: str):
    assert without_article_no(text) == expected
