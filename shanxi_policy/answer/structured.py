"""Answers shaped by the question: lists of the policy's own sentences, parts of a whole, comparisons.

Every item is a verbatim sentence (or enumerated item, or sub-heading) of a retrieved clause and is
cited [n] to Answer.citations[n - 1]. Nothing is paraphrased.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from ..index.units import sentences
from ..ingest.docmeta import SECONDARY_TYPES
from ..models import Answer, AnswerItem, AnswerTable, Hit, Section
from ..norms.liability import (
    amounts_for,
    first_item,
    listed_cases,
    opening_cases,
    penalty_clause,
    repeating_clause,
    under_liability,
)
from ..text.markers import ENUM_START, cn_to_int, without_article_no
from ..text.normalize import normalize_for_search
from ..text.tokenize import content_terms, readings
from .extract import _variants, sanction_unasked, sentence_score, source_above_report, term_spans
from .lexicon import expand, legal_terms, legal_terms_of
from .qtype import ASKS_CONSEQUENCE, ASKS_PENALTY, PENALTY_WORDS, WITHOUT_PAPER, YEAR, in_liability_chapter, other_than_unpapered

if TYPE_CHECKING:
    from ..kb import KnowledgeBase

MAX_ITEMS = 8  # sentences kept from a clause the question narrows down
MAX_BODY = 16  # sentences kept from a clause given whole
MAX_CLAUSES = 3
# Clauses that hold every term of the question may join up to this many; each adds only the few
# sentences on the question's rarest term that the clause headings do not already name.
MAX_JOINED_CLAUSES = 5
MAX_KEYED = 3
# ... and only when it scores at least this share of the best clause (chosen on the dev set).
JOIN_CLAUSE_RATIO = 0.45
# A second clause joins an open answer when it scores this close to the first one (chosen on the dev set; lower
# values let whole articles that only share the question's words into list answers).
SECOND_CLAUSE_RATIO = 0.85
_ENUM = re.compile(r"(?:(?<=[。；;：:\n])|^)\s*(?:[（(]([一二三四五六七八九十]+|\d{1,2})[）)]|([一二三四五六七八九十]+)是|"
                   r"([①②③④⑤⑥⑦⑧⑨⑩]))")
_HEAD_PUNCT = "。；;：:，, \u3000"


def _norm(s: str) -> str:
    return normalize_for_search(s)


def has_term(term: str, text_norm: str) -> bool:
    return any(v in text for text in readings(text_norm) for v in _variants(term))


# A reporter's or editor's name in brackets, a sentence of its own in a news text.
_BYLINE = re.compile(r"[（(](?:记者|通讯员|实习生|编辑)?[\u4e00-\u9fff]{2,4}[）)]")


def body_sentences(hit: Hit) -> list[str]:
    """The clause's sentences, without the heading sentence that only repeats the clause title."""
    out = []
    title = hit.path[-1] if hit.path else ""
    for s, e in sentences(hit.text):
        sent = hit.text[s:e].strip()
        if not sent:
            continue
        bare = sent.rstrip(_HEAD_PUNCT)
        if title and bare and (bare == title.rstrip(_HEAD_PUNCT) or (len(bare) <= len(title) + 1 and bare in title)):
            continue
        if _BYLINE.fullmatch(sent):
            continue  # "（武佳）": a reporter's name closing a news paragraph says nothing
        out.append(sent)
    return out


def focus_terms(question: str, hit: Hit) -> list[str]:
    """Question terms the clause heading does not already cover: what the question narrows down to."""
    head = _norm(" ".join(hit.path))
    return [t for t in content_terms(question) if not t.isdigit() and not has_term(t, head)]


# A paragraph that opens with a sentence this short ("强化夏季臭氧和秋冬季攻坚。") is headed by it.
HEAD_MAX = 20


def heading_blocks(text: str) -> list[tuple[str, list[str]]]:
    """The headed blocks of a passage: a paragraph opening with a short sentence ending in 。 heads the
    sentences up to the next such paragraph. None unless at least two follow the introduction."""
    blocks: list[tuple[str, list[str]]] = []
    for i, para in enumerate(p.strip() for p in text.split("\n")):
        sents = [para[s:e].strip() for s, e in sentences(para) if para[s:e].strip()]
        if not sents:
            continue
        first = sents[0]
        if i > 0 and len(first) <= HEAD_MAX and first.endswith("。") and not re.match(r"第.{1,8}条", first):
            blocks.append((first, sents[1:]))
        elif blocks:
            blocks[-1][1].extend(sents)
    return blocks if len(blocks) >= 2 else []


def with_blocks(text: str, picked: list[str]) -> list[str]:
    """Picked sentences, each heading among them followed by the sentences it heads."""
    blocks = dict(heading_blocks(text))
    out: list[str] = []
    for s in picked:
        for x in [s, *blocks.get(s, [])]:
            if x not in out:
                out.append(x)
    return out


def _head_weight(terms: list[str], heading: str) -> float:
    norm = _norm(heading)
    return sum(min(len(t), 4) for t in terms if has_term(t, norm))


def matched_blocks(question: str, hit: Hit) -> list[str]:
    """The blocks whose headings share most of the question's focus terms, heading and body in order."""
    focus = focus_terms(question, hit)
    blocks = heading_blocks(hit.text)
    if not focus or not blocks:
        return []
    weights = [_head_weight(focus, h) for h, _body in blocks]
    best = max(weights)
    if best <= 0:
        return []
    return [x for (h, body), w in zip(blocks, weights, strict=True) if w == best for x in (h, *body)]


def relevant_sentences(question: str, hit: Hit, whole: bool = False) -> list[str]:
    """Sentences of a clause that answer an open question, in document order.

    When the question narrows a policy clause down ("城乡建设领域对建筑有什么要求" inside the clause on
    城乡建设), the sentences that mention the narrowing terms; otherwise the whole body. A law article
    (whole=True) is one norm and is always given whole.
    """
    body = body_sentences(hit)
    if not body or whole:
        return body[:MAX_BODY]
    # A passage made of headed blocks ("加大执法监管和监督帮扶。狠抓…"): the block the question names, whole.
    block = matched_blocks(question, hit)
    if block:
        return block[:MAX_BODY]
    focus = focus_terms(question, hit)
    if focus:
        picked = [s for s in body if any(has_term(t, _norm(s)) for t in focus)]
        # One matching sentence in a short clause: the question names the goal, the rest are the means.
        if len(picked) >= 2 or (picked and len(body) > MAX_ITEMS):
            body = picked
        if len(body) > MAX_ITEMS:
            terms = content_terms(question)
            scored = sorted(range(len(body)), key=lambda i: (-sentence_score(question, body[i], terms), i))
            body = [body[i] for i in sorted(scored[:MAX_ITEMS])]
    return body[:MAX_BODY]


def heading_cover(question: str, hit: Hit) -> float:
    """Share of the question's terms found in the clause's headings (its path)."""
    terms = [t for t in content_terms(question) if not t.isdigit()]
    if not terms:
        return 0.0
    head = _norm(" ".join(hit.path))
    return sum(1 for t in terms if has_term(t, head)) / len(terms)


def by_heading(question: str, hits: list[Hit], n: int = 3) -> list[Hit]:
    """The top hits, the ones whose headings name the question's subject first (stable by rank)."""
    top = hits[:n]
    best = max((heading_cover(question, h) for h in top), default=0.0)
    if best <= 0:
        return top
    return sorted(top, key=lambda h: -int(heading_cover(question, h) == best))


def enumerated_items(text: str) -> tuple[str, list[str]]:
    """A lead-in and the items of an enumeration: （一）…（二）…, 一是…二是…, ①…②…."""
    marks = list(_ENUM.finditer(text))
    if len(marks) < 2:
        return "", []
    lead = text[: marks[0].start()].strip()
    items = []
    for m, nxt in zip(marks, [*marks[1:], None], strict=True):
        items.append(text[m.start() : nxt.start() if nxt else len(text)].strip())
    return lead, [i for i in items if i]


def sub_headings(text: str) -> list[str]:
    """Paragraphs that each open with a short heading sentence (or are one), after an introduction:
    the headings. A long paragraph is accepted only as the body of a standalone heading before it."""
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    if len(paras) < 4:
        return []
    heads: list[str] = []
    standalone = False
    for p in paras[1:]:
        first = re.split(r"(?<=[。！？；])", p, maxsplit=1)[0]
        if len(first) <= 30:
            heads.append(first.rstrip("。；"))
            standalone = len(first) == len(p)
        elif standalone:
            standalone = False
        else:
            return []
    return heads if len(heads) >= 3 else []


def cite_number(citations: list[Hit], hit: Hit) -> int:
    for i, h in enumerate(citations):
        if h.clause_id == hit.clause_id:
            return i + 1
    citations.append(hit)
    return len(citations)


def _joined(sents: list[str]) -> str:
    return "".join(x if x[-1:] in "。；！？;：:" else x + "；" for x in sents if x)


def renumber(items: list[AnswerItem], citations: list[Hit], also: list[int] | None = None) -> tuple[list[Hit], dict[int, int]]:
    """Citations numbered in the order the answer first cites them (items, then the further sources in
    also), the hits it does not cite after them in their rank order; the items' numbers follow."""
    order: list[int] = []
    for n in [*(i.cite for i in items), *(also or [])]:
        if 0 < n <= len(citations) and n not in order:
            order.append(n)
    order += [n for n in range(1, len(citations) + 1) if n not in order]
    mapping = {old: new for new, old in enumerate(order, 1)}
    for i in items:
        i.cite = mapping.get(i.cite, i.cite)
    return [citations[n - 1] for n in order], mapping


