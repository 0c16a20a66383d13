"""文档管理: upload new policy documents, remove documents; the index refreshes with a progress bar."""

from __future__ import annotations

import streamlit as st

from ...errors import PolicyError
from ...manage import add_documents, remove_document
from ..render import md_escape
from ..state import get_kb, settings


def page() -> None:
    st.title("文档管理")
    kb = get_kb()
    st.caption("支持 TXT、MD、PDF、DOCX、HTML。上传后自动更新索引；损坏或不支持的文件会单独提示，不影响其他文件。")
    uploads = st.file_uploader("上传政策文件", accept_multiple_files=True,
                               type=["txt", "md", "pdf", "docx", "html", "htm"])
    if uploads and st.button("添加到文档库并更新索引", type="primary"):
        bar = st.progress(0.0, text="准备中…")
        try:
            _, res = add_documents([(u.name, u.getvalue()) for u in uploads], settings(),
                                   progress=lambda msg, frac: bar.progress(min(1.0, frac), text=msg))
        except PolicyError as exc:
            st.error(str(exc))
        else:
            bar.progress(1.0, text="完成")
            if res.added:
                st.success(f"已添加 {len(res.added)} 个文档：{'、'.join(res.added)}")
            for e in res.errors:
                st.error(e)
            for w in res.warnings:
                st.warning(w)
    if kb is None:
        return
    st.subheader("已有文档")
    for d in kb.documents:
        c1, c2 = st.columns([6, 1])
        c1.markdown(md_escape(f"{d.title}（{d.source}，{len(d.clauses)} 条）"))
        if c2.button("删除", key=f"del-{d.doc_id}"):
            st.session_state["confirm_delete"] = d.doc_id
    target = st.session_state.get("confirm_delete")
    if target:
        st.warning(f"确定删除文档“{target}”吗？删除后索引将重新生成。")
        if st.button("确认删除", key="confirm"):
            bar = st.progress(0.0, text="删除中…")
            try:
                remove_document(target, settings(), progress=lambda m, f: bar.progress(min(1.0, f), text=m))
            except PolicyError as exc:
                st.error(str(exc))
            else:
                st.success(f"已删除文档“{target}”")
            st.session_state.pop("confirm_delete", None)
