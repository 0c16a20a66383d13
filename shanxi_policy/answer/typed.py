"""The answer a question asks for: typed, then shaped (sentence, list, parts, table or metadata).

The found / "未在政策文件中找到相关规定" decision stays with the extractive answerer (extract.py):
a structured answer is only built from clauses it accepted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..index.units import sentences
from ..ingest.docmeta import issuers_of
from ..kb import abbreviates
from ..models import Answer, AnswerItem, Document, Hit
from ..norms.liability import repeating_clause, under_liability
from ..retrieve.coverage import coverage_gaps, only_as_new_use
from ..retrieve.filters import DocFilter
from ..text.markers import ENUM_START, cites_article, without_article_no
from ..text.normalize import normalize_for_search
from ..text.tokenize import char_bigrams, content_terms, segment, tagged
from .extract import (
    AMOUNT,
    answer_question,
    asked_unit,
    asked_unit_name,
    cited_paragraph,
    expand,
    item_lead,
    negations_kept,
    sentence_score,
    term_spans,
)
from .followup import (
    PARTY_HEAD,
    YES_NO,
    carry_subject,
    find_document_reference,
    person_asked,
    rarest_term,
    resolve,
)
from .lexicon import legal_terms
from .metadata import metadata_answer, named_document, reports_on
from .qtype import ASKS_PENALTY, ESCALATION, PARTS, SANCTIONS, YEAR, classify, in_liability_chapter
from .structured import (
    MAX_BODY,
    _finish,
    article_number,
    body_sentences,
    breach_terms,
    cite_number,
    comparison_answer,
    continued,
    enumerated_items,
    has_term,
    held_key,
    holds,
    introduced_list,
    open_answer,
    parts_answer,
    penalty_answer,
    penalty_list,
    penalty_of_rule,
    subject_terms,
    with_opening,
    year_segments,
    years_in,
)

if TYPE_CHECKING:
    from ..kb import KnowledgeBase


def answer(kb: KnowledgeBase, question: str, k: int = 5, filters: Any = None) -> Answer:
    """filters: a DocFilter restricting the documents searched (API document filters)."""
    # "…分几大方面？请逐条列出。": the request on the answer's form is no part of what is searched for
    asked = _FORM_REQUEST.sub("", question).strip()
    question = asked if len(content_terms(asked)) >= 1 else question
    parts = sub_questions(question)
    if parts:
        return compound_answer(kb, question, parts, k, filters)
    ans = basic_penalty_first(kb, question, detention_first(
        question, amount_first(question, _answer(kb, question, k, filters), kb), kb))
    ans = with_party_amount(question, ans)
    ans = asked_recipient(kb, question, ans)
    return opened(uncovered(kb, question, authorities(question, other_year(question, ans))))


# "2030年有哪些量化指标": the quantitative targets of a year, asked as a list (not one indicator by name).
_TARGETS_ASKED = re.compile(r"(?:哪些|什么|几项|多少项|哪几项)[^，。？?]{0,4}(?:量化指标|指标|量化目标)|"
                            r"(?:量化指标|指标|量化目标)(?:有哪些|是什么|都有什么|有什么|有几项)")


def year_targets(kb: KnowledgeBase, question: str) -> Answer | None:
    """The targets a year's sentences set with a figure ("到2030年，非化石能源占能源消费总量比重达到18%"), each cited, for
    a question that asks for a year's indicators as a list; of the document the question names, when it names one.
    None for other questions, or when no target of the year is held (the question is then answered as any other)."""
    years = set(YEAR.findall(question))
    if len(years) != 1 or not _TARGETS_ASKED.search(question):
        return None
    doc = named_document(question, kb.documents)
    targets = kb.targets(int(years.pop()), [doc] if doc else None)
    citations: dict[str, Hit] = {}  # by clause, in the order first cited
    items: list[AnswerItem] = []
    for t in targets:
        c = kb.clause(t.clause_id)
        d = kb.document(t.clause_id.split(":", 1)[0])
        if c is None or d is None:
            continue
        citations.setdefault(c.clause_id, Hit(d.doc_id, d.title, c.clause_id, c.path, c.text, 1.0, "target"))
        items.append(AnswerItem(t.sentence, list(citations).index(c.clause_id) + 1))
    if not items:
        return None
    return Answer(True, "\n".join(i.text for i in items), list(citations.values()), question.strip(), "", 1.0,
                  type="list", items=items)


# "…由谁定", "谁来划", "哪个部门负责": a question asking which body acts.
_ASKS_WHO = re.compile(r"由谁|谁来|谁定|谁划|谁批|谁管|谁负责|谁审批|哪个部门|哪些部门|哪一级|哪级|什么部门|什么机关")
# A sentence in which a body acts ("…人民政府水行政主管部门确定…", "由有关市、县人民政府提出划定方案").
# (the body and its act may stand a clause apart: "…人民政府依据重污染天气预报信息，进行综合研判，确定预警等级并及时发出预警")
_BODY_ACTS = re.compile(r"(?:人民政府|主管部门|管理机构|监督管理机构|部门|机关)(?:[^，。；]{0,30}[，,]){0,2}[^，。；]{0,30}?"
                        r"(?:确定|划定|提出|批准|制定|负责|组织|审批|核定|决定|公布|发布|发出)")


# "我该找谁举报？", "去哪儿反映": the body a report goes to is asked; the act is the one named.
# (a complaint, 投诉, goes where the law on its kind of noise or nuisance says, often the body that acts on it: not here)
_RECIPIENT_ASK = re.compile(r"(?:找谁|向谁|找哪个部门|向哪个部门|(?:找|向|到|去|上)哪(?:里|儿)?|哪里可以|谁)"
                            r"(?:去|来|能|可以)?(举报|反映|报案)|"
                            # "我想举报，找哪个部门？": the act first, then whom it goes to
                            r"(举报|反映)[，,]?(?:该|要|应该|得)?(?:找|向|给|到|去)?(?:谁|哪里|哪个部门|哪儿)|"
                            # "出了事故…报给谁": to whom it is reported (报告)
                            r"(报)(?:给|告给|到)(?:谁|哪里|哪儿|哪个部门)")
# A spoken report is the law's 举报.
_REPORT_ACT = {"反映": "举报", "报案": "举报", "报": "报告"}


def asked_recipient(kb: KnowledgeBase, question: str, ans: Answer) -> Answer:
    """"邻村化工厂往沟里排黑水，我该找谁举报？": the clause that says to whom the act is done ("有权向环境保护主管部门
    或者其他负有环境保护监督管理职责的部门举报") answers, not the rules on the matter reported, which name no one to
    report to. Looked for among the clauses retrieved for the question, in their order."""
    m = _RECIPIENT_ASK.search(question)
    if not m:
        return ans
    act = m.group(1) or m.group(2) or m.group(3)
    act = _REPORT_ACT.get(act, act)
    to_whom = re.compile(rf"向[^，。；]{{2,40}}?{act}")
    first = ans.citations[:1] if ans.found else []
    # as asked and with the lay words' legal terms ("报给谁" → 报告, "黑水" → 污水)
    hits = kb.search(question, k=RECIPIENT_POOL)
    seen = {h.clause_id for h in hits}
    hits += [h for h in kb.search(expand(question), k=RECIPIENT_POOL) if h.clause_id not in seen]
    found = [(h, x) for h in [*first, *hits] for x in (h.text[a:b].strip() for a, b in sentences(h.text))
             if to_whom.search(x)]
    if not found:
        return ans
    # Each text names whom to report its own matters to: a sentence on the environment at large ("有污染环境和破坏
    # 生态行为的") or on a matter the question names comes first; one on another medium ("污染土壤的行为") or on
    # breaches of its own text ("违反本条例规定的行为") only when no other is found.
    # (nor the words that ask whom: "找哪个部门" names no matter)
    terms = [t for t in content_terms(expand(question)) if len(t) >= 2 and t != act and t not in m.group(0)]
    named = [t for t in terms if not _TITLE_WORDS.fullmatch(t)]  # (every law's title says 污染, 防治 …)

    def tier(h: Hit, x: str) -> int:
        objs = [o for m in _REPORTED.finditer(x) for o in m.groups() if o]
        # the body it goes to may carry the matter ("向负有社会生活噪声污染防治监督管理职责的部门…投诉")
        bodies = [m.group(1) for m in re.finditer(rf"向([^，。；]{{2,40}}?){act}", x)]
        if any(t in b for b in bodies for t in named):
            return 0
        # the matter named, or a text's own breaches where the text is on the matter ("碳排放…" and 碳排放权交易管理暂行条例)
        if any(any(t in o for t in terms) or ("本" in o and any(t in h.doc_title for t in named)) for o in objs):
            return 0
        # a report on the environment at large, for a question on pollution or nuisance
        general = any(("环境" in o or "生态" in o) and "本" not in o for o in objs)
        return 1 if general and _POLLUTION_CUE.search(question) else 2

    hit, sent = min(found, key=lambda f: tier(*f))  # (min keeps retrieval's order within a tier)
    if tier(hit, sent) > 1 or (first and hit.clause_id == first[0].clause_id):
        # a report of another matter ("拖欠工资" and a noise complaint): none of these is the place; or the clause the
        # answer cites already says it
        return ans
    others = [h for h in (ans.citations or hits) if h.clause_id != hit.clause_id][:4]
    return answered_by(replace(ans, found=True, type="factoid", note="", message="", items=[],
                                citations=others), hit, sent, question)


_TITLE_WORDS = re.compile(r"排放|污染|防治|管理|环境|保护|生态|条例|办法|污水|废水|暂行")
# Words of a question that speak of pollution or nuisance in any register ("排黑水", "冒黄烟", "臭得不行", "太吵").
_POLLUTION_CUE = re.compile(r"污|排|臭|烟|尘|噪|吵|响|睡不着|废|毒|脏|异味|气味|味道|冒|倾倒|乱倒|乱扔|生态|环境")
RECIPIENT_POOL = 40  # retrieved clauses searched for the one naming to whom
# What a report is of ("对污染土壤的行为", "发现任何单位和个人有污染环境和破坏生态行为的，").
_REPORTED = re.compile(r"对([^，。；]{2,40}?)的?行为|发现([^，。；]{2,40}?)的[，,]")


def authorities(question: str, ans: Answer) -> Answer:
    """"黄河流域河流的生态流量由谁定？" answered by one sentence of an article whose other sentence gives the same matter
    to another body ("国务院水行政主管部门确定干流、重要支流…生态流量"; "省级人民政府水行政主管部门确定其他河流…"), or by a
    sentence naming no body at all: each sentence of the clause in which a body acts on the asked matter is listed with
    the sentences shown, in the article's order."""
    if not ans.found or ans.items or not ans.citations or ans.type not in ("factoid", "") \
            or not _ASKS_WHO.search(question):
        return ans
    hit = ans.citations[0]
    terms = [t for t in content_terms(question) if len(t) >= 2]
    spans = [hit.text[a:b].strip() for a, b in sentences(hit.text)]
    acting = [x for x in spans if _BODY_ACTS.search(x) and any(t in normalize_for_search(x) for t in terms)]
    shown = [ans.text[a:b].strip().rstrip("。；;") for a, b in sentences(ans.text)]
    answered = bool(shown) and any(shown[0] in x for x in acting)
    if not acting or (answered and len(acting) < 2):
        # (a shown sentence naming no body that acts, "国家建立饮用水水源保护区制度", is joined by the one that does:
        # "…由有关市、县人民政府提出划定方案，报…批准")
        return ans
    # the sentences shown before stay, after the bodies' own
    rest = [x for x in spans if x not in acting and any(y and y in x for y in shown)]
    return _finish(ans, "list", [AnswerItem(x, 1) for x in _in_order(spans, acting + rest)], list(ans.citations))


def _in_order(spans: list[str], picked: list[str]) -> list[str]:
    """The picked sentences in the order the clause has them."""
    return [x for x in spans if x in picked]


def opened(ans: Answer) -> Answer:
    """An answer whose first sentence only goes on from the one before it in its clause ("拒不停止违法行为的，处3万元
    以上…") is given that one first, as _finish does for lists."""
    if not ans.found or not ans.citations or ans.items:
        return ans
    whole = with_opening(ans.text, ans.citations[0].text)
    ans = replace(ans, text=whole) if whole != ans.text else ans
    return continued(ans, ans.question)


# The last word of the name of a paper ("食品经营许可证", "安全生产许可证", "营业执照").
_PAPER_HEAD = re.compile(r"(?:许可证|证|执照|资格证|合格证)$")


_HOLDER = re.compile(r"(?:厂|公司|企业|单位|集团|场|站|院|店|我们|咱们|你们|他们)$")


def _paper_names(question: str) -> list[str]:
    """The papers a question names: a head word (…许可证, 执照) with the nouns right before it ("受理危险废物经营许可证"
    names 危险废物经营许可证)."""
    tags = tagged(question)
    out = []
    for i, (word, _flag) in enumerate(tags):
        if not _PAPER_HEAD.search(word) or (word == "证" and i == 0):
            continue
        j = i
        while j > 0 and re.match(r"n|vn|an|x|nz|ng|nr", tags[j - 1][1]) and tags[j - 1][0] not in ("那", "请问") \
                and re.search(r"[\u4e00-\u9fffA-Za-z]", tags[j - 1][0]):  # (punctuation is tagged x too)
            j -= 1
        # the holder is no part of the paper's name ("焦化厂排污许可证" is the works' 排污许可证)
        while j < i and _HOLDER.search(tags[j][0]):
            j += 1
        name = "".join(w for w, _f in tags[j:i + 1])
        # (a paper named in one word, "驾驶证", "身份证", is as much a name as "食品经营许可证"; a kind of paper is not)
        if len(name) >= 5 or (j == i and len(name) >= 3 and name not in _ANY_PAPER):
            out.append(name)
    return out


# Words for a paper of any kind: they name none in particular.
_ANY_PAPER = frozenset("许可证 合格证 资格证 证明 证书 证件 执照 营业证 批准证 登记证".split())


def unheld_paper(kb: KnowledgeBase, question: str) -> str:
    """A permit or certificate the question names that no document of the library names: the library holds nothing
    on it, and an answer on another paper ("危险废物经营许可证" for "食品经营许可证") would mislead."""
    from .lexicon import lay_terms

    if not re.search(r"证|执照", question):
        return ""  # most questions name no paper: no tagging, no scan of the library
    for name in _paper_names(question):
        # the name in the laws' words too ("危废经营许可证" is 危险废物经营许可证)
        names = {name} | {name.replace(lay, legal) for lay, legals in lay_terms().items() if lay in name
                          for legal in legals}
        if not any(n in d.text for d in kb.documents for n in names):
            return name
    return ""


def uncovered(kb: KnowledgeBase, question: str, ans: Answer) -> Answer:
    """"在基本农田上建光伏可以吗？" when the library holds no 土地管理法: the closest clauses of other laws are shown,
    and the answer says which laws would settle it."""
    if ans.type in ("metadata", "lookup"):
        return ans
    if not ans.found:
        # a refusal says which laws would answer, when the question names a matter the library has no law for
        # ("锅炉工上岗要持什么证")
        gaps = coverage_gaps(question, [d.title for d in kb.documents], question=True)
        if gaps and not ans.message.startswith(NOT_HELD):
            msg = _not_held(gaps, "无法回答；可在文档管理中导入后再问。")
            return replace(ans, text=msg, message=msg, type="refusal")
        return ans
    # ("文件中未规定具体天数" for "多少天内可以申请行政复议": the law that states the days is the one to name)
    if ans.note and not ans.note.startswith((NOT_IN_ANSWER, NOT_ADDRESSED, NOT_USED, NOT_STATED)):
        # a caution that the closest clause misses the matter gives way to naming the law that governs it
        return ans
    # A matter the cited clauses speak of ("水土保持率提高到72.43%") is answered by them, unless the question asks
    # what the law allows or sanctions there: that is for the governing law to say.
    cited = {i.cite for i in ans.items} or {1}
    spoken = ans.text + "".join(h.text for n, h in enumerate(ans.citations, 1) if n in cited)
    legal = bool(_LEGAL_ASK.search(question))
    gaps = [g for g in coverage_gaps(question, [d.title for d in kb.documents], question=True)
            if legal or not any(w in spoken for w in g.words) or _asked_unspoken(g.words, question, spoken)]
    # ("食用野生动物会被怎么处罚": a penalty asked, and no cited penalty article speaks of the matter; a policy's
    # paragraph on 野生动物 is no answer to what the absent law punishes)
    unpunished = bool(ASKS_PENALTY.search(question)) and not any(
        in_liability_chapter(h) and any(w in h.text for g in gaps for w in g.words)
        for n, h in enumerate(ans.citations, 1) if n in cited)
    if gaps:
        if (unpunished or all(not any(w in spoken for w in g.words) or _asked_unspoken(g.words, question, spoken)
                              for g in gaps)) \
                and not all(only_as_new_use(w, question) for g in gaps for w in g.words):
            # "申请安全生产许可证需要哪些条件": no clause cited speaks of the matter at all; the closest ones (a
            # hazardous-waste licence) would be read as the answer, so none is given (unless the matter is only the
            # use other land is turned to, "开垦湿地改成耕地违法吗": the land turned is what is asked about, and its law
            # may be held; the closest clauses are shown with the caution)
            msg = _not_held(gaps, "无法回答；可在文档管理中导入后再问。")
            return Answer(False, msg, ans.citations, ans.question, msg, 0.0, type="refusal")
        ans.note = _not_held(gaps, "以下是其他文件中最接近的条款，仅供参考。")
        return ans
    paper = unheld_paper(kb, question)
    if paper:
        msg = f"文档库中的文件没有提到“{paper}”，无法回答；可在文档管理中导入相关法规后再问。"
        return Answer(False, msg, ans.citations, ans.question, msg, 0.0, type="refusal")
    return ans


# What a question asks of the word before it ("安全距离有什么规定", "安全距离是多少").
_ASKED_OF = r"(?:的)?(?:有什么|有哪些|是多少|是多久|是多长|是什么|是几|要多|多少|多远|多久|多长|怎么|如何|有何|规定|要求)"


def _asked_unspoken(words: Sequence[str], question: str, spoken: str) -> bool:
    """The word of a matter the question asks about ("危险化学品储存设施与居民区的安全距离有什么规定") is not in the
    clauses cited, though another word of the matter is (水污染防治法 第七十七条 names 危险化学品): they do not
    answer it."""
    return any(w not in spoken and re.search(re.escape(w) + _ASKED_OF, question) for w in words)


def _not_held(gaps: list[Any], then: str) -> str:
    """"文档库中没有《森林法》（问题涉及“林地”），…": the laws that govern what the question names, and what follows."""
    laws = "".join(g.named_laws() for g in gaps)
    words = "、".join(g.named_words() for g in gaps)
    return f"{NOT_HELD}{laws}（问题涉及{words}），{then}"


_LEGAL_ASK = re.compile(r"能不能|能否|可以|可不可以|可否|允许|准许|是否|行不行|违法|违规|处罚|罚款|审批|批准|手续|许可|"
                        r"占用|征用|法律责任")


# A request on the form of the answer after a question ("请逐条列出。", "请详细说明一下").
_HOW_TO_ANSWER = re.compile(r"(?:请|麻烦)?(?:逐条|逐项|分条|分项|详细|具体|简要|简单)?(?:地)?"
                            r"(?:列出|列举|说明|说一下|介绍|回答|解释)(?:一下)?(?:来|出来)?[。！!.]?")


_FORM_REQUEST = re.compile(rf"(?<=[？?。，,])\s*{_HOW_TO_ANSWER.pattern}\s*$")


# After a fine cut at "；": the same sentence's amount for another kind of party ("…处一万元以上十万元以下的罚款；农业投入品
# 使用者为个人的，可以处二百元以上二千元以下的罚款").
_PARTY_AMOUNT = re.compile(r"^[^。；]{0,30}?(?:个人|单位)[^。；]{0,12}?(?:可以)?(?:处|并处)[^。；]{0,30}?罚款[。；]?")


def with_party_amount(question: str, ans: Answer) -> Answer:
    """A penalty answer that ends at "；" with the next clause setting the fine for individuals or organisations: that
    clause joins, since who pays which amount is part of "罚多少" (a farmer asking is fined 200–2,000 yuan, not
    10,000–100,000)."""
    if not ans.found or ans.items or not ans.citations or not ASKS_PENALTY.search(question):
        return ans
    text = ans.text.rstrip()
    top = ans.citations[0].text
    at = top.find(text[-40:]) if text.endswith("；") else -1
    if at < 0:
        return ans
    m = _PARTY_AMOUNT.match(top[at + len(text[-40:]):])
    return replace(ans, text=f"{text}{m.group(0)}") if m else ans


def sub_questions(question: str) -> list[str]:
    """The questions of one message that asks several ("…有什么要求？违规生产使用粘土砖怎么处理？"), each with a
    subject of its own (two content words or more); [] for a single question."""
    # ("请逐条列出。", "请详细说明": how to answer, not another question)
    parts = [p.strip() for p in re.split(r"(?<=[？?])", question.strip())
             if p.strip() and not _HOW_TO_ANSWER.fullmatch(p.strip())]
    if len(parts) == 1:
        return _conjunct_figures(parts[0])
    # (a later part that asks only what follows, "不做罚多少？", how often, "多久交一次？", or where, "去哪儿办？", asks it of
    # the first part's subject: it is a question of its own, read in the light of the first)
    # (or what a word means, '"夜间"指几点到几点？': one word, defined by an article of its own)
    asked = [p for i, p in enumerate(parts) if len([t for t in content_terms(p) if not t.isdigit()]) >= 2
             or (i and _FOLLOW_ON.search(p) and len(parts[0]) >= 6) or (i and _MEANING_ASKED.search(p))]
    # "…给补偿？耕地算不算？": a part asking whether something is included narrows the question before it
    if any(_INCLUSION.search(p) for p in parts[1:]):
        return []
    if len(parts) == 2 and ASKS_PENALTY.search(parts[0]) and _PENALTY_ONLY.fullmatch(parts[1]):
        return []  # "…能罚款吗？罚多少？": one penalty asked twice, answered once by the article that states it
    return asked if len(parts) >= 2 and len(asked) == len(parts) else []


# "环境管理台账和原始监测记录要保存多久？": two things, and one period or figure asked of each.
_TWO_THINGS_ONE_FIGURE = re.compile(r"^([\u4e00-\u9fff]{4,14}?)(?:和|与|以及|及|、)([\u4e00-\u9fff]{4,14}?)"
                                    r"((?:的)?(?:有效期|期限|保存期限|时限)?(?:分别)?(?:都)?(?:是|为)?"
                                    r"(?:要|需要|应当|应该|必须)?(?:保存|保留|留存|存放|贮存|公开|公示)?"
                                    r"(?:多久|多长时间|几年|多少年|几个月|多少天|几天)[？?]?)$")


def _conjunct_figures(question: str) -> list[str]:
    """The question asked of each of two things it joins, when it asks a period of them (each thing's own rule
    states its own); [] otherwise."""
    m = _TWO_THINGS_ONE_FIGURE.match(question.strip())
    if m is None:
        return []
    things = [m.group(1), m.group(2)]
    if not all(tagged(t)[-1][1].startswith("n") and content_terms(t) for t in things):
        return []
    ask = m.group(3).replace("分别", "").replace("都", "")
    return [f"{t}{ask if ask.endswith(('？', '?')) else ask + '？'}" for t in things]


# A part asking only the amount of a penalty ("罚多少？", "罚多少钱？").
_PENALTY_ONLY = re.compile(r"(?:那|要)?(?:会|要)?(?:罚多少钱?|罚款多少|怎么罚|罚几[千万百]|罚得多吗)[？?]?")


def in_situation(part: str, first: str) -> str:
    """A later question of one message read in the situation the first one opens with ("污染地块纳入管控修复名录后，
    在用途上有什么限制？治理达标后怎么退出？": the second asks about those plots too), unless it names its own."""
    situation, sep, _rest = first.rpartition("，")
    # "…饭馆油烟直接冲我家窗户，…？他们必须装油烟净化器吗？": a part opening with a pronoun is of the situation's party
    # whatever words it shares with it
    if not sep or (any(t in part for t in content_terms(situation)) and not _PRONOUN_START.match(part)):
        return part
    return f"{situation}，{part}"


# A later question that asks only a penalty, a period or a place of what the first asks about.
_FOLLOW_ON = re.compile(r"^(?:那|那么|要是)?(?:不做|不办|不交|不装|不改|没做|没办)?[^，。？?]{0,4}?"
                        r"(?:罚多少|怎么罚|罚不罚|多久|几天|多少天|多长时间|去哪儿?办|到哪儿?办|找谁办)")
# What a word means, asked of the word ('"夜间"指几点到几点', "噪声敏感建筑物是指什么").
_MEANING_ASKED = re.compile(r"^[“\"‘']?[\u4e00-\u9fff]{2,12}[”\"’']?(?:是指|指的是|指)(?:什么|哪|几)")
_PRONOUN_START = re.compile(r"^(?:他们|她们|它们|他|她|它|这家|那家|该单位|该企业|对方)")


_INCLUSION = re.compile(r"算不算|算吗|包括吗|包不包括|包含吗|属于吗|属不属于|也算|是不是也|也是吗|也要吗|也一样吗|也适用吗")


def compound_answer(kb: KnowledgeBase, question: str, parts: list[str], k: int, filters: Any) -> Answer:
    """Each question answered on its own, a later one read in the light of the earlier ("…怎么处理？" after a
    question on 粘土砖); the answers listed under their questions with one numbering of the sources."""
    # ("…会有什么后果？负责人会被拘留吗？": a later part naming only a person asks of the first part's case)
    asked = [(person_asked(p, parts[0]) or in_situation(resolve(p, parts[:i], kb.term_idf, kb.documents), parts[0]))
             if i else p for i, p in enumerate(parts)]
    # "…，依照水法怎么处罚？罚款数额是多少？": a later question that names no document asks of the one the first names
    named = named_document(parts[0], kb.documents)
    within = filters
    if named is not None and (filters is None or not filters.doc_ids):
        within = replace(filters, doc_ids=[named]) if filters is not None else DocFilter(doc_ids=[named])
    # (each part may be of a matter no law of the library governs: "…交工伤保险？出了工伤老板赔多少？")
    # (each part's penalty as a single question's: the amount another article sets, the days a referred detention has)
    answers = [uncovered(kb, q, authorities(p, other_year(p, asked_recipient(kb, q, detention_first(q, amount_first(
        q, _answer(kb, q, k, within if i and named_document(q, kb.documents) is None else filters), kb), kb)))))
               for i, (p, q) in enumerate(zip(parts, asked, strict=True))]
    topic = _noun_topic(kb, parts[0])
    for i, (p, a) in enumerate(zip(parts, answers, strict=True)):
        if a.message.startswith(NOT_HELD):
            continue  # a matter no law held governs is not retried in the first part's words
        carried = carry_subject(p, parts[0]) if i and not a.found else ""
        by_topic = False
        if i and not a.found and not carried and topic and topic not in p:
            # "秸秆到底能不能在地里烧？哪些地方不让烧？": the later question is of the first one's thing
            carried, by_topic = f"{topic}，{p}", True
        if carried:
            # "按日连续处罚适用于什么情形？从哪天开始计罚？": the later question asks about the first one's subject, which
            # it does not repeat
            retried = uncovered(kb, carried, authorities(p, other_year(p, _answer(kb, carried, k, filters))))
            # (a penalty article answers no question of duty: "乡政府有啥责任" is not 第三十七条's fine)
            if retried.found and not (by_topic and retried.citations and in_liability_chapter(retried.citations[0])
                                      and not ASKS_PENALTY.search(p)):
                answers[i] = retried
        if i and not answers[i].found:
            # "能不能按天罚？从哪天开始算？": the later question asks of the act the first one asks about, whole
            whole = f"{parts[0].rstrip('？?')}，{p}"
            retried = uncovered(kb, whole, authorities(p, other_year(p, _answer(kb, whole, k, filters))))
            if retried.found:
                answers[i] = retried
    for i in range(1, len(parts)):
        by_first = _said_by_first(parts[i], answers[0], answers[i])
        if by_first is not None:
            answers[i] = by_first
    if not any(a.found for a in answers):
        first = answers[0]
        first.question = question
        return first
    citations: list[Hit] = []
    items: list[AnswerItem] = []
    unanswered: list[str] = []
    repeated: list[str] = []
    for p, q, a in zip(parts, asked, answers, strict=True):
        if not a.found:
            unanswered.append(p)
            continue
        own = a.items if a.items and a.type != "metadata" else [AnswerItem(a.text, 1)]
        lead = _list_lead(a)
        if lead:
            # a list under its lead ("禁止在下列区域内建设畜禽养殖场、养殖小区：") is listed with it: the items alone
            # say nothing of what is done in those places
            own = [AnswerItem(lead, a.items[0].cite), *own]
        given = {(i.text, i.cite) for i in items}
        fresh: list[AnswerItem] = []
        again: list[int] = []
        first_again = False
        said = ""  # the words of the part's answer already listed
        for item in own:
            if not 0 < item.cite <= len(a.citations):
                continue
            n = cite_number(citations, a.citations[item.cite - 1])
            # the same words of the same clause answer an earlier question too (listed whole there, or
            # sentence by sentence): not listed twice
            # (an answer that goes on past what is listed, "有效期为5年。…届满60日前…", lists what it adds)
            inside = next((t for t, m in given if m == n and t in item.text and t != item.text), "")
            rest = item.text.replace(inside, "", 1).strip() if inside else ""
            if len(content_terms(rest)) >= 3:
                item = AnswerItem(rest, item.cite, item.label)
            repeat = any(m == n and (item.text in t or t in item.text) for t, m in given)
            first_again = first_again or (repeat and not fresh and not again)
            if repeat:
                again.append(n)
                said += normalize_for_search(item.text)
            else:
                fresh.append(AnswerItem(item.text, n, item.label))
        # (words of asking, "几天", are no words an answer holds)
        terms = [t for t in content_terms(p) if not t.isdigit() and not _ASKING_WORD.match(t)]
        held = bool(said) and all(has_term(t, said) for t in terms)
        if first_again and held:
            # "…可以行政拘留？拘留几天？": its answer is what is already listed (第六十三条); what it adds beside that and
            # holds no word of the question (第五十九条 on daily fines) answers nothing asked
            fresh = [i for i in fresh if any(has_term(t, normalize_for_search(i.text)) for t in terms)]
        if first_again and held and all(citations[i.cite - 1].doc_id != citations[again[0] - 1].doc_id for i in fresh):
            # "美丽山西建设怎么考核？考核结果怎么用？": its best answer is a sentence already listed ("考核结果作为…重要参考");
            # other laws' articles on 考核 answer a question nobody asked (the same document's next article would: "控制指标
            # 怎么定" after 黄河保护法 第四十九条 is 第四十八条)
            fresh = []
        if not fresh and again and not any(has_term(t, said) for t in terms):
            # what is already listed does not speak of what this question asks: its best clause not yet shown answers
            fresh = _next_clause(q, a, citations, {citations[n - 1].clause_id for _t, n in given})
        if fresh:
            fresh[0].label = p.rstrip("？?")
            items.extend(fresh)
        elif again:
            repeated.append(f"“{p.rstrip('？?')}”见上文{''.join(f'[{n}]' for n in dict.fromkeys(again))}。")
    have = {h.clause_id for h in citations}
    for a in answers:  # the other hits of each question, as further sources
        for h in a.citations:
            if h.clause_id not in have and len(citations) < k * len(parts):
                citations.append(h)
                have.add(h.clause_id)
    # a part's note cites by the part's own numbering ("第十七条[3]作了基本相同的规定"): renumbered, and said once
    # a part's caution is said of that part ("“环保税多长时间报一次”：文件中未规定具体期限…"), not of the whole answer
    notes = list(dict.fromkeys([(f"“{p.rstrip('？?')}”：" if a.note.startswith(CAUTIONS) else "")
                                + _renumbered(a.note, a.citations, citations)
                                for p, a in zip(parts, answers, strict=True) if a.found and a.note] + repeated))
    # (a part of a matter no law held governs says which laws would answer it)
    notes += [f"“{p.rstrip('？?')}”：{a.message}" for p, a in zip(parts, answers, strict=True)
              if not a.found and a.message.startswith(NOT_HELD)]
    unanswered = [p for p, a in zip(parts, answers, strict=True) if p in unanswered and not a.message.startswith(NOT_HELD)]
    if unanswered:
        notes.append(f"“{'”“'.join(unanswered)}”未在文件中找到相关规定。")
    out = Answer(True, "\n".join(i.text for i in items), citations, question, "",
                 min(a.confidence for a in answers if a.found), type="list", items=items)
    out.note = " ".join(notes)
    return out


_ASKING_WORD = re.compile(r"几|多少|什么|哪|怎么|如何|是否|多久|多长")


# What a word means, asked of the word ('法律上“湿地”指什么', '“黄河流域”包括哪些省区', "什么是重点用能单位").
_DEFINE_ASK = re.compile(r"[“\"‘「]([^”\"’」]{2,16})[”\"’」](?:是|又)?(?:指|是指|的定义|的含义|是什么意思|是怎么定义|怎么定义|"
                         r"包括哪些|指的是|是什么)|"
                         r"什么(?:是|叫)([\u4e00-\u9fff]{2,16}?)[？?，,]|"
                         r"([\u4e00-\u9fff]{2,12}?)(?:是指什么|指什么|指的是什么|是什么意思|是怎么定义的|怎么定义|的定义是什么|"
                         r"的含义是什么)")
# The rank of a text that defines a word: a law's definition before a regulation's, before a policy's.
_DEFINER_RANK = {"法律": 0, "行政法规": 1}


def defined_term(kb: KnowledgeBase, question: str, doc: str | None, filters: Any) -> Answer | None:
    """'法律上“湿地”指什么？稻田算不算湿地？': the sentence of the library that defines the word ("本法所称湿地，是指…但是
    水田…除外", 湿地保护法 第二条), a law's before a regulation's ("危险废物，是指…" of 固废法 第一百二十四条 before 危险废物经营
    许可证管理办法 第三十一条); None when no text defines it (or the question names a text that does not)."""
    m = _DEFINE_ASK.search(question)
    word = next((g for g in m.groups() if g), "") if m else ""
    word = re.sub(r"^(?:法律上|法律里|本法|本条例|所说的|所称)", "", word)
    if len(word) < 2 or (filters is not None and filters.doc_ids):
        return None
    defines = re.compile(rf"(?:^|所称|[）)]\s*|[，。；：])\s*{re.escape(word)}[，,]?\s*(?:是指|指)")
    found: list[tuple[tuple[int, int, int], Hit, str]] = []
    for d in kb.documents:
        if doc is not None and d.doc_id != doc:
            continue
        rank = _DEFINER_RANK.get(str(d.meta.get("doc_type", "")), 2)
        for n, c in enumerate(d.clauses):
            for a, b in sentences(c.text):
                sent = without_article_no(c.text[a:b].strip())
                if defines.search(sent):
                    hit = Hit(d.doc_id, d.title, c.clause_id, c.path, c.text, 1.0, "definition")
                    found.append(((rank, 0 if "所称" in sent else 1, n), hit, sent))
    if not found:
        return None
    _key, hit, sent = min(found, key=lambda x: x[0])
    # (cited as other answers are, by its article: "第二条 本法所称湿地，是指…")
    no = re.match(r"第[一二三四五六七八九十百零〇]+条", hit.text.strip())
    sent = f"{no.group(0)} {sent}" if no and not sent.startswith(no.group(0)) else sent
    hit.marks = term_spans(question, sent)
    others = [h for _k, h, _s in sorted(found, key=lambda x: x[0])[1:4] if h.clause_id != hit.clause_id]
    return Answer(True, sent, [hit, *others], question, "", 1.0, type="factoid")


def _said_by_first(part: str, first: Answer, own: Answer) -> Answer | None:
    """A later question that a sentence of the clause answering the first one answers in full ("…公民可以向谁举报？举报人
    信息会保密吗？": 环保法 第五十七条 "…应当对举报人的相关信息予以保密"), where the later question's own answer does not:
    that sentence, cited to that clause, rather than another law's article on another matter (排污许可条例 第三十一条)."""
    if not first.found or not first.citations or first.citations[0].source == "lookup":
        return None
    terms = [t for t in dict.fromkeys(content_terms(part)) if not t.isdigit() and not _ASKING_WORD.match(t)]
    # (one word is enough with the amount asked of it: "拘留几天？" and "…处十日以上十五日以下拘留")
    unit = asked_unit(part) if len(terms) == 1 else None
    if len(terms) < 2 and unit is None:
        return None
    own_text = normalize_for_search(own.text) if own.found else ""
    if own.found and all(has_term(t, own_text) for t in terms) and (unit is None or unit.search(own.text)):
        return None  # its own answer says it all
    hit = first.citations[0]
    sents = [hit.text[a:b].strip() for a, b in sentences(hit.text)]
    held = [x for x in sents if all(has_term(t, normalize_for_search(x)) for t in terms)
            and (unit is None or unit.search(x))]
    if not held:
        return None
    return Answer(True, held[0], [hit, *(h for h in own.citations if h.clause_id != hit.clause_id)], part, "",
                  first.confidence, type="factoid")


def _list_lead(a: Answer) -> str:
    """The sentence a list answer's items follow in its text ("第十一条 禁止在下列区域内建设…："), when no item holds it."""
    if a.type != "list" or not a.items:
        return ""
    at = a.text.find(a.items[0].text)
    lead = without_article_no(a.text[:at]).strip() if at > 0 else ""
    return lead if lead.endswith(("：", ":")) and not any(lead in i.text for i in a.items) else ""


def _noun_topic(kb: KnowledgeBase, question: str) -> str:
    """The thing a question is about, when it is a noun ("秸秆", "养殖场"): the noun it opens with, its subject
    ("养殖场能不能建在居民区旁边", not the rarer 居民区), else its rarest content noun."""
    tags = tagged(question)
    nouns = {w for w, f in tags if f.startswith("n") and len(w) >= 2}
    terms = [t for t in content_terms(question) if t in nouns and t in question]
    if tags and tags[0][0] in terms:
        return tags[0][0]
    return rarest_term(terms, kb.term_idf)


def _next_clause(part: str, ans: Answer, citations: list[Hit], shown: set[str]) -> list[AnswerItem]:
    """A later question of one message whose best clause was already given for an earlier one asks something
    new ("纳入名录后在用途上有什么限制？治理达标后怎么退出？"): its best clause not yet shown that speaks of what
    it asks, whole."""
    terms = [t for t in content_terms(part) if not t.isdigit() and len(t) >= 2]
    for h in ans.citations:
        if h.clause_id in shown or not any(has_term(t, normalize_for_search(h.text)) for t in terms):
            continue
        n = cite_number(citations, h)
        return [AnswerItem(s, n) for s in body_sentences(h)[:MAX_BODY]]
    return []


def _renumbered(note: str, own: list[Hit], citations: list[Hit]) -> str:
    def number(m: re.Match[str]) -> str:
        k = int(m.group(1))
        return f"[{cite_number(citations, own[k - 1])}]" if 0 < k <= len(own) else m.group(0)

    return re.sub(r"\[(\d+)\]", number, note)


def _abbreviates(word: str, text: str) -> bool:
    """A two-character word is the short form of a phrase of the text that opens with its first character and holds
    its second a few characters on ("投产" of 投入生产, "环评" of 环境影响评价)."""
    return len(word) == 2 and re.search(rf"{re.escape(word[0])}[\u4e00-\u9fff]{{1,4}}{re.escape(word[1])}", text) is not None


# Words of a question on a year's target that name no subject ("到2035年…要达到什么程度").
_YEAR_ASK_FILLER = re.compile(r"达到|要求|目标|方面|程度|提高|实现|多少|什么|水平|情况|哪些|到底")


def other_year(question: str, ans: Answer) -> Answer:
    """"到2025年…" when the texts set targets for 2030 only: the closest provision is shown, and the answer
    says that nothing is stated for the year asked."""
    asked = set(YEAR.findall(question))
    if ans.found and asked and not ans.note and ans.type not in ("metadata", "lookup") \
            and not asked & set(YEAR.findall(ans.shown_text())):
        # "到2035年土壤方面要达到什么程度？": a clause ranked just below that says the year of the question's subject
        # answers it ("到2035年，…土壤环境风险得到全面管控")
        subject = [t for t in content_terms(question) if len(t) >= 2 and not t.isdigit() and not _YEAR_ASK_FILLER.fullmatch(t)]
        near = next(((h, x) for h in ans.citations[1:3] if h.source != "lookup"
                     for x in (h.text[a:b].strip() for a, b in sentences(h.text))
                     if asked & set(YEAR.findall(x)) and any(t in x for t in subject)), None) if subject else None
        if near is not None:
            return answered_by(ans, *near, question)
        ans.note = f"文件中未找到{'、'.join(sorted(asked))}年的相应规定，以下是最接近的条款。"
    elif ans.found and len(asked) == 1 and not ans.note and ans.type == "factoid":
        # "到2035年新增汽车里新能源车要占多少": the sentence speaks of 2035, but of another target (铁路货运周转量);
        # what it says of the thing asked is for 2027 only
        year = int(next(iter(asked)))
        segment = year_segments(ans.text, sorted({int(y) for y in YEAR.findall(ans.text)})).get(year, "")
        said = [t for t in content_terms(question) if not t.isdigit() and len(t) >= 2 and t in ans.text]
        if segment and said and not any(t in segment for t in said):
            thing = max(said, key=len)
            ans.note = f"文件中未找到{year}年“{thing}”的相应规定，以下是最接近的条款。"
    return ans


def _joined(parts: list[Answer]) -> Answer:
    """One answer to several fields asked together: each field's lines, cited to its own sources."""
    first = parts[0]
    items: list[AnswerItem] = []
    citations: list[Hit] = []
    for a in parts:
        lines = a.items or [AnswerItem(a.text, 1)] if a.citations else []
        items += [replace(i, cite=i.cite + len(citations)) for i in lines]
        citations += a.citations
    found = any(a.found for a in parts)
    text = "\n".join(a.text for a in parts)
    return replace(first, found=found, text=text, citations=citations, items=items, type="metadata",
                   message="" if found else first.message, confidence=max(a.confidence for a in parts))


# Words of a parts question that name no subject ("提出了几个方面的重点任务").
_PARTS_FILLER = frozenset("提出 提到 方面 重点 主要 任务 工作 内容 部署 明确".split())


def _parts_of_subject(kind: str, asked: str) -> bool:
    """A parts question about one subject ("…在建设用地土壤污染风险管控方面有哪些任务"), not about the whole document:
    the named document's clause on that subject lists them, a report's count of its tasks does not."""
    return kind == "parts" and len([t for t in content_terms(PARTS.sub("", asked)) if t not in _PARTS_FILLER]) >= 2


# A province named in a question ("山西省对…有什么要求", "我们山西…"): the documents it issued (or reported on, by
# title or issuer) answer before the national laws, which hold for every province.
_PROVINCE = re.compile(r"(山西|河北|山东|河南|陕西|内蒙古|北京|天津|上海|重庆|江苏|浙江|安徽|福建|江西|湖北|湖南|广东|广西|海南|"
                       r"四川|贵州|云南|西藏|甘肃|青海|宁夏|新疆|辽宁|吉林|黑龙江)(?:省|市|自治区)?")


def regional_documents(kb: KnowledgeBase, question: str) -> tuple[str, list[str]]:
    """The province a question names and the library's documents of it (its own or reports on it); ("", []) when
    the question names none, or every document or none is of it."""
    m = _PROVINCE.search(question)
    if m is None:
        return "", []
    name = m.group(1)
    ids = [d.doc_id for d in kb.documents
           if name in d.title or any(name in str(x) for x in (d.meta.get("issuer") or []))]
    if not ids or len(ids) == len(kb.documents):
        return "", []
    return name, ids


def _regional_answer(kb: KnowledgeBase, q: str, k: int, filters: Any) -> Answer | None:
    """"山西对企业挥发性有机物有什么要求？": answered from the province's documents when they answer it at all."""
    _name, ids = regional_documents(kb, q)
    if not ids:
        return None
    within = replace(filters, doc_ids=ids) if filters is not None else DocFilter(doc_ids=ids)
    # only when they speak of the question as fully as the whole library does: "山西农村养猪场粪污怎么处理" is the
    # livestock regulation's matter, which the province's policy names no word of
    # (and only when the library's best answer is not already the province's own)
    own = answer_question(kb, q, k, filters=within)
    whole = answer_question(kb, q, k, filters=filters)
    if not own.found or own.confidence < whole.confidence or (whole.citations and whole.citations[0].doc_id in ids):
        return None
    ans = _answer(kb, q, k, within)
    return ans if ans.found else None


def _answer(kb: KnowledgeBase, question: str, k: int, filters: Any) -> Answer:
    q = question.strip()
    qt = classify(q)
    if qt.kind == "metadata":
        fields = [f for f in qt.meta_fields if f != "which_doc"] if len(qt.meta_fields) > 1 else [qt.meta_field]
        return _joined([metadata_answer(kb, q, f, k) for f in fields]) if len(fields) > 1 \
            else metadata_answer(kb, q, qt.meta_field, k)
    listed = year_targets(kb, q)
    if listed is not None:
        return listed
    absent_law = unknown_document(q, kb)
    if absent_law:
        # "土地管理法对…怎么处罚": an answer from another law would be read as that law's; the closest
        # clauses of the library are still listed as possibly related.
        near = answer_question(kb, q, k, filters=filters)
        msg = f"{NOT_HELD}《{absent_law}》，无法依据它回答；可在文档管理中导入后再问。"
        return Answer(False, msg, near.citations, q, msg, 0.0, type="refusal")
    # A question that names one document ("水法里…") is answered from that document, and the name is not
    # searched for: inside the document it matches every clause and says nothing about the subject.
    doc = named_document(q, kb.documents)
    defined = defined_term(kb, q, doc, filters)
    if defined is not None:
        return defined
    if doc is None and (filters is None or not filters.doc_ids):
        regional = _regional_answer(kb, q, k, filters)
        if regional is not None:
            return regional
    asked = q
    if doc is not None:
        s, e, _name = find_document_reference(q, kb.documents)
        rest = (q[:s] + q[e:]).strip()
        if e > s and len(content_terms(rest)) >= 1:
            asked = rest
    doc_ids: list[str] = []
    if doc is not None:
        # Searched as a document filter: the candidates are then drawn from far enough down the whole
        # library's ranking that the named document's own clauses are among them. A report or an
        # interpretation quoting the document by name speaks about it too.
        if filters is None or not filters.doc_ids:
            ids = [doc, *reports_on(doc, kb.documents)]
            doc_ids = ids
            filters = replace(filters, doc_ids=ids) if filters is not None else DocFilter(doc_ids=ids)
            if len(ids) > 1:
                doc = None
    silent = _unspoken(kb, doc_ids, asked) if doc_ids else []
    if silent:
        # "大气污染防治法对噪声有什么规定": the named text never speaks of 噪声, so any of its clauses would be a wrong
        # answer; the library's other texts answer, and the answer says the named one is silent.
        ans = _answer(kb, asked, k, None)
        named_doc = kb.document(doc_ids[0])
        title = named_doc.title if named_doc is not None else doc_ids[0]
        words = "、".join(f"“{t}”" for t in silent)
        ans.note = f"《{title}》中没有关于{words}的规定，以下是文档库中其他文件的相关条款。" + (ans.note or "")
        ans.question = q
        return ans
    base = answer_question(kb, asked, k, doc=doc, filters=filters)
    if len(doc_ids) > 1 and filters is not None:
        # "实施意见对…有什么要求": the named document answers in its own words, when its best clause ranks close to
        # the report's; "实施意见提出了几个方面的重点任务" is answered by the report that counts them
        own = answer_question(kb, asked, k, filters=replace(filters, doc_ids=doc_ids[:1]))
        # An open question ("…，实施意见有什么要求") asks for the measures, which only the named document states;
        # a report's sentence that repeats the question's words ("建筑领域节能降碳为…增添了亮点") lists none.
        # A question on what the named document requires or sets ("实施意见对…比例有什么要求") is answered by its own words;
        # a report's figure of what has been achieved ("达到93.6%") is no requirement.
        if own.found and own.citations and base.citations and (
                qt.kind == "open" or _parts_of_subject(qt.kind, asked) or _ASKS_REQUIREMENT.search(asked)
                or own.citations[0].score >= OWN_WORDS_RATIO * base.citations[0].score):
            base = own
    if asked != q:
        base.question = q
    if not base.found:
        base.type = "refusal"
        return base
    competent = competence_first(asked, base)
    if competent is not None:
        return _asked_as(competent, q)
    lookup = bool(base.citations) and base.citations[0].source == "lookup"
    # The answer is shaped by the question without the document's name, too (its words are in every clause).
    if qt.kind == "parts":
        return _asked_as(parts_answer(kb, asked, base), q)
    if lookup:
        base.type = "lookup"
        return base
    if qt.kind == "comparison":
        return _asked_as(comparison_answer(kb, asked, base, years_in(q)), q)
    if qt.kind == "open":
        return _asked_as(open_answer(asked, base, kb), q)
    banned = act_ban(kb, asked, base)
    if banned is not None:
        # the ban on the act asked about answers it, whatever name the question gives the thing (养猪场 / 畜禽养殖);
        # asked whether it is lawful, the article punishing it follows
        return with_recourse(kb, asked, banned) if _LEGAL.search(asked) else banned
    return with_recourse(kb, asked, unnamed_object(kb, asked, penalty_list(introduced_list(
        permission_answer(asked, base, kb), asked), asked)))


# "养猪场粪污到底归环保局管还是农业农村局管？", "噪声扰民归谁管": who is in charge of a matter, not who punishes a breach.
_ASKS_COMPETENCE = re.compile(r"归(?:谁|哪个部门|哪个单位|哪家)|归[^，。？?]{1,12}管还是|(?:谁|哪个部门|哪个单位)(?:来)?"
                              r"(?:管|负责|监管|主管)|由(?:谁|哪个部门|哪个单位)(?:负责|管理|监管|监督|主管)|归口|管理职责")
# The sentence of a law that gives a department charge of a matter ("…环境保护主管部门负责畜禽养殖污染防治的统一监督管理").
_COMPETENCE = re.compile(r"(?:主管部门|有关部门|人民政府|管理机构)[^。；]{0,40}?(?:负责|统一监督管理|实施监督管理|监督管理工作|"
                         r"确定的职责|职责范围内)")


def competence_first(question: str, ans: Answer) -> Answer | None:
    """A question of who is in charge, answered by the retrieved clause whose sentence giving a department charge of the
    matter (often in a law's 总则) scores best, with all of its such sentences in order ("环境保护主管部门负责…统一监督
    管理。…农牧主管部门负责…指导和服务。"); None when the question asks of a penalty or no retrieved clause gives charge."""
    if not _ASKS_COMPETENCE.search(question) or ASKS_PENALTY.search(question) or not ans.found:
        return None
    terms = [t for t in content_terms(expand(question)) if not t.isdigit()]
    best: tuple[float, Hit | None, list[str]] = (0.0, None, [])
    for h in ans.citations[:5]:
        if in_liability_chapter(h):
            continue
        scored = [(sentence_score(question, x, terms), x) for x in (h.text[a:b].strip() for a, b in sentences(h.text))
                  if _COMPETENCE.search(x)]
        top = max((sc for sc, _x in scored), default=0.0)
        if top > best[0]:  # (the higher-ranked clause keeps a tie)
            best = (top, h, [x for sc, x in scored if sc > 0])
    _top, hit, said = best
    if hit is None:
        return None
    return _led_by(ans, replace(hit, quote="".join(said), marks=[]), question)




def basic_penalty_first(kb: KnowledgeBase, question: str, ans: Answer) -> Answer:
    """"企业超标排放大气污染物，怎么处罚？" answered by 第一百二十三条 (按日连续处罚 for those who do not correct after being
    fined): the article that sets the fine for the same act (第九十九条, whose item repeats the words) leads, and the
    escalation follows it."""
    if not ASKS_PENALTY.search(question) or not ans.found or not ans.citations:
        return ans
    top = ans.citations[0]
    doc = kb.document(top.doc_id)
    if doc is None or not ESCALATION.search(top.text):
        return ans
    _lead, listed = enumerated_items(top.text)
    terms = breach_terms(question, listed)
    bodies = [ENUM_START.sub("", x).strip().rstrip("的；;。") for x in listed]
    # best first; items the question tells no apart keep the article's order
    items = sorted(((sentence_score(question, b, terms), b) for b in bodies if len(b) >= 6), key=lambda x: -x[0])
    for score, body in items:
        if score <= 0:
            break
        for c in doc.clauses:
            i = c.text.find(body)
            if c.clause_id == top.clause_id or i < 0 or ESCALATION.search(c.text) or not under_liability(c.path):
                continue
            start = c.text.rfind("（", 0, i)
            lead = item_lead(c.text, start) if start >= 0 else ""
            first = Hit(doc.doc_id, doc.title, c.clause_id, c.path, c.text, top.score, "linked",
                        f"{lead}{c.text[start:].split(chr(10), 1)[0] if start >= 0 else body}")
            return _led_by(ans, first, question)
    return ans


def _led_by(ans: Answer, first: Hit, question: str) -> Answer:
    """The answer with first.quote put before what it said, first cited first."""
    first.marks = term_spans(question, first.quote)
    head = ans.text.split("\n", 1)[0]
    shown = ([AnswerItem(head, 1)] if head and head not in {x.text for x in ans.items} else []) + ans.items \
        if ans.items else [AnswerItem(ans.text, 1)]  # a list's lead line stays with its items
    citations = [first, *(h for h in ans.citations if h.clause_id != first.clause_id)]
    where = {h.clause_id: n for n, h in enumerate(citations, 1)}

    def cite(n: int) -> int:
        return where.get(ans.citations[n - 1].clause_id, 1) if 0 < n <= len(ans.citations) else n

    items = [AnswerItem(first.quote, 1), *(AnswerItem(x.text, cite(x.cite), x.label) for x in shown
                                           if x.text != first.quote)]
    return Answer(True, "\n".join(x.text for x in items), citations, ans.question, ans.message, ans.confidence,
                  type="list", items=items, note=ans.note)


# A fine without its amount ("处以罚款"), or a penalty referred to another text ("依照《…》的规定处罚").
# A penalty referred to another law ("依照《中华人民共和国环境影响评价法》的规定处罚"), by the law's name.
_REFERRED = re.compile(r"依照《([^》]{2,40})》的?(?:有关)?规定(?:予以)?处罚")
_UNSET_FINE = re.compile(rf"罚款|{_REFERRED.pattern}")
# How close (score ratio) an article stating the amount must rank to the one that does not, to lead.
AMOUNT_RATIO = 0.6


# A detention referred to another law ("依照《中华人民共和国环境保护法》的规定处以拘留"), and a detention's term in days.
_REFERRED_DETENTION = re.compile(r"依照《([^》]{2,40})》的?(?:有关)?规定(?:处以|予以)?(?:行政)?拘留")
_DETENTION_DAYS = re.compile(r"[一二三四五六七八九十\d]+日以上[一二三四五六七八九十\d]+日以下(?:的)?拘留")


def _referred_document(kb: KnowledgeBase, name: str) -> Document | None:
    """The library's document a penalty refers to by name ("《中华人民共和国环境保护法》"), when the name is one only."""
    ids = kb.resolve_documents(re.sub(r"^中华人民共和国", "", name))
    return kb.document(ids[0]) if len(ids) == 1 else None


def detention_first(question: str, ans: Answer, kb: KnowledgeBase | None = None) -> Answer:
    """"…负责人会被拘留吗？" answered by an article that refers the detention to another law ("依照《…环境保护法》的规定处以
    拘留", no term): the referred law's article that sets the days for the same breach (环境保护法 第六十三条 "处十日以上十五日
    以下拘留") leads, when retrieved or found by the breach it repeats."""
    if "拘留" not in question or not ans.found or not ans.citations or kb is None:
        return ans
    top = ans.citations[0]
    if "拘留" not in top.text:
        # "私设暗管…还能拘留人吗？" answered by a fine that says nothing of detention (水污染防治法 第八十三条): a cited
        # article that sets the days (环境保护法 第六十三条) answers what was asked
        held = [h for h in ans.citations[1:] if _DETENTION_DAYS.search(h.text)]
        return _led_by_days(question, ans, held[0]) if held else ans
    referred = _REFERRED_DETENTION.search(top.text)
    if referred is None or _DETENTION_DAYS.search(top.text):
        return ans
    doc = _referred_document(kb, referred.group(1))
    if doc is None:
        return ans
    cands = [h for h in ans.citations[1:] if h.doc_id == doc.doc_id and _DETENTION_DAYS.search(h.text)]
    if not cands:
        c = repeating_clause(doc, "", top.text)
        if c is None or not _DETENTION_DAYS.search(c.text):
            return ans
        cands = [Hit(doc.doc_id, doc.title, c.clause_id, c.path, c.text, top.score, "linked")]
    return _led_by_days(question, ans, cands[0])


def _led_by_days(question: str, ans: Answer, h: Hit) -> Answer:
    """The answer led by the sentence of h that sets the days of detention most like the question."""
    terms = [t for t in content_terms(question) if not t.isdigit()]
    spans = [h.text[a:b].strip() for a, b in sentences(h.text)]
    days = max((x for x in spans if _DETENTION_DAYS.search(x)), key=lambda x: sentence_score(question, x, terms))
    lead = Hit(h.doc_id, h.doc_title, h.clause_id, h.path, h.text, h.score, h.source, days, [], h.validity, h.also)
    return _led_by(ans, lead, question)


def amount_first(question: str, ans: Answer, kb: KnowledgeBase | None = None) -> Answer:
    """"环评文件未经批准就擅自开工建设，怎么处罚？" answered by 环境保护法 第六十一条 ("…处以罚款", no amount) or by a
    regulation that refers the penalty to a law ("依照《…》的规定处罚"): a retrieved penalty article that states the amount
    for the act (环境影响评价法 第三十一条, "总投资额百分之一以上百分之五以下") leads."""
    if not ASKS_PENALTY.search(question) or not ans.found or len(ans.citations) < 2:
        return ans
    top = ans.citations[0]
    if kb is not None and in_liability_chapter(top):
        led = _referred_by_paragraph(kb, question, ans)
        if led is not None:
            return led
    if not in_liability_chapter(top) or AMOUNT.search(top.text) or not _UNSET_FINE.search(top.text):
        return ans  # (a warning or a licence revoked is a penalty of its own, not a fine left unset)
    if ESCALATION.search(top.text):
        return ans  # "按照原处罚数额按日连续处罚": the first fine is its own law's (basic_penalty_first), not another text's
    terms = [t for t in content_terms(question) if not t.isdigit()]
    for h in ans.citations[1:4]:
        if h.score < AMOUNT_RATIO * top.score or not in_liability_chapter(h) or h.doc_id == top.doc_id:
            continue
        best = _amount_sentence(question, h.text, terms)
        if best[0] > 0:
            lead = Hit(h.doc_id, h.doc_title, h.clause_id, h.path, h.text, h.score, h.source, best[1], [],
                       h.validity, h.also)
            return _led_by(ans, lead, question)
    referred = _REFERRED.search(top.text)
    if kb is not None and referred:
        # "依照《中华人民共和国环境影响评价法》的规定处罚" and the referred law not retrieved: its liability article that
        # repeats the breach shown (环评法 第三十一条 for "…未依法报批…擅自开工建设") states the amount
        doc = _referred_document(kb, referred.group(1))
        breach = next((x.text for x in ans.items if ENUM_START.match(x.text)), "") or ans.text
        c = repeating_clause(doc, "", ENUM_START.sub("", breach)) if doc is not None else None
        if c is not None and doc is not None and AMOUNT.search(c.text):
            best = _amount_sentence(question, c.text, terms)
            if best[1]:
                lead = Hit(doc.doc_id, doc.title, c.clause_id, c.path, c.text, top.score, "linked", best[1])
                return _led_by(ans, lead, question)
    return ans


def _referred_by_paragraph(kb: KnowledgeBase, question: str, ans: Answer) -> Answer | None:
    """"把危险废物卖给没有许可证的小厂，罚多少" and 危险废物经营许可证管理办法 第二十五条: its sentence on the paragraphs the
    question speaks of (第十五条第三款) refers the penalty to another law ("依照《…固体废物污染环境防治法》的规定予以处罚");
    the amount its other sentence sets is for another paragraph (第四款). The referred law's article repeating that
    paragraph (固废法 第一百一十二条（四）) leads with its amount, the referring sentence after it."""
    top = ans.citations[0]
    terms = [t for t in content_terms(question) if not t.isdigit()]
    for a, b in sentences(top.text):
        sent = top.text[a:b].strip()
        got = cited_paragraph(kb, top.doc_id, question, sent, terms)
        referred = _REFERRED.search(sent)
        if got is None or not got[0] or referred is None or AMOUNT.search(sent):
            continue
        doc = _referred_document(kb, referred.group(1))
        c = repeating_clause(doc, "", got[1]) if doc is not None else None
        if c is None or doc is None or not AMOUNT.search(c.text):
            return None
        item = _amount_item(question, c.text, got[1], terms)
        lead = Hit(doc.doc_id, doc.title, c.clause_id, c.path, c.text, top.score, "linked", item)
        referring = replace(top, quote=sent, marks=[])
        rest = Answer(True, sent, [referring, *ans.citations[1:]], ans.question, ans.message, ans.confidence,
                      note=ans.note)
        return _led_by(rest, lead, question)
    return None


def _amount_item(question: str, text: str, rule: str, terms: list[str]) -> str:
    """The listed breach of a penalty article that repeats the rule most, with the article's lead that sets the amount
    ("…处所需处置费用三倍以上五倍以下的罚款…：（四）将危险废物提供或者委托给无许可证的单位…"); the amount sentence that
    speaks most of the question when the article lists none."""
    _lead, listed = enumerated_items(text)
    if listed and AMOUNT.search(text):
        grams = set(char_bigrams(rule))
        best = max(listed, key=lambda x: len(grams & set(char_bigrams(x))))
        spans = [text[a:b].strip() for a, b in sentences(text)]
        num = re.match(r"[（(]([一二三四五六七八九十]+)[）)]", best)
        # the amount set for the item by its number in a later paragraph ("有前款第二项、第三项、第四项…行为之一，处所需
        # 处置费用三倍以上五倍以下的罚款"), else the amount of the lead before it
        later = [x for x in spans if num and AMOUNT.search(x) and re.search(rf"第{num.group(1)}项", x)]
        head = later[0] if later else next(
            (x for x in spans if AMOUNT.search(x) and 0 <= text.find(x) < text.find(best)), "")
        return f"{best}{head}" if later else (f"{head}{best}" if head and best not in head else best)
    return _amount_sentence(question, text, terms)[1]


def _amount_sentence(question: str, text: str, terms: list[str]) -> tuple[float, str]:
    """The sentence of an article that states an amount and speaks most of the question, with its score."""
    spans = [text[a:b].strip() for a, b in sentences(text)]
    return max(((sentence_score(question, x, terms), x) for x in spans if AMOUNT.search(x)), default=(0.0, ""))


def with_recourse(kb: KnowledgeBase, question: str, ans: Answer) -> Answer:
    """"楼下饭店油烟熏得人受不了，能管吗？": the rule the conduct breaks, then the article of the same law that punishes it
    (who acts and the fine), both cited; the rule alone otherwise."""
    if not (_RECOURSE.search(question) or _LEGAL.search(question)) or not ans.found or ans.items or not ans.citations \
            or ans.note \
            or ans.type in ("metadata", "lookup", "refusal"):
        return ans
    duty = ans.citations[0]
    duty.quote = duty.quote or ans.text
    linked = penalty_answer(kb, question, ans)
    if linked is None or not linked.items:
        return ans
    penalty = linked.citations[0]
    citations = [duty, penalty, *(h for h in ans.citations[1:] if h.clause_id != penalty.clause_id)]
    items = [AnswerItem(ans.text, 1), *(AnswerItem(i.text, 2) for i in linked.items)]
    if linked.text != "\n".join(i.text for i in linked.items):
        items.insert(1, AnswerItem(linked.text.split("\n", 1)[0], 2))  # the penalty's lead (who, how much)
    out = Answer(True, "\n".join(i.text for i in items), citations, ans.question, "", ans.confidence,
                 type="list", items=items)
    return out


# "能不能…", "可以…吗": whether a conduct is allowed. Asked without a word of penalty, the rule that forbids or
# limits the conduct answers, not the article that punishes it nor a duty around it.
# ("…，法律上是明令禁止的吗？": whether the law bans it, asked of the ban)
_MAY = re.compile(r"能不能|能否|可不可以|可否|能[^，。？?]{1,20}吗|可以[^，。？?]{1,20}吗|允许[^，。？?]{0,20}吗|行不行|行吗|"
                  r"(?:是不是|是否|是)(?:被)?(?:明令|明确|法律)?禁止|禁止[^，。？?]{0,4}吗")
_FORBIDS = re.compile(r"禁止|不得|严禁|不准|不许|只准|只允许|只能|仅限")
# "要办取水许可证吗", "需不需要审批": whether a duty binds; the rule that lays it down (and its exception) answers.
_NEED = re.compile(r"要不要|需不需要|用不用|需要[^，。？?]{1,20}吗|要[^，。？?]{1,20}吗|必须[^，。？?]{1,20}吗|"
                   r"得[^，。？?]{1,12}吗")
_BINDS = re.compile(r"应当|必须|须|除外")
# "…能投诉吗", "有人管吗", "能不能管": the asker's recourse against a conduct, not whether the conduct is allowed;
# the rule the conduct breaks answers as the question's best sentence does.
_RECOURSE = re.compile(r"(?:能|可以|可不可以|能不能|能否|有人|谁)(?:向[^，。？?]{1,8})?(?:投诉|举报|管|反映|报警|起诉|告|制止)")


# "…，这合法吗", "…是不是违法的": whether a conduct told before is lawful, asked as a judgement of it.
_LEGAL = re.compile(r"[，,。\s]*(?:请问)?(?:这样做|这么做|这种行为|这种情况|这样|这个|这种|这|他们|他|她|对方|它)?"
                    r"(?:是不是|算不算|算是|是否|算|属于)?(?:合法|违法|违规|犯法|违反规定|违反法律|允许)(?:的|行为)?"
                    r"(?:吗|么|呢|不)?[？?。！!]*$")
# Where an act begins in a told conduct: a denial, a manner, a place or object marker.
_ACT_START = re.compile(r"不|没有?|未|直接|随意|随便|擅自|私自|偷偷|还在|正在|在|往|把|将|向|乱|从")
# The clause of a conduct told before a judgement is asked: at most this many characters are read as the act.
_LEGAL_ACT_CHARS = 24


def as_may(question: str) -> str:
    """"村边养猪场的粪水不处理直接排到沟里，臭得不行，这合法吗？" asks what "能不能把粪水直接排到沟里" asks: the question
    put as a 能不能 question about its first clause (what follows it, 臭得不行, tells the effect), or unchanged."""
    m = _LEGAL.search(question)
    if m is None or m.start() < 4:
        return question
    told = re.split(r"[，,；;。]", question[:m.start()])[0][:_LEGAL_ACT_CHARS]
    # who or what does it comes first ("村边养猪场的粪水"), the act from its first adverb or preposition on
    verb = _ACT_START.search(told, 2)
    who, act = (told[:verb.start()], told[verb.start():]) if verb else ("这种情况", told)
    return f"{who}能不能{act}？" if len(act) >= 2 else question


# How far down retrieval's ranking a ban of the top clause's own text is looked for, when the question asks whether a
# conduct is allowed (the ban is often a short sentence inside an article on other duties, ranked below them).
PERMISSION_POOL = 8
# An act word at least this rare (log idf over clauses: 污染 0.8, 排放 1.7, 直接 3.0) tells one act from another; set on
# the twenty-second trial and checked on the lay dev questions.
ACT_MIN_IDF = 2.5


def _rules_in(question: str, hits: list[Hit], rule: re.Pattern[str], terms: list[str]) -> list[tuple[float, Hit, str]]:
    """The sentences of the hits outside the 法律责任 chapter that state the rule, scored on the question."""
    out: list[tuple[float, Hit, str]] = []
    for h in hits:
        if in_liability_chapter(h):
            continue
        spans = [h.text[a:b].strip() for a, b in sentences(h.text)]
        for i, x in enumerate(spans):
            score = sentence_score(question, x, terms) if rule.search(x) else 0.0
            if score > 0:
                # the exception that follows the rule goes with it ("但是，家庭生活…少量取水的除外")
                nxt = spans[i + 1] if i + 1 < len(spans) and re.match(r"但是|但", spans[i + 1]) else ""
                out.append((score, h, x + nxt))
    return out


def _may_terms(question: str) -> list[str]:
    # the legal words for the question's lay words weigh too ("卖给收破烂的": 提供…给无许可证的…其他生产经营者)
    terms = [t for t in content_terms(question) if not t.isdigit()]
    return terms + [t for t in legal_terms(question) if t not in terms]


def act_ban(kb: KnowledgeBase, question: str, ans: Answer) -> Answer | None:
    """"养猪场的粪水能不能直接排到沟里": when no ban among the top clauses speaks of the act asked about (直接 …), the ban of
    the top clause's own text further down that does (畜禽条例 第二十条 "…未经处理，不得直接向环境排放", ranked seventh
    under articles on the same things' facilities: 第十三条 "…不得投入生产"); None otherwise."""
    if not ans.found or ans.items or not ans.citations or ASKS_PENALTY.search(question) or _RECOURSE.search(question):
        return None
    may = as_may(question)
    yes_no = YES_NO.match(may.strip())
    top = ans.citations[0]
    if not _MAY.search(may) or not yes_no or top.source == "lookup":
        return None
    # words nearly every rule uses (污染, 排放) tell no act apart
    act = [t for t in content_terms(yes_no.group(2)) if not t.isdigit() and kb.term_idf(t) >= ACT_MIN_IDF]
    if not act:
        return None

    def of_act(x: str) -> int:
        return sum(has_term(t, normalize_for_search(x)) for t in act)

    terms = _may_terms(question)
    shown = [ans.text] if not in_liability_chapter(top) and _FORBIDS.search(ans.text) else []
    if any(of_act(x) for x in shown) or any(of_act(r[2]) for r in _rules_in(question, ans.citations[:3], _FORBIDS, terms)):
        return None
    more = _further_in_law(kb, question, ans)
    found = [r for r in _rules_in(question, more, _FORBIDS, terms) if of_act(r[2])]
    if not found:
        return None
    best = max(found, key=lambda r: (of_act(r[2]), r[0]))
    return answered_by(ans, best[1], best[2], question)


def _further_in_law(kb: KnowledgeBase, question: str, ans: Answer) -> list[Hit]:
    """The top clause's law searched further down (PERMISSION_POOL deep), the clauses already on top left out."""
    have = {h.clause_id for h in ans.citations[:3]}
    found = kb.search(expand(question), k=PERMISSION_POOL, filters=DocFilter(doc_ids=[ans.citations[0].doc_id]))
    return [h for h in found if h.clause_id not in have]


def permission_answer(question: str, ans: Answer, kb: KnowledgeBase | None = None) -> Answer:
    """The sentence of a top clause outside the 法律责任 chapter that forbids (or requires) the conduct asked about,
    when the best sentence is a penalty or states no rule; the answer is otherwise left as it is."""
    if not ans.found or ans.items or not ans.citations or ASKS_PENALTY.search(question):
        return ans
    if _RECOURSE.search(question):
        return ans
    rule = _FORBIDS if _MAY.search(as_may(question)) else _BINDS if _NEED.search(question) else None
    top = ans.citations[0]
    # (a rule already given goes on to its exception when the article states one after it: "…申请领取取水许可证…。但是，
    # 家庭生活…少量取水的除外")
    excepted = bool(re.search(r"[。；]\s*但是?[，,]?[^。]*除外", top.text)) and "除外" not in ans.text
    if rule is None or top.source == "lookup" or (not in_liability_chapter(top) and rule.search(ans.text)
                                                  and not excepted):
        return ans
    terms = _may_terms(question)
    rules = _rules_in(question, ans.citations[:3], rule, terms)
    if not rules and kb is not None and all(in_liability_chapter(h) for h in ans.citations[:3]):
        # only penalties on top ("环评报告还没批下来…先把地基打了，行不行" and 第三十二条 on false reports): the rule of
        # the top law further down (第二十五条 "…未予批准的，建设单位不得开工建设")
        rules = _rules_in(question, _further_in_law(kb, question, ans), rule, terms)
    best = max(rules, key=lambda r: r[0], default=None)
    if best is not None:
        # Within the law that answers, the rule naming most of the question: "缓冲区可以进入吗" is settled by "缓冲区，
        # 只准进入从事科学研究观测活动", not by a ban on 旅游 there. A word of the law's title is said by each of its
        # sentences ("自然保护区" in 自然保护区条例).
        def named(r: tuple[float, Hit, str]) -> tuple[int, float]:
            return sum(t in r[2] or t in r[1].doc_title for t in terms), r[0]

        best = max((r for r in rules if r[1].doc_id == best[1].doc_id), key=named)
    if best is not None and not _MAY.search(question) and best[1].doc_id != top.doc_id:
        # asked only whether it is lawful ("…在电钻，违法吗"): the law that speaks of the conduct answers, not another law's
        # ban that shares a word (清洁生产促进法 on 装修材料)
        return ans
    return answered_by(ans, best[1], best[2], question) if best is not None else ans


_NAMED = re.compile(r"[^\W\d_]{4,}|[A-Za-z][A-Za-z0-9.]+")
# "每天晚上", "周末早上": when a thing happens, no name of a thing
_WHEN_WORDS = re.compile(r"(?:每天|每晚|每周|每月|天天|晚上|早上|上午|下午|夜里|半夜|白天|中午|周末|平时|经常|一直|总是|"
                         r"现在|最近)+")


def _as_asked(term: str, question: str) -> str:
    """The term as the question spells it ("GDP", not the normalized "gdp"; "结束", which the traditional-to-simplified
    table normalizes to "結束")."""
    n = len(term)
    return next((question[i:i + n] for i in range(len(question) - n + 1)
                 if normalize_for_search(question[i:i + n]) == term), term)


# Words ending like a law's name that are not names: methods, lawful/unlawful, legislation.
# Words that judge a conduct by the law ("…扰民违法"): a phrase ending in one is no law's name either.
_JUDGED_ENDS = ("违法", "非法", "合法", "犯法", "守法", "执法")
_NOT_A_LAW = {"方法", "办法", "做法", "说法", "想法", "看法", "用法", "写法", "手法", "算法", "疗法", *_JUDGED_ENDS,
              "依法", "立法", "司法", "不法", "国法", "宪法", "大法", "新法", "旧法", "本法", "该法",
              "此法", "上位法", "下位法", "实施办法", "管理办法", "暂行办法", "具体办法"}
_LAW_WORD = re.compile(r"[\u4e00-\u9fff]{1,14}(?:法典|法|条例)")
_RULES_WORD = re.compile(r"[\u4e00-\u9fff]{4,18}(?:办法|规定|细则)")
# The kinds of text a title quoted in 《》 may end with, besides laws and rules.
_TITLE_END = re.compile(r"(?:名录|目录|标准|规范|指南|清单|意见|通知|方案|规划|决定|解释|纲要|公告|导则|技术规范)$")
_LED_NAME = re.compile(r"(?:^|[按据照依在，,；;])([\u4e00-\u9fff]{3,18}?(?:法|条例|办法|细则))"
                       r"(?=规定|对|里|中|关于|第|要求|怎么|如何|怎样|罚|处罚|[，,？?]|$)")
# words of a question, not of a name ("什么办法", "怎么处理的方法")
_ASKING_IN_NAME = re.compile(r"什么|怎么|怎样|如何|哪些|哪个|有没有|是不是|这个|那个|有关|相关|具体")


# National laws named in two characters (a two-character word ending in 法 is otherwise a method: 办法, 方法, 做法),
# and the civil code.
_TWO_CHARACTER_LAWS = frozenset({"刑法", "宪法", "民法", "民法典"})


def unknown_document(question: str, kb: KnowledgeBase) -> str:
    """The name of a law or regulation the question refers to that the library does not hold ("土地管理法",
    "《森林法》"), or "". A word is a name when the segmenter keeps it whole (its dictionary holds the
    national laws) or the question quotes it in 《》; a part of a held title ("防治法") is not one."""
    quoted = re.findall(r"《([^》]{2,40})》", question)
    words = [w for w in segment(question) if (_LAW_WORD.fullmatch(w) and len(w) >= 3) or w in _TWO_CHARACTER_LAWS]
    # a name that opens the question or follows 按/根据/依照 and is followed by how it is referred to ("可再生能源法规定的…",
    # "节约用水条例对…", "按固定资产投资项目节能审查办法，…"), which the segmenter cuts ("法规", "定")
    # ("违反危险废物经营许可证管理办法，…": the act of breaching it is no part of the name)
    led = [re.sub(r"^(?:按照|根据|依据|依照|按|在|违反|违背|不符合|符合)", "", m.group(1)) for m in _LED_NAME.finditer(question)]
    names = [*quoted, *_local_law_names(question), *words, *led]
    # "食品安全法": the whole name, not the part the segmenter cut off ("安全法")
    names = [n for n in names if not any(n != m and n in m for m in names)]
    for name in names:
        bare = re.sub(r"^中华人民共和国", "", name)
        titled = name in quoted and bool(_TITLE_END.search(bare))  # 《国家危险废物名录》: any kind of text, in 《》
        if bare in _NOT_A_LAW or not (_LAW_WORD.fullmatch(bare) or _RULES_WORD.fullmatch(bare) or titled) \
                or _ASKING_IN_NAME.search(bare):
            continue
        if not titled and bare.endswith(_JUDGED_ENDS):
            continue  # "工地晚上施工扰民违法，罚多少": a conduct judged unlawful, not a law's name
        if kb.resolve_documents(bare) or any(abbreviates(bare, d.title) for d in kb.documents):
            continue  # a held title, or an abbreviation of one ("环保法"), even when two titles fit it
        return bare
    return ""


_LOCAL_LAW = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:省|市|县|自治区|自治州)[\u4e00-\u9fff]{2,16}?(?:条例|办法|规定|细则)")
_PLACE_END = ("省", "市", "县", "自治区", "自治州")


