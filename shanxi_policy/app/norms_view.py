"""政策浏览 › 规范条款: the 禁止/限制/义务/鼓励 norms read from each document, linked to their clauses."""

from __future__ import annotations

import html

import streamlit as st

from ..kb import KnowledgeBase
from ..norms.model import KIND_LABELS, MODALITIES, MODALITY_LABELS, Norm
from .render import clause_link

_COLUMNS = ("类型", "约束对象", "行为或对象", "适用范围", "例外与条件", "原文", "条款")


def _article_label(kb: KnowledgeBase, n: Norm) -> str:
    c = kb.clause(n.clause_id)
    label = (c.path[-1] if c and c.path else n.clause_id.split(":", 1)[-1]) + n.item
    return label


def norms_table_html(kb: KnowledgeBase, norms: list[Norm]) -> str:
    """An escaped HTML table; the last column links to the clause in 政策浏览."""
    head = "".join(f"<th>{c}</th>" for c in _COLUMNS)
    rows = []
    for n in norms:
        kind = MODALITY_LABELS.get(n.modality, n.modality)
        if n.kind == "penalty":
            kind += f"（{KIND_LABELS['penalty']}）"
        unless = "；".join(x for x in (n.exceptions, n.conditions) if x)
        cells = [kind, n.subject or "—", n.action, n.scope or "—", unless or "—", n.quote]
        link = f'<a href="{clause_link(n.clause_id)}" target="_self">{html.escape(_article_label(kb, n))}</a>'
        rows.append("<tr>" + "".join(f"<td>{html.escape(x)}</td>" for x in cells) + f"<td>{link}</td></tr>")
    return f'<table class="sp-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def section(kb: KnowledgeBase) -> None:
    """A document picker, modality filters and the table of its norms."""
    from .filters_view import home_first

    titles = {d.title: d.doc_id for d in home_first(list(kb.documents), kb.jurisdiction.home)}
    if not titles:
        st.info("索引中还没有文档。")
        return
    table = kb.norm_table()
    if table.note:
        st.warning(table.note)
    choice = st.selectbox("文档", list(titles), key="norms_doc", placeholder="选择文档")
    doc_norms = kb.norms_for_document(titles[choice])
    c1, c2 = st.columns([3, 1])
    labels = [MODALITY_LABELS[m] for m in MODALITIES]
    picked = c1.multiselect("规范类型", labels, default=labels, key="norms_modality", placeholder="选择类型")
    with_penalty = c2.checkbox("包含罚则条款", value=True, key="norms_penalty",
                               help="法律责任一章中“有下列行为之一的，处…罚款”所列的违法行为")
    wanted = {m for m in MODALITIES if MODALITY_LABELS[m] in picked}
    shown = [n for n in doc_norms if n.modality in wanted and (with_penalty or n.kind != "penalty")]
    counts = "，".join(f"{MODALITY_LABELS[m]} {sum(1 for n in doc_norms if n.modality == m)} 条" for m in MODALITIES)
    st.caption(f"本文档共读出 {len(doc_norms)} 条规范（{counts}），显示 {len(shown)} 条。"
               "规范由程序从原文中自动识别，以原文为准。")
    if shown:
        st.html(norms_table_html(kb, shown))
    else:
        st.info("没有符合条件的规范条款。")


def clause_norms(kb: KnowledgeBase, clause_id: str) -> None:
    """The norms of one clause, under the clause text in the clause view."""
    norms = kb.norms_for_clause(clause_id)
    if norms:
        st.caption("本条款中的规范（禁止 / 限制 / 义务 / 鼓励）")
        st.html(norms_table_html(kb, norms))
