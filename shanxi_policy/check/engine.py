"""The compliance check: proposal facts matched to the library's norms and judged one pair at a time.

Every document is checked from the norms read from its text. Curated checks (checks.yaml) refine the
seed policy only; figures in the proposal are compared with the library's quantitative targets.
"""

from __future__ import annotations

import copy
import itertools
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..ingest.docmeta import SECONDARY_TYPES
from ..models import Hit
from ..norms.liability import penalty_clause, penalty_lines, under_liability
from ..norms.model import Norm
from ..retrieve.coverage import Gap, coverage_gaps
from ..retrieve.filters import DocFilter
from ..retrieve.jurisdiction import JurisdictionParams, named_places, places_of
from ..retrieve.norm_search import CheckSource, NormHit, check_source
from ..text.markers import PART, without_marker
from ..text.normalize import normalize_for_search
from ..text.tokenize import tagged
from .curated import compare_figures, run_check, validate_proposal
from .facts import plans_new_works, service_only
from .judges import (
    DUTY_REFERENCE,
    GENERIC_WORDS,
    Judge,
    JudgeParams,
    Judgment,
    RuleJudge,
    handed_over,
    split_norm,
    stated,
    word_spans,
)
from .negation import (
    REDUCERS,
    SEGMENT_END,
    in_progress,
    is_regex_word,
    is_zone,
    proceeds_ahead,
    segment_start,
    works_begun,
)
from .proposal import (
    NEGATED,
    PRESENT,
    Concept,
    Fact,
    Lexicon,
    Proposal,
    analyze,
    load_lexicon,
    project_fact,
    put_off,
    state_at,
    without_headings,
)
from .report import Finding, Report, overall_verdict
from .rules import load_checks

_ORDER = {"conflict": 0, "attention": 1, "supports": 2, "related": 3}
_FORCE = {"prohibition": "restrictive", "restriction": "restrictive", "obligation": "obligatory",
          "encouragement": "encouraging"}


@dataclass
class CheckParams:
    """Retrieval and decision settings; `match`/`scope` thresholds live in JudgeParams."""

    k: int = 30  # norms retrieved per fact
    # Fused retrieval score a norm needs to be judged. 0.15 (was 0.35) since the whole proposal is also
    # searched as one fact: its long query spreads the min-max scores (chosen on the dev cases).
    min_score: float = 0.15
    # Fuse the dense similarity of each norm's clause. Off by default: on the dev cases it changed one
    # verdict in 41 and costs a model load and one embedding per fact (README, 项目合规审查).
    dense: bool = False
    max_related: int = 3  # retrieved-but-undecided clauses shown as 相关
    related_rank: int = 1  # the top norms of a sentence are shown as 相关 whatever their words ...
    related_score: float = 0.6  # ... when they score this well
    pair_k: int = 5  # norms kept per pair of concepts of one sentence
    pair_weight: float = 0.8  # their retrieval score is discounted: a pair is narrower evidence than the sentence
    use_penalties: bool = False  # judge the conduct named by penalty articles as well
    judge: JudgeParams = field(default_factory=JudgeParams)


def _prepare(judge: Judge, src: CheckSource) -> None:
    judge.prepare(src.norms())  # judges cache what they derive from the norms


def article_label(src: CheckSource, clause_id: str) -> str:
    """第六十四条 for a law article, （三） for a policy clause, else the clause heading."""
    c = src.clause(clause_id)
    if c is None:
        return ""
    if c.kind == "article" and c.path:
        return c.path[-1]
    m = re.match(r"[（(][一二三四五六七八九十百零0-9]+[）)]", c.title or "")
    if m:
        # with its heading, which names the matter ("（八）持续改善空气质量") where a law's article number does not
        heading = (c.title or "")[m.end():].strip().rstrip("。")
        return m.group(0) + heading if 0 < len(heading) <= 24 else m.group(0)
    # "三、距离…禁止新建加油站。", a numbered paragraph with no heading: its path is its whole text
    n = PART.match(c.text) if not c.title else None
    return f"第{n.group(1)}项" if n else (c.path[-1] if c.path else c.local_id)


def doc_label(src: CheckSource, doc_id: str) -> str:
    d = src.document(doc_id)
    if d is None:
        return doc_id
    return str(d.meta.get("short_title") or d.title)


def _hit(src: CheckSource, norm: Norm, score: float) -> Hit | None:
    c = src.clause(norm.clause_id)
    d = src.document(norm.doc_id)
    if c is None or d is None:
        return None
    quote = norm.quote if norm.quote and norm.quote in c.text else c.text
    if quote is norm.quote and len(quote) < SHORT_QUOTE and not norm.item:
        # "不得擅自倾倒、堆放" names neither who nor what: the sentence it ends says both.
        quote = _sentence_of(c.text, quote) or quote
    if norm.item and quote is norm.quote:
        # "（三）环境影响评价的结论" alone says nothing; the sentence that introduces the list says what it is.
        intro = _list_intro(c.text, norm.item)
        if intro:
            quote = f"{intro}……{norm.item}{quote}"
    return Hit(d.doc_id, d.title, c.clause_id, c.path, c.text, round(score, 4), "norm", quote, [])


# A norm's quote shorter than this is shown in its whole sentence, when that sentence is not long.
SHORT_QUOTE = 20
_LONG_SENTENCE = 160


def _sentence_of(text: str, quote: str) -> str:
    """The sentence of the clause that holds the quote, without the article number; "" when it is long."""
    i = text.find(quote)
    start = max(text.rfind(x, 0, i) for x in "。；\n") + 1
    ends = [j for j in (text.find(x, i + len(quote)) for x in "。；\n") if j >= 0]
    sent = without_marker(text[start: min(ends) if ends else len(text)].strip())
    return sent if len(sent) <= _LONG_SENTENCE else ""


def _list_intro(text: str, item: str) -> str:
    """The sentence before the first item of a list ("…应当包括下列内容："), without the article number."""
    first = re.search(r"[（(]一[）)]", text)
    i = first.start() if first and first.start() <= text.find(item) else text.find(item)
    if i <= 0:
        return ""
    before = text[:i].rstrip()
    if not before.endswith(("：", ":")):
        return ""
    start = max(before.rfind(x, 0, len(before) - 1) for x in "。；\n") + 1
    return re.sub(r"^第[一二三四五六七八九十百零〇]+条\s*", "", before[start:].strip())


# "…申请表应当包括下列事项：", "…应当载明下列内容：": the list says what a paper holds.
# A duty on what a report must contain, said outside a list ("环境影响报告书除包括上述内容外，还应当包括…结论").
_CONTENTS_DUTY = re.compile(r"(?:报告书|报告表|申请表|申请书|审查意见)[^。；]{0,16}(?:应当|应)(?:包括|载明|包含)|"
                            r"(?:报告书|报告表)的内容和结论负责")
_CONTENTS = re.compile(r"(?:表|书|证|方案|报告|计划|清单|材料|文件|名录|档案|台账|记录|合同|意见|评价|评估)[^，。；：:]{0,6}?"
                       r"(?:应当|应|须)?(?:包括|载明|记载|列明|注明|写明|包含)(?:下列|以下)")


def _lists_contents(src: CheckSource, norm: Norm) -> bool:
    c = src.clause(norm.clause_id)
    return c is not None and bool(_CONTENTS.search(_list_intro(c.text, norm.item)))


def _bridges(fact: Fact, norm: Norm) -> str:
    """"落水洞属于溶洞" notes for the words the concept lexicon translated into this norm's words (only those:
    a whole proposal translates many words, and the others say nothing about this finding)."""
    out = []
    shown = [m for m in fact.mentions
             if m.state == PRESENT and m.surface not in m.terms and all(t not in fact.sentence for t in m.terms)]
    for m in shown:
        if any(o is not m and m.surface in o.surface and len(o.surface) > len(m.surface) for o in shown):
            continue  # "内和井内自然下渗" inside "坑内和井内自然下渗": the longer words say it
        # of the norm's words the concept names, the one the applicant's words are closest to ("旧水井" is a 渗井)
        hits = [t for t in m.terms if t in norm.quote]
        if hits:
            hit = max(hits, key=lambda t: (len(set(t) & set(m.surface)), -hits.index(t)))
            out.append(f"“{m.surface}”属于{hit}")
    return "，".join(dict.fromkeys(out))


# A duty of works once they run: their own monitoring, records, ledgers and disclosure.
_RUNNING_DUTY = re.compile(r"(?:依法|及时|按照规定|按规定)*(?:(?:对[^，。；]{1,12})?(?:开展)?自行监测|保存原始监测记录|"
                           r"(?:建立|设立)[^，。；]{0,16}?台账|如实记录|定期(?:向[^，。；]{1,16})?报告|"
                           r"(?:向社会)?公开[^，。；]{0,8}?(?:监测|排放|防治)[^，。；]{0,4}?(?:结果|信息|数据)|"
                           # "对监测数据的真实性和准确性负责", "向公众开放设施、场所", "向…提供工业固体废物的种类…等有关资料"
                           r"对监测数据[^，。；]{0,12}负责|向公众开放|向[^，。；]{1,16}提供[^。；]{0,60}?有关资料)")


