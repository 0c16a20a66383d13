"""项目合规审查: paste or upload a proposal, get the clauses that apply, download the report."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import streamlit as st

from ...check.report import (
    RELATION_LABELS,
    VERDICT_LABELS,
    Report,
    overview,
    report_file_name,
    report_from_dict,
    to_markdown,
    verdict_label,
)
from ...errors import IngestError, QueryError
from ...ingest.docmeta import issuers_of
from ...retrieve.filters import DocFilter
from ..login import audit
from ..render import css, md_escape, quote_block, table, uploader
from ..state import get_history, get_kb, index_missing

_VERDICT_STYLE = {"conflict": st.error, "attention": st.warning, "supports": st.success, "unrelated": st.info}


def _read_upload(upload) -> str:
    from ...ingest.loaders import load_file

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / Path(upload.name).name
        p.write_bytes(upload.getvalue())
        return load_file(p).text


BOTH_GIVEN = "同时提供了粘贴的文字和上传的文件，本次审查以上传的文件为准；如需审查粘贴的文字，请先移除文件。"


def proposal_input(upload: Any, text: str) -> tuple[str, str]:
    """The proposal to check (an uploaded file wins over pasted text) and what to tell the user about it."""
    if upload is None:
        return text, ""
    return _read_upload(upload), BOTH_GIVEN if text.strip() else ""


def _docx_bytes(rep: Report) -> bytes:
    from ...check.docx_report import write_docx

    with tempfile.TemporaryDirectory() as tmp:
        return write_docx(rep, Path(tmp) / "report.docx").read_bytes()


def show_report(rep: Report) -> None:
    css()  # only the report uses it: the empty page does not wait for the HTML element's script
    _VERDICT_STYLE[rep.verdict](f"总体结论：{verdict_label(rep)}")
    st.markdown(f"**项目：** {md_escape(rep.title)}")
    if rep.basis:
        st.info(f"审查依据范围：{md_escape(rep.basis)}（未依据文档库中的其他文件）")
    for g in rep.gaps:
        st.warning(f"未能审查：{md_escape(g)}")
    for g in rep.papers:
        st.info(f"项目材料称已办理（请核对原件）：{md_escape(g)}")
    # the same lines as the Word report's 项目概况: every labelled line (污染防治, 手续 …) decides the review
    lines = overview(rep) if rep.proposal.strip() else [f"{k}：{v}" for k, v in rep.summary.items()]
    rows = [dict(zip(("字段", "内容"), line.split("：", 1), strict=True)) for line in lines if "：" in line]
    if rows:
        table(rows)
    for rel, items in rep.grouped().items():
        if not items:
            continue
        st.subheader(f"{RELATION_LABELS[rel]}（{len(items)} 项）")
        for f in items:
            with st.expander(md_escape(f.citation()), expanded=rel in ("conflict", "attention")):
                st.caption("政策条款原文")
                quote_block(f.hit.quote)
                st.caption("项目材料")
                st.text(f.evidence or "（未涉及）")
                st.caption("理由")
                st.text(f.reason)
                st.caption("建议")
                st.text(f.recommendation)
                if f.penalty:
                    st.caption("罚则")
                    st.text(f.penalty)
    c1, c2, c3 = st.columns(3)
    c1.download_button("下载 Word 审查意见", _docx_bytes(rep), file_name=report_file_name(rep, ".docx"),
                       mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    c2.download_button("下载 Markdown", to_markdown(rep).encode("utf-8"), file_name=report_file_name(rep, ".md"),
                       mime="text/markdown")
    c3.download_button("下载 JSON", json.dumps(rep.to_dict(), ensure_ascii=False, indent=2).encode("utf-8"),
                       file_name=report_file_name(rep, ".json"), mime="application/json")


def _basis() -> DocFilter | None:
    """The documents the review may cite (an office checking against its own city's regulation): a panel whose
    widgets, and the index they need, are drawn only while it is open; the choice is kept when it closes."""
    kept: DocFilter | None = st.session_state.get("check-basis")
    panel = st.expander("限定审查依据（文档、类型、发文机关）", key="check-basis-open", on_change="rerun")
    if not panel.open:
        if kept is not None:
            names = "、".join(f"《{t}》" for t in st.session_state.get("check-basis-titles", []))
            st.caption("审查依据已限定：" + md_escape(names or "按类型或发文机关筛选") + "（展开上方面板可修改）")
        return kept
    kb = get_kb()
    if kb is None:
        return kept
    titles = {d.doc_id: d.title for d in kb.documents}
    types = sorted({str(d.meta.get("doc_type", "")) for d in kb.documents} - {""})
    issuers = sorted({i for d in kb.documents for i in issuers_of(d)})
    with panel:
        docs = st.multiselect("只依据这些文档", list(titles), format_func=titles.__getitem__, key="check-basis-docs",
                              placeholder="全部文档")
        c1, c2 = st.columns(2)
        pick_types = c1.multiselect("文件类型", types, key="check-basis-types", placeholder="全部类型")
        pick_issuers = c2.multiselect("发文机关", issuers, key="check-basis-issuers", placeholder="全部机关")
    f = DocFilter(doc_ids=docs, doc_types=pick_types, issuers=pick_issuers)
    out = None if f.is_empty() else f
    st.session_state["check-basis"] = out
    st.session_state["check-basis-titles"] = [titles[d] for d in docs]
    return out


def page() -> None:
    st.title("项目合规审查")
    st.caption("粘贴项目说明或上传 PDF / DOCX / TXT，系统逐条比对政策条款：冲突、需关注、符合、相关。")
    # The index is needed only when a review starts: the page is drawn without waiting for it.
    if index_missing():
        get_kb()  # shows why the index is unavailable
        return
    text = st.text_area("项目材料", height=180, placeholder="项目名称：…\n建设地点：…\n建设内容：…\n运输方式：…\n污染治理措施：…")
    upload = uploader("或上传项目材料文件", ["pdf", "docx", "txt", "md"], key="up_check")
    basis = _basis()
    kb = get_kb() if st.button("开始审查", type="primary") else None
    if kb is not None:
        from ...check.service import check_proposal

        try:
            content, notice = proposal_input(upload, text)
            if notice:
                st.info(notice)
            rep = check_proposal(kb, content, doc_filter=basis)
        except (IngestError, QueryError) as exc:
            st.error(str(exc))
        else:
            check_id = get_history().add(rep)
            audit("check", str(check_id), index_version=rep.index_version, title=rep.title[:200], verdict=rep.verdict)
            st.session_state["check_report"] = rep.to_dict()
    if "check_report" in st.session_state:
        show_report(report_from_dict(st.session_state["check_report"]))
    st.divider()
    st.subheader("审查历史")
    entries = get_history().list(50)
    if not entries:
        st.caption("暂无审查记录。")
        return
    # One table and one picker, not a row of widgets per record: fifty rows of columns and buttons made
    # the page slow to draw. Project titles are the user's text: Markdown-escaped.
    rows = [f"| {md_escape(e.created)} | {md_escape(e.title)} | {e.label or VERDICT_LABELS.get(e.verdict, e.verdict)} |"
            for e in entries]
    st.markdown("\n".join(["| 时间 | 项目 | 结论 |", "| --- | --- | --- |", *rows]))
    labels = {e.id: f"{e.created}　{e.title}" for e in entries}
    c1, c2 = st.columns([6, 1], vertical_alignment="bottom")
    picked = c1.selectbox("打开审查记录", list(labels), format_func=labels.__getitem__, index=None,
                          placeholder="选择一条记录", key="history-pick")
    if c2.button("打开", key="history-open", disabled=picked is None) and picked is not None:
        st.session_state["check_report"] = get_history().get(picked)
        st.rerun()
