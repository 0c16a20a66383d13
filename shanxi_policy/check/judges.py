"""Judgment of one proposal fact against one norm: conflict, attention, supports or not applicable.

`Judge` is the small interface; `RuleJudge` (default, offline) decides from the words the two share and
their polarity; `LLMJudge` asks a LangChain chat model given by the caller and falls back to the rule
judge when the model's answer cannot be read.
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ..index.units import sentences
from ..norms.extract import DISTANCE_SCOPE
from ..norms.model import Norm
from ..text.markers import cn_to_int, without_marker
from ..text.normalize import normalize_for_search
from ..text.tokenize import content_terms, segment, tagged
from .negation import (
    NEGATORS,
    REMOVERS,
    SEGMENT_END,
    SENDS,
    already_running,
    in_progress,
    outside,
    segment_start,
    sentence_at,
    undecided,
    works_begun,
)
from .proposal import (
    NEGATED,
    PRESENT,
    REMOVED,
    START_ACTS,
    Fact,
    deferred_past_start,
    in_label,
    in_permit_name,
    in_title,
    load_lexicon,
    put_off,
    state_at,
)

VERDICTS = ("conflict", "attention", "supports", "not_applicable")


@dataclass
class Judgment:
    verdict: str  # one of VERDICTS
    reason: str = ""
    recommendation: str = ""
    strength: float = 0.0  # how much of the norm the fact matches, 0..1 (ranks findings)
    matched: list[str] = field(default_factory=list)  # norm words the fact matched
    partial: bool = False  # only the norm's zone is established: yields to any fuller judgment of the clause
    missing: bool = False  # the duty binds the project but the proposal does not address it
    deferred: bool = False  # the proposal puts off or has not yet done what the norm requires ("暂缓建设…")
    late: bool = False  # a procedure put off until after operation starts ("排污许可证待投产后再申请")
    planned: bool = False  # works only planned while the approval they need is still to come
    unsanctioned: bool = False  # the act a rule forbids when done without approval, and no approval is shown
    fallback: str = ""  # what the article asks when its first duty cannot be met ("不能密闭的，应当…"), not stated
    unmet: tuple[str, ...] = ()  # of a duty of several parts the proposal does not address, the parts it leaves out
    places: list[str] = field(default_factory=list)  # the norm's place words the fact or the proposal matched


@dataclass
class JudgeParams:
    """Fitted on the dev split by `shanxi-policy eval-check --fit` (see check/evaluate.py)."""

    match: float = 0.5  # weighted share of the norm's action words a fact must match
    support: float = 0.6  # the same share for a finding that the project complies (符合)
    scope: float = 0.5  # share of the norm's scope words the fact or the proposal's places must match
    avoid: float = 0.25  # share of the matched words the fact denies or removes for "the project avoids it"
    duty: float = 0.8  # share of a duty's condition ("排放工业废水的企业") that makes an unaddressed duty 需关注
    partial: float = 0.2  # action share that, with the norm's zone established, makes a prohibition 需关注
    # Rarity a duty's condition needs in one matched word to call an unaddressed duty missing: "排放工业废水的
    # 企业" names a kind of project, "排放污染物的企业" (排放, 污染物 ≈ 2.5) every polluter; building works the
    # proposal states ("新建、改建、扩建…的项目") also name it.
    specific: float = 3.0


class Judge(ABC):
    name = ""

    def prepare(self, norms: Iterable[Norm]) -> None:  # noqa: B027  (optional hook)
        """Called once per library version before judging (word weights, caches)."""

    @abstractmethod
    def judge(self, fact: Fact, norm: Norm) -> Judgment: ...

    def shares_specific(self, fact: Fact, norm: Norm) -> bool:
        """The fact and the norm have a specific word in common, so that an undecided norm may be shown as 相关.
        Judges that weigh no words show every candidate."""
        return True


# Words every norm uses: they say little about what a norm regulates.
GENERIC_WORDS = frozenset(
    "建设 新建 扩建 改建 设置 进行 从事 活动 单位 个人 有关 规定 国家 按照 依法 项目 相关 其他 采取 措施 可能 地区 区域 "
    "设施 工作 管理 要求 标准 产生 使用 组织 部门 主管 人民政府 县级 以上 情形 行为 方式 条件 范围 按规定 符合 实施 "
    "加强 推进 建立 制度 方案 提供 利用 作业 生产 经营 生产经营者 其他生产经营者 不得 禁止 应当 扩建 改建 新建 "
    "在内 之内 以内 内 擅自 随意 违法 违规 非法 任何 企业 企业事业单位 事业单位 实行 过程 "
    # light verbs: in "投入生产", "投入使用", "投入运行", "加以利用" the act is the verb after them
    "投入 加以 予以 "
    # a manner of any act ("及时清运", "裸土及时复绿"): it tells no act from another
    "及时".split()
)
# Names of parties in general: any project is one of them, so they do not narrow who a norm binds.
_PARTIES = frozenset(
    "单位 个人 企业 公民 法人 组织 生产经营者 经营者 建设单位 施工单位 排污单位 用能单位 用水单位 重点排污单位 "
    "企业事业单位 事业单位 其他生产经营者 运营单位 使用者 所有者 管理者 经营单位 从业人员 机构 用能 用水 排污 "
    "施工 工程施工 重点 工业".split()
)
_ENUM_SPLIT = re.compile(r"、|或者|以及|与")
# "A、B、C等X": the list's class after 等 (not 等级, 等于, 等同, 等候).
_ETC = re.compile(r"等(?=[\u4e00-\u9fff]{2})(?!级|于|同|候)")
_ALT_SPLIT = re.compile(r"[，；;,]")
# A part of a duty that is only its fronted object ("对泄漏的物料"), with no act of its own.
_TOPIC_PART = re.compile(r"^(?:对于|对)[^，；;,]{0,16}的([^，；;,的]{1,6})$")


def _topic_only(part: str) -> bool:
    m = _TOPIC_PART.match(part.strip())
    return m is not None and all(f.startswith("n") for _w, f in tagged(m.group(1)))
# 或者 before an act of its own ("…或者将医疗废物混入…", "…或者在…设置…")
_OR_ACTS = re.compile(r"或者(?=将|把|在|向|利用|通过|以)")
_PHRASE_SPLIT = re.compile(r"[，,；;：:。]")
# Conditions joined by 或者 are alternatives however short ("未经验收或者验收不合格的").
# "超过国家或者地方规定的排放标准": 或者 joining the two makers of a standard joins no alternative cases.
_COND_SPLIT = re.compile(r"[，；;,]|(?<!国家)或者(?!地方)")
# A condition's head that covers every activity ("…的生产和服务活动", "…的生产经营活动").
_ANY_ACTIVITY = re.compile(r"(?<=的)(?:生产和服务|生产、服务|生产经营|生产建设|生产、经营)活动$")
# After a paper in a norm's condition, that it is not yet through its procedure ("环境影响评价文件未依法经审批部门审查").
_NOT_YET_AFTER = re.compile(r"[^，。；,;]{0,6}?(?:未|尚未|没有)(?:依法)?(?:经|取得|办理|通过|批准|审批|审查|备案|验收)")
# "…房屋建筑工程施工现场、大型物料堆放场、预拌混凝土和预拌砂浆生产企业": a list of the works or parties bound, any of
# which the fact may be.
_PARTY_END = r"(?:企业|单位|现场|工地|场|场所|站|厂|者|经营者)"
_PARTY_LIST = re.compile(rf"^(?:[^、，；]{{2,40}}{_PARTY_END}、)+[^、，；]{{2,40}}{_PARTY_END}$")
_PARTY_SPLIT = re.compile(r"[，；;,、]|或者")
# "城镇居民区、文化教育科学研究区等人口集中区域": the items and the class after 等 are each a place.
_SCOPE_SPLIT = re.compile(r"[、，,；;]|和|或者|以及|及|" + _ETC.pattern)
# Words that only mark polarity ("未予批准", "不予登记"): polarity is read around the content words, so
# matching the marker itself would count "审查后未予批准" as a denial of the fact's "未予批准".
_POLARITY_WORDS = re.compile(r"^(?:未予|未经|未按|未依|不予|未能|无需|没有|不得|不再|尚未|无法|不能)$")


@lru_cache(maxsize=50_000)
def term_groups(text: str) -> tuple[tuple[str, ...], ...]:
    """Words of a norm phrase; the items of an enumeration ("渗井、渗坑、裂隙、溶洞") form one group, any of
    which matches."""
    groups: list[tuple[str, ...]] = []
    for phrase in _PHRASE_SPLIT.split(text):
        items = _ENUM_SPLIT.split(phrase)
        rest: list[str] = []
        head, sep, tail = items[-1].rpartition("的")
        if len(items) > 1 and sep and head.startswith(("其他", "其它")) \
                and len([t for t in content_terms(tail) if not _POLARITY_WORDS.match(t)]) >= 2:
            # "重金属或者其他有毒有害物质含量超标的污泥进入农用地": the catch-all item ends at its 的; what follows
            # is the rest of the act, which every item shares.
            items[-1] = head
            rest = [t for t in content_terms(tail) if not _POLARITY_WORDS.match(t)]
        parts = [[t for t in content_terms(p) if not _POLARITY_WORDS.match(t)] for p in items]
        parts = [p for p in parts if p]
        # "煤层气、致密气等非常规天然气": the class after 等 names what the items are, so its nouns are one more
        # alternative, not a further requirement.
        # Only a list that is the object of an act ("开发煤层气、…"): a list of parties ("科研单位、…单位等联合攻关")
        # is followed by what they do.
        etc = _ETC.search(items[-1]) if len(parts) > 1 and any(f.startswith("v") for _w, f in tagged(items[0])) \
            else None
        kind = _class_nouns(items[-1][etc.end():]) if etc else []
        groups.extend((t,) for t in rest)
        if len(parts) <= 1:
            groups.extend((t,) for p in parts for t in p)
            continue
        last = parts[-1]
        catch_all = last[0] in ("其他", "其它") and len(last) > 1
        # "…、垃圾以及其他产生有毒有害烟尘和恶臭气体的物质": the catch-all item widens the list, it is not
        # a further requirement, so its words join the alternatives.
        alt = [p[-1] for p in parts[:-1]] + (last[1:] if catch_all else [last[0]]) + kind
        groups.append(tuple(dict.fromkeys(alt)))
        for p in parts[:-1]:
            groups.extend((t,) for t in p[:-1])
        if not catch_all:
            groups.extend((t,) for t in last[1:] if t not in kind)
    return tuple(dict.fromkeys(groups))


def _class_nouns(text: str) -> list[str]:
    """The leading nouns of a list's class ("非常规天然气的" → 非常规, 天然气), up to the first word of another kind;
    or the whole class when a clause before its noun describes it ("产生烟尘污染的物质")."""
    described = re.match(r"^([^，,；;的]{2,20})的(?:物质|物品|物料|废物|废弃物|产品|东西)$", text)
    if described:
        return [t for t in content_terms(text) if not _POLARITY_WORDS.match(t)]
    nouns: list[str] = []
    for word, flag in tagged(text):
        if not (flag.startswith("n") or flag == "b"):
            break
        nouns.append(word)
    terms = set(content_terms(text))
    return [w for w in nouns if w in terms]


def _specific_terms(text: str) -> list[str]:
    """The words of a phrase that name something: neither a polarity marker, a generic word nor a party."""
    return [t for t in content_terms(text) if not _POLARITY_WORDS.match(t) and t not in GENERIC_WORDS and t not in _PARTIES]


@lru_cache(maxsize=50_000)
def _normalized(text: str) -> str:
    return normalize_for_search(text)


_TEXTS_CACHE: dict[tuple[int, int], tuple[str, ...]] = {}


def _norm_texts(norms: tuple[Norm, ...]) -> tuple[str, ...]:
    """Normalized action and scope of every norm, cached per norm list: word rarity is counted on them."""
    key = (len(norms), hash(tuple(n.norm_id for n in norms)))
    got = _TEXTS_CACHE.get(key)
    if got is None:
        if len(_TEXTS_CACHE) > 8:
            _TEXTS_CACHE.clear()
        got = _TEXTS_CACHE[key] = tuple(_normalized(n.action + "|" + n.scope) for n in norms)
    return got


class _DocFreq:
    """In how many norm texts a word occurs, counted on first use (a check meets a few hundred distinct
    words) by searching one joined string, and kept per norm list across checks."""

    def __init__(self, texts: tuple[str, ...]) -> None:
        self._joined = "\x00".join(texts)
        self._starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0)) if texts else []
        self._counts: dict[str, int] = {}

    @classmethod
    def of(cls, texts: tuple[str, ...]) -> _DocFreq:
        got = _DF.get(id(texts))
        if got is None or got[0] is not texts:
            if len(_DF) > 4:
                _DF.clear()
            got = _DF[id(texts)] = (texts, cls(texts))
        return got[1]

    def count(self, term: str) -> int:
        got = self._counts.get(term)
        if got is not None:
            return got
        joined, starts, n = self._joined, self._starts, 0
        pos = joined.find(term)
        while pos >= 0:
            n += 1
            i = bisect.bisect_right(starts, pos)  # the next text starts at starts[i]
            if i >= len(starts):
                break
            pos = joined.find(term, starts[i])
        self._counts[term] = n
        return n


_DF: dict[int, tuple[tuple[str, ...], _DocFreq]] = {}


class RuleJudge(Judge):
    """Shared words weighted by rarity among norms, with the polarity of each word on both sides.

    A word negated in the norm ("无许可证的单位") agrees with the same word negated in the fact
    ("未取得…许可证"); a word the fact removes or denies ("散煤替代", "不设排污口") means the project
    avoids what the norm is about.
    """

    name = "rule"

    def __init__(self, params: JudgeParams | None = None) -> None:
        self.params = params or JudgeParams()
        self._texts: tuple[str, ...] = ()
        self._df = _DocFreq(())
        self._fallbacks: dict[str, tuple[Norm, str]] = {}

    def prepare(self, norms: Iterable[Norm]) -> None:
        norms = tuple(norms)
        texts = _norm_texts(norms)
        if texts is not self._texts:
            self._texts, self._df = texts, _DocFreq.of(texts)
            self._fallbacks = fallback_duties(norms)

    def shares_specific(self, fact: Fact, norm: Norm) -> bool:
        return any(t in fact.norm_text and self.weight(t) >= self.params.specific for t in content_terms(norm.quote))

    def weight(self, term: str) -> float:
        if term in GENERIC_WORDS:
            return 0.15
        df = self._df.count(term)
        idf = math.log((len(self._texts) + 1) / (df + 0.5))
        return max(0.3, min(idf, 6.0)) * (1.0 if len(term) >= 2 else 0.5)

    # -- matching --------------------------------------------------------------------------------------
    @staticmethod
    def _fact_state(term: str, fact: Fact, wide: bool = False) -> str:
        """Polarity of a norm word in the fact (or, when wide, anywhere in the proposal); "" if absent."""
        if wide:
            got = fact.wide_memo.get(term)
            if got is None:
                got = fact.wide_memo[term] = RuleJudge._state(term, fact, wide)
            return got
        key = (term, wide)
        got = fact.memo.get(key)
        if got is None:
            got = fact.memo[key] = RuleJudge._state(term, fact, wide)
        return got

    @staticmethod
    def _state(term: str, fact: Fact, wide: bool) -> str:
        norm = fact.whole if wide and fact.whole else fact.norm_text
        mentions = fact.all_mentions if wide else fact.mentions
        # A word inside a phrase the lexicon reads as a denial ("验收待正式生产一年后再办理") takes the
        # phrase's polarity, not the one read around the word.
        own = not wide and not fact.parts  # a sentence fact's mentions carry their offsets in its text
        denied = [span for m in mentions
                  if m.state != PRESENT and term in m.surface and any(term in t for t in m.terms)
                  # only where this mention stands: "不另行办理夜间施工手续" does not deny "夜间进行桩基作业"
                  for span in ([(m.start, m.end)] if own and norm[m.start:m.end] == _normalized(m.surface)
                               else _denied_occurrences(_normalized(m.surface), norm))]
        states: list[str] = []
        labels: list[str] = []
        for a0, b0 in word_spans(term, load_lexicon().masked(norm)):  # "人工湿地" names no 湿地
            if not any(a <= a0 and b0 <= b for a, b in denied):
                st = state_at(norm, a0, b0, proposal=True)
                if in_permit_name(norm, a0, b0):
                    continue  # "未取得夜间施工证明" lacks a paper, a paper held says no more: neither tells when work is done
                (labels if in_label(norm, a0, b0) else states).append(st)
        for m in mentions:
            # (a paper's name tells nothing of the thing it is named after: "暂未办理危险废物经营许可证" does not deny
            # the 危险废物 the works collects)
            if any((term in t and not (_PAPER.search(t) and not _PAPER.search(term))) or (len(t) >= 2 and t in term)
                   for t in m.terms):
                if denied and m.state == PRESENT and _overlaps(m.surface, norm, denied):
                    continue  # "竣工验收" inside "竣工验收待…后再办理"
                (labels if m.label else states).append(m.state)
        states = states or labels  # a label word counts only when the fact says nothing more of it
        if states:  # "废矿物油（HW08）…未取得危险废物经营许可证": the waste is present, the licence is not
            return PRESENT if PRESENT in states else states[0]
        ctx = fact.context.get(term)
        if ctx is None:
            for t, st in fact.context.items():
                # a short word inside a place name is not that place ("噪声" in 噪声敏感建筑物集中区域)
                if (len(term) >= 4 and term in t) or (len(t) >= 3 and t in term):
                    return st
        return ctx or ""

    def _match(self, text: str, fact: Fact, wide: bool = False) -> Match:
        """Weights of the norm text's word groups by how the fact relates to each."""
        ntext = _normalized(text)
        out = Match()
        unmet: list[tuple[int, float]] = []  # norm-negated words the fact never mentions, at their place in the norm
        both_denied: list[tuple[int, str]] = []  # words the norm and the fact both deny
        for g in term_groups(text):
            w = max(self.weight(t) for t in g)
            out.total += w
            out.strong_total += w >= 1.0
            for t in g:
                st = self._fact_state(t, fact, wide)
                if not st or (t in _BARE_PAPERS and _other_papers_only(t, ntext, fact, wide)):
                    continue  # "食品生产许可证正在办理" names no paper of "无经营许可证…"
                i = ntext.find(t)
                if st == NEGATED and i >= 2 and _PAPER.search(t) and self._own_paper_held(ntext[i - 2:i + len(t)], fact,
                                                                                          wide):
                    # "无经营许可证的单位" and "委托有危险废物经营许可证的单位", with "排污许可证将于投产前申请" elsewhere:
                    # the paper the norm names is held; another one is what is still to come
                    st = PRESENT
                nst = state_at(ntext, i, i + len(t)) if i >= 0 else PRESENT
                out.words.append(t)
                out.strong += w >= 1.0
                fst = NEGATED if st == REMOVED else st
                # (the paper of the party the thing is handed to, "委托给无许可证的单位", is not the project's own)
                pending = self._paper_pending(t, fact, wide) \
                    if nst != PRESENT and fst == PRESENT and not handed_over(ntext, i) else ""
                if pending:
                    # "无许可证…从事收集经营" and "许可证申请材料已报送，目前处于审查阶段": applied for is not held
                    out.agree += w
                    out.pending = out.pending or pending
                elif nst != PRESENT and fst == PRESENT:
                    out.norm_denies += w  # "无许可证的单位" vs "有资质单位"
                elif fst != PRESENT and nst == PRESENT and wide and st == NEGATED and i >= 0 \
                        and _NOT_YET_AFTER.match(ntext, i + len(t)) and _fact_undone(t, fact, wide):
                    # "环境影响评价文件未依法经审查的" and "报告书拟在试生产阶段报送审批": a paper put off is one not yet
                    # through its procedure, the case the condition names
                    out.agree += w
                elif fst != PRESENT and nst == PRESENT:
                    out.fact_denies += w  # "不设排污口", "散煤替代"
                    out.fact_removes += w if st == REMOVED else 0.0
                    out.fact_defers += w if st == NEGATED and _fact_undone(t, fact, wide) else 0.0
                else:
                    out.agree += w
                    if fst != PRESENT and i >= 0:
                        both_denied.append((i, t))
                break
            else:
                i = ntext.find(g[0])
                if i >= 0 and state_at(ntext, i, i + len(g[0])) != PRESENT:
                    unmet.append((i, w))
                    if w >= 1.0:
                        out.unmet_negated += w  # generic words ("无…的单位") establish nothing
        for i, w in unmet:
            # "未取得排污许可证的" and "排污许可证待投产后再申请": a procedure the fact puts off until after the project
            # starts operating is not obtained when it operates, whatever verb the norm denies with it.
            if any(j > i and not SEGMENT_END.search(ntext, i, j) and _deferred_past_start(t, fact, wide)
                   for j, t in both_denied):
                out.agree += w
                out.unmet_negated -= w if w >= 1.0 else 0.0
                out.past_start = True
        return out

    @staticmethod
    def _own_paper_held(paper: str, fact: Fact, wide: bool) -> bool:
        """The paper, with the word before it that names its kind ("经营许可证"), stands affirmed in the fact."""
        text = fact.whole if wide and fact.whole else fact.norm_text
        return any(state_at(text, m.start(), m.end(), proposal=True) == PRESENT
                   for m in re.finditer(re.escape(paper), text))

    @staticmethod
    def _paper_pending(term: str, fact: Fact, wide: bool) -> str:
        """"running" when every mention of the paper says it is applied for or being obtained and the proposal says the
        works already run; "pending" when only the first holds; else ""."""
        if not _PAPER.search(term):
            return ""
        text = fact.whole if wide and fact.whole else fact.norm_text
        spans = word_spans(term, text)
        if spans and not any(_HELD_BEFORE.search(text[segment_start(text, a):a]) for a, _b in spans) \
                and _PAPER_PUT_OFF.search(fact.whole or text):
            # "危险废物经营许可证审批周期较长…边试运行边接收废炭，待生产稳定…后再向省生态环境厅申请经营许可": named, never
            # held, applied for only later; run meanwhile ("边试运行边接收") is run without it
            whole = fact.whole or text
            return "running" if already_running(whole) or _MEANWHILE.search(whole) else "pending"
        if not spans or not all(in_progress(text, a, b) for a, b in spans):
            return ""
        return "running" if already_running(fact.whole or text) else "pending"

    def _best_alternative(self, action: str, fact: Fact, wide: bool = False,
                          split: re.Pattern[str] | None = None) -> Match:
        """A norm often lists several acts ("擅自填埋自然湿地，擅自采砂、采矿、取土"; "…喇叭或者采用其他…方法"):
        the fact needs to match one of them, so the best-covered act counts."""
        least = 2 if split is None else 1  # an act needs two words to stand alone, a condition one
        alts = [a for a in (split or _ALT_SPLIT).split(action) if len(content_terms(a)) >= least]
        alts = (alts if len(alts) > 1 else []) + (self._instances(action) + _lead_list_objects(action)
                                                  + _object_list_acts(action) if split is None else [])
        # A condition holds when one of its alternatives does ("未经审查或者审查后未予批准的"): the one the fact
        # agrees with most counts, not one it shares words with only to deny them.
        # ("验收不合格的" is not the case of "完成竣工环保验收": its word the norm denies, 合格, the fact never says is missing)
        def key(m: Match) -> float:
            return ((m.agree if split is not None else m.matched) / m.total) if m.total else 0.0

        def unsaid(text: str, m: Match) -> bool:
            # "验收不合格的" is not the case of "完成竣工环保验收" with "不合格秸秆" sentences away: that a thing failed a
            # test is said of that thing
            if split is None or not wide or not _NOT_QUALITY.search(text):
                return False
            # "检疫不合格产品" says nothing of 验收: the thing that failed must be the alternative's own
            things = [t for t in content_terms(_NOT_QUALITY.sub("", text)) if t not in GENERIC_WORDS]
            return (bool(things) and not any(t in m.words for t in things)) or not _said_together(m.words, fact)

        whole = self._match(action, fact, wide)
        cands = [(action, whole)] + [(alt, self._match(alt, fact, wide)) for alt in alts]
        kept = [m for text, m in cands if not unsaid(text, m)]
        best = kept[0] if kept else whole
        for m in kept[1:]:
            if key(m) > key(best):
                best = m
        return best

    def _refused_part(self, action: str, fact: Fact, case: str | None = None) -> Match | None:
        """The part of a duty of several parts (cut at commas) that the fact refuses: most of its words denied (not
        done away with). Strongly, when the duty's case is given: denied in rare words, not put off ("在密闭空间…中进行"
        and "在…露天场地进行"); a part listing stages ("产生、收集、贮存…全过程") names what the duty covers, and a fronted
        object ("对泄漏的物料") names its case, so neither is refused by one word denied."""
        strong = case is not None
        if case:
            here = self._match(case, fact)
            if here.fact_denies - here.fact_defers > 0 and here.fact_denies >= here.agree:
                return None  # "不使用地下水": the sentence denies the duty's case (地下取用水资源), not the duty
        for part in _ALT_SPLIT.split(action):
            if len(content_terms(part)) < 2 or (strong and ("、" in part or _topic_only(part))):
                continue
            m = self._match(part, fact)
            denied = m.fact_denies - m.fact_removes
            if not strong:
                if denied > 0 and denied >= 0.5 * m.matched:
                    return m
                continue
            if any(w in (case or "") for w in m.words):
                continue  # "不再新增矸石堆存" denies more of the waste the duty's case is about, not the duty
            if m.fact_defers == 0 and denied >= self.params.specific and denied >= 0.5 * m.matched:
                return m
        return None

    def _failed_standard_unsaid(self, condition: str, fact: Fact) -> bool:
        """The case is a thing that fails a standard ("不符合强制性节能标准的项目…") and the proposal never speaks of that
        standard: a plant that is built and runs is not shown to be such a thing."""
        m = _FAILS_STANDARD.search(condition)
        if m is None:
            return False
        words = [t for t in content_terms(m.group(1)) if t not in GENERIC_WORDS and self.weight(t) >= 1.0]
        return bool(words) and not any(self._fact_state(t, fact, wide=True) for t in words)

    def _treatment_refused(self, action: str, fact: Fact) -> bool:
        """A duty that a thing go through a treatment ("…污水经过消毒处理") whose thing the fact has and whose treatment
        it denies in every word ("未经消毒处理")."""
        m = _TREATED.match(action.strip())
        if m is None:
            return False
        thing = [t for t in content_terms(m.group(1)) if self.weight(t) >= 1.0]
        treatment = [t for t in content_terms(m.group(2)) if t not in GENERIC_WORDS]
        return bool(thing) and bool(treatment) \
            and all(self._fact_state(t, fact) == PRESENT for t in thing) \
            and all(self._fact_state(t, fact) == NEGATED for t in treatment)

    def _instances(self, action: str) -> list[str]:
        """"通过偷排、篡改…、不正常运行…设施等逃避监管的方式排放大气污染物": the items before 等 are instances of the
        class after it, so each item with the rest of the act, and the class with the rest, are acts of their own."""
        m = _ETC.search(action)
        if m is None:
            return []
        head, tail = action[: m.start()], action[m.end():]
        words = content_terms(tail)
        if len(words) < 2 or not any(t not in GENERIC_WORDS and self.weight(t) >= 1.0 for t in words):
            return []  # "…等活动", "…等服务": the class says nothing by itself
        lead = re.match(r"^(?:通过|采取|采用|以|利用|使用)", head)
        items = [x for x in _ENUM_SPLIT.split(head[lead.end() if lead else 0:]) if content_terms(x)]
        return [tail] + [x + tail for x in items] if len(items) > 1 else []

    def _scope_match(self, scope: str, fact: Fact) -> Match:
        """A scope usually lists alternative places ("在生态保护红线区域、永久基本农田集中区域和其他需要特别
        保护的区域内"): the project needs to be in one of them, so the best-agreeing place counts."""
        best = self._match(scope, fact, wide=True)
        # "养老院等单位周边" split off leaves "单位周边": a relation to places, no place of its own
        alts = [a for a in _SCOPE_SPLIT.split(scope)
                if any(t not in GENERIC_WORDS and not _NEAR_SCOPE.fullmatch(t) for t in content_terms(a))]
        for alt in alts if len(alts) > 1 else []:
            m = self._match(alt, fact, wide=True)
            if len(set(m.words)) == 1:
                terms = [t for t in content_terms(alt) if t not in GENERIC_WORDS]
                if len(terms) >= 2 and m.words[0] == terms[-1]:
                    continue  # "综合服务楼" shares only the head of "商住综合楼": the kind of place is its modifier
            if m.total and m.agree / m.total > (best.agree / best.total if best.total else 0.0):
                best = m
        return best

    def _addressed(self, action: str, fact: Fact, share: float) -> bool:
        """The duty is met in the fact or anywhere in the proposal ("废气经布袋除尘后排放" for "采取措施防治废气"),
        its reference to where the rule is written ("依照…的规定") aside."""
        duty = DUTY_REFERENCE.sub("", action, count=1) or action
        # "…进行环境影响评价，并遵守国家有关建设项目环境保护管理的规定": the closing reference to other rules is no
        # measure a proposal can show
        duty = _OBEY_RULES.sub("", duty) or duty
        # "将环境影响登记表报…县级环境保护行政主管部门备案": the body it goes to is the law's to name, the filing the
        # proposal's to state ("已…完成网上备案")
        duty = _TO_AUTHORITY.sub(r"\1", duty)
        conform = _CONFORM.match(action.strip())
        if conform:
            # "按照排污许可证的要求排放污染物": conduct by a document the proposal states it holds is all a proposal
            # can show of such a duty.
            text = fact.whole or fact.norm_text
            held = [t for t in content_terms(conform.group(1)) if t not in GENERIC_WORDS]
            if held and all(word_spans(t, text) and self._fact_state(t, fact, wide=True) == PRESENT for t in held):
                return True
        for wide in (False, True):
            m = self._best_alternative(duty, fact, wide=wide)
            # a measure put off ("脱硫设施待以后再建设") does not meet the duty
            if m.total and (m.matched - m.fact_defers if not wide else m.agree) / m.total >= share:
                return True
        listed = _LISTED_FACILITIES.search(duty)
        if listed:
            # "配套建设除尘、脱硫、脱硝等装置" and "锅炉烟气治理设施（SCR+电袋除尘+湿法脱硫）": every facility listed is
            # named in place, however the works came by them
            items = [t for x in listed.group(1).split("、") for t in content_terms(x)[-1:]]
            if len(items) >= 2 and all(self._fact_state(t, fact, wide=True) == PRESENT for t in items):
                return True
        return _measure_stated(duty, fact)

    def _denied_elsewhere(self, action: str, a: Match, fact: Fact) -> bool:
        """A word of the forbidden act this fact lacks is denied elsewhere in the proposal ("夜间不安排施工"
        and this fact is "施工围挡内侧加装隔声屏"): the project states it does not do the act that way."""
        for g in term_groups(action):
            if any(t in a.words for t in g) or max(self.weight(t) for t in g) < 1.0:
                continue
            if any(self._fact_state(t, fact, wide=True) in (NEGATED, REMOVED) for t in g):
                return True
        return False

    def _party_absent(self, norm: Norm, fact: Fact) -> bool:
        """The norm binds a named kind of party ("畜禽养殖场、养殖小区应当…", "医疗卫生机构应当…") that the
        proposal never names: a coking plant is not bound by a livestock farm's duties."""
        subject = norm.subject
        if _PERSONS.fullmatch(subject):
            return True  # "公民应当…对生活废弃物进行分类放置": a person's duty, not a works'
        if not subject:
            return False
        parties = [x for x in _KIND_LIST.split(subject) if _kind_words(x)]

        def absent(party: str) -> bool:
            # "城镇污水集中处理设施的运营单位": the party that runs a kind of works is one only where the proposal has
            # those works (a wool scourer's settling-tank sludge makes it no sewage works); a party of a kind named
            # only as what the project hands over ("电镀污泥…交由…回收站收购") is not the project either
            owner = _OWNER_PARTY.fullmatch(party)
            if owner:
                return self._owner_absent(owner.group(1), fact)
            return self._one_party_absent(party, fact) or self._other_party(_kind_words(party), fact)

        if "的" in subject:
            if not parties or not all("的" not in x or _OWNER_PARTY.fullmatch(x) for x in parties):
                return False  # a conditional subject ("产生危险废物的单位"), judged as a condition
            return all(absent(x) for x in parties)
        if not parties:
            return False
        maker = _MAKER.fullmatch(subject)
        products = [x for x in _KIND_LIST.split(maker.group(1)) if _product_words(x)] if maker else []
        if products:
            # "机动车、非道路移动机械生产企业": makers of those things; a works that only uses one (铲车) is not bound
            return not any(_makes(product, fact) for product in products)
        return all(absent(x) for x in parties)

    def _works_kind_absent(self, norm: Norm, action: str, fact: Fact) -> bool:
        """A ban on building a kind of works ("禁止在下列区域内建设畜禽养殖场、养殖小区") and a proposal that never names
        such works: sharing the words that qualify them (畜禽, 养殖, from 沼液 read as 畜禽养殖废弃物) is not being one."""
        m = _BUILD_WORKS.match(action.replace(" ", ""))
        if norm.modality != "prohibition" or m is None:
            return False
        works = [t for t in content_terms(m.group(1)) if _WORKS_HEAD.search(t) and len(t) >= 3]
        return bool(works) and not any(self._fact_state(t, fact, wide=True) == PRESENT for t in works)

    @staticmethod
    def _others_trade(surface: str, fact: Fact) -> bool:
        """_others_trade on the whole proposal, read once per proposal (the judge asks it for every norm)."""
        key = "others:" + surface
        got = fact.wide_memo.get(key)
        if got is None:
            got = fact.wide_memo[key] = "1" if _others_trade(surface, fact.whole or fact.norm_text) else ""
        return got == "1"

    def _lead_party_absent(self, norm: Norm, fact: Fact) -> bool:
        """The act opens with the kind of party it is asked of ("燃煤单位采用…", "燃油机动车驾驶人在…熄灭发动机"),
        under a subject that only speaks for the state (国家, 各级人民政府, none), and the proposal is none of them."""
        if norm.subject and not _STATE_SUBJECT.fullmatch(norm.subject):
            return False
        m = _LEAD_PARTY.match(norm.action)
        if not m:
            return False
        parties = [p for p in _KIND_LIST.split(m.group(1)) if _kind_words(p)]
        return bool(parties) and all(self._one_party_absent(p, fact) for p in parties)

    def _act_head_unsaid(self, action: str, fact: Fact) -> bool:
        """A restriction of an act named last, as a noun after 的 ("高灰分煤炭的开采"), that the fact never does."""
        tail = action.strip("，。；;, ").rpartition("的")[2]
        tags = tagged(tail) if 2 <= len(tail) <= 4 else []
        return len(tags) == 1 and tags[0][1] in ("v", "vn") and self._fact_state(tail, fact) != PRESENT \
            and self._fact_state(tail, fact, wide=True) != PRESENT

    def _final_act_unsaid(self, norm: Norm, fact: Fact) -> bool:
        """The act an encouragement ends in ("…进行综合利用", "…实施无害化处理") is named by none of its words in the fact."""
        m = _FINAL_ACT.search(split_norm(norm)[1].strip("，。；;, "))
        words = [t for t in content_terms(m.group(1)) if t not in GENERIC_WORDS] if m else []
        return bool(words) and not any(self._fact_state(t, fact, wide=True) == PRESENT for t in words)

    def _owner_absent(self, works: str, fact: Fact) -> bool:
        """The proposal has none of the works a party runs: neither the works by name nor every specific word of it."""
        if works in fact.norm_text or any(works in m.terms for m in fact.all_mentions if m.state == PRESENT):
            return False
        # the works by a name of its kind ("县污水处理厂"), where it is the project's and not where it sends to
        # ("废水进入园区污水处理厂", "运至县城污水处理厂")
        text = fact.whole or fact.norm_text
        for kind in load_lexicon().kinds_of(works):
            for m in re.finditer(re.escape(kind), text):
                if not handed_over(text, m.start()) and not _SENT_INTO.search(text, segment_start(text, m.start()),
                                                                              m.start()):
                    return False
        words = [t for t in _kind_words(works) if self.weight(t) >= 1.0]
        return not words or not all(self._fact_state(t, fact) == PRESENT for t in words)

    def _one_party_absent(self, party: str, fact: Fact) -> bool:
        words = _kind_words(party)
        # Each kind named is known by its last word ("建筑垃圾消纳场" is a 消纳场, not 建筑): a word that only
        # modifies it does not make the proposal that party.
        heads = _kind_heads(party)
        if any(self._fact_state(t, fact, wide=True) == NEGATED for t in words
               if t not in heads and self.weight(t) >= 1.0 and t not in GENERIC_WORDS):
            return True  # "本中心不接收医疗废物": not the party that handles the thing (医疗废物集中处置单位)
        return not any(self._fact_state(t, fact, wide=True) == PRESENT for t in heads or words)

    def _alternative_held(self, scope: str, fact: Fact) -> bool:
        """Of places the scope lists as alternatives ("核心区和缓冲区内"), the fact denies one and is in another: "核心区
        外围的缓冲地带" is outside the core and inside the buffer, which the scope names as well."""
        for m in _SCOPE_PAIR.finditer(scope):
            states = {self._fact_state(m.group(1), fact), self._fact_state(m.group(2), fact)}
            if states >= {PRESENT, NEGATED}:
                return True
        return False

    def _kind_bound(self, norm: Norm, condition: str, fact: Fact) -> bool:
        """An unconditional duty of a kind of enterprise ("工业涂装企业", "畜禽养殖场") that the proposal is: the subject
        is kind words followed by at most a general party word, one of them specific, and every kind word is a trade
        or process the proposal affirms (a material it handles, "危险废物经营单位", does not make it that party)."""
        subject = norm.subject
        if norm.modality != "obligation" or condition or not subject or "的" in subject or _ENUM_SPLIT.search(subject):
            return False
        if _WORKS_PARTY.match(subject):
            # "工程施工单位", "建筑施工单位": the party of building works, which a project that builds is; unless it says
            # it has none of the things the duty is about ("不设取土场和弃土场", "不使用建筑垃圾": no spoil to remove)
            # (each a 固体废物: "不设弃土场" says there is none of it)
            things = [t for t in content_terms(norm.action) if _WASTE_THING.search(t)]
            things += ["固体废物"] if things else []
            # (of "建筑垃圾等固体废物" the kind named, not the class: a gangue dump's waste is no building rubble)
            kinds = [t for t in things if t not in _WASTE_CLASSES] or things
            states = [RuleJudge._fact_state(t, fact, wide=True) for t in kinds]
            if kinds and PRESENT not in states:
                # (nor one that names none of them: "施工期裸土全部覆盖防尘网" makes no spoil or rubble the duty is about)
                return False
            # (in the sentence that tells the works, which the finding shows, in so many words: "申报县级技改项目贴息
            # 补助" tells none, and a 技改 read as 改建 builds nothing by that name)
            return any(t in fact.norm_text and RuleJudge._fact_state(t, fact) == PRESENT for t in _WORKS_ACTS)
        # "燃煤电厂和其他燃煤单位": the catch-all after 其他 is the class bound; a works of it need be no power plant
        catch_all = _CLASS_AFTER_OTHER.match(subject)
        kind = _kind_words(catch_all.group(1) if catch_all else subject)
        if not kind or max(self.weight(t) for t in kind) < self.params.specific:
            return False
        # (a class by what it burns or uses, "燃煤单位", is a works that states it uses that: its energy too)
        fields = ("industry", "process", "energy") if catch_all else ("industry", "process")
        trades = {t for m in fact.all_mentions if m.state == PRESENT and m.field in fields
                  and not self._others_trade(m.surface, fact) for t in m.terms}
        return all(any(k in t for t in trades) for k in kind)

    def _other_party(self, words: Sequence[str], fact: Fact) -> bool:
        """A specific word of the duty's condition occurs in the proposal only as what another party does ("由市医疗废物
        集中处置中心每日上门收运" for "从事医疗废物集中处置活动的单位"): the project hands the work over, it is not that
        party."""
        text = fact.whole or fact.norm_text
        for w in words:
            if self.weight(w) < self.params.specific:
                continue
            spans = word_spans(w, text)
            if spans and all(handed_over(text, a) for a, _ in spans):
                return True
        return False

    def _act_unstated(self, condition: str, fact: Fact) -> bool:
        """The condition names its party by a generic act done to a thing ("产生工业固体废物的单位") and the proposal has
        the thing but never says it does that act: a land reclamation that takes a smelter's slag does not produce it."""
        if _EXTRACT_CASE.search(condition):
            # "在黄河流域开发煤层气、致密气等非常规天然气的" and a plant fired with natural gas: the case is taking the
            # thing out of the ground, which a user of it never says it does
            text = fact.whole or fact.norm_text
            return not any(state_at(text, m.start(), m.end(), proposal=True) == PRESENT
                           for m in _EXTRACT_ACT.finditer(text))
        acts = _HANDLING_ACTS.search(condition)
        if acts is not None and "产生" not in acts.group(1):
            # "利用、处置固体废物的单位" and a dairy whose sludge goes to a compost works ("交…综合利用", "委托…处置"):
            # none of the acts is the project's own
            text = fact.whole or fact.norm_text
            own = [a for a in acts.group(1).split("、")
                   if any(not handed_over(text, i) for i, _j in word_spans(a, text))]
            return not own
        m = _GENERIC_ACT.search(condition)
        if m is None:
            return False
        if self._fact_state(m.group(1), fact, wide=True) != PRESENT:
            return True
        # the act must be said of the thing ("渗滤液产生量" does not make a landfill's closure works a producer of
        # 生活垃圾): some mention of the thing has the act close by
        thing = m.group(2)
        text = fact.whole or fact.norm_text
        spans = word_spans(thing, text)
        return bool(spans) and not any(_PRODUCED.search(text[max(0, a - 8): b + 8]) for a, b in spans)

    def _head_missing(self, condition: str, fact: Fact) -> bool:
        """A part of the condition names an object the proposal never has ("在其他江河、湖泊上建设水工程": a plant
        by a river that starts building builds no 水工程): the place and the act around it are only its context."""
        for group in condition_heads(condition):
            if max(self.weight(t) for t in group) < 1.0:
                continue  # a generic head ("项目", "行为") does not narrow the condition
            if not any(self._fact_state(t, fact, wide=True) == PRESENT for t in group):
                return True
        m = _CLASSED.match(condition.strip("，；;, "))
        if m:
            # "实验室固体废物属于危险废物的": the thing classed is the 实验室's waste; another waste that is also
            # hazardous (焦油渣) is not the case. Every specific word of the thing must be there.
            words = [t for t in content_terms(m.group(1)) if self.weight(t) >= 1.0 and t not in _PARTIES]
            if any(self._fact_state(t, fact, wide=True) != PRESENT for t in words):
                return True
        return False

    def _object_missing(self, action: str, fact: Fact) -> bool:
        """The forbidden act is done to a thing named after its last 的 ("指定编制…报告书的技术单位", "新建…产生油烟的
        餐饮服务项目") and the fact never has that thing: the words of the clause before 的 only describe it."""
        if _ALT_SPLIT.search(action.strip("，；;, ")):
            return False  # several acts: the best-matched one is judged as a whole
        i = action.rfind("的")
        tail = action[i + 1:].strip("，。；;, ")
        if _WORKS.match(action.strip()) and _PROJECT_ITSELF.fullmatch(tail):
            return False  # "新建…与供水设施…无关的建设项目": the proposal is such a project; what it is, the clause says
        if i >= 0 and "从事" in action[:i] and re.search(r"(?:活动|行为|工作)$", tail):
            # "从事…收集、贮存…的经营活动": the acts named again as a noun, not a thing they are done to ("开展可能造成
            # 水土流失的生产建设活动" names a kind of activity the project must be)
            return False
        tags = tagged(tail) if i >= 0 and len(tail) <= 12 and "、" not in tail else []
        vpos = next((k for k, (_w, f) in enumerate(tags) if f == "v" and k > 0), 0)
        thing = "".join(w for w, _f in tags[:vpos])
        # "…的方法进行广告宣传": a means and a light verb; the act is the advertising, not a thing put somewhere
        if thing and tags[vpos][0] not in ("进行", "予以", "加以", "实施", "作出") \
                and not re.fullmatch(r"方法|方式|手段|形式", thing):
            # "…超标的污泥进入农用地": the act goes on after the thing (进入农用地); the thing itself (污泥) must be there
            named = [t for t in content_terms(thing) if t not in _PARTIES and self.weight(t) >= self.params.specific]
            if named and not any(self._fact_state(t, fact) == PRESENT for t in [*named, thing]):
                return True
        # Only a short noun phrase ends the act; a list ("用能设备、生产工艺") or a catch-all ("以及其他…的物质")
        # names a class its items belong to, and a longer tail goes on with another act.
        # "秸秆、落叶等产生烟尘污染的物质": the items before 等 are instances of the thing, and name it.
        if i < 0 or not 2 <= len(tail) <= 8 or "、" in tail or "其他" in action[:i] or _ETC.search(action[:i]):
            return False
        words = [t for t in content_terms(tail) if t not in _PARTIES and self.weight(t) >= 1.0]
        if not words and tail not in GENERIC_WORDS and all(w in _PARTIES or w in GENERIC_WORDS for w in content_terms(tail)) \
                and len(content_terms(tail)) >= 2:
            words = [tail]  # "工业企业": two party words make a kind of party
        return bool(words) and not any(self._fact_state(t, fact) == PRESENT for t in [*words, tail])

    def _paper_lacked_stated(self, condition: str, fact: Fact) -> bool:
        """The condition is a paper not obtained or approved ("…文件未依法经审批部门审查或者审查后未予批准的") and the fact
        says the paper, by a word of what it is about or the lexicon's reading of one, is lacking ("未取得环境影响评价批复",
        "环评未批")."""
        if not _UNAPPROVED_CASE.search(condition):
            return False
        # what the paper is about (环境影响评价), not the procedure (审查, 批准), the polarity (未予) or the project
        words = [t for t in content_terms(condition) if t not in GENERIC_WORDS and t not in _PARTIES
                 and not _POLARITY_WORDS.match(t) and not _PROCEDURE_WORD.fullmatch(t)
                 and not _PROJECT_ITSELF.fullmatch(t)]
        text = fact.norm_text
        # (a fact of several sentences holds its mentions' offsets in their own sentence: find the surface)
        spans = [sp for key in words for sp in word_spans(key, text)] + \
            [sp for m in fact.mentions if any(k in t for t in m.terms for k in words)
             for sp in word_spans(_normalized(m.surface), text)]
        if any(_LACKED_BEFORE.search(text[segment_start(text, a):a]) or _LACKED_AFTER.match(text[b:])
               for a, b in spans):
            return True
        # (or under way wherever the proposal names it: "环境影响报告书已委托…编制，预计…报…审批" is an assessment not
        # yet done, the case "未依法进行环境影响评价的"; a change of a paper held, put off to before the start, is not)
        # (by a word of four characters or more, 环境影响: "评价" is also a flood study's, "许可证" any licence's)
        whole = fact.whole or text
        for key in (w for w in words if len(w) >= 4):
            named = word_spans(key, whole)
            if named and all(in_progress(whole, a, b) for a, b in named):
                return True
        return False

    def _lacked_paper_unnamed(self, condition: str, fact: Fact) -> bool:
        """"未取得排污许可证的" holds of a project that lacks that paper: a proposal that lacks another one ("该公司暂未
        取得危险废物经营许可证") or never names it is not the case, whatever verb the two share."""
        ncond = _normalized(condition)
        if "或" in ncond:
            return False  # "未取得许可证或者超出许可范围的": another alternative may hold
        for m in _LACKED_PAPER.finditer(ncond):
            # (the paper is the noun the phrase ends in: "未取得…水行政主管部门…签署的符合…要求的规划同意书的" lacks a
            # 规划同意书, not a 县级 authority's anything)
            whole = _LACKED_PAPER_PHRASE.match(ncond, m.start())
            paper = whole.group(1).rsplit("的", 1)[-1] if whole and "的" in whole.group(1) else m.group(1)
            if self._paper_unsaid([t for t in content_terms(paper) if t not in GENERIC_WORDS and self.weight(t) >= 1.0],
                                  fact):
                return True
        return False

    def _paper_unsaid(self, words: list[str], fact: Fact) -> bool:
        """The proposal names none of the words of a paper, in any state (held, lacked, put off)."""
        return bool(words) and not any(self._fact_state(t, fact, wide=True) for t in words)

    def _other_zone(self, scope: str, fact: Fact) -> bool:
        """The norm's zone is a designated zone with its own modifier ("二级保护区") and every place of that kind the
        proposal puts the project in carries another modifier the library uses for a zone of its own ("准保护区",
        "一级保护区"): a zone named with a different modifier is a different zone. A zone named without one
        ("水源保护区") is left to the words."""
        nscope = _normalized(scope)
        text = fact.whole or fact.norm_text
        levels = set(_ZONE_LEVEL.findall(nscope))
        if levels:
            # "水源保护区二级保护范围内": the level the proposal writes after the zone's name
            said = {m.group(1) for m in _ZONE_LEVEL_SAID.finditer(text)
                    if state_at(text, m.start(), m.end(), proposal=True) == PRESENT}
            if said and not said & levels:
                return True
        for z in _zone_words():
            for i in (m.start() for m in re.finditer(re.escape(z), nscope)):
                before = nscope[:i]
                terms = content_terms(before)
                mod = terms[-1] if terms and before.endswith(terms[-1]) else ""
                if not mod and before[-1:] and "\u4e00" <= before[-1] <= "\u9fff" and before[-1] not in _FUNCTION_CHARS:
                    mod = before[-1]  # a one-character modifier the segmenter drops ("准保护区")
                if not mod or mod in GENERIC_WORDS:
                    continue
                spans = [(a, b) for a, b in word_spans(z, text)
                         if not in_label(text, a, b) and state_at(text, a, b, proposal=True) == PRESENT]
                if not spans or any(text[:a].endswith(mod) for a, _ in spans):
                    continue
                if all(self._zone_modifier(text, a, z, before, mod) for a, _ in spans):
                    return True
        return False

    def _zone_modifier(self, text: str, a: int, zone: str, norm_before: str, mod: str) -> bool:
        """The characters before the zone word at text[a:] are a modifier the library writes onto that zone ("准" +
        保护区) and the norm does not, and the norm's own modifier does not come before it ("水源一级保护区" is a part
        of the 水源保护区)."""
        if any(text[: a - k].endswith(mod) for k in (1, 2, 3)):
            return False
        for k in (1, 2):
            p = text[max(0, a - k): a]
            if len(p) == k and re.fullmatch(r"[\u4e00-\u9fff]+", p) and p[-1] not in _FUNCTION_CHARS \
                    and p not in norm_before and self._df.count(p + zone) > 0 and not set(p) <= set(mod):
                # ("汾河干流岸线" is within "黄河干支流岸线": the fact's modifier is made of the norm's own)
                return True
        return False

    def _modifier_missing(self, action: str, fact: Fact) -> bool:
        """The object of the forbidden act is narrowed by a modifier written onto it, much rarer than the object itself
        ("占用红树林湿地"), and the fact names only the head (湿地): the project's thing is of the general class, not
        the one forbidden. A modifier about as common as its head ("自然湿地") is not held to this."""
        for phrase in _ALT_SPLIT.split(_normalized(action)):
            terms = [t for t in content_terms(phrase) if not _POLARITY_WORDS.match(t)]
            if len(terms) < 2:
                continue
            # the object's head last ("占用红树林湿地"), or the object of a first act ("取用深层地下水用于农业灌溉"): a
            # noun written onto a noun
            flags = dict(tagged(phrase))
            for k, (mod, head) in enumerate(itertools.pairwise(terms)):
                last = k == len(terms) - 2
                if not (phrase.rstrip("的").endswith(mod + head) if last else
                        (mod + head in phrase and not _ENUM_SPLIT.search(phrase)
                         and flags.get(mod, "").startswith("n") and flags.get(head, "").startswith("n"))) \
                        or mod in GENERIC_WORDS or mod in _PARTIES \
                        or any(mod in g and len(g) > 1 for g in term_groups(phrase)):
                    continue  # not a modifier written onto the head, or the last of listed acts ("丢弃、遗撒固体废物")
                if self.weight(mod) >= max(self.params.specific, self.weight(head) + 1.0) \
                        and self._fact_state(head, fact) == PRESENT and not self._fact_state(mod, fact):
                    return True
        return self._clause_modifier_missing(action, fact)

    def _permit_refused(self, action: str, a: Match, fact: Fact) -> bool:
        """The duty is to obtain a permit or an approval ("申请领取取水许可证"), the fact does what needs it, and the
        permit's own word is what the fact denies."""
        m = _OBTAIN.search(_normalized(action))
        if not m:
            return False
        denied = [w for w in a.words if self._fact_state(w, fact) == NEGATED]
        done = [w for w in a.words if self._fact_state(w, fact) == PRESENT and w not in GENERIC_WORDS]
        if not (bool(done) and any(w in m.group(0) and _PERMIT_WORD.search(w) for w in denied)):
            return False
        # the permit the fact lacks is this one: "取水许可证" asks for 取水 among what is denied, not a hazardous-waste
        # licence another sentence lacks
        qualifier = _permit_kind(m.group(0))
        text = fact.norm_text
        return not qualifier or any(
            self._fact_state(t, fact) == NEGATED
            or any(state_at(text, hit.start(), hit.end(), proposal=True) == NEGATED
                   for hit in re.finditer(re.escape(t) + r"(?:许可|证)", text))
            for t in qualifier)

    def _joined_act_denied(self, condition: str, fact: Fact) -> bool:
        """Two words of the condition written together are denied together in the fact ("自行处置医疗废物的" and "不自行
        处置，全部由…集中处置中心专车收运"), though each may be said elsewhere (处置)."""
        terms = content_terms(condition)
        for t1, t2 in itertools.pairwise(terms):
            joined = t1 + t2
            at = condition.find(joined)
            # (only an act the condition affirms: "…未依法经审批部门审查…的" is a case of lacking, denied in the fact too)
            if at < 0 or re.search(r"[未不无没非]", condition[segment_start(condition, at):at]):
                continue
            # (denied in so many words, "不自行处置": a procedure's state read as lacking, "环评…拟于年底前报送审批", is the
            # case's own lack, not the act refused)
            if re.search(rf"(?:不|未|没有?|无|不再|不会)[再会]?{re.escape(joined)}", fact.norm_text) \
                    and self._fact_state(joined, fact) == NEGATED:
                return True
        return False

    def _acts_planned(self, a: Match, norm_text: str, fact: Fact) -> bool:
        """Every verb of the norm the fact affirms is only planned where it stands ("拟从下水库所在河流取水"); where it
        is part of a paper's name ("取水许可申请尚未办理") it is not the act."""
        text = fact.norm_text
        if _AHEAD_OF_APPROVAL.search(fact.whole or text):
            return False  # "待投产后再向水利部门补办": the act will go ahead of the permit
        verbs = {w for w, flag in tagged(norm_text) if flag.startswith("v")}
        spans = [(i, j) for w in a.words if w in verbs and w not in GENERIC_WORDS and self._fact_state(w, fact) == PRESENT
                 for i, j in _mention_spans(w, fact) if not _PAPER_AFTER.match(text, j)]
        # (no act of the duty's affirmed: only the permit is named); the lexicon's phrase may hold the plan itself
        # ("补水水源拟从下水库所在河流取水")
        return not spans or _spans_planned(text, spans, within=True)

    def _final_object_denied(self, action: str, fact: Fact) -> bool:
        """One phrase of a duty to provide a thing ends in it ("配套集尘设施", "设置…严密围挡"): its last specific word
        is one the fact denies, and no word of the same group is affirmed."""
        for phrase in _ALT_SPLIT.split(_normalized(action).strip("，；;, ")):
            specific = _specific_terms(phrase)
            if len([t for t in content_terms(phrase) if not _POLARITY_WORDS.match(t)]) < 2 or not specific:
                continue
            obj = specific[-1]
            tail = phrase.rstrip("。；，")
            rest = tail[tail.rfind(obj) + len(obj):] if obj in tail else "x" * 9
            state = not rest and _FINAL_STATE.search(phrase)  # "…易产生扬尘的物料密闭": the state the duty asks for
            if len(rest) > 4 or (self.weight(obj) < self.params.specific and not state):
                continue  # the object is not what the phrase ends in ("…设施" may follow it)
            verb = _PROVIDE.search(phrase)
            if not state and (not verb or phrase.rfind(obj) < verb.end()):
                continue  # a duty to provide a thing; "减少…排放量", "达标排放" are judged by the share of words
            alts = next((g for g in term_groups(phrase) if obj in g), (obj,))
            states = [self._fact_state(t, fact) for t in alts]
            if NEGATED not in states or PRESENT in states or _other_compound(obj, phrase, fact) \
                    or _denied_by_other_act(obj, phrase, fact):
                # ("纳入施工合同" and "…卖给个体废油回收户，未签订合同": another act's thing is denied)
                continue
            if all(_fact_undecided(t, fact) for t in alts if self._fact_state(t, fact) == NEGATED):
                continue  # "地下水监测井的数量和位置待环评单位确定": still to be settled, not refused
            return True
        return False

    def _final_object_lacking(self, action: str, fact: Fact) -> bool:
        """A one-phrase act ends in its object ("转让危险废物经营许可证"), which the norm affirms and the fact only ever
        denies ("没有…许可证")."""
        act = _normalized(action).strip("，；;,。 ")
        if _ALT_SPLIT.search(act) or "其他" in act or "其它" in act:
            return False  # a catch-all ("…和其他污染物") names a class, not one thing
        specific = _specific_terms(act)
        if len(specific) < 2 or not act.endswith(specific[-1]):
            return False
        obj = specific[-1]
        i = act.rfind(obj)
        if state_at(act, i, i + len(obj)) != PRESENT:
            return False  # "委托给无许可证的单位": the norm's own case lacks it
        return self._fact_state(obj, fact) == NEGATED

    def _final_object_missing(self, action: str, a: Match, fact: Fact) -> bool:
        """A one-phrase act ending in a verb and its object ("排放大气污染物"): the verb is matched and the object, a
        specific word, is absent from the fact."""
        if _ALT_SPLIT.search(action.strip("，；;, ")):
            # "利用渗井…，私设暗管，…等逃避监管的方式排放水污染物": listed means of one act on one thing; the last
            # phrase names it for all of them
            if not _MEANS_OF_ACT.search(action.strip("，；;, ")):
                return False
            *means, action = _ALT_SPLIT.split(action.strip("，；;, "))
            if set(a.words) & {t for x in means for t in content_terms(x) if t not in GENERIC_WORDS}:
                return False  # a means named ("旱井…自然下渗" is a 渗井) carries the thing it lets away, whatever its name
        terms = [t for t in content_terms(action) if not _POLARITY_WORDS.match(t)]
        tail = _normalized(action).rstrip("。；，")
        if len(terms) < 3 or not (tail.endswith(terms[-1]) or tail[:-1].endswith(terms[-1])):  # "大气污染" + 物
            return False
        obj = terms[-1]
        if obj in GENERIC_WORDS or obj in _PARTIES or self.weight(obj) < self.params.specific \
                or (_WORKS.match(action.strip()) and _PROJECT_ITSELF.fullmatch(obj)):
            return False
        # the act done to it ("排放大气污染物", "转让危险废物经营许可证"): a verb of the norm the fact does, right before
        # the object or before one noun that qualifies it; a noun alone before it ("餐饮服务项目") describes it, and a
        # list ("用能设备、生产工艺", "…和其他废弃物") names a class the fact may name otherwise
        head = action[action.rfind("的") + 1:]  # "…或者其他有毒有害物质含量超标的污泥…": 其他 there describes the thing
        if "其他" in head or "其它" in head:
            return False
        tags = dict(tagged(action))
        if tags.get(obj) == "v":
            return False  # "将危险废物混入非危险废物中贮存" ends in the act's second verb, not in its object
        # "销售…非道路移动机械用燃料": what the things before 用 describe is the object; a works using the machinery
        # does not deal in its fuel
        used_for = tail.endswith(f"用{obj}") and tags.get(obj, "").startswith("n")
        for verb in terms[-4:-1][::-1]:
            if used_for:
                break
            between = tail[tail.rfind(verb) + len(verb): tail.rfind(terms[-1])] if verb in tail else "、"
            if _LIST_SPLIT.search(between):
                return False
            if tags.get(verb) == "v":
                # the verb done ("排放大气污染物") or not done either ("…超标的污泥进入农用地" and "污泥由个体回收户拉走"):
                # the object decides
                break
        else:
            return False
        groups = term_groups(action)
        alts = next((g for g in groups if obj in g), (obj,))
        return not any(self._fact_state(t, fact) for t in alts)

    def _target_unnamed(self, action: str, fact: Fact) -> bool:
        """A norm on turning one thing into others ("耕地转为林地、草地、园地等其他农用地"): the fact names none of what it
        would be turned into."""
        m = _TURNED_INTO.search(_normalized(action))
        if m is None:
            return False
        into = re.sub(r"等?其他[\u4e00-\u9fff]*$|等$", "", m.group(1))
        targets = [t for x in _LIST_SPLIT.split(into) for t in content_terms(x) if t not in GENERIC_WORDS]
        return bool(targets) and not any(self._fact_state(t, fact) == PRESENT for t in targets)

    def _catch_all_unmet(self, action: str, fact: Fact) -> bool:
        """An act ending in listed things and their class ("工业废渣、城镇垃圾和其他废弃物"): the fact names none of
        the things, nor the class."""
        m = _CATCH_ALL.search(_normalized(action).rstrip("。；，"))
        if m is None:
            return False
        listed = [x for x in _LIST_SPLIT.split(m.group(1)) if x]
        # each thing by its name and its head word (废渣 of 工业废渣): a modifier (工业) names no thing
        words = [w for x in [*listed, m.group(2)] for w in {x, *(content_terms(x)[-1:])} if w not in GENERIC_WORDS]
        return len(listed) >= 2 and bool(words) and not any(self._fact_state(t, fact) == PRESENT for t in words)

    def _rarest_unmet(self, action: str, a: Match) -> bool:
        """A one-phrase act whose last word group (what is done, or done to: "实行包费制"), its rarest, specific and much
        rarer than every word matched, is not matched. A verb inside the act ("投放" in "向生活垃圾收集设施中投放工业固体
        废物") is often paraphrased by applicants (放到) and is not held to this."""
        if _ALT_SPLIT.search(action.strip("，；;, ")) or not a.words:
            return False
        groups = term_groups(action)
        if len(groups) < 2:
            return False
        rarest = max(groups, key=lambda g: max(self.weight(t) for t in g))
        if rarest != groups[-1] or any(_PROJECT_ITSELF.fullmatch(t) for t in rarest):
            return False  # ("…排放污染物的建设项目": any proposal is a works, whether or not it says the word)
        top = max(self.weight(t) for t in rarest)
        return not any(t in a.words for t in rarest) and top >= self.params.specific \
            and top >= max(self.weight(t) for t in a.words) + 0.5

    def _put_elsewhere(self, action: str, fact: Fact) -> bool:
        """A ban on putting a thing into a place ("将污水排入雨水管网", "向雨水管道…倾倒污物、垃圾等废弃物"): no clause of
        the fact (between commas) names both the thing, in its words or the lexicon's, and the place."""
        act = _normalized(action)
        m = _PUT_INTO.search(act)
        if m:
            thing, place = m.group(1), m.group(2)
        else:
            m = _PUT_AT.match(act)
            if not m:
                return False
            place, thing = m.group(1), m.group(2)
        things = [t for x in _ENUM_SPLIT.split(re.sub(r"等[\u4e00-\u9fff]*$", "", thing))
                  for t in content_terms(x) if t not in GENERIC_WORDS]
        mods = {re.sub(_CONDUIT + "$", "", p_) for p_ in re.split(r"、|或者|和", place)}
        mods = {x for x in mods if len(x) >= 2}
        if not things or not mods:
            return False
        surfaces = {t: {t, *(_normalized(mm.surface) for mm in fact.mentions if t in mm.terms)} for t in things}
        for seg in re.split(r"[，,；;。]", fact.norm_text):
            has_thing = any(x in seg for t in things for x in surfaces[t])
            has_place = any(re.search(re.escape(x) + r".{0,3}?" + _CONDUIT, seg) for x in mods)
            if has_thing and has_place:
                return False
        return True

    def _place_and_act_unsaid(self, action: str, fact: Fact) -> bool:
        """The ban sends a thing to a named place by an act ("向生活垃圾收集设施中投放…"), and the fact names neither
        the place's things nor the act."""
        m = _INTO_PLACE.match(_normalized(action))
        if not m:
            return False
        verb = _normalized(action)[m.end(1):m.end()]
        place = re.sub(r"[中内里]$", "", m.group(1))
        words = [t for t in content_terms(place) if t not in GENERIC_WORDS]
        nouns = [t for t in words if t not in _ANY_PLACE and not any(f.startswith("v") for _w, f in tagged(t))]
        # the place as the lexicon reads it too ("垃圾箱" is a 生活垃圾收集设施); for the whole proposal, its words
        # gathered from sentences apart ("生活垃圾由环卫清运", "集气罩收集") name no such place either
        # (the place itself, not a shorter word inside it: 生活垃圾 is no 生活垃圾收集设施)
        named = any(place in t for x in fact.all_mentions if x.state == PRESENT for t in x.terms) \
            or place in (fact.whole or fact.norm_text)
        if not nouns or self._fact_state(verb, fact) == PRESENT or named:
            return False
        return not any(self._fact_state(t, fact) == PRESENT for t in nouns) \
            or (bool(fact.parts) and not _said_together(words, fact))

    def _destination_unstated(self, action: str, fact: Fact) -> bool:
        """The act the norm forbids goes to a named place ("向东碾河倾倒、排放"), and the fact's sentence names no
        such place (nor its class through the lexicon)."""
        m = _TO_PLACE.match(_normalized(action))
        if not m:
            return False
        words = [t for t in content_terms(m.group(1)) if t not in GENERIC_WORDS and t not in _ANY_PLACE]
        if not words:
            return False  # "直接向环境排放": the environment as a whole is wherever the act goes
        if fact.parts:
            # the whole proposal: the place must be said in a sentence that does the act ("距东碾河取水口2公里" names
            # the river, not where the waste water goes)
            acts = [t for t in content_terms(action[m.end(1):]) if t not in GENERIC_WORDS]
            return not any(any(t in n for t in words) and any(v in n for v in acts)
                           for n in (_normalized(x) for x in fact.parts))
        return not any(self._fact_state(t, fact) == PRESENT for t in words)

    def _clause_modifier_missing(self, action: str, fact: Fact) -> bool:
        """The same for a modifier written as a clause before 的 ("含有高放射性和中放射性物质的废水"): the clause's
        rarest word narrows the head, and a fact that names the head (矿井水 as 废水) without it is of the general
        class."""
        for phrase in _ALT_SPLIT.split(_normalized(action)):
            before, sep, after = phrase.rpartition("的")
            head = content_terms(after)
            if not sep or len(head) != 1 or self._fact_state(head[0], fact) != PRESENT:
                continue
            clause = re.split(r"[，、；]", before)[-1]
            mods = [t for t in content_terms(clause) if t != head[0] and t not in GENERIC_WORDS and t not in _PARTIES
                    and not _POLARITY_WORDS.match(t)]
            if not mods:
                continue
            mod = max(mods, key=self.weight)
            if self.weight(mod) >= max(self.params.specific, self.weight(head[0]) + 1.0) \
                    and not self._fact_state(mod, fact):
                return True
        return False

    def judge(self, fact: Fact, norm: Norm) -> Judgment:
        if not norm.subject and _STAGE_ONLY.fullmatch(norm.conditions.strip("，, ")):
            # "已经建成的，不得销售或者使用": a later stage of the thing an earlier sentence names (不符合建筑节能标准的
            # 建筑工程); alone it names none, and the earlier sentence's norm judges the thing
            return Judgment("not_applicable")
        if (_INDUSTRIAL_WATER.search(_NORM_HEAD.split(norm.quote, 1)[0])
                or (norm.modality == "prohibition" and _INDUSTRIAL_WATER.search(norm.action))) \
                and (_domestic_water_only(fact.norm_text)
                     or (not _WATER_WORD.search(fact.norm_text) and _domestic_water_only(fact.whole))):
            # "排放工业废水的企业应当…" and "生活污水进化粪池后接入市政污水管网": a works' household and kitchen water is
            # not the industrial waste water the duty is about; nor is a village sewage works' outflow ("尾水…用于农田
            # 灌溉", in a proposal whose waste water is all household) what "禁止向农田灌溉渠道排放工业废水" bans
            return Judgment("not_applicable")
        if _other_medium(norm.action, fact.norm_text):
            # "安装水污染物排放自动监测设备" and "安装烟气在线监测并与生态环境部门联网": the same kind of device on
            # another medium meets nothing of the duty
            return Judgment("not_applicable")
        j = self._judge(fact, norm)
        # A sewage plant neither breaks nor meets a livestock farm's duty.
        # (an encouragement of named trades too: "电子商务、快递、外卖等行业应当优先采用…包装物" is no 符合 for a filling
        # station's vapour recovery)
        if norm.modality in ("obligation", "restriction", "encouragement") \
                and j.verdict in ("conflict", "attention", "supports") \
                and (self._party_absent(norm, fact) or self._topic_absent(norm, fact)):
            # nor is it 相关: the norm binds someone else ("钢铁、建材…等企业…严格控制粉尘…的排放" and a food plant)
            return Judgment("not_applicable")
        if norm.modality == "encouragement" and j.verdict == "supports" and self._final_act_unsaid(norm, fact):
            # "国家鼓励采取先进工艺对…煤矸石…进行综合利用" and "选煤过程年产洗矸约45万吨": the thing is there, the act
            # encouraged (综合利用) is not
            return Judgment("not_applicable")
        if norm.modality in ("obligation", "encouragement") and j.verdict in ("attention", "supports") \
                and self._lead_party_absent(norm, fact):
            # "国家鼓励燃煤单位采用先进的除尘、脱硫、脱硝…技术" and a kiln fired with gas: the party the act is asked of
            # is named at its head, and the project is not one
            return Judgment("not_applicable")
        if j.verdict == "attention" and j.missing and not j.deferred:
            # "采取有效措施，减少振动、降低噪声，依法取得排污许可证…" and "选用低噪声设备，车间隔声": of a duty of several
            # parts the reason names the ones the proposal leaves out, not the ones it meets
            unmet = self._parts_unmet(split_norm(norm)[1], fact)
            if unmet:
                j = replace(j, unmet=unmet)
        fb, word = self._fallbacks.get(norm.norm_id, (None, ""))
        # only when the part the fallback replaces is what the fact refuses: a paint shop without its treatment
        # facility breaks "…在密闭空间中进行，并…安装、使用污染防治设施" whatever "无法密闭的" allows
        if fb is not None and j.verdict == "conflict" and not j.late and self._fact_state(word, fact) == NEGATED \
                and not (_INSTALL_DUTY.search(norm.action) and _FACILITY_REFUSED.search(fact.norm_text)):
            # "煤场露天堆放" is not "应当密闭", but the article lets a pile that cannot be closed be fenced and
            # covered instead ("不能密闭的，应当设置…围挡"): met, it keeps the article; unless refused too, it is to
            # be shown, not a breach.
            instead = self._judge(fact, replace(fb, conditions=""))
            if instead.verdict == "conflict" or self._best_alternative(fb.action, fact).fact_denies > 0 \
                    or ("措施" in fb.action and (self._fact_state("处理", fact) == NEGATED or _untreated(fact.norm_text))):
                # the replacement refused too: "采取措施减少废气排放" and a discharge let out untreated (不经处理)
                return j
            if instead.verdict == "supports" and not self._parts_unmet(fb.action, fact):
                # (all of it: "已覆盖防尘网" covers the pile, the fence "不低于堆放物高度的严密围挡" is still to be shown)
                return replace(instead, matched=j.matched)
            return replace(j, verdict="attention", fallback=fb.quote)
        return j

    def _measure_unstated(self, action: str, fact: Fact) -> bool:
        """A duty of works and a measure during them ("…等作业，采取洒水、喷淋等抑尘措施"): no specific word of the
        measure is affirmed by the proposal."""
        m = _WORKS_THEN_MEASURE.match(_normalized(action))
        if not m:
            return False
        words = _specific_terms(m.group(1))
        return bool(words) and not any(self._fact_state(t, fact) == PRESENT for t in words)

    def _only_nuisance_named(self, action: str, a: Match, fact: Fact) -> bool:
        """A duty to reduce a nuisance ("减少振动、降低噪声"), met by the words of the nuisance alone: the fact says
        nothing of a measure (no verb of the duty, no measure word)."""
        pairs = _REDUCE_WHAT.findall(_normalized(action))
        if not pairs or _MEASURE_SAID.search(fact.norm_text):
            return False
        if any(self._fact_state(v, fact) == PRESENT for v, _obj in pairs):
            return False
        named = [w for w in a.words if w not in GENERIC_WORDS]
        return bool(named) and all(any(w in obj for _v, obj in pairs) for w in named)

    def _parts_unmet(self, action: str, fact: Fact) -> tuple[str, ...]:
        """Of a duty whose parts are all asked ("…，减少振动、降低噪声，依法取得排污许可证…"), the parts with words of
        their own that neither the fact nor the proposal meets, when it meets some; () when it meets all or none, or the
        duty is one part."""
        parts = [x for x in re.split(r"[，；]", action) if _specific_terms(x) and not _MEASURE_LEAD.match(x)]
        if len(parts) < 2 or _ALTERNATIVES.search(action):
            return ()
        unmet = tuple(x for x in parts if not self._addressed(x, fact, self.params.support))
        return unmet if len(unmet) < len(parts) else ()

    def _rarest_case_word_unsaid(self, condition: str, c: Match, fact: Fact) -> bool:
        """The word that most narrows the duty's case ("分期" of "分期建设、分期投入生产…的建设项目") is nowhere in the
        proposal, and rarer than any word of the case it does share: the project is of the general class only."""
        terms = [t for t in content_terms(condition) if t not in GENERIC_WORDS and t not in _PARTIES]
        if not terms or not c.words:
            return False
        rarest = max(terms, key=self.weight)
        if rarest in c.words or self._fact_state(rarest, fact, wide=True) \
                or self.weight(rarest) <= max(self.weight(w) for w in c.words) + 1.0:
            return False
        # only a word that qualifies an act ("分期建设"): a time or state the proposal implies ("有效期内") is not said
        tags = tagged(condition)
        return any(w == rarest and k + 1 < len(tags) and tags[k + 1][1] == "v" for k, (w, _f) in enumerate(tags))

    def _object_duty_unmet(self, action: str, fact: Fact) -> bool:
        """A duty toward a thing ("对医疗废物进行登记"): the words that match may all be the thing's, which says
        the project has it, not that it does what is asked; the duty's own words must be covered as a support is."""
        m = _OBJECT_THEN_DUTY.match(action)
        if not m:
            return False
        duty = self._match(m.group(1), fact)
        return duty.total > 0 and duty.agree / duty.total < self.params.support

    def _topic_absent(self, norm: Norm, fact: Fact) -> bool:
        """A duty with no subject that opens with the places or works it is about ("大型车停车场、大型车维修点的
        停车场地、道路应当硬化，…出入口应当设置车辆清洗设施"): a proposal that names none of them is not its case."""
        if norm.subject or norm.conditions:
            return False
        quote = without_marker(_normalized(norm.quote))
        i = quote.find("应当")
        topic = quote[:i] if i > 0 else ""
        if not topic or re.search(r"[，,；;：:]", topic) or len(topic) > 40:
            return False
        works = _NEW_WORKS.match(topic)
        if works:
            # "新建民用机场选址与…的距离应当符合标准要求": a duty of the works it names (民用机场), not of every project
            heads = _kind_heads(works.group(1))
        elif re.search(_TOPIC_END + "$", topic):
            heads = _kind_heads(topic, after_de=True)
        else:
            return False
        return bool(heads) and not any(self._fact_state(t, fact, wide=True) == PRESENT for t in heads)

    def _matched_disjunct(self, action: str, fact: Fact) -> str:
        """Of acts joined by 或者, each with its own verb ("在非贮存地点倾倒…医疗废物或者将医疗废物混入…生活垃圾"), the one the
        fact states most of: a place written in another act ("在非贮存地点") does not bound it."""
        alts = [x for x in _OR_ACTS.split(action) if x]
        if len(alts) < 2:
            return action

        def cover(x: str) -> float:
            m = self._match(x, fact)
            return m.agree / m.total if m.total else 0.0

        return max(alts, key=cover)

    def _judge(self, fact: Fact, norm: Norm) -> Judgment:
        p = self.params
        condition, action, exception = split_norm(norm)
        # "…与居住层相邻的商业楼层内新建…", "黄河流域水资源超载地区新增取水许可": a place the scope reader left behind
        lead = _LEAD_PLACE.match(action) or _LEAD_AREA.match(action)
        if lead:
            action = action[lead.end(1):]
            if lead.re is _LEAD_AREA and any(self.weight(t) >= 1.0 and not self._fact_state(t, fact, wide=True)
                   for t in content_terms(lead.group(1)) if t not in GENERIC_WORDS):
                # "黄河流域水资源超载地区新增取水许可": a project in the 黄河流域 that never says its area is 超载 is not
                # shown to be in the area the ban names
                return Judgment("not_applicable")
        if _FRAGMENT.search(action):
            return Judgment("not_applicable")  # an exception or a bare condition read as a sentence of its own
        if norm.modality == "prohibition" and _INCREASE_ACT.match(action.strip()) \
                and not _INCREASE_SAID.search(fact.norm_text):
            # "…添加剂…不得增加新的大气污染物排放" and a kiln's flue gas held to ultra-low limits: the ban is on adding to
            # the emissions, which the sentence does not say it does
            return Judgment("not_applicable")
        if _ACROSS_CASE.search(f"{norm.subject}{condition}") and not _ACROSS_SAID.search(fact.whole or fact.norm_text):
            # "跨省…转移危险废物未经批准的" and waste handed to a licensed firm with no place outside the province named
            return Judgment("not_applicable")
        if _SANCTIONED_CASE.search(f"{norm.subject}{condition}") and not _SANCTION_WORDS.search(fact.whole or fact.norm_text):
            return Judgment("not_applicable")  # "被依法吊销…的单位，5年内不得再申请": no sanction is told of
        if norm.modality == "obligation" and _RENEWAL.search(action) and not _YEARS_SPAN.search(condition + action) \
                and not _CHANGE_MADE.search(fact.norm_text):
            # "在排污许可证有效期内…新建、改建、扩建…的，应当重新申请" and "污水处理站已取得排污许可证": a paper held is
            # renewed for a change made while holding it, which the sentence does not tell of
            return Judgment("not_applicable")
        if norm.modality == "prohibition" and _IN_THE_OPEN.search(action) and not self._fact_state("露天", fact):
            # "禁止露天焚烧…" and a kiln's incineration line: the ban is on doing it in the open, which is not said
            return Judgment("not_applicable")
        judged = _JUDGED_THING.search(action) if norm.modality == "prohibition" else None
        if judged and not _JUDGED_SAID.search(fact.whole or fact.norm_text):
            # "不得生产、销售…严重污染环境的工艺、设备和产品" and a hydrogen station that fills cars: the ban is on things
            # judged so (seriously polluting, officially phased out, below a standard), which the proposal never says
            return Judgment("not_applicable")
        source = _CONVERTED.match(action.strip())
        if source and not any(self._fact_state(t, fact) == PRESENT for t in content_terms(source.group(1))
                              if t not in GENERIC_WORDS):
            # "严格控制耕地转为林地、草地、园地": a change from the first thing; a kindergarten's "种植园地" or orchards
            # around a plant are not land the project turns from 耕地
            return Judgment("not_applicable")
        polluting = _POLLUTING.search(action) if norm.modality == "prohibition" else None
        if polluting:
            # "不得建设污染环境、破坏资源或者景观的生产设施": a works that states its own discharges (a boiler's flue gas out
            # of a stack) pollutes the environment; one that states none is not shown to
            text = fact.whole or fact.norm_text
            if not _emits(text) and not ("破坏" in polluting.group(0) and _EXTRACTS.search(text)):
                return Judgment("not_applicable")
            action = action[:polluting.start()] + action[polluting.end():]
        a = self._best_alternative(action, fact)
        # (only the words that name works matter below; the others are not looked up in the fact)
        held = [t for t in content_terms(f"{norm.subject}，{condition}")
                if _WORKS_WORD.search(t) and self._fact_state(t, fact)]
        if a.total <= 0 or _works_of_others(f"{norm.subject}，{condition}，{action}", a.words + held, fact) \
                or _acts_of_suppliers(a.words, fact) or self._works_kind_absent(norm, action, fact):
            # "烂果统一收集后交给附近养殖场": the works the norm is about are another party's, not the project
            return Judgment("not_applicable")
        if condition and all(t in _PARTIES or t in GENERIC_WORDS for t in content_terms(condition)):
            # "施工单位施工，应当采取下列措施": the condition only names who is bound, which a building project is
            condition = ""
        split = _PARTY_SPLIT if _PARTY_LIST.match(condition.strip("，；;, ")) else _COND_SPLIT
        # "产生、收集、贮存、运输、利用、处置固体废物的单位": every stage of handling the thing, so any party with the thing
        # is one; the stages are not words the proposal must repeat ("生产废渣倾倒在村北沟壑")
        # ("擅自倾倒…固体废物" binds them all). Only for a ban: a duty of care of such parties ("加强对相关设施…的管理
        # 和维护") is not what every proposal that has the thing leaves out.
        handled = _ALL_STAGES.sub("", condition) if condition and norm.modality == "prohibition" else condition
        kinds = _KINDS_ROLE.fullmatch(handled.strip("，；;, "))
        if kinds:
            # "化学品生产企业以及工业集聚区、矿山开采区、尾矿库…等的运营、管理单位": the works listed are alternatives, and
            # whoever runs one is bound
            handled, split = "，".join(_KIND_LIST.split(kinds.group(1))), _COND_SPLIT
        listed = None if kinds else _WORKS_LISTED.fullmatch(handled.strip("，；;, "))
        if listed:
            # "储油储气库、加油加气站、…油罐车、气罐车等": each kind of works listed binds on its own
            handled, split = "，".join(_KIND_LIST.split(listed.group(1))), _COND_SPLIT
        # "产生含挥发性有机物废气的生产和服务活动": any activity that gives off the thing; the head names no kind
        handled = _ANY_ACTIVITY.sub("", handled)
        c = self._best_alternative(handled, fact, wide=True, split=split) if handled.strip() else Match()
        if condition and c.total and c.agree < c.total and self._paper_lacked_stated(condition, fact):
            # "项目未取得环境影响评价批复即开工建设" is the case "环境影响评价文件未依法经审批部门审查或者审查后未予批准的"
            # in the proposal's words: the paper's name is read as lacked, not as a word to match
            c = Match(agree=c.total, total=c.total, words=c.words, strong=c.strong_total, strong_total=c.strong_total)
        lacked = _LACKED_PAPER.search(condition) if condition and c.total and c.agree < c.total else None
        if lacked and already_running(fact.whole or fact.norm_text) and _paper_open(lacked.group(1), fact, deferred=True):
            # "未取得排污许可证的，不得排放污染物" and a kiln "目前已正常生产…排污许可证待环评批复后再申请": works that run
            # while the paper is still to come are the case
            c = Match(agree=c.total, total=c.total, words=c.words, strong=c.strong_total, strong_total=c.strong_total)
        head_missing = bool(condition) and self._head_missing(condition, fact)
        if _paper_not_held(f"{norm.scope}{condition}", fact):
            return Judgment("not_applicable")  # a duty of a permit holder; a new works holds none yet
        places = [x for x in _LOCATIVE.findall(self._matched_disjunct(action, fact)) if x not in _ANYWHERE] + \
            ([lead.group(1)] if lead else [])
        scope = "，".join(x for x in (norm.scope.replace("；", "，"), *places) if x)
        s = self._scope_match(scope, fact) if scope else Match()
        near, said = _distance_scope(scope, fact) if scope else (None, "")
        if near is False:
            return Judgment("not_applicable")  # farther from the place than the norm's bound
        if near and (fact.parts or said in fact.norm_text):
            # within the bound, the norm's place holds; shown on the sentence (or whole proposal) that says the distance
            s = Match(agree=1.0, total=1.0, words=[*s.words, said])
        elif scope and self._other_zone(scope, fact):
            return Judgment("not_applicable")  # "准保护区" is not the "二级保护区" the norm is about
        elif scope and s.agree and _zone_head_unsaid(scope, fact):
            # "饮用水水源二级保护区" met by "温泉水源" and "汾河二级支流": the zone itself is never named
            s = replace(s, agree=0.0, words=[])
        # "收购周边村庄玉米秸秆", "距离村庄约300米": the places named are around the site, not where it is
        around = bool(scope) and bool(s.words) and not _NEAR_SCOPE.search(scope) and _only_around(
            [w for w in s.words if self.weight(w) >= 1.0], fact, scope) and not self._alternative_held(scope, fact)
        if scope and s.words and not around and norm.modality == "prohibition" and _act_put_outside(a.words, fact):
            # "禁止…在湿地…堆放固体废物" and "施工土方在河道管理范围外临时堆放": the act's own sentence puts it outside
            # the protected place, wherever else the proposal names that place ("河道内原有芦苇湿地全部保留")
            around = True
        if scope and any(_PERIOD.fullmatch(part) and not self._fact_state(part, fact, wide=True)
                         for part in re.split(r"[；;，,]", scope)):
            return Judgment("not_applicable")  # "夜间" bounds the ban in time; a proposal that never says when is not in it
        a_cov = a.matched / a.total
        c_cov = c.matched / c.total if c.total else 1.0
        s_cov = s.agree / s.total if s.total else 1.0
        strength = round(a_cov * (0.5 + 0.5 * s_cov) * (0.5 + 0.5 * c_cov), 4)
        words = list(dict.fromkeys(a.words + c.words + s.words))

        def out(verdict: str) -> Judgment:
            return Judgment(verdict, strength=strength, matched=words, deferred=a.fact_defers > 0 or c.past_start,
                            late=c.past_start, places=list(s.words))

        if norm.modality == "prohibition" and _FLOOD_HINDER.search(action) \
                and _FLOOD_REVIEWED.search(fact.whole or fact.norm_text):
            # "禁止在河道管理范围内建设妨碍行洪的建筑物" and "防洪影响评价已经市水利局审查同意": whether the works hinder the
            # flood flow is what that review decides, and it has passed
            return out("supports")
        if norm.modality == "obligation" and _filed(action, fact):
            # "将环境影响登记表报…县级环境保护行政主管部门备案" and "已填报…环境影响登记表并完成备案": done, whatever the
            # authority's long name
            return out("supports")
        elapsed = _years_elapsed(condition, fact) if condition else None
        if elapsed is False:
            return out("not_applicable")  # "自批准之日起超过五年…的" and the proposal's dates are closer
        # Denials other than a measure put off: "不设排污口" answers a duty, "脱硫设施待以后再建设" leaves it open.
        refused = a.fact_denies - a.fact_defers
        if elapsed and norm.modality == "obligation" and a_cov < p.support and not refused \
                and not self._addressed(action, fact, p.support):
            j = out("attention")  # the years the proposal states make the duty bind, and it never says it is met
            j.partial = j.missing = True
            return j
        if a_cov < p.support and self._kind_bound(norm, condition, fact) and not refused \
                and not self._addressed(action, fact, p.support):
            # The project is the kind of enterprise the duty names ("工业涂装企业应当…") and never says it does it.
            j = out("attention")
            j.partial = j.missing = True
            return j
        if a_cov < p.support and norm.modality == "obligation" and c.total and c.agree / c.total >= p.duty \
                and not head_missing and not self._other_party(c.words, fact) \
                and len(c.words) >= 2 and not c.denied and not refused and (_ACTIVITY.search(condition) or kinds) \
                and (max(self.weight(w) for w in c.words) >= p.specific or bool(_WORKS.search(condition))) \
                and not _works_missing(condition, fact) and not self._act_unstated(condition, fact) \
                and not self._rarest_case_word_unsaid(condition, c, fact) and not _ANY_ACTIVITY.search(condition) \
                and not (kinds and not _named_together(c.words, fact)) and not _CARE_DUTY.match(action.strip()) \
                and not self._addressed(action, fact, p.support):
            # (a case of "…的生产和服务活动" is matched for a part the fact refuses, not to call the duty unsaid: any
            # works giving off the thing is one, and "喷漆车间…废气经活性炭吸附和催化燃烧处理" is not silent on it)
            # The project is what the duty binds ("排放工业废水的企业") but the proposal never says it does it.
            j = out("attention")
            j.partial = j.missing = True
            return j
        if norm.modality == "obligation" and c.total and c.agree / c.total >= p.duty and not c.denied \
                and not head_missing and _paper_refused(action, condition, fact):
            # "转移危险废物的，应当…填写、运行…转移联单" and "交由…收购点拉走，未办理转移联单": the case holds and the paper
            # the duty asks for is said not done, whatever the duty's other words (填写, 运行, 电子或者纸质)
            return out("conflict")
        if a_cov < p.match:
            # Sited inside the zone a prohibition is about ("河滩" in 河道管理范围), doing part of what it
            # forbids: the reviewer must check it.
            # (an act word other than the zone's own: "擅自填埋自然湿地" is not half done by a project named after one)
            if m_partial(norm, s, a_cov, p) and _in_zone(s.words, fact) \
                    and any(not any(w in z or z in w for z in s.words) for w in a.words):
                j = out("attention")
                j.partial = True
                return j
            if norm.modality == "obligation" and c.total and c.agree / c.total >= p.duty and not c.denied \
                    and not head_missing and a.fact_denies - a.fact_defers > 0 \
                    and self._refused_part(action, fact, f"{norm.subject}{condition}") is not None:
                # "产生含挥发性有机物废气的…活动，应当在密闭空间…中进行" and "搭设钢架遮阳棚作为喷漆区，喷漆时依靠自然通风":
                # the case holds and one part of the duty is refused in its own word, the rest unsaid
                if _INSTALL_DUTY.search(action) and _untreated(fact.norm_text):
                    # "…漆雾和有机废气依靠自然通风扩散": the gas is let go untreated, the facility the duty asks for is
                    # refused too
                    return out("conflict")
                j = out("attention")
                j.partial = True
                return j
            return out("not_applicable")
        bound = _numeric_bound(action, fact)
        if bound is not None:  # "保存期限不得少于5年" against "保存5年": compare, do not match words
            return out(("conflict" if norm.modality == "prohibition" else "attention") if bound else "supports")
        if norm.modality == "prohibition" and _BOUND.search(action):
            return out("not_applicable")  # "暂时贮存的时间不得超过2天" and the proposal gives no figure in days
        if norm.modality == "prohibition" and _COMPARED.search(action) and not _breach_stated(fact.norm_text):
            # "季度有效传输率不得低于…标准": a bound on a measure; a proposal that states no breach of it is not the case
            return out("not_applicable")
        over_limit_unsaid = bool(norm.modality == "prohibition" and _OVER_LIMIT_THING.search(action)
                                 and not _breach_stated(fact.norm_text) and not _TOXIC_CONTENT.search(fact.norm_text))
        if c.total and (c_cov < p.scope or c.denied > 0.5 * c.matched or head_missing
                        or self._lacked_paper_unnamed(condition, fact) or self._failed_standard_unsaid(condition, fact)
                        or self._joined_act_denied(condition, fact)):
            return out("not_applicable")  # the norm's condition does not hold for this fact
        scope_ok = s_cov >= p.scope and not around
        scope_denied = (s.total > 0 and s.fact_denies / s.total >= p.scope
                        and not self._alternative_held(scope, fact)) or around
        # The project denies what the norm is about, or affirms what the norm's case lacks ("持有许可证的单位"
        # against "委托给无许可证的单位"): either way it is not the case the norm forbids.
        # ("用于农田灌溉" shares 农用 with "不符合农用标准的", not the standard: no sign the thing meets it)
        lacked_unsaid = _lacked_head_unsaid(action, a)
        avoids = a.denied > 0 and (a.denied >= p.avoid * a.matched or a.norm_denies >= 1.0) and not lacked_unsaid
        # A measure put off ("超低排放改造待以后再实施") is not an act the project avoids.
        shunned = a.denied - a.fact_defers
        avoids_act = shunned > 0 and (shunned >= p.avoid * a.matched or a.norm_denies >= 1.0) and not lacked_unsaid
        excepted = bool(exception) and _mentions_exception(exception, action, fact)
        m = norm.modality
        if m == "obligation" and a_cov < p.support and c.total and scope_ok \
                and self._final_object_denied(action, fact):
            # "不能密闭的，应当设置…严密围挡" and "露天堆放…暂不设置围挡": the case holds and the thing the duty asks
            # for is refused; the rare words that describe it (严密, 高度) are not the test.
            if _OTHER_MEASURES.search(action):
                # "…配套建设除尘、脱硫、脱硝等装置，或者采取技术改造等其他控制…排放的措施" and "氮氧化物目前未设治理
                # 设施": the duty lets other measures do instead, which the reviewer must see
                j = out("attention")
                j.partial = True
                return j
            return out("conflict")
        # (the place read from the action, "在密闭空间…中", is the part refused; only the norm's own scope must hold)
        if m == "obligation" and a_cov < p.support and c.total and c_cov >= p.scope \
                and (scope_ok or not norm.scope) and not head_missing and not c.denied \
                and self._refused_part(action, fact, f"{norm.subject}{condition}") is not None:
            # "产生含挥发性有机物废气的…活动，应当在密闭空间…中进行" and "喷漆作业在…露天场地进行": the case holds and
            # the project says it does the opposite of one part, in that part's own rare word.
            return out("conflict")
        if m in ("obligation", "encouragement") and a_cov < p.support:
            return out("not_applicable")
        if m == "prohibition":
            if condition and _UNAPPROVED_CASE.search(condition) and _after_approval(action, fact):
                # "未依法经审批部门审查…的，不得开工建设" and "主体工程待完成各项手续后开工": the project waits.
                return out("supports")
            if condition and _EIA_CASE.search(condition) and _eia_approved_first(fact):
                # "环境影响报告书已于2023年4月取得…批复" and "项目于2023年5月开工": the approval came first
                return out("supports")
            if condition and _UNAPPROVED_CASE.search(condition) and _only_planned(action, fact):
                # "计划明年3月开工建设，环境影响报告表正在编制": nothing is built yet and the order of the two is not
                # said; the reviewer must see the approval come first. Works begun, or an approval put after them
                # ("拟在试生产阶段报送审批", "先行施工"), are the case.
                j = out("attention")
                j.partial = j.planned = True
                return j
            if avoids_act and _act_done_object_denied(action, a, fact):
                # "污泥…运至荒沟内堆存填埋，不进行稳定化处理": the forbidden act (堆放) is done; the word denied (处理)
                # only describes the thing it is done to.
                avoids_act = False
            if s.fact_denies > 0 and not around and a_cov >= p.match and _place_undecided(
                    [w for w in s.words if self._fact_state(w, fact, wide=True) == NEGATED], fact):
                # "库址是否位于黄河重要支流汾河岸线管控范围内，尚未确定": whether the project is where the ban holds is
                # open, so whether it may be built there is too
                j = out("attention")
                j.partial = True
                return j
            if a.pending == "pending" and scope_ok and not excepted:
                # "无许可证从事…经营" and a licence applied for, the works not yet running: it must be held before they do
                j = out("attention")
                j.partial = True
                return j
            if scope_denied or (avoids_act and scope_ok) or excepted:
                # avoiding the act counts where the ban holds: "拆除旧厂房" does not keep "在禁止建设区域新建…" outside an
                # airport's zone
                return out("supports")
            if _related_works(action, norm.scope, fact):
                return out("not_applicable")
            if scope_ok and lacked_unsaid and a.total \
                    and (a.agree + a.norm_denies) / a.total >= p.match and not a.fact_denies:
                # "马铃薯清洗废水经沉淀后用于周边农田灌溉" and "禁止将不符合农用标准…的…废水施入农田": the act is done and
                # whether the thing meets the standard is not said; the reviewer must see it shown
                j = out("attention")
                j.partial = True
                return j
            # (any thing may be "阻碍行洪的物体": the act decides, and whether the thing is of that kind is the question)
            any_thing = bool(_QUALIFIED_THING.search(action))
            thing_missing = self._object_missing(action, fact)
            if not scope_ok or self._denied_elsewhere(action, a, fact) \
                    or (thing_missing and not any_thing) or _other_level(action, fact):
                return out("not_applicable")
            if thing_missing or self._modifier_missing(action, fact):
                if any_thing and a.total and a.agree / a.total >= p.match and not a.fact_denies:
                    # "在…河滩地（位于河道管理范围内…）设临时矸石堆场" and "禁止在江河…内弃置、堆放阻碍行洪的物体": the act is
                    # done where it is banned, and whether the thing is of the kind named (阻碍行洪的) is not said; the
                    # reviewer must see it
                    j = out("attention")
                    j.partial = True
                    return j
                return out("not_applicable")
            if fact.parts and _TOWARD_TRADE.match(action.strip()) \
                    and not _said_together([w for w in a.words if self.weight(w) >= 1.0], fact):
                # "向汽车和摩托车销售普通柴油": whom the goods go to and what they are belong to one act; "整车销售" in one
                # sentence and "热源为柴油燃烧器" in another do not make the project a seller of 柴油 to cars
                return out("not_applicable")
            if _best_part_denies(a.words, fact, action):
                # Put together across sentences, the act is denied by the sentence that states most of it
                # ("车间垃圾桶只收生活垃圾，生产固废不混入" and "工业园区" in the site line).
                return out("not_applicable")
            if _means_missing(action, fact):
                # "利用无防渗漏措施的沟渠、坑塘等输送…废水" forbids that means; a project handling 污水 by none of
                # them is not the case.
                return out("not_applicable")
            if fact.parts and _benefactive_act_missing(action, fact):
                # "为建设单位指定编制…的技术单位" forbids designating (指定) one; words gathered from several
                # sentences ("委托第三方编制", "经济技术开发区") do not show that act.
                return out("not_applicable")
            if _disposal_verb_missing(action, fact) or _toward_verb_missing(action, fact):
                # "将危险废物混入非危险废物中贮存" forbids mixing (混入); a store of hazardous waste does not mix it.
                return out("not_applicable")
            if _only_describing(action, a.words):
                # "露天焚烧秸秆、落叶等产生烟尘污染的物质" and "串焊工序产生少量焊接烟尘": the words shared describe the
                # things the act is done to (…等产生烟尘污染的物质), not the act (露天焚烧)
                return out("not_applicable")
            if _manner_without_act(action, a, fact):
                # "露天焚烧秸秆…" and "露天储煤场四周设置防风抑尘网": the manner (露天) is shared, the act (焚烧) is not done
                return out("not_applicable")
            if _lead_verbs_missing(action, fact):
                # "禁止伪造、变造、转让危险废物经营许可证" is about those acts; naming the licence is not doing them.
                return out("not_applicable")
            if _acts_only_named(action, a, fact):
                # "焚烧…垃圾" and "污泥送县生活垃圾焚烧厂协同处置": the burning is the works' name, done by another party.
                return out("not_applicable")
            if _GOVERNMENT_ACT.match(action) and _act_unaffirmed(action, fact):
                # "不得新划定永久基本农田": designating land is an act of government; a project on such land does not do it.
                return out("not_applicable")
            if _acts_lessened(a.words, fact) or _acts_of_others(a.words, fact):
                # "有效减少秸秆露天焚烧": the project lessens the forbidden act others do; it does not do it.
                # "平时有人放羊": someone else does it
                return out("not_applicable")
            if _other_fuel(action, fact):
                # "禁止新建、扩建分散燃煤供热锅炉" and "生物质成型燃料专用蒸汽锅炉": a boiler fired with another fuel
                return out("not_applicable")
            if _titled_only(a.words, fact):
                # "厂界噪声满足《工业企业厂界环境噪声排放标准》" names a standard; a substation is no 工业企业 by it
                return out("not_applicable")
            if _acts_missing(action, a, fact):
                # "机动车船、非道路移动机械超过标准排放大气污染物" and "挖掘机装车运至破碎站": who is bound is named, and
                # none of what it must not do (超过, 排放).
                return out("not_applicable")
            if self._final_object_lacking(action, fact):
                # "禁止伪造、变造、转让危险废物经营许可证" and "对方没有危险废物经营许可证": the thing the act is done to
                # is one the fact says does not exist; the act cannot be done to it.
                return out("not_applicable")
            if self._catch_all_unmet(action, fact):
                # "禁止向水体排放、倾倒工业废渣、城镇垃圾和其他废弃物" and "冲洗废水…排入村旁的小河": waste water is
                # none of the things listed, nor of their class
                return out("not_applicable")
            if self._final_object_missing(action, a, fact):
                # "非道路移动机械超过标准排放大气污染物" and "洗砂废水经沉淀后排回河道": the act (排放) is done, to
                # another thing than the one the norm names last.
                return out("not_applicable")
            if self._rarest_unmet(action, a):
                # "任何单位不得对能源消费实行包费制" and "年综合能源消费量约11万吨标准煤": what the act is done to is named,
                # and the act itself (包费制), the norm's rarest word, is not.
                return out("not_applicable")
            if a.strong_total >= 2 and a.strong < 2:
                # One word in common ("转让" in "禁止伪造、变造、转让排污许可证" and "废品收购站") does not show
                # the act: a prohibition names an act and what it is done to, or where.
                return out("not_applicable")
            if _MANNER.search(action) and not _IMPROPER.search(_act_parts(action, fact)) \
                    and not _means_class_said(action, fact):
                # "禁止随意倾倒、堆放或者焚烧生活垃圾" forbids the unlawful manner; a project under review that
                # does not show it (a licensed incinerator) is not what the norm is about. One that names no
                # approval for the act ("煤矸石倒入荒沟填平") leaves open whether it is the unlawful manner.
                if _SANCTIONED.search(fact.norm_text) or _APPROVED.search(fact.whole or ""):
                    # where the waste goes and to what standard, in the act's own sentence; an approval anywhere
                    return out("not_applicable")
                j = out("attention")
                j.partial = j.unsanctioned = True
                return j
            if a.unmet_negated > 0:
                j = out("attention")  # the project does the act; whether the norm's negated term holds is open
                j.partial = True
                return j
            if self._put_elsewhere(action, fact):
                # "将污水排入雨水管网" and "雨水经雨水管网排入市政雨水管，生活污水…接入市政污水管网": each thing goes where
                # it should; no part of the proposal sends the norm's thing to the norm's place.
                return out("not_applicable")
            if self._place_and_act_unsaid(action, fact):
                # "向生活垃圾收集设施中投放工业固体废物" and a red-mud yard: the thing is the project's, but neither the
                # place nor the act is
                return out("not_applicable")
            if _authority_act_only(a.words, action, fact):
                # "为建设单位指定编制…报告书的技术单位" and "矸石外运至县里指定的煤矸石综合利用企业": the act is an authority's,
                # said of something else
                return out("not_applicable")
            if self._destination_unstated(action, fact):
                # "严禁向东碾河…排放污水" and "生产废水经沉淀后排放": the project discharges, but where is not said.
                j = out("attention")
                j.partial = True
                return j
            paper = _LACKED_PAPER.search(condition) if condition else None
            if paper and _paper_open(paper.group(1), fact) and not already_running(fact.whole or fact.norm_text):
                # "未取得排污许可证的，不得排放污染物" and "…再确定是否申领排污许可证": whether and when the paper is
                # obtained is still open, not refused; the reviewer must see it obtained before the act
                j = out("attention")
                j.partial = True
                return j
            unapproved = _UNAPPROVED.match(condition) if condition else None
            if unapproved and _ASSESSMENT_PAPER.search(unapproved.group(1)) \
                    and _stated_filed("登记表", fact.whole or fact.norm_text):
                # "已按分类管理名录填报建设项目环境影响登记表并完成备案": a works of the registration form is filed, not
                # approved (环境影响评价法 第二十二条); the ban on starting before approval is not its case
                return out("not_applicable")
            if unapproved and self._paper_unsaid([t for t in content_terms(unapproved.group(1)) if t not in _PAPER_FILLER],
                                                 fact):
                # "环境影响评价文件未依法经审批部门审查…的，不得开工建设" and a housing estate that plans its start and never
                # names its assessment: whether the paper is approved is not told (its "施工图审查" is another paper),
                # so the works are not shown to go ahead of it; the duty is open, not broken
                j = out("attention")
                j.partial = j.missing = True
                return j
            rank = _rank_unsaid(action, fact)
            if rank:
                # "禁止占用国家重要湿地" and "穿越湫水河县级湿地公园的湿地区域": a place of another rank is not the one
                # banned; with no rank said, the reviewer must see which it is
                if rank == "other":
                    return out("not_applicable")
                j = out("attention")
                j.partial = True
                return j
            if over_limit_unsaid:
                # "禁止…含量超标的污泥进入农用地" and sludge spread with no content over a limit said: the act is the one
                # banned only if the thing is over its limit, which the reviewer must see tested
                j = out("attention")
                j.partial = True
                return j
            return out("conflict")
        if m == "restriction":
            if avoids_act or scope_denied or excepted:
                return out("supports")
            if _DEVELOPMENT.search(action) and _used_only(a.words, fact):
                # "限制高油耗、高排放…非道路移动机械的发展" restricts a class growing; a works that uses one (铲车) does not
                # grow it
                return out("not_applicable")
            if self._target_unnamed(action, fact):
                # "严格控制耕地转为林地、草地、园地等其他农用地" and "旱地变为水浇地": land turned into none of the uses named
                return out("not_applicable")
            if self._act_head_unsaid(action, fact):
                # "限制高硫分、高灰分煤炭的开采" and a washing plant that lowers its coal's sulphur: it mines no coal
                return out("not_applicable")
            return out("attention" if scope_ok else "not_applicable")
        if m == "obligation" and (scope_ok or not norm.scope) and c.total and _INSTALL_DUTY.search(action) \
                and _FACILITY_REFUSED.search(fact.norm_text):
            # "产生含挥发性有机物废气的生产…应当…安装、使用污染防治设施" and "暂不配套活性炭吸附等处理设施": the activity
            # runs without the facility the duty asks for ("设施" is too common a word to weigh in the share of words
            # denied; "在密闭空间或者设备中进行" is the manner asked for, not where the duty applies).
            return out("conflict")
        if not scope_ok:
            return out("not_applicable")
        if m == "obligation":
            denies = a.fact_denies - a.fact_removes  # doing away with a thing breaks no duty about it
            if denies < 0.5 * a.matched and a.strong >= 2:
                # A duty asks for each of its parts: "土方开挖时采取分区、分段作业，对已完成的作业面进行覆盖" is broken
                # by "裸露土方暂不覆盖" though the fact matches the other part best. Where the fact denies some of the
                # whole duty's words, a part must be refused in its rare words ("安装…自动监测设备…，保证监测设备正常
                # 运行" and "在线监测…暂时停用检修…至今尚未恢复", installed as it is).
                part = self._refused_part(action, fact) if denies <= 0 else \
                    self._refused_part(action, fact, f"{norm.subject}{condition}")
                if part is not None:  # the case is shown by the other part, so one denied word suffices
                    a, denies = replace(part, strong=a.strong), part.fact_denies - part.fact_removes
            negated = [w for w in a.words if self._fact_state(w, fact) == NEGATED]
            if denies > 0 and negated and all(_fact_undecided(w, fact) for w in negated):
                # "在线监测设备视资金情况决定是否安装", "是否需要办理取水许可证，正在咨询": not refused, not yet decided
                j = out("attention")
                j.deferred = True
                return j
            if denies > 0 and self._final_object_denied(action, fact):
                # "破碎、筛分环节配套集尘设施" and "破碎筛分环节不设集尘装置": the thing the duty asks for is what the
                # project refuses, however many of the duty's other words (where, for what) it shares.
                return out("conflict")
            if denies > 0 and negated and all(_denied_by_other_act(w, action, fact) for w in negated):
                # "不新增取水量" for "…申请领取取水许可证", "不申请政府资金" for "使用资金应当加强绩效管理…": the word is
                # denied of another act (新增, 申请), not refused to the one the duty asks ("取水许可证已于2023年办理延续")
                return out("not_applicable")
            if denies > 0 and self._permit_refused(action, a, fact):
                # "申请领取取水许可证" and "自行取水，暂未办理取水许可": the permit the duty asks for is what the project
                # lacks, however many of the duty's other words it shares.
                put_off = all(_fact_undone(w, fact, False) for w in negated)
                if self._acts_planned(a, f"{norm.subject}{condition}{action}", fact) or all(
                        _fact_undone(w, fact, False) and _done_before_start(w, fact) for w in negated) \
                        or (put_off and _PLANNED_START.search(fact.whole or fact.sentence)
                            and not works_begun(fact.whole or fact.sentence)):
                    # "取水许可拟在可研批复后再行申请；计划今年四季度开工": the works are still to start, and the permit
                    # with them
                    # "补水拟从河流取水，取水许可申请尚未办理": nothing is taken yet; the permit must come first.
                    # "排污许可证将于设备调试投产前按规定申请变更": it is to come first
                    j = out("attention")
                    j.deferred = True
                    return j
                return out("conflict")
            if denies > 0 and self._treatment_refused(action, fact):
                # "含病原体的污水应当经过消毒处理" and "医院污水未经消毒处理，直接排入…": the thing is the duty's, and the
                # treatment the duty asks for is what the project says it skips, however heavy the thing's words are.
                return out("conflict")
            if denies > 0 and denies >= 0.5 * a.matched:
                denied = [w for w in a.words if self._fact_state(w, fact) == NEGATED]
                # acts whose manner the duty sets ("达标排放"): refusing the act leaves the manner nothing to govern,
                # nor the things it would carry ("不向河道排放任何废水")
                refused_acts = [_STANDARD.sub("", w) for w in denied if _STANDARD.sub("", w) not in ("", w)
                                and _qualified(w, action) and _act_refused(w, fact)]
                if denied and not _STANDARD.search(fact.norm_text) \
                        and all((_qualified(w, action) and _act_refused(w, fact))
                                or (bool(refused_acts) and _denied_with(w, refused_acts, fact)) for w in denied):
                    # "不向任何水体排放养殖废水" leaves nothing for "保证污水达标排放" to govern; "未按规定排放",
                    # "不达标排放" deny the manner, not the act.
                    return out("not_applicable")
                if denied and all(_bad_manner_refused(w, fact) for w in denied):
                    # "厂区内不露天堆放任何物料" for "…易产生扬尘的物料应当密闭": what is refused is the improper manner
                    # (露天, 直接, 随意), which keeps the duty rather than breaking it
                    return out("supports")
                if denied and all(_reduced(w, action) for w in denied):
                    # "减少工业固体废物的产生量" and "不再新增矸石堆存": having less of what the duty reduces keeps it.
                    return out("supports")
                conform = _CONFORM.match(action.strip())
                if denied and conform and all(w in conform.group(1) for w in denied):
                    # "按照排污许可证规定，如实…公开污染物排放信息" and "排污许可证尚未申领": a duty to act as a permit says
                    # binds the holder; the missing permit is judged by the norms that require it.
                    return out("not_applicable")
                kept = _PROTECTS.search(action)
                if denied and kept and all(w in action[:kept.start()] for w in denied):
                    # "在保护区附近新建排污口，应当保证保护区水体不受污染" and "尾水不排入水库，也不在保护区内设置排污口":
                    # keeping out of what the duty protects keeps the duty
                    return out("supports")
                if denied and all(_other_compound(w, action, fact) for w in denied):
                    # "节能审查尚未开展" puts off a review; "加强节能管理，制定并实施节能计划" asks for something else
                    # that shares the word 节能.
                    return out("not_applicable")
                absent = [w for w in denied if _absent_thing(w, fact)]
                if denied and sum(map(self.weight, absent)) >= 0.5 * sum(map(self.weight, denied)) \
                        and any(self.weight(w) >= 1.0 for w in absent):
                    # "不涉及砂石、煤炭等易起尘物料的装卸" for "贮存煤炭…等易产生扬尘的物料应当密闭": the project has none of
                    # the things the duty is about; it refuses no measure the duty asks for.
                    return out("not_applicable")
                placed = [w for w in denied if self.weight(w) >= 1.0] or denied
                if denied and all(_placed_outside(w, fact) for w in placed):
                    # "距离最近村庄约150米" puts the project outside a place the duty names; it leaves undone no act
                    # the duty asks for ("新建民用机场选址与噪声敏感建筑物集中区域的距离应当符合标准要求").
                    return out("not_applicable")
                if a.strong_total >= 2 and a.strong < 2 and not _bridged(a.words, fact):
                    # One word in common ("防渗漏" of "加油站等的地下油罐…防渗漏监测" for a waste store without
                    # lining) does not show the duty's case, as for prohibitions.
                    return out("not_applicable")
                if denied and all(w in _KIND_OF_THING for w in denied):
                    # "不使用硫酸—白土精制工艺，不采用土法炼油设备" for "采用先进技术、工艺和设备，对…废水进行再生利用": the
                    # project refuses a process and equipment of another kind, not the kind the duty asks for
                    return out("not_applicable")
                if all(_fact_undone(w, fact, False) for w in denied) \
                        and self._acts_planned(a, f"{norm.scope}{norm.subject}{condition}{action}", fact):
                    # "拟从河流取水，取水许可申请尚未办理": what the duty asks is not yet done, and neither is the act
                    # it must come before
                    j = out("attention")
                    j.deferred = True
                    return j
                if all(_fact_undone(w, fact, False) and _done_before_start(w, fact) for w in denied):
                    # "排污许可证将于设备调试投产前按规定申请变更": put off, but to before the works start, as the duty
                    # asks; the reviewer sees it done then
                    j = out("attention")
                    j.deferred = True
                    return j
                if _SOFT_DUTY.search(norm.quote):
                    # "企业应当在经济技术可行的条件下…自行回收利用或者转让…": a duty as far as feasible is not broken by a
                    # refusal the proposal may have cause for ("医疗废物…不转让"); the reviewer weighs it
                    return out("attention")
                claimed = _EXEMPTION_CLAIMED.search(fact.whole or fact.sentence)
                if claimed and _EXEMPTION_CONFIRMED.search(
                        sentence_at(fact.whole or fact.sentence, claimed.start(), claimed.end())):
                    # "县生态环境局已出具书面意见：…按名录不需编制环评文件": the authority has confirmed the exemption
                    # in writing; the duty's case is not this project's (the paper is shown among those held)
                    return out("not_applicable")
                if claimed:
                    # "依据《建设项目环境影响评价分类管理名录》，…不纳入建设项目环境影响评价管理": an exemption the
                    # proposal claims under a rule; the reviewer checks the rule, it is no refusal
                    return out("attention")
                acts = [w for w in a.words if w in action and any(f.startswith("v") for _x, f in tagged(w))]
                first_act = min((action.find(w) for w in acts), default=-1)
                if acts and all(w not in denied and self._fact_state(w, fact) == PRESENT for w in acts) \
                        and all(0 <= action.find(w) < first_act for w in denied):
                    # "周边无噪声敏感建筑物" and "…区域范围应当向社会公布" (a government's duty): the proposal denies the
                    # things the duty is about, before its act, and the act (公布) is not refused; unlike "使用溶剂型涂料"
                    # for "使用低挥发性…涂料", where what is denied is the act's object
                    return out("not_applicable")
                if _paper_held(action, fact):
                    # "换热不取水…已取得…取水许可证": whatever the proposal seems to deny, it holds the paper the duty asks for
                    return out("supports")
                return out("conflict")  # "未取得排污许可证", "不经处理直接排放"
            if a.fact_defers > 0:
                return out("attention")  # part of what the duty asks is put off ("…待以后再建设"): not yet met
            acts = [w for w in a.words if w in action]
            if acts and all(_fact_undecided(w, fact) for w in acts):
                # "库底防渗目前有两个方案…正在比选": what the duty asks is still to be chosen, not yet met
                j = out("attention")
                j.partial = True
                return j
            if a.norm_denies > 0 or _act_unaffirmed(action, fact) or _ONLY_REFERENCE.search(action):
                # "…的选址、建设和管理符合有关法律法规规定" states no conduct a proposal could show
                return out("not_applicable")
            if self._modifier_missing(action, fact):
                # "进行建筑隔声设计" is not met by "设计日处理生活垃圾600吨": the rare word written onto the act (隔声)
                # is what the duty asks, as a prohibition's modifier is what it forbids.
                return out("not_applicable")
            if _act_handed_over(action, a, fact):
                # "编制…报告书应当遵守…技术规范" and "报告书已委托一家环评单位编制": the duty binds the party the work is
                # handed to; the proposal can show neither its breach nor its keeping
                return out("not_applicable")
            if _under_way(a.words, fact):
                # "环境影响报告书目前仍在编制" for "应当依法进行环境影响评价": begun, not yet met.
                j = out("attention")
                j.partial = True
                return j
            if self._measure_unstated(action, fact):
                # "路面切割、开挖、破碎等作业，采取洒水、喷淋等抑尘措施" and "包括路面切割破碎": the works are the
                # proposal's, the measure the duty asks for during them is nowhere in it.
                j = out("attention")
                j.partial = j.missing = True
                return j
            if self._object_duty_unmet(action, fact):
                # "对实行集中供热的建筑…实行供热分户计量、按照用热量收费" and "接入城市集中供热管网…按房屋建筑面积
                # 收取采暖费": the proposal is the thing the duty is about, and does not show the duty done. Under a
                # condition of its own ("在限制建设区域确需建设噪声敏感建筑物的，…对噪声敏感建筑物进行建筑隔声设计")
                # having the thing (a road beside 居民楼) does not make the project the one bound.
                if condition:
                    return out("not_applicable")
                j = out("attention")
                j.partial = j.missing = True
                return j
            if _phrase_denied(action, fact):
                # "使用低挥发性有机物含量的涂料" and "涂料为溶剂型醇酸及丙烯酸漆，施工状态VOCs含量约580克/升": the lexicon
                # reads the fact as the opposite of the thing the duty names whole, whatever of its words stand apart
                # in the fact (as it is read when none do, "喷涂工序使用溶剂型涂料")
                return out("conflict")
            if _BARE_STANDARD.fullmatch(action.strip()) and not _STANDARD_SAID.search(fact.whole or fact.norm_text):
                # "严格执行土地使用标准" and "…翻耕、平整土地": a standard to follow is shown followed only by naming a
                # standard, a quota or a figure held to, not by the thing it measures
                return out("not_applicable")
            if self._only_nuisance_named(action, a, fact):
                # "减少振动、降低噪声" and "原粮经振动筛清杂…": the proposal names what the duty would reduce, which makes
                # it bound, and no measure against it
                j = out("attention")
                j.partial = j.missing = True
                return j
            if _procedure_unsaid(action, a, fact):
                # "定期将…等情况，报…主管部门备案" and a proposal that describes the manure it uses: what the duty asks is
                # the filing, which the proposal never names
                return out("not_applicable")
            if _permit_unnamed(action, fact):
                # "申请领取取水许可证" and "…已取得水域滩涂养殖证": the paper the proposal holds is another; it shows
                # nothing of this one
                return out("not_applicable")
            if _STANDARD.search(action) and _untreated(fact.norm_text):
                # "符合大气污染物排放标准" and "废气不经处理，通过车间窗户直接排放": a discharge the proposal says is untreated
                # does not show the standard met; the reviewer must see it shown
                j = out("attention")
                j.partial = j.missing = True
                return j
            if _LIMIT_DUTY.search(action) and not _limit_said(fact.whole or fact.norm_text):
                # "应当符合大气污染物排放标准" and "隧道窑烟气经除尘后通过35米排气筒排放": treatment is named, the standard
                # met is not; only the proposal's own word of meeting it, or a limit or figure it holds to, shows it
                return out("not_applicable")
            if fact.parts and not _said_together(a.words, fact):
                # the whole proposal: "已取得县发改局备案证明" and "取水手续拟…一并办理" hold 取得 and 取水 apart; a duty
                # is shown done by a sentence that says it, not by its words gathered from several
                return out("not_applicable")
            if _vehicle_unnamed(norm.subject, fact):
                # "运输…散装物料的车辆应当采取密闭…措施" and "成品料仓全封闭": a store closed is no lorry covered
                return out("not_applicable")
            return out("supports")
        if m == "encouragement" and a.fact_defers > 0:
            return out("not_applicable")  # "粪污处理设施暂缓建设": the encouraged measure is not taken
        if m == "encouragement" and not avoids:
            if a.strong_total >= 2 and a.strong < 2 and not _bridged(a.words, fact):
                # "油气回收系统" shares 回收 with "鼓励…方式回收废物" and not what is recovered: as for prohibitions, one
                # strong word in common does not show the encouraged act.
                return out("not_applicable")
            if (_act_unaffirmed(action, fact) or len(a.words) < 2) and not _bridged(a.words, fact):
                # "再生铝项目" shares 再生 with "鼓励使用再生水" and does none of it; a 光伏 project is, by the
                # lexicon, the 可再生能源 the norm encourages developing.
                return out("not_applicable")
            if self._only_nuisance_named(action, a, fact):
                return out("not_applicable")  # "采取减少振动、降低噪声措施" is not shown by naming a 振动筛
            return out("supports")
        return out("not_applicable")


