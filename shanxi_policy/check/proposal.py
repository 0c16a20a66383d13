"""Proposal analysis: fact sentences, their fields, and every mention with its polarity.

"不设排污口" denies 排污口, "未开展环评" denies 环评, "已取得排污许可" affirms it, "实施散煤替代" and
"煤改电" remove 散煤/煤: a removed thing is one the project is eliminating, not one it brings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..package_data import data_text, load_yaml
from ..text.normalize import normalize_for_search
from ..text.tokenize import tagged
from .facts import operating_report, proposal_fields, proposal_title
from .negation import (
    NEGATORS,
    POST_OUT,
    POST_REMOVERS,
    REMOVERS,
    SEGMENT_END,
    former_site,
    is_regex_word,
    outside,
    segment_start,
    undone,
)

# libyaml when present: parsing the lexicons in pure Python was a third of the first check's time.

PRESENT, NEGATED, REMOVED = "present", "negated", "removed"

# Before a term in its clause segment: denial, avoidance ("避开保护区", "远离居民区").
_PRE_NEG = re.compile(NEGATORS.pattern + r"|避开|避让|绕避|远离|无需|免于")
# Clause segments end at punctuation and at "即/就/便/后再" that start a new predicate ("未开展环评即开工").
# "替代原抽取的地下水": what was there before (原…的) is what the project removes.
_RIGHT_BEFORE_NEG = re.compile(r"(?:不|未|没有|不得|严禁|禁止|杜绝)$")
_PRE_REMOVE = re.compile("(?:" + REMOVERS.pattern + ")(?:[^的，。；,;]{0,4}|原[^，。；,;]{0,6}|"
                         # "拆除原有烟气旁路挡板及旁路烟道": each thing the remover lists
                         r"[^的，。；,;]{1,12}?(?:及|和|与|、|以及)|"
                         # "替代区域内12台燃煤小锅炉": a place and a count between the remover and the thing
                         r"[^的，。；,;]{0,8}?[0-9零一二三四五六七八九十百千]+(?:台|座|个|套|辆|家|处|口|条|根|蒸吨)(?:现有|在用)?)$")
_SEGMENT_END = re.compile(r"[，。；：,;:！？!?\n]|(?<![立随])即(?!将|时)|(?<=[^成])就|便(?!民|于|利)|后再")
# A field label opening a sentence ("施工安排：", "废水处理：") names a topic, it does not state a fact:
# "施工安排：夜间不安排任何施工作业" does not affirm 施工.
_LABEL = re.compile(r"(?:^|(?<=[。；！？\n]))\s*[^。；！？\n，,：:]{1,8}[：:]")
# A time adverbial takes the polarity of the predicate after it: "夜间（22时至次日6时）不安排任何施工作业"
# says nothing happens at night.
_TIME = re.compile(r"夜间|夜里|晚间|凌晨|昼间|白天|中午|午间|\d{1,2}[时点:：]|[二十一两三四五六七八九零]{1,3}[时点]")
_POST_NEG = re.compile(r"^[^，。；,;！？]{0,16}?(?:不|未|禁止|严禁|停止|杜绝)(?:安排|进行|施工|作业|开展|生产|运行|排放|"
                       r"营业|运输|使用|开工|动工|从事|产生)")


@dataclass
class Mention:
    surface: str  # the words in the proposal
    terms: tuple[str, ...]  # the law's words for it (the surface itself when no concept maps it)
    field: str
    state: str  # present | negated | removed
    start: int  # offsets in the fact sentence
    end: int
    source: str = ""  # law a concept entry was written from
    label: bool = False  # inside a field label ("施工安排："): a topic, not a statement
    opposite: bool = False  # the lexicon reads the words as the opposite of its terms ("溶剂型涂料")


@dataclass
class Fact:
    index: int
    sentence: str
    fields: list[str]
    mentions: list[Mention] = field(default_factory=list)
    # Places and zones stated anywhere in the proposal (law word -> state): a norm's scope may be met by
    # "项目位于…保护区" in one sentence and its action by "设置排污口" in another.
    context: dict[str, str] = field(default_factory=dict)
    # The whole proposal, for a norm's scope and conditions (place, industry, size are project-wide).
    whole: str = ""
    all_mentions: list[Mention] = field(default_factory=list)
    memo: dict[tuple[str, bool], str] = field(default_factory=dict, repr=False, compare=False)  # judge's cache
    # Proposal-wide states are the same for every fact: one shared cache keeps a check linear in its length.
    wide_memo: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _norm: str = field(default="", repr=False, compare=False)

    @property
    def norm_text(self) -> str:
        if not self._norm:
            self._norm = normalize_for_search(self.sentence)
        return self._norm

    def concept_terms(self, states: tuple[str, ...] = (PRESENT, NEGATED, REMOVED)) -> list[str]:
        out: list[str] = []
        for m in self.mentions:
            if m.state in states:
                out.extend(t for t in m.terms if t not in out)
        return out

    def query(self) -> str:
        """The fact as a norm query: its sentence plus the law's words for what it mentions."""
        extra = [t for t in self.concept_terms() if t not in self.sentence]
        return self.sentence + (" " + " ".join(extra) if extra else "")

    # The sentences of the proposal when this fact is the whole project (see `project_fact`).
    parts: list[str] = field(default_factory=list, repr=False, compare=False)

    def evidence(self, words: list[str], places: Sequence[str] = ()) -> str:
        """The proposal sentences a finding rests on: the fact's own, or for the whole project the one or two
        sentences holding most of the norm words it matched, in the proposal's own words too ("距村庄居民区300米"
        for 人口集中区域, beside the project's name for 畜禽养殖场). A sentence that puts the project in the norm's
        place comes first ("…机位…位于保护区缓冲区内", not "建设单位：…"), and a word most sentences hold tells little."""
        if not self.parts:
            return self.sentence
        surfaces = {normalize_for_search(m.surface) for m in self.all_mentions
                    if any(w in t or t in w for t in m.terms for w in words)}
        texts = {s: normalize_for_search(s) for s in self.parts}
        cues = [*words, *surfaces]
        held = {w: sum(w in n for n in texts.values()) for w in cues}
        score = {}
        for s, n in texts.items():
            score[s] = sum(1.0 / held[w] for w in cues if w in n) + sum(2.0 for w in places if w in n)
        ranked = sorted(self.parts, key=lambda s: -score[s])
        best = sorted([p for p in ranked[:2] if score[p] > 0] or ranked[:1], key=self.parts.index)
        # sentences apart in the proposal are shown apart
        return "……".join(best) if len(best) == 2 and self.parts.index(best[1]) - self.parts.index(best[0]) > 1 \
            else "".join(best)