def _local_law_names(question: str) -> list[str]:
    """Names of local regulations a question refers to unquoted ("太原市扬尘污染防治条例对…"): from the place
    word the segmenter finds (太原市) to 条例 or 办法."""
    out = []
    for m in _LOCAL_LAW.finditer(question):
        if m.group(0).endswith(("规定", "细则")) and re.search(r"对|有|的|关于|怎么|如何|哪些", m.group(0)):
            continue  # "山西省对秸秆焚烧的规定": what the province rules, asked of, not a text's name
        toks = segment(m.group(0))
        start = next((i for i, t in enumerate(toks) if len(t) >= 3 and t.endswith(_PLACE_END)), None)
        if start is not None:
            out.append("".join(toks[start:]))
    return out


# How the notes that caution an answer begin: the documents never use a word of the question, or no retrieved
# clause addresses its object (the evaluation counts answers carrying either).
NOT_USED = "文件中没有出现"
NOT_ADDRESSED = "文件中未找到针对"
NOT_HELD = "文档库中没有"  # the laws that govern what the question names are not in the library
NOT_STATED = "文件中未规定具体"  # the amount asked in a unit (多少天) is stated by no retrieved clause
NOT_IN_ANSWER = "最接近的条款没有提到"  # another cited clause names what the question asks about
CAUTIONS = (NOT_USED, NOT_ADDRESSED, NOT_HELD, NOT_STATED, NOT_IN_ANSWER)