# Characters that link, place or mark a phrase; a head noun does not start with one of them.
_FUNCTION_CHARS = frozenset("在于上中内外的和或与及等之将把对向从由被其并且应")
_MODAL = re.compile(r"应当|必须|禁止|不得|严禁|不准")
_NEGATED_PART = re.compile(r"^(?:未|无|没有|不|非|尚未)")
_LEADING_PLACE = re.compile(r"^在[^，；、]{1,30}?(?:范围内|以内|之内|以外|之外|期间|期内|内|上|中|外|时)")
_LIST_INTRO = re.compile(r"下列|以下|如下")


# The condition of a second duty that applies when the first cannot be met ("不能密闭的", "不具备回收利用条件的",
# "无法避让的"); group 1 is the first duty's act.
_FALLBACK = re.compile(r"^(?:确实|确因[^，的]{0,10})?(?:不能|无法|难以|不具备)([\u4e00-\u9fff]{1,12}?)(?:条件)?的$")


def fallback_duties(norms: Iterable[Norm]) -> dict[str, tuple[Norm, str]]:
    """Each duty an article lets be replaced when it cannot be met, with the duty that replaces it and the word of
    the part replaced (密闭)."""
    out: dict[str, tuple[Norm, str]] = {}
    earlier: dict[str, list[Norm]] = {}
    for n in norms:
        m = _FALLBACK.match(n.conditions.strip()) if n.modality == "obligation" else None
        if m:
            for prev in reversed(earlier.get(n.clause_id, [])):
                if prev.modality == "obligation" and m.group(1) in prev.action:
                    out[prev.norm_id] = (n, m.group(1))
                    break
        earlier.setdefault(n.clause_id, []).append(n)
    return out