@dataclass
class Proposal:
    text: str
    title: str
    summary: dict[str, str]
    facts: list[Fact]
    # a report on a plant in operation (自查报告, 情况说明 … in its first lines), not a project to be approved
    operating: bool = False

    def context_terms(self, fields: tuple[str, ...] = ("location", "zone")) -> dict[str, str]:
        """Law words of places and zones stated anywhere in the proposal -> their state (present wins)."""
        out: dict[str, str] = {}
        for f in self.facts:
            for m in f.mentions:
                if m.field in fields:
                    for t in m.terms:
                        if out.get(t) != PRESENT:
                            out[t] = m.state
        return out


@dataclass
class Concept:
    terms: tuple[str, ...]
    patterns: tuple[re.Pattern[str], ...]
    field: str
    source: str
    state: str = PRESENT  # "negated" for phrases that say a thing is not done ("环评正在编制" = not approved)
    # words that, in the same segment, show the alias means something else ("旱厕…粪污" is not livestock manure)
    unless: tuple[re.Pattern[str], ...] = ()

    def excluded(self, norm: str, start: int, end: int) -> bool:
        if not self.unless:
            return False
        stop = SEGMENT_END.search(norm, end)
        segment = norm[segment_start(norm, start): stop.start() if stop else len(norm)]
        return any(p.search(segment) for p in self.unless)


