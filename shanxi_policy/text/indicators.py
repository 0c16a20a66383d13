"""Extract quantitative targets ("到2030年，非化石能源占能源消费总量比重达到18%") from clause text."""

from __future__ import annotations

import re

from ..models import Indicator

_UNITS = (
    "万平方公里|平方公里|万公顷|公顷|万亩|亩|微克/立方米|毫克/立方米|立方米|万吨标准煤|吨标准煤|万吨|吨|"
    "个百分点|百分点|万千瓦|千瓦|亿千瓦时|亿元|万元|万辆|辆|万人|公里|千米|个|家|座|处|条|%|％|‰"
)
_VERBS = (
    "不低于|不少于|不超过|不高于|不大于|提高到|提高至|提升到|提升至|增加到|增长到|降低到|降低至|下降到|下降至|"
    "降至|减少到|控制在|保持在|维持在|稳定在|达到|达|"
    # a change from a base year ("能耗比2020年下降14%"): the name keeps no base, the qualifier says it
    "下降|降低|减少|提高|提升|增长|增加"
)
_BASE = re.compile(r"比(\d{4})年(?:末|底)?(?:累计)?$")
_CHANGE_VERBS = {"下降", "降低", "减少", "提高", "提升", "增长", "增加"}
_TARGET = re.compile(
    rf"(?P<verb>{_VERBS})?(?P<value>\d+(?:\.\d+)?)(?P<unit>{_UNITS})?(?P<suffix>以上|以下|左右|以内)?"
)
# Verbs that set a bound by themselves, without a deadline year.
_BOUND_VERBS = {"不低于", "不少于", "不超过", "不高于", "不大于", "控制在", "保持在", "维持在", "稳定在"}
_YEAR = re.compile(r"(?:到|至|在)(\d{4})年|(\d{4})年(?:前|底|末)")
_NAME_PREFIX = re.compile(r"^(?:确保|力争|其中|同时|并|使|全省|全市|全县|全国|我省|省内|各市|年均)+")
_NAME_SUFFIX = re.compile(r"(?:力争|确保|要|将|应|须|必须)+$")


def _name(before: str) -> str:
    name = before.strip("，、：: ")
    name = _NAME_SUFFIX.sub("", _NAME_PREFIX.sub("", name))
    return name.strip("，、：: ")


def extract_indicators(text: str, clause_id: str) -> list[Indicator]:
    out: list[Indicator] = []
    for sentence in re.split(r"(?<=[。；;！？])", text):
        years = list(_YEAR.finditer(sentence))
        pos = 0
        for segment in re.split(r"(?<=[，,])", sentence):
            seg_start = pos
            pos += len(segment)
            year = None
            for y in years:
                if y.start() <= seg_start + len(segment):
                    year = int(y.group(1) or y.group(2))
            for m in _TARGET.finditer(segment):
                verb, suffix, unit = m.group("verb"), m.group("suffix"), m.group("unit")
                if not unit or unit == "年":
                    continue
                before = segment[: m.start()]
                if not verb and not suffix:
                    continue
                base = _BASE.search(before) if verb in _CHANGE_VERBS else None
                if verb in _CHANGE_VERBS and (base is None or unit not in ("%", "％", "个百分点", "百分点")):
                    continue  # "增加10万吨" without a base is an amount of work, not a target level
                if base:
                    before = before[: base.start()]
                if year is None and verb not in _BOUND_VERBS and not re.search(r"确保|力争", before):
                    continue  # a reported statistic rather than a target
                if verb is None and suffix and re.search(r"(达到|达)$", before):
                    verb = "达到"
                name = _name(re.sub(r"[达]?$", "", before) if verb is None else before)
                if not name:
                    continue
                if base:
                    qualifier = f"比{base.group(1)}年{verb}"
                elif suffix:
                    qualifier = suffix
                elif "力争" in before:
                    qualifier = "力争"
                else:
                    qualifier = verb or ""
                out.append(
                    Indicator(
                        year=year,
                        name=name,
                        value=float(m.group("value")),
                        unit=unit.replace("％", "%"),
                        qualifier=qualifier,
                        clause_id=clause_id,
                        sentence=sentence.strip(),
                    )
                )
    return out