# A duty ending in the state it asks for: closed, covered, paved.
_FINAL_STATE = re.compile(r"(?:密闭|封闭|覆盖|硬化|苫盖|遮盖)$")
# A duty about new works of one kind, before what it asks of them ("新建民用机场选址与…", "新建、改建铁路…的").
_NEW_WORKS = re.compile(r"^(?:新建|改建|扩建|新建、改建|新建、改建、扩建)([\u4e00-\u9fff]{2,10}?)"
                        r"(?:选址|建设|项目|工程|的|与|时)")
# How the name of a place or works ends (停车场, 道路, 消纳场, 加油站 …).
_TOPIC_END = r"(?:场|场地|场所|道路|路|站|厂|库|池|罐|区|点|码头|工地|现场)"
# Nouns that name a class of place or body, not a kind ("物料堆放场所" is known by 堆放).
_CLASS_NOUNS = frozenset({"场所", "场地", "区域", "地点", "地方", "机构", "设施", "主体"})
# A thing the project says it does not have or handle at all, as against a measure it does not take ("不经处理").
_ABSENCE = r"(?:不涉及|不含|不存在|不产生|不使用|不贮存|不储存|不堆放|不生产|不经营|不从事|无)"


def _absent_thing(word: str, fact: Fact) -> bool:
    """The fact says it has none of the thing (in its own words, or the applicant's the lexicon reads as it)."""
    surfaces = {word, *(_normalized(m.surface) for m in fact.mentions
                        if any(word in t or (len(t) >= 2 and t in word) for t in m.terms))}
    return any(re.search(_ABSENCE + r"[^，。；,;]{0,24}?" + re.escape(x), fact.norm_text) for x in surfaces if x)