def _finish(base: Answer, kind: str, items: list[AnswerItem], citations: list[Hit], lead_in: str = "",
            repeats: list[int] | None = None) -> Answer:
    citations, mapping = renumber(items, citations, repeats)
    if items:
        src = citations[items[0].cite - 1].text if 0 < items[0].cite <= len(citations) else ""
        if lead_in:
            lead_in = with_opening(lead_in, src)
        else:
            items = [AnswerItem(with_opening(items[0].text, src), items[0].cite, items[0].label), *items[1:]]
    text = "\n".join(([lead_in] if lead_in else []) + [i.text for i in items])
    first = citations[items[0].cite - 1] if items else None
    if first is not None:
        quote = _joined([i.text for i in items if i.cite == items[0].cite])
        if lead_in and without_article_no(first.text.strip()).startswith(lead_in):
            quote = lead_in + quote
        first.quote = quote
        first.marks = term_spans(base.question, quote)
    ans = Answer(True, text, citations, base.question, "", base.confidence, type=kind, items=items)
    if repeats:
        ans.note = further_sources_note([citations[mapping[n] - 1] for n in repeats], [mapping[n] for n in repeats])
    return ans


# A sentence part that goes on from the one before it ("拒不改正的，给予警告…" after "…说服教育，责令改正；").
_GOES_ON = re.compile(r"^(?:拒不改正|拒不停止违法行为|拒不停止建设|逾期不改正|逾期未改正|逾期仍未改正|情节严重|情节较重|情节较轻|"
                      r"造成严重后果)的[，,]")


def with_opening(part: str, text: str) -> str:
    """part with the sentence part before it in text when part only goes on from it: "拒不改正的，给予警告，…罚款："
    read alone says the fine comes first; "由地方人民政府指定的部门说服教育，责令改正；" comes before it."""
    if not _GOES_ON.match(part):
        return part
    i = text.find(part)
    if i <= 0 or text[i - 1] not in "；;":
        return part
    start = max(text.rfind(x, 0, i - 1) for x in "。\n：:") + 1
    before = without_article_no(text[start:i].strip())
    return before + part if before else part


def question_terms(question: str) -> list[str]:
    """The question's content terms, without what it sets aside ("除了申请表，还要…": the answer is the rest)
    and without the words that only join its parts (还要, 此外)."""
    out = [t for t in content_terms(question) if not t.isdigit() and not _FILLER.fullmatch(t)]
    aside = "".join(_ASIDE.findall(question))
    return [t for t in out if t not in aside] if aside else out


_ASIDE = re.compile(r"除了?([\u4e00-\u9fff、和及]{1,12}?)(?:以外|之外|外)?[，,还也]")
_FILLER = re.compile(r"还要|还需要?|还得|还应|还有|另外|此外|除了|以外|之外|上要")


def covers_all(question: str, hit: Hit) -> bool:
    """Every content term of the question (or a synonym) is in the clause or its headings."""
    return names_all(question, " ".join(hit.path) + "\n" + hit.text)


def names_all(question: str, text: str) -> bool:
    """Every content term of the question (or a synonym) is in the text."""
    terms = question_terms(question)
    norm = _norm(text)
    return bool(terms) and all(has_term(t, norm) for t in terms)


def key_term(terms: list[str], kb: KnowledgeBase | None) -> str:
    """The rarest of the terms over the library: what the question asks of a clause."""
    if not terms:
        return ""
    rarity = kb.term_idf if kb is not None else (lambda t: float(len(t)))
    return max(terms, key=lambda t: (rarity(t), len(t)))


def in_document_order(hits: list[Hit], kb: KnowledgeBase | None) -> list[Hit]:
    """Clauses of one document in the order the document has them; documents in the order first cited."""
    if kb is None:
        return hits
    first: dict[str, int] = {}
    for i, h in enumerate(hits):
        first.setdefault(h.doc_id, i)

    def pos(h: Hit) -> tuple[int, int]:
        c = kb.clause(h.clause_id)
        return first[h.doc_id], c.start if c is not None else 0

    return sorted(hits, key=pos)


# A sentence opening with a phrase this short before its first comma ("强化水污染防治，…") is headed by it.
INLINE_HEAD_MAX = 12


def is_article(hit: Hit, kb: KnowledgeBase | None = None) -> bool:
    """The clause is an article of a law or regulation (第X条): one norm, given whole."""
    clause = kb.clause(hit.clause_id) if kb is not None else None
    return clause.kind == "article" if clause is not None else bool(_ARTICLE_ID.search(hit.clause_id))


def inline_headed(question: str, hit: Hit, kb: KnowledgeBase | None = None) -> list[str]:
    """Sentences of a policy clause whose opening phrase ("强化水污染防治，持续开展…") names every term of the
    question that the document's title does not: the clause's own paragraph on the subject. None for a law
    article: its sentences are one norm ("纳税人申报缴纳时，…" continues "按月计算，按季申报缴纳")."""
    if is_article(hit, kb):
        return []
    title = _norm(hit.doc_title)
    terms = [t for t in question_terms(question) if not has_term(t, title)]
    if len(terms) < 2:
        return []
    out = []
    for s in body_sentences(hit):
        head = re.split(r"[，,：:]", s, maxsplit=1)[0]
        if len(head) <= INLINE_HEAD_MAX and head != s and all(has_term(t, _norm(head)) for t in terms):
            out.append(s)
    return out


# "…有哪些义务": the duties of the one named, read from the norms (应当 / 不得 …) whose subject it is.
_DUTY = re.compile(r"(?:哪些|什么|何种)(?:义务|职责)")
_ACTOR_END = re.compile(r"在|对于|对|有哪些|有什么|有何|应当|应该|需要|要|负有|承担|的(?:义务|职责)")
MAX_DUTY_CLAUSES = 12
MAX_DUTY_ITEMS = 36


def duty_answer(kb: KnowledgeBase, question: str, base: Answer) -> Answer | None:
    """The obligations and prohibitions whose subject is the actor the question names ("医疗卫生机构在
    医疗废物管理方面有哪些义务"), in the documents of the top hits: each article that binds it, whole, in
    document order. None when the question does not ask for duties or fewer than two articles bind the actor."""
    if not _DUTY.search(question) or not base.citations:
        return None
    m = _ACTOR_END.search(question)
    actor = _norm(question[: m.start()]).strip() if m else ""
    if len(actor) < 2:
        return None
    # The verb that governs the duties ("履行哪些义务") is part of the question's frame, not its subject.
    rest = re.sub(r"(?:履行|承担|负有|肩负)?(?:哪些|什么|何种)?(?:义务|职责)|方面", "", question[m.end():] if m else "")
    docs = list(dict.fromkeys(h.doc_id for h in base.citations[:3]))
    bound: dict[str, None] = {}  # the articles binding the actor, in the order read
    for n in kb.norms():
        if n.doc_id not in docs or n.kind != "rule" or n.modality not in ("obligation", "prohibition"):
            continue
        # A norm stated under a condition ("产生工业固体废物的单位委托他人…的，应当…") binds the party the
        # condition opens with.
        who = n.subject or (n.conditions if _norm(n.conditions).startswith(actor) else "")
        if actor not in _norm(who) or n.clause_id in bound:
            continue
        clause = kb.clause(n.clause_id)
        doc = kb.document(n.doc_id)
        if clause is None or doc is None:
            continue
        # The subject asked about ("在医疗废物管理方面"): its words outside the document's title are in the article.
        topic = [t for t in question_terms(rest) if not has_term(t, _norm(doc.title))]
        if topic and not any(has_term(t, _norm(clause.text)) for t in topic):
            continue
        bound.setdefault(n.clause_id, None)
    if len(bound) < 2:
        return None
    citations = list(base.citations)
    hits: list[Hit] = []
    for cid in bound:
        c = kb.clause(cid)
        d = kb.document(cid.split(":", 1)[0])
        if c is not None and d is not None:
            hits.append(next((x for x in citations if x.clause_id == cid), None) or Hit(
                d.doc_id, d.title, cid, c.path, c.text, 0.0, "norm"))
    # Over the limits, the articles retrieved for the question are kept first (by rank), then the others in
    # document order; the answer reads in document order.
    rank = {h.clause_id: i for i, h in enumerate(base.citations)}
    ordered = in_document_order(hits, kb)
    kept: list[Hit] = []
    budget = MAX_DUTY_ITEMS - 1  # one item is kept for the factoid answer's sentence
    for h in sorted(ordered, key=lambda x: rank.get(x.clause_id, len(rank))):
        size = len(body_sentences(h)[:MAX_BODY])
        if len(kept) < MAX_DUTY_CLAUSES and (size <= budget or not kept):
            kept.append(h)
            budget -= size
    items: list[AnswerItem] = []
    for h in [x for x in ordered if x in kept]:
        n_cite = cite_number(citations, h)
        # An article is one norm: given whole, as in open answers (its other duties name the actor's staff).
        items.extend(AnswerItem(x, n_cite) for x in body_sentences(h)[:MAX_BODY])
    if not any(base.text.strip() == i.text for i in items):
        # The single best sentence the factoid answerer found always stays in the answer.
        items.insert(0, AnswerItem(base.text.strip(), cite_number(citations, base.citations[0])))
    return _finish(base, "list", items[:MAX_DUTY_ITEMS], citations)


def holds(term: str, hit: Hit) -> bool:
    """The clause (its text or headings) uses the term or a synonym, or writes a four-character compound
    with a modifier inside it, within one phrase ("建设对大气环境有影响的项目" for 建设项目)."""
    text = _norm(" ".join(hit.path) + "\n" + hit.text)
    if has_term(term, text):
        return True
    return len(term) == 4 and re.search(rf"{re.escape(term[:2])}[^，。；：\n]{{1,10}}{re.escape(term[2:])}", text) is not None