def _clean(s: str) -> str:
    return s.strip("，。；、 ：:的")


def _reason_and_advice(src: CheckSource, fact: Fact, norm: Norm, j: Judgment) -> tuple[str, str]:
    law = f"《{doc_label(src, norm.doc_id)}》{article_label(src, norm.clause_id)}"
    said = _clean(norm.quote)
    c = src.clause(norm.clause_id) if norm.item else None
    intro = _list_intro(c.text, norm.item) if c is not None else ""
    if intro:
        # a list item says what it says only after the sentence that introduces the list ("…有下列情形之一的，应当
        # 重新申请取得排污许可证：（一）新建、改建、扩建排放污染物的项目")
        said = f"{intro}{norm.item}{said}"
    bridge = _bridges(fact, norm)
    lead = f"项目材料中{bridge}；" if bridge else ""
    if j.reason and j.recommendation:  # a judge that writes its own (the LLM judge)
        return j.reason, f"依据{law}，{said}；建议{_clean(j.recommendation)}"
    scope = _clean(norm.scope)
    action = _clean(norm.action)
    if j.verdict == "conflict":
        if j.late:
            reason = f"{lead}项目材料将相关手续推迟到投入生产或运行之后办理，项目投产时尚不具备，属于该条款禁止的情形（{said}）。"
            advice = f"依据{law}，{said}；建议在投入生产或运行之前依法办理完毕"
        elif norm.modality == "obligation":
            reason = f"{lead}项目材料与该条款规定的义务相悖（{said}）。"
            advice = f"依据{law}，{said}；建议按该条款要求{action}后再实施"
        else:
            reason = f"{lead}项目内容属于该条款禁止的行为（{said}）。"
            # the places of the scope, not its times ("噪声敏感建筑物集中区域；夜间")
            places = [x.removeprefix("在").removesuffix("内") for x in re.split(r"[；，]", scope)
                      if x and not _TIME_SCOPE.search(x)]
            where = f"将相关设施或活动移出{'、'.join(places)}，或" if places else ""
            if _UNAPPROVED.search(said):
                # "未经批准…不得开工建设": the remedy is the procedure, not dropping the works; works already begun
                # stop until it is done
                advice = f"依据{law}，{said}；建议停止（或不得开始）相关建设和活动，依法完成相关审批或许可手续后再实施"
            else:
                # the project's own words are what is to be redrawn, not the law's ("建设任何生产设施")
                quoted = _excerpt(fact.evidence(j.matched, j.places))
                advice = f"依据{law}，{said}；建议{where}取消或调整项目材料中的相关内容（“{quoted}”）"
    elif j.verdict == "attention" and j.planned:
        reason = (f"{lead}项目计划开工建设，相关审批手续尚未完成，项目材料未说明取得批准后再开工；"
                  f"在取得批准前开工即属于该条款禁止的情形（{said}）。")
        advice = f"依据{law}，{said}；建议依法完成相关审批手续后再开工建设，并在项目材料中写明办理时间"
    elif j.verdict == "attention" and j.fallback:
        instead = _clean(j.fallback)
        reason = (f"{lead}项目材料未做到该条款首先要求的（{said}）；该条款规定{instead}，"
                  f"项目材料未说明是否采取，需补充。")
        advice = f"依据{law}，{said}；{instead}；建议优先按前者实施，确实不能的，说明替代措施"
    elif j.verdict == "attention" and j.missing:
        cond, _, _ = split_norm(norm)
        how = "表明相关措施暂缓或尚未落实" if j.deferred else "未说明如何落实"
        if j.unmet:
            how = f"未说明如何落实其中的“{'”“'.join(_clean(x) for x in j.unmet)}”"
        elif not j.deferred:
            # "实行测土配方施肥，以有机肥为主、化肥为辅" for "改进施肥方式，科学合理施用化肥…": the sentence quoted speaks of
            # the duty's matter; saying it is silent would contradict the evidence shown beside it
            duty = split_norm(norm)[1]
            shown = [w for w in dict.fromkeys(j.matched) if len(w) >= 2 and w in fact.sentence and w in duty
                     and w not in GENERIC_WORDS]
            if shown:
                how = f"提到了“{'”“'.join(shown[:3])}”，但未说明是否达到该条款的要求"
        case = f"（{_clean(cond)}）" if _clean(cond) else ""
        joint = "；项目材料" if how.startswith("提到") else "，但项目材料"
        reason = f"{lead}项目属于该条款约束的情形{case}{joint}{how}（{said}）。"
        advice = f"依据{law}，{said}；建议在项目材料中补充落实措施" + ("及完成时间" if j.deferred else "")
    elif j.verdict == "attention" and j.unsanctioned:
        reason = f"{lead}项目材料涉及该条款所列的行为，但未说明是否依法批准或按规定实施（{said}），需核实。"
        advice = f"依据{law}，{said}；建议说明相关批准手续或合规的处置去向"
    elif j.verdict == "attention" and j.deferred:
        reason = f"{lead}该条款要求的措施或手续在项目材料中暂缓、推迟或尚未落实（{said}），需进一步说明。"
        advice = f"依据{law}，{said}；建议明确落实时间，在投入生产或使用前完成"
    elif j.verdict == "attention" and norm.modality == "prohibition":
        # part of what a ban names holds ("集气站位于自然保护区实验区内"; whether it "污染环境" is for the reviewer): a ban
        # is not a restriction to be justified, it must be ruled out
        reason = f"{lead}项目内容涉及该条款禁止的情形（{said}），需核实是否属于禁止范围。"
        advice = f"依据{law}，{said}；建议核实项目是否属于禁止情形，属于的应调整选址或取消相关内容"
    elif j.verdict == "attention" and norm.modality == "obligation":
        # a duty is no restriction to be justified: what the proposal does differs from it, or is not shown to meet it
        reason = f"{lead}项目材料所述做法与该条款的要求不一致或未说明是否达到（{said}），需补充说明。"
        advice = f"依据{law}，{said}；建议按该条款要求调整相关做法，并在项目材料中写明措施"
    elif j.verdict == "attention":
        reason = f"{lead}项目内容属于该条款限制或严格控制的事项（{said}），需进一步说明。"
        advice = f"依据{law}，{said}；建议说明必要性、控制措施及审批情况"
    else:
        reason = f"项目材料体现了该条款的要求（{said}）。" if norm.modality != "prohibition" else \
            f"项目材料未涉及该条款禁止的行为（{said}）。"
        advice = f"依据{law}，{said}；建议在实施中保持并留存证明材料" if j.verdict == "supports" else \
            f"依据{law}，{said}；建议核实项目是否涉及该条款所列情形"
    return reason, advice.rstrip("。") + "。"


_TIME_SCOPE = re.compile(r"夜间|昼间|期间|期内|时段|[时点]至")
_UNAPPROVED = re.compile(r"未经[^，。；,;]{0,12}(?:批准|审批|审查|同意|验收)|未(?:依法)?取得|未办理|未依法")
# A rule on works being built: starting them, a re-review or re-application they need.
_NEW_WORKS_RULE = re.compile(r"开工建设|重新审核|新建、改建、扩建|同时设计、同时施工")
# The advice for a conflict in a proposal: redraw the plan ("建议…取消或调整“…”的内容", "…后再实施").
_AMEND_PLAN = re.compile(r"建议(?:将相关设施或活动移出[^，；]*，或)?取消或调整项目材料中的相关内容（“[^”]*”）|"
                         r"建议按该条款要求.*?后再实施")
_EXCERPT_CHARS = 40


def _excerpt(sentence: str) -> str:
    """A proposal sentence short enough to quote in advice."""
    s = _clean(sentence).rstrip("。；; ")
    return s if len(s) <= _EXCERPT_CHARS else s[:_EXCERPT_CHARS] + "…"


_ARTICLE_LEAD = re.compile(r"^第[一二三四五六七八九十百零〇]+条\s*")


def _penalty(src: CheckSource, f: Finding) -> str:
    """The article of the cited law that punishes the rule a conflict rests on, with its lines on that rule."""
    c = src.clause(f.hit.clause_id)
    d = src.document(f.hit.doc_id)
    if c is None or d is None or under_liability(c.path):
        return ""
    rule = next((x for x in (f.hit.quote, f.hit.text) if x), "")
    p = penalty_clause(d, c.clause_id, rule)
    if p is None:
        return ""
    # the article's own label opens its text; the line names the article once
    lines = "".join(penalty_lines(p.text, rule, c.text, c.clause_id))
    return f"《{doc_label(src, d.doc_id)}》{article_label(src, p.clause_id)}：{_ARTICLE_LEAD.sub('', lines, count=1)}"


