"""Parse repaired paragraphs into sections and citable clauses.

Three shapes are recognised:
- laws: 第X编 / 第X章 / 第X节 headings over 第X条 articles (an article keeps its （一） items);
- policy documents: 一、 parts over （一） clauses over 1. / （1） items;
- unnumbered text (newspaper pages): passages under the nearest headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Clause, Section
from .markers import (
    ARTICLE,
    BIAN,
    CHAPTER,
    CLAUSE,
    ITEM,
    MD_HEADING,
    PART,
    SECTION,
    SUBITEM,
    cn_to_int,
    heading_like,
    starts_with_marker,
)
from .passages import group_passages

_DOC_TYPE = re.compile(r"(意见|通知|办法|方案|规定|条例|决定|规划|公告|通报|细则|法|纲要|计划|决议|报告|批复|函|解释|规则|指南)$")
_TITLE_MAX = 80



@dataclass
class Parsed:
    title: str
    clauses: list[Clause]
    sections: list[Section]
    header_lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Unit:
    kind: str
    local_id: str
    title: str
    number: int | None
    section_path: tuple[str, ...]
    section_ids: tuple[str, ...]
    paras: list[int]


def _strip_md(p: str) -> str:
    m = MD_HEADING.match(p)
    return m.group(2).strip() if m else p


def _first_sentence_title(p: str) -> str:
    """"（八）持续改善空气质量。围绕…" -> "（八）持续改善空气质量"."""
    head = re.split(r"[。；]", p, maxsplit=1)[0]
    return head if len(head) <= 40 else head[:40] + "…"


def _split_title(paras: list[str], title_hint: str) -> tuple[str, int, list[str]]:
    """Find the document title among the leading heading-like lines. Returns (title, first body, header)."""
    lead = 0
    while (
        lead < len(paras)
        and lead < 8
        and heading_like(paras[lead], _TITLE_MAX)
        and not starts_with_marker(_strip_md(paras[lead]))
        and not paras[lead].endswith(("：", ":"))  # the addressee line opens the body
    ):
        lead += 1
    header = [_strip_md(p) for p in paras[:lead]]
    title = ""
    if header:
        hint = re.sub(r"\s", "", title_hint)
        for h in header:
            if hint and (hint in re.sub(r"\s", "", h) or re.sub(r"\s", "", h) in hint):
                title = h
        if not title:
            # A Markdown level-1 heading is the title the file declares ("# 最高人民法院关于…的解释" above
            # the lines of its adoption dates).
            h1 = [_strip_md(p) for p in paras[:lead] if p.startswith("# ")]
            title = h1[0] if h1 else ""
        if not title:
            typed = [h for h in header if _DOC_TYPE.search(h)]
            title = typed[-1] if typed else max(header, key=len)
    if header and lead == len(paras):  # only headlines: nothing was a header
        return title_hint, 0, []
    return title or title_hint, lead, header


# The characters of a name; × and ○ stand for one in drafts and templates ("××县人民政府").
NAME_CHARS = "\u3400-\u4dbf\u4e00-\u9fff×○"
# The signature block that closes a notice: the issuing bodies, then the date (on a line of its own, or after the
# issuer when line repair joined them), then a note such as （此件公开发布）.
_ISSUER_END = r"(?:政府|办公室|办公厅|委员会|局|厅|委|部|院|中心|会|室|组|公司|站|所)"
_DATE_LINE = re.compile(rf"^(?:[{NAME_CHARS}（）()、]{{1,40}}?{_ISSUER_END})?"
                        r"(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零一二三四五六七八九]{4}年[〇零一二三四五六七八九十]{1,3}月"
                        r"[〇零一二三四五六七八九十]{1,3}日)$")
_NOTE_LINE = re.compile(r"^[（(][^）)]{1,20}[）)]$")
_SIGNER = re.compile(rf"^[{NAME_CHARS}（）()、\s]{{1,40}}?{_ISSUER_END}$")
_SIGNATURE_LINES = 4


def _body_end(paras: list[str]) -> int:
    """Where the body ends: before a closing signature block ("吕梁市人民政府办公室" / "2024年5月20日"), which is
    the document's metadata (ingest/docmeta reads it), not the text of its last clause."""
    end = len(paras)
    while end > 0 and (not paras[end - 1].strip() or _NOTE_LINE.match(paras[end - 1].strip())):
        end -= 1
    if end == 0 or not _DATE_LINE.match(re.sub(r"\s", "", paras[end - 1])):
        return len(paras)
    end -= 1
    signers = 0
    while end > 0 and signers < _SIGNATURE_LINES:
        line = paras[end - 1].strip()
        if not line:
            end -= 1
            continue
        if not _SIGNER.match(line) or starts_with_marker(line):
            break
        end -= 1
        signers += 1
    return end