# How close (score ratio) the named document's best clause must rank to a report's to answer in its own words.
OWN_WORDS_RATIO = 0.8
_ASKS_REQUIREMENT = re.compile(r"(?:有什么|有哪些|提出了?什么|提出了?哪些|什么样的)(?:要求|规定|目标|任务|措施|部署)|"
                               r"怎么(?:要求|规定|部署)")
# How close (score ratio) a clause using the question's rarest word must rank to answer instead of the best one.
KEY_SWITCH_RATIO = 0.8


def _sanctions_holder(kb: KnowledgeBase | None, key: str, citations: list[Hit]) -> bool:
    """The answer is a penalty article punishing a cited duty that holds the word: naming it by number ("违反本办法第二十
    条规定的") or repeating its rule ("在公共场所…违反规定使用音响器材产生过大音量" for 第六十四条 on 街道、广场…)."""
    top = citations[0]
    for h in citations[1:]:
        if h.doc_id != top.doc_id or not holds(key, h):
            continue
        if (n := article_number(h)) is not None and cites_article(top.text, n):
            return True
        if kb is not None and any((p := penalty_of_rule(kb, h, x)) is not None and p.clause_id == top.clause_id
                                  for x in (h.text[a:b] for a, b in sentences(h.text)) if has_term(key, x)):
            return True
    return False