def _placed(evidence: str, places: list[str], facts: list[Fact]) -> str:
    """The evidence, with the proposal's sentence that puts the works in the norm's place before it when the place was
    read elsewhere ("…约15亩与…自然保护区实验区范围存在局部重叠" for "建设甲类仓库4座…")."""
    if not places or not facts or all(w in normalize_for_search(evidence) for w in places):
        return evidence
    order = {id(f): i for i, f in enumerate(facts)}
    own = [f for f in facts if f.sentence and f.sentence in evidence]
    def says(f: Fact, w: str) -> bool:  # in its words or the lexicon's ("缓冲地带" is the 缓冲区)
        return w in f.norm_text or any(w in t for m in f.mentions if m.state == PRESENT for t in m.terms)

    there = next((f for f in facts if not f.parts and all(says(f, w) for w in places)), None)
    if there is None or there.sentence in evidence:
        return evidence  # (the place may be said in the lexicon's word only, by a sentence already quoted)
    before = bool(own) and order[id(there)] < order[id(own[0])]
    return f"{there.sentence}……{evidence}" if before or not own else f"{evidence}……{there.sentence}"


def _finding(src: CheckSource, fact: Fact, nh: NormHit, j: Judgment,
             facts: list[Fact] | None = None) -> Finding | None:
    hit = _hit(src, nh.norm, nh.score)
    if hit is None:
        return None
    reason, advice = _reason_and_advice(src, fact, nh.norm, j)
    relation = j.verdict if j.verdict in _ORDER else "related"
    evidence = fact.evidence(j.matched, j.places)
    if relation in ("conflict", "attention") and nh.norm.modality in ("prohibition", "restriction"):
        # a zone the act is done to ("排干自然湿地"), said in another sentence than the act, is quoted too
        zones = [w for w in j.matched if w not in j.places and is_zone(w) and w not in fact.norm_text
                 and not any(w in t for m in fact.mentions for t in m.terms)]
        evidence = _placed(evidence, [*j.places, *zones], facts or [])
    return Finding(relation, hit, evidence, reason, advice, "",
                   _FORCE.get(nh.norm.modality, ""),
                   norm_id=nh.norm.norm_id, article=article_label(src, nh.norm.clause_id),
                   doc_label=doc_label(src, nh.norm.doc_id), score=round(nh.score * max(j.strength, 0.1), 4))


_AUTHORITY = re.compile(r"行政机关|人民政府|主管部门|审批部门|监督管理部门|管理机构|国务院")
# A party that works for the project under commission ("接受委托为建设单位编制…的技术单位"): the applicant, who
# commissions it, is not the one bound.
_AGENT = re.compile(r"接受[^，。；,;]{0,12}委托")
# A norm whose actor is named only after its case ("…应当作出行政处罚决定而未作出的，上级主管部门可以直接作出…"): the
# authority acts, not a project.
_AUTHORITY_ACTS = re.compile(r"[，,][^，。；,;]{0,12}(?:行政机关|人民政府|主管部门|审批部门|监督管理部门|管理机构|国务院)"
                             r"(?:可以|应当|有权|依法|负责)")


# Per library version, the context each norm's elided words take from its neighbour (built once, then reused).
_ELLIPTIC: dict[str, tuple[tuple[str, int], dict[str, str]]] = {}


def _per_version(name: str, src: CheckSource, build: Callable[[list[Norm]], dict[str, str]]) -> dict[str, str]:
    norms = src.norms()
    key = (src.version, len(norms))
    got = _ELLIPTIC.get(name)
    if got is None or got[0] != key:
        got = _ELLIPTIC[name] = (key, build(norms))
    return got[1]


def elliptic_context(src: CheckSource) -> dict[str, str]:
    """norm_id -> the previous sentence of its clause, for norms whose object is elided ("船舶的残油、废油应当
    回收，禁止排入水体": "禁止排入水体" is about the oil, not about every discharge)."""
    from ..text.tokenize import content_terms

    def build(norms: list[Norm]) -> dict[str, str]:
        got = {n.norm_id: prev.quote for prev, n in itertools.pairwise(norms)
               if prev.clause_id == n.clause_id and n.quote.startswith(n.trigger) and len(content_terms(n.action)) <= 2}
        # "跨省…转移危险废物的，应当…申请。…批准转移该危险废物…。未经批准的，不得转移": the approval is the one of the
        # case stated before it, and so is the act it bans
        case = ""
        for prev, n in itertools.pairwise(norms):
            case = (prev.conditions or case) if prev.clause_id == n.clause_id else ""
            lead = _UNAPPROVED_BAN.match(n.quote)
            if case and lead and len(content_terms(n.action)) <= 2:
                # one case, not two alternatives: "跨省…转移危险废物未经批准的"
                got[n.norm_id] = case.removesuffix("的") + lead.group(0).rstrip("，")
        return got

    return _per_version("context", src, build)


# A line that only names a party of the proposal ("申请人：…合作社", "建设单位：…有限公司").
_PARTY_LINE = re.compile(r"\s*(?:申请人|申请单位|申报单位|建设单位|项目单位|业主单位|实施主体|实施单位|项目法人)"
                         r"[：:][^，。；,;：:]{0,40}[。.]?\s*$")

# A ban on a case of no approval that names neither the approval nor the thing ("未经批准的，不得转移").
_UNAPPROVED_BAN = re.compile(r"未经(?:批准|同意|许可)的，")

# A place a rule names itself ("在…区域内", "在…过程中").
_OWN_PLACE = re.compile(r"在[^，；。]{1,24}?(?:内|中|上|外|区域|地区|范围)")


def elliptic_scope(src: CheckSource) -> dict[str, str]:
    """norm_id -> the place of the norm before it in the same sentence, for norms that name none ("禁止在饮用水水源
    准保护区内新建、扩建…；改建建设项目，不得增加排污量": the second holds in the 准保护区 too)."""
    def build(norms: list[Norm]) -> dict[str, str]:
        got: dict[str, str] = {}
        for prev, n in itertools.pairwise(norms):
            # (a rule opening with its own trigger, "禁止在非贮存地点倾倒…", names its own case and place)
            if prev.clause_id != n.clause_id or not prev.scope or n.scope or n.quote.startswith(n.trigger) \
                    or _OWN_PLACE.search(n.quote):
                continue
            c = src.clause(n.clause_id)
            text = c.text if c is not None else ""
            i, j = text.find(prev.quote), text.find(n.quote)
            if 0 <= i < j and "。" not in text[i:j] and "；" in text[i:j]:
                got[n.norm_id] = prev.scope
        return got

    return _per_version("scope", src, build)


def binds_project(norm: Norm) -> bool:
    """Duties of governments and authorities do not bind a project proposal. What 国家 forbids, restricts or
    encourages ("国家严格控制占用湿地", "国家鼓励…") is a policy on everyone's conduct, a project's too."""
    if norm.subject == "国家" and norm.modality in ("prohibition", "restriction", "encouragement"):
        return True
    if norm.modality == "restriction" and norm.trigger.endswith("严格控制"):
        # "黄河流域县级以上地方人民政府应当严格控制…新建人造水景观": the government controls the works of that kind, so a
        # project that is one must show it passes the control
        return True
    if norm.subject_type == "public" and norm.trigger in ("禁止", "严禁"):
        # "省、自治区、直辖市人民政府应当划定区域，禁止露天焚烧秸秆…": the government draws the zone, the ban is on
        # everyone in it
        return True
    if not norm.subject and _AUTHORITY_ACTS.search(norm.action):
        return False
    return norm.subject_type != "government" and not _AUTHORITY.search(norm.subject) \
        and not _AGENT.search(norm.subject)


def _allowed(src: CheckSource, doc_id: str, doc_filter: DocFilter | None) -> bool:
    d = src.document(doc_id)
    return d is not None and (doc_filter is None or doc_filter.matches(d))


# Before an amount, what the project saves or spares others ("每年可节约标准煤约3800吨"): no use of its own.
_SAVED = re.compile(r"节约|节省|节能|替代|减排")
# Before a works' name, the source of what the project takes ("覆土来源为同期实施的县道改建工程剥离的表土"): another works.
_SOURCE_BEFORE = re.compile(r"(?:来源为|来源于|来自|取自|购自|外购自)[^，。；,;]{0,16}$")


def _not_own(before: str) -> bool:
    """The words before a mention make it no act or thing of the project's own: one it cuts down or saves, or the
    works it takes something from."""
    return bool(REDUCERS.search(before) or _SAVED.search(before) or _SOURCE_BEFORE.search(before))


def _word_pattern(w: str) -> re.Pattern[str]:
    """A lexicon word as a pattern: "/…/" is a regex, anything else the word itself (normalized)."""
    if is_regex_word(w):
        return re.compile(w[1:-1], re.I)
    return re.compile(re.escape(normalize_for_search(w)))


def _present_any(prop: Proposal, words: list[str]) -> list[str]:
    """Proposal sentences holding any of the words (or /regex/) not negated."""
    out = []
    for f in prop.facts:
        text = f.norm_text
        # (a kind of works named as the party the project sells or hands to, "豆渣卖给附近养猪户", is not the project,
        # nor is its process: "垃圾全部转运至县垃圾焚烧发电厂")
        held = [m for m in f.mentions if m.state == PRESENT
                and not _not_own(text[segment_start(text, m.start): m.start])
                and not (m.field in ("industry", "process") and handed_over(text, m.start))]
        if any(w in m.terms for m in held for w in words):  # "废乳化液" is a 危险废物
            out.append(f.sentence)
            continue
        for w in words:
            rx = _word_pattern(w)
            # A kind of work named as what another party does ("转让给…养殖场作饲料") does not make the project it.
            # Emissions a project avoids ("每年减少二氧化碳排放约1.1万吨") are not a discharge it makes, nor is coal it
            # saves ("每年可节约标准煤约3800吨") energy it uses.
            m = next((x for x in rx.finditer(text) if not handed_over(text, x.start())
                      and not _not_own(text[segment_start(text, x.start()): x.start()])), None)
            # A thing put off ("脱硫设施待以后再建设") is still part of the project: the duties about it bind.
            if m and (state_at(text, m.start(), m.end(), proposal=True) == PRESENT or put_off(text, m.start(), m.end())):
                out.append(f.sentence)
                break
    return out


