"""The Word report, laid out as an official 审查意见."""

from __future__ import annotations

from pathlib import Path

from ..docx_base import new_document
from .report import RELATION_LABELS, VERDICT_LABELS, Report, as_sentence, library_version_label, report_heading


def write_docx(rep: Report, path: str | Path) -> Path:
    d = new_document(report_heading(rep), 11)
    d.add_heading("一、项目概况", level=1)
    d.add_paragraph(f"项目名称：{rep.title}")
    for k, v in rep.summary.items():
        if k != "项目名称":
            d.add_paragraph(f"{k}：{v}")
    d.add_heading("二、审查结论", level=1)
    p = d.add_paragraph()
    run = p.add_run(f"总体结论：{VERDICT_LABELS[rep.verdict]}。")
    run.bold = True
    counts = "，".join(f"{RELATION_LABELS[r]} {len(v)} 项" for r, v in rep.grouped().items() if v)
    d.add_paragraph(f"共比对政策条款 {len(rep.findings)} 项：{counts or '无'}。")
    for g in rep.gaps:
        d.add_paragraph(f"未能审查：{g}")
    d.add_heading("三、逐项审查情况", level=1)
    for rel, items in rep.grouped().items():
        if not items:
            continue
        d.add_heading(f"（{RELATION_LABELS[rel]}）", level=2)
        n = 0
        for doc, group in rep.by_document(rel).items():
            d.add_paragraph(f"《{doc}》").runs[0].bold = True
            table = d.add_table(rows=1, cols=4)
            table.style = "Table Grid"
            for cell, label in zip(table.rows[0].cells, ("序号", "政策条款", "条款原文", "项目材料与理由"), strict=True):
                cell.text = label
            for f in group:
                n += 1
                cells = table.add_row().cells
                cells[0].text = str(n)
                cells[1].text = f.filed_citation()
                cells[2].text = f.hit.quote
                cells[3].text = f"项目材料：{f.evidence or '（未涉及）'}\n理由：{f.reason}\n建议：{as_sentence(f.recommendation)}"
    d.add_heading("四、意见建议", level=1)
    recs = list(dict.fromkeys(as_sentence(f.recommendation) for f in rep.findings if f.relation in ("conflict", "attention")))
    recs += rep.gaps
    for n, r in enumerate(recs or ["未发现需要整改的事项。"], 1):
        d.add_paragraph(f"{n}. {r}")
    d.add_paragraph("")
    d.add_paragraph(f"文档库版本：{library_version_label(rep.index_version)}")
    d.add_paragraph(f"审查日期：{rep.created}")
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    d.save(str(tmp))
    tmp.replace(path)
    return path
