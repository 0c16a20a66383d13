"""政策浏览: documents, the part → clause tree, a clause view by link, full-text search, targets."""

from __future__ import annotations

import html

import streamlit as st

from ...errors import QueryError
from ...kb import KnowledgeBase
from ...retrieve.lookup import literal_terms
from ..render import Link, clause_link, css, hit_card, md_escape, quote_block, table
from ..state import get_kb


def _clause_view(kb: KnowledgeBase, clause_id: str) -> None:
    c = kb.clause(clause_id)
    if c is None:
        st.error("链接中的条款不存在（可能所在文档已被删除）。")
        return
    d = kb.document(c.doc_id)
    assert d is not None
    st.subheader(md_escape(" › ".join(c.path) or c.local_id))
    st.caption(md_escape(f"《{d.title}》 条款编号 {c.local_id}"))
    quote_block(c.text)
    idx = [x.clause_id for x in d.clauses].index(c.clause_id)
    nav = []
    if idx > 0:
        prev = d.clauses[idx - 1]
        nav.append(f'<a href="{clause_link(prev.clause_id)}" target="_self">← 上一条：'
                   f'{html.escape(prev.title or prev.local_id)}</a>')
    if idx + 1 < len(d.clauses):
        nxt = d.clauses[idx + 1]
        nav.append(f'<a href="{clause_link(nxt.clause_id)}" target="_self">下一条：'
                   f'{html.escape(nxt.title or nxt.local_id)} →</a>')
    if nav:  # a one-clause document has neither (st.html refuses an empty body)
        st.html(" ｜ ".join(nav))
    targets = [i for i in kb.indicators() if i.clause_id == c.clause_id]
    if targets:
        st.caption("本条款中的量化目标")
        table([{"年份": i.year or "", "指标": i.name, "目标值": i.shown_value()}
               for i in targets])
    from ..norms_view import clause_norms

    clause_norms(kb, c.clause_id)


def _documents(kb: KnowledgeBase) -> None:
    from ..filters_view import doc_filter, home_first, meta_row

    flt = doc_filter(kb.documents, "browse-docs")
    shown_docs = home_first([d for d in kb.documents if flt is None or flt.matches(d)], kb.jurisdiction.home)
    table([{**meta_row(d), "条款数": len(d.clauses), "文件": d.source} for d in shown_docs])
    titles = {d.title: d for d in shown_docs}
    if not titles:
        st.info("没有符合筛选条件的文档。")
        return
    choice = st.selectbox("查看文档结构", list(titles), key="browse_doc", placeholder="选择文档")
    doc = titles[choice]
    if doc.meta.get("validity") in ("已修订", "已废止"):
        st.warning(f"该文件{doc.meta['validity']}" + (f"：{doc.meta['validity_basis']}" if doc.meta.get("validity_basis")
                                                    else "") + "。引用时请以现行有效的文本为准。")
    # The whole tree is one HTML element (<details> per part): one element draws much faster in the
    # browser than an expander and an HTML block per part.
    shown: set[str] = set()
    parts = []
    for s in doc.sections:
        items = []
        for cid in s.clause_ids:
            c = kb.clause(cid)
            if c is not None:
                shown.add(cid)
                items.append(_tree_item(cid, c.title or (c.text[:30] + "…")))
        parts.append(f"<details><summary>{html.escape(s.title)}</summary><ul>{''.join(items)}</ul></details>")
    rest = [c for c in doc.clauses if c.clause_id not in shown]
    if rest:
        parts.append("<details><summary>其他段落</summary><ul>"
                     + "".join(_tree_item(c.clause_id, c.title or c.text[:30]) for c in rest) + "</ul></details>")
    st.html('<div class="doc-tree">' + "".join(parts) + "</div>")


def _tree_item(clause_id: str, label: str) -> str:
    return f'<li><a href="{clause_link(clause_id)}" target="_self">{html.escape(label)}</a></li>'


PAGE_SIZE = 20  # full-text matches per page