# A procedure stated done: its paper obtained, approved, filed or passed.
_DONE = re.compile(r"已[^，。；]{0,12}?(?:取得|获得|办理|完成|通过|批复|获批|备案|领取|申领|核发|持有)|"
                   # "已于2024年6月经晋中市生态环境局批复": approved by a named authority on a date
                   r"(?:已|于\d{4}年)[^，。；]{0,10}?经[^，。；]{2,24}?(?:批复|批准|审批同意|审查同意)|"
                   # "…管理局已于2024年11月出具环境影响报告表的批复": the authority issued its approval
                   r"已于\d{4}年[^，。；]{0,6}?(?:出具|印发|下达|作出)[^，。；]{0,20}?(?:批复|批准|审批意见|审查意见)|"
                   r"(?:取得|获得)[^，。；]{0,24}(?:批复|批准|审批意见|审查意见|许可证|许可|备案)|"
                   r"(?:已|均已)[^，。；]{0,12}(?:批复|批准)|"
                   # "…填报建设项目环境影响登记表并完成备案": a filing completed
                   r"(?:完成|办妥)备案")
# Words of a procedure still waited for: "…已编制完成并上报审批" is written, not approved.
_AWAITED = re.compile(r"上报|报批|报送|送审|待|正在|拟|申请中|审批中|审查中|办理中")
# A paper only written ("环境影响报告书已编制完成，拟近期报…审批"), with no word of its approval beside it.
_WRITTEN = re.compile(r"编制|编写|编报")
_APPROVAL_WORD = re.compile(r"批复|批准|审批意见|获批|取得|通过|备案")


def _segment_end(text: str, b: int) -> int:
    """End of the clause segment that holds text[b - 1] (negation.segment_start's other end)."""
    m = SEGMENT_END.search(text, b)
    return m.start() if m else len(text)


def satisfied_words(ob: dict[str, Any], text: str) -> list[str]:
    """The words by which the proposal addresses a duty, as it writes them (a /regex/ entry gives what it matched)."""
    out: list[str] = []
    for w in ob.get("satisfied", []):
        if is_regex_word(w):
            out.extend(dict.fromkeys(m.group(0) for m in _word_pattern(w).finditer(text)))
        elif w in text:
            out.append(w)
    return out


def papers_done(prop: Proposal, lex: Lexicon) -> list[str]:
    """The procedures of the lexicon's duties (环境影响评价, 排污许可, 节能审查 …) that the proposal states done, each
    with the sentence that says so ("环境影响报告表已于2024年5月取得…批复"): the reviewer sees what to verify against the
    papers, as it sees what is missing."""
    out: list[str] = []
    earlier: list[str] = []
    for ob in lex.obligations:
        said = satisfied_words(ob, prop.text)
        # "环境影响报告书" is the project's 环境影响报告 before it is a plan's: a word holding an earlier duty's word counts
        # for this duty only where this duty binds the project
        own = [w for w in said if not any(u in w for u in earlier)]
        earlier.extend(ob.get("satisfied", []))
        if not said or (ob.get("only") and not _present_any(prop, list(ob["only"]))) \
                or (not own and not _present_any(prop, list(ob.get("applies", [])))):
            continue
        for f in prop.facts:
            text = f.norm_text
            # (a plan's assessment, "园区已完成规划环评", is not the project's)
            spans = [(a, b) for w in said for a, b in word_spans(normalize_for_search(w), text)
                     if w.startswith("规划") or not text[max(0, a - 2):a].endswith("规划")]
            # done where it is named: "…报告书已编制完成并上报审批" is written, not approved
            parts = [text[segment_start(text, a): _segment_end(text, b)] for a, b in spans]
            if spans and all(_DONE.search(x) and not _AWAITED.search(x)
                             and not (_WRITTEN.search(x) and not _APPROVAL_WORD.search(x)) for x in parts) and all(
                    state_at(text, a, b, proposal=True) == PRESENT and not put_off(text, a, b)
                    and not in_progress(text, a, b) for a, b in spans):
                law = f"（《{ob['source']}》）" if ob.get("source") else ""
                # the segments that say it done, not the rest of the sentence ("…取得批复，配套废水处理站目前尚未建成，
                # 车间已于2024年10月开始生产": what is still to come is no paper to verify)
                said_done = f.sentence.strip()
                if len(text) == len(f.sentence):
                    cuts = sorted({(segment_start(text, a), _segment_end(text, b)) for a, b in spans})
                    said_done = "……".join(f.sentence[x:y].strip("，,；; ") for x, y in cuts)
                out.append(f"{ob['name']}{law}：{said_done}")
                break
    return out


# Procedures told still to come without naming them ("相关手续正在补办", "各项审批手续尚未办理").
_UNNAMED_PENDING = re.compile(r"(?:相关|有关|各项|审批|环保|建设)?手续(?:均|都)?(?:正在|尚未|还未|还没有?|待|拟|正)"
                              r"[^，。；]{0,4}?(?:补办|办理|完善|申请)|"
                              # "现申请补办相关手续": asked for now, so not held while the works ran
                              r"(?:申请|正在|需要|需|拟|准备)补办(?:相关|有关|各项|审批|环保|建设)?手续")


def _unnamed_pending(prop: Proposal) -> list[str]:
    return [f.sentence for f in prop.facts if _UNNAMED_PENDING.search(f.norm_text)]


def _pending(prop: Proposal, words: list[str], under_way: bool = False) -> list[str]:
    """The sentences that put off every mention of the words (a procedure not yet done; with under_way, also one
    being done, "正在办理"); [] when any mention is not so."""
    out: list[str] = []
    for f in prop.facts:
        text = f.norm_text
        spans = [(a, b) for w in words for a, b in word_spans(normalize_for_search(w), text)]
        if not spans:
            continue
        if not all(put_off(text, a, b) or (under_way and in_progress(text, a, b)) for a, b in spans):
            return []
        out.append(f.sentence)
    return out


def _open_obligations(prop: Proposal, lex: Lexicon,
                      done: list[str] | None = None) -> list[tuple[dict[str, Any], list[str]]]:
    """Duties that bind this kind of project and that the proposal never addresses, with the evidence; done: the
    procedures the proposal states done (papers_done, read here when not given), for a duty that waits on another."""
    if service_only(prop.title):
        return []  # a platform or a training scheme builds and runs no works a duty is about
    done = papers_done(prop, lex) if done is None else done
    fields = {f for fact in prop.facts for f in fact.fields}
    todo = []
    unnamed = _unnamed_pending(prop)
    for ob in lex.obligations:
        said = satisfied_words(ob, prop.text)
        pending = _pending(prop, said, under_way=bool(ob.get("before_works"))) if said else []
        if not said and unnamed and ob.get("before_works") and works_begun(prop.text) \
                and (ob.get("every_works") or _present_any(prop, list(ob.get("applies", [])))):
            # "已于2024年8月开始试生产…相关手续正在补办": the procedures the works wait for are told still to come, and
            # the proposal names none of this one done
            pending = unnamed
        # "环评手续拟在正式生产前补办", "正在办理用地、环评等手续": the proposal itself says the procedure the works wait
        # for is still to come, so it binds them whatever words of new works they use
        waited_for = bool(pending) and bool(ob.get("before_works"))
        evidence = _present_any(prop, list(ob.get("applies", [])))
        if prop.operating and ob.get("new_works"):
            # a report on a plant in operation: a duty of works being built binds only the works it plans
            evidence = [e for e in evidence if plans_new_works(e)]
        if not (evidence or waited_for) or not fields & set(ob.get("fields", [])):
            continue
        if ob.get("only") and not _present_any(prop, list(ob["only"])):
            continue  # a duty of one kind of works (养殖场) binds only proposals naming it
        if ob.get("after"):
            # a duty that can be done only after another ("验收" after the assessment's approval): in use while that
            # one is still pending ("已开始投料试生产…环境影响报告表目前正委托编制"), the works are used without it
            first = next((o for o in lex.obligations if o["id"] == ob["after"]), {})
            first_said = satisfied_words(first, prop.text)
            first_done = any(x.startswith(f"{first.get('name')}（") for x in done)
            if evidence and not said and first_said and not first_done:
                todo.append(({**ob, "begun": True, "pending": True}, evidence))
            elif evidence and pending:
                # "…已于2024年10月建成并投入生产…竣工环境保护验收尚未开展，企业计划2025年下半年再组织验收": in use, and the
                # procedure that must come first is told still to come
                todo.append(({**ob, "missing": f"项目材料表明{ob['name']}尚未完成", "begun": True, "pending": True},
                             pending))
            elif evidence and not said and first_done:
                # "环评已批复…建成后即开始试生产": to run with the approval it needs first, and its own step never named
                todo.append(({**ob, "missing": f"项目材料未说明{ob['name']}的安排"}, evidence))
            continue
        if said or pending:
            # Addressed, affirmed or denied: a denial is judged against the norms themselves. Only a procedure the
            # proposal puts off or leaves under way while works go ahead ("节能审查尚未开展，计划先行开工建设") stays
            # open, since the norms rarely say "未经节能审查…" in words a search would find.
            if pending:
                todo.append(({**ob, "missing": f"项目材料表明{ob['name']}尚未完成", "pending": True,
                              "begun": waited_for and works_begun(prop.text),
                              "ahead": waited_for and proceeds_ahead(prop.text)}, pending))
            continue
        if any(_word_pattern(w).search(normalize_for_search(prop.title)) for w in ob.get("exempt", [])):
            continue  # a kind of project the duty does not reach (a hotel's kitchen fumes need no 排污许可证)
        todo.append((ob, evidence))
    return todo