def held_key(question: str, hits: list[Hit], kb: KnowledgeBase | None) -> str:
    """The rarest subject term of the question (not a frame word such as 举措) that some but not all of the
    hits use: what separates the clauses on the question's own subject from the ones on a wider one. Empty
    when every hit (or none) uses it."""
    terms = [t for t in subject_terms(question) if any(holds(t, h) for h in hits)]
    key = key_term(terms, kb)
    if not key or all(holds(key, h) for h in hits):
        return ""
    return key


def penalty_of_rule(kb: KnowledgeBase, duty: Hit, rule: str) -> Hit | None:
    """The article of the duty's own law that punishes the rule (a sentence of the duty), as a hit
    (norms.liability.penalty_clause)."""
    d = kb.document(duty.doc_id)
    if d is None or in_liability_chapter(duty):
        return None
    c = penalty_clause(d, duty.clause_id, rule)
    return None if c is None else Hit(d.doc_id, d.title, c.clause_id, c.path, c.text, duty.score, "penalty")


_RULE_WORDS = re.compile(r"禁止|不得|严禁|应当|必须")  # a sentence that states a rule a penalty can punish


def penalty_of_top_duty(kb: KnowledgeBase, question: str, hits: list[Hit]) -> Hit | None:
    """The liability article of a top duty's law that punishes its rule (penalty_of_rule), the rule being the duty's
    sentence that speaks most of the question."""
    terms = content_terms(question)
    for duty in hits:
        if in_liability_chapter(duty):
            continue
        rules = [x for x in (duty.text[a:b].strip() for a, b in sentences(duty.text)) if _RULE_WORDS.search(x)]
        if not rules:
            continue
        got = penalty_of_rule(kb, duty, max(rules, key=lambda x: sentence_score(question, x, terms)))
        if got is not None:
            return got
    return None


def penalty_answer(kb: KnowledgeBase, question: str, earlier: Answer) -> Answer | None:
    """"罚多少？" after an answer that quoted a ban or duty: the article punishing that very rule, with the breaches and
    amounts it sets for it; None when the rule's law punishes it nowhere that can be told."""
    if not earlier.found or not earlier.citations or earlier.type in ("metadata", "lookup", "refusal"):
        return None
    duty = earlier.citations[0]
    rule = duty.quote or earlier.text
    if not rule or not _RULE_WORDS.search(rule):
        return None
    # an article quoted whole may hold several rules ("禁止…建设项目。禁止…游泳、垂钓…"): the one the question speaks of
    rules = [x for x in (rule[a:b].strip() for a, b in sentences(rule)) if _RULE_WORDS.search(x)]
    if len(rules) > 1:
        terms = content_terms(question)
        rule = max(rules, key=lambda x: sentence_score(question, x, terms))
    penalty = penalty_of_rule(kb, duty, rule)
    if penalty is None:
        return None
    body = body_sentences(penalty)
    picked = penalty_items(rule, body) or body
    first = first_item(body)
    lead = [x for x in picked if x in body[:first]] if picked is not body and first is not None else []
    base = Answer(True, "", [penalty, duty], question, "", earlier.confidence)
    return _finish(base, "list", [AnswerItem(x, 1) for x in picked if x not in lead], [penalty, duty],
                   lead_in="".join(lead))


def penalties_of_bans(kb: KnowledgeBase | None, question: str, hits: list[Hit]) -> list[Hit]:
    """For a penalty question, the articles of the same law's liability chapter that repeat the words of a ban or duty
    among the top hits (第一百一十二条 "（四）将危险废物提供或者委托给无许可证的单位…" for 第八十条 "禁止将危险废物提供或者
    委托给无许可证的单位…"): they punish that ban, whatever they share with the question."""
    if kb is None:
        return []
    terms = content_terms(question)
    named = case_named(kb, question, hits)
    if named is not None:
        return [named]
    out: list[Hit] = []
    # the rules among the top three hits; when all three are liability articles (an official's duty to punish
    # "无许可证…擅自从事…不予查处" above the ban itself), the first rule below them
    ruling = [x for x in hits[:3] if not in_liability_chapter(x)] or \
        [x for x in hits[3:6] if not in_liability_chapter(x)][:1]
    for h in ruling:
        if not is_article(h, kb):
            continue
        rules = [x for x in body_sentences(h) if re.search(r"禁止|不得|严禁|应当", x)]
        if not rules:
            continue
        rule = max(rules, key=lambda x: sum(has_term(t, _norm(x)) for t in terms))
        d = kb.document(h.doc_id)
        # the law's own liability articles are read, not searched: a law has a few dozen, and retrieval would embed
        # the rule once more
        c = repeating_clause(d, h.clause_id, rule, {x.clause_id for x in out}) if d is not None else None
        if c is not None and d is not None:
            out.append(Hit(d.doc_id, d.title, c.clause_id, c.path, c.text, h.score, "penalty"))
    if out and in_liability_chapter(hits[0]):
        # a penalty article retrieved first that speaks of more of the question than another law's linked one keeps the
        # lead ("到期没交够碳配额": 碳排放条例 第二十四条, not the permit renewal's 排污许可条例 第三十三条)
        cover = sum(has_term(t, _norm(hits[0].text)) for t in terms)
        out = [x for x in out if x.doc_id == hits[0].doc_id or sum(has_term(t, _norm(x.text)) for t in terms) >= cover]
    return out


def case_named(kb: KnowledgeBase, question: str, hits: list[Hit]) -> Hit | None:
    """A liability article of a top hit's law whose opening breach holds every word of the question ("无许可证从事危险
    废物经营活动的怎么处罚" and 第一百一十四条 "无许可证从事收集、贮存、利用、处置危险废物经营活动的，…"): it is the answer."""
    terms = [t for t in content_terms(question) if t not in PENALTY_WORDS]
    # a spoken "没有" is the law's 无 or 未 ("没有许可证收集危险废物" and "无许可证从事收集…危险废物经营活动")
    negated = any(t in _SPOKEN_NOT for t in terms)
    # (how or which it was done, "私自", "这种", names no part of the breach)
    # (nor does a bare kind of party, "企业擅自倾倒…": any party may do it)
    terms = [t for t in terms if t not in _SPOKEN_NOT and t not in _MANNER_WORDS and t not in _ANY_PARTY]
    undone = _UNDONE_ASKED.findall(question)
    # (a breach told by what is lacked is narrow with two words: "没有许可证收危险废物")
    if len(terms) < (2 if negated else 3) and not undone:
        return None
    for doc_id in dict.fromkeys(h.doc_id for h in hits[:3]):
        d = kb.document(doc_id)
        if d is None:
            continue
        for c, case in opening_cases(d):
            if negated and not _LAW_NOT.search(case):
                continue
            if len(terms) >= (2 if negated else 3) and all(has_term(t, _norm(case)) for t in terms):
                return Hit(d.doc_id, d.title, c.clause_id, c.path, c.text, hits[0].score, "penalty")
        # "擅自倾倒、堆放危险废物，罚款怎么算": the one article that lists the very breach asked ("（三）擅自倾倒、堆放危险
        # 废物的"), not another listing the same acts on another thing (建筑垃圾)
        # (the breach listed is the one asked, not a wider case that holds it: "（二）…未取得排污许可证排放污染物，被责令
        # 停止排污，拒不执行的" is more than "没有排污许可证就排放污染物")
        asked = _norm(expand(question))
        listing = {c.clause_id: c for c, case in listed_cases(d) if len(terms) >= (2 if negated else 3)
                   and (not negated or _LAW_NOT.search(case)) and all(has_term(t, _norm(case)) for t in terms)
                   and _share_asked(case, asked) >= LISTED_CASE_SHARE}
        if len(listing) == 1:
            c = next(iter(listing.values()))
            return Hit(d.doc_id, d.title, c.clause_id, c.path, c.text, hits[0].score, "penalty")
    for doc_id in dict.fromkeys(h.doc_id for h in hits[:3]) if undone else ():
        # "污染地块的责任人一直拖着不修复": the article listing the very act left undone ("（四）未按照规定实施修复的"),
        # not one where the word stands in another breach ("未按照规定将修复方案…备案的")
        d = kb.document(doc_id)
        left = [c for c in (d.clauses if d is not None else []) if under_liability(c.path)
                and any(re.search(_LAW_UNDONE.format(re.escape(v)), c.text) for v in undone)]
        if d is not None and len(left) == 1:
            c = left[0]
            return Hit(d.doc_id, d.title, c.clause_id, c.path, c.text, hits[0].score, "penalty")
    return None


# How much of a listed breach's own words the question must say for the breach to be the very one asked.
LISTED_CASE_SHARE = 0.75


def _share_asked(case: str, asked: str) -> float:
    words = [t for t in content_terms(case) if not t.isdigit()]
    return sum(has_term(t, asked) for t in words) / len(words) if words else 0.0


# Spoken words of manner or pointing in a question, no part of the breach a law names.
_MANNER_WORDS = frozenset("私自 偷偷 悄悄 这种 这些 那种 那些 这样 随便".split())


# An act the question says is left undone ("不修复", "不做调查", "没有进行验收"): its two-character verb or noun.
_UNDONE_ASKED = re.compile(r"(?:不|没有?|未)(?:(?:做|搞|进行|实施|开展)[\u4e00-\u9fff]{0,8}?|按规定|按要求)?([\u4e00-\u9fff]{2})"
                           r"(?=[，,的会要？?就了]|$)")
