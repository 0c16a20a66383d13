"""Proposal wording that trying the check showed misread: a measure put off ("暂缓建设…", "待以后再建设") is not done,
a permit put off until after operation starts leaves the project discharging without it, and a project placed
outside a zone ("保护区外", "不在…范围内", "距…边界3公里") is not in it."""

from __future__ import annotations

from functools import partial

import pytest

from shanxi_policy.check.engine import _open_obligations, check_proposal
from shanxi_policy.check.negation import find_mentions
from shanxi_policy.check.proposal import NEGATED, PRESENT, REMOVED, analyze, load_lexicon, state_at
from shanxi_policy.retrieve.filters import DocFilter

from .check_helpers import make_norm, verdicts

LAW_FILES = ["水污染防治法", "大气污染防治法", "排污许可管理条例", "环境保护法"]


_norm = partial(make_norm, trigger="应当")
_verdicts = partial(verdicts, law_files=tuple(LAW_FILES))


def _state(text: str, word: str) -> str:
    i = text.index(word)
    return state_at(text, i, i + len(word), proposal=True)


@pytest.mark.parametrize(
    ("text", "word", "state"),
    [
        ("本项目暂不实施超低排放改造。", "超低排放", NEGATED),
        ("暂缓建设脱硫设施。", "脱硫设施", NEGATED),
        ("脱硫设施暂未建设。", "脱硫设施", NEGATED),
        ("脱硫设施待以后再建设。", "脱硫设施", NEGATED),
        ("脱硫设施以后再建。", "脱硫设施", NEGATED),
        ("脱硫设施不再建设。", "脱硫设施", NEGATED),
        ("待资金到位后再建设脱硫设施。", "脱硫设施", NEGATED),
        ("排污许可证尚未办理。", "排污许可证", NEGATED),
        ("排污许可证待投产后再申请。", "排污许可证", NEGATED),
        # neither put off nor denied
        ("排污许可证正在办理。", "排污许可证", PRESENT),
        ("废水待处理达标后再排放。", "废水", PRESENT),
        ("危险废物未设置专门贮存场所。", "危险废物", PRESENT),
        ("建设脱硫设施，投产后再申请扩能。", "脱硫设施", PRESENT),
        # a thing done away with stays removed
        ("燃煤锅炉不再使用。", "燃煤锅炉", REMOVED),
    ],
)
def test_a_measure_put_off_is_not_done(text: str, word: str, state: str) -> None:
    assert _state(text, word) == state
    # the curated checks read the same words the same way
    assert find_mentions(text, [word])[0].negated is (state == NEGATED)


@pytest.mark.parametrize(
    ("text", "word", "state"),
    [
        ("项目位于饮用水水源保护区外。", "饮用水水源保护区", NEGATED),
        ("项目位于饮用水水源保护区范围以外。", "饮用水水源保护区", NEGATED),
        ("项目不在饮用水水源保护区范围内。", "饮用水水源保护区", NEGATED),
        ("项目距饮用水水源保护区边界3公里。", "饮用水水源保护区", NEGATED),
        ("厂址距最近的自然保护区约8公里。", "自然保护区", NEGATED),  # a designated zone: the distance is to its edge
        ("项目位于饮用水水源保护区内。", "饮用水水源保护区", PRESENT),
        ("厂址距汾河约1.5公里。", "汾河", PRESENT),  # near a river, not outside a zone
        ("位于自然保护区实验区内的一处山坡，距保护区缓冲区边界约2公里。", "实验区", PRESENT),
    ],
)
def test_a_place_the_project_lies_outside_of_is_denied(text: str, word: str, state: str) -> None:
    assert _state(text, word) == state
    assert find_mentions(text, [word])[0].negated is (state == NEGATED)


def test_the_zone_of_a_prohibition_is_read_with_its_negation() -> None:
    outlet = _norm("prohibition", "设置排污口", scope="在饮用水水源保护区内")
    inside = "项目名称：某农副产品加工项目。项目位于饮用水水源保护区内，设置排污口一处。"
    assert "conflict" in _verdicts(inside, outlet)
    for where in ("项目位于饮用水水源保护区外", "项目不在饮用水水源保护区范围内", "项目距饮用水水源保护区边界3公里"):
        got = _verdicts(f"项目名称：某农副产品加工项目。{where}，设置排污口一处。", outlet)
        assert "conflict" not in got and "attention" not in got, where


