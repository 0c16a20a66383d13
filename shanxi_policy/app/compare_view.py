"""修订对照 section of 政策浏览: choose two versions (indexed or uploaded), see them article by article."""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

import streamlit as st

from ..compare import Comparison, compare_documents
from ..compare.docx_export import side_parts, write_docx
from ..errors import PolicyError
from ..kb import KnowledgeBase
from ..models import Document
from .render import uploader

_CSS = """
<style>
.sp-cmp{border-collapse:collapse;width:100%;font-size:.95em}
.sp-cmp td,.sp-cmp th{border:1px solid #ddd;padding:.35em .5em;vertical-align:top;white-space:pre-wrap;line-height:1.6}
.sp-cmp th{background:#f3f3f3}
.sp-cmp del{color:#b00000;background:#fde8e8}
.sp-cmp ins{color:#0a3cb4;background:#e6efff;text-decoration:underline}
.sp-cmp .lbl{font-weight:bold}
.sp-cmp .kind{white-space:nowrap;color:#444}
</style>
"""

KIND_FILTER = {"新增": "added", "删除": "deleted", "修改": "changed", "仅条号变化或位置调整": "unchanged"}


def _side(parts: list[tuple[str, str]], label: str) -> str:
    out = [f'<span class="lbl">{html.escape(label)}</span> '] if label else []
    for style, text in parts:
        t = html.escape(text)
        out.append(f"<del>{t}</del>" if style == "deleted" else f"<ins>{t}</ins>" if style == "inserted" else t)
    return "".join(out)


def comparison_html(cmp: Comparison, kinds: set[str]) -> str:
    """The comparison as one escaped HTML table (document text never becomes markup)."""
    rows = ['<table class="sp-cmp"><tr><th>序号</th><th>变化</th><th>原条文</th><th>新条文</th></tr>']
    n = 0
    for ch in cmp.differences():
        if ch.kind not in kinds:
            continue
        n += 1
        old, new = side_parts(ch)
        kind = html.escape(ch.label) + (f"<br><small>{html.escape(ch.hint)}</small>" if ch.hint else "")
        rows.append(f'<tr><td>{n}</td><td class="kind">{kind}</td>'
                    f'<td>{_side(old, ch.old.label if ch.old else "")}</td>'
                    f'<td>{_side(new, ch.new.label if ch.new else "")}</td></tr>')
    rows.append("</table>")
    return "".join(rows) if n else "<p>没有符合筛选条件的条文。</p>"


def _pick(kb: KnowledgeBase, side: str, default: int) -> Document | None:
    src = st.radio(f"{side}来源", ["索引中的文档", "上传文件"], horizontal=True, key=f"cmp_src_{side}")
    if src == "索引中的文档":
        titles = [f"{d.title}（{d.doc_id}）" for d in kb.documents]
        if not titles:
            return None
        i = st.selectbox(side, range(len(titles)), format_func=lambda k: titles[k],
                         index=min(default, len(titles) - 1), key=f"cmp_doc_{side}", placeholder="选择文档")
        return kb.documents[i]
    up = uploader(side, ["txt", "md", "pdf", "docx", "html", "htm"], key=f"cmp_up_{side}")
    if up is None:
        return None
    return _ingest_upload(up.name, up.getvalue())


@st.cache_data(show_spinner="正在读取文件…", max_entries=8)
def _ingest_upload(name: str, data: bytes) -> Document:
    from ..corpus import ingest_file

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / Path(name).name
        p.write_bytes(data)
        return ingest_file(p)


def section(kb: KnowledgeBase) -> None:
    st.html(_CSS)
    st.caption("选择同一文件的两个版本（如修订前后的法律），逐条对照：按内容匹配条文，可识别条号变化和位置调整。")
    c1, c2 = st.columns(2)
    try:
        with c1:
            old = _pick(kb, "原版本", 0)
        with c2:
            new = _pick(kb, "新版本", 1)
    except PolicyError as exc:
        st.error(str(exc))
        return
    if old is None or new is None:
        st.info("请选择或上传两个版本。")
        return
    key = (old.doc_id, len(old.text), new.doc_id, len(new.text))
    # Compared only on request: every tab of this page runs on each render of 政策浏览.
    if st.button("开始对照", type="primary", key="cmp_run"):
        st.session_state["cmp_key"] = key
    if st.session_state.get("cmp_key") != key:
        return
    if old.doc_id == new.doc_id and old.text == new.text:
        st.warning("两个版本是同一文本，请选择不同的版本。")
        return
    cmp = compare_documents(old, new)
    st.markdown(f"**对照结果**：{cmp.summary()}。")
    picked = st.multiselect("显示", list(KIND_FILTER), default=list(KIND_FILTER), key="cmp_kinds",
                            placeholder="选择要显示的变化")
    st.html(comparison_html(cmp, {KIND_FILTER[k] for k in picked}))
    if st.button("生成 Word 修订对照表", key="cmp_docx"):
        with tempfile.TemporaryDirectory() as tmp:
            data = write_docx(cmp, Path(tmp) / "修订对照表.docx").read_bytes()
        st.download_button("下载 Word 修订对照表", data, file_name="修订对照表.docx",
                           mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