# Word classes that name no object of their own ("有人" in "有人管吗": pronouns, adverbs, function words).
_NO_OBJECT_FLAGS = ("r", "d", "p", "c", "u")


# The people of the asker's own works ("老板想先把地基打了"): who wants the act, no object of it.
_WORKS_PEOPLE = r"老板|厂长|经理|车间主任|领导|负责人"


def unnamed_object(kb: KnowledgeBase | None, question: str, ans: Answer) -> Answer:
    """A one-sentence answer that lacks the question's rarest term while another retrieved clause uses it
    ("焦化企业…多远" answered by a sentence on 尾矿库) speaks of a different object: it is kept as the
    closest provision, and the answer says the documents state nothing on the object asked about."""
    if not ans.found or ans.items or not ans.citations or ans.citations[0].source == "lookup":
        return ans
    key = held_key(question, ans.citations[:5], kb)
    if key and all(f.startswith(_NO_OBJECT_FLAGS) for _w, f in tagged(key)):
        key = ""  # "有人管吗": no object asked about
    if re.fullmatch(rf"{PARTY_HEAD}|[我本全各][省市县区镇乡村]|{_WORKS_PEOPLE}", key):
        # "企业…" answered by a rule for 建设单位, "我县…" by a county's notice: a bare kind of party or the
        # asker's own place names no object of its own
        key = ""
    if key and unstated_indicator(question, ans.text):
        key = ""  # "2025年畜禽粪污综合利用率目标是多少": the indicator asked by name is what the answer must state
    if key and _FORBIDS.search(key) and _MAY.search(question):
        key = ""  # "…是明令禁止的吗": the ban asked about is the answer's kind, not an object of it
    if key and not has_term(key, normalize_for_search(ans.text)) and not holds(key, ans.citations[0]) \
            and not _abbreviates(key, ans.text) \
            and not _names_document(key, ans.citations[0], kb) and not _sanctions_holder(kb, key, ans.citations):
        top = ans.citations[0].score
        # asked whether a conduct is allowed and answered by the rule on it, a penalty that shares the word is no better
        # answer ("环评报告还没批下来…先把地基打了，行不行": 第二十五条, not 第三十二条 on false reports)
        ruled = _MAY.search(as_may(question)) is not None and not in_liability_chapter(ans.citations[0]) \
            and _FORBIDS.search(ans.text) is not None
        # asked for a penalty and answered by one, a rule that uses the word is no answer to it ("设施还没建好就先进猪了，
        # 罚多少": 第三十九条, not 第十三条's duty to build)
        fined = bool(ASKS_PENALTY.search(question)) and in_liability_chapter(ans.citations[0])
        # a sanction asked by name ("能拘留人吗") is answered by a penalty article that names it, wherever it ranks
        # in the first five: 环保法 第六十三条 (拘留), not 第六十条 (限产停产) that shares the breach
        sanction = bool(SANCTIONS.fullmatch(key))
        # ("监测原始记录、环境管理台账要留几年": an answer stating the years asked is not traded for a clause that names
        # the other record and no years)
        unit = asked_unit(question)
        kept = unit is not None and unit.search(ans.text) is not None
        alt = next((h for h in ans.citations[1:5 if sanction else 3] if h.source != "lookup"
                    and (h.score >= KEY_SWITCH_RATIO * top or (sanction and in_liability_chapter(h)))
                    and has_term(key, normalize_for_search(h.text))
                    and not (kept and unit is not None and not unit.search(h.text))
                    # ("环保设施还没验收就先让病人住进去了": the article on the act left undone, 未经验收, is not traded for one
                    # that only names the patients)
                    and negations_kept(question, h.text) >= negations_kept(question, ans.citations[0].text)
                    and not (ruled and in_liability_chapter(h)) and not (fined and not in_liability_chapter(h))), None)
        if alt is not None:
            # "…终止经营要办理什么手续": a clause ranked close below that uses the question's rarest word answers
            # it; the best one speaks of another act (变更法人名称) with the question's common words.
            spans = [x for x in (alt.text[a:b].strip() for a, b in sentences(alt.text))
                     if has_term(key, normalize_for_search(x))]
            sent = max(spans, key=lambda x: sentence_score(question, x)) if spans else ""
            if sent:
                # a list item is shown with the sentence that introduces the list (its penalty, its party)
                lead = item_lead(alt.text, alt.text.find(sent))
                return answered_by(ans, alt, lead + sent, question)
        holders = [n for n, h in enumerate(ans.citations[:5], 1) if n > 1 and h.source != "lookup" and holds(key, h)]
        shown = _as_asked(key, question)
        if holders:
            # "楼上装修…能投诉吗" answered by 第七十条 while 第六十六条[4] speaks of 装修: saying the documents never
            # address it would be false; the clause that names it is pointed to, whether or not it answers
            ans.note = f"{NOT_IN_ANSWER}“{shown}”；[{holders[0]}]提到了“{shown}”，请核对是否对应您的问题。"
        else:
            ans.note = f"{NOT_ADDRESSED}“{shown}”的明确规定，以下是最接近的条款（其中没有提到“{shown}”）。"
    elif (gap := unstated_indicator(question, ans.text)) and not ans.note:
        # A retrieved sentence that names the indicator with a figure answers instead; else the answer is cautioned.
        named = next(((h, x) for h in ans.citations[1:5] if h.source != "lookup"
                      for x in (h.text[a:b].strip() for a, b in sentences(h.text))
                      if re.search(r"\d", x) and not unstated_indicator(question, x)
                      and all(y in x for y in YEAR.findall(question))), None)  # and for the year asked
        if named is not None:
            answered_by(ans, *named, question)
        else:
            when = "、".join(dict.fromkeys(YEAR.findall(question)))
            when = f"{when}年" if when else ""
            shown = _as_asked(gap, question)
            ans.note = f"{NOT_ADDRESSED}{when}“{shown}”的明确规定，以下是最接近的条款，请核对是否对应您的问题。"
    elif (thing := asked_thing(question)) and not ans.note and not has_term(thing, normalize_for_search(ans.text)) \
            and not holds(thing, ans.citations[0]):
        # "光伏扶贫电站的补贴标准是多少", "新能源汽车购置有什么补贴": what is asked for (补贴) is in no sentence shown;
        # the closest target is not an answer to it.
        shown = _as_asked(thing, question)
        ans.note = f"{NOT_ADDRESSED}“{shown}”的明确规定，以下是最接近的条款（其中没有提到“{shown}”）。"
    elif (unit := asked_unit(question)) is not None and not unit.search(ans.text) and not ans.note:
        # "竣工后多少天内要完成验收": the closest clause states the duty but no period; the answer says so rather
        # than leave the official to look for a figure that is not there.
        ans.note = f"{NOT_STATED}{asked_unit_name(question)}，以下是最接近的条款，请核对是否对应您的问题。"
    elif kb is not None and not ans.note:
        # "山西GDP要达到多少": a subject word that no clause of the library uses (nor a synonym of it) cannot
        # be what the closest sentence is about; the user is told which word the documents never mention.
        # Only names of things (four or more characters, or a Latin abbreviation such as GDP): short lay
        # words ("出门", "以后", "按规定") are missing from every law and say nothing about the subject.
        # (an idiom jieba reads across words of asking, "能不能自己" as 不能自己, names no thing)
        idioms = {w for w, f in tagged(question) if f in ("i", "l") and re.search(r"[不没能可会要]", w)}
        absent = [t for t in subject_terms(question) if _NAMED.fullmatch(t) and not _WHEN_WORDS.fullmatch(t)
                  and t not in idioms
                  and not re.fullmatch(_WORKS_PEOPLE, t) and not kb.uses_term(t)]
        if absent:
            words = "、".join(f"“{_as_asked(t, question)}”" for t in absent[:3])
            ans.note = f"{NOT_USED}{words}，以下是最接近的条款，请核对是否对应您的问题。"
    return ans


