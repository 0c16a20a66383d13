"""Lay wording → legal wording (shanxi_policy/data/lay_terms.tsv): query expansion for plain questions.

"工地晚上打桩" is searched also as "施工 夜间 施工作业"; a clause that says 夜间 covers a question that
says 晚上 when deciding between an answer and "未找到".
"""

from __future__ import annotations

from functools import lru_cache

from ..package_data import data_text
from ..text.normalize import normalize_for_search


@lru_cache(maxsize=1)
def lay_terms() -> dict[str, tuple[str, ...]]:
    text = data_text("lay_terms.tsv")
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [normalize_for_search(p.strip()) for p in line.split("\t") if p.strip()]
        if len(parts) >= 2:
            out[parts[0]] = tuple(dict.fromkeys(out.get(parts[0], ()) + tuple(parts[1:])))
    return out


def legal_terms(question: str) -> list[str]:
    """Legal terms for the lay words of a question that the question does not already use."""
    q = normalize_for_search(question)
    extra: list[str] = []
    for lay, legal in lay_terms().items():
        if lay in q:
            extra += [t for t in legal if t not in q and t not in extra]
    return extra


def expand(question: str) -> str:
    """The question as it is searched: followed by the legal terms for its lay words."""
    extra = legal_terms(question)
    return f"{question} {' '.join(extra)}" if extra else question


def variants(term: str) -> tuple[str, ...]:
    """Legal terms for a lay term (empty when the term is not lay wording)."""
    return lay_terms().get(term, ())