# The law's breach of leaving that act undone, as a breach of its own ("未按照规定进行土壤污染状况调查的"); not a word
# inside another act ("未按照规定将修复方案…备案的").
_LAW_UNDONE = (r"(?:^|[（(][一二三四五六七八九十]+[）)]|[，,；;：:])(?:[^，,；;：:。]{{0,12}}?)"
               r"未(?:按照规定|依法|按规定|按照国家有关规定)?(?:进行|实施|开展|组织|采取)?[^，,；;。将把对向]{{0,8}}?{}的")


# An article that opens with the parties it punishes ("医疗卫生机构、医疗废物集中处置单位，…").
# (after "违反本法规定，" too: "违反本法规定，建设单位、施工单位有下列行为之一…")
_OPENING_PARTY = re.compile(r"^(?:第[一二三四五六七八九十百零〇]+条\s*)?(?:违反本(?:法|条例|办法)规定[，,])?"
                            r"([\u4e00-\u9fff、和及或者]{4,40}?(?:机构|单位|企业|经营者|场|厂|站|医院))(?:[，,]|有下列)")
# Words any party may be called by: they name no kind.
_ANY_PARTY = frozenset("单位 企业 个人 其他 生产经营者 经营者 企业事业单位 机构 事业单位".split())


def other_party(question: str, hit: Hit) -> bool:
    """The article punishes a kind of party named at its opening, of which the question names no word."""
    m = _OPENING_PARTY.match(hit.text)
    if m is None or m.group(1).startswith("违反"):
        return False
    kind = [t for t in content_terms(m.group(1)) if t not in _ANY_PARTY and len(t) >= 2]
    # the law's words for the question's too ("医院" is a 医疗卫生机构)
    q = normalize_for_search(question) + " ".join(legal_terms(question))
    # ("施工单位" is named by "夜间施工…": the kind is the word before the party's head)
    cores = [re.sub(r"(?:单位|企业|经营者|机构)$", "", t) or t for t in kind]
    return bool(kind) and not any(t in q for t in [*kind, *(c for c in cores if len(c) >= 2)])


# A penalty article that names its breach only by the rule's number ("违反本办法第二十条规定的，…").
_BY_NUMBER = re.compile(r"^(?:第[一二三四五六七八九十百零〇]+条)?\s*违反本(?:法|办法|条例|规定)"
                        r"((?:第[一二三四五六七八九十百零〇]+条(?:第[一二三四五六七八九十]+款)?[、和及或者]*)+)(?:的?规定)?的[，,]")


def _numbered_rules(kb: KnowledgeBase, hit: Hit) -> str | None:
    """The text of the rules a penalty article punishes by number only; None when it says its breach in words."""
    m = _BY_NUMBER.match(hit.text)
    d = kb.document(hit.doc_id) if m else None
    if m is None or d is None:
        return None
    wanted = {f"a{cn_to_int(n)}" for n in re.findall(r"第([一二三四五六七八九十百零〇]+)条", m.group(1))}
    return "\n".join(c.text for c in d.clauses if c.clause_id.rsplit(":", 1)[-1] in wanted)


def weaker_by_number(kb: KnowledgeBase | None, question: str, liable: list[Hit]) -> set[str]:
    """Penalty articles that name their breach by a rule's number, where that rule speaks of the question's act less than
    another candidate's own words do ("危险废物偷偷倒在沟里": 危废经营许可证办法 第二十七条 punishes 第二十条's duty to hand
    collected oil to a disposer; 固废法 第一百一十二条 lists 擅自倾倒…危险废物)."""
    if kb is None or len(liable) < 2:
        return set()
    terms = [t for t in breach_terms(question) if t not in PENALTY_WORDS]
    groups = [g for g in legal_groups(question) if not set(g) & PENALTY_WORDS]
    ruled = {h.clause_id: _numbered_rules(kb, h) for h in liable}
    own = [breach_score(terms, groups, h.text) for h in liable if ruled[h.clause_id] is None]
    best = max(own, default=0.0)
    # "无许可证收集废矿物油": the breach is acting without the paper; a rule on what a holder of it must do (第二十条) is
    # another breach, when an article's own words name acting without it
    unpapered = bool(WITHOUT_PAPER.search(question)) and any(
        WITHOUT_PAPER.search(h.text) for h in liable if ruled[h.clause_id] is None)
    return {h.clause_id for h in liable
            if (rules := ruled[h.clause_id]) is not None and (breach_score(terms, groups, rules) < best
                                                             or (unpapered and other_than_unpapered(question, rules)))}