# A ban on building works of a kind ("建设畜禽养殖场、养殖小区"), and the head words of works.
_BUILD_WORKS = re.compile(r"^(?:在[^，；。]{0,16}?)?(?:新建|改建|扩建|建设|设立|设置)(?:、(?:新建|改建|扩建))*([^，；。]{2,24})$")
_WORKS_HEAD = re.compile(r"(?:场|厂|站|小区|基地|园区)$")
# A thing a ban names by a judgment on it, and the words by which a proposal would say so.
# A duty to take measures against a kind of pollution, naming none ("采取有效措施，防止、减轻噪声污染").
_MEASURE_DUTY = re.compile(r"^采取(?:有效|必要|相应|适当|切实可行)?的?措施[，,]?(?:防止|减少|减轻|防治|控制|降低)"
                           r"(?:[、和](?:防止|减少|减轻|防治|控制|降低))?([\u4e00-\u9fff]{2,8}?)(?:污染|危害)$")
# Words of a measure stated of a thing ("主要产噪设备置于封闭厂房内，设减震基础", "废气经布袋除尘后排放").
_MEASURE_MARK = re.compile(r"置于|设置|设有|安装|加装|选用|采用|配套|封闭|密闭|减震|减振|隔声|消声|吸声|降噪|除尘|"
                           r"收集|处理|覆盖|围挡|喷淋|洒水|防渗")


def _measure_stated(duty: str, fact: Fact) -> bool:
    """A duty to take measures against a kind of pollution, naming none, is met by a sentence of the proposal that names
    that pollution (or what the lexicon reads as it, "产噪设备") together with a measure, not denied or put off."""
    m = _MEASURE_DUTY.match(duty.strip())
    if m is None:
        return False
    thing = m.group(1)
    text = fact.whole or fact.norm_text
    surfaces = {thing, *(_normalized(x.surface) for x in fact.all_mentions
                         if x.state == PRESENT and any(thing in t for t in x.terms))}
    for sent in _SENTENCE_END.split(text):
        for w in (w for w in surfaces if w and w in sent):
            i = sent.find(w)
            mark = _MEASURE_MARK.search(sent, max(0, i - 12))
            if mark and state_at(sent, mark.start(), mark.end(), proposal=True) == PRESENT:
                return True
    return False


# An act of trade toward a party ("向汽车和摩托车销售普通柴油", "向…提供…").
_TOWARD_TRADE = re.compile(r"^向[^，；。]{1,20}?(?:销售|出售|提供|供应|转让|出租)")


