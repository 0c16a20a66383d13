"""The answer a question asks for: typed, then shaped (sentence, list, parts, table or metadata).

The found / "未在政策文件中找到相关规定" decision stays with the extractive answerer (extract.py):
a structured answer is only built from clauses it accepted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models import Answer
from ..text.tokenize import content_terms
from .extract import answer_question
from .followup import find_document_reference
from .metadata import metadata_answer, named_document
from .qtype import classify
from .structured import comparison_answer, introduced_list, open_answer, parts_answer, years_in

if TYPE_CHECKING:
    from ..kb import KnowledgeBase


def answer(kb: KnowledgeBase, question: str, k: int = 5, filters: Any = None) -> Answer:
    """filters: a DocFilter restricting the documents searched (API document filters)."""
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
    return introduced_list(base)


def _asked_as(ans: Answer, question: str) -> Answer:
    ans.question = question
    return ans