@dataclass(frozen=True)
class Kind:
    general: str  # the law's general word (固体废物)
    kinds: tuple[str, ...]  # the kinds its definitions name (生活垃圾, 危险废物 …)
    source: str = ""  # the law defining them; dropped in a leave-one-law-out run


@dataclass
class Lexicon:
    fields: dict[str, tuple[str, ...]]
    concepts: list[Concept]
    obligations: list[dict[str, Any]]
    kinds: list[Kind] = field(default_factory=list)
    # compound names in which a shorter law word names something else (人工湿地 -> 湿地)
    compounds: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def kinds_of(self, word: str) -> tuple[str, ...]:
        """The kinds a law's general word covers (固体废物 -> 生活垃圾, 危险废物 …)."""
        return tuple(k for entry in self.kinds if entry.general == word for k in entry.kinds)

    def without_source(self, law: str) -> Lexicon:
        """The lexicon a leave-one-law-out run uses: nothing written from the held-out law."""
        return Lexicon(self.fields, [c for c in self.concepts if c.source != law],
                       [o for o in self.obligations if o.get("source") != law],
                       [k for k in self.kinds if k.source != law], self.compounds)

    def masked(self, text: str) -> str:
        """The text with each word a compound hides blanked out ("人工湿地" -> "人工□□"), offsets kept."""
        for compound, inner in self.compounds.items():
            if compound not in text:
                continue
            for word in inner:
                k = compound.find(word)
                text = text.replace(compound, compound[:k] + "□" * len(word) + compound[k + len(word):])
        return text


# Full-width punctuation and the half-width form the text is matched in (normalize_for_search).
_HALF = {"，": ",", "；": ";", "：": ":", "（": "(", "）": ")"}


def _half_widths(rx: str) -> str:
    """A lexicon pattern is written with full-width punctuation ("[^，。；]"), the text it is matched against has the
    half-width forms: a class that excludes a full-width mark excludes its half-width form too."""
    def widen(m: re.Match[str]) -> str:
        body = m.group(1)
        extra = "".join(h for f, h in _HALF.items() if f in body and h not in body)
        return f"[^{body}{extra}]"
    return re.sub(r"\[\^([^\]]*)\]", widen, rx)


def _pattern(term: str) -> re.Pattern[str]:
    if is_regex_word(term):
        return re.compile(_half_widths(term[1:-1]), re.I)
    return re.compile(re.escape(normalize_for_search(term)), re.I)


def parse_lexicon(data: dict[str, Any]) -> Lexicon:
    from ..errors import PolicyError

    try:
        fields = {k: tuple(v) for k, v in data["fields"].items()}
        # The law's words are patterns too, except in an entry for phrases that deny a thing ("验收待…后再办理"):
        # there the bare word ("已通过竣工验收") says nothing of a denial. An entry's `general` words are what its
        # words imply and never patterns: "固体废物" does not make a thing 污泥 (污泥 implies 固体废物).
        concepts = [Concept((*c["terms"], *c.get("general", [])),
                            tuple(_pattern(a) for a in [*c["aliases"],
                                                        *(c["terms"] if c.get("state", PRESENT) == PRESENT else [])]),
                            c["field"], c.get("source") or "", c.get("state", PRESENT),
                            tuple(_pattern(u) for u in c.get("unless", []))) for c in data["concepts"]]
        obligations = list(data.get("obligations", []))
        kinds = [Kind(str(k["general"]), tuple(map(str, k["kinds"])), k.get("source") or "")
                 for k in data.get("kinds") or []]
        compounds = {normalize_for_search(str(k)): tuple(normalize_for_search(str(w)) for w in v)
                     for k, v in (data.get("compounds") or {}).items()}
    except (KeyError, TypeError, AttributeError, re.error) as exc:
        raise PolicyError(f"概念词表 concepts.yaml 格式有误：{exc}") from exc
    return Lexicon(fields, concepts, obligations, kinds, compounds)


@lru_cache(maxsize=4)
def load_lexicon(path: str = "") -> Lexicon:
    if path:
        text = Path(path).read_text(encoding="utf-8")
    else:
        text = data_text("concepts.yaml")
    return parse_lexicon(load_yaml(text))


