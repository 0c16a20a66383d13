"""The answer a question asks for: typed, then shaped (sentence, list, parts, table or metadata).

The found / "未在政策文件中找到相关规定" decision stays with the extractive answerer (extract.py):
a structured answer is only built from clauses it accepted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..models import Answer, Document
from ..retrieve.filters import DocFilter
from ..text.normalize import normalize_for_search
from ..text.tokenize import content_terms
from .extract import answer_question
from .followup import find_document_reference
from .metadata import metadata_answer, named_document
from .qtype import YEAR, classify
from .structured import comparison_answer, has_term, held_key, holds, introduced_list, open_answer, parts_answer, years_in

if TYPE_CHECKING:
    from ..kb import KnowledgeBase


def answer(kb: KnowledgeBase, question: str, k: int = 5, filters: Any = None) -> Answer:
    """filters: a DocFilter restricting the documents searched (API document filters)."""
    return other_year(question, _answer(kb, question, k, filters))


def other_year(question: str, ans: Answer) -> Answer:
    """"到2025年…" when the texts set targets for 2030 only: the closest provision is shown, and the answer
    says that nothing is stated for the year asked."""
    asked = set(YEAR.findall(question))
    if ans.found and asked and not ans.note and ans.type not in ("metadata", "lookup") \
            and not asked & set(YEAR.findall(ans.shown_text())):
        ans.note = f"文件中未找到{'、'.join(sorted(asked))}年的相应规定，以下是最接近的条款。"
    return ans


def _answer(kb: KnowledgeBase, question: str, k: int, filters: Any) -> Answer:
    q = question.strip()
    qt = classify(q)
    if qt.kind == "metadata":
        return metadata_answer(kb, q, qt.meta_field, k)
    # A question that names one document ("水法里…") is answered from that document, and the name is not
    # searched for: inside the document it matches every clause and says nothing about the subject.
    doc = named_document(q, kb.documents)
    asked = q
    if doc is not None:
        s, e, _name = find_document_reference(q, kb.documents)
        rest = (q[:s] + q[e:]).strip()
        if e > s and len(content_terms(rest)) >= 1:
            asked = rest
    if doc is not None:
        # Searched as a document filter: the candidates are then drawn from far enough down the whole
        # library's ranking that the named document's own clauses are among them. A report or an
        # interpretation quoting the document by name speaks about it too.
        if filters is None or not filters.doc_ids:
            ids = [doc, *reports_on(doc, kb.documents)]
            filters = replace(filters, doc_ids=ids) if filters is not None else DocFilter(doc_ids=ids)
            if len(ids) > 1:
                doc = None
    base = answer_question(kb, asked, k, doc=doc, filters=filters)
    if asked != q:
        base.question = q
    if not base.found:
        base.type = "refusal"
        return base
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
    return unnamed_object(kb, asked, introduced_list(base))


def unnamed_object(kb: KnowledgeBase | None, question: str, ans: Answer) -> Answer:
    """A one-sentence answer that lacks the question's rarest term while another retrieved clause uses it
    ("焦化企业…多远" answered by a sentence on 尾矿库) speaks of a different object: it is kept as the
    closest provision, and the answer says the documents state nothing on the object asked about."""
    if not ans.found or ans.items or not ans.citations or ans.citations[0].source == "lookup":
        return ans
    key = held_key(question, ans.citations[:5], kb)
    if key and not has_term(key, normalize_for_search(ans.text)) and not holds(key, ans.citations[0]):
        ans.note = f"文件中未找到针对“{key}”的明确规定，以下是最接近的条款（其中没有提到“{key}”）。"
    return ans


# Documents that speak about other documents rather than lay down rules of their own.
SECONDARY_TYPES = ("新闻报道", "政策解读")


def reports_on(doc_id: str, documents: Sequence[Document]) -> list[str]:
    """News reports and interpretations that quote the document by one of its names (《…》)."""
    from .metadata import document_names

    names = {n for n, d in document_names(documents).items() if d == doc_id}
    target = next((d for d in documents if d.doc_id == doc_id), None)
    if target is not None and "关于" in target.title:
        names.add(re.sub(r"^.*?关于", "关于", target.title))
    quoted = [f"《{n}》" for n in names if len(n) >= 4]
    return [d.doc_id for d in documents if d.doc_id != doc_id and str(d.meta.get("doc_type", "")) in SECONDARY_TYPES
            and any(q in d.text for q in quoted)]


def _asked_as(ans: Answer, question: str) -> Answer:
    ans.question = question
    return ans
