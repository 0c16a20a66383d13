"""PDF text extraction with running headers, footers and page numbers removed."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import IngestError
from .ocr import PageProgress, ocr_pdf_pages
from .ocr import available as ocr_available

# "- 3 -", "— 3 —", "3", "第 3 页", "第3页 共10页", "3 / 10", "·3·"
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–·•]*(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d+)[\s\-—–·•]*$"
)
_EDGE = 2  # lines at the top and at the bottom of a page that may be a header or footer


def _shape(line: str) -> str:
    """Headers often carry the page number; compare them with digits masked."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def strip_page_furniture(pages: list[list[str]]) -> tuple[list[list[str]], int]:
    """Remove page numbers and lines repeated at the edges of most pages. Returns (pages, removed)."""
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = set(lines[:_EDGE] + lines[-_EDGE:])
        counts.update({_shape(x) for x in edge if x.strip()})
    min_pages = max(2, (len(pages) + 1) // 2)
    repeated = {s for s, n in counts.items() if n >= min_pages and len(pages) >= 2}
    removed = 0
    out: list[list[str]] = []
    for lines in pages:
        keep: list[str] = []
        n = len(lines)
        for i, line in enumerate(lines):
            at_edge = i < _EDGE or i >= n - _EDGE
            if at_edge and (_PAGE_NUMBER.match(line) or _shape(line) in repeated):
                removed += 1
                continue
            keep.append(line)
        out.append(keep)
    return out, removed


@dataclass
class PdfText:
    text: str  # pages separated by blank lines
    warnings: list[str] = field(default_factory=list)
    ocr_pages: list[dict[str, Any]] = field(default_factory=list)  # [{"page", "confidence"}] of OCR'd pages


def read_pdf(path: Path) -> tuple[str, list[str]]:
    """Return (text with pages separated by blank lines, warnings); pages without text are not OCR'd."""
    r = read_pdf_text(path, ocr=False)
    return r.text, r.warnings


def read_pdf_text(path: Path, ocr: bool = True, progress: PageProgress | None = None,
                  cache_dir: Path | None = None) -> PdfText:
    """Extract the text layer; pages without one (scans) are recognised with OCR when ocr is true."""
    import logging

    import pypdf
    from pypdf.errors import PdfReadError

    # pypdf logs its parser's complaints ("invalid pdf header", "EOF marker not found") in English to the
    # console; a damaged file is reported once, in Chinese, by the IngestError below.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:  # pypdf raises several types for unsupported crypto
                raise IngestError(path, "PDF 已加密，无法读取，请提供未加密的文件") from exc
            if not ok:
                raise IngestError(path, "PDF 已加密，无法读取，请提供未加密的文件")
        raw_pages = [(p.extract_text() or "") for p in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(path, "PDF 文件已损坏或格式不正确") from exc
    warnings: list[str] = []
    ocr_meta: list[dict[str, Any]] = []
    empty = [i + 1 for i, t in enumerate(raw_pages) if not t.strip()]
    if empty and ocr and ocr_available():
        res = ocr_pdf_pages(path, empty, progress, cache_dir)
        for pg in res.pages:
            raw_pages[pg.page - 1] = pg.text
        ocr_meta = res.page_meta()
        warnings.extend(res.warnings(path.name))
        empty = [i + 1 for i, t in enumerate(raw_pages) if not t.strip()]
        if raw_pages and len(empty) == len(raw_pages):
            raise IngestError(path, "PDF 是扫描件或纯图片，文字识别（OCR）未识别出任何文字，请检查扫描质量")
    pages = [[ln.rstrip() for ln in t.splitlines()] for t in raw_pages]
    if pages and len(empty) == len(pages):
        raise IngestError(path, "PDF 中没有可提取的文字（可能是扫描件或纯图片），请先进行文字识别（OCR）")
    if empty and not ocr_meta:
        warnings.append(f"《{path.name}》第 {'、'.join(map(str, empty))} 页没有可提取的文字（可能是图片）")
    pages, removed = strip_page_furniture(pages)
    if removed:
        warnings.append(f"《{path.name}》已去除 {removed} 行页眉、页脚或页码")
    return PdfText("\n\n".join("\n".join(p) for p in pages), warnings, ocr_meta)