# After an object, a denial of the verb that follows it ("生产固废不混入", "废水不外排", "污泥不得外运"):
# the object takes part in no such act. Comparisons ("噪声不超过…", "不低于") and adverbs ("不断") deny nothing.
_POST_OBJECT_NEG = re.compile(r"^(?:全部|均|一律|也|都|始终|绝)?(?:不得|不会|不再|不|严禁|禁止)"
                              # "燃用不符合质量标准的煤炭": 不符合/不合格/不达标 judge a thing's quality; no act is denied
                              r"(?!超过|超出|高于|低于|大于|小于|少于|多于|足|等|同|断|仅|但|锈|定期|良|利|宜|变|可|能|是|会|得|"
                              r"符合|合格|达标|满足|"
                              # "废水不经处理，直接排入…": without a treatment, the thing still goes on to the act
                              r"经|加|[作做](?:任何)?处理)"
                              r"[\u4e00-\u9fff]")


# After a procedure in an applicant's words, its deferral ("竣工环保验收计划明年上半年再组织", "许可待投产后再申请
# 办理", "验收推迟"): the procedure is not done. Only procedural verbs follow: "废水待处理达标后再排放" defers nothing.
# A step under way ("排污许可证正在办理") is left as it reads: a permit in hand before discharge breaks no duty.
_POST_DEFER = re.compile(r"^[^，。；,;！？]{0,16}?(?:(?:计划|拟|待|将于|准备|打算|预计)[^，。；,;！？]{0,12}?"
                         r"(?:(?:再|后|一并)行?(?:组织|办理|申请|补办|开展|编制|报批|申领|进行|实施)"
                         r"|(?:报批|报送|送审|申请|申领|补办)"
                         # "验收计划在2025年下半年开展": a date to come, and the step done then
                         r"|[^，。；,;！？]{0,4}?(?:年|月|季度|年底|年初)[^，。；,;！？]{0,4}?"
                         r"(?:组织|办理|开展|编制|进行|实施))|推迟|暂缓|延后|延期)")


# The start of operation, with a span of time after it ("投产后", "正式生产一年后", "试运行三个月后").
START_ACTS = r"投产|投入生产|投入运行|投入使用|正式生产|生产|运行|运营|试运行|试生产|排污|营业"
_PAST_START = re.compile(rf"(?:{START_ACTS})"
                         r"(?:[一二两三四五六七八九十半\d]+个?(?:年|月|周|天|日)|一段时间)?(?:以后|之后|后)")


def deferred_past_start(sentence: str, start: int, end: int) -> bool:
    """The procedure at sentence[start:end] is put off until after the project starts operating ("排污许可证待投产后再
    申请", "验收待正式生产一年后再组织办理"): the project runs for a while without it. "计划投产前申请" and
    "待生产线建成后再申请" put nothing past the start."""
    clause_end = SEGMENT_END.search(sentence, end)
    after = sentence[end: clause_end.start() if clause_end else len(sentence)]
    if clause_end is not None and sentence[clause_end.start()] in "，,":
        # "排污许可证尚未申领，待正式投入运行后再补办": the next segment says when it will be done
        nxt = _NEXT_WHEN.match(sentence, clause_end.end())
        if nxt:
            after += nxt.group(0)
    return put_off(sentence, start, end) and bool(_PAST_START.search(after))


# A segment that says when a thing not yet done will be done ("待正式投入运行后再补办").
_NEXT_WHEN = re.compile(r"(?:待|等|拟|计划|准备|将)[^，。；,;！？]{0,20}")


def put_off(sentence: str, start: int, end: int) -> bool:
    """The procedure or measure at sentence[start:end] is put off or not yet done (a deferred procedure,
    "暂缓建设脱硫设施", "排污许可证尚未办理"), as opposed to refused or removed ("不设排污口", "散煤替代")."""
    clause_end = SEGMENT_END.search(sentence, end)  # "…待正式生产一年后再组织办理" runs past 后再
    after = sentence[end: clause_end.start() if clause_end else len(sentence)]
    if _AWAITED_BEFORE.search(sentence[:start]) and _AWAITED_AFTER.match(after):
        return True  # "排污许可证待环评批复后再申请": what another step waits for is not done yet
    return bool(_POST_DEFER.search(after)) or undone(sentence, start, end)


