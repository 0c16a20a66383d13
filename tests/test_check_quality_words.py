"""Words that judge a thing's quality are no denial: "燃用不符合质量标准的煤炭" does the forbidden act; a
prohibition whose list of acts ends with 和 ("进口、销售和燃用…") is met by its last act."""

from __future__ import annotations

import pytest

from shanxi_policy.check.engine import check_proposal
from shanxi_policy.check.judges import _lead_verbs_missing
from shanxi_policy.check.proposal import NEGATED, PRESENT, REMOVED, analyze, state_at


@pytest.mark.parametrize(("sentence", "word", "state"), [
    ("锅炉燃用不符合质量标准的煤炭", "燃用", PRESENT),
    ("产品不合格的批次返工", "产品", PRESENT),
    ("废水不外排", "废水", REMOVED),  # the thing is there, the act is denied
    ("项目不设排污口", "排污口", NEGATED),
])
def test_quality_words_after_an_act_deny_nothing(sentence, word, state):
    i = sentence.index(word)
    assert state_at(sentence, i, i + len(word), proposal=True) == state


def test_the_last_act_of_a_list_joined_by_he_counts():
    fact = next(f for f in analyze("锅炉燃用不符合质量标准的煤炭。").facts if "煤炭" in f.sentence)
    assert not _lead_verbs_missing("进口、销售和燃用不符合质量标准的煤炭", fact)
    assert _lead_verbs_missing("伪造、变造、转让排污许可证", fact)


def test_burning_substandard_coal_conflicts_with_the_air_law(library_kb):
    rep = check_proposal(library_kb, "项目名称：某陶瓷厂。锅炉燃用不符合质量标准的煤炭，年用量2万吨。")
    assert any(f.relation == "conflict" and "不符合质量标准的煤炭" in f.hit.quote for f in rep.findings)
