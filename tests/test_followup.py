"""Follow-up questions resolved from the conversation (issue 10)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from shanxi_policy.answer.followup import is_elliptical, resolve
from shanxi_policy.cli import main


@pytest.mark.parametrize(
    ("history", "question", "resolved"),
    [
        (["到2027年各设区市细颗粒物平均浓度要达到什么水平？"], "那2035年呢？",
         "到2035年各设区市细颗粒物平均浓度要达到什么水平？"),
        (["2035年森林覆盖率目标是多少？"], "水土保持率呢？", "2035年水土保持率目标是多少？"),
        (["对燃煤锅炉有什么要求？"], "黑臭水体呢？", "对黑臭水体有什么要求？"),
        (["森林覆盖率目标是多少？"], "2035年呢？", "2035年森林覆盖率目标是多少？"),
        # A chain: the second follow-up builds on the resolved first one.
        (["到2027年美丽河湖建成率要达到多少？", "那2035年呢？"], "受污染耕地安全利用率呢？",
         "到2035年受污染耕地安全利用率要达到多少？"),
    ],
)
def test_resolve(history, question, resolved):
    assert resolve(question, history) == resolved


def test_self_contained_questions_are_left_alone():
    q = "到2030年非化石能源比重要达到多少？"
    assert not is_elliptical(q)
    assert resolve(q, ["对燃煤锅炉有什么要求？"]) == q
    assert resolve("那2035年呢？", []) == "那2035年呢？"


def test_ask_with_history_answers_the_resolved_question(seed_kb):
    ans = seed_kb.ask("那2035年呢？", history=["到2027年各设区市细颗粒物平均浓度要达到什么水平？"])
    assert ans.resolved_question.startswith("到2035年")
    assert ans.found and "六项大气污染物指标" in ans.text and "2027" not in ans.text
    assert ans.citations[0].local_id == "c8"
    assert ans.to_dict()["resolved_question"] == ans.resolved_question


def test_chat_cli_carries_the_conversation(seed_kb):
    lines = "2035年森林覆盖率目标是多少？\n水土保持率呢？\n\n不会被读到\n"
    res = CliRunner().invoke(main, ["chat", "--index", str(seed_kb.index_dir)], input=lines)
    assert res.exit_code == 0, res.output
    assert "27.22%" in res.output and "72.43%" in res.output
    assert "理解为：2035年水土保持率目标是多少？" in res.output
    assert "不会被读到" not in res.output