# Words that name a kind of thing only with the words before them (工艺, 设备), and the verbs of using one: a fact that
# refuses them refuses the kind it names, not the one a duty names.
_KIND_OF_THING = frozenset("工艺 设备 技术 装置 方式 材料 产品 燃料 采用 使用 选用".split())
# A change of a thing into another ("耕地转为林地、草地、园地", "将…改变为…"): the first is what is changed.
_CONVERTED = re.compile(r"^(?:将|把)?([^，；。]{1,12}?)(?:转为|转变为|改为|改变为|变更为|调整为)")
# The works a ban names by their harm ("污染环境、破坏资源或者景观的生产设施").
_POLLUTING = re.compile(r"污染环境(?:(?:、|或者|和)破坏(?:生态|资源|景观)(?:(?:、|或者|和)(?:生态|资源|景观))*)?的")
# A discharge the proposal states: a pollutant let out, or a stack.
_EMISSION = re.compile(r"(?:废气|烟气|粉尘|颗粒物|二氧化硫|氮氧化物|挥发性有机物|废水|污水|恶臭)[^。；;]{0,30}?"
                       r"(?:排放|外排|排入|排至|排出)|烟囱|排气筒")
_NO_EMISSION = re.compile(r"(?:不|无|零|禁止|严禁|杜绝)[^，。；,;]{0,2}$")
# Taking rock, ore or soil out of the ground ("山体石灰岩就地开采", "松动爆破"): works that destroy resources and landscape.
_EXTRACTS = re.compile(r"(?<![不未禁])(?:开采|采石|采矿|挖沙|采砂|取土|爆破|剥离表土)")


def _emits(text: str) -> bool:
    """The text states a discharge of the works' own ("烟气经布袋除尘后由35米烟囱排放"), not a denial ("废水不外排")."""
    for m in _EMISSION.finditer(text):
        verb = re.search(r"排放|外排|排入|排至|排出|烟囱|排气筒", m.group(0))
        at = m.start() + (verb.start() if verb else 0)
        if not _NO_EMISSION.search(text[max(0, at - 4):at]):
            return True
    return False


_JUDGED_THING = re.compile(r"(?:严重污染环境|明令淘汰|明令禁止)的")
_JUDGED_SAID = re.compile(r"严重污染|淘汰|明令禁止|禁止生产|禁止使用|落后|不符合|不达标|超标|国三|国四|黄标")
# A subject that is persons only: a project is a works, never one of them.
_PERSONS = re.compile(r"公民|个人|居民|消费者|公民个人")
# A subject that speaks for the state, not a party the act binds ("国家鼓励…", "县级以上人民政府…支持…").
_STATE_SUBJECT = re.compile(r"国家|(?:[^，；。]{0,16})?人民政府(?:[^，；。]{0,16}主管部门)?")
# The party an encouraged act is asked of, at its head ("燃煤单位采用…", "科研单位、…处置单位等联合攻关").
_LEAD_PARTY = re.compile(r"^(?:国家)?(?:和?引导)?((?:[^，；。、]{1,16}、){0,5}[^，；。、]{1,16}?"
                         r"(?:单位|企业|驾驶人|经营者|生产者|销售者|使用者|机构|农户|养殖户|电厂))(?:等)?"
                         r"(?=[^，；。]{0,2}?(?:采用|使用|开展|建设|实施|研究|联合|在|进行|对|参与|购买|选用|提供|利用|推广|"
                         r"发展|生产|熄灭|按照|优先|实行|建立|加强))")
# "采取有效措施，…": a lead that names no measure of its own; the parts after it say what the measures are.
# A duty to reduce or prevent a nuisance, with what it reduces ("减少振动", "降低噪声", "防止扬尘").
_REDUCE_WHAT = re.compile(r"(减少|降低|减轻|防止|控制|消除|抑制)([\u4e00-\u9fff]{2,6}?)(?=[、，,；;。和及]|$)")
# Words by which a proposal states a measure against a nuisance.
_MEASURE_SAID = re.compile(r"措施|隔声|隔音|消声|吸声|减振|减震|降噪|除尘|抑尘|洒水|喷淋|收集|处理|治理|净化|密闭|封闭|覆盖|围挡|"
                           r"苫盖|防渗|基础减|隔振|软连接")
_MEASURE_LEAD = re.compile(r"^(?:采取|落实|实施)(?:有效|必要|相应|适当|切实可行)?的?(?:防治|防护|污染防治)?措施$")
# A duty that may be met in one of several ways ("…或者…", "…等措施之一"): its parts are not each asked.
_ALTERNATIVES = re.compile(r"[，；]或者?|之一")
# A paper a norm's case may lack (许可证, 批复, 资质 …).
_PAPER = re.compile(r"证$|许可|批复|批准|资质|审批")
# "对实行集中供热的建筑分步骤实行供热分户计量…": the thing a duty is toward, then what must be done to it
_OBJECT_THEN_DUTY = re.compile(r"^对[^，；。]{2,30}?(?:(?:分步骤|逐步|依法|定期|及时|统一)?(?:进行|实行|采取|予以|给予|作出|实施|"
                              r"开展|建立|组织)|分步骤[，,]?)(.{2,})$")
# "路面切割、开挖、破碎等作业，采取洒水、喷淋等抑尘措施": the works, then the measure taken during them.
_WORKS_THEN_MEASURE = re.compile(r"^[^，；]{2,30}(?:作业|活动|施工)[，,](?:并|应当)?采取([^，；]{2,40}?措施)$")
_BUILDING_ACTS = frozenset({"施工", "工程施工", "建设", "作业"})
_LIKELY_EFFECT = re.compile(r"(?:易|容易|可能|极易)(?:产生|造成|引起|导致)[^，、；]{1,10}$")


@lru_cache(maxsize=20_000)
def condition_heads(condition: str) -> tuple[tuple[str, ...], ...]:
    """The head noun of each comma part of a condition: the object its act is done to ("在其他江河、湖泊上建设
    水工程" -> 水工程, "排放工业废水的企业" -> 工业废水, an enumeration "…城镇污水以及…畜禽养殖废水、农产品加工废水的"
    -> any of them). Parts the norm negates ("未取得…规划同意书的") and whole sentences (a modal word inside)
    give none."""
    heads: list[tuple[str, ...]] = []
    for part in _ALT_SPLIT.split(condition):
        part = _LEADING_PLACE.sub("", _normalized(part.strip()))  # "在…上建设水工程": the place is context
        if not part or _MODAL.search(part) or _NEGATED_PART.match(part) or _LIST_INTRO.search(part):
            continue
        i = part.rfind("的")
        if i >= 0 and all(t in GENERIC_WORDS or t in _PARTIES for t in content_terms(part[i + 1:])):
            part = part[:i]  # "…的单位和其他生产经营者": the clause before 的 names the act and its object
            # "石材、木料等加工易产生扬尘的作业": what the work is likely to cause describes it; the act is the head
            part = _LIKELY_EFFECT.sub("", part) or part
        terms = content_terms(part)
        if not terms:
            continue
        last = max(terms, key=lambda t: (part.rfind(t) + len(t), len(t)))
        if last in _BUILDING_ACTS and len(terms) > 1:
            # "市政基础设施工程施工": the works (基础设施), not the act of building any works, head the condition
            last = max((t for t in terms if t != last), key=lambda t: (part.rfind(t) + len(t), len(t)))
        pos = part.rfind(last)
        if state_at(part, pos, pos + len(last)) != PRESENT:
            continue
        group = next((g for g in term_groups(part) if last in g), (last,))
        prev = part[pos - 1] if pos > 0 else ""
        if len(group) == 1 and "\u4e00" <= prev <= "\u9fff" and prev not in _FUNCTION_CHARS \
                and not any(part.endswith(t, 0, pos) for t in terms if t != last):
            group = (prev + last,)  # "水工程": the segmenter drops the one-character modifier
        heads.append(group)
    return tuple(heads)


# An "action" that only states an exception ("…连续施工作业的除外") or a condition ("因特殊需要…的").
_FRAGMENT = re.compile(r"(?:除外|的)\s*$|"
                       # a list's catch-all item ("（五）其他破坏湿地及其生态功能的行为"): it names no act a fact can do
                       r"^\s*(?:法律、行政法规规定的|国家规定的|其他法律法规规定的)?其他[^，。；]{0,24}(?:行为|活动|情形|事项)\s*$")

# "伪造、变造、转让…", and "进口、销售和燃用…" whose last act is joined by 和 / 或者.
_LEAD_LIST = re.compile(r"^(?:擅自|随意|违法|非法|违规|私自)?((?:[\u4e00-\u9fff]{2}、)+[\u4e00-\u9fff]{2}"
                        r"(?:(?:和|及|或者|或)[\u4e00-\u9fff]{2})?)")


_NOMINAL = re.compile(r"的(?:[^，；的]{0,12}[、和及与])?$")
_LIGHT_VERB = re.compile(r"(?:进行|予以|开展|实施)([\u4e00-\u9fff]{2,4}?)(?=[，。；、和或及并等]|$)")
# Records and documents: a proposal that has one ("调查报告经评审", "登记表已备案") has done the act that makes it.
_DOCUMENT = re.compile(r"(?:报告书|报告表|报告|登记表|文件|材料|方案|预案|许可证|证书|台账|批复|意见书)$")


def _pos_tags(text: str) -> list[tuple[str, str]]:
    return tagged(text, hmm=False)


@lru_cache(maxsize=1)
def _zone_words() -> tuple[str, ...]:
    """Designated zones of the concept lexicon (保护区, 核心区, 红线 …), longest first."""
    return tuple(sorted(load_lexicon().fields.get("zone", ()), key=len, reverse=True))


@lru_cache(maxsize=512)
def _word_positions(text: str) -> dict[str, tuple[tuple[int, int], ...]]:
    """Each word of the segmented text with its spans."""
    out: dict[str, list[tuple[int, int]]] = {}
    pos = 0
    for w, _ in _pos_tags(text):
        out.setdefault(w, []).append((pos, pos + len(w)))
        pos += len(w)
    return {w: tuple(v) for w, v in out.items()}


@lru_cache(maxsize=20_000)
def action_verbs(action: str) -> tuple[str, ...]:
    """The words of a duty that name what is to be done ("收集", "贮存", "处置", "避免"), as opposed to what it is done to
    or where: the verbs among its content words, light verbs ("进行", "采取", "符合") aside."""
    words = set(content_terms(action))
    out: list[str] = []
    pos = 0
    for w, flag in _pos_tags(action):
        start, pos = pos, pos + len(w)
        if flag != "v" or len(w) < 2 or w not in words or w in GENERIC_WORDS or _POLARITY_WORDS.match(w):
            continue
        seg_end = _PHRASE_SPLIT.search(action, pos)
        after = action[pos: seg_end.start() if seg_end else len(action)]
        seg_start = max((m.end() for m in _PHRASE_SPLIT.finditer(action, 0, start)), default=0)
        # "垃圾填埋…产生的可燃性气体回收利用", "废弃物的产生、排放和综合利用等情况": a verb before 的 and another verb,
        # or listed after 的, describes the thing; it is not the act asked for.
        rel = after.find("的")
        rest = after[rel + 1:].strip()
        if (rel >= 0 and (not rest or any(flag == "v" and len(x) >= 2 and x not in GENERIC_WORDS
                                          for x, flag in _pos_tags(rest)))) \
                or _NOMINAL.search(action[seg_start:start]):
            continue  # "可能造成…影响的，": a condition, not an act
        out.append(w)
    # "进行预处理", "开展监测": what follows a light verb is the act, whatever its word class
    out += [m.group(1) for m in _LIGHT_VERB.finditer(action) if m.group(1) in words and m.group(1) not in GENERIC_WORDS]
    # "…情况，报县级…部门备案": the procedure the report ends in is the act (the segmenter reads 备案 as a noun)
    out += [m.group(1) for m in _FILED.finditer(action)]
    # "…向社会公开": what is done toward a party closes the act (the tagger reads 公开 as an adverb)
    out += [m.group(1) for m in _TOWARD_ACT.finditer(action)]
    return tuple(dict.fromkeys(out))


_TOWARD_ACT = re.compile(r"向[^，。；,;]{1,16}?(公开|公布|报告|报送|通报|提交|提供|披露|申请|申报)(?=[，。；、]|$)")


_FILED = re.compile(r"(?:^|[，；、])(?:报|报送|报请|向)[^，。；,;]{0,30}?(备案|批准|审批|核准|登记)(?=[，。；]|$)")


_SENTENCE_END = re.compile(r"[。；;！？!?\n]")


def _affirmed(term: str, fact: Fact, objects: tuple[str, ...] = ()) -> bool:
    """The fact states the act: the word occurs outside a field label ("污泥处置：" names a topic) and is not denied,
    put off or removed there, or a concept the fact affirms stands for it. When the fact names what the act is done
    to (objects), the act must be said of it in the same sentence: "处理规模…" says nothing of treating the sludge."""
    text = fact.norm_text
    named = [o for o in objects if word_spans(o, text)]
    # a word of its own in the fact, not part of a longer one ("保护" in 保护区 is no act of protecting)
    for a, b in _word_positions(text).get(term, ()):
        if in_label(text, a, b) or state_at(text, a, b, proposal=True) != PRESENT:
            continue
        if not named:
            return True
        lo = max((m.end() for m in _SENTENCE_END.finditer(text, 0, a)), default=0)
        hi = _SENTENCE_END.search(text, b)
        if any(o in text[lo: hi.start() if hi else len(text)] for o in named):
            return True
    # (a concept that opens with the act counts, with the thing it is done to: "隔声" is 降低噪声)
    return any(m.state == PRESENT and not m.label and any(
        (t == term and not named) or (t.startswith(term) and t != term and (not named or any(o in t for o in named)))
        for t in m.terms) for m in fact.mentions)


def _act_unaffirmed(action: str, fact: Fact) -> bool:
    """A duty or an encouraged measure names acts ("收集、贮存、清运畜禽粪便") and the fact does none of them: sharing its
    objects (粪便 "露天晾晒") is the same topic, not the required conduct. A duty with no verb of its own ("城镇污水应当
    集中处理" reads as one word) is not held to this."""
    duty = DUTY_REFERENCE.sub("", action, count=1) or action
    verbs = action_verbs(duty)
    if not verbs:
        return False
    for phrase in _PHRASE_SPLIT.split(duty):
        here = [v for v in verbs if v in phrase]
        objects = tuple(t for t in content_terms(phrase) if t not in verbs and t not in GENERIC_WORDS
                        and t not in _PARTIES and not any(t in v or v in t for v in verbs))
        if any(_affirmed(v, fact, objects) for v in here):
            return False
        if here and any(_DOCUMENT.search(o) and RuleJudge._fact_state(o, fact) == PRESENT for o in objects):
            return False  # "编制…调查报告" and "调查报告经评审": the document is there
    return True


_LEVELS = ("国家级", "国家", "省级", "市级", "县级", "地方级", "一般")
_LEVELED = re.compile(r"(" + "|".join(_LEVELS) + r")([\u4e00-\u9fff]{2,6}?)(?=[，。；、,;和或及与（(]|$)")


def _other_level(action: str, fact: Fact) -> bool:
    """"禁止占用国家重要湿地" and a project in a "省级重要湿地": a thing the law names at one administrative level
    is not the same thing at another. True when every mention of the thing in the fact carries another level."""
    text = fact.whole or fact.norm_text
    for m in _LEVELED.finditer(_normalized(action)):
        level, head = m.group(1), m.group(2)
        spans = word_spans(head, text)
        if not spans:
            continue
        levels = {next((x for x in _LEVELS if text[:a].endswith(x)), "") for a, _ in spans}
        if "" not in levels and level not in levels and not (level == "国家" and "国家级" in levels):
            return True
    return False


def _bridged(words: list[str], fact: Fact) -> bool:
    """One of the matched norm words reaches the fact through the concept lexicon (光伏 → 可再生能源): the
    proposal names a kind of thing the law names by its class, not merely a word in common."""
    return any(m.state == PRESENT and not m.label and w in m.terms and w not in m.surface
               for m in fact.mentions for w in words)


def _lead_list_objects(action: str) -> list[str]:
    """"新建、扩建化工园区和化工项目": the listed acts apply to each listed object, and any one of them is the act
    the norm is about ("新建、扩建化工项目")."""
    text = action.strip()
    m = _LEAD_LIST.match(text)
    if m is None:
        return []
    items = [x for x in _LIST_SPLIT.split(text[m.end():]) if len(x) >= 2]
    head, sep, _first = items[0].rpartition("的") if items else ("", "", "")
    if sep and not any("的" in x for x in items[1:]):
        # "列入淘汰名录的设备、材料和产品": the modifier before the first object bounds every object of the list
        items = [items[0], *(head + sep + x for x in items[1:])]
    return [m.group(0) + x for x in items] if len(items) > 1 else []


# "将…超标的工业固体废物、生活垃圾或者污染土壤用于土地复垦": an act done with a thing of a list, by 将/把 before it.
_PUT_TO_USE = re.compile(r"^(将|把)([^，。；,;]*?的)?([^，。；,;的]+?)(用于|用作|作为|混入|填埋|倾倒|排入|运往|施用|回填)(.*)$")


def _object_list_acts(action: str) -> list[str]:
    """The act done with each thing of the list ("将污染土壤用于土地复垦"): any one of them is the act the norm is
    about; the modifier before the list goes with each."""
    m = _PUT_TO_USE.match(action.strip())
    if m is None:
        return []
    items = [x for x in _LIST_SPLIT.split(m.group(3)) if len(x) >= 2]
    if len(items) < 2:
        return []
    return [f"{m.group(1)}{m.group(2) or ''}{x}{m.group(4)}{m.group(5)}" for x in items]


# The items of a list of acts or of objects ("伪造、变造、转让", "化工园区和化工项目").
_LIST_SPLIT = re.compile(r"、|以及|或者|和|及|与|或")


# A duty to install or run a facility, and a fact that says the project has none of it.
_INSTALL_DUTY = re.compile(r"(?:安装|使用|建设|配套|配备|设置|建成)[、和及]?(?:安装|使用)?[^，。；,;]{0,8}?(?:设施|装置)")
_FACILITY_REFUSED = re.compile(r"(?:未|不|暂不|暂未|尚未|没有|不再|不另)(?:予以)?(?:安装|建设|配套|配备|设置|建|上)"
                               r"[^，。；,;]{0,14}?(?:处理|治理|净化|吸附|除尘|脱硫|脱硝|防治|收集)[^，。；,;]{0,4}?(?:设施|装置|设备)")
# A duty to obtain a permit or an approval, and the words that name one.
# A duty that ends in a procedure toward an authority ("…报县级人民政府环境保护主管部门备案", "…向社会公开"): its last word.
_PROCEDURE_END = re.compile(r"(备案|报告|报送|公开|公布|申报|登记)(?:手续)?$")


def _procedure_unsaid(action: str, a: Match, fact: Fact) -> bool:
    """The duty is a filing or report ("…报…备案") and no sentence of the fact names it with what it is about: the
    other words only describe that ("沼渣和猪粪堆沤后…"), and a 备案 of another thing ("项目已取得县发改局备案") is
    another filing."""
    m = _PROCEDURE_END.search(_normalized(action).rstrip("。；;"))
    if m is None:
        return False
    about = [w for w in a.words if w != m.group(1) and w not in GENERIC_WORDS]
    return not any(m.group(1) in x and (not about or any(w in x for w in about))
                   for x in re.split(r"[。；;\n]", fact.norm_text))


def _permit_kind(obtain: str) -> list[str]:
    """The words naming a permit's kind in a duty to obtain it ("申请领取取水许可证" → 取水)."""
    kind = re.search(r"([\u4e00-\u9fff]{2,6}?)(?:许可证|许可)", obtain)
    return [t for t in content_terms(kind.group(1)) if t not in GENERIC_WORDS and not _OBTAIN_VERB.fullmatch(t)] \
        if kind else []


def _permit_unnamed(action: str, fact: Fact) -> bool:
    """The duty is to obtain a permit of a kind ("申请领取取水许可证") and the proposal names no permit of that kind."""
    m = _OBTAIN.search(_normalized(action))
    qualifier = _permit_kind(m.group(0)) if m else []
    text = _normalized(fact.whole or fact.norm_text)
    return bool(qualifier) and not any(re.search(re.escape(t) + r"[\u4e00-\u9fff]{0,4}?(?:许可|证|同意书|批复|批准|手续)", text)
                                       for t in qualifier)


_OBTAIN_VERB = re.compile(r"申请|领取|取得|办理|申领")
_OBTAIN = re.compile(rf"(?:{_OBTAIN_VERB.pattern})[^，。；,;]{{0,12}}?(?:许可证|许可|批准文件|批准|审批|验收)")
_PERMIT_WORD = re.compile(r"许可|批准|审批|验收")
# A norm's case of a missing approval ("未依法经审批部门审查…的", "未取得…许可证的").
_PROCEDURE_WORD = re.compile(r"审批部门|审批|审查|批准|批复|文件|许可证|许可|部门|报批|审核|验收")
# An act the proposal names as done by an authority ("县里指定的…企业", "由主管部门批准的…"), as an attribute of a thing.
_BY_AUTHORITY = re.compile(r"(?:县里|市里|省里|政府|部门|管委会|主管部门|有关部门|环保局|生态环境局)[^，。；,;]{0,4}$")


def _authority_act_only(words: list[str], action: str, fact: Fact) -> bool:
    """A verb of the act that the fact shares appears in the fact only as an authority's act that describes a thing
    ("县里指定的…企业"): the project does not do it."""
    verbs = [w for w in dict.fromkeys(words) if len(w) >= 2 and w in action and w not in GENERIC_WORDS
             and any(f == "v" for _t, f in tagged(w))]
    text = fact.whole or fact.norm_text
    for w in verbs:
        spans = word_spans(w, text)
        if spans and all(text[b:b + 1] == "的" and _BY_AUTHORITY.search(text[segment_start(text, a):a])
                         for a, b in spans):
            return True
    return False


# Before a paper: that the project holds it ("已取得危险废物经营许可证", "持有…许可证").
_HELD_BEFORE = re.compile(r"(?:取得|持有|领取|获得|具有|具备|获颁)[^，。；,;]{0,16}$")
# A paper applied for only after something else ("待生产稳定、各项指标摸清后再向省生态环境厅申请经营许可").
_PAPER_PUT_OFF = re.compile(r"(?:待|等)[^。；;]{2,30}?(?:后|以后)[^。；;]{0,4}?再[^。；;]{0,14}?(?:申请|申领|办理|补办)"
                            r"[^。；;，,]{0,8}?(?:许可|证)")
_MEANWHILE = re.compile(r"边(?:试运行|试生产|生产|运行|经营)边")
# Before or after a paper's name in a proposal: that it is lacking ("未取得环境影响评价批复", "环评未批").
_LACKED_BEFORE = re.compile(r"(?:未|没有|没|尚未|还未|还没有?)(?:依法)?(?:取得|获得|经|办理|办|拿到|领取)[^，。；,;]{0,4}$")
_LACKED_AFTER = re.compile(r"^[^，。；,;]{0,8}?(?:未批|未获批|未经批准|未审批|尚未批复|未批复|没批|还没批|没有批)")
_UNAPPROVED_CASE = re.compile(r"未(?:依法)?经|未(?:依法)?取得|未(?:依法)?进行|未办理|未获|未予批准|审查后未予")
# A list of works and the role that binds whoever has one ("…、尾矿库、危险废物处置场、垃圾填埋场等的运营、管理单位").
_KINDS_ROLE = re.compile(r"([^，；;,]{4,80}?(?:、|以及)[^，；;,]{2,80}?)等的(?:运营|管理|经营|使用)[、和及]?"
                         r"(?:运营|管理|经营|使用)?(?:单位|者)")
# A case that is only a list of kinds of works, closed by 等 ("储油储气库、加油加气站、…油罐车、气罐车等").
_WORKS_LISTED = re.compile(r"([^，；;,的]{2,40}?(?:、[^，；;,的]{2,40}?){2,})等")
# A duty that lets other measures do instead of the facility it names ("…，或者采取技术改造等其他控制…的措施").
_OTHER_MEASURES = re.compile(r"或者采取[^，。；]{0,16}?其他[^，。；]{0,24}?措施")
# A duty's list of facilities ("除尘、脱硫、脱硝等装置").
_LISTED_FACILITIES = re.compile(r"((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4}?)等?(?:装置|设施|设备)")
# A list of kinds closed by a catch-all class ("燃煤电厂和其他燃煤单位"): the class.
_CLASS_AFTER_OTHER = re.compile(r"^[^，；、]{2,20}?(?:和|以及|及)其他([^，；、]{2,12})$")
# The items of a list of kinds of parties or works ("医疗卫生机构和医疗废物集中处置单位").
_KIND_LIST = re.compile(r"、|以及|和|及|或者")
# The act an encouragement ends in, after a light verb ("…进行综合利用").
_FINAL_ACT = re.compile(r"(?:进行|实施|开展)([\u4e00-\u9fff]{2,8})$")
# A verb sending a thing into another's works ("排入", "接入园区污水处理厂").
_SENT_INTO = re.compile(r"排入|进入|接入|纳入|排至|排往|汇入|送入|依托")
# A party named by the works it runs ("城镇污水集中处理设施的运营单位", "危险废物集中处置设施的经营者").
_OWNER_PARTY = re.compile(r"([\u4e00-\u9fff]{2,20}?(?:设施|工程|场所|场|厂|站|库|园区))的(?:维护)?(?:运营|经营|管理|使用)"
                          r"(?:单位|者|企业|机构)")
# A case of a party sanctioned before ("被依法吊销或者收缴危险废物经营许可证的单位"): only a proposal that tells of the
# sanction (or of a closure) is it.
_SANCTIONS = r"吊销|收缴|撤销|注销|取缔|责令关闭|责令停业"
_SANCTIONED_CASE = re.compile(rf"被(?:依法)?(?:{_SANCTIONS})")
_SANCTION_WORDS = re.compile(rf"{_SANCTIONS}|关停")
# A ban on doing something in the open ("露天焚烧", "露天堆放"): the open air is what makes the act the banned one.
_IN_THE_OPEN = re.compile(r"^(?:在[^，；]{0,10})?露天")
# A place a norm names by its rank ("国家重要湿地", "国家级自然保护区"), and the ranks a proposal may give a place.
_RANKED_PLACE = re.compile(r"(国际重要|国家重要|省级重要|国家级|省级)(湿地|自然保护区|风景名胜区|森林公园|湿地公园|地质公园|"
                           r"自然公园)")
_PLACE_RANK = re.compile(r"(国际重要|国家重要|省级重要|国家级|省级|市级|县级|一般)[^，。；,;]{0,10}?"
                         r"(湿地|自然保护区|风景名胜区|森林公园|湿地公园|地质公园|自然公园)")


def _rank_unsaid(action: str, fact: Fact) -> str:
    """"other" when the ban names a place by a rank and the proposal gives its place of that kind another rank only;
    "unsaid" when it gives none; "" when it gives the norm's rank or the ban names no rank."""
    m = _RANKED_PLACE.search(_normalized(action))
    if m is None:
        return ""
    text = fact.whole or fact.norm_text
    kind = m.group(2)[:2]  # 湿地, 自然, 风景 …: a 湿地公园 is a kind of 湿地
    said = [r.group(1) for r in _PLACE_RANK.finditer(text) if r.group(2).startswith(kind)
            and state_at(text, r.start(), r.end(), proposal=True) == PRESENT]
    if not said:
        return "unsaid"
    return "" if any(x.startswith(m.group(1)[:2]) for x in said) else "other"


# The whole of such a case, to the 的 that closes it ("未取得…签署的符合流域综合规划要求的规划同意书的").
_LACKED_PAPER_PHRASE = re.compile(r"(?:未|没有|无)(?:依法|按照规定|按规定)?(?:取得|办理|领取|持有|申领|获得)"
                                  r"([^，。；,;]{2,60}?)的(?=[，,；;]|$)")
# A case of crossing a province's border ("跨省、自治区、直辖市转移危险废物的", "转移固体废物出省…行政区域贮存的").
_ACROSS_CASE = re.compile(r"跨省|出省|出[^，。；]{0,3}省、自治区、直辖市行政区域")
# What says a thing leaves the province: in words, or by naming another province than the one the library is of
# ("转售给河北某个体再生铅加工户").
_ACROSS_SAID = re.compile(r"跨省|出省|省外|外省|跨区域|(?:北京|天津|河北|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|"
                          r"安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆)")


# A norm's case of a paper that is lacking, and the paper it names ("未取得排污许可证的" -> 排污许可证).
_LACKED_PAPER = re.compile(r"(?:未|没有|无)(?:依法|按照规定|按规定)?(?:取得|办理|领取|持有|申领|获得)([^，。；,;的]{2,16})")
# A duty whose act is to obtain or keep a paper ("申请领取取水许可证", "填写、运行…转移联单"), and the paper's last noun.
_PAPER_DUTY = re.compile(r"(?:申请|领取|取得|办理|填写|运行|申领)[^，。；,;]{0,20}?(许可证|许可|批复|联单|登记表)"
                         r"(?=$|[，。；,;、）)]|并|及)")


def _paper_refused(action: str, condition: str, fact: Fact) -> bool:
    """The duty's act is to obtain a paper and the fact says that paper is not obtained ("未办理转移联单"); the paper
    is not the case's (a duty of a permit holder is no duty to obtain it)."""
    duty = _PAPER_DUTY.search(_normalized(action))
    if duty is None or duty.group(1) in condition:
        return False
    noun, text = duty.group(1), fact.norm_text
    for m in _LACKED_PAPER.finditer(text):
        at = text.find(noun, m.start(1), m.end(1))
        if at < 0:
            continue
        # "未取得排污许可证前不排放污染物": a wait before the act (state_at reads it so); "未取得…的": a case
        if state_at(text, at, at + len(noun), proposal=True) != NEGATED or text[at + len(noun):].startswith("的"):
            continue
        # the paper by its name: the word before its noun is the duty's too ("转移联单", not "经营许可证" for "取水许可证")
        head = text[max(m.start(1), at - 2):at]
        if not head or head in duty.string:
            return True
    return False


# Before an act in the fact: it waits for the procedures ("待完成各项手续后开工", "取得环评批复后再开工建设").
# The procedure itself may open the wait, with its outcome after it ("验收合格后再正式投产").
_WAITS_FOR = re.compile(r"(?:(?:待|等|在)[^，。；,;]{0,16}?(?:手续|审批|批复|批准|许可|验收|评价|环评|审查|备案)"
                        r"[^，。；,;]{0,6}?|"
                        r"(?:取得|完成|办结|办妥|通过|获得)[^，。；,;]{0,12}?|"
                        r"(?:审批|批复|批准|验收|审查)(?:合格|通过|完成)?)"
                        r"(?:后|之后|以后)(?:再|方可|才|方能)?(?:正式|行|进行)?$")
# "在排污许可证有效期内": the case of a party that holds the paper now; the words by which a proposal says it does.
_WITHIN_TERM = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:许可证|证书|批复|执照))有效期内")
_HELD = re.compile(r"已(?:经)?(?:取得|领取|持有|获得|办理|核发)|现有|持有|原有|现行")


# A duty's subject that is a vehicle or a vessel ("运输…散装物料的车辆"), and the words that name one in a proposal.
_VEHICLE_SUBJECT = re.compile(r"(?:车辆|机动车|船舶|船)$")
_VEHICLE_SAID = re.compile(r"车|船")


def _vehicle_unnamed(subject: str, fact: Fact) -> bool:
    """The duty binds a vehicle, and the fact's own sentence names none."""
    return bool(_VEHICLE_SUBJECT.search(subject.strip())) and not fact.parts \
        and not _VEHICLE_SAID.search(fact.norm_text)


# The name of a paper a duty asks for ("申请领取取水许可证" -> 取水许可证).
_PAPER_NAME = re.compile(r"([\u4e00-\u9fff]{2,6}?(?:许可证|经营许可证|执照))")