# What a question asks for by name: "…的补贴标准是多少" (补贴), "…有什么补贴" (补贴). Words that ask for any content
# of a provision (要求, 规定, 措施 …) name no thing of their own.
_ASKED_THING = re.compile(r"(?:的|\d年)([\u4e00-\u9fff]{2,4}?)(?:标准|金额|额度)?(?:分别|各自|各|大概|大约|一般)?"
                          r"(?:是多少|为多少|有多少|是几)|"
                          r"有(?:什么|哪些|何)([\u4e00-\u9fff]{2,4})[？?]?$")
_ANY_CONTENT = re.compile(r"要求|规定|措施|政策|内容|标准|条件|任务|目标|办法|举措|作用|意义|影响|区别|变化|特点|"
                          r"说法|讲究|规矩|看法|责任|义务|职责|程序|手续|流程|限制|后果|处罚|好处|优势|问题|方面|情况|依据|计划|安排|重点")


def asked_thing(question: str) -> str:
    """The thing a question asks for by name, "" when it asks for a provision's content in general."""
    m = _ASKED_THING.search(question.strip())
    if not m:
        return ""
    thing = m.group(1) or m.group(2)
    return "" if _ANY_CONTENT.search(thing) or _INDICATOR_END.search(thing) else thing


_INDICATOR_END = re.compile(r"率$|比例$|比重$|占比$|浓度$|面积$|数量$|总量$|规模$|时间$|日期$|年限$|期限$|时限$|期间$|天数$")


