"""The Word report, laid out as an official 审查意见."""

from __future__ import annotations

import re
from pathlib import Path

from ..docx_base import new_document
from .report import (
    RELATION_LABELS,
    VERDICT_LABELS,
    Finding,
    Report,
    as_sentence,
    library_version_label,
    report_heading,
)

# The overview quotes the proposal's opening sentences when it is not written as labelled fields.
OVERVIEW_CHARS = 300


def overview(rep: Report) -> list[str]:
    """一、项目概况: the labelled fields of the proposal, or else its opening sentences (so that the paper says what
    was reviewed, not only the project's name)."""
    lines = [f"项目名称：{rep.title}"] + [f"{k}：{v}" for k, v in rep.summary.items() if k != "项目名称"]
    if len(lines) > 1 or not rep.proposal.strip():
        return lines
    body = re.sub(r"\s+", "", rep.proposal)
    if body.startswith(re.sub(r"\s+", "", rep.title)):
        body = body[len(re.sub(r"\s+", "", rep.title)):].lstrip("。；：:，,")
    if not body:
        return lines
    cut = body[:OVERVIEW_CHARS]
    end = max(cut.rfind("。"), cut.rfind("；"))
    text = cut[: end + 1] if end > 0 and len(body) > OVERVIEW_CHARS else cut + ("……" if len(body) > OVERVIEW_CHARS else "")
    return [*lines, f"项目内容：{text}"]


def filed_date(created: str) -> str:
    """"2026年12月5日" for "2026-12-05 08:06": a filed paper carries the day, not the clock time."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", created)
    return f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}日" if m else created


def numbered(rep: Report) -> list[tuple[int, Finding]]:
    """The findings in the order the paper lists them (by verdict, then document), numbered once through."""
    out: list[tuple[int, Finding]] = []
    for rel, items in rep.grouped().items():
        if items:
            for group in rep.by_document(rel).values():
                for f in group:
                    out.append((len(out) + 1, f))
    return out


def write_docx(rep: Report, path: str | Path) -> Path:
    d = new_document(report_heading(rep), 11)
    d.add_heading("一、项目概况", level=1)
    for line in overview(rep):
        d.add_paragraph(line)
    d.add_heading("二、审查结论", level=1)
    p = d.add_paragraph()
    run = p.add_run(f"总体结论：{VERDICT_LABELS[rep.verdict]}。")
    run.bold = True
    counts = "，".join(f"{RELATION_LABELS[r]} {len(v)} 项" for r, v in rep.grouped().items() if v)
    d.add_paragraph(f"共比对政策条款 {len(rep.findings)} 项：{counts or '无'}。")
    for g in rep.gaps:
        d.add_paragraph(f"未能审查：{g}")
    d.add_heading("三、逐项审查情况", level=1)
    items = numbered(rep)
    shown_rel, shown_doc = "", ""
    table = None
    for n, f in items:
        doc = f.doc_label or f.hit.doc_title
        if f.relation != shown_rel:
            d.add_heading(f"（{RELATION_LABELS[f.relation]}）", level=2)
            shown_rel, shown_doc = f.relation, ""
        if doc != shown_doc:
            d.add_paragraph(f"《{doc}》").runs[0].bold = True
            table = d.add_table(rows=1, cols=4)
            table.style = "Table Grid"
            for cell, label in zip(table.rows[0].cells, ("序号", "政策条款", "条款原文", "项目材料与理由"), strict=True):
                cell.text = label
            shown_doc = doc
        assert table is not None
        cells = table.add_row().cells
        cells[0].text = str(n)
        cells[1].text = f.filed_citation()
        cells[2].text = f.hit.quote
        cells[3].text = f"项目材料：{f.evidence or '（未涉及）'}\n理由：{f.reason}\n建议：{as_sentence(f.recommendation)}"
    d.add_heading("四、意见建议", level=1)
    # Each recommendation once, with the numbers of the items in part three it answers.
    recs: dict[str, list[int]] = {}
    for n, f in items:
        if f.relation in ("conflict", "attention"):
            recs.setdefault(as_sentence(f.recommendation), []).append(n)
    lines = [f"{r[:-1]}（见第三部分第{'、'.join(map(str, ns))}项）。" for r, ns in recs.items()] + rep.gaps
    for n, r in enumerate(lines or ["未发现需要整改的事项。"], 1):
        d.add_paragraph(f"{n}. {r}")
    d.add_paragraph("")
    d.add_paragraph(f"文档库版本：{library_version_label(rep.index_version)}")
    # Filled in by the office that files the paper.
    d.add_paragraph("审查单位（盖章）：")
    d.add_paragraph("审查人：　　　　　　　　复核人：")
    d.add_paragraph(f"审查日期：{filed_date(rep.created)}")
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    d.save(str(tmp))
    tmp.replace(path)
    return path
