"""The Word document every export starts from: 宋体 body text and a centred title, as official papers use."""

from __future__ import annotations

from typing import Any


def new_document(title: str, font_pt: float) -> Any:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    d = docx.Document()
    for sec in d.sections:
        # A4 with the margins of official papers (GB/T 9704: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right);
        # python-docx's template is US Letter.
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    style = d.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(font_pt)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    # The file's own properties: python-docx's template names itself as the author.
    props = d.core_properties
    props.title, props.author, props.last_modified_by, props.comments = title, "", "", ""
    h = d.add_heading(title, level=0)
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for sec in d.sections:
        _page_number(sec.footer.paragraphs[0])
    return d


def _page_number(p: Any) -> None:
    """A centred "第 N 页" in the footer: Word fills the PAGE field when it lays out the pages."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("第 ")
    run = p.add_run()
    for kind, text in (("begin", ""), ("instr", " PAGE "), ("separate", ""), ("text", "1"), ("end", "")):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
    p.add_run(" 页")
