"""The answer a question asks for: typed, then shaped (sentence, list, parts, table or metadata).

The found / "未在政策文件中找到相关规定" decision stays with the extractive answerer (extract.py):
a structured answer is only built from clauses it accepted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models import Answer
from .extract import answer_question
from .metadata import metadata_answer, named_document
from .qtype import classify
from .structured import comparison_answer, open_answer, parts_answer, years_in

if TYPE_CHECKING:
    from ..kb import KnowledgeBase


def answer(kb: KnowledgeBase, question: str, k: int = 5, filters: Any = None) -> Answer:
    """filters: a DocFilter restricting the documents searched (API document filters)."""
    q = question.strip()
    qt = classify(q)
    if qt.kind == "metadata":
        return metadata_answer(kb, q, qt.meta_field, k)
    # A question that names one document ("水法里…") is answered from that document.
    base = answer_question(kb, q, k, doc=named_document(q, kb.documents), filters=filters)
    if not base.found:
        base.type = "refusal"
        return base
    lookup = bool(base.citations) and base.citations[0].source == "lookup"
    if qt.kind == "parts":
        return parts_answer(kb, q, base)
    if lookup:
        base.type = "lookup"
        return base
    if qt.kind == "comparison":
        return comparison_answer(kb, q, base, years_in(q))
    if qt.kind == "open":
        return open_answer(q, base, kb)
    return base