_AWAITED_BEFORE = re.compile(r"(?:待|等待|等到|须等|要等)$")  # (not the 等 of a list, "金属碎屑等")
_AWAITED_AFTER = re.compile(r"[^，。；,;]{0,6}?(?:批复|审批|批准|通过|完成|办结|取得)?(?:后|之后|以后)")


# "不存在…停用的情况", "未发生…闲置的现象": the thing's idling is what is denied.
_NO_CASE_BEFORE = re.compile(r"(?:不存在|未发生|未出现|没有出现|无)[^，。；,;]{0,8}$")
_IDLE_CASE_AFTER = re.compile(r"[^，。；,;]{0,6}?(?:停用|停运|闲置|停止运行|不正常运行|未正常运行)的?(?:情况|现象|问题)")
# "在未取得…前", "没有取得…之前": until the paper is held (the act that follows is what waits).
_UNTIL = re.compile(r"(?:未|没有|尚未)(?:依法)?(?:取得|领取|获得|申领|办理|经)[^，。；,;]{0,8}$")
_UNTIL_AFTER = re.compile(r"^[^，。；,;]{0,8}?(?:之前|以前|前)")


def state_at(sentence: str, start: int, end: int, proposal: bool = False) -> str:
    """Polarity of the words at sentence[start:end] from the words around them in the same clause segment.

    `proposal`: the words are an applicant's, where a denial after an object covers it ("废水不外排");
    a norm's "危险废物不得混入…" names what it governs, so norms are read without it."""
    seg_start = 0
    for m in _SEGMENT_END.finditer(sentence, 0, start):
        seg_start = m.end()
    seg_end_m = _SEGMENT_END.search(sentence, end)
    after = sentence[end : seg_end_m.start() if seg_end_m else len(sentence)]
    before = sentence[seg_start:start]
    if proposal and _UNTIL.search(before) and _UNTIL_AFTER.match(after):
        # "未取得排污许可证前不排放污染物": the applicant's promise to wait for the paper, not a paper refused
        return PRESENT
    if proposal and _NO_CASE_BEFORE.search(before) and _IDLE_CASE_AFTER.match(after):
        # "不存在油气回收装置停用的情况": a case of the thing left idle denied, so the thing runs
        return PRESENT
    if POST_REMOVERS.search(after) and _RIGHT_BEFORE_NEG.search(before) and not _PRE_REMOVE.search(before):
        # "不采购国家已明令淘汰的设备": the act is denied; 淘汰 after it describes the thing, it does not remove the act
        return NEGATED
    if POST_REMOVERS.search(after) or _PRE_REMOVE.search(before):  # "以电锅炉替代燃煤锅炉", not "拆除产生的建筑垃圾"
        return REMOVED
    if proposal and former_site(before, after, sentence[start:end]):
        return REMOVED  # "利用…原龙湾小学闲置校舍改建": no school is there now
    if _negates(before, sentence[start:end]) or POST_OUT.search(after) or _without_covers(sentence, seg_start, start, end):
        return NEGATED
    if _TIME.search(sentence[start:end]) and _POST_NEG.search(sentence[end:]):
        return NEGATED
    # A procedure or measure put off or not yet done ("验收计划明年再组织", "暂缓建设脱硫设施") is not done; "距保护区
    # 边界3公里" puts the project outside the zone.
    if proposal and (put_off(sentence, start, end) or outside(sentence, start, end)):
        return NEGATED
    if proposal and _POST_OBJECT_NEG.search(after):
        # The thing is there; only the act is denied ("医疗废物不露天存放" still has medical waste): it takes
        # no part in a forbidden act, and a duty about it is not denied either.
        return REMOVED
    return PRESENT


# A sentence that refers back to the things the one before named ("上述物料", "以上废物", "这些危废").
_ANAPHOR = re.compile(r"(?:上述|以上|前述|这些|该等)(?:物料|废物|固废|危废|危险废物|废料|物品|废液|污泥|固体废物|废弃物)")


