"""Extractive answers: the sentence of the top clauses that answers the question, quoted verbatim."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..index.units import sentences
from ..ingest.docmeta import SECONDARY_TYPES
from ..models import Answer, AnswerItem, Hit, Indicator
from ..norms.liability import punishes_officials
from ..text.markers import ENUM_START, cited_paragraphs, cites_article, without_marker
from ..text.normalize import normalize_for_search
from ..text.tokenize import char_bigrams, content_terms, synonym_groups
from .calibration import features as retrieval_features
from .calibration import load_calibration
from .lexicon import expand, lay_terms, legal_terms_of
from .lexicon import variants as lay_variants
from .qtype import (
    ASKS_CONSEQUENCE,
    ASKS_PENALTY,
    ESCALATION,
    PENALTY_WORDS,
    WITHOUT_PAPER,
    in_liability_chapter,
    other_than_unpapered,
)
from .qtype import YEAR as _YEAR

if TYPE_CHECKING:
    from ..kb import KnowledgeBase

NOT_FOUND = "未在政策文件中找到相关规定"
_NUMERIC_Q = re.compile(r"多少|几|比例|比重|占比|率|面积|浓度|数量|目标值|百分|指标|规模")
_TIME_Q = re.compile(r"什么时候|何时|哪一年|哪年|时间|期限|时限|截止|节点")
_WHERE_Q = re.compile(r"(?:哪里|哪儿|去哪|哪个部门|哪个单位|哪个机关|找谁|向谁)[^，。？?]{0,4}"
                      r"(?:办|申请|投诉|举报|反映|报|领|交)")
_TO_AUTHORITY = re.compile(r"向[^，。；]{0,40}?(?:部门|机关|机构|人民政府)|"
                           r"(?:部门|机关|机构|人民政府)[^，。；]{0,6}(?:负责|受理|审批|核发)")
_LIST_Q = re.compile(r"哪些|包括|有什么|哪几|分别|几个方面|几方面")
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万|亿|个|家|座|公里|亩|平方|微克|吨|千瓦|百分点)")
_CONTENT_LOOKUP = re.compile(r"说了什么|讲了什么|内容|是什么|原文|全文|写了什么|怎么规定|如何规定|规定了什么|有什么规定|怎么说")
_LEAD_MAX = 300
# A clause this short (most law articles) is quoted whole in a one-sentence answer (follow-ups, dev split).
WHOLE_CLAUSE_MAX = 150


def item_lead(text: str, start: int) -> str:
    """The lead-in of the list an item belongs to ("排污单位有下列行为之一的，…处20万元以上…罚款："), or "".

    An item says nothing alone: "(一)未取得排污许可证排放污染物" is a violation whose penalty, party and
    modality are in the sentence that introduces the list. The lead is the line that ends with a colon
    before the item, with only other items between them (the line, where structured.with_list_leads takes the
    sentence: a law's lead line often states the penalty before "情节严重的，…：").
    """
    if not ENUM_START.match(text[start:]):
        return ""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return ""  # a marker inside a running line is not a list item
    while line_start > 0:
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        prev = text[prev_start:line_start - 1].strip()
        if ENUM_START.match(prev):
            line_start = prev_start  # another item of the same list: keep walking up
            continue
        return prev if prev.endswith(("：", ":")) and len(prev) <= _LEAD_MAX else ""
    return ""


def _variants(term: str) -> list[str]:
    """A term and its synonyms, all normalized."""
    out = [term]
    for g in synonym_groups():
        if term in g:
            out.extend(x for x in g if x not in out)
    out.extend(x for x in lay_variants(term) if x not in out)
    return out


def _weight(term: str) -> float:
    return float(min(len(term), 4)) if not term.isdigit() else 3.0


def sentence_score(question: str, sentence: str, terms: list[str] | None = None, legacy: bool = False) -> float:
    terms = terms if terms is not None else content_terms(question)
    norm = normalize_for_search(sentence)
    score = 0.0
    for t in terms:
        vs = _variants(t)
        if vs[0] in norm:
            score += _weight(t)
        elif any(v in norm for v in vs[1:]):
            score += 0.6 * _weight(t)
    if _NUMERIC_Q.search(question) and _NUMBER.search(sentence):
        score += 3.0
    if _TIME_Q.search(question) and _YEAR.search(sentence):
        score += 3.0
    asked = set(_YEAR.findall(question))
    if asked and not legacy:
        # "到2035年…" asked: the sentence about 2035 beats the sentence about 2027 with more shared words.
        said = set(_YEAR.findall(sentence))
        if said & asked:
            score += 4.0
        elif said:
            score -= 3.0
    if _LIST_Q.search(question) and sentence.count("、") >= 2:
        score += 2.0
    if not legacy and _WHERE_Q.search(question) and _TO_AUTHORITY.search(sentence):
        # "要去哪里办", "找哪个部门投诉": the sentence naming the authority one turns to
        score += 3.0
    return score


# Who is to do a thing ("验收由谁来做", "谁负责编制").
# (or what paper a duty asks for: "夜间…施工，需要办什么证明？" is 第四十三条's "应当取得…证明", not the article punishing
# its lack)
_WHO_DOES = re.compile(r"由谁|谁来|谁负责|谁组织|谁编制|谁承担|谁去|"
                       r"(?:需要|要|得|须)(?:办|办理|取得|申请|开具|开)?(?:什么|哪些|哪种)(?:证明|手续|许可|证件|审批)")
# What a penalty article's sentence loses when who does a duty is asked and a duty is among the top clauses.
LIABILITY_GAP = 3.0


# What a sentence gains for a lay phrase of the question it says in the law's words ("超标排放" as "超过水污染物排放标准").
PHRASE_SAID = 4.0


def _phrases_said(phrases: list[list[list[str]]], sentence: str) -> float:
    """For each lay phrase, the largest share of one of its legal forms' words that the sentence writes."""
    if not phrases:
        return 0.0  # (most questions have none: no second normalization of every candidate sentence)
    norm = normalize_for_search(sentence)
    return PHRASE_SAID * sum(max((sum(w in norm for w in words) / len(words) for words in forms if words), default=0.0)
                             for forms in phrases)


def best_sentence(question: str, text: str) -> str:
    spans = sentences(text)
    if not spans:
        return text
    terms = content_terms(question)
    scored = [(sentence_score(question, text[s:e], terms), -i, (s, e)) for i, (s, e) in enumerate(spans)]
    _, _, (s, e) = max(scored)
    return text[s:e].strip()


def term_spans(question: str, quote: str) -> list[tuple[int, int]]:
    """Character spans of the question's terms (and their synonyms) inside quote."""
    norm = normalize_for_search(quote)
    haystack = norm if len(norm) == len(quote) else quote
    spans: list[tuple[int, int]] = []
    for t in content_terms(question):
        for v in _variants(t):
            for m in re.finditer(re.escape(v), haystack):
                spans.append((m.start(), m.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def coverage(question: str, text_norm: str, idf: Callable[[str], float] | None = None) -> float:
    """Share of the question's content terms (or a synonym) present in the clause, weighted by rarity.

    A term the corpus never uses ("最低工资", "高考") weighs most: a clause that lacks it does not
    answer the question, however similar the rest is.
    """
    terms = content_terms(question)
    if not terms:
        return 0.0
    w = idf or (lambda _t: 1.0)
    total = sum(w(t) for t in terms)
    phrased = _phrase_variants(question, tuple(terms))
    hit = sum(w(t) for t in terms if any(v in text_norm for v in (*_variants(t), *phrased.get(t, ()))))
    return hit / total if total else 0.0


@lru_cache(maxsize=256)
def _phrase_variants(question: str, terms: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Legal terms of the lay phrases a question holds across its words ("改成住宅" → 用途变更, 住宅): each word of the
    phrase is covered where the legal terms are written."""
    q = normalize_for_search(question)
    out: dict[str, tuple[str, ...]] = {}
    for phrase, legal in lay_terms().items():
        if len(phrase) < 3 or phrase not in q:
            continue
        for t in terms:
            if t != phrase and (t in phrase or phrase in t):
                out[t] = (*out.get(t, ()), *legal)
    return out


def decision_features(kb: KnowledgeBase, question: str, hits: list[Hit], best_dense: float,
                      searched: str | None = None) -> dict[str, float]:
    """Signals used to decide between an answer and "未在政策文件中找到相关规定" (see calibration.py);
    searched is the query as it was searched (by default the question with its lay terms)."""
    return retrieval_features(kb, question, searched if searched is not None else expand(question), hits,
                              best_dense, lambda q, t: coverage(q, t, kb.term_idf))


def _indicator_match(kb: KnowledgeBase, question: str) -> Indicator | None:
    """A numeric question whose terms name a stated target: answer with the target's own sentence."""
    if not _NUMERIC_Q.search(question):
        return None
    terms = content_terms(question)
    years = {int(y) for y in re.findall(r"(\d{4})\s*年", question)}
    best: tuple[float, Indicator | None] = (0.0, None)
    for ind in kb.indicators():
        name = normalize_for_search(ind.name)
        inside = [t for t in terms if t in name or any(v in name for v in _variants(t)[1:])]
        if not inside:
            continue
        score = sum(len(t) for t in inside) / max(len(name), 1)
        if years and ind.year not in years:
            score *= 0.3
        if score > best[0]:
            best = (score, ind)
    return best[1] if best[0] >= 0.5 else None


# How close (score ratio) the reported document's own clause must come to a report about it to lead instead.
SOURCE_RATIO = 0.85


def source_first(kb: KnowledgeBase, hits: list[Hit]) -> list[Hit]:
    """A news report or interpretation ranked first ahead of a clause of the document it reports on, ranked
    close below: the document's own words lead ("主要目标是：…" over "对主要目标…进行了系统部署")."""
    if len(hits) < 2 or hits[0].source == "lookup":
        return hits
    from .metadata import reports_on  # metadata imports this module

    first = kb.document(hits[0].doc_id)
    if first is None or str(first.meta.get("doc_type", "")) not in SECONDARY_TYPES:
        return hits
    top = max(hits[0].score, 1e-9)
    report = set(char_bigrams(hits[0].quote or hits[0].text))
    own = _quoted_source(kb, hits[0], report)
    # the report's passage repeats the document's own: the document's passage takes the report's place, the report last
    placed = [own, *[x for x in hits[1:] if x.clause_id != own.clause_id], hits[0]] if own is not None else hits
    for h in hits[1:SOURCE_WINDOW]:
        if h.source != hits[0].source or hits[0].doc_id not in reports_on(h.doc_id, kb.documents):
            continue
        # close in score, or the report's passage is mostly the source's own words: the source says it first
        if h.score >= SOURCE_RATIO * top or (report and len(report & set(char_bigrams(h.text))) >= SOURCE_SHARE * len(report)):
            return [h, *[x for x in placed if x is not h]]
    return placed


def _quoted_source(kb: KnowledgeBase, hit: Hit, report: set[str]) -> Hit | None:
    """The clause of a reported-on document that the report's passage repeats most, when it repeats it mostly ("《实施意见》
    提出…到2035年，…美丽山西基本建成" and the policy's own 主要目标 paragraph), though retrieval did not rank it."""
    from .metadata import reports_on  # metadata imports this module

    if not report:
        return None
    best: tuple[int, Any, Any] = (0, None, None)
    for d in kb.documents:
        if d.doc_id == hit.doc_id or hit.doc_id not in reports_on(d.doc_id, kb.documents):
            continue
        for c in d.clauses:
            n = len(report & set(char_bigrams(c.text)))
            if n > best[0]:
                best = (n, d, c)
    n, d, c = best
    if d is None or n < QUOTED_SHARE * len(report):
        return None
    return Hit(d.doc_id, d.title, c.clause_id, c.path, c.text, hit.score, hit.source)


def source_above_report(kb: KnowledgeBase, hits: list[Hit]) -> list[Hit]:
    """A report put first for its best sentence ("持续改善空气质量…" in a news list of six tasks) while retrieval ranked a
    clause of the document it reports on higher: for an answer made of the clause's measures, that clause leads (an
    official cites the policy, not the news about it)."""
    if len(hits) < 2 or hits[0].source == "lookup":
        return hits
    from .metadata import reports_on  # metadata imports this module

    first = kb.document(hits[0].doc_id)
    if first is None or str(first.meta.get("doc_type", "")) not in SECONDARY_TYPES:
        return hits
    better = [h for h in hits[1:SOURCE_WINDOW] if h.score > hits[0].score and h.source == hits[0].source
              and hits[0].doc_id in reports_on(h.doc_id, kb.documents)]
    if not better:
        return hits
    lead = max(better, key=lambda h: h.score)
    return [lead, *[x for x in hits if x is not lead]]


# A report's passage that repeats this share of its character bigrams from a clause of its source quotes it.
SOURCE_SHARE = 0.6
# How far down the hits the source's clause is looked for.
SOURCE_WINDOW = 5
# Share of a report passage's bigrams a clause of the reported document must hold for the passage to be a quotation of
# it (a report's own account of actions shares the policy's vocabulary, about 0.6 to 0.7, without quoting a clause).
QUOTED_SHARE = 0.85


# Sentences of an answer given after a question a text asks itself (问答, FAQ pages).
FAQ_SENTENCES = 3


def _once(parts: list[str]) -> list[str]:
    """Parts in order, each shown once: two items of one list share their lead, and a lead that holds an
    earlier sentence replaces it."""
    out: list[str] = []
    for p in parts:
        if not p or any(p in o for o in out):
            continue
        out = [o for o in out if o not in p]
        out.append(p)
    return out


# The longest rest of a sentence after a semicolon that joins the part of it chosen.
CONTINUATION_MAX = 80


# A candidate answer sentence: (score, rank of its clause, sentence, the lead of its list item).
Cand = tuple[float, int, str, str]
# "多少天", "几年", "多少米": the unit the question counts in, and how a text writes a figure in it.
_ASKED_UNIT = re.compile(r"(?:多少|几)(个?)(天|日|年|月|小时|点|米|公里|千米|吨|元|万元|人|钱)")
_UNIT_FIGURE = {"天": r"日|天|个工作日", "日": r"日|天|个工作日", "年": r"年", "月": r"个月",
                "小时": r"小时", "点": r"点|时(?!间)", "米": r"米", "公里": r"公里|千米", "千米": r"公里|千米", "吨": r"吨",
                "元": r"元", "万元": r"万元|元", "人": r"人", "钱": r"万?元|倍"}
_FIGURE = r"(?<![\d.月])(?:\d{1,3}(?:\.\d+)?|\d{4,}(?:\.\d+)?(?!\s*年)|[一二三四五六七八九十百千两]+)"  # not a year (2027年)


# What an amount asked in a unit is called when the texts state none ("文件中未规定具体天数").
_UNIT_NAME = {"天": "天数", "日": "天数", "年": "年限", "月": "期限", "小时": "时长", "点": "时间", "米": "距离",
              "公里": "距离", "千米": "距离", "吨": "数量", "元": "金额", "万元": "金额", "人": "人数", "钱": "金额"}


# "多久", "多长时间": a length of time in any unit ("不得超过一年", "90个工作日").
# ("有没有时限要求", "审批期限是多少": a time limit asked by its name)
_ASKED_DURATION = re.compile(r"多久|多长时间|多长期限|多少时间|多长的?期限|(?:有没有|有无|是否有)(?:时限|期限)|"
                             r"(?:时限|期限)是多少")
_DURATION_FIGURE = r"年|个月|日|天|个工作日|小时"
_HOW_OFTEN = re.compile(r"一次|一回")
_PER_PERIOD = r"(?:按|每)(?:日|天|周|月|季度?|半年|年)"


def asked_unit(question: str) -> re.Pattern[str] | None:
    """A figure in the unit the question asks for ("多少天" → "60日", "三十个工作日"; "多久" → any length of time)."""
    m = _ASKED_UNIT.search(question)
    if m and m.group(2) == "钱" and ASKS_PENALTY.search(question):
        m = None  # "罚多少钱": a penalty's amount is found by the penalty articles, whatever unit they state it in
    if m:
        return re.compile(rf"{_FIGURE}\s*(?:{_UNIT_FIGURE[m.group(2)]})")
    if _ASKED_DURATION.search(question):
        if _HOW_OFTEN.search(question):
            # "多长时间报一次": how often, stated as a period ("按月计算，按季申报") as much as by a figure
            return re.compile(rf"{_FIGURE}\s*(?:{_DURATION_FIGURE})|{_PER_PERIOD}")
        return re.compile(rf"{_FIGURE}\s*(?:{_DURATION_FIGURE})")
    return None


# What a length in metres measures, when the question names it ("水位是多少米" asks a level, not a distance).
_METRE_MEASURE = (("水位", "水位"), ("高度", "高度"), ("高", "高度"), ("深度", "深度"), ("深", "深度"), ("宽度", "宽度"),
                  ("宽", "宽度"), ("长度", "长度"), ("厚度", "厚度"), ("厚", "厚度"))


def asked_unit_name(question: str) -> str:
    m = _ASKED_UNIT.search(question)
    if m:
        if m.group(2) == "米" and not re.search(r"距离|多远|离|距", question):
            return next((name for word, name in _METRE_MEASURE if word in question), "数值")
        return _UNIT_NAME[m.group(2)]
    return "期限" if _ASKED_DURATION.search(question) else ""


def _filling(cands: list[Cand], terms: list[str], fills: Callable[[str], bool]) -> list[Cand]:
    """The candidates whose sentence fills the question's slot and shares a word with it beyond the slot; all of them
    when none does."""
    words = [t for t in terms if not t.isdigit()]
    kept = [c for c in cands if fills(c[2]) and any(v in normalize_for_search(c[2]) for t in words for v in _variants(t))]
    return kept or cands


_ARTICLE_NO = re.compile(r":a(\d+)$")


def penalties_citing(kb: KnowledgeBase, hits: list[Hit], k: int, question: str = "") -> tuple[list[Hit], int]:
    """"对石材加工有什么要求" then "罚款多少": a law's penalty article names the duty it sanctions by number ("违反本
    条例第二十五条规定"), not by its words. The penalty articles citing the best-ranked duty among the top clauses (of the
    first clause's law) that has one come first; with how many they are."""
    # (penalty articles ranked high take no duty's place: "交给没有经营许可证的单位…什么处罚" ranks two of them above
    # the ban, 危险废物经营许可证管理办法 第十五条)
    for duty in [h for h in hits if not in_liability_chapter(h)][:3]:
        m = _ARTICLE_NO.search(duty.clause_id)
        doc = kb.document(duty.doc_id)
        if m is None or doc is None or duty.doc_id != hits[0].doc_id:
            continue  # the law retrieval put first answers; another law's duty does not bring in its penalties
        if other_than_unpapered(question, duty.text):
            # "没有许可证私自收购、处置废机油": a duty of the paper's holders (第二十条) is another matter than acting without it
            continue
        first: list[Hit] = []
        for c in doc.clauses:
            if c.clause_id == duty.clause_id or not cites_article(c.text, int(m.group(1))):
                continue
            got = next((h for h in hits if h.clause_id == c.clause_id), None)
            hit = got or Hit(doc.doc_id, doc.title, c.clause_id, c.path, c.text, duty.score, "reference")
            if in_liability_chapter(hit):
                first.append(hit)
        if first:
            first = [*itertools.chain.from_iterable((h, *_referred_penalty(kb, h, question)) for h in first)]
            return [*first, *(h for h in hits if h not in first)][:max(k, len(first))], len(first)
    return hits, 0


# A penalty left to another law ("违反本办法第十五条第一款…规定的，依照《中华人民共和国固体废物污染环境防治法》的规定予以处罚").
_REFERRED = re.compile(r"依照《([^》]{2,40})》(?:的)?(?:有关)?规定(?:予以|给予)?(?:处罚|处理)")


def _referred_penalty(kb: KnowledgeBase, hit: Hit, question: str) -> list[Hit]:
    """The article of the law a penalty refers to ("依照《中华人民共和国环境影响评价法》的规定处罚") that punishes the act
    the question speaks of: the paragraph of the rule it cites (危险废物经营许可证管理办法 第二十五条 on 第十五条第一款, "无证
    经营" → 固废法 第一百一十四条), or its own listed act (建设项目环境保护管理条例 第二十一条（一）"…未依法报批…擅自开工建设"
    → 环评法 第三十一条). Empty when it refers nowhere, to a law not held, or for another paragraph than the one asked."""
    terms = content_terms(expand(question))
    for a, b in sentences(hit.text):
        sent = hit.text[a:b]
        m = _REFERRED.search(sent)
        if m is None:
            continue
        if cited_paragraphs(sent) is not None:
            fit = cited_paragraph(kb, hit.doc_id, question, sent, terms)
            if fit is None or not fit[0]:
                continue
            act = fit[1]
        else:
            # the act among those the article lists (or its own words) that the question speaks of most
            parts = [hit.text[x:y] for x, y in sentences(hit.text)]
            act = max(parts, key=lambda x: sentence_score(question, x, terms))
            if sentence_score(question, act, terms) <= 0:
                return []
        ids = [d for d in kb.resolve_documents(m.group(1)) if d != hit.doc_id]
        doc = kb.document(ids[0]) if len(ids) == 1 else None
        if doc is None:
            return []
        words = content_terms(act)
        best: tuple[float, Hit] | None = None
        for c in doc.clauses:
            cand = Hit(doc.doc_id, doc.title, c.clause_id, c.path, c.text, hit.score, "reference")
            if not in_liability_chapter(cand):
                continue
            head = c.text[:next((y for _x, y in sentences(c.text)), len(c.text))]
            score = sentence_score(act, head, words)
            if score > 0 and (best is None or score > best[0]):
                best = (score, cand)
        return [best[1]] if best is not None else []
    return []


# What a sentence gains for each act the question denies that it denies too, and loses for each it states done.
NEGATION_KEPT = 2.0
# A spoken breach: an act left undone before another is done ("没取得排污许可证就排污", "没建成或没验收就投产").
# ("没办排污证就开工": a one-character verb of getting a paper, 办/领/拿, is the law's 取得)
_SPOKEN_DENIAL = re.compile(r"(?:没有|没|未|无)(?:([办领拿])(?=[^，。？?；]{0,8}(?:证|许可|手续|执照))|([\u4e00-\u9fff]{2}))"
                            r"(?=[^，。？?；]{0,12}就)")
_PAPER_GOT = ("取得", "办理", "申领", "领取")
# The rest of a paper's name after its first two characters, up to the act done without it ("许可证就").
_PAPER_NAMED = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:证|许可|执照|手续)[^，。？?；]{0,4}?就")


@lru_cache(maxsize=256)
def _denied_acts(question: str) -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """For each act the question leaves undone before another, the law's denial of it and the act itself, as patterns
    (read once per question, matched against every candidate clause and sentence)."""
    out = []
    for m in _SPOKEN_DENIAL.finditer(question):
        # the spoken act or the law's word for it ("没拿到" and "未取得")
        if m.group(1) and not ASKS_PENALTY.search(question):
            continue  # "没办…就排污，要去哪里办？": where to apply is asked, not what follows the paper lacking
        # ("没有排污许可证就排放…": a paper not held is one not obtained, 未取得, whatever its first two characters)
        paper = bool(m.group(1)) or bool(_PAPER_NAMED.match(question, m.end(2) if m.group(2) else m.end()))
        said = m.group(1) or m.group(2)
        laws = _PAPER_GOT if paper else tuple(t for t in lay_terms().get(said, ()) if len(t) == 2)
        if paper and not m.group(1):
            said = _PAPER_GOT[0]
        verb = "|".join(re.escape(v) for v in (said, *laws))
        # "未经验收", "未依法取得": the law's denial may stand a word or two before the act
        out.append((re.compile(rf"(?:未|无|没有|不)[^，。；,;]{{0,2}}?(?:{verb})"), re.compile(verb)))
    return tuple(out)


def negations_kept(question: str, text: str) -> int:
    """How many acts the question denies the text denies too ("没取得…" and "未取得排污许可证排放污染物"), less those it
    states done ("以欺骗…手段申请取得排污许可证")."""
    n = 0
    for denial, act in _denied_acts(question):
        if denial.search(text):
            n += 1
        elif act.search(text):
            n -= 1
    return n


# A sentence that excepts cases from its rule.
_EXCEPTS = re.compile(r"除外|但是|不适用|不受[^，。；]{0,12}限制")


def _exempting(question: str, hits: list[Hit], liable: list[Hit]) -> Hit | None:
    """A rule among the top clauses whose exception names a word of the question that no penalty clause names."""
    terms = [t for t in content_terms(question) if t not in PENALTY_WORDS and len(t) >= 2]
    missing = [t for t in terms if not any(t in normalize_for_search(h.text) for h in liable)]
    if not missing:
        return None
    for h in hits:
        if h in liable:
            continue
        for a, b in sentences(h.text):
            sent = normalize_for_search(h.text[a:b])
            m = _EXCEPTS.search(sent)
            if m and any(t in sent[:m.end()] and sent.find("但") <= sent.find(t) for t in missing):
                return h
    return None


def answer_question(kb: KnowledgeBase, question: str, k: int = 5, legacy: bool = False,
                    doc: str | None = None, filters: Any = None) -> Answer:
    """The best sentence of the top clauses, or a refusal. legacy=True reproduces the answerer before
    issue 10 (no year preference), kept as the baseline of `shanxi-policy eval-answers`."""
    # Lay words are searched with their legal terms too ("晚上" → "夜间"); the legacy answerer was not.
    # The embedding model reads the question as asked: the legal terms would blur it.
    hits, best_dense = kb.search_with_signal(question if legacy else expand(question), k=k, doc=doc,
                                             filters=filters, embed=None if legacy else question.strip())
    cal = load_calibration(kb.embedder.model_id, getattr(kb, "index_dir", None))
    pool = 3  # the top clauses whose sentences may answer
    retrieved = hits  # the decision to answer reads retrieval's own order
    duty_first = False  # no penalty asked and a duty among the top clauses: a penalty article's sentence loses
    if not legacy:
        hits = source_first(kb, hits)
        citing = 0
        if ASKS_PENALTY.search(question):
            hits, citing = penalties_citing(kb, hits, k, question)
        liable = [h for h in hits[:k] if in_liability_chapter(h)] if ASKS_PENALTY.search(question) else []
        if liable:
            # "依照《…》的规定处罚": the article of the law referred to that punishes the act comes with the referring one
            held = {h.clause_id for h in hits[:k]}
            referred = {h.clause_id: [r for r in _referred_penalty(kb, h, question) if r.clause_id not in held]
                        for h in liable}
            if any(referred.values()):
                hits = [*itertools.chain.from_iterable((h, *referred.get(h.clause_id, ())) for h in hits)]
                liable = [*itertools.chain.from_iterable((h, *referred[h.clause_id]) for h in liable)]
        if ASKS_PENALTY.search(question) and not citing and liable \
                and all(sanction_unasked(question, h) for h in liable):
            # "碳排放权交易没按时清缴罚多少？": no article found punishes the party asked of (第二十条 punishes staff who
            # trade); the article of the top duty's law that repeats the duty (第二十四条 "未按照规定清缴…") does
            from .structured import penalty_of_top_duty  # structured imports this module

            punishing = penalty_of_top_duty(kb, question, hits[:3])
            if punishing is not None:
                hits = [punishing, *(h for h in hits if h.clause_id != punishing.clause_id)]
                liable = [punishing, *liable]
                citing = 1
        # "没取得排污许可证就排污": the article punishing the act left undone (未取得) before one punishing it done
        # (以欺骗…手段取得); a stable sort keeps retrieval's order otherwise
        # (…and an article punishing a rule by number only comes after one whose own words name the act better)
        from .structured import case_named, other_party, weaker_by_number  # structured imports this module

        weaker = weaker_by_number(kb, question, liable)
        # ("没有排污许可证就排放废气": an article punishing acting without the paper, "未取得排污许可证排放污染物", before
        # one punishing a breach of what the paper says, "未按照排污许可证规定…")
        unpapered = bool(WITHOUT_PAPER.search(question))
        # (and an article punishing a kind of party the question never names, "建设单位、施工单位" for "工厂", after one
        # that does not)
        # (and an article punishing the authority's own staff, "…主管部门的工作人员…不予查处的", after all of them unless
        # the question asks of officials)
        liable.sort(key=lambda h: (sanction_unasked(question, h),
                                   -negations_kept(question, h.text), other_party(question, h),
                                   unpapered and not WITHOUT_PAPER.search(h.text), h.clause_id in weaker))
        named = case_named(kb, question, hits) if liable else None
        if named is not None:
            # "没有许可证收危险废物的罚多少": the article opening with the very breach asked (固废法 第一百一十四条 "无许可证从事
            # 收集…危险废物经营活动的") before one citing the ban by number (a rule whose paragraphs punish other acts)
            liable = [named, *(h for h in liable if h.clause_id != named.clause_id)]
            hits = [named, *(h for h in hits if h.clause_id != named.clause_id)]
            citing = 1
        exempting = _exempting(question, hits[:k], liable) if liable else None
        if exempting is not None:
            # "工地晚上施工扰民，抢修抢险的，罚多少？": no penalty speaks of the case, a rule excepts it ("但抢修、抢险施工
            # 作业…除外"); that is the answer, not the fine
            hits, liable = [exempting, *(h for h in hits if h is not exempting)], []
            pool = 1
        if liable:
            # "…要罚多少钱": a law states its penalties in its 法律责任 chapter; the duty ranked above them
            # is what was breached, not the answer.
            hits = [*liable, *(h for h in hits if h not in liable)]
            pool = min(pool, citing or len(liable))
            lacking = sum(1 for h in liable if WITHOUT_PAPER.search(h.text))
            if unpapered and lacking and not citing and named is None:
                pool = min(pool, lacking)  # only the articles on acting without the paper answer
        elif _WHO_DOES.search(question) and not ASKS_CONSEQUENCE.search(question):
            # "环保设施验收由谁来做？": who does a duty, no penalty asked; an article punishing its breach repeats its
            # words ("未经验收…即投入生产"), the duty among the top clauses answers first
            hits = [*sorted(hits[:pool], key=in_liability_chapter), *hits[pool:]]
            duty_first = any(not in_liability_chapter(h) for h in hits[:pool])
    if not hits:
        return Answer(False, NOT_FOUND, [], question, NOT_FOUND, 0.0)
    q = question.strip()
    duty_first = not legacy and duty_first
    if hits[0].source == "lookup":
        # "（八）说了什么": the clause itself is the answer.
        text = hits[0].text if _CONTENT_LOOKUP.search(q) or len(q) <= 12 else best_sentence(q, hits[0].text)
        ans = Answer(True, text, hits, q, "", 1.0)
        others = list(dict.fromkeys(h.doc_title for h in hits if h.source == "lookup" and h.doc_id != hits[0].doc_id))
        if others:
            # "第三十三条说了什么" with several laws in the library: say whose article this is.
            ans.note = (f"有 {len(others) + 1} 份文件有这一条款，以下是《{hits[0].doc_title}》的；其他文件（"
                        + "、".join(f"《{t}》" for t in others[:3]) + ("等" if len(others) > 3 else "")
                        + "）请在问题中写明文件名。")
        return ans
    ind = _indicator_match(kb, q)
    if ind is not None:
        top = next((h for h in hits if h.clause_id == ind.clause_id), None)
        if top is None:
            c = kb.clause(ind.clause_id)
            d = kb.document(ind.clause_id.split(":", 1)[0])
            if c is not None and d is not None:
                top = Hit(d.doc_id, d.title, c.clause_id, c.path, c.text, hits[0].score, "target")
        if top is not None:
            top.quote = ind.sentence
            top.marks = term_spans(q, ind.sentence)
            rest = [h for h in hits if h.clause_id != top.clause_id]
            return Answer(True, ind.sentence, [top, *rest][:k], q, "", 1.0)
    feats = decision_features(kb, q, retrieved, best_dense, q if legacy else expand(q))
    found = cal.decide(feats)
    confidence = feats["coverage"]
    if not found:
        return Answer(False, NOT_FOUND, hits, q, NOT_FOUND, confidence)
    # The answer: the best sentence among the top clauses, plus a second one when nearly as good.
    terms = content_terms(q)
    if not legacy and ASKS_PENALTY.search(q):
        # "…法律上怎么处理，罚多少钱": the verb after 怎么 asks what befalls the party, it is no word of the case
        # ("无害化处理" would answer it)
        asking = set(_ASKING_VERB.findall(q))
        terms = [t for t in terms if t not in asking]
    # (a phrase of several words, "超标排放": a single lay word's legal form is already one of its variants; the asking
    # words' own legal forms, "罚多少" → 罚款, are every penalty's and weigh nothing)
    # (nor is it when the question's words cut a lay word of three characters or more apart, and its legal form is a
    # phrase: "禁养区里" is read 禁养 / 区里, and 禁养区 is 禁止养殖区域)
    phrases = [] if legacy else [[content_terms(x) for x in legal] for lay, legal in legal_terms_of(q).items()
                                 if (len(content_terms(lay)) >= 2 or (len(lay) >= 3 and any(
                                     t not in terms for t in content_terms(lay)) and any(
                                     len(content_terms(x)) >= 2 for x in legal)))
                                 and not set(legal) <= PENALTY_WORDS]
    cands: list[Cand] = []
    top_score = max(hits[0].score, 1e-9)
    unit = asked_unit(q) if not legacy else None
    ranks = list(range(min(pool, len(hits))))
    if unit is not None and not any(unit.search(h.text) for h in hits[:pool]):
        # "…多少天内要批下来" and no top clause states days: the figure is looked for a little further down
        # (环评法 第二十二条 under two articles on who approves)
        ranks += [r for r in range(pool, min(UNIT_RANKS, len(hits))) if unit.search(hits[r].text)]
    asked = set(_YEAR.findall(q))
    if asked and not legacy and not any(asked & set(_YEAR.findall(h.text)) for h in hits[:pool]):
        # "2035年山西碳达峰目标是什么" and no top clause speaks of 2035: the year's own sentence ("到2035年…碳排放达峰后
        # 稳中有降") is looked for a little further down
        ranks += [r for r in range(pool, min(UNIT_RANKS, len(hits)))
                  if r not in ranks and asked & set(_YEAR.findall(hits[r].text))]
    asked_variant = _VARIANT.search(expand(q)) is not None
    for rank, h in ((r, hits[r]) for r in ranks):
        # A lower clause's sentence must beat the best clause's by more when retrieval ranked that clause
        # far below: a shared year and verb plus a number ("到2035年…达到30%") do not outweigh a clause that
        # matched the question's subject (retrieval score 0.31 against 0.82).
        gap = 0.0 if legacy or h.source != hits[0].source else 6.0 * max(0.0, 1.0 - h.score / top_score)
        if duty_first and in_liability_chapter(h):
            gap += LIABILITY_GAP
        if not legacy and _DEFINES.search(h.text[:60]) and not _MEANING_Q.search(q):
            # "本办法下列用语的含义：…贮存，是指…超过90个工作日的活动" says what a word means, not how long a thing may
            # be kept; a rule answers before it
            gap += DEFINITION_GAP
        spans = sentences(h.text)
        for i, (s, e) in enumerate(spans):
            sent = h.text[s:e].strip()
            # "报告表审批要多少天" is asked of the procedure itself: the days of its variant (a re-review by "原审批部门",
            # a renewal, a change) answer only when the variant is asked
            # (said anywhere in the sentence's paragraph: "有效期届满…提出申请。审批部门应当自受理申请之日起20日内完成审查")
            para = h.text[h.text.rfind("\n", 0, s) + 1:e]
            variant = 0.0 if legacy or unit is None or asked_variant or not _VARIANT.search(para) else VARIANT_GAP
            if not legacy and sent.endswith(("？", "?")) and i + 1 < len(spans):
                # A question-and-answer text ("…共用洗衣机会感染吗？根据目前对疾病的认识…"): the sentence that
                # matches the question is its own question; the answer is what follows, up to the next question.
                after = [h.text[a:b].strip() for a, b in spans[i + 1:i + 1 + FAQ_SENTENCES]]
                cut = next((j + 1 for j, x in enumerate(after) if x.endswith(("？", "?"))), len(after))
                sent = sent + "".join(x for x in after[:cut] if not x.endswith(("？", "?")))
            # An item is shown with its lead: it answers "罚多少钱" only together with it. It is scored alone,
            # so that a question restating the lead ("…需要具备什么条件") gets the lead and then the whole list.
            lead_in = "" if legacy else item_lead(h.text, s)
            # an act the question denies ("没取得…") is answered by a sentence denying it too ("未取得…")
            kept = 0 if legacy else NEGATION_KEPT * negations_kept(q, sent) + _phrases_said(phrases, sent) \
                + _paragraph_fit(kb, h.doc_id, q, sent, terms)
            cands.append((sentence_score(q, sent, terms, legacy) - 0.5 * rank - gap - variant + kept, rank, sent, lead_in))
    if not legacy:
        # A slot of the question: a sentence that fills it (and shares a word with the question beyond it) answers
        # before one that does not. The year: "到2035年…" is better answered by a sentence about 2035 than by one
        # about no year. The unit counted in: "到期前多少天要申请延续" by a sentence stating days, not by the penalty
        # that only shares the words ("有效期届满未申请延续").
        if asked:
            cands = _filling(cands, terms, lambda x: bool(asked & set(_YEAR.findall(x))))
        if unit is not None:
            cands = _filling(cands, terms, lambda x: bool(unit.search(x)))
    cands.sort(key=lambda x: -x[0])
    best_score, best_rank, best, best_lead = cands[0]
    chosen = [best_lead, best]
    # (not after a sentence that introduces a list, "有下列情形之一的企业，应当…：": its items follow it, not another sentence)
    # (nor a listed breach under another fine: "处十万元以上…：（一）…" beside "个人在…游泳…可以处五百元以下的罚款" reads as
    # one fine for the case; a sentence going on from the first, "拒不停止违法行为的，处3万元…", still joins)
    if len(cands) > 1 and cands[1][1] == best_rank and cands[1][0] >= 0.8 * best_score and cands[1][2] != best \
            and not best.rstrip().endswith(("：", ":")) \
            and not (AMOUNT.search(best_lead + best) and AMOUNT.search(cands[1][3] + cands[1][2])
                     and any(x.rstrip().endswith(("：", ":")) for x in (best_lead, cands[1][3]))):
        chosen += [cands[1][3], cands[1][2]]
    chosen = _once(chosen)
    lead = hits[best_rank]
    if not legacy and best.rstrip().endswith(("；", ";")):
        # "…采取有效措施，防止噪声污染；不得违反规定使用音响器材产生过大音量。": the rest of the sentence after a
        # semicolon goes with it when it speaks of the question too (音响)
        j = lead.text.find(best) + len(best)
        stop = lead.text.find("。", j)
        tail = lead.text[j: stop + 1 if stop >= 0 else len(lead.text)].strip()
        # or when it qualifies the rule ("贮存危险废物不得超过一年；确需延长期限的，应当报经…批准"): a limit is not
        # given without its way out
        if tail and len(tail) <= CONTINUATION_MAX and tail not in chosen \
                and (sentence_score(q, tail, terms) > 0 or _QUALIFIES.match(tail)):
            chosen.append(tail)
    if not legacy and _ALSO.match(best):
        # "…的企业事业单位和其他生产经营者，应当取得排污许可证；城镇污水集中处理设施的运营单位，也应当取得排污许可证":
        # a party bound "also" is bound as the one before the semicolon, which is said first
        i = lead.text.find(best)
        prev = lead.text[:i].rstrip()
        k = max(prev.rfind("。"), prev.rfind("\n"))
        prev = prev[k + 1:].strip()
        if prev.endswith(("；", ";")) and prev not in chosen:
            chosen.insert(chosen.index(best), prev)
    chosen = _contiguous(lead.text, chosen)
    if not legacy:
        chosen = _with_consequences(lead.text, chosen)
    if (not legacy and len(lead.text.strip()) <= WHOLE_CLAUSE_MAX and all(c in lead.text for c in chosen if c)
            and not chosen[-1].endswith(("：", ":"))):
        # A short article is quoted whole: its next sentence is often the answer's other half ("不得新建排污口。
        # 在保护区附近新建排污口，应当保证…"), and an official cites the article, not a sentence of it. A sentence
        # that introduces a list is given with its items instead (structured.introduced_list).
        chosen = [lead.text.strip()]
    if not legacy and _ASKS_AMOUNT.search(q) and not AMOUNT.search("".join(chosen)):
        chosen = _up_to_amount(lead.text, chosen)
    chosen = _no_repeats(chosen)
    lead.quote = "".join(chosen)
    lead.marks = term_spans(q, lead.quote)
    ordered = [lead, *[h for h in hits if h is not lead]]
    ans = Answer(True, "".join(chosen), ordered, q, "", confidence)
    if not legacy and _ASKS_AMOUNT.search(q) and not AMOUNT.search(ans.text) and not AMOUNT.search(lead.text) \
            and not ESCALATION.search(lead.text):  # the first fine of an escalation is its own law's (typed.py)
        # "…要罚多少钱" answered by a penalty without its amount ("处以罚款"): the amount another top clause states for
        # the same breach ("处建设项目总投资额百分之一以上百分之五以下的罚款") is given with it, cited to that clause.
        # Not when the article sets its amounts in a later paragraph ("个人有前款第一项…行为之一，处…"): those are shown
        # with its list, and another law's amount would be read as this one's.
        alt = next((c for c in cands if c[1] != best_rank and c[1] < AMOUNT_RANKS and AMOUNT.search(c[3] + c[2])),
                   None)
        if alt is not None:
            alt = _breach_item(q, alt, cands)
            other = hits[alt[1]]
            sent = "".join(x for x in (alt[3], alt[2]) if x)
            other.quote = sent
            other.marks = term_spans(q, sent)
            n = ordered.index(other) + 1
            ans.items = [AnswerItem(ans.text, 1), AnswerItem(sent, n)]
            ans.type = "list"
    if unit is not None and not unit.search(ans.text):
        _add_definition(kb, ans, unit)
    return ans


# A question about the authority's or its staff's own failings ("监管部门不查处怎么办", "工作人员失职").
_OFFICIALS_ASKED = re.compile(r"工作人员|公职人员|干部|官员|执法人员|失职|渎职|不予查处|不查处|不作为|包庇|徇私")


_DETENTION_ASKED = re.compile(r"拘留|关起来|坐牢|抓人|判刑|刑事")


def sanction_unasked(question: str, hit: Hit) -> bool:
    """A penalty article the question does not ask for, which comes after the others: one punishing the authority's own
    staff ("…主管部门的工作人员…不予查处的") unless officials are asked of, and one whose only sanction is detention, on top
    of the fine another law sets ("除依照有关法律法规规定予以处罚外，…拘留"), unless detention is asked."""
    if punishes_officials(hit.text) and not _OFFICIALS_ASKED.search(question):
        return True
    return "拘留" in hit.text and "罚款" not in hit.text and not _DETENTION_ASKED.search(question)


# The verb a question asks with ("怎么处理", "如何处置"): what is to be done about a case, not a word of it.
_ASKING_VERB = re.compile(r"(?:怎么|怎样|如何|咋)(处理|处置|处罚|办|管)")


# A penalty sentence citing paragraphs of a rule ("违反本办法第十五条第一款、第二款、第三款规定的").
# What a sentence citing the paragraph the question speaks of gains, and one citing only others loses.
PARAGRAPH_FIT = 2.0


def _paragraph_fit(kb: KnowledgeBase, doc_id: str, q: str, sent: str, terms: list[str]) -> float:
    """A penalty that names the paragraphs of a rule it punishes: + when it names the rule's paragraph the question
    speaks of most ("卖给没有危险废物经营许可证的小厂" is 第十五条第三款, punished by the sentence on 第一款至第三款), - when it
    names only others (第四款, on forged licences)."""
    got = cited_paragraph(kb, doc_id, q, sent, terms)
    return 0.0 if got is None else (PARAGRAPH_FIT if got[0] else -PARAGRAPH_FIT)


def cited_paragraph(kb: KnowledgeBase, doc_id: str, q: str, sent: str,
                    terms: list[str]) -> tuple[bool, str] | None:
    """For a sentence citing paragraphs of a rule: whether it cites the paragraph the question speaks of most, and that
    paragraph's text; None when it cites none or no paragraph stands out."""
    got = cited_paragraphs(sent)
    if got is None:
        return None
    no, cited = got
    doc = kb.document(doc_id)
    rule = next((c for c in doc.clauses if c.clause_id.endswith(f":a{no}")), None) if doc is not None and no else None
    if rule is None:
        return None
    paras = [x for x in without_marker(rule.text).split("\n") if x.strip()]
    if len(paras) < 2:
        return None
    # (with the law's words for the lay ones: "卖给" is 提供 to another party, which tells 第三款 from 第一款)
    wide = list(dict.fromkeys([*terms, *content_terms(expand(q))]))
    scores = [sentence_score(q, x, wide) for x in paras]
    best = max(range(len(paras)), key=lambda i: scores[i])
    tied = {i + 1 in cited for i, x in enumerate(scores) if x == scores[best]}
    if scores[best] <= 0 or len(tied) > 1:
        # (paragraphs scored alike stand out together when the sentence cites all of them or none: "无证经营" is
        # 第十五条's first paragraph as much as its third, and 第二十五条 punishes both alike)
        return None
    return best + 1 in cited, paras[best]


def _breach_item(q: str, alt: Cand, cands: list[Cand]) -> Cand:
    """Of the listed breaches of the article an amount is taken from, scored alike, the one the question's lay words
    speak of ("超标排放" is 第九十九条（二） "超过…排放标准", not （一）)."""
    from .structured import breach_score, legal_groups  # structured imports this module

    same = [c for c in cands if c[1] == alt[1] and c[0] == alt[0] and ENUM_START.match(c[2])]
    if len(same) < 2:
        return alt
    terms, groups = content_terms(q), legal_groups(q, [c[2] for c in same])
    return max(same, key=lambda c: breach_score(terms, groups, c[2]))


# "…对单位罚多少钱": the amount is the answer; a penalty sentence cut at its semicolon ("…给予警告；") goes on to it.
_ASKS_AMOUNT = re.compile(r"罚多少|多少钱|罚款多少|罚几|罚款数额|罚款金额|罚多少钱")
# An amount a penalty is set in ("十万元以上", "总投资额百分之一以上", "一倍以上三倍以下").
AMOUNT = re.compile(r"[\d一二两三四五六七八九十百千万]+(?:万)?元|百分之[一二两三四五六七八九十]+|倍以上|倍以下")
# Clauses (by retrieval rank) searched for the amount a penalty answer lacks.
AMOUNT_RANKS = 3
# A definitions article ("本法下列用语的含义") answers a question on what a word means, other questions only after a rule.
_DEFINES = re.compile(r"下列用语的含义|下列用语，其含义|下列用语是指")
_MEANING_Q = re.compile(r"是指|什么是|是什么|含义|定义|指的是|指什么|概念|所称|怎么理解|如何理解|算不算|属于")
DEFINITION_GAP = 3.0
# Words of a procedure's variant: done again, renewed or changed.
_VARIANT = re.compile(r"重新|延续|届满|变更|原审批部门|原发证机关|补正|复核|复审")
VARIANT_GAP = 6.0
# Clauses (by retrieval rank) searched for a figure in the unit asked ("多少天") when the top ones state none.
UNIT_RANKS = 5


def _no_repeats(chosen: list[str]) -> list[str]:
    """The chosen parts with no sentence said twice in a row: a part that ends with the sentence the next one is
    ("…罚款；情节严重的，禁止…业务。" and "情节严重的，禁止…业务。") is quoted once, as the clause has it."""
    out: list[str] = []
    for part in chosen:
        if out and part and out[-1].endswith(part):
            continue
        out.append(part)
    return out


# Sentences of a clause between two chosen ones that are filled in rather than skipped.
GAP_MAX = 2


def _contiguous(text: str, chosen: list[str]) -> list[str]:
    """Chosen sentences of one clause in its order, with the few sentences between them: a quote never splices
    ("…责令停止违法行为；" + "在饮用水水源保护区…" leaves out "拒不停止违法行为的，处3万元以上…罚款")."""
    parts = [c for c in chosen if c]
    pos = [text.find(c) for c in parts]
    if len(parts) < 2 or any(p < 0 for p in pos):
        return chosen
    parts = [c for _p, c in sorted(zip(pos, parts, strict=True))]
    spans = list(sentences(text))
    out = [parts[0]]
    for prev, nxt in itertools.pairwise(parts):
        a, b = text.find(prev) + len(prev), text.find(nxt)
        between = [text[x:y].strip() for x, y in spans if x >= a and y <= b and text[x:y].strip()]
        if between and len(between) <= GAP_MAX and "\n" not in text[a:b].strip():
            out.extend(between)
        out.append(nxt)
    return out


# What a penalty sentence's next part begins with when it goes on with the same breach ("…责令改正；拒不改正的，予以关闭，
# 并处…罚款").
# (or fines the persons answerable for it, "对直接负责的主管人员和其他责任人员，处5万元以上…罚款")
_CONSEQUENCE = re.compile(r"^(?:拒不|逾期|情节严重|造成|并处|并可以|对[^，。；;]{0,16}(?:人员|负责人))")
# A sentence that binds a party "also" ("城镇污水集中处理设施的运营单位，也应当…"): it extends the one before it.
_ALSO = re.compile(r"^[^。；;]{0,40}?[，,]?(?:也|亦|同样)(?:应当|必须|应|须|不得|要)")
# What the rest of a sentence after its semicolon begins with when it qualifies the rule: a need beyond it, a proviso.
_QUALIFIES = re.compile(r"^(?:确需|确有必要|因特殊|特殊情况|但是|但|除[^，。；;]{1,30}外)")
# Consequence sentences a penalty quote goes on with.
CONSEQUENCES_MAX = 3


def _with_consequences(text: str, chosen: list[str]) -> list[str]:
    """A quote ending at a semicolon goes on with the clause's next sentences of the same paragraph that state what
    follows for the same breach (at most three): "…责令改正；" alone hides "拒不改正的，予以关闭，并处一万元以上…罚款"."""
    last = next((c for c in reversed(chosen) if c), "")
    i = text.find(last)
    if not last.rstrip().endswith(("；", ";")) or i < 0:
        return chosen
    out = list(chosen)
    for a, b in sentences(text):
        if a < i + len(last) or len(out) - len(chosen) >= CONSEQUENCES_MAX:
            continue
        sent = text[a:b].strip()
        if "\n" in text[i + len(last):a] or not _CONSEQUENCE.match(sent):
            break
        out.append(sent)
        if not sent.endswith(("；", ";")):
            break
    return out


def _up_to_amount(text: str, chosen: list[str]) -> list[str]:
    """The chosen sentences and the clause's next ones (at most three, in the same paragraph) up to the first that
    states an amount; the chosen ones alone when none does."""
    last = next((c for c in reversed(chosen) if c), "")
    i = text.find(last)
    if not last or i < 0:
        return chosen
    after = [text[a:b] for a, b in sentences(text) if a >= i + len(last)][:3]
    for n, sent in enumerate(after):
        if "\n" in text[i + len(last): text.find(sent, i)]:
            break  # another paragraph
        if AMOUNT.search(sent):
            return [*chosen, *(x.strip() for x in after[:n + 1])]
    return chosen


def _add_definition(kb: KnowledgeBase, ans: Answer, unit: re.Pattern[str]) -> None:
    """The answer's sentence uses a word its law defines, and the definition holds the figure the question asks
    for ("几点以后不能施工": 禁止夜间施工, and "夜间，是指晚上十点至次日早晨六点之间的期间"): the definition is added,
    cited to its own article."""
    lead = ans.citations[0]
    doc = kb.document(lead.doc_id)
    if doc is None:
        return
    words = [t for t in content_terms(ans.text) if len(t) >= 2]
    for c in doc.clauses:
        for s, e in sentences(c.text):
            sent = without_marker(c.text[s:e].strip())
            m = re.match(r"^(?:本法|本条例|本办法|本规定)?(?:所称)?([\u4e00-\u9fff]{2,8})[，,]?(?:是指|指)", sent)
            if m and m.group(1) in words and unit.search(sent):
                hit = Hit(doc.doc_id, doc.title, c.clause_id, c.path, c.text, lead.score, "definition", sent,
                          term_spans(m.group(1), sent))
                ans.items = [AnswerItem(ans.text, 1), AnswerItem(sent, 2)]
                ans.text = f"{ans.text}\n{sent}"
                ans.citations = [lead, hit, *ans.citations[1:]]
                ans.type = "list"
                return