def _obligation_findings(src: CheckSource, todo: list[tuple[dict[str, Any], list[str]]],
                         results: list[list[NormHit]], cited: set[str], off: set[str] | None = None) -> list[Finding]:
    """Unaddressed duties -> 需关注, citing the library's norm for each (none when no law states it); off: the
    documents that do not apply to this proposal."""
    out: list[Finding] = []
    for (ob, evidence), hits in zip(todo, results, strict=True):
        need = [normalize_for_search(w) for w in ob.get("norm_terms", [])]
        for nh in hits:
            n = nh.norm
            if n.kind != "rule" or n.modality not in ("obligation", "prohibition") or n.doc_id in (off or set()):
                continue
            if need and not any(w in normalize_for_search(n.quote) for w in need):
                continue
            hit = _hit(src, n, nh.score)
            if hit is None or hit.clause_id in cited:
                break
            law = f"《{doc_label(src, n.doc_id)}》{article_label(src, n.clause_id)}"
            said = _clean(n.quote)
            if (ob.get("begun") or ob.get("ahead")) \
                    and (n.modality == "prohibition" or _PRIOR_APPROVAL.search(n.quote)):
                # "环评手续拟在正式生产前补办。目前一条分装线已试生产": the works went ahead of the procedure they wait for;
                # "…方案还没有报水利部门审查，我们计划先进场施工": they are planned to
                relation, score = "conflict", nh.score
                when = "已开工建设或投入生产" if ob.get("begun") else "计划在手续完成前进场施工"
                reason = f"{ob['missing']}，而项目{when}，与该条款相悖：{said}。"
                advice = f"依据{law}，{said}；建议停止建设和生产，依法完成{ob['name']}后再实施。"
            else:
                relation, score = "attention", nh.score * 0.5
                reason = f"{ob['missing']}。该条款规定：{said}。"
                advice = f"依据{law}，{said}；建议补充{ob['name']}的办理情况或安排"
            out.append(Finding(
                relation, hit, evidence[0], reason, advice, f"obligation:{ob['id']}", _FORCE.get(n.modality, ""),
                norm_id=n.norm_id, article=article_label(src, n.clause_id), doc_label=doc_label(src, n.doc_id),
                score=round(score, 4)))
            cited.add(hit.clause_id)
            break
    return out


# A duty to have a plan approved before the works ("工程建设方案…报经有关水行政主管部门审查同意").
_PRIOR_APPROVAL = re.compile(r"报经[^，。；]{0,24}?(?:审查同意|批准|同意)")


def _approval_kept(f: Finding, papers: list[str], lex: Lexicon) -> Finding:
    """A related ban on starting before a procedure's approval ("…未经审批部门审查…的，建设单位不得开工建设") whose
    procedure the proposal states done: the works wait for it, so the ban is kept (符合), for the reviewer to verify
    against the approval itself."""
    if f.relation != "related" or not f.norm_id or not _STARTS_AFTER.search(f.hit.quote):
        return f
    for ob in lex.obligations:
        need = [normalize_for_search(w) for w in [*ob.get("norm_terms", []), ob["name"]]]
        if not ob.get("before_works") or not any(w in normalize_for_search(f.hit.quote) for w in need):
            continue
        said = next((p.split("：", 1)[1].strip() for p in papers if p.startswith(f"{ob['name']}（") and "：" in p), "")
        if said:
            return replace(f, relation="supports", evidence=said,
                           reason=f"项目材料称{ob['name']}已完成（{said}），未见批复前开工的表述，符合该条款；请核对批复原件。",
                           recommendation=f"依据{f.citation()}，{_clean(f.hit.quote)}；建议核对批复文件，确保开工时间在批复之后。")
    return f


# A ban on starting works before a paper ("…的，建设单位不得开工建设").
_STARTS_AFTER = re.compile(r"不得开工建设|方可开工|不得开工")


_TITLE_PREFIX = re.compile(r"^中华人民共和国")
_TITLE_SUFFIX = re.compile(r"(污染环境防治法|污染防治法|污染防治条例|保护法|管理暂行条例|管理条例|管理办法|促进法|条例|办法|法)$")
_GATE_FIELDS = ("zone", "location", "industry", "waste")
_GENERIC_TITLE_WORDS = frozenset({"生产", "保护", "环境", "建设", "管理", "经营", "污染", "防治", "促进", "资源", "生态"})
_GATES: dict[tuple[str, int], dict[str, str]] = {}  # (index version, hash of the gate terms)


_PLACES: dict[str, dict[str, str]] = {}  # index version -> doc id -> its place


_PLACE_BANS: dict[str, dict[str, list[Norm]]] = {}  # index version -> clause id -> its bans bounded by a place


def _place_bans(src: CheckSource) -> dict[str, list[Norm]]:
    """The prohibitions with a place scope, by clause: read once per library, not per proposal."""
    got = _PLACE_BANS.get(src.version)
    if got is None:
        got = {}
        for n in src.norms():
            if n.modality == "prohibition" and n.scope:
                got.setdefault(n.clause_id, []).append(n)
        _PLACE_BANS.clear()
        _PLACE_BANS[src.version] = got
    return got


def other_places(src: CheckSource, text: str) -> set[str]:
    """The local regulations of other places than the one a proposal names ("德州经开区…" and 济宁市水环境保护条例):
    a place's own rules bind only there. A proposal that names no place with texts of its own keeps them all."""
    places = _PLACES.get(src.version)
    if places is None:  # read once per library, not per proposal (the evaluations check thousands)
        places = places_of({d.doc_id: d for d in src.documents()})
        _PLACES.clear()
        _PLACES[src.version] = places
    named = named_places(places, text[:2000])
    home = JurisdictionParams().home
    if not named:
        return set()
    return {d for d, pl in places.items() if pl and pl not in named and pl not in home}


def document_gates(src: CheckSource, lex: Lexicon) -> dict[str, str]:
    """doc_id -> the place or kind of object a document is about (湿地保护法 -> 湿地, 医疗废物管理条例 ->
    医疗废物), when the lexicon knows it as a place, zone, industry or waste; "" for general laws.

    A law about a place or a kind of object applies only to proposals that mention it."""
    from ..text.tokenize import content_terms

    known = [t for c in lex.concepts if c.field in _GATE_FIELDS for t in c.terms]
    # Keyed by the terms, not by the lexicon object: a freed lexicon's id is reused by the next one.
    key = (src.version, hash(tuple(known)))
    got = _GATES.get(key)
    if got is not None:
        return got
    out: dict[str, str] = {}
    for doc_id in {n.doc_id for n in src.norms()}:
        d = src.document(doc_id)
        core = _TITLE_SUFFIX.sub("", _TITLE_PREFIX.sub("", str(d.meta.get("short_title") or d.title))) if d else ""
        # A title word that begins a known term (医疗 of 医疗废物, 黄河 of 黄河流域); a general word inside one (保护 of
        # 自然保护区 in 水环境保护条例, 生产 in 清洁生产促进法) names no place or object.
        out[doc_id] = next((t for t in content_terms(core) if t not in _GENERIC_TITLE_WORDS
                            and any(k.startswith(t) for k in known)), "")
    if len(_GATES) > 8:
        _GATES.clear()
    _GATES[key] = out
    return out


# "夜间，是指晚上十点至次日早晨六点之间的期间": a time of day a law defines by clock hours.
_PERIOD_DEF = re.compile(r"(夜间|昼间|白天)，是指(?:晚上|早晨|早上|上午|下午)?([零〇一二两三四五六七八九十\d]{1,3})(?:点|时)"
                         r"(?:至|到)(次日)?(?:晚上|早晨|早上|上午|下午)?([零〇一二两三四五六七八九十\d]{1,3})(?:点|时)")
_CN_HOUR = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _hour(text: str, evening: bool) -> int:
    if text.isdigit():
        h = int(text)
    elif "十" in text:
        tens, _, ones = text.partition("十")
        h = _CN_HOUR.get(tens, 1) * 10 + _CN_HOUR.get(ones, 0)
    else:
        h = _CN_HOUR.get(text, 0)
    return h + 12 if evening and h < 12 else h


