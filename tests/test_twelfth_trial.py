"""Findings of the twelfth user trial (an office loading its own local regulations), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.check.judges import RuleJudge
from shanxi_policy.check.proposal import analyze

from .check_helpers import library_norms, make_norm, verdicts

LAWS = ("大气污染防治法",)


@pytest.mark.parametrize(("text", "verdict"), [
    ("排污单位原始监测记录保存期限为六年。", "supports"),  # figures in words: 六年 keeps "不得少于五年"
    ("原始监测记录统一保存两年，到期后清理。", "conflict"),  # 两年 breaks it
    ("原始监测记录保存期限为5年。", "supports"),
])
def test_a_bound_written_in_words_is_compared_with_the_figure(text, verdict):
    bound = make_norm("prohibition", "原始监测记录保存期限少于五年", trigger="不得")
    judge = RuleJudge()
    judge.prepare([*library_norms(LAWS), bound])
    assert judge.judge(analyze(text).facts[0], bound).verdict == verdict


def test_a_duty_of_two_parts_is_broken_by_refusing_one():
    duty = make_norm("obligation", "土方开挖时采取分区、分段作业，对已完成的作业面进行覆盖",
                     subject="房屋建筑工程施工单位")
    assert "conflict" in verdicts("房屋建筑工程施工，基坑开挖后的裸露土方暂不覆盖。", duty, LAWS)
    assert "conflict" not in verdicts("房屋建筑工程施工，基坑开挖后的裸露土方全部覆盖防尘网。", duty, LAWS)