# An assessment that is approved (报告书, 报告表), not filed like a registration form (登记表).
_ASSESSMENT_PAPER = re.compile(r"环境影响评价文件|环境影响报告书|环境影响报告表|报告书|报告表")
# A ban on what hinders a flood's flow, and a proposal whose flood-impact review has passed.
_FLOOD_HINDER = re.compile(r"(?:妨碍|阻碍|影响)行洪")
_FLOOD_REVIEWED = re.compile(r"(?:防洪|洪水)影响评价[^。；;]{0,24}?(?:审查同意|同意|批复|批准|审查通过|通过审查)")
# A duty to file a paper with an authority ("将环境影响登记表报…主管部门备案").
_FILE_DUTY = re.compile(r"将([\u4e00-\u9fff]{2,16}?)(?:报|报送|提交|送)[^，。；]{0,40}?备案$")


def _filed(action: str, fact: Fact) -> bool:
    """The proposal states the paper the duty names filed ("环境影响登记表并完成备案", "已将…登记表…备案")."""
    m = _FILE_DUTY.search(_normalized(action))
    if m is None:
        return False
    return _stated_filed(re.escape(m.group(1)), fact.whole or fact.norm_text)


def _stated_filed(paper: str, text: str) -> bool:
    """The text states the paper (a pattern) filed: "环境影响登记表并完成备案", "已将…登记表…备案"."""
    done = re.search(rf"{paper}[^。；;]{{0,12}}?(?:已|完成|办理了?|办妥)[^，。；,;]{{0,4}}备案|"
                     rf"已[^，。；,;]{{0,16}}{paper}[^，。；,;]{{0,10}}备案", text)
    return done is not None and not _LACKED_BEFORE.search(text[max(0, done.start() - 8):done.start()])


def _paper_held(action: str, fact: Fact) -> bool:
    """The proposal states it holds a paper the duty asks for ("已取得地热采矿许可证和取水许可证")."""
    text = fact.whole or fact.norm_text
    for m in _PAPER_NAME.finditer(_normalized(action)):
        paper = re.sub(r"^(?:申请|领取|申领|取得|办理|依法)+", "", m.group(1))
        for k in re.finditer(re.escape(paper), text):
            before = text[max(0, k.start() - 16):k.start()]
            if _HELD.search(before) and not _LACKED_BEFORE.search(before) and not _NOT_YET.search(before):
                return True
    return False


def _paper_not_held(case: str, fact: Fact) -> bool:
    """"在排污许可证有效期内，排污单位有下列情形之一的…" binds a holder of the paper; a proposal that does not say it
    holds one ("投产前按规定申领排污许可证", a new works) is not that case."""
    m = _WITHIN_TERM.search(_normalized(case))
    if m is None:
        return False
    paper = m.group(1)[-3:] if m.group(1).endswith("许可证") else m.group(1)[-2:]
    text = fact.whole or fact.norm_text
    return not any(_HELD.search(text[max(0, i - 12): i + len(paper) + 4]) for i in
                   (k.start() for k in re.finditer(re.escape(paper), text)))


# The things an act is done to, listed and closed by their class ("排放、倾倒工业废渣、城镇垃圾和其他废弃物").
_CATCH_ALL = re.compile(r"(?:排放|倾倒|堆放|投放|丢弃|弃置|填埋)((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8})"
                        r"(?:和|以及|及|或者)其他([\u4e00-\u9fff]{2,6})$")


# After a word: it is part of the name of a paper or a procedure ("取水许可申请", "水资源论证报告").
_PAPER_AFTER = re.compile(r"许可|论证|报告|证|权|费|手续|审批|申请")
# Before an act in the fact: it is only planned ("计划明年3月开工建设", "拟于2025年开工").
_PLANNED_BEFORE = re.compile(r"(?:计划|拟|预计|将于|准备|打算|力争|争取|定于)[^，。；,;]{0,12}$|"
                             # "取得节能审查意见后再开工建设": works to begin once something else is done
                             r"(?:后再|后方|之后再|后才|后方可)$")
# Anywhere in the proposal: the works go ahead of their approval ("拟先行施工", "边建设边办理", "环评同步编制"), or the
# approval is put at or after the works' end or the start of operation ("拟在试生产阶段报送审批", "建成后补办").
_AHEAD_OF_APPROVAL = re.compile(
    r"先行|提前|抢先|边[^，。；,;]{0,6}边|同步(?:编制|报批|办理)|补办|"
    r"(?:试生产|试运行|投产|建成|竣工|运行|生产|完工)(?:阶段|期间|时|后|以后|之后)[^，。；,;]{0,12}?"
    r"(?:报批|报送|送审|审批|办理)")
_BEGUN = re.compile(r"已|正在|目前|现已|开始")
# A sentence under a schedule's heading states what is to come ("四、进度安排：2024年9月完成土地流转，10月开工").
_SCHEDULE_HEAD = re.compile(r"^\s*(?:[一二三四五六七八九十\d]{1,3}\s*[、.．）)]\s*|[（(][一二三四五六七八九十\d]{1,3}[）)]\s*)?"
                            r"(?:项目|工程)?(?:建设|实施|施工)?(?:进度|工期|时间|计划)(?:安排|计划|节点)?\s*[：:]")


# A case of works whose environmental impact assessment was not approved ("环境影响评价文件未依法经审批部门审查…的").
_EIA_CASE = re.compile(r"(?:环境影响评价|环评)[^，；。]{0,12}?(?:未|没有)|(?:未|没有)[^，；。]{0,8}?(?:环境影响评价|环评)")
# The proposal's statement that its assessment is approved ("环境影响报告书已于2023年4月取得市行政审批局批复",
# "已取得环评批复"), and the words that make such a statement one of a step still to come.
# (a registration form is filed, not approved: "环境影响登记表已备案" is its whole procedure)
_EIA_APPROVED = re.compile(r"(?:环评|环境影响(?:评价)?(?:报告[书表]|文件)?|报告[书表])[^。；;]{0,6}?(?:已|业已|已经)"
                           r"[^。；;，,]{0,24}?(?:批复|批准|审批意见)|"
                           r"登记表[^。；;，,]{0,6}?(?:已|业已|已经)[^。；;，,]{0,12}?备案|"
                           r"(?:已|业已|已经)(?:完成|办理|填报)[^。；;，,]{0,10}?登记表[^。；;，,]{0,6}?备案|"
                           r"(?:已|业已|已经)(?:取得|获得|领取)[^。；;，,]{0,16}?(?:环评|环境影响)[^。；;，,]{0,12}?"
                           r"(?:批复|批准|审批意见)")
_NOT_YET = re.compile(r"待|正在|尚未|未|拟|报送|申请|提交|送审|编制|受理|补办|公示")
_YEAR_MONTH = re.compile(r"(20\d{2})\s*年\s*(?:(\d{1,2})\s*月)?")
_STARTED = re.compile(r"(20\d{2})\s*年\s*(?:(\d{1,2})\s*月)?[^，。；,;]{0,8}?(?:开工|动工|开始建设|开始施工|进场施工|破土)")


def _eia_approved_first(fact: Fact) -> bool:
    """The proposal states its assessment approved, not ahead of the works ("先行", "补办"), and, when it dates both,
    the approval no later than the start."""
    text = fact.whole or fact.norm_text
    if _AHEAD_OF_APPROVAL.search(text):
        return False
    held = [m for m in _EIA_APPROVED.finditer(text) if not _NOT_YET.search(m.group(0))]
    if not held:
        return False
    start = _STARTED.search(text)
    dated = _YEAR_MONTH.search(held[0].group(0))
    if start and dated:
        def when(m: re.Match[str]) -> tuple[int, int]:
            return int(m.group(1)), int(m.group(2) or 0)
        return when(dated) <= when(start)
    return True


def _only_planned(action: str, fact: Fact) -> bool:
    """Every occurrence in the fact of the act's words is planned, none begun, and nothing in the proposal puts the
    works ahead of their approval."""
    text = fact.norm_text
    if _AHEAD_OF_APPROVAL.search(fact.whole or text):
        return False
    spans = [sp for t in content_terms(action) if t not in GENERIC_WORDS for sp in _mention_spans(t, fact)]
    return bool(spans) and _spans_planned(text, spans, within=False)


def _spans_planned(text: str, spans: list[tuple[int, int]], within: bool) -> bool:
    """Each span of the text is planned ("计划…", "拟…" before it in its clause, or, when within, inside it), none
    begun ("已", "正在" …)."""
    for i, j in spans:
        before = text[segment_start(text, i):i]
        planned = _PLANNED_BEFORE.search(before) or (within and _PLANNED_BEFORE.search(text[i:j - 1])) \
            or _SCHEDULE_HEAD.search(text[:i])
        if not planned or _BEGUN.search(before):
            return False
    return True


def _after_approval(action: str, fact: Fact) -> bool:
    """Every occurrence in the fact of the act's words waits for the procedures to be done."""
    text = fact.norm_text
    # the proposal's own words for the act count ("取得批复后进场施工" for 开工建设)
    spans = [sp for t in content_terms(action) if t not in GENERIC_WORDS for sp in _mention_spans(t, fact)]
    if not spans:
        spans = [(i, j) for t in content_terms(action) for i, j in word_spans(t, text)]
    # a span inside a procedure's name is not the act ("竣工环境保护验收" read as 同时投产使用)
    starts = [i for i, j in spans if not _PROCEDURE_WORD.search(text[i:j])]
    if not starts:
        return False
    return all(_WAITS_FOR.search(text[segment_start(text, i):i]) for i in starts)


def _acts_missing(action: str, a: Match, fact: Fact) -> bool:
    """The act opens with the things or parties it binds ("机动车船、非道路移动机械…"), and the fact does none of its
    verbs: every matched word names the party, none the conduct."""
    if re.match(r"^[\s，]*(?:向|在|对|从|将|把|于|以|为|由)", action) or _LEAD_LIST.match(action.strip()):
        return False  # "向非道路移动机械…销售": the things named first are the act's target; "新建、扩建…" are acts
    tags = tagged(action)
    first_verb = next((i for i, (_w, t) in enumerate(tags) if t == "v"), None)
    if first_verb is None or first_verb == 0:
        return False
    head = "".join(w for w, _t in tags[:first_verb])
    verbs = [w for w, t in tags[first_verb:] if t == "v" and len(w) >= 2 and w not in GENERIC_WORDS]
    if not verbs or (not _ENUM_SPLIT.search(head) and len(content_terms(head)) < 2):
        return False
    return all(w in head for w in a.words) and not any(RuleJudge._fact_state(v, fact) for v in verbs)


def _lead_acts(action: str) -> tuple[str, list[str]]:
    """The list of acts an action opens with ("伪造、变造、转让…", "擅自倾倒、堆放…"), as written and its specific acts;
    ("", []) when it opens with none."""
    m = _LEAD_LIST.match(action.strip())
    if not m:
        return "", []
    return m.group(1), [t for t in _LIST_SPLIT.split(m.group(1)) if t not in GENERIC_WORDS]


def _act_done_object_denied(action: str, a: Match, fact: Fact) -> bool:
    """The action opens with a list of acts ("擅自倾倒、堆放、丢弃、遗撒…") of which the fact does one, and every word
    the fact denies stands in the rest of the action (the thing the act is done to)."""
    written, acts = _lead_acts(action)
    if not any(RuleJudge._fact_state(t, fact) == PRESENT for t in acts):
        return False
    denied = [w for w in a.words if RuleJudge._fact_state(w, fact) in (NEGATED, REMOVED)]
    return bool(denied) and not any(w in written for w in denied)


_MEANS = re.compile(r"^[\s，]*(?:利用|通过|借助)(?P<means>[^，；。]{2,40}?)(?:等(?:方式|手段|途径)?)?$")


# A restriction of a class's growth ("限制…的发展", "遏制…盲目发展").
_DEVELOPMENT = re.compile(r"(?:的|盲目)发展")


def _used_only(words: list[str], fact: Fact) -> bool:
    """Every mention the words were matched by is of equipment or means the project uses, none of what it is."""
    found = [m for m in fact.all_mentions if m.state == PRESENT and any(w in t for t in m.terms for w in words)]
    return bool(found) and all(m.field in ("equipment", "transport") for m in found)


# Works to start later ("计划今年四季度开工", "拟于2025年3月开工建设").
_PLANNED_START = re.compile(r"(?:计划|拟|预计|将)(?:于)?[^，。；]{0,12}?(?:开工|动工|开始建设|开始施工)")
# A proposal's claim that a rule exempts it ("依据…名录，…不纳入…管理", "按规定无需办理…", "豁免").
_EXEMPTION_CLAIMED = re.compile(r"(?:依据|根据|按照|按)[^。；]{0,30}?(?:名录|目录|规定|办法)[^。；]{0,40}?"
                                r"(?:不纳入|无需|不需要|不需|免于|豁免)")
# An authority that confirms it in writing ("县生态环境局已出具书面意见", "经市生态环境局书面确认").
_EXEMPTION_CONFIRMED = re.compile(r"(?:局|部门|政府|委员会)[^。；，,]{0,8}?(?:出具|复函|函复|书面确认|确认)|"
                                  r"(?:书面|正式)(?:意见|确认|复函)")
# A duty of care that only asks more of what a works does anyway ("加强对相关设施、设备和场所的管理和维护，保证其正常运行"):
# no proposal states it, and none that says nothing of it leaves it undone.
_CARE_DUTY = re.compile(r"^加强[^，。；,;]{0,24}?(?:管理|维护|监督|养护)(?:和|、|及)?(?:管理|维护|养护)?(?:[，,]|$)")
# A duty bounded by what is feasible ("在经济技术可行的条件下", "尽可能").
_SOFT_DUTY = re.compile(r"经济技术可行|技术可行、经济合理|经济合理、技术可行|尽可能|尽量")
# "…等逃避监管的方式排放水污染物": the act and its thing after the listed means.
_MEANS_OF_ACT = re.compile(r"的方式[\u4e00-\u9fff]{2,10}$")


# Fuels by kind: a rule on one kind of fuel's plant ("分散燃煤供热锅炉") is not about a plant the proposal fires with
# another ("生物质成型燃料专用蒸汽锅炉"). 煤层气 is a gas, not coal.
_FUELS = {
    "coal": re.compile(r"燃煤|原煤|散煤|烧煤|用煤|燃用煤|煤粉|煤炭|(?<!洗)煤(?:锅炉|炉)"),
    "oil": re.compile(r"燃油|重油|渣油|柴油锅炉"),
    "gas": re.compile(r"燃气|天然气|液化石油气|液化气|煤层气|沼气|LNG|CNG"),
    "biomass": re.compile(r"生物质|成型燃料|木屑颗粒|秸秆颗粒"),
    "electric": re.compile(r"电锅炉|电加热|电极锅炉|热泵|空气源"),
}


def _other_fuel(action: str, fact: Fact) -> bool:
    """The forbidden act names kinds of fuel ("燃煤发电机组、燃油发电机组"), the fact names another for its plant, and
    the proposal says the named kinds nowhere it does not deny or do away with."""
    kinds = [k for k, rx in _FUELS.items() if rx.search(action)]
    if not kinds or not any(rx.search(fact.sentence) for k, rx in _FUELS.items() if k not in kinds):
        return False
    text = fact.whole or fact.sentence
    for k in kinds:
        for m in _FUELS[k].finditer(text):
            seg = text[segment_start(text, m.start()):m.start()]
            if not NEGATORS.search(seg) and not REMOVERS.search(seg):
                return False
    return True


# A duty that something be kept from harm ("保证保护区水体不受污染").
_PROTECTS = re.compile(r"不受(?:污染|破坏|损害)|免受|不被(?:污染|破坏)")
# Before an act in its segment: the project lessens or prevents it ("有效减少秸秆露天焚烧", "避免…随意倾倒").
_LESSENS = re.compile(r"减少|削减|避免|杜绝|遏制|替代|取代|防止|防范")


# The head of a designated zone a norm's place names ("饮用水水源二级保护区", "河道管理范围", "生态保护红线").
# A zone of its own kind named in the place counts as well ("风景名胜区水体…的保护区内").
_ZONE_HEAD = re.compile(r"风景名胜区|保护区|保护范围|保护地|禁养区|禁燃区|禁采区|红线|核心区|缓冲区|实验区|管理范围|"
                        r"湿地")


def _zone_head_unsaid(scope: str, fact: Fact) -> bool:
    """The norm's place is a designated zone, and the proposal names no such zone, in its words or the lexicon's
    (said or denied): the parts of the place's name it shares ("水源", "二级") are not the zone."""
    heads = set(_ZONE_HEAD.findall(_normalized(scope)))
    if not heads:
        return False
    text = fact.whole or fact.norm_text
    return not any(word_spans(h, text) or any(h in t for m in fact.all_mentions or fact.mentions for t in m.terms)
                   for h in heads)


# Before an act in its segment: someone other than the project does it ("平时有人放羊、种地", "周边村民在此放牧").
# (someone unnamed, or the people around: "村民在田间露天焚烧秸秆" opening a sentence may be what the proposal is about)
_OTHERS_DO = re.compile(r"(?:有人|别人|他人|其他人|(?:周边|附近|周围|当地)(?:村民|群众|居民|农户|牧民|老百姓)|村里人|当地人)"
                        r"(?:平时|经常|常年|常|一直|偶尔|也|都|会|在[^，。；,;]{0,6})*$")


def _acts_of_others(words: list[str], fact: Fact) -> bool:
    """Every mention of the act words the fact matched, in its words or the lexicon's, is done by someone else."""
    text = fact.norm_text
    acts = [w for w in words if any(f.startswith("v") for _x, f in tagged(w))]
    spans = [sp for w in acts for sp in _mention_spans(w, fact)]
    return bool(spans) and all(_OTHERS_DO.search(text[segment_start(text, a):a]) for a, _b in spans)


def _acts_lessened(words: list[str], fact: Fact) -> bool:
    """Every mention of the act words the fact matched stands after a word that lessens or prevents it."""
    text = fact.norm_text
    acts = [w for w in words if any(f.startswith("v") for _x, f in tagged(w))]
    spans = [(a, b) for w in acts for a, b in word_spans(w, text)]
    return bool(spans) and all(_LESSENS.search(text[segment_start(text, a):a]) for a, _b in spans)


# Verbs of how an act is done, not acts of their own ("未按规定处理", "未经批准排放").
_MANNER_VERBS = frozenset({"规定", "按照", "依照", "依法", "进行", "经过", "实施", "开展", "要求"})


def _denied_by_other_act(word: str, action: str, fact: Fact) -> bool:
    """Every denial of the word in the fact runs through a verb of its own ("不申请政府资金", "不新增取水量"), none of the
    act's."""
    text = fact.norm_text
    spans = list(word_spans(word, text))
    if not spans:
        return False
    acts = set(action_verbs(action))
    denials = 0
    for a, _b in spans:
        seg = text[segment_start(text, a):a]
        negs = list(NEGATORS.finditer(seg))
        if not negs:
            continue  # said without a denial ("取水许可证已于2023年办理延续")
        denials += 1
        neg = negs[-1]  # the denial nearest the word
        # (a verb the word follows at once is its own denial, "不处理"; one of manner is none, "未按规定处理")
        verbs = [w for w, f in tagged(seg[neg.end():]) if f.startswith("v") and len(w) >= 2 and w not in _MANNER_VERBS]
        if not verbs or any(v in acts or v in action for v in verbs):
            return False
    return denials > 0


# The case's lack in a ban ("不符合农用标准和环境保护标准的…废水"): what the thing fails to meet.
_LACK = re.compile(r"(?:不|未)(?:符合|达到|满足)([^，。；,;的]{2,20})")


def _lacked_head_unsaid(action: str, a: Match) -> bool:
    """The only words of the ban's negated case the fact shares are modifiers: "用于农田灌溉" shares 农用 with "不符合
    农用标准", not the standard, so it says nothing of meeting it."""
    if a.fact_denies > 0:
        return False
    m = _LACK.search(action)
    if not m:
        return False
    words = content_terms(m.group(1))
    heads = {w for w in words if re.search(r"标准|要求|条件|规定|限值", w)}
    shared = [w for w in words if w in a.words and w not in GENERIC_WORDS]
    return bool(shared) and bool(heads) and not heads & set(shared)


def _phrase_denied(action: str, fact: Fact) -> bool:
    """A phrase of several words the act names whole ("低挥发性有机物含量的涂料") is one the lexicon reads a fact's words
    as the opposite of ("溶剂型醇酸及丙烯酸漆")."""
    norm = _normalized(action)
    return any(m.opposite and m.state == NEGATED and any(len(t) >= 6 and _normalized(t) in norm for t in m.terms)
               for m in fact.mentions)


# Words of the act written outside titles that show it whatever a title adds.
TITLED_REST = 4


def _titled_only(words: list[str], fact: Fact) -> bool:
    """A word the act was matched by is written only inside titles in 《》 (of a standard the project meets), in the
    fact's words or the lexicon's."""
    text = fact.norm_text
    titled = []
    for w in words:
        spans = list(word_spans(w, text))
        spans += [sp for m in fact.mentions if any(w in t for t in m.terms)
                  for sp in word_spans(_normalized(m.surface), text)]
        if spans and all(in_title(text, a, b) for a, b in spans):
            titled.append(w)
    # (the act shown by words enough outside the titles stands: "污泥中铅、镉、砷含量高于《农用地土壤污染风险管控标准》
    # 筛选值…复垦为耕地" has its 土壤 only in the standard's title)
    rest = [w for w in words if w not in titled and w not in GENERIC_WORDS]
    return bool(titled) and len(rest) < TITLED_REST


def _means_missing(action: str, fact: Fact) -> bool:
    """The act is forbidden when done by a named means ("利用渗井、渗坑、裂隙…排放", "利用无防渗漏措施的沟渠、坑塘等
    输送…"): the means runs from 利用/通过 to the act's first verb, and the fact names none of its specific words."""
    if not re.match(r"^[\s，]*(?:利用|通过|借助)", action):
        return False
    verbs = [v for v in action_verbs(action) if v not in ("利用", "通过", "借助")]
    cut = min((i for i in (action.find(v, 2) for v in verbs) if i > 0), default=-1)
    if cut < 0:
        return False
    m = _MEANS.match(action[:cut])
    if not m or _means_class_said(action, fact):
        return False
    # the means are the things named after the last 的 ("沟渠、坑塘"); what describes them ("无防渗漏措施的") is no
    # means: "地面防渗" does not show a ditch
    means = m.group("means").rpartition("的")[2] or m.group("means")
    words = [t for t in content_terms(means) if t not in GENERIC_WORDS and not _POLARITY_WORDS.match(t)]
    # a means named only to be denied ("不外排至周边沟渠") is not used
    return bool(words) and not any(RuleJudge._fact_state(t, fact) == PRESENT for t in words)


# The class a list of means closes with ("…不正常运行防治污染设施等逃避监管的方式").
_MEANS_CLASS = re.compile(r"等([\u4e00-\u9fff]{2,8})的(?:方式|手段)")


def _means_class_said(action: str, fact: Fact) -> bool:
    """The fact shows the class the norm's listed means belong to ("日常备用、检查时启用" is 逃避监管): it is one of them,
    named otherwise."""
    m = _MEANS_CLASS.search(action)
    words = [t for t in content_terms(m.group(1)) if t not in GENERIC_WORDS] if m else []
    return bool(words) and all(RuleJudge._fact_state(t, fact) == PRESENT for t in words)


_BENEFACTIVE = re.compile(r"^[\s，]*(?:为|替|给|帮助)[^，；。]{1,10}?(?:单位|企业|个人|机构|者|人)")


def _benefactive_act_missing(action: str, fact: Fact) -> bool:
    """The act is done for another party ("为建设单位指定…", "为他人提供…"): the verb right after that party is the act,
    and the fact never names it."""
    m = _BENEFACTIVE.match(action)
    if not m:
        return False
    tags = tagged(action[m.end():])
    if not tags:
        return False
    verb, flag = tags[0]
    return flag == "v" and len(verb) >= 2 and verb not in GENERIC_WORDS and not RuleJudge._fact_state(verb, fact)


# A case of a thing that failed a test or a standard ("验收不合格的", "检测不达标的").
_NOT_QUALITY = re.compile(r"不(?:合格|达标|符合|规范)")


# "…秸秆、落叶等产生烟尘污染的物质": after 等, a clause describing the class of the things listed.
_CLASS_CLAUSE = re.compile(r"等([^，。；、等]{2,16})的(?:物质|废物|物品|材料|产品|废弃物|垃圾|污染物)")


def _only_describing(action: str, words: list[str]) -> bool:
    """Every word the fact shares with a prohibition stands only in the clause describing the class of what the act is
    done to."""
    m = _CLASS_CLAUSE.search(action)
    if not m or not words:
        return False
    rest = action[:m.start(1)] + action[m.end(1):]
    return all(w in m.group(1) and w not in rest for w in words)


def _paper_open(paper: str, fact: Fact, deferred: bool = False) -> bool:
    """The proposal says the paper is still to be decided or under way (with deferred, also put off: "排污许可证待环评
    批复后再申请"), and of no occurrence that it is refused."""
    text = fact.whole or fact.norm_text
    spans = list(word_spans(_normalized(paper), text))
    return bool(spans) and all(undecided(text, a, b) or in_progress(text, a, b) or (deferred and put_off(text, a, b))
                               for a, b in spans)


def _said_together(words: list[str], fact: Fact) -> bool:
    """The words (those the proposal writes as they are) stand in one of its sentences."""
    text = fact.whole or fact.norm_text
    literal = [w for w in dict.fromkeys(words) if w in text]
    if len(literal) < 2:
        return True
    return any(all(w in sent for w in literal) for sent in _SENTENCE_END.split(text))


def _named_together(words: list[str], fact: Fact) -> bool:
    """The words, as written or in the proposal's words the lexicon reads as them, stand in one sentence of the
    proposal: "垃圾填埋场" is not named by "生活垃圾收集后送乡转运站" and "土方就地回填" apart."""
    surfaces = {w: {w, *(normalize_for_search(m.surface) for m in fact.all_mentions if w in m.terms)}
                for w in dict.fromkeys(words)}
    return any(all(any(x in sent for x in xs) for xs in surfaces.values())
               for sent in _SENTENCE_END.split(_normalized(fact.whole or fact.sentence)))


# Two places a scope names as alternatives ("核心区和缓冲区", "一级保护区、二级保护区").
_SCOPE_PAIR = re.compile(r"((?:(?!的)[\u4e00-\u9fff]){1,4}区)(?:和|、|或者|及)(?=((?:(?!的)[\u4e00-\u9fff]){1,4}?区))")


# A case of a paper not approved ("建设项目的环境影响评价文件未依法经审批部门审查…的"): the paper is named before it.
_UNAPPROVED = re.compile(r"^([^，。；,;]{2,30}?)(?:未依法经|未经|未依法|未予|未取得|没有取得)")
_PAPER_FILLER = frozenset({"建设项目", "项目", "文件", "建设", "依法", "评价"})


# A ban on adding to something ("不得增加新的大气污染物排放"), and the words of an increase.
_INCREASE_ACT = re.compile(r"(?:增加|新增|扩大|提高)")
_INCREASE_SAID = re.compile(r"增加|新增|扩大|提高|增至|增长|增大|上升")


# A duty to apply again for a paper held, and the changes to the works that call for it.
_RENEWAL = re.compile(r"重新(?:申请|报批|审核|办理|申领)")
# (a paper renewed when years have passed, "自批准之日起超过五年", is read by the years the proposal states)
_YEARS_SPAN = re.compile(r"[一二三四五六七八九十\d]+年")
_CHANGE_MADE = re.compile(r"扩建|改建|技改|技术改造|变更|新增|增加|调整|迁建|搬迁|重大变动|改变")


# A denial of an improper manner ("不露天堆放", "不随意倾倒", "不直接排放", "杜绝无组织排放").
_BAD_MANNER = re.compile(r"(?:不|不会|不得|禁止|杜绝|避免|严禁)(?:在|再)?(?:露天|敞开|随意|随便|直接|无组织|裸露|私自|擅自|乱)")


def _bad_manner_refused(word: str, fact: Fact) -> bool:
    """Every place the fact denies the word (or the applicant's words the lexicon reads as it) is a denial of an
    improper manner of handling it: the thing is handled, properly."""
    text = fact.norm_text
    surfaces = {word, *(_normalized(m.surface) for m in fact.mentions if any(word in t for t in m.terms))}
    spans = [sp for x in surfaces if x for sp in word_spans(x, text)]
    return bool(spans) and all(_BAD_MANNER.search(text[segment_start(text, a):b]) for a, b in spans)


def _denied_occurrences(surface: str, text: str) -> list[tuple[int, int]]:
    """Where a mention read as denied stands in a text that may hold its words more than once: every place (the lexicon
    reads denials that polarity around a word does not, "验收待…后再办理"), except where the works are plainly said to
    be there ("厂区不在保护区内，但排放口设在保护区内": the second place is affirmed)."""
    spans = list(word_spans(surface, text))
    if len(spans) <= 1:
        return spans
    return [(a, b) for a, b in spans if not (_SITED_AT.search(text[segment_start(text, a):a])
                                             and state_at(text, a, b, proposal=True) == PRESENT)]


# A place the works are said to be at ("排放口设在…", "位于…").
_SITED_AT = re.compile(r"(?:设在|设于|设置在|位于|建在|处于|布置在|选址在|选在)[^，。；,;]{0,8}$")


def _place_undecided(words: list[str], fact: Fact) -> bool:
    """Every place word of the scope that the proposal writes stands in a clause that leaves open whether the project
    is there ("是否位于…范围内，尚未确定")."""
    text = fact.whole or fact.norm_text
    spans = [sp for w in words if w not in GENERIC_WORDS and len(w) >= 2 for sp in word_spans(w, text)]
    return bool(spans) and all(undecided(text, a, b) for a, b in spans)


def _under_way(words: list[str], fact: Fact) -> bool:
    """A specific word the duty and the fact share names a procedure the fact says is still under way, or still to be
    decided ("取水许可…正在向县水利局咨询办理路径，待勘查结果出来后再确定")."""
    text = fact.norm_text
    return any(in_progress(text, a, b) or undecided(text, a, b) for w in words if w not in GENERIC_WORDS and len(w) >= 2
               for a, b in word_spans(w, text))


def _manner_without_act(action: str, a: Match, fact: Fact) -> bool:
    """The prohibition opens with a manner and its act ("露天焚烧", "随意倾倒"); the fact shares the manner word, names
    nothing the act is done to, and states neither the act nor the two together."""
    tags = tagged(action)[:2]
    if len(tags) < 2:
        return False
    (manner, _f), (act, flag) = tags
    # (the two together as the lexicon reads them, "就地燃烧" for 露天焚烧; a word inside the compound is no reading of it)
    together = manner + act in fact.norm_text or any(manner + act in m.terms for m in fact.mentions)
    # what the act is done to, when the fact names it ("针头…放在后院露天角落": 露天存放医疗废物), shows the act done in
    # other words; words of the clause describing its class ("产生烟尘污染的物质") do not
    cls = _CLASS_CLAUSE.search(action)
    things = [w for w in a.words if w != manner and not (cls and w in cls.group(1))]
    return bool(_MANNER_WORD.fullmatch(manner)) and len(act) == 2 and flag == "v" and manner in a.words \
        and not things and not RuleJudge._fact_state(act, fact) and not together


def _lead_verbs_missing(action: str, fact: Fact) -> bool:
    """The action opens with a list of acts ("伪造、变造、转让…", "新建、扩建…") of which the fact does none."""
    _written, acts = _lead_acts(action)
    return bool(acts) and not any(RuleJudge._fact_state(t, fact) for t in acts)


# A 将 (把) sentence: what it is done to comes first, the act right after ("将危险废物混入…", "把污水排入…").
_DISPOSAL = re.compile(r"^(?:擅自|私自|故意)?[将把]")