# "未经处理", "未经批准": what was not done before the act that follows, which is itself done.
_WITHOUT_VERB = r"(?:处理|批准|许可|审批|审查|同意|验收|处置|净化|消毒|核准|登记|备案)"
_WITHOUT = re.compile(rf"未经[\u4e00-\u9fff]{{0,6}}?{_WITHOUT_VERB}")
# The same phrase with the verbs that go on it ("未经消毒处理"): each is what was not done.
_WITHOUT_CHAIN = re.compile(rf"未经[\u4e00-\u9fff]{{0,6}}?{_WITHOUT_VERB}+")


def _without_covers(sentence: str, seg_start: int, start: int, end: int) -> bool:
    """sentence[start:end] is a verb of a "未经…" phrase after its first ("处理" in "未经消毒处理")."""
    for m in _WITHOUT_CHAIN.finditer(sentence, seg_start, end + 8):
        if m.start() < start and end <= m.end():
            return True
    return False


def _negates(before: str, word: str = "") -> bool:
    """A denial before a word in its segment, unless a 的 closes it first: "无许可证的单位" denies the licence,
    not the unit; "未经处理的废水" is still waste water. "未经处理" is a closed phrase too: in "未经处理直接排入" the
    discharge is done, only the treatment is not."""
    ends = [m.end() for m in _PRE_NEG.finditer(before)]
    # (nor a bracket: "（个体户，…，无危险废物经营许可证）上门收购" denies the licence inside the aside, not the purchase)
    if not ends or "的" in before[ends[-1]:] or re.search(r"[）)]", before[ends[-1]:]):
        return False
    if _NEG_NOUN.match(before, ends[-1] - 1):
        return False  # "未反应料全部回炉利用": 未 makes a noun (unreacted material), it denies nothing after it
    # (a quality is read with the word after it: "不达标排放" denies the manner of the act)
    quality = [m for m in _QUALITY_NEG.finditer(before + word) if m.end() <= len(before)]
    closed = [m for m in [*_WITHOUT.finditer(before), *_NOT_AS.finditer(before), *quality]
              if m.start() <= ends[-1] - 1 < m.end()]
    return not closed


# "未按照许可证规定从事危险废物收集": the manner is denied, the act after it is done.
_NOT_AS = re.compile(r"(?:未|不)(?:按照|依照|按|依据|遵守)[^，。；,;]{0,24}?(?:规定|要求|标准|规范)")


# A denial that forms a noun with a short verb and a material's head ("未反应料", "未燃尽物", "未利用地").
_NEG_NOUN = re.compile(r"未[\u4e00-\u9fff]{1,2}(?:料|物|渣|灰|地|粉)(?=[，、,；;。\s]|全部|均|经|回|送|外|用|作|进|交|由)")


# "检疫不合格产品", "不达标的煤": a quality said of a thing, closed before the words after it ("…交无害化处理中心处理").
# Not when an act follows ("不达标排放" denies the manner of the discharge).
_QUALITY_NEG = re.compile(r"不(?:合格|达标)(?!的?(?:排放|排入|排出|外排|直排|处理|处置|使用|运行|投产|生产|销售))")


@lru_cache(maxsize=4096)
def _labels(sentence: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in _LABEL.finditer(sentence))


def in_label(sentence: str, start: int, end: int) -> bool:
    """sentence[start:end] lies in a field label ("施工安排：")."""
    return any(a <= start and end <= b for a, b in _labels(sentence))


# A numbered section heading of the proposal ("一、项目概况", "（三）配套", "四、噪声。" before the section's first
# sentence) states nothing about the project: it names what the section is about, whatever the section then says.
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[章节部分])"
                      r"\s*[^，。；,;：:！？!?]{1,14}[。.]?$")