def open_answer(question: str, base: Answer, kb: KnowledgeBase | None = None) -> Answer:
    """The relevant sentences of the best clause (and of close runners-up), cited, in document order."""
    hits = base.citations
    if not hits:
        return base
    if kb is not None:
        hits = source_above_report(kb, hits)
    duties = duty_answer(kb, question, base) if kb is not None else None
    if duties is not None:
        return duties
    citations = list(hits)
    section = covering_section(kb, question, hits) if kb is not None else None
    if kb is not None and section is not None:
        return section_answer(kb, base, section, citations)
    ranked = by_heading(question, hits, 5)
    # The question's rarest term that the top clauses use ("超采" in "地下水超采区有什么规定"): a clause
    # without it speaks about the wider subject only (土壤地下水污染防治), and comes after the ones with it.
    key = held_key(question, hits[:5], kb)
    # Only when the best retrieved clause uses it: a synonym the lexicon lacks (排污口 / 排放口) would
    # otherwise put a clause that merely repeats the question's word first.
    narrow = bool(key) and holds(key, hits[0])
    if narrow:
        ranked = sorted(ranked, key=lambda h: not holds(key, h))

    if not _ASKS_MEANING.search(question):
        # "本办法下列用语的含义：…" defines words; it answers what a word means, never what is to be done.
        ranked = [h for h in ranked if not is_definition(h)] or ranked
    liable = [h for h in ranked if in_liability_chapter(h)] if ASKS_PENALTY.search(question) else []
    named_first = ""
    linked = penalties_of_bans(kb, question, hits) if ASKS_PENALTY.search(question) else []
    if linked:
        # "把危险废物交给没有许可证的个体户…怎么处罚": the article that punishes the ban the question names
        # (固废法 第一百一十二条 repeats 第八十条's words) comes before penalty articles that only share the licence
        liable = [*linked, *(h for h in liable if all(h.clause_id != x.clause_id for x in linked))]
        ranked = [*linked, *(h for h in ranked if all(h.clause_id != x.clause_id for x in linked))]
    if liable:
        # "…怎么处罚": a law states its penalties in its 法律责任 chapter; the duties elsewhere are not answers.
        # An article that punishes a named kind of party the question never names ("医疗卫生机构、医疗废物集中处置单位，
        # …拒绝执法人员进入现场" for "企业拒绝…检查") comes after one that punishes whoever does the act.
        weaker = weaker_by_number(kb, question, liable)
        ranked = sorted(liable, key=lambda h: (sanction_unasked(question, h), other_party(question, h),
                                               h.clause_id in weaker))
        named = case_named(kb, question, hits) if kb is not None else None
        if named is not None and any(h.clause_id == named.clause_id for h in ranked):
            # the article whose breach is the very one asked comes first (see answer_question), and is listed first
            ranked = [h for h in ranked if h.clause_id == named.clause_id] + \
                [h for h in ranked if h.clause_id != named.clause_id]
            named_first = named.clause_id
    elif not ASKS_CONSEQUENCE.search(question):
        # "…应当公开哪些环境信息": the duty, not the article punishing its breach, answers.
        ranked = sorted(ranked, key=in_liability_chapter)
    lead = ranked[0]
    if liable:
        # A penalty is set by the law that sets the duty: another law's penalty article that shares a word
        # ("评估验收" in 清洁生产促进法) is no part of the answer.
        ranked = [h for h in ranked if h.doc_id == lead.doc_id]
    if not liable and not in_liability_chapter(lead):
        # A question on what is required is answered by the duties; the articles that punish their breach
        # (法律责任) repeat them in fragments ("拒不改正的，可以责令暂停施工：（二）…") and do not join.
        ranked = [lead, *(h for h in ranked[1:] if not in_liability_chapter(h))]
    if heading_cover(question, lead) < 1:
        # No clause heading names the whole subject, but a sentence of a top clause opens with it.
        inline = [(h, s) for h in hits[:3] for s in inline_headed(question, h, kb)]
        from .metadata import reports_on  # metadata imports this module

        reports = set(reports_on(lead.doc_id, kb.documents)) if kb is not None else set()
        if inline and not any(h is lead for h, _s in inline) and all(h.doc_id in reports for h, _s in inline):
            # only a report on the lead clause's document says it so: the document's own words on it come first
            # ("（八）持续改善空气质量" before the news's list of six tasks)
            inline = [(lead, s) for s in relevant_sentences(question, lead)] + inline
        if inline:
            # The clause quoted is cited first.
            first = [h for h in hits if any(h is x for x, _s in inline)]
            citations = first + [h for h in hits if h not in first]
            return _finish(base, "list", [AnswerItem(s, cite_number(citations, h)) for h, s in inline], citations)
    top_score = max(h.score for h in hits[:5])
    chosen = [lead]
    for h in ranked[1:]:
        if len(chosen) >= MAX_CLAUSES:
            break
        if narrow and holds(key, lead) and not holds(key, h):
            continue
        if h.score >= SECOND_CLAUSE_RATIO * top_score and (heading_cover(question, h) > 0 or any(
                has_term(t, _norm(h.text)) for t in focus_terms(question, h))):
            chosen.append(h)
    # Further clauses that hold every term of the question join too ("自然保护区内禁止哪些活动": 第二十六、
    # 二十七、二十八条 each forbid something), each with only its sentences on the question's rarest term.
    # Not when the lead clause's own title names every term ("（二）积极稳妥推进碳达峰碳中和"): that
    # clause is the whole answer. A chapter heading over a law article does not count.
    title = _norm(lead.path[-1]) if lead.path else ""
    joined: set[str] = set()
    for h in ranked[1:] if not all(has_term(t, title) for t in question_terms(question)) else []:
        if len(chosen) >= MAX_JOINED_CLAUSES:
            break
        if h not in chosen and covers_all(question, h) and h.score >= JOIN_CLAUSE_RATIO * top_score:
            chosen.append(h)
            joined.add(h.clause_id)
    # Articles next to a chosen one that hold the question's rarest term continue its provision ("建筑垃圾":
    # 第六十条 to 第六十三条): those among the top hits join, each with its sentences on that term.
    covering: list[Hit] = []  # listed after the clauses retrieval put first
    for h in next_articles(chosen, ranked[:5], question, top_score, kb):
        if len(chosen) + len(covering) >= MAX_JOINED_CLAUSES:
            break
        (covering if h.source == "adjacent" else chosen).append(h)
        joined.add(h.clause_id)
    # "在资金和税收上如何支持…": each aspect the question joins with 和 / 与 / 、 is answered; one no chosen clause
    # speaks to is looked for in the same documents, with the other aspects left out of the question.
    aspect: dict[str, str] = {}
    for h, t in aspect_clauses(kb, question, chosen):
        chosen.append(h)
        aspect[h.clause_id] = t
    # A top hit that holds a good part of what the question asks and no chosen clause speaks to ("由谁来定" after
    # "怎么分配"): the answer would otherwise leave that part out.
    for h, t in covering_clauses(question, chosen + covering, ranked[:5], top_score, kb):
        covering.append(h)
        aspect[h.clause_id] = t
    items: list[AnswerItem] = []
    answer_lead = ""
    repeats: list[int] = []  # clauses whose items the answer already lists: cited, not listed again
    ordered = in_document_order(chosen, kb)
    ordered = sorted(ordered, key=lambda h: h.clause_id != named_first)  # (stable: document order otherwise)
    for h in [*ordered, *covering]:
        lead_in, enum = enumerated_items(h.text)
        clause = kb.clause(h.clause_id) if kb is not None else None
        whole = clause is not None and clause.kind == "article"
        key = aspect.get(h.clause_id) or (key_term(focus_terms(question, h), kb) if h.clause_id in joined else "")
        body = body_sentences(h)
        keyed = with_list_leads(body, [s for s in body if key and has_term(key, _norm(s))][:MAX_KEYED])
        chosen_items = penalty_items(question, body) if liable else None
        if chosen_items:
            sents = chosen_items
        elif keyed:
            sents = keyed if whole else with_blocks(h.text, keyed)[:MAX_BODY]
        elif len(enum) >= 2 and len(lead_in) < 200 and not whole:
            sents = enum
        else:
            sents = relevant_sentences(question, h, whole)
        if h is not lead and not _asks_purpose(question):
            # "第一条 为了…，制定本条例。" states why a text was made; it is never a measure or a requirement.
            sents = [x for x in sents if not is_purpose(x)]
        if not sents:
            continue
        n = cite_number(citations, h)
        other = [i.text for i in items if citations[i.cite - 1].doc_id != h.doc_id]
        if other and repeats_items(sents, other):
            # Another text with the same list (a law and its implementing regulation): a further source.
            # Articles of one text that read alike (一级 / 二级保护区) are different rules and both stay.
            repeats.append(n)
            h.quote = _joined(sents)
            h.marks = term_spans(base.question, h.quote)
            continue
        if not items and not answer_lead and introduces(sents):
            # "第十七条 …应当包括下列内容：" introduces the list; it is not one of its items.
            answer_lead, sents = lead_sentence(sents[0]), sents[1:]
        items.extend(AnswerItem(s, n) for s in sents)
    listed = bool(answer_lead and items and re.search(r"哪些|哪几", question) and (
        names_all(question, answer_lead) or _asked_part_named(question, answer_lead)))
    if listed:
        # "畜禽养殖场禁止建在哪些区域": the list the first clause introduces in the question's own words is the answer;
        # the other clauses stay among the sources.
        items = [i for i in items if i.cite == items[0].cite]
    texts = [i.text for i in items] + [s for n in repeats for s in body_sentences(citations[n - 1])] + [answer_lead]
    inside = any(_norm(base.text) in _norm(t) or _norm(t) in _norm(base.text) for t in texts if t)
    # Not when the best hit was set aside as a definition or as the penalty for a duty the answer gives.
    demoted = (is_definition(hits[0]) and not _ASKS_MEANING.search(question)) or \
        (in_liability_chapter(hits[0]) and not in_liability_chapter(lead))
    if base.text and any(base.text in body_sentences(h) for h in hits[:1]) and not inside and not demoted \
            and not listed:
        # The single best sentence the factoid answerer found always stays in the answer.
        items.insert(0, AnswerItem(base.text, 1))
    if not items:
        return base
    if len(items) == 1 and not demoted:
        # One sentence: it answers, unless the factoid answer already is a body sentence (the clause
        # title "（二十七）开展评估考核。" alone answers nothing).
        if any(base.text.strip() in body_sentences(h) for h in hits[:3]) and not repeats:
            return base
    return _finish(base, "list", definition_first(question, items), citations, lead_in=answer_lead, repeats=repeats)


def _asked_part_named(question: str, lead: str) -> bool:
    """"我家想在村后头…盖个猪圈养猪，哪些地方是不让建养殖场的？": the part of the question that asks which
    ("哪些地方是不让建养殖场的") is named by a list's lead ("禁止在下列区域内建设畜禽养殖场…：") by its thing; the
    situation told before it is not."""
    split = re.split(r"[，,]", question)
    parts = [x for x in split[1:] if re.search(r"哪些|哪几", x)]
    if not parts or re.search(r"哪些|哪几", split[0]) or not re.search(r"下列|以下", lead):
        return False  # (only after a situation told first)
    terms = [t for t in question_terms(parts[-1]) if len(t) >= 3 and not re.search(r"哪|什么|多少", t)]
    norm = _norm(lead)
    return bool(terms) and all(has_term(t, norm) for t in terms)


# "应税污染物有哪些", "危险废物包括哪些": what the question asks to have listed, after its last 的.
_ASKED_KIND = re.compile(r"([\u4e00-\u9fff]{2,16}?)(?:主要|具体)?(?:有哪些|包括哪些|包括什么|是指什么|指什么|是哪些|分为哪些)")


def definition_first(question: str, items: list[AnswerItem]) -> list[AnswerItem]:
    """The sentence that defines what the question asks to have listed ("本法所称应税污染物，是指…大气污染物、水污染物、
    固体废物和噪声") answers it directly: its clause's items lead, the others follow in their order."""
    m = _ASKED_KIND.search(question)
    if not m:
        return items
    kind = m.group(1).rsplit("的", 1)[-1]
    if len(kind) < 2:
        return items
    defines = re.compile(rf"(?:所称|^|[，。；：])\s*{re.escape(kind)}[，,]?(?:是指|包括|分为)")
    first = next((i.cite for i in items if defines.search(without_article_no(i.text.strip()))), None)
    if first is None or items[0].cite == first:
        return items
    return [i for i in items if i.cite == first] + [i for i in items if i.cite != first]


_COORD = re.compile(r"和|与|及|以及|、|或者|或")


def coordinated_terms(question: str) -> list[str]:
    """Terms the question joins with 和 / 与 / 及 / 、 ("资金和税收"): the aspects it asks about."""
    terms = [t for t in question_terms(question) if t in question]
    pos = sorted((question.index(t), t) for t in terms)
    out: list[str] = []
    for (i, a), (j, b) in pairwise(pos):
        if _COORD.fullmatch(question[i + len(a):j]):
            out.extend(t for t in (a, b) if t not in out)
    return out


def aspect_clauses(kb: KnowledgeBase | None, question: str, chosen: list[Hit]) -> list[tuple[Hit, str]]:
    """For each joined aspect of the question that no chosen clause uses, the best clause that does, searched
    in the chosen clauses' documents with the other aspects left out; with the aspect it answers."""
    from ..retrieve.filters import DocFilter

    coord = coordinated_terms(question)
    missing = [t for t in coord if not any(holds(t, h) for h in chosen)]
    if kb is None or not missing or len(missing) == len(coord):
        return []
    docs = list(dict.fromkeys(h.doc_id for h in chosen))
    have = {h.clause_id for h in chosen}
    out: list[tuple[Hit, str]] = []
    for t in missing:
        q = question
        for o in coord:
            if o != t:
                q = re.sub(rf"{re.escape(o)}(?:{_COORD.pattern})|(?:{_COORD.pattern}){re.escape(o)}", "", q, count=1)
        for h in kb.search(q, k=5, filters=DocFilter(doc_ids=docs)):
            if h.clause_id not in have and holds(t, h) and not in_liability_chapter(h) and not is_definition(h):
                out.append((h, t))
                have.add(h.clause_id)
                break
    return out


# Share of the question's terms (weighted by rarity) that a top hit must add to the chosen clauses to join.
COVER_GAIN = 0.05  # chosen on the dev split (0.35 … 0.05 tried; lower only added clauses)