def _clock(h: int) -> str:
    """A regex for hour h of the 24-hour clock as applicants write it (22时, 22:00, 二十二时)."""
    cn = "零一二三四五六七八九十"
    word = cn[h] if h <= 10 else ("十" + cn[h - 10] if h < 20 else "二十" + (cn[h - 20] if h > 20 else ""))
    return f"(?:0?{h}|{word}{'|两' if h == 2 else ''})"


def _library_texts(src: CheckSource) -> list[str]:
    """The clause texts of every document that has norms."""
    docs = (src.document(d) for d in dict.fromkeys(n.doc_id for n in src.norms()))
    return [c.text for d in docs if d is not None for c in d.clauses]


def defined_periods(src: CheckSource) -> list[Concept]:
    """Concepts for the times of day the library's laws define by clock hours ("夜间，是指晚上十点至次日早晨六点之间
    的期间"): a proposal's clock range that starts inside the period, or ends inside it, is in that period. Read from
    the texts, so they hold for every law in the library and are not entries of the hand-written lexicon."""
    return [c for c in defined_concepts(src) if c.field == "schedule"]


def _periods(texts: list[str]) -> list[Concept]:
    spans: dict[str, set[int]] = {}
    for text in texts:
        for m in _PERIOD_DEF.finditer(text):
            evening = "晚上" in m.group(0)[: m.start(2) - m.start(0)]
            a, b = _hour(m.group(2), evening), _hour(m.group(4), False)
            hours = set(range(a, 24)) | set(range(0, b)) if b <= a else set(range(a, b))
            spans.setdefault(m.group(1), set()).update(hours)
    out = []
    sep = r"[:：]?\d{0,2}(?:分)?[^，。；、\d]{0,4}?(?:至|到|-|—|~|－)[^，。；\d]{0,4}?"
    for name, hours in spans.items():
        starts = "|".join(_clock(h) for h in sorted(hours))
        ends = "|".join(_clock(h) for h in sorted(hours) if (h - 1) % 24 in hours)  # ending inside, past its start
        rx = f"(?<!\\d)(?:{starts})[时点]{sep}\\d{{1,2}}[时点:：]|(?<!\\d)\\d{{1,2}}[时点]{sep}(?:{ends})[时点:：]"
        out.append(Concept((name,), (re.compile(rx),), "schedule", ""))
    return out


# "…以及新义街道、中阳楼街道…全部行政区域，划定为高污染燃料禁燃区": a zone a text designates by the places it covers.
_ZONE_DEF = re.compile(r"([^。；]{4,300}?)(?:划定为|划为|确定为|列为|设定为)([\u4e00-\u9fff]{2,14}?区)(?![\u4e00-\u9fff])")
_NAMED_PLACE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:街道|社区|乡|镇|村|开发区|工业园区|园区|新区|经济区)"
                          r"(?![\u4e00-\u9fff]*?(?:路|街|巷))")


def defined_zones(src: CheckSource) -> list[Concept]:
    """Concepts for the zones the library's texts designate by the named places they cover (streets, towns, parks): a
    proposal sited in one of those places is in the zone, and the zone's rules ("禁燃区内禁止…") bind it. Read from
    the texts, like the defined periods."""
    return [c for c in defined_concepts(src) if c.field == "zone"]


def _zones(texts: list[str]) -> list[Concept]:
    places: dict[str, set[str]] = {}
    for text in texts:
        for m in _ZONE_DEF.finditer(text):
            found = {p for p in _NAMED_PLACE.findall(re.sub(r"以及|及|和|与", "、", m.group(1)))
                     if len(p) >= 3 and not p.startswith(("全部", "所有", "其他", "各", "本", "该"))}
            if found:
                places.setdefault(m.group(2), set()).update(found)
    out = []
    for zone, named in places.items():
        # a 禁燃区 or 禁养区 by its short name: the long one ("高污染燃料禁燃区") would lend its other words (高污染燃料)
        # to the proposal, which may refuse them
        terms = (zone[-3:],) if re.search(r"[禁限][\u4e00-\u9fff]区$", zone) else (zone,)
        out.append(Concept(terms, tuple(re.compile(re.escape(p)) for p in sorted(named)), "zone", ""))
    return out


_DEFINED: dict[str, list[Concept]] = {}  # per library version: the library is read once, not per check


def defined_concepts(src: CheckSource) -> list[Concept]:
    """The periods and zones the library's texts define, read in one pass over its clauses."""
    got = _DEFINED.get(src.version)
    if got is None:
        texts = _library_texts(src)
        got = [*_periods(texts), *_zones(texts)]
        if len(_DEFINED) > 4:
            _DEFINED.clear()
        _DEFINED[src.version] = got
    return got


def with_defined_periods(lex: Lexicon, src: CheckSource) -> Lexicon:
    """The lexicon with the periods and zones the library's texts define."""
    defined = defined_concepts(src)
    return Lexicon(lex.fields, [*lex.concepts, *defined], lex.obligations, lex.kinds, lex.compounds) if defined else lex


def _named(prop: Proposal, lex: Lexicon) -> Callable[[str], bool]:
    """Whether the proposal names a word, or one of the kinds it covers (生活垃圾 for 固体废物), itself or by the
    lexicon; its text and concept words are read once."""
    text = normalize_for_search(prop.text)
    terms = [t for f in prop.facts for t in f.concept_terms()]
    return lambda word: any(w in text or any(w in t for t in terms) for w in (word, *lex.kinds_of(word)))


@dataclass
class Prepared:
    """Everything about one proposal that does not depend on the judge: facts, candidate norms, curated
    findings. Fitting thresholds re-decides a Prepared check without searching again."""

    src: CheckSource
    prop: Proposal
    fixed: list[Finding]  # curated checks and figure comparisons
    facts: list[Fact]
    hits: list[list[NormHit]]
    duties: list[tuple[dict[str, Any], list[str]]]
    duty_hits: list[list[NormHit]]
    off_topic: set[str] = field(default_factory=set)  # documents about a place or object the proposal never names
    gaps: list[Gap] = field(default_factory=list)  # matters no law in the library covers
    matters: list[str] = field(default_factory=list)  # the discharges and wastes the proposal states
    elsewhere: set[str] = field(default_factory=set)  # local regulations of places other than the one named
    papers: list[str] = field(default_factory=list)  # procedures the proposal states done (papers_done)


def basis_filter(src: CheckSource, doc_filter: DocFilter | None) -> DocFilter | None:
    """A news report or a policy reading (新闻报道, 政策解读) retells a policy; it is no basis a review can cite.
    Such texts are left out of the check unless the filter asks for their type by name."""
    if doc_filter is not None and doc_filter.doc_types:
        return doc_filter
    types = {str(d.meta.get("doc_type", "")) for d in src.documents()}
    kept = sorted(types - set(SECONDARY_TYPES))
    if len(kept) == len(types):
        return doc_filter
    return replace(doc_filter or DocFilter(), doc_types=kept)


