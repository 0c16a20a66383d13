"""符合 needs the proposal to do what the norm asks, not only to share its topic; a zone named with another modifier
(准保护区, 一级保护区) is not the zone a norm names with its own (二级保护区). Hand-made norms and proposals."""

from __future__ import annotations

from functools import partial

from shanxi_policy.check.judges import _act_unaffirmed, action_verbs
from shanxi_policy.check.proposal import NEGATED, analyze, project_fact, state_at

from .check_helpers import make_norm, verdicts

# Word rarity and the zones the library names are read from real norms, as in a check against the library.
LAW_FILES = ["水污染防治法", "大气污染防治法", "固体废物污染环境防治法"]


_norm = make_norm
_verdicts = partial(verdicts, law_files=tuple(LAW_FILES))


MANURE = _norm("obligation", "及时对畜禽粪便、污水等进行收集、贮存、清运，防止恶臭")


def test_sharing_the_object_without_the_act_is_not_support() -> None:
    # the manure is there, but 露天晾晒 is none of 收集, 贮存, 清运
    assert "supports" not in _verdicts("项目名称：生猪养殖场。粪污处理：畜禽粪便和污水露天晾晒后外售。", MANURE)


def test_doing_the_act_is_support() -> None:
    text = "项目名称：生猪养殖场。粪污处理：畜禽粪便和污水及时收集，贮存于防渗贮存池，定期清运。"
    assert "supports" in _verdicts(text, MANURE)


SLUDGE_DUTY = "安全处理处置污泥，并对污泥的去向进行记录"


def _whole_unaffirmed(text: str, action: str) -> bool:
    whole = project_fact(analyze(text))
    assert whole is not None
    return _act_unaffirmed(action, whole)


def test_the_act_must_be_said_of_its_object() -> None:
    # "处理" is said of the plant's capacity and of the effluent; of the sludge the proposal says only where it goes
    text = "项目名称：乡镇污水处理站。建设规模：处理规模0.5万吨/日，尾水处理后排放。污泥处置：污泥脱水后运至附近沟壑填埋。"
    assert _whole_unaffirmed(text, SLUDGE_DUTY)
    text = "项目名称：乡镇污水处理站。建设规模：处理规模0.5万吨/日。污泥由有资质单位安全处理处置，并对污泥去向进行记录。"
    assert not _whole_unaffirmed(text, SLUDGE_DUTY)
    # an act whose object the proposal does not name stands on its own ("病死猪处理：就地深埋")
    assert not _whole_unaffirmed("项目名称：养猪场。病死猪处理：就地深埋。", "进行深埋、化制、焚烧等无害化处理")


def test_a_verb_inside_a_longer_word_or_a_label_is_no_act() -> None:
    protect = _norm("obligation", "保护饮用水水源")
    assert "supports" not in _verdicts("项目名称：化工园区。建设地点：位于饮用水水源保护区边界以外2公里，饮用水水源下游。",
                                       protect)
    assert _whole_unaffirmed("项目名称：化工园区。污泥处置：暂存于厂内。", SLUDGE_DUTY)


def test_verbs_describing_the_object_are_not_the_act() -> None:
    # "填埋…产生的可燃性气体": the landfilling makes the gas; what is asked is to recover it
    assert action_verbs("垃圾填埋或者其他活动产生的可燃性气体回收利用") == ("回收",)
    assert "避免" in action_verbs("避免与规划的环境影响评价相重复")


ZONE_II = _norm("prohibition", "新建排放污染物的建设项目", scope="在饮用水水源二级保护区内")


def test_a_zone_with_another_modifier_is_another_zone() -> None:
    text = "项目名称：化工园区。建设地点：位于市饮用水水源二级保护区外围的准保护区内。建设内容：新建染料项目，废水处理后排放。"
    assert "conflict" not in _verdicts(text, ZONE_II)
    i = text.index("二级保护区")
    assert state_at(text, i, i + 5, proposal=True) == NEGATED  # "…保护区外围": outside the zone


def test_the_same_zone_or_a_part_of_it_still_conflicts() -> None:
    text = "项目名称：化工园区。建设地点：位于市饮用水水源二级保护区内。建设内容：新建染料项目，废水处理后排放。"
    assert {"conflict", "attention"} & set(_verdicts(text, ZONE_II))
    outlet = _norm("prohibition", "设置排污口", scope="在饮用水水源保护区内")
    text = "项目名称：电镀项目。建设地点：县饮用水水源一级保护区内。废水经处理后通过新设排污口排入水库。"
    assert "conflict" in _verdicts(text, outlet)