def parse_document(doc_id: str, paragraphs: list[str], title_hint: str = "") -> Parsed:
    offsets: list[int] = []
    pos = 0
    for p in paragraphs:
        offsets.append(pos)
        pos += len(p) + 1
    title, first, header = _split_title(paragraphs, title_hint)
    body = list(range(first, first + _body_end(paragraphs[first:])))
    texts = [_strip_md(p) for p in paragraphs]
    if any(ARTICLE.match(texts[i]) for i in body):
        units, sections = _parse_law(doc_id, texts, body)
    elif any(PART.match(texts[i]) or CLAUSE.match(texts[i]) for i in body) \
            or sum(bool(ITEM.match(texts[i])) for i in body) >= 2:
        # a notice whose body is numbered "1. 2. 3." has those items as its clauses
        units, sections = _parse_policy(doc_id, texts, body)
    else:
        units, sections = _parse_passages(doc_id, paragraphs, body)
    clauses = _make_clauses(doc_id, units, paragraphs, offsets)
    by_id = {c.local_id: c.clause_id for c in clauses}
    for s in sections:
        s.clause_ids = [by_id[u.local_id] for u in units if s.section_id in u.section_ids]
    return Parsed(title=title, clauses=clauses, sections=sections, header_lines=header)


def _make_clauses(doc_id: str, units: list[_Unit], paras: list[str], offsets: list[int]) -> list[Clause]:
    seen: dict[str, int] = {}
    out: list[Clause] = []
    for u in units:
        if not u.paras:
            continue
        lid = u.local_id
        if lid in seen:  # duplicated numbering in the source: keep ids unique and stable
            seen[lid] += 1
            lid = f"{lid}_{seen[lid]}"
        else:
            seen[lid] = 1
        start = offsets[u.paras[0]]
        end = offsets[u.paras[-1]] + len(paras[u.paras[-1]])
        text = "\n".join(paras[i] for i in u.paras)
        path = (*u.section_path, u.title) if u.title else u.section_path
        out.append(
            Clause(
                clause_id=f"{doc_id}:{lid}",
                doc_id=doc_id,
                path=tuple(path),
                text=text,
                start=start,
                end=end,
                kind=u.kind,
                title=u.title,
                number=u.number,
            )
        )
    return out


def _parse_law(doc_id: str, texts: list[str], body: list[int]) -> tuple[list[_Unit], list[Section]]:
    units: list[_Unit] = []
    sections: list[Section] = []
    stack: list[tuple[int, Section]] = []  # (rank, section)
    cur: _Unit | None = None
    ranks = ((BIAN, "bian", "b", 0), (CHAPTER, "chapter", "ch", 1), (SECTION, "section", "s", 2))
    for i in body:
        t = texts[i]
        heading = next(((rx, lv, pre, r) for rx, lv, pre, r in ranks if rx.match(t)), None)
        if heading and heading_like(t):
            rx, level, prefix, rank = heading
            m = rx.match(t)
            assert m is not None
            while stack and stack[-1][0] >= rank:
                stack.pop()
            num = cn_to_int(m.group(1))
            parent = stack[-1][1] if stack else None
            sid = f"{parent.section_id}.{prefix}{num}" if parent and level == "section" else f"{prefix}{num}"
            sec = Section(sid, doc_id, level, t, (*(s.title for _, s in stack), t), num)
            stack.append((rank, sec))
            sections.append(sec)
            cur = None
            continue
        m = ARTICLE.match(t)
        if m:
            num = cn_to_int(m.group(1))
            suffix = re.match(r"^第[^条]+条之([一二三四五六七八九十]+)", t)
            lid = f"a{num}" + (f"-{cn_to_int(suffix.group(1))}" if suffix else "")
            art = re.match(r"^第[^条\s　]+条(?:之[一二三四五六七八九十]+)?", t)
            cur = _Unit("article", lid, art.group(0) if art else t[:8], num,
                        tuple(s.title for _, s in stack), tuple(s.section_id for _, s in stack), [i])
            units.append(cur)
        elif cur is not None:
            cur.paras.append(i)
        else:
            _append_preamble(units, i)
    return units, sections