def _disposal_verb_missing(action: str, fact: Fact) -> bool:
    """A prohibition in a 将 sentence whose act, the first verb after its object, the fact does not state."""
    lead = _DISPOSAL.match(action)
    verbs = action_verbs(action) if lead else ()
    if lead is None or not verbs:
        return False
    # the thing the act is done to, the nouns right after 将 ("将危险废物提供…" and "蔬菜残叶交由环卫部门收运": no
    # hazardous waste in the fact)
    thing = "".join(w for w, _f in itertools.takewhile(lambda wf: wf[1].startswith("n"), tagged(action[lead.end():])[:3]))
    named = [t for t in content_terms(thing) if t not in GENERIC_WORDS and len(t) >= 2]
    if named and not any(RuleJudge._fact_state(t, fact) == PRESENT for t in named):
        return True
    # the act: the object is a short noun phrase right before the verb; a longer stretch holds acts the tagger missed
    # ("将危险废物提供或者委托给…从事收集")
    obj = action[lead.end(): action.find(verbs[0], lead.end())]
    return 0 < len(obj) <= 8 and not re.search(r"[的给、，]|或者|和", obj) and not RuleJudge._fact_state(verbs[0], fact)


_TOWARD = re.compile(r"^(?:擅自|私自|直接或者间接|直接|间接)?向")


def _toward_verb_missing(action: str, fact: Fact) -> bool:
    """A prohibition "向<place><act><thing>" ("向农田灌溉渠道排放工业废水") forbids the act into that place; a fact
    that states none of its acts ("沉淀后用于周边农田灌溉") does not do it, whatever words of the place it shares."""
    verbs = action_verbs(action) if _TOWARD.match(action) else ()
    if not verbs or any(RuleJudge._fact_state(v, fact) for v in verbs):
        return False
    # a verb of the same root morpheme is the act in other words ("排入", "直排" for 排放), lexicon or not
    roots = {v[0] for v in verbs}
    return not any(f == "v" and w[0] in roots for w, f in _pos_tags(fact.norm_text))


# A party named by what it makes or sells ("机动车、非道路移动机械生产企业", "电器电子产品生产者").
_MAKER = re.compile(r"([\u4e00-\u9fff、和或者]{2,30}?)(?:的)?(?:生产|制造|销售|进口|生产、进口|生产、销售)(?:企业|者|单位|商)")
# Words before what a works makes ("年产6万吨耐火材料", "生产…机械", "销售柴油").
_MAKES_BEFORE = r"(?:生产|年产|制造|组装|销售|经销|批发|零售|进口)[^，。；,;]{0,14}?"


def _product_words(product: str) -> list[str]:
    """The kind words naming a product ("机械" of 非道路移动机械; none for "工业" of 工业生产企业, a sector)."""
    return [t for t in _kind_words(product) if t not in _CLASS_NOUNS]


def _makes(product: str, fact: Fact) -> bool:
    """The proposal makes or sells the product (its last kind word after a making verb: "年产…机械")."""
    text = fact.whole or fact.norm_text
    return bool(re.search(_MAKES_BEFORE + re.escape(_normalized(_product_words(product)[-1])), text))


@lru_cache(maxsize=4096)
def _kind_heads(phrase: str, after_de: bool = False) -> set[str]:
    """The last kind word of each party or place a phrase lists ("生活垃圾填埋场和建筑垃圾消纳场" → 填埋场, 消纳场; class
    nouns such as 场所 aside); after_de: of each item only the words after its last 的."""
    return {_with_modifier(kw) for item in _KIND_LIST.split(phrase)
            if (kw := tuple(t for t in _kind_words(item.rpartition("的")[2] if after_de else item)
                            if t not in _CLASS_NOUNS))}


# A head that names no kind of works alone ("小区" is a housing estate unless 养殖 comes before it).
_BARE_HEADS = frozenset({"小区", "园区", "基地", "中心"})


def _with_modifier(kw: tuple[str, ...]) -> str:
    return kw[-2] + kw[-1] if kw[-1] in _BARE_HEADS and len(kw) >= 2 else kw[-1]


def _kind_words(subject: str) -> tuple[str, ...]:
    """The words of a subject that name a kind of party (畜禽, 养殖场 in "畜禽养殖场、养殖小区"); segmented once
    per subject, since the judge meets the same subjects for every fact."""
    return tuple(t for t in content_terms(subject) if t not in GENERIC_WORDS and t not in _PARTIES and len(t) >= 2)


_WORKS = re.compile(r"(?:新建|改建|扩建)(?:、(?:新建|改建|扩建))*")
# What a proposal to build is, whatever it builds.
_PROJECT_ITSELF = re.compile(r"(?:建设)?项目|建设工程|工程")
# "新建…与供水设施和保护水源无关的建设项目": works for those things are the ones the ban leaves allowed.
_UNRELATED_TO = re.compile(r"与([^，。；]{2,30}?)无关的")
_WHAT_IS_BUILT = re.compile(r"新建|改建|扩建|建设内容|建设规模|项目名称")


def _related_works(action: str, scope: str, fact: Fact) -> bool:
    """The ban spares works related to some things ("与供水设施和保护水源无关的建设项目") and what the proposal builds is
    for one of them ("新建取水泵站…为县城水厂供水"): the words of those things other than the place's own (水源 of the
    zone) stated in a sentence that says what is built."""
    m = _UNRELATED_TO.search(action)
    if m is None:
        return False
    place = _normalized(scope)
    words = [t for t in content_terms(m.group(1)) if t not in GENERIC_WORDS and t not in place and len(t) >= 2]
    text = fact.whole or fact.norm_text
    built = [text[a:b] for a, b in sentences(text) if _WHAT_IS_BUILT.search(text[a:b])]
    return any(state_at(x, i, i + len(t), proposal=True) == PRESENT
               for t in words for x in built for i in [x.find(t)] if i >= 0)


# A contractor named by the works it does ("工程施工单位", "建筑施工单位"), unlike a bare "施工单位" that any
# party may be; and the words by which a proposal states it carries out such works.
# The waste a works duty is about ("建筑垃圾等固体废物").
_WASTE_THING = re.compile(r"垃圾|废物|废弃物|废料|弃土|渣土|污泥")
_WASTE_CLASSES = frozenset({"固体废物", "废物", "废弃物"})
_WORKS_PARTY = re.compile(r"^(?:建设工程|建筑工程|工程|建筑|房屋建筑)施工单位$")
_WORKS_ACTS = ("施工", "建筑施工", "施工作业", "拆除", "新建", "改建", "扩建")


def _works_missing(condition: str, fact: Fact) -> bool:
    """The condition binds building works ("新建、改建、扩建排放污染物的项目") the proposal never states: an
    existing plant fitting monitors is not a new project."""
    acts = [t for m in _WORKS.finditer(condition) for t in m.group(0).split("、")]
    if not acts:
        return False
    # a project that builds states works whatever its verb ("新修道路", "铺设管网", "新增生产线")
    return not any(RuleJudge._fact_state(t, fact, wide=True) == PRESENT for t in (*acts, *_BUILDS))


_BUILDS = ("新增", "建成", "修建", "兴建", "新修", "铺设")


def _best_part_denies(words: list[str], fact: Fact, action: str = "") -> bool:
    """For a fact made of several sentences: the sentence holding most of the matched words denies one of
    them (every occurrence there is negated or removed). Words are found as written or as the proposal's
    words a concept maps to them. A word the norm denies too ("无许可证的单位") is the case, not a denial of it, and a
    word inside a paper's name ("没有危险废物经营许可证") says nothing of the thing."""
    if not fact.parts or len(words) < 2:
        return False
    norm_denied = {w for w in words if re.search(rf"[无未没不非]{re.escape(w)}", action)}
    best: tuple[int, bool] = (0, False)
    for part in fact.parts:
        text = _normalized(part)
        found = 0
        denied = False
        for w in dict.fromkeys(words):
            surfaces = {w, *(m.surface for m in fact.mentions if w in m.terms)}
            states = [state_at(text, a0, b0, proposal=True) for sf in surfaces for a0, b0 in word_spans(sf, text)
                      if not in_permit_name(text, a0, b0)]
            if states:
                found += 1
                denied = denied or (PRESENT not in states and w not in norm_denied)
        if found > best[0]:
            best = (found, denied)
    return best[0] >= 2 and best[1]


# Words that hand a thing or a task to another party: what follows in the clause is that party's doing.
_HANDED_OVER = re.compile(r"由|交由|交给|委托|送往|运往|送至|运至|运送至|卖给|售给|提供给|转交|转让给|出售给|供给|外售|"
                          # "交园区有机肥厂综合利用": 交 before the party it hands the thing to
                          r"交(?=[\u4e00-\u9fff]{1,12}?(?:厂|站|场|单位|企业|公司|中心|部门))|"
                          # "送县生活垃圾填埋场": sent to another party's works
                          # (not the project's own: "送厂区污水处理站"); "排入杏花村污水处理厂": into another's plant
                          r"(?<![输运发递传])送(?!厂区|厂内|本厂|自建|配套|场内|站内|本项目)"
                          r"(?=[\u4e00-\u9fff]{1,14}?(?:厂|站|场|单位|企业|公司|中心))|"
                          r"排入(?!厂区|厂内|本厂|自建|配套)(?=[\u4e00-\u9fff]{0,14}?(?:污水处理厂|污水厂))")

def handed_over(text: str, pos: int) -> bool:
    """The word at pos follows, in its clause, a hand-over to another party ("由…处置中心收运", "委托…单位"); "由工业用地
    变更为住宅用地" and "由…组成" say from what, not by whom, and "由自卸车…运入" by what means."""
    start = segment_start(text, pos)
    end = SEGMENT_END.search(text, pos)
    rest = text[pos: end.start() if end else len(text)]
    # (read to the segment's end: "送…填埋场" names the works it sends to after the verb)
    for m in _HANDED_OVER.finditer(text, start, end.start() if end else len(text)):
        if m.start() >= pos:
            break
        if m.group(0) != "由" or not (re.search(r"为|组成|构成", text[m.end():pos] + rest)
                                      or _BY_VEHICLE.match(text, m.end()) or _FROM_SOURCE.match(text, m.end())):
            return True
    # "将电镀污泥…交由邻县一家再生资源回收站收购": the thing put first with 将, the hand-over after it
    return bool(_PUT_FIRST.search(text, start, pos)) and bool(_HANDED_TO.search(rest))


# A thing put first (将…) in its clause, and a hand-over to another party that follows it.
_PUT_FIRST = re.compile(r"将[^，。；,;]{0,4}$")
_HANDED_TO = re.compile(r"交由|交给|委托|卖给|出售给|转卖给|送往|送至")


# "原煤由重型自卸车经县乡公路运入": 由 naming the vehicle says by what means, not to whom.
# ("由处置单位专用车辆运走" is still handed over: the vehicle is another party's)
_BY_VEHICLE = re.compile(r"(?:(?!单位|公司|中心|企业|机构)[\u4e00-\u9fff]){0,8}?(?:车|汽车|车辆|货车)(?![间库位])")


# "由岚漪河支流设临时泵站抽水", "由自备井供水": 由 naming a body of water says from where, not to whom.
_FROM_SOURCE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:河|江|湖|水库|渠|井|泉|支流)(?![道长务管])")


# "不符合强制性节能标准的": a case of failing a named standard or requirement.
_FAILS_STANDARD = re.compile(r"不(?:符合|达到|满足)([^，；。的]{2,20}?(?:标准|要求))")
# "含病原体的污水经过消毒处理": a thing, then the treatment it must go through (the whole rest of the duty).
_TREATED = re.compile(r"^([^，；。]{2,20}?)(?:应当|必须|须)?(?:经过|经)([^，；。、]{2,10}?(?:处理|消毒|净化|处置))$")


# A scope about what is near a place, not in it ("在居民区和学校…周边").
_NEAR_SCOPE = re.compile(r"周边|周围|附近|相邻|邻近|距离|之间")
# Words that place a thing around the site ("周边村庄", "附近养殖场").
_AROUND = r"周边|附近|周围|邻近|靠近|紧邻|毗邻"
# Before a place: it is around the site, or at a distance the proposal states ("距离村庄约300米").
_AROUND_BEFORE = re.compile(rf"(?:{_AROUND})的?[^，。；,;]{{0,2}}$|(?:距|距离)(?:最近的?)?[^，。；,;\d]{{0,4}}$|"
                            # "东邻XX小区约150米": the neighbour on one side, by its own name
                            r"[东南西北]{1,2}邻[^，。；,;]{0,10}$|"
                            # "园区北侧为某小区": a place on one side of the site is beside it, not where it is, also
                            # under its own name ("村北侧为XX水库饮用水水源二级保护区")
                            r"[东南西北]{1,2}(?:[侧面边](?:约?[\d.]+(?:米|公里|千米|m|km)(?:处|外|以外)?)?|"
                            # "北侧约300米为村庄", "东北约800米为某村": a bearing and a distance
                            r"约?[\d.]+(?:米|公里|千米|m|km)(?:处|外|以外)?)"
                            r"(?:为|是|有|紧邻|毗邻|相邻|隔路为|隔路是)[^，。；,;]{0,10}$")


# The level of a protection zone ("一级保护区", "准保护区"), in a norm and as a proposal writes it ("二级保护范围").
_ZONE_LEVEL = re.compile(r"(一级|二级|三级|准)保护区")
_ZONE_LEVEL_SAID = re.compile(r"(一级|二级|三级|准)保护(?:区|范围|区域|地带)")
# A word that names a place by its kind ("保护区", "管控范围", "红线").
_PLACE_WORD = re.compile(r"(?:区|区域|地|地区|地带|范围|红线|岸线)$")


# The name of a zone a scope is about, as written ("饮用水水源保护区" of "在饮用水水源保护区内").
_ZONE_NAME = re.compile(r"(?<=在)[\u4e00-\u9fff]{2,14}?(?:保护区|区域|范围|地区|地带|红线)")


# The kind of zone a scope ends with, and the word before it ("岸线的管控范围" is written 岸线管控范围).
_ZONE_TAIL = re.compile(r"([\u4e00-\u9fff]{2})的?((?:管控|保护|控制|管理)?(?:保护区|区域|范围|地区|地带|红线))(?:内|以内)?$")
# Words before a zone that designate it rather than place the site ("已划定岸线管控范围").
_DESIGNATED_BEFORE = re.compile(r"(?:划定|划设|设立|确定|公布|调整|列入)[^，。；,;]{0,8}$")


def _zone_names(scope: str) -> set[str]:
    """The zones a scope names ("饮用水水源一级保护区"), and the zone its last place ends with, with the word before it
    ("在黄河干流岸线和重要支流岸线的管控范围内" → 岸线管控范围)."""
    zones = set(_ZONE_NAME.findall(scope))
    for part in re.split(r"[，,；;]", scope):
        tail = _ZONE_TAIL.search(part)
        if tail and len(tail.group(2)) >= 4:
            zones.add(tail.group(1) + tail.group(2))
    return zones


def _only_around(words: list[str], fact: Fact, scope: str = "") -> bool:
    """Every place word the proposal says, in its words or the lexicon's, is around the site ("周边村庄")."""
    if not words:
        return False
    text = fact.whole or fact.norm_text
    # A place the lexicon reads as the scope's whole term ("小区" for 噪声敏感建筑物集中区域) is what the scope is
    # about; another place that shares one of its words ("县城" for 人口集中地区 shares 集中) is not.
    whole = [m for m in fact.all_mentions if any(all(w in t for w in words) for t in m.terms)]
    zones = _zone_names(_normalized(scope)) if scope else set()
    # (a zone a text designates, "划定岸线管控范围", is not a place the site is said to be in or out of)
    said = [(a, b) for z in zones for a, b in word_spans(z, text)
            if not _DESIGNATED_BEFORE.search(text[segment_start(text, a):a])]
    if said and all(outside(text, a, b) for a, b in said):
        # "厂区和排放口均不在饮用水水源保护区内": where the applicant names the zone itself, it says the site is not in
        # it; a place the lexicon reads as the zone ("县城第二水厂取水口下游约5公里处") does not outweigh that
        return True
    if any(_IN_ZONE_BEFORE.search(text[segment_start(text, a):a]) and text.startswith("内", b)
           and not outside(text, a, b) for a, b in said):
        # "厂区西侧三川河河滩地（位于河道管理范围内…）": the zone named and the site said to be in it, whatever side of
        # the plant it lies on
        return False
    for w in words:
        # the place the lexicon read ("村庄" for 噪声敏感建筑物集中区域), and the word where no such place covers it
        # ("处理站建在保护区内" after "村北侧为XX水库饮用水水源二级保护区")
        spans = [sp for m in (whole or fact.all_mentions) if any(w in t for t in m.terms)
                 for sp in word_spans(_normalized(m.surface), text)]
        # the word as written: where no place the lexicon read has it, or where it names the place itself (not a word
        # that qualifies it, as "噪声" of 噪声敏感建筑物集中区域)
        if not spans or _PLACE_WORD.search(w):
            spans += [(a, b) for a, b in word_spans(w, text) if not any(x <= a and b <= y for x, y in spans)]
        # around the site, or a place the proposal puts the site outside of ("保护区边界外", "不在保护区内设置排污口")
        if not spans or not all(_AROUND_BEFORE.search(text[segment_start(text, a):a]) or outside(text, a, b)
                                or _beside(text, a, b) for a, b in spans):
            return False
    return True


def _act_parts(action: str, fact: Fact) -> str:
    """The sentences of the fact that do one of the action's verbs (the whole fact's text where it is one sentence,
    or none does): how the act is done is read there, not in a sentence about something else ("河道内原有芦苇湿地
    全部保留" says nothing of how "施工土方…临时堆放" is done)."""
    if not fact.parts:
        return fact.norm_text
    verbs = [w for w, t in tagged(action) if t.startswith("v") and len(w) >= 2 and w not in GENERIC_WORDS
             and not _MANNER.search(w)]
    held = [p for p in fact.parts if any(v in p for v in verbs)]
    return _normalized("".join(held)) if held else fact.norm_text


# "在河道管理范围外", "于保护区边界以外": a place of the kind a ban is bound to, which the clause puts the act outside of
_PUT_OUTSIDE = re.compile(r"(?:在|于)[^，。；,;在于]{0,16}?(?:范围|区域|保护区|河道|湿地|水域|红线|岸线|河滩|滩地|边界)"
                          r"(?:以外|之外|外)")


def _act_put_outside(words: list[str], fact: Fact) -> bool:
    """Every clause of the proposal that does the act (a verb among the matched words) puts it outside a zone-like
    place before the verb ("施工土方在河道管理范围外临时堆放"): the act is not done where the ban holds."""
    text = _normalized(fact.whole or fact.norm_text)
    if not _PUT_OUTSIDE.search(text):
        return False  # (the common case, read before tagging the words: the judge runs this for every zone ban)
    verbs = [w for w in words if len(w) >= 2 and any(t.startswith("v") for _w, t in tagged(w))]
    if not verbs:
        return False
    found = False
    for seg in re.split(r"[，。；,;]", text):
        at = [seg.find(v) for v in verbs if v in seg]
        if not at:
            continue
        m = _PUT_OUTSIDE.search(seg)
        if not m or m.end() > min(at):
            return False
        found = True
    return found


# "项目用地北侧与龙泉山省级风景名胜区相邻": the place after 与 that the site borders, or is measured from.
_WITH_BEFORE = re.compile(r"与[^，。；,;与]{0,12}$")
_BORDERS_AFTER = re.compile(r"^[^，。；,;]{0,6}?(?:相邻|毗邻|接壤|为邻|紧邻|相接)|"
                            # "项目用地与风景名胜区核心景区边界的距离": the place the site is measured from
                            r"^[^，。；,;]{0,10}?的?距离")


def _beside(text: str, a: int, b: int) -> bool:
    """The place at text[a:b] is one the site borders ("与…风景名胜区相邻") or is some distance from."""
    return bool(_WITH_BEFORE.search(text[segment_start(text, a):a])) and bool(_BORDERS_AFTER.match(text[b:]))


# Kinds of works by their last character ("畜禽养殖场", "养殖小区", "砖厂").
_WORKS_WORD = re.compile(r"(?:场|厂|站|小区|户|企业)$")
# Before works in a clause: they are around the project, not the project ("周边有生猪、肉牛养殖户十余家").
_OTHERS_BEFORE = re.compile(rf"(?:{_AROUND}|其他|外部)[^，。；,;]{{0,8}}$")


def _others_at(text: str, pos: int) -> bool:
    """The words at pos are another party's: what the project hands something to ("交给附近养殖场", "外售…养殖户"), or
    what lies around it ("周边养殖户")."""
    return handed_over(text, pos) or bool(_OTHERS_BEFORE.search(text[segment_start(text, pos):pos]))


def _others_trade(surface: str, text: str) -> bool:
    """Every mention of a trade is of another party ("外售周边养殖户作饲料")."""
    spans = [m.start() for m in re.finditer(re.escape(surface), text)]
    return bool(spans) and all(_others_at(text, a) for a in spans)


def _works_of_others(action: str, words: list[str], fact: Fact) -> bool:
    """The norm is about a kind of works the fact names ("建设畜禽养殖场"), and every time it names them they are
    another party's: handed something ("交给附近养殖场"), or around the project ("周边养殖户")."""
    works = [w for w in words if _WORKS_WORD.search(w) and w in action]
    if not works:
        return False
    text = fact.norm_text
    for w in works:
        spans = _mention_spans(w, fact)
        if not spans:
            return False
        if not all(_others_at(text, a) for a, _b in spans):
            return False
    return True


# Before a works that supplies the project ("原料为周边采石场的…", "外购自…洗煤厂").
_SUPPLIED_BY = re.compile(r"(?:原料|原材料|物料|料源)(?:为|来自|取自|来源于|主要为)|外购|购自|采购自|购买|来自|收购")
_WORKS_SUFFIX = re.compile(r"[一-鿿]{0,2}?(?:场|厂|站|矿|企业)")


def _acts_of_suppliers(words: list[str], fact: Fact) -> bool:
    """Every act the norm and the fact share is named only in the name of a works that supplies the project or lies
    around it ("原料为周边采石场的石灰岩废石料" for "禁止在自然保护区内进行…采石"): the act is that works', not the project's."""
    text = fact.norm_text
    found = False
    for w in dict.fromkeys(words):
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(w), text)]
        if not spans:
            continue
        for a, b in spans:
            if not (_WORKS_SUFFIX.match(text, b) and (_SUPPLIED_BY.search(text[segment_start(text, a):a])
                                                      or _others_at(text, a))):
                return False
        found = True
    return found


# A time before the works start ("投产前", "设备调试投产前", "正式运行之前"): what is done by then comes first.
_BEFORE_START = re.compile(rf"(?:{START_ACTS}|调试)(?:之前|以前|前)")


def _done_before_start(term: str, fact: Fact) -> bool:
    """Every mention of the word is put off to a time before the works start ("排污许可证将于…投产前…申请")."""
    text = fact.norm_text
    spans = _mention_spans(term, fact)
    return bool(spans) and all(_BEFORE_START.search(text[a: (m.start() if (m := SEGMENT_END.search(text, b)) else
                                                                 len(text))]) for a, b in spans)


def _fact_undone(term: str, fact: Fact, wide: bool) -> bool:
    """The fact (or, when wide, the proposal) says the thing a norm word names is put off or not yet done
    ("脱硫设施待以后再建设", "排污许可证尚未办理"), found by the word or by the proposal's words for it."""
    key = ("undone:" + term, wide)
    got = fact.memo.get(key)
    if got is None:
        text = fact.whole if wide and fact.whole else fact.norm_text
        got = fact.memo[key] = "1" if any(put_off(text, a, b) for a, b in _mention_spans(term, fact, wide)) else ""
    return got == "1"


def _act_handed_over(action: str, a: Match, fact: Fact) -> bool:
    """The duty opens with an act ("编制…报告书…遵守…") that the fact has done only by a party it hands the work to
    ("委托…单位编制")."""
    tags = tagged(action.strip("，；;, "))
    if not tags or not tags[0][1].startswith("v") or tags[0][0] not in a.words:
        return False
    text = fact.norm_text
    spans = word_spans(tags[0][0], text)
    return bool(spans) and all(handed_over(text, i) for i, _j in spans)


def _fact_undecided(term: str, fact: Fact) -> bool:
    """The fact leaves the thing a norm word names open ("是否全封闭，待设备选型后确定"), by the word or the proposal's
    words for it."""
    text = fact.norm_text
    spans = [(a, b) for a, b in _mention_spans(term, fact) if not in_label(text, a, b)]  # "5. 在线监测：…" heads it
    return bool(spans) and all(undecided(text, a, b) for a, b in spans)


def _deferred_past_start(term: str, fact: Fact, wide: bool) -> bool:
    """The fact (or, when wide, the proposal) puts the thing a norm word names off until after operation starts,
    found by the word itself or by the proposal's words a concept maps to it."""
    text = fact.whole if wide and fact.whole else fact.norm_text
    return any(deferred_past_start(text, a, b) for a, b in _mention_spans(term, fact, wide))


def stated(word: str, text: str) -> bool:
    """The word occurs in the proposal text and at least once is not denied ("不占用耕地" states no use of 耕地)."""
    return any(state_at(text, a, b, proposal=True) == PRESENT for a, b in word_spans(word, text))


def _other_compound(word: str, action: str, fact: Fact) -> bool:
    """Every denied occurrence of the word in the fact is the first part of a compound ("节能审查") that the norm's act
    never uses, while the act joins the word to other words ("节能管理", "节能计划"): the fact denies another thing."""
    text = fact.norm_text
    act = _normalized(action)
    spans = [(a, b) for a, b in word_spans(word, text) if state_at(text, a, b, proposal=True) != PRESENT]
    if not spans:
        return False
    for _a, b in spans:
        nxt = next((w for w in segment(text[b:b + 6])[:1]), "")
        if len(nxt) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]+", nxt) or nxt in GENERIC_WORDS or word + nxt in act \
                or (nxt in _APPARATUS and any(word + x in act for x in _APPARATUS)):
            return False  # "集尘装置" is the "集尘设施" the act asks for
    return True


_APPARATUS = ("设施", "装置", "设备", "系统")
# Verbs of a duty to provide a thing (a facility, a barrier, a cover).
_PROVIDE = re.compile(r"(?:设置|配套|配备|安装|建设|建立|修建|设立|配置|建成|采取)")


