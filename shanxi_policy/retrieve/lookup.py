"""Direct lookups that need no ranking: "（八）说了什么", "第八条", "第三部分", and “quoted phrases”."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Document
from ..text.markers import CN_DIGITS, cn_to_int
from ..text.normalize import normalize_for_search

_N = f"[{CN_DIGITS}0-9]+"
_CLAUSE_REF = re.compile(rf"[（(]({_N})[）)]")
_ARTICLE_REF = re.compile(rf"第({_N})(条|项)")
_PART_REF = re.compile(rf"第({_N})(部分|章|节)|^({_N})、")
_QUOTED = re.compile(r"[“\"「『‘']([^”\"」』’']{2,60})[”\"」』’']")


@dataclass
class Lookup:
    clause_ids: list[str]
    label: str  # what was looked up, for the message shown to users


def quoted_phrases(query: str) -> list[str]:
    return [m.group(1).strip() for m in _QUOTED.finditer(query) if m.group(1).strip()]


def abbreviates(short: str, title: str) -> bool:
    """short is an abbreviation of the title ("大气法", "环评法"): the title's first character, then its characters
    in order, ending as it ends (中华人民共和国 left out)."""
    t = re.sub(r"^中华人民共和国", "", title)
    if len(short) < 2 or not t.startswith(short[0]) or not t.endswith(short[-1]):
        return False
    it = iter(t)
    return all(ch in it for ch in short)


_NAME_BEFORE_ARTICLE = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:法|条例|办法))(?:的)?第")


def _docs_named(query: str, docs: list[Document]) -> list[Document]:
    """Documents the query names by title or short title, or by an abbreviation just before the article it asks
    for ("大气法第七十二条"); all documents when none is named."""
    named = []
    for d in docs:
        names = [d.title, str(d.meta.get("short_title", "")), d.doc_id]
        if any(n and len(n) >= 4 and n in query for n in names):
            named.append(d)
    if not named:
        for m in _NAME_BEFORE_ARTICLE.finditer(query):
            word = m.group(1)
            for k in range(len(word), 1, -1):  # the longest tail of the words before 第 that abbreviates a title
                hits = [d for d in docs if abbreviates(word[-k:], d.title)]
                if hits:
                    named += [d for d in hits if d not in named]
                    break
    return named or docs


def structural_lookup(query: str, docs: list[Document]) -> Lookup | None:
    docs = _docs_named(query, docs)
    m = _CLAUSE_REF.search(query)
    if m:
        n = cn_to_int(m.group(1))
        ids = [c.clause_id for d in docs for c in d.clauses if c.kind in ("clause", "item") and c.number == n]
        if ids:
            return Lookup(ids, m.group(0))
    m = _ARTICLE_REF.search(query)
    if m:
        n = cn_to_int(m.group(1))
        ids = [c.clause_id for d in docs for c in d.clauses if c.kind == "article" and c.number == n]
        if not ids:  # "第八条" of a policy document means its clause （八）
            ids = [c.clause_id for d in docs for c in d.clauses if c.kind == "clause" and c.number == n]
        if ids:
            return Lookup(ids, m.group(0))
    m = _PART_REF.search(query)
    if m:
        n = cn_to_int(m.group(1) or m.group(3))
        level = {"部分": "part", "章": "chapter", "节": "section"}.get(m.group(2) or "部分", "part")
        for d in docs:
            for s in d.sections:
                if s.level == level and s.number == n and s.clause_ids:
                    return Lookup(list(s.clause_ids), s.title)
    return None


def exact_matches(phrase: str, docs: list[Document]) -> list[str]:
    target = normalize_for_search(phrase)
    return [c.clause_id for d in docs for c in d.clauses if target in normalize_for_search(c.text)]


def literal_terms(query: str) -> list[str]:
    """The strings a full-text search must find: the query's space-separated parts, quotes removed."""
    parts = re.split(r"[\s\u3000]+", re.sub(r"[“”\"「」『』‘’']", " ", query))
    return [normalize_for_search(p) for p in parts if normalize_for_search(p)]


def literal_matches(query: str, docs: list[Document]) -> list[str]:
    """Clauses whose text holds every part of the query verbatim (whitespace ignored), in library order."""
    terms = literal_terms(query)
    if not terms:
        return []
    return [c.clause_id for d in docs for c in d.clauses
            if all(t in normalize_for_search(c.text) for t in terms)]