# The letter around a report: the office it is addressed to ("县生态环境分局综合行政执法大队："), its closing formula
# ("特此报告。", "欢迎监督。"). Neither tells anything about the plant.
_SALUTATION = re.compile(r"^[\u4e00-\u9fff（）()]{2,40}?(?:局|大队|支队|中队|政府|委员会|办公室|中心|科|处|所)[：:]$")
_CLOSING = re.compile(r"^(?:特此(?:报告|说明|函告|函复|报告如上)|以上(?:报告|说明|情况)?[^，。]{0,8}(?:请|妥否)[^。]{0,10}|"
                      r"请(?:予)?(?:审查|审阅|批示|指正)|欢迎(?:监督|指导)|妥否，请批示)[。！!]?$")


def _letter_part(p: str) -> bool:
    return bool(_HEADING.match(p) or _SALUTATION.match(p) or _CLOSING.match(p))


# Where the proposal's text is cut into sentences (facts, and the parts blanked by without_headings).
_SENTENCE_END = re.compile(r"(?<=[。；！？!?\n])")


def without_headings(text: str) -> str:
    """The text with its section headings and the letter around it (the office addressed, 特此报告) blanked out (same
    length, so positions still hold): a heading names a topic ("二、固体废物。"), it says nothing the project does."""
    return "".join(re.sub(r"\S", " ", p) if _letter_part(p.strip()) else p for p in _SENTENCE_END.split(text))


def split_facts(text: str) -> list[str]:
    return [p.strip() for p in _SENTENCE_END.split(text)
            if len(re.findall(r"[\u4e00-\u9fff]", p)) >= 3 and not _letter_part(p.strip())]


# A long document is not one project description: judging all of it as one fact would match nearly every
# norm and cost seconds (a one-page proposal has about 15 fact sentences).
_PROJECT_FACT_MAX = 40


def project_fact(prop: Proposal) -> Fact | None:
    """The whole proposal as one fact. A norm's act is often told across sentences ("尾矿库项目" in the
    title, "汾河西岸" in the site): sentence facts miss it, the project fact does not. Polarity is still
    read within each clause segment."""
    facts = [f for f in prop.facts if f.mentions or f.fields]
    if not 2 <= len(facts) <= _PROJECT_FACT_MAX:
        return None
    first = facts[0]
    fields = list(dict.fromkeys(x for f in facts for x in f.fields))
    return Fact(len(prop.facts), "".join(f.sentence for f in facts), fields, list(first.all_mentions),
                first.context, first.whole, first.all_mentions, wide_memo=first.wide_memo,
                parts=[f.sentence for f in facts])


# The name of a paper a procedure gives ("夜间施工证明", "危险废物经营许可证"), after the verb that obtains it.
# ("张某没有危险废物经营许可证": a paper lacked is named the same way)
_PERMIT_NAME = re.compile(r"(?:取得|办理|获得|申领|办妥|领取|没有|无)"
                          r"(?:[^，。；,;]{0,30}?(?:出具|核发|颁发|开具|签发)的)?"
                          r"([\u4e00-\u9fff]{2,12}?)(?:证明|许可证|批复|批准文件|核准文件|"
                          # any certificate named by its field ("水域滩涂养殖证", "林木采伐证"), not a 保证 or 验证
                          r"(?<![保论认验查凭])证(?:书)?)")


def in_permit_name(text: str, a: int, b: int) -> bool:
    """The word at a..b only qualifies the name of a paper ("未取得夜间施工证明": 夜间, 施工)."""
    start = segment_start(text, a)
    return any(m.start(1) <= a and b <= m.end(1) for m in _PERMIT_NAME.finditer(text, start) if m.start() < a)


def in_title(text: str, a: int, b: int) -> bool:
    """The word at a..b is part of a title in 《》 ("工业企业" in "满足《工业企业厂界环境噪声排放标准》"): it names a
    standard or a text, not the project."""
    opened = text.rfind("《", 0, a)
    return opened >= 0 and "》" not in text[opened:a] and text.find("》", b) >= 0 \
        and "《" not in text[b:text.find("》", b)]


# A name in brackets right after a concept's word ("一般湿地（苇塘）", "饮用水水源地（东山水库）"): the proposal calls
# that concept by this name from then on. Not a note on the word ("（拟建）", "（含税）", "（以下简称…）").
_BRACKETED = re.compile(r"\(([\u4e00-\u9fff]{2,8})\)")
_NOT_A_NAME = re.compile(r"^(?:含|不含|拟|暂|约|即|下同|以下|包括|共|合计|其中|详见|见|如|另|新建|改建|扩建|现有|已|未|正在)")