def _search(kb: KnowledgeBase) -> None:
    q = st.text_input("全文检索", placeholder="例如：燃煤锅炉、清洁取暖、“公转铁”", key="browse-q")
    c1, c2, c3 = st.columns(3)
    docs = {"全部文档": None, **{d.title: d.doc_id for d in kb.documents}}
    doc = docs[c1.selectbox("文档", list(docs), placeholder="选择文档")]
    part = c2.text_input("部分（标题中的文字）", placeholder="如：三、")
    years = sorted({i.year for i in kb.indicators() if i.year})
    year_label = c3.selectbox("目标年份", ["不限", *map(str, years)], placeholder="选择年份")
    year = None if year_label == "不限" else int(year_label)
    from ..filters_view import doc_filter

    flt = doc_filter(kb.documents, "browse-search")
    if q:
        try:
            hits = kb.full_text(q, doc=doc, part=part or None, year=year, filters=flt)
            near = [] if hits else kb.search(q, k=5, doc=doc, part=part or None, year=year, filters=flt)
        except QueryError as exc:
            st.error(str(exc))
            return
        if not hits:
            # A word no clause holds is said plainly; clauses on a related subject are offered apart, as such.
            terms = literal_terms(q)
            if len(terms) > 1:
                # Several words are all required: say which of them no clause holds at all.
                absent = [t for t in terms if not kb.full_text(t, doc=doc, part=part or None, year=year, filters=flt)]
                st.info(f"未找到同时包含{'、'.join(f'“{md_escape(t)}”' for t in terms)}的条款"
                        + (f"；文档中没有出现{'、'.join(f'“{md_escape(t)}”' for t in absent)}，可换个说法或减少检索词。"
                           if absent else "；可减少检索词后再试。"))
            else:
                st.info(f"未找到包含“{md_escape(q.strip())}”的条款。")
            if near:
                with st.expander("内容相近的条款（原文中没有该检索词，仅供参考）"):
                    for n, h in enumerate(near, 1):
                        hit_card(h, n)
            return
        pages = (len(hits) + PAGE_SIZE - 1) // PAGE_SIZE
        page_no = st.number_input(f"共 {pages} 页", 1, pages, 1, key="browse-page") if pages > 1 else 1
        first = (int(page_no) - 1) * PAGE_SIZE
        st.caption(f"共 {len(hits)} 条条款包含“{q.strip()}”，按与检索词的相关程度排列；"
                   f"当前显示第 {first + 1}–{min(first + PAGE_SIZE, len(hits))} 条。")
        for n, h in enumerate(hits[first:first + PAGE_SIZE], first + 1):
            hit_card(h, n, expanded=n <= 3)
            if h.superseded:
                st.caption(f"注意：该条款所在文件{h.validity}，引用时请以现行有效的文本为准。")


def _targets(kb: KnowledgeBase) -> None:
    inds = kb.indicators()
    years = sorted({i.year for i in inds if i.year})
    titles = {d.doc_id: d.title for d in kb.documents}
    c1, c2 = st.columns(2)
    pick = c1.multiselect("按年份筛选", years, default=[], key="target_years", placeholder="全部年份")
    # A city's notice and the province's opinion both set 2025 targets: the document says whose target it is.
    docs = sorted({i.clause_id.split(":", 1)[0] for i in inds}, key=lambda d: titles.get(d, d))
    pick_docs = c2.multiselect("按文件筛选", docs, default=[], key="target_docs", placeholder="全部文件",
                               format_func=lambda d: titles.get(d, d))
    rows: list[dict[str, object]] = []
    for i in inds:
        doc_id = i.clause_id.split(":", 1)[0]
        if (pick and i.year not in pick) or (pick_docs and doc_id not in pick_docs):
            continue
        clause = kb.clause(i.clause_id)
        rows.append({"年份": str(i.year or "未定"), "指标": i.name, "目标值": i.shown_value(),
                     "文件": titles.get(doc_id, doc_id),
                     "条款": Link(" › ".join(clause.path) if clause else i.clause_id, clause_link(i.clause_id))})
    table(rows)
    counts: dict[str, int] = {}
    for i in inds:
        if (not pick or i.year in pick) and (not pick_docs or i.clause_id.split(":", 1)[0] in pick_docs):
            key = str(i.year or "未定年份")
            counts[key] = counts.get(key, 0) + 1
    if counts:
        st.caption("各目标年份的量化目标数")
        table([{"目标年份": k, "目标数": n} for k, n in sorted(counts.items())])


def page() -> None:
    css()
    st.title("政策浏览")
    kb = get_kb()
    if kb is None:
        return
    clause_id = st.query_params.get("clause")
    if clause_id:
        _clause_view(kb, clause_id)
        if st.button("返回文档列表"):
            del st.query_params["clause"]
            st.rerun()
        return
    from ..compare_view import section as compare_section
    from ..norms_view import section as norms_section

    sections = {"文档与条款": _documents, "规范条款": norms_section, "全文检索": _search, "量化目标": _targets,
                "修订对照": compare_section}
    # Only the open tab runs: with the whole law library, building every tab's tables at once made the
    # page's first render several seconds slower.
    for tab, render in zip(st.tabs(list(sections), key="browse_tab", on_change="rerun"), sections.values(),
                           strict=True):
        if tab.open:
            with tab:
                render(kb)
