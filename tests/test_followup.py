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


def test_document_reference_by_name_or_abbreviation(seed_kb):
    from shanxi_policy.answer.followup import document_reference, find_document_reference

    docs = seed_kb.documents
    assert document_reference("美丽山西建设实施意见", docs) == "美丽山西建设实施意见"
    # Characters of the name in order, ending with its kind, one document only.
    assert document_reference("美丽山西实施意见", docs) == "美丽山西建设实施意见"
    assert document_reference("实施意见", docs) == "美丽山西建设实施意见"
    assert document_reference("耕地", docs) == ""  # no document kind at the end
    assert document_reference("山西法", docs) == ""  # too short to abbreviate
    assert document_reference("西山实施意见", docs) == ""  # not in the name's order
    assert find_document_reference("请问美丽山西实施意见对扬尘治理有什么要求？", docs) == (2, 10, "美丽山西建设实施意见")
    assert find_document_reference("扬尘治理有什么要求？", docs) == (0, 0, "")


def test_follow_up_naming_another_document_swaps_the_document(seed_kb):
    resolved = resolve("实施意见里呢？", ["新闻发布会报道对扬尘治理说了什么？"], documents=seed_kb.documents)
    assert resolved == "美丽山西建设实施意见对扬尘治理说了什么？"
    resolved = resolve("山西晚报新闻发布会报道里呢？", ["美丽山西实施意见对扬尘治理有什么要求？"],
                       documents=seed_kb.documents)
    assert resolved == "山西晚报新闻发布会报道对扬尘治理有什么要求？"


def test_sibling_item_is_answered_from_the_previous_clause(seed_kb):
    # The search for "全省耕地面积要保持在多大" misses; the clause on 生态保护红线 also says what holds for 耕地.
    ans = seed_kb.ask("耕地呢？", history=["全省生态保护红线面积要保持在多大？"])
    assert ans.found and "耕地不再减少" in ans.text
    assert ans.citations[0].local_id == "c1"
    assert ans.resolved_question == "全省耕地面积要保持在多大？"
    # A follow-up the search answers itself is left alone.
    ans = seed_kb.ask("水土保持率呢？", history=["2035年森林覆盖率目标是多少？"])
    assert "72.43%" in ans.text


def test_new_subject_terms(seed_kb):
    from shanxi_policy.answer.followup import new_subject_terms

    docs = seed_kb.documents
    assert new_subject_terms("耕地呢？", ["全省生态保护红线面积要保持在多大？"], docs) == ["耕地"]
    assert new_subject_terms("那2035年呢？", ["到2027年森林覆盖率要达到多少？"], docs) == []
    assert new_subject_terms("实施意见里呢？", ["新闻发布会报道对扬尘治理说了什么？"], docs) == []
    assert new_subject_terms("耕地呢？", [], docs) == []


@pytest.mark.parametrize(("turn", "resolved"), [("违反的话怎么罚？", "夜间施工，违反的话怎么罚？"),
                                                ("违反了罚多少？", "夜间施工，违反了罚多少？"),
                                                ("那罚款呢？", "夜间施工，罚款如何规定？")])
def test_a_penalty_follow_up_asks_about_the_previous_subject(turn, resolved):
    assert resolve(turn, ["夜间施工有什么规定？"]) == resolved
