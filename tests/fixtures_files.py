"""Builders for real PDF, DOCX and text files used by the ingest tests (made on the fly, no network)."""

from __future__ import annotations

from pathlib import Path


def make_pdf(path: Path, pages: list[list[str]], header: str = "山西省人民政府公报", encrypt: str = "") -> Path:
    """A real PDF with a running header and "- n -" page numbers on every page."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    kwargs = {"encrypt": encrypt} if encrypt else {}
    c = canvas.Canvas(str(path), **kwargs)
    for n, lines in enumerate(pages, start=1):
        c.setFont("STSong-Light", 9)
        c.drawString(220, 800, header)
        c.setFont("STSong-Light", 12)
        y = 760
        for line in lines:
            c.drawString(72, y, line)
            y -= 20
        c.setFont("STSong-Light", 9)
        c.drawString(290, 40, f"- {n} -")
        c.showPage()
    c.save()
    return path


def make_image_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.rect(100, 100, 300, 400, fill=1)
    c.showPage()
    c.save()
    return path


def docx_bytes(paragraphs: list[str]) -> bytes:
    import io

    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_docx(path: Path, paragraphs: list[str]) -> Path:
    path.write_bytes(docx_bytes(paragraphs))
    return path