def covering_clauses(question: str, chosen: list[Hit], candidates: list[Hit], top_score: float,
                     kb: KnowledgeBase | None) -> list[tuple[Hit, str]]:
    """Greedily, the candidates that hold COVER_GAIN of the question's terms that no chosen clause holds, with
    the rarest such term (the sentences each contributes are those on it)."""
    terms = question_terms(question)
    rarity = kb.term_idf if kb is not None else (lambda t: float(len(t)))
    total = sum(rarity(t) for t in terms)
    if not total or len(chosen) >= MAX_JOINED_CLAUSES:
        return []
    have = list(chosen)
    open_terms = [t for t in terms if not any(holds(t, h) for h in have)]
    out: list[tuple[Hit, str]] = []
    asks_penalty = bool(ASKS_PENALTY.search(question))
    while open_terms and len(have) < MAX_JOINED_CLAUSES:
        best, gain, got = None, 0.0, []
        for h in candidates:
            if h in have or h.score < JOIN_CLAUSE_RATIO * top_score or is_definition(h) \
                    or (in_liability_chapter(h) and not asks_penalty):
                continue
            held = [t for t in open_terms if holds(t, h)]
            g = sum(rarity(t) for t in held) / total
            if g > gain:
                best, gain, got = h, g, held
        if best is None or gain < COVER_GAIN:
            break
        out.append((best, key_term(got, kb)))
        have.append(best)
        open_terms = [t for t in open_terms if t not in got]
    return out


_ARTICLE_ID = re.compile(r":a(\d+)$")


def article_number(hit: Hit) -> int | None:
    m = _ARTICLE_ID.search(hit.clause_id)
    return int(m.group(1)) if m else None


# An article next to a chosen one continues its provision when it holds this share of the question's
# terms, weighted by rarity (chosen on the dev set).
ADJACENT_COVER = 0.5
NEIGHBOUR_COVER = 0.5  # chosen on the dev split: 0.3–0.5 gave the same answers there, 0.5 the shortest


def term_cover(question: str, text: str, kb: KnowledgeBase | None) -> float:
    """Share of the question's terms (or a synonym) in the text, each weighted by its rarity."""
    terms = question_terms(question)
    rarity = kb.term_idf if kb is not None else (lambda t: float(len(t)))
    total = sum(rarity(t) for t in terms)
    norm = _norm(text)
    return sum(rarity(t) for t in terms if has_term(t, norm)) / total if total else 0.0


def next_articles(chosen: list[Hit], candidates: list[Hit], question: str, top_score: float,
                  kb: KnowledgeBase | None) -> list[Hit]:
    """Candidates that are the article just before or after a chosen article of the same law (or of one
    joined so), hold ADJACENT_COVER of the question's terms and score at least JOIN_CLAUSE_RATIO of the best."""
    have = {(h.doc_id, n) for h in chosen if (n := article_number(h)) is not None}
    out: list[Hit] = []
    grew = True
    while grew:
        grew = False
        for h in candidates:
            n = article_number(h)
            if n is None or h in chosen or h in out or h.score < JOIN_CLAUSE_RATIO * top_score:
                continue
            if ((h.doc_id, n - 1) in have or (h.doc_id, n + 1) in have) and \
                    term_cover(question, h.text, kb) >= ADJACENT_COVER:
                out.append(h)
                have.add((h.doc_id, n))
                grew = True
    # A neighbour retrieval ranked below the top hits joins when it holds more of the question's terms.
    if kb is None:
        return out
    seen = {h.clause_id for h in (*chosen, *candidates, *out)}
    for doc_id, n in sorted(have):
        for m in (n - 1, n + 1):
            cid = f"{doc_id}:a{m}"
            if cid in seen:
                continue
            seen.add(cid)
            c, d = kb.clause(cid), kb.document(doc_id)
            if c is None or d is None or term_cover(question, c.text, kb) < NEIGHBOUR_COVER:
                continue
            out.append(Hit(d.doc_id, d.title, c.clause_id, c.path, c.text, 0.0, "adjacent"))
    return out




# "第一条 为了规范…，制定本条例。": the legislative purpose of a text.
_PURPOSE = re.compile(r"^为了?.{4,}?(?:制定|制订)本(?:法|条例|规定|办法|细则|"
                      r"规划|方案|意见|决定|规则|标准)")
_ASKS_PURPOSE = re.compile(r"目的|宗旨|为什么制定|立法")


# An item of a definitions article and the word it defines ("（二）夜间，是指晚上十点至次日早晨六点之间的期间").
_DEFINED_WORD = re.compile(r"^\s*[（(][一二三四五六七八九十\d]+[）)]\s*([\u4e00-\u9fff]{2,16}?)[，,]?(?:是指|指)")
# An article that defines the words of its text ("本法所称…，是指…", "本办法下列用语的含义：").
_DEFINITION = re.compile(r"^(?:本(?:法|条例|办法|规定|细则)(?:下列用语的含义|所称|中下列用语)|下列用语的含义)")
_ASKS_MEANING = re.compile(r"是指|什么是|是什么|含义|定义|指的是|指什么|概念|所称|怎么理解|如何理解|范围")


def is_definition(hit: Hit) -> bool:
    return bool(_DEFINITION.match(without_article_no(hit.text.strip())))


def is_purpose(sentence: str) -> bool:
    return bool(_PURPOSE.match(without_article_no(sentence.strip())))


def _asks_purpose(question: str) -> bool:
    return bool(_ASKS_PURPOSE.search(question))


_SPOKEN_NOT = frozenset({"没有", "没"})
_LAW_NOT = re.compile(r"无|未|没有|不")


def breach_terms(question: str, items: Sequence[str] = ()) -> list[str]:
    """The words of a question that tell one listed breach from another, with the law's words for its lay words
    ("超标排放" is "超过…排放标准", which 第九十九条（二） says and （三） does not)."""
    own = [t for t in dict.fromkeys(content_terms(question)) if not t.isdigit()]
    return own + [t for g in legal_groups(question, items) for t in g if t not in own]


def legal_groups(question: str, items: Sequence[str] = ()) -> list[tuple[str, ...]]:
    """The law's words for each lay word of the question, a group per lay word (one that an item writes is read as
    written, not as its legal words)."""
    written = [_norm(x) for x in items]
    own = set(content_terms(question))
    groups: list[tuple[str, ...]] = []
    for lay, legal in legal_terms_of(question).items():
        words = tuple(dict.fromkeys(t for w in legal for t in content_terms(w) if not t.isdigit() and t not in own))
        if words and not any(lay in x for x in written):
            groups.append(words)
    return groups


def breach_score(terms: Sequence[str], groups: Sequence[tuple[str, ...]], item: str) -> float:
    """How much of the question an item speaks of: its words (or their synonyms) one each, and each lay word's legal
    words as the share of them the item writes ("倒垃圾" is 倾倒、固体废物、生活垃圾: （一） writes two, （四） two)."""
    text = _norm(item)
    return sum(has_term(t, text) for t in terms) + sum(sum(t in text for t in g) / len(g) for g in groups)


def penalty_items(question: str, body: list[str]) -> list[str] | None:
    """A penalty article that lists the breaches it punishes ("有下列行为之一的，…处…罚款：（一）…（四）…"): its lead,
    with the fine, and only the listed breaches the question speaks of; None when the question names none of them in
    particular."""
    first = first_item(body)
    if not first:
        return None
    items = [x for x in body[first:] if ENUM_START.match(x)]
    if len(items) < 2:
        return None
    lead = body[:first]
    lead_text = [_norm(x) for x in lead]

    def telling(t: str) -> bool:
        # (a party in general, "单位乱倒…", tells no breach: the amounts set for 单位 and 个人 follow the one chosen)
        return t not in PENALTY_WORDS and t not in _ANY_PARTY and not any(has_term(t, x) for x in lead_text)

    said = [t for t in content_terms(question) if not t.isdigit() and telling(t)]
    groups = [kept for g in legal_groups(question, items) if (kept := tuple(t for t in g if telling(t)))]
    scores = [breach_score(said, groups, x) for x in items]
    top = max(scores)
    # A later paragraph with a breach and a penalty of its own ("个人在饮用水水源一级保护区内游泳、垂钓…的，…可以处五百元
    # 以下的罚款"): when it speaks of the question more than any listed item, it alone answers.
    own = [x for x in body[first:] if not ENUM_START.match(x) and _OWN_PENALTY.search(x) and not _CITES_ITEMS.match(x)]
    if own:
        best = max(own, key=lambda x: breach_score(said, groups, x))
        if breach_score(said, groups, best) > top:
            # with the sentences that go on from it ("…责令改正；情节严重的，对单位处…罚款")
            at = body.index(best)
            more = list(itertools.takewhile(lambda x: _WORSE_CASE.match(x) is not None, body[at + 1:]))
            return [best, *more]
    if top == 0 or scores.count(top) == len(items):
        return None
    chosen = [x for x, sc in zip(items, scores, strict=True) if sc == top]
    # "有前款第三项、第四项…行为之一，处所需处置费用三倍以上五倍以下的罚款": the amounts a later paragraph sets for them
    return lead + chosen + amounts_for(body, chosen)


_OWN_PENALTY = re.compile(r"的，.{0,40}?(?:(?:处|并处)[^，。；]{0,30}罚款|责令改正)")
# A sentence that goes on from a penalty with a worse case ("情节严重的，…", "逾期不改正的，…", "拒不改正的，…").
_WORSE_CASE = re.compile(r"^(?:情节严重|情节较重|情节较轻|逾期|拒不|造成严重)")
_CITES_ITEMS = re.compile(r"^(?:有)?(?:前款|本条第一款|第一款)")


