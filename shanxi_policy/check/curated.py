"""Curated overrides and figure comparisons, shared by the norm-based checker and the legacy baseline.

Both need only clause and document lookup and the quantitative targets (a `ClauseSource`).
"""

from __future__ import annotations

import re
from typing import Protocol

from ..errors import QueryError
from ..models import Clause, Document, Hit, Indicator
from ..text.normalize import normalize_for_search
from ..text.tokenize import content_terms
from .negation import SENDS, find_mentions, idle, in_progress, present, undecided
from .proposal import in_label, put_off
from .report import Finding
from .rules import Check

MAX_PROPOSAL_CHARS = 20_000  # a check costs ~1 s per 1,000 characters on 2 cores
_HIGHER_BETTER = {"达到", "不低于", "不少于", "以上", "提高到", "提高至", "提升到", "提升至", "力争", "保持在", "维持在"}
_LOWER_BETTER = {"不超过", "不高于", "不大于", "以下", "以内", "控制在", "降低到", "降低至", "下降到", "下降至", "降至"}


class ClauseSource(Protocol):
    """What curated checks and figure comparisons read from the library."""

    def clause(self, clause_id: str) -> Clause | None: ...

    def document(self, doc_id: str) -> Document | None: ...

    def indicators(self) -> list[Indicator]: ...


