"""The comparison as a Word 修订对照表: old and new text side by side, deletions struck through in
red, insertions underlined in blue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..docx_base import new_document
from .align import Change, Comparison

_RED = (0xC0, 0x00, 0x00)
_BLUE = (0x00, 0x3C, 0xB4)


def _runs(paragraph: Any, parts: list[tuple[str, str]]) -> None:
    """parts: (style, text) with style plain | deleted | inserted."""
    from docx.shared import RGBColor

    for style, text in parts:
        if not text:
            continue
        r = paragraph.add_run(text)
        if style == "deleted":
            r.font.strike = True
            r.font.color.rgb = RGBColor(*_RED)
        elif style == "inserted":
            r.font.underline = True
            r.font.bold = True
            r.font.color.rgb = RGBColor(*_BLUE)


def side_parts(ch: Change) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Styled pieces of the old and the new text of one change."""
    if ch.kind == "added" and ch.new:
        return [], [("inserted", ch.new.text)]
    if ch.kind == "deleted" and ch.old:
        return [("deleted", ch.old.text)], []
    if ch.kind == "unchanged" or not ch.diff:
        return [("plain", ch.old.text if ch.old else "")], [("plain", ch.new.text if ch.new else "")]
    old: list[tuple[str, str]] = []
    new: list[tuple[str, str]] = []
    for op, a, b in ch.diff:
        if op == "equal":
            old.append(("plain", a))
            new.append(("plain", b))
        else:
            old.append(("deleted", a))
            new.append(("inserted", b))
    return old, new


def write_docx(cmp: Comparison, path: str | Path, include_unchanged: bool = False) -> Path:
    d = new_document("修订对照表", 10.5)
    d.add_paragraph(f"原文本：{cmp.old_title}")
    d.add_paragraph(f"新文本：{cmp.new_title}")
    d.add_paragraph(f"对照结果：{cmp.summary()}。")
    d.add_paragraph("说明：删除的文字以红色删除线标示，新增的文字以蓝色加粗下划线标示；条文按新文本的顺序排列，"
                    "删除的条文列在其原位置。")
    rows = cmp.changes if include_unchanged else cmp.differences()
    table = d.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, ("序号", "变化", "原条文", "新条文"), strict=True):
        cell.text = label
    for n, ch in enumerate(rows, 1):
        cells = table.add_row().cells
        cells[0].text = str(n)
        cells[1].text = ch.label + (f"\n{ch.hint}" if ch.hint else "")
        old_parts, new_parts = side_parts(ch)
        for cell, ref, parts in ((cells[2], ch.old, old_parts), (cells[3], ch.new, new_parts)):
            p = cell.paragraphs[0]
            if ref is not None:
                head = p.add_run(ref.label + " ")
                head.bold = True
            _runs(p, parts)
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    d.save(str(tmp))
    tmp.replace(path)
    return path