def penalty_body(question: str, body: list[str]) -> list[str]:
    """A listing penalty article as a penalty question is answered from it: its lead, the breaches the question
    speaks of (all of them when it names none in particular) and the amounts set for them."""
    first = first_item(body)
    if first is None:
        return body
    return penalty_items(question, body) or [*body[:first], *(x for x in body[first:] if ENUM_START.match(x)),
                                             *amounts_for(body)]


def with_list_leads(body: list[str], picked: list[str]) -> list[str]:
    """Picked sentences, an enumerated item picked alone ("(十一)法律法规规定…") preceded by the sentence that
    introduces its list ("排污许可证应当记载下列信息："): an item means nothing without it."""
    out: list[str] = []
    for x in picked:
        if ENUM_START.match(x) and x in body:
            i = body.index(x)
            j = next((j for j in range(i - 1, -1, -1) if not ENUM_START.match(body[j])), -1)
            if j >= 0 and body[j].rstrip().endswith(("：", ":")):
                # a lead cut at semicolons is one sentence ("…处一万元以上十万元以下的罚款；拒不改正的，可以责令暂停
                # 施工："): the fine is in its first part
                k = j
                while k > 0 and body[k - 1].rstrip().endswith(("；", ";")) and not ENUM_START.match(body[k - 1]):
                    k -= 1
                out.extend(x for x in body[k: j + 1] if x not in out)
        if x not in out:
            out.append(x)
    return out


def introduces(sents: list[str]) -> bool:
    """The first sentence ends in a colon and enumerated items follow it."""
    return len(sents) >= 3 and sents[0].rstrip().endswith(("：", ":")) and bool(ENUM_START.match(sents[1])) \
        and bool(ENUM_START.match(sents[2]))


def lead_sentence(sentence: str) -> str:
    """A lead-in without the article number the citation already gives."""
    return without_article_no(sentence.strip()) or sentence.strip()


# Items repeat a list already given when at least this share of them nearly equal one of its items.
REPEAT_SHARE = 0.6
# Two items nearly equal when this share of their character bigrams (markers and punctuation aside) is common.
REPEAT_SIMILARITY = 0.75


def _bigrams(s: str) -> set[str]:
    bare = re.sub(r"[\W_]", "", ENUM_START.sub("", without_article_no(_norm(s))))
    return {bare[i : i + 2] for i in range(len(bare) - 1)}


