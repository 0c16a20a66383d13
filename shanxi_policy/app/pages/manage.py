"""文档管理: upload new policy documents, remove documents; the index refreshes with a progress bar."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

import streamlit as st

from ...errors import PolicyError
from ...ingest.docmeta import DOC_TYPES, VALIDITY
from ...ingest.loaders import SUPPORTED_LABEL, SUPPORTED_SUFFIXES
from ...library import STATUS_LABELS, import_files, set_document_meta
from ...manage import remove_document, safe_name
from ..filters_view import FIELD_LABELS, issuers_of, meta_row
from ..login import audit
from ..render import css, md_escape, table, uploader
from ..state import get_kb, settings


def _import(uploads: list[Any]) -> None:
    """Save the uploads under their own names and import them: duplicates and bad files are reported per file."""
    files_bar = st.progress(0.0, text="读取文件…")
    build_bar = st.progress(0.0, text="等待更新索引")
    started = time.perf_counter()

    def on_file(done: int, total: int, name: str) -> None:
        left = (time.perf_counter() - started) / done * (total - done) if done else 0.0
        eta = f"，预计还需 {left:.0f} 秒" if done and left >= 1 else ""
        files_bar.progress(done / max(1, total), text=f"读取文件 {done}/{total}{eta}")

    with tempfile.TemporaryDirectory() as tmp:
        pairs = []
        for n, u in enumerate(uploads):
            p = Path(tmp) / f"{n:04d}" / safe_name(Path(u.name).name)
            p.parent.mkdir()
            p.write_bytes(u.getvalue())
            pairs.append((u.name, p))
        try:
            _, rep = import_files(pairs, settings(), on_file,
                                  lambda msg, frac: build_bar.progress(min(1.0, frac), text=f"更新索引：{msg}"))
        except PolicyError as exc:
            audit("upload", ok=False, error=str(exc))
            st.error(str(exc))
            return
    audit("upload", ",".join(rep.added), ok=bool(rep.added), files=[o.name for o in rep.outcomes])
    files_bar.progress(1.0, text="读取完成")
    build_bar.progress(1.0, text="完成" if rep.stats else "没有新文档，索引未变")
    (st.success if rep.count("added") else st.info)(rep.summary())
    table([{"文件": o.name, "结果": STATUS_LABELS[o.status], "标题": o.title, "说明": o.message}
           for o in rep.outcomes])
    for o in rep.outcomes:
        for w in o.warnings:
            st.warning(w)


def _edit_meta(kb: Any) -> None:
    """Hand-set metadata: the values win over those read from the text; empty = read from the text again."""
    # Built only while open: the form's widgets are not part of the page's first render.
    panel = st.expander("修改文件属性（效力状态、类型、文号、日期）", key="meta-open", on_change="rerun")
    if not panel.open:
        return
    docs = {f"{d.title}（{d.source}）": d for d in kb.documents}
    with panel:
        label = st.selectbox("文档", list(docs), key="meta-doc", placeholder="选择文档")
        d = docs[label]
        inferred = set(d.meta.get("inferred", []))
        st.caption("带“自动识别”的值是从正文读出的；手工设置后以手工值为准，清空则恢复自动识别。"
                   + (f" 自动识别：{'、'.join(FIELD_LABELS[k] for k in FIELD_LABELS if k in inferred)}" if inferred else ""))
        if d.meta.get("validity_basis"):
            st.caption(md_escape(f"效力依据：{d.meta['validity_basis']}"))
        with st.form(f"meta-{d.doc_id}"):
            c1, c2 = st.columns(2)
            cur_v = str(d.meta.get("validity", "现行有效"))
            validity = c1.selectbox("效力状态", list(VALIDITY), index=list(VALIDITY).index(cur_v) if cur_v in VALIDITY else 0,
                                    placeholder="选择效力状态")
            cur_t = str(d.meta.get("doc_type", ""))
            types = ["（自动识别）", *DOC_TYPES]
            doc_type = c2.selectbox("文件类型", types, index=types.index(cur_t) if cur_t in types else 0,
                                    placeholder="选择文件类型")
            number = c1.text_input("发文字号", value=str(d.meta.get("doc_number", "")))
            issuer = c2.text_input("发文机关（多个用顿号分隔）", value="、".join(issuers_of(d)))
            date = c1.text_input("成文日期", value=str(d.meta.get("date", "")))
            effective = c2.text_input("施行日期", value=str(d.meta.get("effective_date", "")))
            if st.form_submit_button("保存并更新索引"):
                new: dict[str, Any] = {
                    "validity": validity, "doc_type": "" if doc_type == "（自动识别）" else doc_type,
                    "doc_number": number.strip(), "date": date.strip(), "effective_date": effective.strip(),
                    "issuer": [x.strip() for x in issuer.replace("，", "、").split("、") if x.strip()],
                }
                # Only what the user changed is written; a field emptied goes back to the value read from the text.
                changes = {k: v for k, v in new.items() if v != (d.meta.get(k) or ([] if k == "issuer" else ""))}
                if not changes:
                    st.info("没有修改。")
                    return
                bar = st.progress(0.0, text="保存中…")
                try:
                    set_document_meta(d.doc_id, changes, settings(),
                                      progress=lambda m, f: bar.progress(min(1.0, f), text=m))
                except PolicyError as exc:
                    st.error(str(exc))
                else:
                    # drawn again from the new index, so that the table below shows the new values
                    st.session_state["manage-flash"] = "已保存，索引已更新。"
                    st.rerun()


def page() -> None:
    css()
    st.title("文档管理")
    flash = st.session_state.pop("manage-flash", None)
    if flash:
        st.success(flash)
    kb = get_kb()
    st.caption(f"支持 {SUPPORTED_LABEL}；扫描件自动进行文字识别。可一次选择多个文件或整个文件夹；内容重复的文件自动跳过，"
               "损坏或不支持的文件单独列出，不影响其他文件和已有文档。")
    mode = st.radio("上传方式", ["选择多个文件", "选择整个文件夹"], horizontal=True, key="upload-mode")
    suffixes = sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES)
    uploads = uploader("上传政策文件", suffixes, key="up_manage",
                               accept_multiple_files="directory" if mode == "选择整个文件夹" else True)
    if uploads and st.button("导入文档库并更新索引", type="primary"):
        _import(list(uploads) if isinstance(uploads, list) else [uploads])
        kb = get_kb()  # the index just rebuilt: the table below lists the new documents too
    if kb is None:
        return
    st.subheader("已有文档")
    _edit_meta(kb)
    # One table and one picker, not a row of widgets per document: with a few hundred documents a
    # widget per row made the page take many seconds to draw.
    table([{**meta_row(d), "条款数": len(d.clauses), "文件": d.source} for d in kb.documents])
    names = {f"{d.title}（{d.source}）": d.doc_id for d in kb.documents}
    c1, c2 = st.columns([6, 1], vertical_alignment="bottom")
    picked = c1.selectbox("删除文档", list(names), index=None, placeholder="选择要删除的文档", key="delete-pick")
    if c2.button("删除", key="delete-doc", disabled=picked is None) and picked is not None:
        st.session_state["confirm_delete"] = names[picked]
    target = st.session_state.get("confirm_delete")
    if target:
        st.warning(f"确定删除文档“{target}”吗？删除后索引将重新生成。")
        if st.button("确认删除", key="confirm"):
            bar = st.progress(0.0, text="删除中…")
            try:
                remove_document(target, settings(), progress=lambda m, f: bar.progress(min(1.0, f), text=m))
            except PolicyError as exc:
                audit("delete", target, ok=False, error=str(exc))
                st.error(str(exc))
            else:
                audit("delete", target)
                # drawn again without the document: the table, the picker and the question are gone with it
                st.session_state["manage-flash"] = f"已删除文档“{target}”"
                st.session_state.pop("confirm_delete", None)
                st.session_state.pop("delete-pick", None)
                st.rerun()
            st.session_state.pop("confirm_delete", None)
