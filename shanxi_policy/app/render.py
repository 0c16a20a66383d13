"""Rendering of document text: always escaped; only our own <mark> tags are HTML."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import streamlit as st

from ..models import Hit

_CSS = """
<style>
.sp-quote{border-left:4px solid #b22222;padding:.4em .8em;background:#fafafa;white-space:pre-wrap;line-height:1.7}
.sp-quote mark{background:#ffe08a;padding:0 .1em}
.sp-path{color:#555;font-size:.9em}
.sp-table{border-collapse:collapse}.sp-table th{white-space:nowrap}
.sp-table td,.sp-table th{border:1px solid #ddd;padding:.3em .6em;vertical-align:top}
.sp-list li{margin:.2em 0;line-height:1.7}
.sp-scroll{overflow:auto;max-height:24rem}.sp-scroll th{position:sticky;top:0;background:#f0f2f6;text-align:left}
</style>
"""


_MD_SPECIAL = "\\`*_{}[]()#+-.!|<>~$:"


def md_escape(text: str) -> str:
    """Labels (expanders, tabs, radio options) are Markdown: escape every special character."""
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)


def css() -> None:
    st.html(_CSS)


def uploader(label: str, types: Sequence[str], key: str, **kw: Any) -> Any:
    """st.file_uploader with its English button and hint replaced by Chinese ones. Streamlit has no
    setting for those strings, so CSS hides them and writes ours; it is scoped to this widget's key."""
    limit = st.get_option("server.maxUploadSize")
    kinds = "、".join(t.upper() for t in types)
    scope = f".st-key-{re.sub(r'[^a-zA-Z0-9_-]', '-', key.strip())} [data-testid=stFileUploaderDropzone]"  # as Streamlit names it
    st.html(
        "<style>"
        f"{scope} button [data-testid=stMarkdownContainer] p{{font-size:0}}"
        f"{scope} button [data-testid=stMarkdownContainer] p::after{{content:'选择文件';font-size:.9rem}}"
        f"{scope} [data-testid=stFileUploaderDropzoneInstructions] span{{font-size:0}}"
        f"{scope} [data-testid=stFileUploaderDropzoneInstructions] span::after"
        f"{{content:'或拖放到此处。支持 {kinds}，单个文件不超过 {limit} MB';font-size:.85rem}}"
        "</style>"
    )
    return st.file_uploader(label, type=list(types), key=key, **kw)


def highlighted(text: str, marks: list[tuple[int, int]] | list[list[int]]) -> str:
    """Escaped text with the given spans wrapped in <mark>."""
    out, pos = [], 0
    for s, e in sorted((int(a), int(b)) for a, b in marks):
        if s < pos:
            continue
        out.append(html.escape(text[pos:s]) + "<mark>" + html.escape(text[s:e]) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def quote_block(text: str, marks: list[tuple[int, int]] | None = None) -> None:
    st.html(f'<div class="sp-quote">{highlighted(text, marks or [])}</div>')


def clause_link(clause_id: str) -> str:
    return f"/browse?clause={quote(clause_id)}"


def hit_card(h: Hit, n: int, expanded: bool = False, new_tab: bool = False) -> None:
    """A cited clause; new_tab opens its links in another tab (from a conversation, which a reload would lose)."""
    target = "_blank" if new_tab else "_self"
    with st.expander(md_escape(f"[{n}] {h.doc_title} › {' › '.join(h.path)}"), expanded=expanded):
        quote_block(h.quote or h.text, h.marks)
        st.html(f'<div class="sp-path"><a href="{clause_link(h.clause_id)}" target="{target}">在政策浏览中查看全文</a>'
                "</div>")
        if h.also:
            links = "、".join(f'<a href="{clause_link(c)}" target="{target}">{html.escape(label)}</a>'
                              for (_d, _t, c), label in zip(h.also, h.also_labels(), strict=True))
            st.html(f'<div class="sp-path">同文见于：{links}</div>')


@dataclass(frozen=True)
class Link:
    """A table cell that links to a page of the app (the text is escaped, the address is ours)."""

    text: str
    href: str


def _cell(v: object) -> str:
    if isinstance(v, Link):
        return f'<a href="{html.escape(v.href)}" target="_self">{html.escape(v.text)}</a>'
    return html.escape(str(v))


def table(rows: Sequence[Mapping[str, object]]) -> None:
    """An escaped HTML table in a scroll box. A page's first render draws it much faster than st.dataframe,
    whose grid script (about 2 MB) the browser must load and run first, and it needs no pandas in the
    server; call css() on the page."""
    if not rows:
        return
    head = "".join(f"<th>{html.escape(str(k))}</th>" for k in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in r.values()) + "</tr>" for r in rows)
    st.html(f'<div class="sp-scroll"><table class="sp-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")
