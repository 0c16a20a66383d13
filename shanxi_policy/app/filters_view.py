"""Widgets for document filters (type, issuer, date, validity) and document metadata labels."""

from __future__ import annotations

import re
from typing import Any

import streamlit as st

from ..ingest.docmeta import DOC_TYPES, VALIDITY, effective_label, issuers_of, validity_label
from ..models import Document
from ..retrieve.filters import DocFilter
from .render import md_escape

FIELD_LABELS = {"title": "标题", "issuer": "发文机关", "doc_number": "发文字号", "date": "成文日期",
                "effective_date": "施行日期", "doc_type": "文件类型", "validity": "效力状态"}


def meta_row(d: Document) -> dict[str, Any]:
    """The document's metadata as table cells (hand-set values and values read from the text alike)."""
    return {"文档": d.title, "文件类型": str(d.meta.get("doc_type", "")), "发文机关": "、".join(issuers_of(d)),
            "发文字号": str(d.meta.get("doc_number", "")), "成文日期": str(d.meta.get("date", "")),
            "施行日期": effective_label(d), "效力": validity_label(d)}


def _date(s: str) -> str:
    s = s.strip()
    return s if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", s) else ""


def doc_filter(docs: list[Document], key: str) -> DocFilter | None:
    """Filter widgets in an expander; only values present in the library are offered. The widgets are built
    only while the expander is open, so the page's first render skips them; a filter set before the panel
    was closed is kept, shown under it, and put back into the widgets when it opens again."""
    kept_key = f"{key}-kept"
    kept: DocFilter | None = st.session_state.get(kept_key)
    panel = st.expander("按文件属性筛选（类型、发文机关、日期、效力）", key=f"{key}-open", on_change="rerun")
    if not panel.open:
        if kept is not None:
            st.caption("当前筛选：" + md_escape(kept.describe()) + "（展开上方面板可修改或清除）")
        return kept
    if kept is not None:  # the widgets were not drawn while closed, so Streamlit dropped their values
        for suffix, value in (("types", kept.doc_types), ("issuers", kept.issuers), ("from", kept.date_from),
                              ("to", kept.date_to), ("validity", kept.validity)):
            st.session_state.setdefault(f"{key}-{suffix}", list(value) if isinstance(value, (list, tuple))
                                        else value)
    types = [t for t in DOC_TYPES if any(d.meta.get("doc_type") == t for d in docs)]
    issuers = sorted({i for d in docs for i in issuers_of(d)})
    with panel:
        c1, c2 = st.columns(2)
        pick_types = c1.multiselect("文件类型", types, key=f"{key}-types", placeholder="全部类型")
        pick_issuers = c2.multiselect("发文机关", issuers, key=f"{key}-issuers", placeholder="全部机关")
        c3, c4, c5 = st.columns(3)
        date_from = c3.text_input("成文日期不早于", key=f"{key}-from", placeholder="如 2020 或 2020-06-01")
        date_to = c4.text_input("成文日期不晚于", key=f"{key}-to", placeholder="如 2024-12-31")
        validity = c5.multiselect("效力状态", list(VALIDITY), key=f"{key}-validity", placeholder="全部（现行有效优先）")
        for raw in (date_from, date_to):
            if raw.strip() and not _date(raw):
                st.warning(f"日期“{raw}”格式不正确，应为 YYYY、YYYY-MM 或 YYYY-MM-DD，已忽略")
    f = DocFilter(doc_types=pick_types, issuers=pick_issuers, date_from=_date(date_from), date_to=_date(date_to),
                  validity=validity)
    out = None if f.is_empty() else f
    st.session_state[kept_key] = out
    return out


def home_first(docs: list[Document], home: tuple[str, ...]) -> list[Document]:
    """The province's own texts first (the office's daily reference), then national laws and regulations, then the
    rest, each in library order."""

    def rank(d: Document) -> int:
        if any(r in n for r in home for n in [d.title, *issuers_of(d)]):
            return 0
        return 1 if d.meta.get("doc_type") in ("法律", "行政法规") else 2

    return sorted(docs, key=rank)
