"""Where a text applies: national texts everywhere, a local regulation in its own province or city.

A question that names a place ("在德州拆旧房子…") prefers the texts of that place; a question that names
none prefers national texts and the home province's own texts over the local regulations of other
places (a Shanxi official asking about 噪声 wants 噪声污染防治法, not 青岛市环境噪声管理规定).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..models import Document

_ADMIN = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{2,7}?)(省|市|自治区|自治州|地区|县|区)"
                    r"(?=人民|人大|委员会|政府|党委|委|常务|$)")
_TITLE = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(省|市)")
_NATIONAL = ("全国", "国务院", "最高人民", "中共中央", "国家", "中华人民共和国")


@dataclass(frozen=True)
class JurisdictionParams:
    """Factors on the fused score; fitted on the dev split of the lay questions (BENCHMARKS.md)."""

    named_boost: float = 0.5  # a text of a place the question names
    other_penalty: float = 0.5  # another place's text when the question names no place
    # The province whose officials use the tool (Settings.home_region): its own texts apply to every question.
    home: tuple[str, ...] = ("山西",)


def place_of(doc: Document) -> str:
    """The place a text belongs to ("德州", "山东"), or "" for a national text."""
    issuers = doc.meta.get("issuer", [])
    issuers = [issuers] if isinstance(issuers, str) else list(issuers)
    for iss in issuers:
        if any(str(iss).startswith(n) for n in _NATIONAL):
            return ""
        m = _ADMIN.match(str(iss))
        if m:
            return m.group(1)
    if str(doc.meta.get("doc_type", "")) == "地方性法规":
        m = _TITLE.match(doc.title)
        if m:
            return m.group(1)
    return ""


def places_of(docs: dict[str, Document]) -> dict[str, str]:
    """doc id → place (see place_of); read once per index, not per query."""
    return {doc_id: place_of(d) for doc_id, d in docs.items()}


def named_places(places: dict[str, str], query: str) -> set[str]:
    """The places with texts of their own that the question names ("洛阳", "山东")."""
    return {pl for pl in set(places.values()) if pl and pl in query}


def by_jurisdiction(order: list[tuple[str, float, str]], places: dict[str, str], clauses: dict[str, Any],
                    query: str, params: JurisdictionParams | None = None) -> list[tuple[str, float, str]]:
    """Rescore (clause id, score, source) by where each text applies; lookups and quoted phrases keep
    their place. Without texts of other places the order is unchanged."""
    p = params or JurisdictionParams()
    if not any(pl and pl not in p.home for pl in places.values()):
        return order
    named = named_places(places, query)
    out = []
    for cid, s, src in order:
        pl = places.get(clauses[cid].doc_id, "") if cid in clauses else ""
        if src in ("lookup", "exact") or not pl:
            out.append((cid, s, src))
        elif named:
            out.append((cid, s * (1 + p.named_boost) if pl in named else s, src))
        else:
            out.append((cid, s if pl in p.home else s * (1 - p.other_penalty), src))
    return sorted(out, key=lambda x: -x[1])
