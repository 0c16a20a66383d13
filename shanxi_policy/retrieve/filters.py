"""Document filters shared by search, answers, the check and the browser."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import Document


@dataclass
class DocFilter:
    """Which documents a query may use. Empty fields do not filter."""

    doc_types: list[str] = field(default_factory=list)  # 法律, 行政法规, 规范性文件, 新闻报道 ...
    issuers: list[str] = field(default_factory=list)
    date_from: str = ""  # "YYYY" or "YYYY-MM-DD", compared as a prefix-aligned string
    date_to: str = ""
    validity: list[str] = field(default_factory=list)  # 现行有效, 已修订, 已废止, 尚未施行
    doc_ids: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.doc_types or self.issuers or self.date_from or self.date_to or self.validity or self.doc_ids)

    def describe(self) -> str:
        """The filter in words, documents aside ("类型 法律；发文机关 …"); "" when it sets none of these."""
        parts = []
        if self.doc_types:
            parts.append("类型 " + "、".join(self.doc_types))
        if self.issuers:
            parts.append("发文机关 " + "、".join(self.issuers))
        if self.date_from or self.date_to:
            parts.append(f"成文日期 {self.date_from or '…'} 至 {self.date_to or '…'}")
        if self.validity:
            parts.append("效力 " + "、".join(self.validity))
        return "；".join(parts)

    def matches(self, doc: Document) -> bool:
        m = doc.meta
        if self.doc_ids and doc.doc_id not in self.doc_ids:
            return False
        if self.doc_types and str(m.get("doc_type", "")) not in self.doc_types:
            return False
        if self.issuers:
            issuers = m.get("issuer", [])
            issuers = [issuers] if isinstance(issuers, str) else list(issuers)
            if not any(q in i for q in self.issuers for i in issuers):
                return False
        date = str(m.get("date", ""))
        if self.date_from and (not date or date < self.date_from[: len(date)]):
            return False
        if self.date_to and (not date or date[: len(self.date_to)] > self.date_to):
            return False
        if self.validity and str(m.get("validity", "现行有效")) not in self.validity:
            return False
        return True


SUPERSEDED = ("已修订", "已废止")


def prefer_in_force(order: list[tuple[str, float, str]], docs: dict[str, Document], clauses: dict[str, Any],
                    query: str, filters: DocFilter | None = None) -> list[tuple[str, float, str]]:
    """Rank clauses of texts no longer in force (已修订, 已废止) after the others, keeping the order within
    each group. Not applied to clauses the question points at (第X条 lookups, quoted phrases), to a text
    the question names by title, or when the filter asks for superseded texts."""
    if filters is not None and any(v in SUPERSEDED for v in filters.validity):
        return order
    from ..ingest.docmeta import title_key

    qkey = title_key(query)
    first: list[tuple[str, float, str]] = []
    later: list[tuple[str, float, str]] = []
    for item in order:
        cid, _, src = item
        d = docs.get(clauses[cid].doc_id) if cid in clauses else None
        old = d is not None and str(d.meta.get("validity", "")) in SUPERSEDED
        named = d is not None and len(title_key(d.title)) >= 4 and title_key(d.title) in qkey
        (later if old and src not in ("lookup", "exact") and not named else first).append(item)
    return first + later