def answered_by(ans: Answer, hit: Hit, sent: str, question: str) -> Answer:
    """The answer given by another retrieved clause's sentence, that clause cited first."""
    hit.quote, hit.marks = sent, term_spans(question, sent)
    ans.text = sent
    ans.citations = [hit, *(h for h in ans.citations if h is not hit)]
    return ans


# A rate or share asked for by name ("重污染天数比率的目标是多少"): the named indicator, before the asking words.
_INDICATOR = re.compile(r"([\u4e00-\u9fff]{2,16}?(?:率|比例|比重|占比))(?:的?(?:目标|指标))?(?:到?\d{4}年(?:底|末)?)?"
                        r"(?:要|需要|应当?|将|达到|提高到|提升到|降低到|下降到|控制在|不低于|不高于|是|为|呢|有)")
# The texts call one share by any of these names ("非化石能源比重" / "占比").
_SHARE = re.compile(r"比率|比例|比重|占比")
# Where the indicator is counted ("山西省", "全市"), not what it counts; "整县" (a whole county) is part of a name.
_PLACE_WORD = re.compile(r"[\u4e00-\u9fff]{2,}[省市县区]|全[省市县区]|各地|各设区市")


def unstated_indicator(question: str, text: str) -> str:
    """The rate or share a question asks for by name when the answer sentence does not name it: every word of
    the name but places and years must be in the sentence, any of 比率/比例/比重/占比 standing for the others
    ("重污染天数比率" is not "优良天数比例"). "" when the question names no indicator or the sentence names it."""
    m = _INDICATOR.search(question)
    if not m:
        return ""
    name = m.group(1).lstrip("年")  # "2035年美丽乡村…": the year's 年 is read as part of the name
    said = _SHARE.sub("比例", normalize_for_search(text))
    words = [t for t in content_terms(_SHARE.sub("比例", name)) if not t.isdigit() and not _PLACE_WORD.fullmatch(t)]
    if not words or all(t in said for t in words):
        return ""
    return name