def word_spans(word: str, text: str) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of word in text (str.find: a regex per word would overflow re's cache)."""
    out: list[tuple[int, int]] = []
    if not word:
        return out
    i = text.find(word)
    while i >= 0:
        out.append((i, i + len(word)))
        i = text.find(word, i + len(word))
    return out


def _overlaps(surface: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """Every occurrence of surface in text overlaps one of the spans."""
    got = word_spans(_normalized(surface), text)
    return bool(got) and all(any(s < b and a < e for a, b in spans) for s, e in got)


def _in_zone(words: list[str], fact: Fact) -> bool:
    """The norm's scope was met by a designated zone (保护区, 河道管理范围, 红线, 禁燃区 …) the proposal names."""
    zone = [t for m in fact.all_mentions if m.field == "zone" and m.state == PRESENT for t in m.terms]
    return any(w in t for w in words for t in zone if len(w) >= 2)


def m_partial(norm: Norm, s: Match, a_cov: float, p: JudgeParams) -> bool:
    return (norm.modality in ("prohibition", "restriction") and s.total > 0 and s.agree / s.total >= p.scope
            and a_cov >= p.partial)


# "向农田灌溉渠道排放", "在河道管理范围内建设": the place an act is forbidden in must hold, like a scope.
# (not the 向 of 流向, 去向 or the 在 of 存在, 所在: "对污泥的流向、用途、用量等进行跟踪" names no place)
_LOCATIVE = re.compile(r"(?:(?<![流方去走导面意动倾志趋取])向|(?<![存现所正实自])在)([\u4e00-\u9fff、]{2,14}?)(?:内|中|上|以下)?"
                       r"(?=排放|倾倒|堆放|设置|建设|新建|从事|进行|使用|焚烧|贮存|存贮|处置|填埋|排入|开展|清洗|冲洗|洗涤|浸泡)")


_LEAD_AREA = re.compile(r"^[\s，、]*([\u4e00-\u9fff]{2,16}?(?:地区|区域))(?=新增|新建|改建|扩建|建设|设置)")
_LEAD_PLACE = re.compile(r"^[\s，、]*((?:与|和|或者|以及)[\u4e00-\u9fff、]{2,24}?(?<!集)(?:内|中|上))"
                         r"(?=新建|改建|扩建|建设|设置|排放|从事|进行|使用|焚烧|贮存|堆放|倾倒|开展)")


# Waste water by its source: industrial (the duty's case) and household, kitchen or rain water (not it).
_INDUSTRIAL_WATER = re.compile(r"工业废水|生产废水")
_NORM_HEAD = re.compile(r"应当|必须|不得|禁止|严禁")
_WATER_WORD = re.compile(r"污水|废水")
_DOMESTIC_WATER = re.compile(r"(?:生活|餐饮|餐厅|厨房|食堂|含油|盥洗|冲厕|卫生间|厕所|办公|雨)(?:污水|废水)$|"
                             r"市政(?:污水|雨水)?(?:管网|管道)?$|(?:污水|废水)处理厂$")


# Before a zone's name: the site is said to be in it ("位于河道管理范围内", "地处…保护区内").
_IN_ZONE_BEFORE = re.compile(r"(?:位于|处于|地处|属于|在)[^，。；,;]{0,12}$")


# A thing named only by what it does ("阻碍行洪的物体"): any thing may be one.
_QUALIFIED_THING = re.compile(r"的(?:物体|物品)")


# The media a monitoring or treatment duty may be about, by the words for each in a norm and in a proposal.
_MEDIA = {
    "water": (re.compile(r"水污染物|废水|污水"), re.compile(r"水污染物|废水|污水|排水|出水|尾水|水质|COD|氨氮|渗滤液", re.I)),
    "air": (re.compile(r"大气污染物|废气|烟气"),
            re.compile(r"大气污染物|废气|烟气|颗粒物|粉尘|二氧化硫|氮氧化物|VOCs|挥发性有机物|烟尘|排气筒|烟囱", re.I)),
}


def _other_medium(action: str, text: str) -> bool:
    """The norm's act is about one medium alone (水污染物), and the proposal's sentence names another (烟气) and none of
    it."""
    named = [k for k, (in_norm, _said) in _MEDIA.items() if in_norm.search(action)]
    if len(named) != 1:
        return False
    said = {k for k, (_in_norm, words) in _MEDIA.items() if words.search(text)}
    return bool(said) and named[0] not in said


# Production water named ("生产用水", "车间排水"): the works has water of its own trade.
_PRODUCTION_WATER = re.compile(r"(?:生产|工艺|设备|车间)[^，。；]{0,4}(?:用水|排水)")
# After a water word: the sewer or plant it goes to ("…污水管网", "污水排入排水管网许可证"), not a water of its own.
# ("污水收集管网", "一体化污水处理站": the network and the works that take it)
_SEWER_AFTER = re.compile(r"(?:收集)?(?:管网|管道)|处理(?:厂|站|设施)|排入排水管网")
# Shortly before a water word: its household, kitchen or rain source ("生活污水经化粪池、餐饮废水经隔油池…").
_DOMESTIC_BEFORE = re.compile(r"生活|餐饮|雨")


def _domestic_water_only(text: str) -> bool:
    """Every waste water the sentence names is household, kitchen or rain water (or the town's sewer it joins), and
    it names no production water."""
    hits = list(_WATER_WORD.finditer(text))
    if not hits or _INDUSTRIAL_WATER.search(text) or _PRODUCTION_WATER.search(text):
        return False
    return all(_DOMESTIC_WATER.search(text[max(0, m.start() - 4): m.end()])
               or _SEWER_AFTER.match(text, m.end(), m.end() + 6)
               or _DOMESTIC_BEFORE.search(text[max(0, m.start() - 8): m.start()]) for m in hits)


# A sentence's case that is only a stage of what the sentence before named ("已经开工建设的", "已经建成的").
_STAGE_ONLY = re.compile(r"(?:对)?(?:已经|已)(?:开工建设|开工|建成|投入使用|投入生产|投产|建设|设置|运行)的")


# "直接向环境排放": the environment as a whole is where every discharge goes, not a place to be established.
_ANYWHERE = frozenset({"环境", "外环境", "周边环境"})


# Adverbs of an unlawful manner in a prohibition, and the proposal words that show such a manner.
_MANNER = re.compile(r"擅自|随意|随地|违法|非法|违规|私自|偷排|乱")
# How a forbidden act is done, written before it ("露天焚烧", "擅自倾倒"): the unlawful manners, and the open air.
_MANNER_WORD = re.compile(rf"露天|任意|{_MANNER.pattern}")
# A discharge said to be untreated ("不经处理", "无组织排放"), or released as it comes ("直接排放") with no treatment said.
_UNTREATED = re.compile(r"(?:不经|未经|没有经过|不做|不进行)[^，。；,;]{0,6}处理|无组织排放|任其排放|"
                        r"(?:依靠|靠|任其)自然(?:通风)?扩散|自然通风扩散")
_RELEASED = re.compile(r"直接(?:外排|排放|排入|排出|排至)|直排")


def _untreated(text: str) -> bool:
    # "经处理达标后直接排入市政管网" is treated: 直接 alone says only where it goes
    return bool(_UNTREATED.search(text)) or (bool(_RELEASED.search(text)) and not re.search(r"处理|达标|净化", text))


# A duty about the manner of an act: to the standard, as prescribed.
# A duty that is only a standard to follow ("土地使用标准", "强制性用水定额"), and the words by which a proposal says one.
_BARE_STANDARD = re.compile(r"[^，；。,;]{0,16}(?:标准|规范|定额|限额)")
_STANDARD_SAID = re.compile(r"标准|规范|定额|限额|GB|指标|不超过|不高于|≤")
_STANDARD = re.compile(r"达标|符合[^，。；,;]{0,12}标准|按照[^，。；,;]{0,16}(?:规定|标准|要求)|按规定|规范")
# A duty to keep within a standard's limits, and the words by which a proposal says it does (达标, a standard, a limit, a
# concentration or figure held to).
_LIMIT_DUTY = re.compile(r"(?:符合|达到|执行|满足)[^，。；,;]{0,12}(?:排放|控制)标准")
_LIMIT_SAID = re.compile(rf"达标|限值|浓度|mg|毫克|分贝|dB|{_STANDARD_SAID.pattern}", re.IGNORECASE)


# What is let out: a sentence saying a limit or standard is met speaks of one of these ("标准化厂房" does not).
_EMITTED = re.compile(r"排放|外排|废气|烟气|粉尘|颗粒物|二氧化硫|氮氧化物|VOCs|挥发性有机物|噪声|废水|污水|排气筒|烟尘|恶臭|厂界",
                      re.IGNORECASE)


def _limit_said(text: str) -> bool:
    """A sentence of the proposal says an emission meets its standard or a limit (达标, 浓度…mg/m³, 满足…标准)."""
    return any(_LIMIT_SAID.search(x) and _EMITTED.search(x) for x in re.split(r"[。；;\n]", text))


def _qualified(word: str, action: str) -> bool:
    """The norm asks for the act done to a standard ("达标排放", "按照规定排放"), not for the act itself."""
    if _STANDARD.search(word):
        return True
    before = re.compile(f"(?:{_STANDARD.pattern})[^，。；,;]{{0,4}}$")
    return any(before.search(action[: m.start()]) for m in re.finditer(re.escape(word), action))


# A condition that classes a thing ("实验室固体废物属于危险废物的"): group 1 is the thing.
_CLASSED = re.compile(r"^([^，；]{2,20}?)(?:属于|列入|纳入)[^，；]{2,20}的$")


# Acts only a government or an authority does: a project sited on the land or under the plan does not do them.
_GOVERNMENT_ACT = re.compile(r"^(?:新|擅自|违法)?(?:划定|划入|划出|调整划定|核发|颁发|审批|批准设立|设立|规划|编制规划)")


# A duty whose only content is to follow other rules ("符合有关法律法规规定", "执行国家有关规定").
_ONLY_REFERENCE = re.compile(r"(?:符合|遵守|执行|依照|按照)(?:国家|本省)?(?:有关|相关)?(?:法律|法规|规章|规定|标准|要求|、|和)+$")


# Verbs of a duty that asks for less of its object ("减少…产生量", "防止…污染"): the object is what the duty is against.
_REDUCE = re.compile(r"减少|降低|减轻|削减|压减|控制|防止|避免|杜绝|限制")


def _reduced(word: str, action: str) -> bool:
    """Every mention of the word in the duty is the object of a reducing verb earlier in its comma part
    ("减少工业固体废物的产生量", not "采用…设备")."""
    spans = list(re.finditer(re.escape(word), action))
    if not spans:
        return False
    for m in spans:
        start = max(action.rfind(c, 0, m.start()) for c in "，；。") + 1
        if not _REDUCE.search(action, start, m.start()):
            return False
    return True


def _act_refused(word: str, fact: Fact) -> bool:
    """The fact says in so many words that it does not do the act ("不向任何水体排放"), rather than that it does
    it badly ("不经处理直接排入" reads as 达标排放 denied)."""
    act = _STANDARD.sub("", word) or word
    # a field label ("排放：项目不设排污口，不向河道排放任何废水") names the topic, not an act done
    said = [(a, b) for a, b in word_spans(act, fact.norm_text) if not in_label(fact.norm_text, a, b)]
    if said:
        return not any(state_at(fact.norm_text, a, b, proposal=True) == PRESENT for a, b in said)
    # The proposal's own word for the act, read through the lexicon, denied right before it ("粪污不外排" for 排放;
    # "不经处理直接排入" denies the treatment, not the act).
    text = fact.norm_text
    spans = [(a, b) for m in fact.mentions if any(act in t for t in m.terms)
             for a, b in word_spans(_normalized(m.surface), text)]
    return bool(spans) and all(_negated_before(text, a) for a, _b in spans)


_WORKS_NAME_END = re.compile(r"(?:厂|站|中心|公司|企业)")
# Sent to works or a party that does the act there ("送市生活垃圾焚烧发电厂协同焚烧处置"); "运至荒沟倾倒" sends it to a
# place, where the sender does the act. "输送", "发送" send no thing.
_SENT_TO_WORKS = re.compile(rf"(?:{SENDS})[^，。；,;]{{0,16}}?(?:{_WORKS_NAME_END.pattern}|单位)")


def _acts_only_named(action: str, a: Match, fact: Fact) -> bool:
    """Every act of the norm (a verb) that the fact matched occurs in it only inside the name of works
    ("生活垃圾焚烧厂", "污水处理厂"): the fact names where something goes, it does not do the act."""
    verbs = {w for w, flag in tagged(action) if flag.startswith("v")}
    acts = [w for w in a.words if w in verbs]
    text = fact.norm_text
    if not acts:
        return False
    named = False
    for w in acts:
        spans = word_spans(w, text)
        if not spans:
            continue  # matched through the lexicon ("县城" for 人口集中地区): a place or thing, not the act
        # in the name of works, or done by the party the thing is handed to ("送…焚烧发电厂协同焚烧处置")
        if not all(_WORKS_NAME_END.match(text, b) or _sent_to_works(text, x) for x, b in spans):
            return False
        named = True
    return named


def _sent_to_works(text: str, pos: int) -> bool:
    start = segment_start(text, pos)
    return any(m.start() < pos for m in _SENT_TO_WORKS.finditer(text, start, pos + 16))


def _denied_with(word: str, acts: list[str], fact: Fact) -> bool:
    """Every denied mention of the word stands in a clause that refuses one of the acts ("不向河道排放任何废水": the
    waste water is denied because its discharge is)."""
    text = fact.norm_text
    denied = [(a, b) for a, b in _mention_spans(word, fact) if state_at(text, a, b, proposal=True) != PRESENT]
    if not denied:
        return False
    for a, _b in denied:
        start = max(text.rfind(x, 0, a) for x in "，,；;。：:") + 1
        ends = [i for i in (text.find(x, a) for x in "，,；;。") if i >= 0]
        seg = text[start: min(ends) if ends else len(text)]
        if not any(act in seg for act in acts):
            return False
    return True


def _placed_outside(word: str, fact: Fact) -> bool:
    """Every mention of the word (or of the proposal's word the lexicon reads as it) is a place the fact puts the
    project outside of ("距最近村庄约150米", "保护区边界外")."""
    spans = _mention_spans(word, fact)
    # the word inside a longer mention of it ("保护" in "自然保护区") is that mention
    spans = [sp for sp in spans if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for o in spans)]
    text = fact.norm_text
    # a mention read from a whole distance phrase ("项目距龙泉山省级自然保护区实验区约2公里") is outside too
    return bool(spans) and all(outside(text, a, b) or bool(_DISTANCE_SURFACE.match(text, a, b)) for a, b in spans)


_DISTANCE_SURFACE = re.compile(r"(?:本?项目|厂址|场址|厂区|站址)?(?:距离|距|离)")


def _mention_spans(word: str, fact: Fact, wide: bool = False) -> list[tuple[int, int]]:
    """Where the fact (or, when wide, the whole proposal) says the word, or the proposal's word the lexicon reads
    as it; spans in fact.norm_text, or in fact.whole when wide."""
    text = fact.whole if wide and fact.whole else fact.norm_text
    surfaces = {word, *(_normalized(m.surface) for m in (fact.all_mentions if wide else fact.mentions)
                        if any(word in t for t in m.terms))}
    return sorted({sp for sf in surfaces for sp in word_spans(sf, text)})


def _negated_before(text: str, a: int) -> bool:
    """A negator ends right before text[a] ("不外排", "不再外排"; "直接排入" is not negated)."""
    end = a - 1 if text[a - 1: a] == "再" else a
    if text[a - 1: a] in ("、", "和", "或"):
        # "不排入渗井、渗坑": a later item of a list the denied verb governs
        return bool(_DENIED_LIST.search(text[segment_start(text, a):a]))
    # "未发生粪污直排或外溢": an event said not to happen denies the act as plainly
    return any(m.end() == end for m in NEGATORS.finditer(text, max(0, end - 2), end)) \
        or bool(_NO_EVENT.search(text, max(0, end - 12), end))


# A denied verb, then the items of its list up to the one at hand.
_DENIED_LIST = re.compile(r"(?:不|未|禁止|严禁|不得)[\u4e00-\u9fff]{1,3}?[^，。；,;]{1,12}[、和或]$")


# A scope that is a time of day or a period ("夜间", "午间", "高考期间").
_PERIOD = re.compile(r"(?:在|于)?(?:夜间|午间|昼间|白天|节假日|[\u4e00-\u9fff]{2,6}期间)")
_NO_EVENT = re.compile(r"(?:未|没有|从未|不曾|无)(?:发生|出现)[^，。；,;]{0,6}$")


# Words by which a proposal shows an act is sanctioned or done in the regulated way.
# (a standard the proposal says it meets counts, as in _STANDARD)
# A disposal site counts as where the waste goes ("运至…填埋场"), not as what the project is (a 污水处理厂 that tips its
# sludge into a gully).
_SANCTIONED = re.compile(r"批准|批复|许可|同意|核准|备案|资质|合规|依法|符合.{0,8}要求|"
                         r"(?:运至|运到|运往|送至|送往|送到|交由|交给|委托|进入|拉到|拉至)[^，。；,;]{0,12}"
                         r"(?:处置场|填埋场|焚烧厂|焚烧发电|贮存场|处理厂|处置中心|处置单位)|综合利用|"
                         # "全区生活垃圾已全部转运焚烧": carried away to be burnt at the works, not burnt where it lies
                         r"转运(?:至|到|往)?[^，。；,;]{0,8}?(?:焚烧|处置|处理|填埋)|" + _STANDARD.pattern)
_APPROVED = re.compile(r"批准|批复|许可|核准|备案|资质")
_IMPROPER = re.compile(r"擅自|随意|随地|违法|非法|违规|私自|露天|直接|不经|未经|未做|未作|无(?:证|许可|资质|防渗)|空地|"
                       r"偷|乱|就地|就近|随手|简易|丢弃|弃置|抛弃|遗弃|"  # discarding is never the regulated way
                       # nor is a river's bed or bank ("运至村东河沟回填", "在河滩上堆放"); a dry gully may be a
                       # sanctioned fill, which the reviewer checks
                       r"河沟|河滩|滩地|河床|河道内|"
                       # nor is putting waste down untreated ("运至荒沟内堆存填埋，不进行稳定化处理")
                       r"不(?:进行|做|作|经)[^，。；,;]{0,6}处理|未(?:经|进行|做|作)?[^，。；,;]{0,4}处理")


# A duty's condition that names what the project does ("排放工业废水的企业", "产生危险废物的单位").
# Also any class of parties named by what they do ("直接从江河、湖泊或者地下取用水资源的单位和个人").
_ACTIVITY = re.compile(r"(排放|产生|从事|养殖|开采|开发|运营|贮存|焚烧)[^，。；,;]{0,16}的"
                       r"|(?:用途|土地)[^，。；,;]{0,4}(?:变更|改变|转为)[^，。；,;]{0,20}的"
                       r"|[^，。；,;]{2,30}的(?:单位|企业|个人|建设项目|生产经营者|经营者|排污单位)")


# A party named by producing a thing: 产生 weighs nothing among norm words, so the thing alone would meet it.
# A list of the stages of handling a thing ("产生、收集、贮存、运输、利用、处置"), at least three of them.
_STAGE = r"(?:产生|收集|贮存|运输|利用|处置|利用处置|经营)"
_ALL_STAGES = re.compile(rf"^{_STAGE}(?:、{_STAGE}){{2,}}(?:或者|和|、)?")
_GENERIC_ACT = re.compile(r"^(产生)([^，。；、]{2,12})的(?:单位|企业|个人|生产经营者)")
_PRODUCED = re.compile(r"产生|产出|排出|生成|副产")
# A paper named without its kind ("许可证"): the words before it in a proposal say which paper it is.
_BARE_PAPERS = frozenset({"许可证", "证书", "执照", "许可"})
# Two Chinese characters before a paper's name that may name its kind ("生产" of 食品生产许可证).
_KIND_CHARS = re.compile(r"[\u4e00-\u9fff]{2}")
# Words before a paper's name that name no kind ("没有营业执照和相关许可证": whatever licence the case asks for).
_ANY_KIND = frozenset({"相关", "有关", "任何", "相应", "必要", "合法", "正规", "正式", "必需"})
# Characters that end a verb or a word of having, not a kind ("没有许可证", "取得许可证", "该许可证").
_NOT_KIND_BEFORE = frozenset("有无没的得理取领持请发为该此张其")


def _other_papers_only(term: str, norm_text: str, fact: Fact, wide: bool) -> bool:
    """Every mention of a paper ("许可证") in the fact carries a kind word the norm never uses ("食品生产许可证",
    "取水许可证" against "无经营许可证从事危险废物…经营活动"): the proposal speaks of other papers."""
    text = fact.whole if wide and fact.whole else fact.norm_text
    spans = word_spans(term, text)
    return bool(spans) and all(a >= 2 and _KIND_CHARS.fullmatch(text[a - 2:a]) and text[a - 2:a] not in norm_text
                               and text[a - 2:a] not in _ANY_KIND and text[a - 1] not in _NOT_KIND_BEFORE
                               for a, _b in spans)


# A case of taking a resource out of the ground ("开发煤层气…的", "开采矿产资源的"), and the proposal's words for doing it.
_EXTRACT_CASE = re.compile(r"(?:开发|开采|勘探|勘查|抽采)[^，。；的]{0,6}?(?:气|油|矿|煤|资源|地热|地下水)")
_EXTRACT_ACT = re.compile(r"开发(?!区|园)|开采|勘探|勘查|抽采|钻井|采气|采油|采矿|采煤|开挖")
# A party named by what it does to a thing ("利用、处置固体废物的单位").
_HANDLING_ACTS = re.compile(r"^((?:产生|收集|贮存|运输|利用|处置)(?:、(?:产生|收集|贮存|运输|利用|处置))*)"
                            r"[^，。；、]{2,12}的(?:单位|企业|个人|生产经营者)")

_SINCE = re.compile(r"(?:超过|逾|满)([一二两三四五六七八九十\d]{1,3})年")
def _years_elapsed(condition: str, fact: Fact) -> bool | None:
    """A condition on elapsed time ("自批准之日起超过五年，方决定该项目开工建设的") against the calendar years the
    proposal states (批复 2019年, 开工 2026年): True if they lie further apart, False if not, None when either
    side gives no figure."""
    m = _SINCE.search(condition)
    if not m:
        return None
    # the year of the approval and the year of the start, each read where the proposal says it ("环境影响报告表已于2024年
    # 11月取得…批复", "拟于2025年3月开工"): other years (a plant built in 2008) are neither
    approved: set[int] = set()
    started: set[int] = set()
    for part in re.split(r"[，。；,;\n]", fact.whole or fact.sentence):
        years = {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})\s*年", part)}
        if _START_SAID.search(part):  # "拟于2026年按原批复开工建设" is the start
            started |= years
        elif _APPROVAL_SAID.search(part):
            approved |= years
    if not approved or not started:
        return None
    return max(started) - max(approved) > (cn_to_int(m.group(1)) or 0)


_APPROVAL_SAID = re.compile(r"批复|批准|审批|获批")
_START_SAID = re.compile(r"开工|动工|开建|进场施工")


_NUM = r"\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+"
# A measure bounded by a standard, not a figure ("不得低于相关技术规范规定的标准"), and words that state a breach.
_COMPARED = re.compile(r"(?:低于|高于|超过|少于|多于|小于|大于)[^，。；\d一二两三四五六七八九十]{0,20}"
                       r"(?:标准|规范|限值|要求|指标|规定)")
# A norm on turning a thing into others: what it would become ("…转为林地、草地、园地等其他农用地").
_TURNED_INTO = re.compile(r"(?:转为|转变为|改为|改变为|变更为|改作|变为)([^，。；]{2,40})$")
# A thing a ban names by its being over a limit ("重金属…含量超标的污泥").
_OVER_LIMIT_THING = re.compile(r"超标的|超过[^，。；]{0,12}标准的")
# A thing named by the poison it holds ("含铬污泥", "含重金属废渣"): over any limit for land by its nature.
# (or by what it is: soil already polluted, the slag of smelting a heavy metal, "铅锌冶炼废渣")
_TOXIC_CONTENT = re.compile(r"含(?:有)?(?:铬|六价铬|镉|汞|铅|砷|镍|铊|重金属|有毒有害)|污染土|"
                            r"(?:铅|锌|镉|汞|砷|铬|镍|锑|铊)[\u4e00-\u9fff]{0,2}冶炼(?:废)?渣")
_BREACHED = re.compile(r"超标|超过|超出|低于|高于|少于|不足|不达标|未达标|未达到|达不到|不符合|不合格")
_BOUND = re.compile(rf"(少于|低于|小于|超过|高于|大于)({_NUM})([^\d一二两三四五六七八九十百千，。；、]{{1,4}})")


# "向东碾河倾倒垃圾、排放污水": the place an act is done into, named before the act.
_ANY_PLACE = frozenset({"环境", "外环境", "大气", "外界", "周边环境"})
# "将污水排入雨水管网": the thing and where it goes; "向雨水收集口、雨水管道…倾倒污物、垃圾等废弃物": the place first.
_CONDUIT = r"(?:管网|管道|管|收集口|井|沟|渠|口)"
_PUT_INTO = re.compile(r"(?:^|将|把)([^，、；将把]{2,12}?)(?:排入|排放到|排放至|排至|排进|倒入|接入|混入)"
                       r"([^，；]{2,16}?" + _CONDUIT + r")$")
_PUT_AT = re.compile(r"^(?:擅自|直接)?向([^，；]{2,30}?" + _CONDUIT + r")(?:倾倒|排放|丢弃|弃置|倾卸)([^，；]{2,30})$")
_TO_ACTS = r"倾倒|排放|排入|丢弃|堆放|弃置|填埋|倾卸|排"
_TO_PLACE = re.compile(rf"^(?:擅自|直接)?向([^，、；]{{2,12}}?)(?:{_TO_ACTS})")
# The same with the acts of putting a thing into a container or facility ("向生活垃圾收集设施中投放").
_INTO_PLACE = re.compile(rf"^(?:擅自|直接)?向([^，、；]{{2,12}}?)(?:投放|混入|{_TO_ACTS})")
_FACT_DISTANCE = re.compile(r"(?:距离|距|离)([^，。；：\d]{2,30}?)(?:约|大约|最近|直线距离|仅|为|有)*\s*(\d+(?:\.\d+)?)\s*"
                            r"(米|公里|千米|km)")
_LEVEL = re.compile(r"[一二三]级|准")


def _metres(value: str, unit: str) -> float:
    return float(value) * (1000.0 if unit in ("公里", "千米", "km") else 1.0)


def _distance_scope(scope: str, fact: Fact) -> tuple[bool | None, str]:
    """A scope bounded by a distance from a place ("距离…一级保护区边界1000米范围内") against the distance the proposal
    gives to the same place: True within, False beyond, None when the proposal gives none to that place (or to a
    zone of another level); with the proposal's words that give the distance."""
    m = DISTANCE_SCOPE.search(scope)
    if not m or m.group("side") not in ("范围内", "以内", "之内"):
        return None, ""
    place = re.sub(r"(?:的)?(?:边界|红线|范围|界线)$", "", m.group("place") or m.group("along"))
    place = re.sub(r"^[一二三四五六七八九十]+、|^在", "", place)
    limit = _metres(m.group("num"), m.group("unit"))
    level = _LEVEL.findall(place)
    # The same place: its last word (取水口, 岸线), and a name word of it if it has one ("岚河干流岸线" and "岚河岸线").
    words = [t for t in content_terms(place) if not t.isdigit()]
    if not words:
        return None, ""
    head, names = words[-1], [t for t in words[:-1] if t not in GENERIC_WORDS]
    for f in _FACT_DISTANCE.finditer(fact.whole or fact.sentence):  # the site is the whole project's
        there = normalize_for_search(f.group(1))
        if head not in there or (names and not any(t in there for t in names)) \
                or (level and _LEVEL.findall(there) != level):
            continue
        return _metres(f.group(2), f.group(3)) <= limit, normalize_for_search(f.group(0))
    return None, ""


def _breach_stated(text: str) -> bool:
    """The text says a measure is over or under its bound ("超标排放"), not that it is not ("未发现数据超标")."""
    return any(state_at(text, m.start(), m.end(), proposal=True) == PRESENT for m in _BREACHED.finditer(text))


def _numeric_bound(action: str, fact: Fact) -> bool | None:
    """For a norm that bounds a number ("不得少于5年"): True if the fact's figure in the same unit breaks
    the bound, False if it keeps it, None when the norm has no bound or the fact no such figure."""
    m = _BOUND.search(action)
    if not m:
        return None
    # figures in words too: "不得少于五年" against "保存六年" or "保存两年"
    op, limit, unit = m.group(1), _figure(m.group(2)), m.group(3)[:1]
    # a span of time, not a rate ("2万吨/年") or a date ("2019年")
    text = fact.sentence
    for v in re.finditer(rf"({_NUM})\s*{re.escape(unit)}", text):
        x = _figure(v.group(1))
        if limit is None or x is None:
            return None
        before = text[max(0, v.start() - 2):v.start()]
        if "/" in before or "每" in before or (unit == "年" and x >= 1900):
            continue
        return x < limit if op in ("少于", "低于", "小于") else x > limit
    return None


def _figure(text: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    n = cn_to_int(text)
    return float(n) if n is not None else None


@dataclass
class Match:
    agree: float = 0.0
    fact_denies: float = 0.0
    norm_denies: float = 0.0
    total: float = 0.0
    words: list[str] = field(default_factory=list)
    # Words the norm negates that the fact never mentions ("委托给无经营许可证的单位" and the proposal says
    # nothing of the receiver's licence): the norm's situation is not established.
    unmet_negated: float = 0.0
    fact_removes: float = 0.0  # the part of fact_denies the fact removes ("替代原抽取的地下水")
    fact_defers: float = 0.0  # the part of fact_denies the fact puts off or has not yet done ("暂缓建设…")
    past_start: bool = False  # a procedure the norm's case lacks is put off until after operation starts
    pending: str = ""  # the paper the norm's case lacks is applied for: "running" (the works already run) or "pending"
    strong: int = 0  # word groups of weight ≥ 1 (not generic) the fact matched
    strong_total: int = 0  # and in the text

    @property
    def denied(self) -> float:
        return self.fact_denies + self.norm_denies

    @property
    def matched(self) -> float:
        return self.agree + self.denied


# "依照法律法规和…主管部门的规定设置排放口": the reference says where the rule is, the duty is what follows.
# A reference to a permit ("按照排污许可证的要求排放") is the duty itself and stays.
_TO_AUTHORITY = re.compile(r"报(?:送)?[^，；。]{0,40}?(?:主管部门|机关|机构|人民政府)(审批|备案|批准|核准|审查)")
_OBEY_RULES = re.compile(r"[，,]?(?:并|并且|同时)?(?:遵守|执行|符合)(?:国家)?(?:有关|相关)[^，；。]{0,24}?(?:规定|规范|标准)$")
DUTY_REFERENCE = re.compile(r"^(?:依照|按照|依据|根据)(?:(?!许可证)[^，；。]){0,30}?(?:规定|规范|标准)(?:的要求|要求)?[，,]?|"
                        # "根据经济、技术条件对…加以利用": the means the duty allows for, not a measure of its own
                        r"^(?:根据|结合|按照)[^，；。]{0,12}?(?:条件|情况|实际|需要)[，,]?")

# "按照排污许可证的要求…": a duty to act as a document (a permit, an approval, a contract) says; "按照国家取水许可制度的
# 规定" names a rule, not a document the project holds.
_CONFORM = re.compile(r"^(?:按照|依照|依据|遵守|执行|符合)([^，；。、]{0,18}?(?:证|证书|文件|批复|合同|协议))"
                      r"的?(?:要求|规定|载明)")

_TRUE_EXCEPTION = re.compile(r"除|但|不包括|(?<![未法])经.{0,20}(批准|同意)|无关")


# A phrase leaving the details of a rule to an authority ("，具体办法由国务院农业农村主管部门制定").
_DELEGATED = re.compile(r"[，,]具体(?:实施)?(?:办法|管理办法|规定|标准|范围|名录|要求)?由[^，。；]{2,40}?"
                        r"(?:制定|规定|确定|另行规定)$")


def split_norm(norm: Norm) -> tuple[str, str, str]:
    """(condition, action, exception) of a norm. A conditional subject ("未依法进行环境影响评价的建设项目")
    and an "exception" that is really a condition ("…未予批准的") must hold for the norm to apply."""
    cond = [norm.conditions]
    if "的" in norm.subject:  # "向水体排放污染物的企业事业单位和其他生产经营者": who it binds is a condition
        cond.append(norm.subject)
    exception = norm.exceptions
    if exception and not _TRUE_EXCEPTION.search(exception):
        cond.append(exception)
        exception = ""
    action = norm.action or norm.quote
    # "…生产性捕捞，具体办法由国务院农业农村主管部门制定": who writes the details is no part of the act
    action = _DELEGATED.sub("", action)
    for sc in norm.scope.split("；"):  # scope words are matched on their own
        if sc and len(sc) >= 4:
            action = action.replace(sc, " ")
    return "，".join(x for x in cond if x), action, exception


def _mentions_exception(exceptions: str, action: str, fact: Fact) -> bool:
    """The fact invokes the norm's exception ("但抢修、抢险施工作业" and the fact is an emergency repair). An exception
    for a cause ("因生产工艺要求或者其他特殊需要必须连续施工作业的除外") is invoked only by stating the cause: "为缩短工期，
    昼夜连续施工" does the act without it."""
    own = set(content_terms(action))
    text = fact.norm_text

    def present(t: str) -> bool:
        return t in text and state_at(text, text.find(t), text.find(t) + len(t)) == PRESENT

    def said(part: str) -> bool:
        terms = content_terms(part)
        # a compound's head stands for it ("工艺要求" for "生产工艺要求")
        terms += [t[-2:] for t in terms if len(t) >= 4]
        words = [t for t in terms
                 if t not in GENERIC_WORDS and len(t) >= 2 and not any(t in o or o in t for o in own)]
        return any(present(t) for t in words)

    for alt in re.split(r"[；;]", exceptions):
        purpose = _PURPOSE.search(alt)
        if purpose:
            # "以提升安全水平、生态环境保护水平为目的的改建": the aim must be stated, not the verb it is put with
            # ("尾矿库等别由三等库提升为二等库" states no aim)
            aims = [_strip_lead_verb(x) for x in re.split(r"、|和|或者|或", purpose.group(1))]
            if any(aim and all(present(t) for t in content_terms(aim) if t not in GENERIC_WORDS) for aim in aims):
                return True
            continue
        cause = _CAUSE.search(alt)
        if said(cause.group(1) if cause else alt):
            return True
    return False


def _strip_lead_verb(phrase: str) -> str:
    """The phrase without the verb it opens with ("提升安全水平" → "安全水平")."""
    tags = tagged(phrase)
    return phrase[len(tags[0][0]):] if len(tags) > 1 and tags[0][1] == "v" else phrase


# "因生产工艺要求或者其他特殊需要必须…的除外": the cause an exception is granted for.
_CAUSE = re.compile(r"因([^，；;]{2,30}?)(?:必须|需要|确需|而)")
# "以提升安全水平…为目的的改建除外": the aim an exception is granted for.
_PURPOSE = re.compile(r"以([^，；;]{2,30}?)为目的")


# ----- LLM judge -------------------------------------------------------------------------------------------
_PROMPT = """你是建设项目环境合规审查员。判断项目事实与法规条款的关系，只输出一个 JSON 对象：
{{"verdict": "conflict|attention|supports|not_applicable", "reason": "一句话理由", "recommendation": "一句话建议"}}
conflict=项目做了条款禁止的事或明确未履行义务；attention=受限制或须进一步说明；supports=符合或落实了条款；
not_applicable=条款不适用于该事实。注意否定（“不设”“未”）、替代（“散煤替代”）、适用范围和例外。

条款（{modality}）：{quote}
适用范围：{scope}
例外：{exceptions}
项目事实：{fact}"""


class LLMJudge(Judge):
    """A LangChain chat model (any BaseChatModel: an OpenAI-compatible endpoint, a local server, or a
    scripted fake in tests). Unreadable answers fall back to the rule judge, so a check never fails on
    the model."""

    name = "llm"

    def __init__(self, model: Any, fallback: Judge | None = None) -> None:
        self.model = model
        self.fallback = fallback or RuleJudge()

    def prepare(self, norms: Iterable[Norm]) -> None:
        self.fallback.prepare(norms)

    def judge(self, fact: Fact, norm: Norm) -> Judgment:
        base = self.fallback.judge(fact, norm)
        prompt = _PROMPT.format(modality=norm.modality, quote=norm.quote, scope=norm.scope or "（无）",
                                exceptions=norm.exceptions or "（无）", fact=fact.sentence)
        try:
            out = self.model.invoke(prompt)
            data = _read_json(str(getattr(out, "content", out)))
        except Exception:  # any model or transport error: the offline judgment stands
            return base
        verdict = str(data.get("verdict", ""))
        if verdict not in VERDICTS:
            return base
        return Judgment(verdict, str(data.get("reason", "")), str(data.get("recommendation", "")),
                        max(base.strength, 0.5), base.matched)


def _read_json(text: str) -> dict[str, Any]:
    m = re.search(r"\{.*\}", text, re.S)
    if not m:
        return {}
    try:
        v = json.loads(m.group(0))
    except json.JSONDecodeError:
        return {}
    return v if isinstance(v, dict) else {}


def make_judge(name: str = "rule", settings: Any = None) -> Judge:
    """"rule" (offline, default) or "llm": the chat model configured in settings (SHANXI_POLICY_LLM_*),
    with the rule judge as fallback. Nothing is downloaded; a missing model is a clear error."""
    from ..errors import PolicyError

    if name == "rule":
        return RuleJudge()
    if name == "llm":
        from ..answer.llm import get_chat_model

        model = get_chat_model(settings)
        if model is None:
            raise PolicyError("未配置大模型：请设置 SHANXI_POLICY_LLM_BACKEND 等参数，或使用默认的规则判断")
        return LLMJudge(model)
    raise PolicyError(f"未知的判断方式“{name}”，可选：rule、llm")
