"""Read a policy file of any supported format into raw text, with clear errors for bad files."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

from ..errors import IngestError
from ..settings import Settings
from .encoding import decode_text
from .ocr import IMAGE_SUFFIXES, PageProgress, ocr_image_file
from .pdf import read_pdf_text

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | IMAGE_SUFFIXES | {".pdf", ".docx"}
SUPPORTED_LABEL = "TXT、MD、PDF、DOCX、HTML 和扫描图片（PNG、JPG、TIFF）"


@dataclass
class RawText:
    text: str
    fmt: str
    warnings: list[str] = field(default_factory=list)
    ocr_pages: list[dict[str, Any]] = field(default_factory=list)  # [{"page", "confidence"}] when OCR was used


class _HTMLText(HTMLParser):
    _BLOCK: ClassVar[frozenset[str]] = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "td"}
    )
    _SKIP: ClassVar[frozenset[str]] = frozenset({"script", "style", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data.replace("\n", " "))


# A .docx is a zip: its declared sizes bound what zipfile will inflate, so checking them stops zip bombs
# before python-docx parses the XML into memory.
MAX_DOCX_INFLATED = 512 * 2**20
MAX_DOCX_RATIO = 200


def _refuse_zip_bomb(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise IngestError(path, "Word 文件已损坏或不是有效的 .docx 文件") from exc
    inflated = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if len(infos) > 5000 or inflated > MAX_DOCX_INFLATED or (inflated > 32 * 2**20 and inflated / packed > MAX_DOCX_RATIO):
        raise IngestError(path, "Word 文件解压后异常巨大（疑似压缩炸弹），已拒绝读取")


def _read_docx(path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _refuse_zip_bomb(path)
    try:
        d = docx.Document(str(path))
        blocks = [p.text for p in d.paragraphs]
        for table in d.tables:
            for row in table.rows:
                blocks.append(" | ".join(cell.text.strip() for cell in row.cells))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(path, "Word 文件已损坏或不是有效的 .docx 文件") from exc
    except Exception as exc:  # a malformed package fails anywhere inside python-docx/lxml (XML errors, missing parts)
        raise IngestError(path, "Word 文件内容结构已损坏，无法读取") from exc
    return "\n\n".join(blocks)


def load_file(path: str | Path, settings: Settings | None = None, progress: PageProgress | None = None) -> RawText:
    """Read one file; scanned pages and images are OCR'd (progress gets pages done, pages in all).
    Raises IngestError naming the file and the reason."""
    settings = settings or Settings()
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        raise IngestError(path, "文件不存在")
    if not path.is_file():
        raise IngestError(path, "不是文件")
    if suffix == ".doc":
        raise IngestError(path, "不支持旧版 Word（.doc）格式，请另存为 .docx 后再上传")
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(path, f"不支持的文件类型“{suffix or '无扩展名'}”，支持 {SUPPORTED_LABEL}")
    size = path.stat().st_size
    if size == 0:
        raise IngestError(path, "文件为空")
    if size > settings.max_file_bytes:
        raise IngestError(
            path, f"文件过大（{size / 2**20:.1f} MB），上限为 {settings.max_file_bytes / 2**20:.0f} MB"
        )
    warnings: list[str] = []
    ocr_pages: list[dict[str, Any]] = []
    if suffix == ".pdf":
        pdf = read_pdf_text(path, progress=progress, cache_dir=settings.ocr_cache_dir)
        text, warnings, ocr_pages = pdf.text, pdf.warnings, pdf.ocr_pages
        fmt = "pdf"
    elif suffix in IMAGE_SUFFIXES:
        res = ocr_image_file(path, progress, settings.ocr_cache_dir)
        text, warnings, ocr_pages, fmt = res.text, res.warnings(path.name), res.page_meta(), "image-ocr"
        if not text.strip():
            raise IngestError(path, "图片中未识别出文字（扫描件可能过于模糊或不含文字）")
    elif suffix == ".docx":
        text, fmt = _read_docx(path), "docx"
    else:
        data = path.read_bytes()
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise IngestError(path, "文件内容不是文本（可能是二进制文件或扩展名错误）")
        try:
            text, encoding = decode_text(data)
        except UnicodeError as exc:
            raise IngestError(path, str(exc)) from exc
        if encoding not in ("utf-8", "utf-8-sig"):
            warnings.append(f"《{path.name}》按 {encoding.upper()} 编码读取")
        if suffix in HTML_SUFFIXES:
            parser = _HTMLText()
            parser.feed(text)
            text, fmt = "".join(parser.parts), "html"
        else:
            fmt = "markdown" if suffix in (".md", ".markdown") else "text"
    if not text.strip():
        raise IngestError(path, "文件中没有可读取的文字")
    return RawText(text=text, fmt=fmt, warnings=warnings, ocr_pages=ocr_pages)