def prepare_check(lib: Any, text: str, checks_path: str = "", lexicon: Lexicon | None = None,
                  params: CheckParams | None = None, doc_filter: DocFilter | None = None) -> Prepared:
    text = validate_proposal(text)
    src = check_source(lib)
    doc_filter = basis_filter(src, doc_filter)
    p = params or CheckParams()
    lex = with_defined_periods(lexicon or load_lexicon(), src)
    prop = analyze(text, lex)
    fixed: list[Finding] = []
    bare = without_headings(text)
    # Curated refinements of the seed policy, when that policy is in the library.
    # (the seed policy's checks are of works on the ground: a platform or a training scheme builds none)
    for check in ([] if service_only(prop.title) else load_checks(checks_path)):
        if prop.operating and check.new_works and not any(plans_new_works(f.sentence) for f in prop.facts):
            continue  # market entry concerns new works; the report tells of a plant that has run for years
        c = src.clause(check.clause)
        d = src.document(c.doc_id) if c is not None else None
        if d is None or (doc_filter is not None and not doc_filter.matches(d)):
            continue
        f = run_check(src, check, bare)
        if f and c is not None:
            # cited as the norm findings are: the same document by the same name, its clause by its number
            f.doc_label, f.article = f.doc_label or doc_label(src, c.doc_id), f.article or article_label(src, c.clause_id)
            fixed.append(f)
    fixed.extend(f for f in compare_figures(src, text) if _allowed(src, f.hit.doc_id, doc_filter))
    for f in fixed:
        f.score = f.score or 1.0  # curated and figure findings rest on an exact rule: first within their relation
    # Every sentence is searched by its own words: the lexicon adds the law's words, it does not decide what is
    # checked ("加油站地下油罐未使用双层罐" names no concept it knows).
    facts = [f for f in prop.facts if f.sentence.strip()]
    whole = project_fact(prop)
    if whole is not None:
        facts.append(whole)
    papers = papers_done(prop, lex)
    duties = _open_obligations(prop, lex, papers)
    # Each fact is also searched by the law's words alone: in a long sentence (or the whole proposal) the
    # applicant's own words outweigh the few legal words the concept lexicon adds.
    bridged = [i for i, f in enumerate(facts) if f.concept_terms((PRESENT,))]
    queries = [f.query() for f in facts] + [ob["query"] for ob, _ in duties] + \
        [" ".join(facts[i].concept_terms((PRESENT,))) for i in bridged]
    results = src.search_norms(queries, k=p.k, doc_filter=doc_filter, dense=p.dense) if queries else []
    hits = results[: len(facts)]
    for i, extra in zip(bridged, results[len(facts) + len(duties):], strict=True):
        hits[i] = _merge_hits(hits[i], extra, p.k)
    # A procedure the fact says is not done or is put off ("竣工环保验收计划明年上半年再组织", "未办理取水许可") is
    # searched as the norms conditioned on its absence read it ("未经验收…的，不得投入生产").
    undone = [(i, w) for i, f in enumerate(facts) for w in _undone_procedures(f, lex)]
    if undone:
        found = src.search_norms([f"未经{w} 未{w} 未取得{w} 不得" for _, w in undone], k=p.pair_k,
                                 doc_filter=doc_filter, dense=False)
        for (i, _), extra in zip(undone, found, strict=True):
            hits[i] = _merge_hits(hits[i], extra, len(hits[i]) + len(extra))
    # A short norm that names two things of one sentence ("占用湿地" for "路基穿越…湿地") drowns among the long
    # norms a whole sentence matches: each pair of the sentence's concepts is searched as well.
    pairs = [(i, q) for i, f in enumerate(facts) if not f.parts for q in _pair_queries(f)]
    if pairs:
        found = src.search_norms([q for _, q in pairs], k=p.pair_k, doc_filter=doc_filter, dense=False)
        for (i, _), extra in zip(pairs, found, strict=True):
            # added to the sentence's own candidates, never in place of them
            hits[i] = _merge_hits(hits[i], [replace(nh, score=nh.score * p.pair_weight) for nh in extra],
                                  len(hits[i]) + len(extra))
    # An article that bans by the part of a place ("核心区和缓冲区内，不得建设任何生产设施"; "实验区内，不得建设污染环境…
    # 的生产设施"): where one of its place bans is a candidate, the others are judged too, since the proposal may name
    # another part of the place than the one its words matched.
    by_clause = _place_bans(src)
    for i, hs in enumerate(hits):
        have = {nh.norm.norm_id for nh in hs}
        extra = [replace(nh, norm=sib, score=nh.score * SIBLING_WEIGHT) for nh in hs
                 if nh.norm.modality == "prohibition" and nh.norm.scope
                 for sib in by_clause.get(nh.norm.clause_id, []) if sib.norm_id not in have]
        if extra:
            hits[i] = _merge_hits(hs, extra, len(hs) + len(extra))
    gates = document_gates(src, lex)
    # Documents the user chose by name are the basis asked for, whatever the proposal names.
    chosen = set(doc_filter.doc_ids) if doc_filter is not None else set()
    elsewhere = other_places(src, text) - chosen
    named = _named(prop, lex)
    off = {d for d, g in gates.items() if g and d not in chosen and not named(g)} | elsewhere
    held = [d.title for d in src.documents() if _allowed(src, d.doc_id, doc_filter)]
    # (a platform or a training scheme takes no land and runs no works: the laws of what it records are not its own)
    gaps = [] if service_only(prop.title) else coverage_gaps(text, held, stated)
    return Prepared(src, prop, fixed, facts, hits, duties, results[len(facts): len(facts) + len(duties)], off, gaps,
                    _stated_matters(facts), elsewhere, papers)


# A place ban of the same article as a candidate ranks just below it: it was reached through its sibling's words.
SIBLING_WEIGHT = 0.95


def _undone_procedures(fact: Fact, lex: Lexicon) -> list[str]:
    """The procedures (the lexicon's permit words: 环评, 验收, 许可证 …) the fact names only as not done."""
    text = fact.norm_text
    out = []
    for w in lex.fields.get("permit", []):
        states = [state_at(text, a, b, proposal=True) for a, b in word_spans(normalize_for_search(w), text)]
        if states and all(st == NEGATED for st in states):
            out.append(w)
    # a longer word covers the shorter ones inside it (排污许可, 许可证)
    return [w for w in out if not any(w != o and w in o for o in out)]


def _pair_queries(fact: Fact) -> list[str]:
    """The law's words of every two distinct concepts the fact affirms."""
    groups = list(dict.fromkeys(m.terms for m in fact.mentions if m.state == PRESENT and not m.label))
    # a concept read with its act ("倒在…坑里" as 渗坑 and 排放) is such a pair on its own
    return [" ".join(dict.fromkeys(a + b)) for a, b in itertools.combinations(groups, 2)] + \
        [" ".join(g) for g in groups if len(g) == 2 and len(groups) > 1]


def _merge_hits(a: list[NormHit], b: list[NormHit], k: int) -> list[NormHit]:
    """Two hit lists of one fact, each norm at its better score, best k first."""
    best: dict[str, NormHit] = {}
    for nh in [*a, *b]:
        old = best.get(nh.norm.norm_id)
        if old is None or nh.score > old.score:
            best[nh.norm.norm_id] = nh
    return sorted(best.values(), key=lambda nh: -nh.score)[:k]


