"""The Word document every export starts from: 宋体 body text and a centred title, as official papers use."""

from __future__ import annotations

from typing import Any


def new_document(title: str, font_pt: float) -> Any:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(font_pt)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    h = d.add_heading(title, level=0)
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return d
