"""Answers shaped by the question: lists of the policy's own sentences, parts of a whole, comparisons.

Every item is a verbatim sentence (or enumerated item, or sub-heading) of a retrieved clause and is
cited [n] to Answer.citations[n - 1]. Nothing is paraphrased.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..index.units import sentences
from ..models import Answer, AnswerItem, AnswerTable, Hit, Section
from ..text.markers import cn_to_int
from ..text.normalize import normalize_for_search
from ..text.tokenize import content_terms
from .extract import _variants, sentence_score, term_spans
from .qtype import YEAR

if TYPE_CHECKING:
    from ..kb import KnowledgeBase

MAX_ITEMS = 8  # sentences kept from a clause the question narrows down
MAX_BODY = 16  # sentences kept from a clause given whole
MAX_CLAUSES = 3
# Clauses that hold every term of the question may join up to this many; each adds only the few
# sentences on the question's rarest term that the clause headings do not already name.
MAX_JOINED_CLAUSES = 5
MAX_KEYED = 3
# A second clause joins an open answer when it scores this close to the first one (chosen on the dev set).
SECOND_CLAUSE_RATIO = 0.85
_ENUM = re.compile(r"(?:(?<=[。；;：:\n])|^)\s*(?:[（(]([一二三四五六七八九十]+|\d{1,2})[）)]|([一二三四五六七八九十]+)是|"
                   r"([①②③④⑤⑥⑦⑧⑨⑩]))")
_HEAD_PUNCT = "。；;：:，, \u3000"


def _norm(s: str) -> str:
    return normalize_for_search(s)


def _has(term: str, text_norm: str) -> bool:
    return any(v in text_norm for v in _variants(term))


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
        out.append(sent)
    return out


def focus_terms(question: str, hit: Hit) -> list[str]:
    """Question terms the clause heading does not already cover: what the question narrows down to."""
    head = _norm(" ".join(hit.path))
    return [t for t in content_terms(question) if not t.isdigit() and not _has(t, head)]


def relevant_sentences(question: str, hit: Hit, whole: bool = False) -> list[str]:
    """Sentences of a clause that answer an open question, in document order.

    When the question narrows a policy clause down ("城乡建设领域对建筑有什么要求" inside the clause on
    城乡建设), the sentences that mention the narrowing terms; otherwise the whole body. A law article
    (whole=True) is one norm and is always given whole.
    """
    body = body_sentences(hit)
    if not body or whole:
        return body[:MAX_BODY]
    focus = focus_terms(question, hit)
    if focus:
        picked = [s for s in body if any(_has(t, _norm(s)) for t in focus)]
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
    return sum(1 for t in terms if _has(t, head)) / len(terms)


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


def _cite(citations: list[Hit], hit: Hit) -> int:
    for i, h in enumerate(citations):
        if h.clause_id == hit.clause_id:
            return i + 1
    citations.append(hit)
    return len(citations)


def _finish(base: Answer, kind: str, items: list[AnswerItem], citations: list[Hit], lead_in: str = "") -> Answer:
    text = "\n".join(([lead_in] if lead_in else []) + [i.text for i in items])
    first = citations[items[0].cite - 1] if items else None
    if first is not None:
        quote = "".join(i.text if i.text[-1:] in "。；！？;" else i.text + "；" for i in items if i.cite == items[0].cite)
        first.quote = quote
        first.marks = term_spans(base.question, quote)
    return Answer(True, text, citations, base.question, "", base.confidence, type=kind, items=items)


def question_terms(question: str) -> list[str]:
    return [t for t in content_terms(question) if not t.isdigit()]


def covers_all(question: str, hit: Hit) -> bool:
    """Every content term of the question (or a synonym) is in the clause or its headings."""
    terms = question_terms(question)
    text = _norm(" ".join(hit.path) + "\n" + hit.text)
    return bool(terms) and all(_has(t, text) for t in terms)


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


def open_answer(question: str, base: Answer, kb: KnowledgeBase | None = None) -> Answer:
    """The relevant sentences of the best clause (and of close runners-up), cited, in document order."""
    hits = base.citations
    if not hits:
        return base
    citations = list(hits)
    ranked = by_heading(question, hits, 5)
    lead = ranked[0]
    top_score = max(h.score for h in hits[:5])
    chosen = [lead]
    for h in ranked[1:]:
        if len(chosen) >= MAX_CLAUSES:
            break
        if h.score >= SECOND_CLAUSE_RATIO * top_score and (heading_cover(question, h) > 0 or any(
                _has(t, _norm(h.text)) for t in focus_terms(question, h))):
            chosen.append(h)
    # Further clauses that hold every term of the question join too ("自然保护区内禁止哪些活动": 第二十六、
    # 二十七、二十八条 each forbid something), each with only its sentences on the question's rarest term.
    # Not when the lead clause's own title names every term ("（二）积极稳妥推进碳达峰碳中和"): that
    # clause is the whole answer. A chapter heading over a law article does not count.
    title = _norm(lead.path[-1]) if lead.path else ""
    joined: set[str] = set()
    for h in ranked[1:] if not all(_has(t, title) for t in question_terms(question)) else []:
        if len(chosen) >= MAX_JOINED_CLAUSES:
            break
        if h not in chosen and covers_all(question, h):
            chosen.append(h)
            joined.add(h.clause_id)
    items: list[AnswerItem] = []
    for h in in_document_order(chosen, kb):
        lead_in, enum = enumerated_items(h.text)
        clause = kb.clause(h.clause_id) if kb is not None else None
        whole = clause is not None and clause.kind == "article"
        key = key_term(focus_terms(question, h), kb) if h.clause_id in joined else ""
        keyed = [s for s in body_sentences(h) if key and _has(key, _norm(s))]
        if keyed:
            sents = keyed[:MAX_KEYED]
        elif len(enum) >= 2 and len(lead_in) < 200 and not whole:
            sents = enum
        else:
            sents = relevant_sentences(question, h, whole)
        n = _cite(citations, h)
        items.extend(AnswerItem(s, n) for s in sents)
    inside = any(_norm(base.text) in _norm(i.text) or _norm(i.text) in _norm(base.text) for i in items)
    if base.text and any(base.text in body_sentences(h) for h in hits[:1]) and not inside:
        # The single best sentence the factoid answerer found always stays in the answer.
        items.insert(0, AnswerItem(base.text, 1))
    if len(items) <= 1:
        return base
    return _finish(base, "list", items, citations)


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
    for h in by_heading(question, hits, 3):
        heads = sub_headings(h.text)
        if len(heads) >= 3:
            n = _cite(citations, h)
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
            items.append(AnswerItem(c.title or c.text[:30], _cite(citations, h)))
        if len(items) >= 2:
            return _finish(base, "parts", items, citations, lead_in=section.title)
    for h in hits[:2]:
        _lead, enum = enumerated_items(h.text)
        if len(enum) >= 2:
            n = _cite(citations, h)
            return _finish(base, "parts", [AnswerItem(x, n) for x in enum], citations)
    return open_answer(question, base, kb)


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
        share = sum(1 for t in terms if _has(t, head)) / len(terms)
        if share > best_share:
            best, best_share = s, share
    return best if best_share >= 2 / 3 else None


# ----- comparison ----------------------------------------------------------------------------------
def _year_segments(text: str, years: list[int]) -> dict[int, str]:
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


def comparison_answer(kb: KnowledgeBase, question: str, base: Answer, years: list[int]) -> Answer:
    """A table with one column per year: what the policy says for each, and the targets set for each."""
    if len(years) < 2 or not base.citations:
        return open_answer(question, base, kb)
    citations = list(base.citations)
    cols = [f"{y}年" for y in years]
    rows: list[list[str]] = []
    cites: list[list[int]] = []
    both = next((h for h in citations[:5] if all(f"{y}年" in h.text for y in years)), None)
    if both is not None:
        seg = _year_segments(both.text, years)
        if len(seg) == len(years):
            n = _cite(citations, both)
            rows.append(["总体表述", *[seg[y] for y in years]])
            cites.append([0, *[n] * len(years)])
    topic = [t for t in content_terms(question) if not t.isdigit()]
    by_name: dict[str, dict[int, tuple[str, int]]] = {}
    for ind in kb.indicators():
        if ind.year not in years:
            continue
        name = _norm(ind.name)
        relevant = any(_has(t, name) for t in topic) or (both is not None and ind.clause_id == both.clause_id)
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
        by_name.setdefault(ind.name, {})[ind.year] = (value, _cite(citations, h))
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