def validate_proposal(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise QueryError("项目材料为空，请粘贴项目说明或上传文件")
    if len(text) > MAX_PROPOSAL_CHARS:
        raise QueryError(f"项目材料过长（{len(text)} 字），请控制在 {MAX_PROPOSAL_CHARS} 字以内")
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    if len(re.sub(r"\s", "", text)) < 10 and cjk:
        raise QueryError("项目材料过短，请写明项目名称、建设地点、建设内容和污染治理措施等")
    if cjk < 4 or cjk < 0.2 * len(re.sub(r"\s", "", text)):
        raise QueryError("项目材料不是中文文本，目前只支持中文项目材料")
    return text


def _hit_for(kb: ClauseSource, clause_id: str, quote: str, question: str = "") -> Hit | None:
    from ..answer.extract import term_spans

    c = kb.clause(clause_id)
    if c is None:
        return None
    d = kb.document(c.doc_id)
    assert d is not None
    q = quote if quote and quote.rstrip("。") in c.text else c.text
    return Hit(d.doc_id, d.title, c.clause_id, c.path, c.text, 1.0, "check", q, term_spans(question, q) if question else [])


def _evidence(mentions: list) -> str:
    seen: list[str] = []
    for m in mentions:
        if m.sentence not in seen:
            seen.append(m.sentence)
    return "".join(seen)[:300]


# Ranking strength of a curated finding about a measure the proposal never mentions; other curated findings
# rest on an exact rule and rank first within their relation.
OMISSION_SCORE = 0.05


def _said(text: str, mentions: list) -> list:
    """Mentions that state something: "粪污处理：猪粪…露天堆放" names the field, it does not say the waste is treated."""
    return [m for m in mentions if not in_label(text, m.start, m.end)]


# Before a works' name: the project sends something there ("接入服务区污水处理站", "送市生活垃圾焚烧发电厂");
# it uses those works, it is not one of them.
# (also a facility the project's equipment is put in: "服务器…部署在集团现有数据中心机房")
_SENT_TO = re.compile(rf"(?:{SENDS}|接入|排入|排至|排往|进入|纳入|汇入|依托|部署在|部署于|放置在|安放在|安装在|安装于)"
                      r"[^，。；,;]{0,16}$")


# After a works' name: what that works makes ("周边洗煤厂产生的煤矸石"); it is another party the project takes from.
_MADE_BY = re.compile(r"[^，。；,;]{0,4}?(?:产生|生产|排出|提供|抽采)的")


# After a works' name: the market or the goods it names ("储能市场", "光伏组件回收", "风电装备"); a maker or a seller
# to such works is not one.
_TRADE_OF = re.compile(r"市场|需求|行业|产业|领域|客户|用户|企业|组件|材料|设备|装备|电池|产品|配件|"
                       # a thing used up, not made: "农药包装废弃物", "农药安全间隔期"
                       r"包装|安全间隔期|残留|使用量|施用|"
                       # a service to it: "货车的机修、钣金和喷漆", "货车维修"
                       r"(?:的)?(?:机修|维修|修理|保养|钣金|检测|清洗|洗车)")
# Before a works' or goods' name: the project uses it ("采用…生物农药为主的绿色防控", "科学施用农药"), it does not make it.
_USED_BEFORE = re.compile(r"(?:施用|喷施|喷洒|生物|低毒|低残留)[^，。；,;]{0,4}$")


# Before a works' name in its clause: a former one ("原焦化厂排水口"), one around the project ("周边煤矿"), a supplier
# ("氢气来源为本市焦炉煤气…企业"), or the scrap of its product ("废钢铁").
_NOT_OWN_BEFORE = re.compile(r"(?:原|周边|附近|邻近|上游|下游|紧邻|毗邻|来源为|来源于|来自|外购|采购自|购自)"
                             r"[^，。；,;]{0,8}$|废$")


def _own_works(text: str, mentions: list) -> list:
    """The mentions of a kind of works that name the project's own, not works it sends to or takes from, nor a trade
    in what such works use."""
    return [m for m in mentions if not _SENT_TO.search(text, max(0, m.start - 20), m.start)
            and not _NOT_OWN_BEFORE.search(text, max(0, m.start - 12), m.start)
            and not _USED_BEFORE.search(text, max(0, m.start - 8), m.start)
            and not _MADE_BY.match(text, m.end) and not _TRADE_OF.match(text, m.end)
            and not _COUNTERPARTY.match(text, m.end) and not _supplier(text, m.start, m.end)]


# "氢气由园区焦炉煤气制氢企业经长管拖车供给": the works named between 由 and a verb of supplying supply the project.
_BY_BEFORE = re.compile(r"由[^，。；,;]{0,10}$")
_SUPPLIES_AFTER = re.compile(r"[^，。；,;]{0,20}?(?:供给|供应|供货|提供|配送|运来|运送至|输送至)")


def _supplier(text: str, start: int, end: int) -> bool:
    return bool(_BY_BEFORE.search(text, max(0, start - 10), start)) and bool(_SUPPLIES_AFTER.match(text, end))


# After a works' name: a contract signed with it ("已与污水处理厂签订接纳协议"), a party the project deals with.
_COUNTERPARTY = re.compile(r"[^，。；,;]{0,4}?(?:签订|签署|达成)")


# After a measure's word, the characters that make it the name of something else: a zone ("不占用生态保护红线" says
# where the land is, not whether ecology is protected), or a grout curtain ("封闭帷幕" seals the ground below, it
# encloses no dusty material).
_NOT_MEASURE_AFTER = re.compile(r"红线|区|范围|保护地|帷幕")


def _as_measure(text: str, mentions: list) -> list:
    return [m for m in mentions if not _NOT_MEASURE_AFTER.match(text, m.end)]


def run_check(kb: ClauseSource, check: Check, text: str) -> Finding | None:
    # a forbidden word counts where the thing the clause applies to is named with it ("采用稀薄燃烧技术的燃气货车": not a
    # gas engine's "稀薄燃烧+SCR脱硝"), or where it names that thing itself ("燃煤锅炉")
    forbidden = [m for m in present(text, check.forbids, removal_negates=True)
                 if not check.applies or present(m.sentence, check.applies) or present(m.term, check.applies)]
    # (what the project is, named in its first lines, "…党群服务中心内部装修", holds for all it says)
    if check.unless and present("\n".join(text.strip().splitlines()[:3]), check.unless):
        return None
    # (a thing the project cuts down or replaces, "每年可减少重型柴油货车运输约30万车次", is not one it uses)
    applies = [m for m in _own_works(text, present(text, check.applies, removal_negates=True))
               if not (check.unless and present(m.sentence, check.unless))] or forbidden
    if not applies:
        return None
    hit = _hit_for(kb, check.clause, check.quote)
    if hit is None:
        return None
    if forbidden:
        terms = "、".join(dict.fromkeys(m.term for m in forbidden))
        return Finding(check.forbidden, hit, _evidence(forbidden),
                       f"项目材料含有“{terms}”。{check.reason_apply}", check.recommendation, check.id, check.force)
    supported = _as_measure(text, _said(text, present(text, check.supports)))
    # "废活性炭" is spent carbon, a waste: it shows nothing of carbon adsorption in use
    required = [m for m in _as_measure(text, _said(text, present(text, check.requires)))
                if text[m.start - 1: m.start] != "废"] if check.requires else []
    # "堆场封闭方式…目前还在比选，待项目资金落实后再确定": a measure still to be chosen is not yet taken
    open_ = [m for m in required if undecided(text, m.start, m.end)]
    # "环境影响报告书目前正在编制": a procedure under way or put off is not yet done
    waiting = [m for m in required if m not in open_ and (in_progress(text, m.start, m.end)
                                                           or put_off(text, m.start, m.end))]
    required = [m for m in required if m not in open_ and m not in waiting]
    if check.requires:
        if not required and (open_ or waiting):
            names = "、".join(dict.fromkeys(m.term for m in open_ or waiting))
            state = "尚未确定" if open_ else "尚未完成"
            return Finding(check.missing, hit, _evidence(open_ or waiting),
                           f"项目材料中“{names}”{state}。{check.reason_apply}", check.recommendation, check.id,
                           check.force)
        if not required:
            denied = [m for m in _as_measure(text, find_mentions(text, check.requires)) if m.negated]
            names = "、".join(dict.fromkeys(m.term for m in denied)) if denied else "、".join(check.requires[:3])
            # A required measure the proposal says it will not take breaks a binding clause; one it never
            # mentions gets `missing`.
            refused = [m for m in denied if not put_off(text, m.start, m.end)]  # put off is not yet refused
            what = "明确否定了" if refused else "暂缓或推迟了" if denied else "未提及"
            said = f"项目材料{what}“{names}”"
            if denied and all(idle(text, m.start, m.end) for m in denied):
                said = f"项目材料称“{names}”日常不运行"  # "…日常生产时处于备用状态，在…检查时启用"
            relation = "conflict" if refused and check.force == "obligatory" else check.missing
            # A measure never mentioned ranks after the findings that rest on what the proposal says.
            return Finding(relation, hit, _evidence(denied or applies),
                           f"{said}。{check.reason_apply}", check.recommendation, check.id, check.force,
                           score=OMISSION_SCORE if not denied else 0.0)
    avoided = [m for m in find_mentions(text, check.forbids, removal_negates=True)
               if m.negated and not put_off(text, m.start, m.end)] if check.force == "restrictive" else []
    if avoided and not supported:
        # "不使用燃煤锅炉": the proposal says it keeps away from what the clause restricts
        terms = "、".join(dict.fromkeys(m.term for m in avoided))
        return Finding("supports", hit, _evidence(avoided), f"项目材料明确不采用“{terms}”。{check.reason_apply}",
                       check.recommendation, check.id, check.force)
    if supported:
        terms = "、".join(dict.fromkeys(m.term for m in supported))
        return Finding("supports", hit, _evidence(supported),
                       f"项目材料采用“{terms}”，符合政策导向。{check.reason_apply}", check.recommendation, check.id,
                       check.force)
    if required:
        terms = "、".join(dict.fromkeys(m.term for m in required))
        return Finding("supports", hit, _evidence(required),
                       f"项目材料已落实“{terms}”。{check.reason_apply}", check.recommendation, check.id, check.force)
    relation = "attention" if check.force in ("restrictive", "obligatory") else "related"
    return Finding(relation, hit, _evidence(applies), check.reason_apply, check.recommendation, check.id, check.force)


_NUM = re.compile(r"(\d+(?:\.\d+)?)\s*(%|％|万平方公里|平方公里|万亩|亩|微克/立方米|万吨|吨)")


def compare_figures(kb: ClauseSource, text: str) -> list[Finding]:
    """Figures in the proposal that measure the same thing as a target in the corpus."""
    out: list[Finding] = []
    sentences = [s for s in re.split(r"(?<=[。；！？\n，,])", text) if _NUM.search(s)]
    for ind in kb.indicators():
        terms = content_terms(ind.name)
        if not terms:
            continue
        total = sum(len(t) for t in terms)
        for s in sentences:
            sn = normalize_for_search(s)
            overlap = sum(len(t) for t in terms if t in sn)
            if overlap / total < 0.5:
                continue
            for m in _NUM.finditer(s):
                unit = m.group(2).replace("％", "%")
                if unit != ind.unit:
                    continue
                f = _figure_finding(kb, ind, float(m.group(1)), unit, s.strip("，, "))
                if f:
                    out.append(f)
                break
    return out


# An amount (not a share or a concentration) that a whole region is to reach or keep within ("全市焦化产能控制在
# 4000万吨以内") measures the region: one project's amount is no measure of it.
_EXTENSIVE = {"万平方公里", "平方公里", "万亩", "亩", "万吨", "吨"}
_REGIONAL = re.compile(r"全省|全市|全县|全区|各市|各设区市|各县|总量|总规模|累计")


def _figure_finding(kb: ClauseSource, ind: Indicator, value: float, unit: str, sentence: str) -> Finding | None:
    if ind.unit in _EXTENSIVE and _REGIONAL.search(ind.sentence):
        return None
    hit = _hit_for(kb, ind.clause_id, ind.sentence)
    if hit is None:
        return None
    target = f"{ind.year}年" if ind.year else ""
    goal = f"{target}{ind.name}{ind.qualifier}{ind.value:g}{ind.unit}"
    if ind.qualifier == "左右":
        ok = abs(value - ind.value) <= 0.1 * ind.value
    elif ind.qualifier in _LOWER_BETTER:
        ok = value <= ind.value
    else:
        ok = value >= ind.value
    if ok:
        return Finding("supports", hit, sentence, f"项目数值 {value:g}{unit} 达到政策目标（{goal}）。",
                       "保持该指标并在验收时提供证明材料。", "target", "obligatory")
    hard = ind.qualifier in ("不低于", "不少于", "不超过", "不高于")
    return Finding("conflict" if hard else "attention", hit, sentence,
                   f"项目数值 {value:g}{unit} 未达到政策目标（{goal}）。",
                   f"将该指标提高到政策目标（{ind.value:g}{ind.unit}）以上，或说明理由。", "target", "obligatory")