def with_named_aliases(text: str, lex: Lexicon) -> Lexicon:
    """The lexicon with the names the proposal gives its concepts in brackets."""
    norm = normalize_for_search(text)
    extra: list[Concept] = []
    for b in _BRACKETED.finditer(norm):
        name = b.group(1)
        words = tagged(name)
        if _NOT_A_NAME.match(name) or not words or not words[-1][1].startswith("n"):
            continue
        for c in lex.concepts:
            if c.state != PRESENT or any(p.search(name) for p in c.patterns):
                continue
            if any(m.end() == b.start() for p in c.patterns for m in p.finditer(norm, max(0, b.start() - 16), b.start())):
                extra.append(Concept(c.terms, (re.compile(re.escape(name)),), c.field, c.source))
    return Lexicon(lex.fields, [*lex.concepts, *extra], lex.obligations, lex.kinds, lex.compounds) if extra else lex


def analyze(text: str, lexicon: Lexicon | None = None) -> Proposal:
    lex = with_named_aliases(text, lexicon or load_lexicon())
    facts: list[Fact] = []
    for i, sent in enumerate(split_facts(text)):
        norm = normalize_for_search(sent)
        seen = lex.masked(norm)  # "人工湿地" names no 湿地
        fields = [name for name, words in lex.fields.items() if any(normalize_for_search(w) in seen for w in words)]
        mentions: list[Mention] = []
        taken: list[tuple[int, int, tuple[str, ...]]] = []
        for c in lex.concepts:
            for p in c.patterns:
                for m in p.finditer(seen):
                    if any(s <= m.start() and m.end() <= e and terms == c.terms for s, e, terms in taken) \
                            or c.excluded(norm, m.start(), m.end()):
                        continue
                    taken.append((m.start(), m.end(), c.terms))
                    st = state_at(norm, m.start(), m.end(), proposal=True)
                    if c.field != "permit" and in_permit_name(norm, m.start(), m.end()):
                        # "未取得夜间施工证明" lacks a paper, "已取得…夜间施工证明" holds one: neither says when work is done
                        # (a concept that is the paper, "已取得…环境影响报告表批复", is said)
                        continue
                    if c.state == NEGATED:
                        if st != PRESENT:
                            # "未发生粪污直排": a denial denied says nothing of what the concept denies
                            continue
                        st = NEGATED
                    # (offsets are in the normalized text; "℃" → "°c" changes its length, so the sentence's own
                    # characters are shown only when they line up)
                    shown = sent if len(sent) == len(norm) else norm
                    mentions.append(Mention(shown[m.start():m.end()], c.terms, c.field, st, m.start(), m.end(),
                                            c.source, in_label(norm, m.start(), m.end()), c.state == NEGATED))
        for mention in mentions:
            if mention.field not in fields:
                fields.append(mention.field)
        if facts and _ANAPHOR.search(sent):
            # "…产生的废电解液、焦油及废活性炭…装桶存放。…上述物料拟卖给…回收站": the things the sentence before named
            # are what this one acts on
            said = {(m.surface, m.terms) for m in mentions}
            mentions += [m for m in facts[-1].mentions if m.field == "waste" and m.state == PRESENT
                         and (m.surface, m.terms) not in said]
            if any(m.field == "waste" for m in mentions) and "waste" not in fields:
                fields.append("waste")
        facts.append(Fact(i, sent, fields, mentions))
    prop = Proposal(text, proposal_title(text), proposal_fields(text), facts, operating_report(text))
    ctx = prop.context_terms()
    whole = normalize_for_search(without_headings(text))  # a heading ("一、夜间施工。") tells of no act, here either
    every = [m for f in facts for m in f.mentions]
    shared: dict[str, str] = {}
    for f in facts:
        f.context, f.whole, f.all_mentions, f.wide_memo = ctx, whole, every, shared
    return prop