def _append_preamble(units: list[_Unit], i: int) -> None:
    if units and units[-1].kind == "preamble":
        units[-1].paras.append(i)
    else:
        units.append(_Unit("preamble", "preamble", "序言", None, (), (), [i]))


def _parse_policy(doc_id: str, texts: list[str], body: list[int]) -> tuple[list[_Unit], list[Section]]:
    units: list[_Unit] = []
    sections: list[Section] = []
    part: Section | None = None
    cur: _Unit | None = None  # the open clause or item
    para_count: dict[str, int] = {}
    for i in body:
        t = texts[i]
        m_part = PART.match(t)
        if m_part:
            num = cn_to_int(m_part.group(1))
            if heading_like(t, 60):
                part = Section(f"p{num}", doc_id, "part", t, (t,), num)
                sections.append(part)
                cur = None
                continue
            # "一、群体性聚餐是指…。": a numbered paragraph, not a heading; it is its own part and clause.
            title = _first_sentence_title(t)
            part = Section(f"p{num}", doc_id, "part", title, (title,), num)
            sections.append(part)
            cur = _Unit("clause", f"p{num}", "", num, (title,), (part.section_id,), [i])
            units.append(cur)
            continue
        path = (part.title,) if part else ()
        sids = (part.section_id,) if part else ()
        m_clause = CLAUSE.match(t)
        m_item = ITEM.match(t) or SUBITEM.match(t)
        if m_clause:
            num = cn_to_int(m_clause.group(1))
            cur = _Unit("clause", f"c{num}", _first_sentence_title(t), num, path, sids, [i])
            units.append(cur)
        elif m_item and (cur is None or cur.kind == "item") and not (cur and SUBITEM.match(t) and ITEM.match(
            texts[cur.paras[0]])):
            num = int(m_item.group(1))
            base = part.section_id if part else "top"
            cur = _Unit("item", f"{base}.i{num}", _first_sentence_title(t), num, path, sids, [i])
            units.append(cur)
        elif cur is not None:
            cur.paras.append(i)
        elif part is not None:
            n = para_count.get(part.section_id, 0) + 1
            para_count[part.section_id] = n
            units.append(_Unit("paragraph", f"{part.section_id}.para{n}", f"第{n}段", n, path, sids, [i]))
        else:
            _append_preamble(units, i)
    # Clause numbers that restart in each part need the part in the id.
    ids = [u.local_id for u in units if u.kind == "clause"]
    if len(ids) != len(set(ids)):
        for u in units:
            if u.kind == "clause" and u.section_ids:
                u.local_id = f"{u.section_ids[0]}.{u.local_id}"
    return units, sections


def _parse_passages(doc_id: str, paragraphs: list[str], body: list[int]) -> tuple[list[_Unit], list[Section]]:
    sub = [paragraphs[i] for i in body]
    passages, _skipped = group_passages(sub)
    units: list[_Unit] = []
    sections: dict[str, Section] = {}
    for n, ps in enumerate(passages, start=1):
        head = ps.headline or "正文"
        sec = sections.get(head)
        if sec is None:
            sec = Section(f"h{len(sections) + 1}", doc_id, "headline", head, (head,), len(sections) + 1)
            sections[head] = sec
        units.append(_Unit("passage", f"s{n}", "", n, (head,), (sec.section_id,),
                           [body[j] for j in ps.paragraph_indices]))
    return units, list(sections.values())