def _similar(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= REPEAT_SIMILARITY


def repeats_items(sents: list[str], listed: list[str]) -> bool:
    """Most of a clause's sentences nearly equal sentences the answer already lists."""
    grams = [_bigrams(x) for x in listed]
    own = [_bigrams(x) for x in sents]
    own = [g for g in own if len(g) >= 2]
    if len(own) < 2:
        return False
    same = sum(1 for g in own if any(_similar(g, o) for o in grams))
    return same / len(own) >= REPEAT_SHARE


def further_sources_note(hits: list[Hit], numbers: list[int]) -> str:
    names = "、".join(f"《{h.doc_title}》{h.path[-1] if h.path else ''}[{n}]" for h, n in zip(hits, numbers, strict=True))
    return f"{names}作了基本相同的规定，不再重复列出。"


def penalty_list(base: Answer, question: str) -> Answer:
    """A penalty question answered from an article that lists the breaches it punishes and sets their amounts in a
    later paragraph ("单位有前款第一项…处五万元以上…；个人有前款第一项…处一百元以上五百元以下的罚款"), when the answer
    quotes items without those amounts: the lead, the items the question speaks of (all, when it names none in
    particular) and the amounts set for them."""
    if not base.found or base.items or not base.citations or not ASKS_PENALTY.search(question):
        return base
    hit = base.citations[0]
    flat = re.sub(r"\s", "", hit.text)
    parts = [x for x in re.split(r"(?<=[：:；;。])", re.sub(r"\s", "", base.text)) if x]
    if not in_liability_chapter(hit) or not all(x in flat for x in parts):
        return base
    body = body_sentences(hit)
    first = first_item(body)
    amounts = amounts_for(body)
    if not first or not amounts or any(x in base.text for x in amounts):
        return base
    picked = penalty_body(question, body)
    lead = [x for x in picked if x in body[:first]]
    return _finish(base, "list", [AnswerItem(x, 1) for x in picked if x not in lead], list(base.citations),
                   lead_in="".join(lead))


def continued(base: Answer, question: str) -> Answer:
    """A one-sentence answer with the part of its clause that goes on from it: "…处十日以上十五日以下拘留；" in a
    milder or worse case ("情节较轻的，处五日以上十日以下拘留：…"), and "…组织进行旅游、垂钓…的，…罚款。" with the
    same act done by another party ("个人在…垂钓…的，…可以处五百元以下的罚款。") when the question names no party."""
    sent = base.text.strip()
    if not base.found or base.items or not base.citations or not sent.endswith(("；", ";", "。")):
        return base
    nxt = _next_part(sent, base.citations[0].text)
    if not nxt:
        return base
    asked = [t for t in question_terms(question) if t not in PENALTY_WORDS]
    if (_GOES_ON.match(nxt) and not sent.endswith("。")) or (
            _OTHER_PARTY_CASE.match(nxt) and not _PARTY_NAMED.search(question)
            and any(has_term(t, _norm(nxt)) for t in asked)):
        return replace(base, text=sent + nxt)
    return base


_OTHER_PARTY_CASE = re.compile(r"^(?:个人|单位|其他单位)[^，。；]{0,40}?的[，,]")
_PARTY_NAMED = re.compile(r"个人|单位|企业|公司|组织|村民|居民|农户")


def _next_part(sent: str, text: str) -> str:
    """The sentence part right after sent in text, up to its closing mark, or ""."""
    i = text.find(sent)
    if i < 0:
        return ""
    m = re.match(r"\s*([^；;。：:\n]+[；;。：:])", text[i + len(sent):])
    return m.group(1).strip() if m else ""


_LEAD_THEN_ITEM = re.compile(r"下列[^：:。]{0,30}[：:](?=\s*[（(][一二三四五六七八九十]{1,3}[)）])")


def introduced_list(base: Answer, question: str = "") -> Answer:
    """A one-sentence answer that introduces a list ("应当符合下列条件：") is given with the list's items. A penalty
    article's list comes with the amounts a later paragraph sets for its items ("个人有前款第一项…处一百元以上五百元
    以下的罚款"): only the items the question speaks of when it names some, else all of them."""
    base = continued(base, question)
    sent = base.text.strip()
    # a lead quoted with its first item ("应当符合下列基本要求：(一)使用后的…毁形处理；"): the lead alone
    inline = _LEAD_THEN_ITEM.search(sent)
    if inline and base.found and not base.items:
        sent = sent[:inline.end()]
    if not base.found or base.items or not base.citations or not sent.endswith(("：", ":")):
        return base
    hit = base.citations[0]
    pos, end = hit.text.find(sent), 0
    if pos >= 0:
        end = pos + len(sent)
    else:
        # a short article quoted whole, its paragraphs joined ("…节能管理。下列用能单位为重点用能单位："): the sentence
        # that introduces the list is its last
        tail = re.split(r"(?<=[。；;])", sent)[-1].strip()
        pos = hit.text.find(tail) if tail else -1
        end = pos + len(tail)
    if pos < 0:
        return base
    lead, enum = enumerated_items(hit.text[end:])
    if lead or len(enum) < 2:
        return base
    shown = enum[:MAX_BODY]
    # "本法中下列用语的含义：" and '"夜间"指几点到几点': the item that defines the word asked about
    named = [x for x in enum if (m := _DEFINED_WORD.match(x)) and m.group(1) in question] \
        if "用语" in sent and question else []
    if named:
        shown = named
    elif question and ASKS_PENALTY.search(question) and in_liability_chapter(hit):
        body = body_sentences(hit)
        lead_part = body[:first_item(body) or 1]  # the sentence introducing the list, and any before it
        shown = [x for x in penalty_body(question, body) if x.strip() != sent and x not in lead_part]
    return _finish(base, "list", [AnswerItem(x, 1) for x in shown], list(base.citations), lead_in=sent)


def parts_answer(kb: KnowledgeBase, question: str, base: Answer) -> Answer:
    """The parts of a whole: sub-headings, enumerated items, or the clause titles of a section."""
    hits = base.citations
    if not hits:
        return base
    citations = list(hits)
    if hits[0].source == "lookup":
        looked = [h for h in hits if h.source == "lookup"]
        if len(looked) >= 2:
            items = [AnswerItem(h.path[-1] if h.path else h.text[:30], i + 1) for i, h in enumerate(looked)]
            return _finish(base, "parts", items, citations)
    # A section whose heading names the subject better than the title of any top hit ("守牢美丽山西建设安全底线
    # 包括哪几个方面" under "四、坚持全力防范风险，守牢美丽山西建设安全底线"): its clauses are the parts.
    named = titled_section(kb, question, hits[:3])
    if named is not None and not any(h.path and _cover(subject_terms(question), h.path[-1]) >= 1 for h in hits[:3]):
        return section_answer(kb, base, named, citations)
    subject = subject_terms(question)
    for h in by_heading(question, hits, 3):
        heads = sub_headings(h.text)
        if len(heads) >= 3 and _secondary(kb, h) and any(
                _cover(subject, x.text) > _cover(subject, h.text) for x in hits[:3] if not _secondary(kb, x)):
            # a report's list of a policy's tasks, while a clause of a policy speaks of the question's subject
            # better ("…在建设用地土壤污染风险管控方面有哪些任务"): the clause answers
            continue
        if len(heads) >= 3:
            n = cite_number(citations, h)
            intro = h.text.split("\n", 1)[0].strip()
            ans = _finish(base, "parts", [AnswerItem(x, n) for x in heads], citations,
                          lead_in=intro if len(intro) <= 80 else "")
            return ans
    # The clauses under one section heading the question names ("三、…有哪些任务").
    section = _named_section(kb, question, hits)
    if section is not None:
        items = []
        for cid in section.clause_ids:
            c = kb.clause(cid)
            d = kb.document(section.doc_id)
            if c is None or d is None:
                continue
            h = next((x for x in citations if x.clause_id == cid), None) or Hit(
                d.doc_id, d.title, cid, c.path, c.text, 0.0, "section")
            items.append(AnswerItem(c.title or c.text[:30], cite_number(citations, h)))
        if len(items) >= 2:
            return _finish(base, "parts", items, citations, lead_in=section.title)
    for h in hits[:2]:
        _lead, enum = enumerated_items(h.text)
        if len(enum) >= 2:
            n = cite_number(citations, h)
            return _finish(base, "parts", [AnswerItem(x, n) for x in enum], citations)
    return open_answer(question, base, kb)


# "…有哪些安全底线" answered by a section heading ("四、…，守牢美丽山西建设安全底线"): its share of the terms.
SECTION_COVER = 0.75
_ASKS_WHICH = re.compile(r"哪些|哪几|有什么")


def _cover(terms: list[str], heading: str) -> float:
    norm = _norm(heading)
    return sum(1 for t in terms if has_term(t, norm)) / len(terms) if terms else 0.0


def covering_section(kb: KnowledgeBase, question: str, hits: list[Hit]) -> Section | None:
    """The section whose heading names what the question asks for ("…要守牢哪些安全底线" under "四、…守牢
    美丽山西建设安全底线") better than any clause title, with at least two of the top hits among its titled
    clauses: the question asks for the parts of that whole."""
    terms = question_terms(question)
    which = _ASKS_WHICH.search(question)
    # What is asked for ("安全底线" after 哪些) is named by the heading itself, not only the context.
    asked = question_terms(question[which.end():]) if which else []
    if not asked or len(terms) < 2:
        return None
    top = hits[:5]
    own = max((_cover(terms, h.path[-1]) for h in top if h.path), default=0.0)
    best: tuple[float, Section] | None = None
    for doc_id in dict.fromkeys(h.doc_id for h in top):
        doc = kb.document(doc_id)
        if doc is None:
            continue
        for sec in doc.sections:
            inside = sum(1 for h in top if h.clause_id in sec.clause_ids)
            cover = _cover(terms, sec.title)
            if len(sec.clause_ids) < 2 or inside < 2 or cover < SECTION_COVER or cover <= own:
                continue
            if not all(has_term(t, _norm(sec.title)) for t in asked):
                continue
            clauses = [kb.clause(c) for c in sec.clause_ids]
            if any(c is None or c.kind == "article" or not c.title for c in clauses):
                continue  # law articles are titled by their number only
            if best is None or cover > best[0]:
                best = (cover, sec)
    return best[1] if best else None


def section_answer(kb: KnowledgeBase, base: Answer, section: Section, citations: list[Hit]) -> Answer:
    """The titles of the clauses under a section heading, each cited to its clause."""
    items = []
    d = kb.document(section.doc_id)
    for cid in section.clause_ids:
        c = kb.clause(cid)
        if c is None or d is None:
            continue
        h = next((x for x in citations if x.clause_id == cid), None) or Hit(
            d.doc_id, d.title, cid, c.path, c.text, 0.0, "section")
        items.append(AnswerItem(c.title or c.text[:30], cite_number(citations, h)))
    return _finish(base, "parts", items, citations, lead_in=section.title)


# Words of a question's frame, not of its subject ("…包括哪几个方面").
_FRAME_WORD = re.compile(r"包括|包含|涵盖|哪.{0,3}|几.{0,3}|什么|如何|怎么|怎样|方面|内容|要求|措施|举措|任务|规定|"
                         r"做法|有哪些|"
                         # the kind of answer asked for ("要办理什么手续"), not what it is about
                         r"手续|程序|流程|办理|承担|"
                         # the frame of a yes/no question ("在自然保护区里能不能开矿"), not its subject
                         r"能不能|不能|能否|可以|可否|可不可以|是否|要不要|需不需要|需要|应该|应当|必须|会不会|"
                         r"有没有|算不算|行不行|"
                         # how long, how much, when: what is asked, not what it is about
                         r"多长时间|多长|多久|多少钱|多少|多大|多远|多高|何时|什么时候")


def subject_terms(question: str) -> list[str]:
    return [t for t in question_terms(question) if not _FRAME_WORD.fullmatch(t)]


def titled_section(kb: KnowledgeBase, question: str, hits: list[Hit]) -> Section | None:
    """The section, in the documents of the hits, whose heading holds every term of the question and heads at
    least two titled clauses (policy parts, not law chapters)."""
    terms = subject_terms(question)
    if len(terms) < 2:
        return None
    for doc_id in dict.fromkeys(h.doc_id for h in hits):
        doc = kb.document(doc_id)
        for sec in doc.sections if doc is not None else []:
            if len(sec.clause_ids) < 2 or _cover(terms, sec.title) < 1:
                continue
            clauses = [kb.clause(c) for c in sec.clause_ids]
            if all(c is not None and c.kind != "article" and c.title for c in clauses):
                return sec
    return None


def _named_section(kb: KnowledgeBase, question: str, hits: list[Hit]) -> Section | None:
    """The section of the top hit whose heading shares most of the question's terms (≥ 2/3)."""
    terms = [t for t in content_terms(question) if not t.isdigit()]
    if not terms:
        return None
    doc = kb.document(hits[0].doc_id)
    if doc is None:
        return None
    best, best_share = None, 0.0
    for s in doc.sections:
        if len(s.clause_ids) < 2:
            continue
        head = _norm(s.title)
        share = sum(1 for t in terms if has_term(t, head)) / len(terms)
        if share > best_share:
            best, best_share = s, share
    return best if best_share >= 2 / 3 else None


# ----- comparison ----------------------------------------------------------------------------------
def year_segments(text: str, years: list[int]) -> dict[int, str]:
    """The part of a text that speaks about each year: from "到2027年" to the next year's marker."""
    marks = []
    for y in years:
        m = re.search(rf"(?:到|至|在|于)?{y}\s*年", text)
        if m:
            marks.append((m.start(), y))
    marks.sort()
    out = {}
    for i, (pos, y) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        seg = text[pos:end]
        stop = re.search(r"[。！？]", seg)
        if stop and i + 1 == len(marks):
            seg = seg[: stop.end()]
        out[y] = seg.strip().rstrip("；;，,")
    return out


def _secondary(kb: KnowledgeBase, hit: Hit) -> bool:
    """The hit is from a news report or an interpretation, not from a document that sets policy."""
    d = kb.document(hit.doc_id)
    return d is not None and str(d.meta.get("doc_type", "")) in SECONDARY_TYPES


def comparison_answer(kb: KnowledgeBase, question: str, base: Answer, years: list[int]) -> Answer:
    """A table with one column per year: what the policy says for each, and the targets set for each."""
    if len(years) < 2 or not base.citations:
        return open_answer(question, base, kb)
    citations = list(base.citations)
    cols = [f"{y}年" for y in years]
    rows: list[list[str]] = []
    cites: list[list[int]] = []
    spans = [h for h in citations[:5] if all(f"{y}年" in h.text for y in years)]
    # The document's own words before a news report's account of them ("到2027年…到2035年…" in the 实施意见 itself).
    both = next((h for h in spans if not _secondary(kb, h)), spans[0] if spans else None)
    if both is not None:
        seg = year_segments(both.text, years)
        if len(seg) == len(years):
            n = cite_number(citations, both)
            rows.append(["总体表述", *[seg[y] for y in years]])
            cites.append([0, *[n] * len(years)])
    topic = [t for t in content_terms(question) if not t.isdigit()]
    by_name: dict[str, dict[int, tuple[str, int]]] = {}
    for ind in kb.indicators():
        if ind.year not in years:
            continue
        name = _norm(ind.name)
        relevant = any(has_term(t, name) for t in topic) or (both is not None and ind.clause_id == both.clause_id)
        if not relevant and rows:
            continue
        c = kb.clause(ind.clause_id)
        d = kb.document(ind.clause_id.split(":", 1)[0])
        if c is None or d is None:
            continue
        h = next((x for x in citations if x.clause_id == c.clause_id), None) or Hit(
            d.doc_id, d.title, c.clause_id, c.path, c.text, 0.0, "target", ind.sentence)
        value = f"{ind.qualifier}{ind.value:g}{ind.unit}" if ind.qualifier not in ("以上", "以下", "左右", "以内") \
            else f"{ind.value:g}{ind.unit}{ind.qualifier}"
        by_name.setdefault(ind.name, {})[ind.year] = (value, cite_number(citations, h))
    for name, vals in list(by_name.items())[:10]:
        rows.append([name, *[vals[y][0] if y in vals else "—" for y in years]])
        cites.append([0, *[vals[y][1] if y in vals else 0 for y in years]])
    if not rows:
        return open_answer(question, base, kb)
    table = AnswerTable(["", *cols], rows, cites)
    lines = [" | ".join(r) for r in rows]
    ans = Answer(True, "\n".join(lines), citations, base.question, "", base.confidence, type="comparison",
                 table=table)
    return ans


def years_in(question: str) -> list[int]:
    return sorted({int(y) for y in YEAR.findall(question)} | {
        n for n in (cn_to_int(x) for x in re.findall(r"([一二三四五六七八九〇零]{4})年", question)) if n})
