"""The Word report, laid out as an official 审查意见."""

from __future__ import annotations

import re
from pathlib import Path

from docx.shared import Cm

from ..docx_base import new_document, repeat_header
from .report import (
    RELATION_LABELS,
    Report,
    advice_label,
    as_sentence,
    library_version_label,
    overview,
    report_heading,
    verdict_label,
)


def filed_date(created: str) -> str:
    """"2026年12月5日" for "2026-12-05 08:06": a filed paper carries the day, not the clock time."""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", created)
    return f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}日" if m else created


_CN_NUMBERS = "一二三四五六七八九十"
# Widths of the findings table's columns (序号, 依据条款, 条款原文, 项目材料与理由) on an A4 page's text width.
_COLUMN_CM = (1.2, 3.3, 5.0, 6.3)


def write_docx(rep: Report, path: str | Path) -> Path:
    d = new_document(report_heading(rep), 11)
    d.add_heading("一、项目概况", level=1)
    for line in overview(rep):
        d.add_paragraph(line)
    d.add_heading("二、审查结论", level=1)
    p = d.add_paragraph()
    run = p.add_run(f"总体结论：{verdict_label(rep)}。")
    run.bold = True
    d.add_paragraph(f"审查建议：{advice_label(rep)}")
    counts = "，".join(f"{RELATION_LABELS[r]} {len(v)} 项" for r, v in rep.grouped().items() if v)
    d.add_paragraph(f"共比对政策条款 {len(rep.findings)} 项：{counts or '无'}。")
    if rep.basis:
        d.add_paragraph(f"审查依据范围：{rep.basis}（未依据文档库中的其他文件）。")
    for g in rep.gaps:
        d.add_paragraph(f"未能审查：{g}")
    for g in rep.papers:
        d.add_paragraph(f"项目材料称已办理（请核对原件）：{g}")
    d.add_heading("三、逐项审查情况", level=1)
    items = rep.numbered()
    counts_by = {r: len(v) for r, v in rep.grouped().items()}
    shown = [r for r in RELATION_LABELS if counts_by.get(r)]
    for k, rel in enumerate(shown):
        # one numbered group and one table per verdict; the citation column names the document and article
        d.add_heading(f"（{_CN_NUMBERS[k]}）{RELATION_LABELS[rel]}（{counts_by[rel]} 项）", level=2)
        table = d.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        table.autofit = False
        for cell, label in zip(table.rows[0].cells, ("序号", "依据条款", "条款原文", "项目材料与理由"), strict=True):
            cell.text = label
        repeat_header(table.rows[0])
        for n, f in items:
            if f.relation != rel:
                continue
            cells = table.add_row().cells
            cells[0].text = str(n)
            cells[1].text = f.filed_citation()
            cells[2].text = f.hit.quote
            cells[3].text = f"项目材料：{f.evidence or '（未涉及）'}\n理由：{f.reason}\n建议：{as_sentence(f.recommendation)}" + \
                (f"\n罚则：{f.penalty}" if f.penalty else "")
        for row in table.rows:
            # a narrow number column and a wide one for the reasons (Word reads the width of each cell)
            for cell, width in zip(row.cells, _COLUMN_CM, strict=True):
                cell.width = Cm(width)
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
    overview_text = "".join(overview(rep))
    if rep.proposal.strip() and re.sub(r"\s+", "", rep.proposal) not in re.sub(r"\s+", "", overview_text):
        # 一、项目概况 gives the labelled lines or the opening of the proposal; the paper filed carries all of it, so
        # that a sentence a finding rests on can be read in its place
        d.add_heading("附件：项目材料原文", level=1)
        for para in (x.strip() for x in rep.proposal.splitlines()):
            if para:
                d.add_paragraph(para)
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    d.save(str(tmp))
    tmp.replace(path)
    return path