def decide(prep: Prepared, judge: Judge | None = None, params: CheckParams | None = None) -> Report:
    p = params or CheckParams()
    judge = judge or RuleJudge(p.judge)
    src = prep.src
    _prepare(judge, src)
    elided = elliptic_context(src)
    placed = elliptic_scope(src)
    findings = [copy.copy(f) for f in prep.fixed]
    curated = {f.hit.clause_id for f in findings}
    best: dict[str, Finding] = {}
    best_rank: dict[str, tuple[bool, int, bool, float]] = {}
    related: dict[str, Finding] = {}
    platform = service_only(prep.prop.title)  # a service builds no works: no works' duty is missing from it
    for fact, hits in zip(prep.facts, prep.hits, strict=True):
        for place, nh in enumerate(hits):
            if nh.score < p.min_score or nh.norm.clause_id in curated:
                continue
            if (nh.norm.kind != "rule" and not p.use_penalties) or not binds_project(nh.norm):
                continue
            norm = nh.norm
            if norm.norm_id in elided:
                case = elided[norm.norm_id]
                # (a lead case the elided one now holds is not a second alternative beside it)
                norm = replace(norm, conditions="，".join(x for x in (case, norm.conditions) if x),
                               exceptions="" if norm.exceptions and norm.exceptions in case else norm.exceptions)
            if norm.norm_id in placed:
                norm = replace(norm, scope=placed[norm.norm_id])
            if norm.modality == "obligation" and (
                    (norm.item and _lists_contents(src, norm)) or _CONTENTS_DUTY.search(norm.quote)):
                # "排污许可证申请表应当包括下列事项：（三）…排放口…排放量": an item of what a document must contain; a
                # project that lets nothing out ("不外排") refuses no part of it, one that leaves a matter to the
                # assessment ("脱硝设施是否建设待环评结论确定") leaves no part of the report unwritten, and none meets it
                # ("风险评估报告应当包括下列内容：…" is met by a report, not by a works): no finding, not even 相关
                continue
            j = judge.judge(fact, norm)
            if nh.norm.doc_id in prep.off_topic:
                continue  # a text on a place or object the proposal never names (黄河保护法 for a well in 清徐)
            if j.verdict == "attention" and j.missing and norm.modality == "obligation" and not prep.prop.operating \
                    and _RUNNING_DUTY.match(DUTY_REFERENCE.sub("", norm.action, count=1)):
                # "…应当按照规定，对工业噪声开展自行监测，保存原始监测记录，向社会公开监测结果": a duty of the works once they
                # run; a proposal for works to be built that does not yet describe it leaves nothing unmet (shown as 相关)
                f = _finding(src, fact, nh, Judgment("related", strength=j.strength))
                if f and nh.norm.clause_id not in related:
                    f.reason = "该条款规定的是项目投入运行后的义务，项目材料尚未涉及，运行后应依法落实。"
                    related[nh.norm.clause_id] = f
                continue
            if platform and ((j.verdict == "attention" and j.missing) or j.verdict == "supports"):
                # "…对接重点排污单位在线监控数据接口" in a data platform: the works it names are whom it serves, not what
                # it is; a platform has none of their duties, and keeps none by naming their layers ("整合生态保护红线…
                # 图层" keeps no red line)
                j = Judgment("not_applicable", strength=j.strength)
            if j.verdict == "not_applicable":
                # The norm closest to a sentence is shown as related even when no word of its act is matched:
                # the applicant's wording ("快递寄送", "混合抽取") may be the law's act in other words.
                # Only with a specific word in common: the best of a sentence's norms is always ranked first, even for
                # a project with no environmental matter at all (an elderly-care centre and 电网企业全额收购上网电量).
                near = place < p.related_rank and nh.score >= p.related_score
                if _PARTY_LINE.match(fact.sentence):
                    continue  # "申请人：沟口村再生资源利用合作社。": a party's name says nothing the norm is about
                if (j.strength >= p.judge.match * 0.8 or near) and nh.norm.clause_id not in related \
                        and judge.shares_specific(fact, norm):
                    f = _finding(src, fact, nh, Judgment("related", strength=max(j.strength, 0.5 if near else 0.0)))
                    if f:
                        f.reason = "与项目内容相关的条款，需结合项目实际核实是否适用。"
                        related[nh.norm.clause_id] = f
                continue
            f = _finding(src, fact, nh, j, prep.facts)
            if f is None:
                continue
            cid = f.hit.clause_id
            old = best.get(cid)
            # (a finding resting on the proposal's title alone shows the reviewer nothing: another fact's comes first)
            rank = (j.partial, _ORDER[f.relation], f.evidence == prep.prop.title, -f.score)
            if old is None or rank < best_rank[cid]:
                best[cid], best_rank[cid] = f, rank
    findings.extend(best.values())
    # (a 符合 read from the duty's common words, "集中处理…脱水污泥", yields to the duty the lexicon finds unaddressed in
    # its own words: no tracking of where the sludge goes is said)
    cited = {f.hit.clause_id for f in findings if f.relation != "supports" or f.check_id}
    # a duty the lexicon knows (排污许可, 危险废物) cites its governing law even off the proposal's words, but
    # never another place's regulation
    duties = _obligation_findings(src, prep.duties, prep.duty_hits, cited, prep.elsewhere)
    # (only a duty never addressed: one the proposal says is under way, "环境影响报告表已委托编制，取得批复后开工",
    # keeps the 符合 of the works waiting for it)
    unaddressed = {f"obligation:{ob['id']}" for ob, _ in prep.duties if not ob.get("pending")}
    supported = {f.hit.clause_id for f in findings if f.relation == "supports" and not f.check_id}
    duties = [f for f in duties if f.check_id in unaddressed or f.hit.clause_id not in supported]
    opened = {f.hit.clause_id for f in duties}
    findings = [f for f in findings if not (f.relation == "supports" and f.hit.clause_id in opened)] + duties
    cited = {f.hit.clause_id for f in findings}
    extra = sorted((f for c, f in related.items() if c not in cited), key=lambda f: -f.score)
    # (a platform or a training scheme builds nothing: clauses sharing its words are not related to it)
    findings.extend(extra[: 0 if platform else p.max_related])
    binding = {d.doc_id for d in src.documents() if str(d.meta.get("doc_type", "")) in _BINDING_TYPES}
    findings = _diversify(_not_contradicted(findings, load_lexicon().fields.get("zone", ())), binding)
    # "已编制环境影响报告表并取得…批复": a procedure stated done is listed for the reviewer to verify; a partial match
    # on the very sentence that says so ("提到了'环境影响''报告'，但未说明是否达到…") is no open matter
    # (the paper is shown by the segments that say it done: the sentence that holds them is the one a finding rests on)
    parts = [p.split("：", 1)[1].strip().split("……") for p in prep.papers if "：" in p]
    done = {f.sentence.strip() for f in prep.prop.facts if any(all(x in f.sentence for x in ps) for ps in parts)}
    findings = [f for f in findings if not (f.relation == "attention" and not f.check_id
                                            and f.evidence.strip() in done)]
    findings = [_approval_kept(f, prep.papers, load_lexicon()) for f in findings]
    for f in findings:
        if f.relation == "conflict":
            f.penalty = _penalty(src, f)
    if prep.prop.operating:
        # A plant that has run for years: reminders meant for works to be built (the seed policy's "未提及…"
        # checks; 环评 re-review after five years, re-application for new works) are no finding on it, unless the
        # report plans such works
        findings = [f for f in findings if f.relation != "attention" or plans_new_works(f.evidence)
                    or not ((f.check_id and not f.check_id.startswith("obligation:") and "未提及" in f.reason)
                            or _NEW_WORKS_RULE.search(f.hit.quote))]
        for f in findings:
            if f.relation == "conflict":
                # a plant in operation does what the rule forbids now: the remedy is to stop it, not to redraw a plan
                f.recommendation = _AMEND_PLAN.sub(
                    lambda m: "建议立即按该条款要求整改" if m.group(0).startswith("建议按") else "建议立即停止相关行为、依法整改",
                    f.recommendation)
    prop = prep.prop
    gaps = [g.message() for g in prep.gaps]
    # a place or land use the library cannot review keeps the verdict open; a procedure named in passing
    # ("防洪评价已通过") is only noted
    opening = [g.message() for g in prep.gaps if g.opens]
    # (a platform's matters are what it records, not what it does)
    unmatched = prep.matters if not any(f.relation != "related" for f in findings) and not platform else []
    if unmatched:
        # "未发现直接相关的政策条款" would read as a clean result for a design the library failed to match.
        gaps.append(f"项目材料涉及{'、'.join(f'“{w}”' for w in unmatched)}等环境事项，但未能匹配到适用的条款，"
                    "需人工审查。")
        opening.append(gaps[-1])
    return Report(
        verdict=overall_verdict(findings, opening),
        findings=findings,
        title=prop.title,
        summary=prop.summary,
        created=time.strftime("%Y-%m-%d %H:%M"),
        index_version=src.version,
        proposal=prop.text,
        gaps=gaps,
        subject="operating" if prop.operating else "proposal",
        papers=prep.papers,
    )


# Fields whose mention means the project touches the environment (a discharge, a waste), not only names a place.
_MATTER_FIELDS = ("discharge", "waste")


def _stated_matters(facts: list[Fact]) -> list[str]:
    """The proposal's stated discharges and wastes, named when a check matches no clause to them (read once per
    proposal: fitting thresholds decides a prepared check many times)."""
    # what is discharged or disposed of (废水, 飞灰), not the bare acts (排放; 委托, which the law calls 提供) any
    # text may use: a mention is an act when its words or the law's words for it are verbs
    words = [m.surface for f in facts for m in f.mentions
             if m.field in _MATTER_FIELDS and m.state == PRESENT and not m.label
             and not any(all(flag == "v" for _, flag in tagged(t)) for t in (m.surface, *m.terms))]
    return list(dict.fromkeys(words))[:3]


def _not_contradicted(findings: list[Finding], zones: Sequence[str]) -> list[Finding]:
    """No 符合 resting on exactly the sentence a conflict rests on, nor one on a zone a conflict is over: "该地块…属二级
    保护范围" breaks the zone's ban, and the project cannot be shown to keep the duty to protect the water source (水污法
    第三条)."""
    out = findings
    for c in (f for f in findings if f.relation == "conflict"):
        named = [z for z in zones if z in c.hit.quote]
        # ("弃渣就近堆放在…河滩地上" breaks 固废法 第二十条 and shows no duty to reduce waste kept: a 符合 resting on
        # exactly the words a conflict rests on goes, whatever it is about)
        # (nor, beside a conflict over a zone, a 符合 on that zone's rules: "禁止任何人进入自然保护区的核心区" read as kept
        # by a plant the proposal puts in the reserve's buffer zone)
        out = [f for f in out if f.relation != "supports"
               or not (any(z in f.hit.quote for z in named) or f.evidence.strip() == c.evidence.strip())]
    return out


# Document types whose articles bind by law (a policy's clause guides; a news report states).
_BINDING_TYPES = frozenset({"法律", "行政法规", "地方性法规", "部门规章", "地方政府规章"})


def _diversify(findings: list[Finding], binding: set[str] | None = None) -> list[Finding]:
    """Findings by relation, then by score, each discounted by how many stronger findings of the same
    relation rest on the same proposal sentence: one boilerplate sentence ("环境影响登记表已备案") matches
    many articles and would otherwise fill the first places. Conflicts with a law or regulation come before conflicts
    with a policy (binding: the documents that bind by law): the article a decision rests on is read first."""
    seen: dict[tuple[str, str], int] = {}
    keyed = []

    def policy_conflict(f: Finding) -> bool:
        return binding is not None and f.relation == "conflict" and f.hit.doc_id not in binding

    for f in sorted(findings, key=lambda f: (_ORDER[f.relation], -f.score)):
        k = (f.relation, f.evidence)
        n = seen.get(k, 0)
        seen[k] = n + 1
        keyed.append(((_ORDER[f.relation], policy_conflict(f), -f.score * 0.5 ** n), f))
    return [f for _, f in sorted(keyed, key=lambda x: x[0])]


def check_proposal(lib: Any, text: str, checks_path: str = "", judge: Judge | None = None,
                   lexicon: Lexicon | None = None, params: CheckParams | None = None,
                   doc_filter: DocFilter | None = None) -> Report:
    """Check a proposal against the library `lib` (a CheckSource, or a loaded index adapted to one)."""
    prep = prepare_check(lib, text, checks_path, lexicon, params, doc_filter)
    rep = decide(prep, judge, params)
    rep.basis = basis_label(prep.src, doc_filter)
    return rep


def basis_label(src: CheckSource, doc_filter: DocFilter | None) -> str:
    """What a review limited by the user was limited to, in words ("仅依据《…》；类型 法律"); "" when unlimited."""
    if doc_filter is None or doc_filter.is_empty():
        return ""
    titles = "、".join(f"《{d.title}》" for i in doc_filter.doc_ids if (d := src.document(i)) is not None)
    return "仅依据" + "；".join(x for x in (titles, doc_filter.describe()) if x)