def _unspoken(kb: KnowledgeBase, doc_ids: list[str], question: str) -> list[str]:
    """The question's subject words when the named documents use none of them and some other text of the library
    does ("大气污染防治法对噪声…"); empty when the documents use any of them (a question in lay words shares
    only some with the text that answers it)."""
    # the clauses' search texts, normalised once per index (KnowledgeBase.norm_text), not the whole text per question
    texts = [kb.norm_text(c.clause_id) for d in (kb.document(i) for i in doc_ids) if d is not None for c in d.clauses]
    terms = [t for t in subject_terms(question) if len(t) >= 2 and not t.isdigit()]
    if not texts or not terms or any(_spoken(t, x) for t in terms for x in texts):
        return []
    return [t for t in terms if kb.uses_term(t)]


def _spoken(term: str, text: str) -> bool:
    """The text uses the term, or a longer word of the same ends ("突然性事件" for 突发事件)."""
    if has_term(term, text):
        return True
    return len(term) >= 3 and re.search(re.escape(term[0]) + r"[^，。；\n]{0,4}" + re.escape(term[-1]), text) is not None


def _names_document(term: str, hit: Hit, kb: KnowledgeBase | None) -> bool:
    """The term names the document itself, by its title or its issuer ("晋中市…什么时候前淘汰" answered from the 晋中市
    notice, whose text says 全市)."""
    doc = kb.document(hit.doc_id) if kb is not None else None
    return any(term in n for n in [hit.doc_title, *(issuers_of(doc) if doc is not None else [])])


def _asked_as(ans: Answer, question: str) -> Answer:
    ans.question = question
    return ans
