"""The Word document every export starts from: 宋体 body text and a centred title, as official papers use."""

from __future__ import annotations

from typing import Any


def new_document(title: str, font_pt: float) -> Any:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

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
    # Headings in the black 黑体 of official papers, not the template's blue Latin theme font.
    for name, size in (("Title", 18), ("Heading 1", 14), ("Heading 2", 12)):
        hs = d.styles[name]
        hs.font.name, hs.font.size, hs.font.bold = "SimHei", Pt(size), True
        hs.font.color.rgb = RGBColor(0, 0, 0)
        fonts = hs.element.get_or_add_rPr().get_or_add_rFonts()
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)  # a theme font overrides the named one
        fonts.set(qn("w:eastAsia"), "黑体")
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


def repeat_header(row: Any) -> None:
    """The table's first row is repeated at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)