def test_a_required_measure_put_off_does_not_comply() -> None:
    duty = _norm("obligation", "建设废气收集处理设施", subject="工业涂装企业")
    done = "项目名称：某工业涂装项目。建设内容：建设喷涂生产线一条，配套建设废气收集处理设施。"
    assert "supports" in _verdicts(done, duty)
    for later in ("废气收集处理设施暂缓建设", "废气收集处理设施待投产后再建设", "暂缓建设废气收集处理设施"):
        got = _verdicts(f"项目名称：某工业涂装项目。建设内容：建设喷涂生产线一条，{later}。", duty)
        assert "supports" not in got and ("attention" in got or "conflict" in got), later


PERMIT = _norm("prohibition", "排放污染物", conditions="未取得排污许可证的")


def test_a_permit_put_off_until_after_operation_is_a_conflict() -> None:
    late = "项目名称：年产30万吨水泥粉磨站项目。排污许可证待投产后再申请。废气经布袋除尘后排放。"
    assert "conflict" in _verdicts(late, PERMIT)
    late2 = "项目名称：年产30万吨水泥粉磨站项目。排污许可证待正式生产一年后再组织办理。废气经布袋除尘后排放。"
    assert "conflict" in _verdicts(late2, PERMIT)
    # a permit to be applied for before operation, or one being processed, breaks nothing yet
    for timely in ("排污许可证计划在投产前申请", "排污许可证正在办理", "排污许可证待生产线建成后再申请"):
        got = _verdicts(f"项目名称：年产30万吨水泥粉磨站项目。{timely}。废气经布袋除尘后排放。", PERMIT)
        assert "conflict" not in got, timely


def test_a_facility_put_off_still_raises_its_duties() -> None:
    lex = load_lexicon()

    def open_ids(text: str) -> set[str]:
        return {ob["id"] for ob, _ in _open_obligations(analyze(text, lex), lex)}

    assert "three_simultaneous" in open_ids("项目名称：年产200万吨焦化项目。焦炉烟气脱硫脱硝设施待以后再建设。")
    assert "three_simultaneous" not in open_ids("项目名称：年产200万吨焦化项目。焦炉煤气不设脱硫设施，外售。")


def test_curated_checks_respect_put_off_and_outside(seed_kb) -> None:
    later = check_proposal(seed_kb, "项目名称：年产200万吨焦化项目。超低排放改造待以后再实施。")
    assert not any(f.check_id == "ultra_low" and f.relation == "supports" for f in later.findings)
    assert any(f.check_id == "ultra_low" and f.relation == "attention" for f in later.findings)
    outside = check_proposal(seed_kb, "项目名称：年产10万吨农副产品加工项目。项目位于饮用水水源保护区外，距保护区边界3公里。")
    assert not any(f.relation == "conflict" for f in outside.findings)
    inside = check_proposal(seed_kb, "项目名称：年产10万吨农副产品加工项目。项目位于饮用水水源保护区内。")
    assert any(f.check_id == "red_line" and f.relation == "conflict" for f in inside.findings)


LAWS_ONLY = DocFilter(doc_types=["法律", "行政法规"])


def test_the_library_reads_the_three_cases(library_kb) -> None:
    permit = check_proposal(library_kb, "项目名称：年产30万吨水泥粉磨站项目。建设地点：临汾市。排污许可证待投产后再申请。"
                                        "废气经布袋除尘后排放。", doc_filter=LAWS_ONLY)
    late = [f for f in permit.findings if f.relation == "conflict" and "未取得排污许可证" in f.hit.quote]
    assert late and "推迟" in late[0].reason
    outside = check_proposal(library_kb, "项目名称：年产10万吨农副产品加工项目。建设地点：忻州市。项目位于饮用水水源保护区外，"
                                         "距保护区边界3公里，设置排污口一处。")
    assert not any(f.relation == "conflict" and "保护区" in f.hit.quote for f in outside.findings)
