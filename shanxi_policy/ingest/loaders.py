"""Read a policy file of any supported format into raw text, with clear errors for bad files."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

from ..errors import IngestError
from ..settings import Settings
from .encoding import decode_text
from .pdf import read_pdf

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"}


@dataclass
class RawText:
    text: str
    fmt: str
    warnings: list[str] = field(default_factory=list)


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


def _read_docx(path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        d = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(path, "Word 文件已损坏或不是有效的 .docx 文件") from exc
    blocks = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            blocks.append(" | ".join(cell.text.strip() for cell in row.cells))
    return "\n\n".join(blocks)


def load_file(path: str | Path, settings: Settings | None = None) -> RawText:
    """Read one file. Raises IngestError naming the file and the reason."""
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
        raise IngestError(path, f"不支持的文件类型“{suffix or '无扩展名'}”，支持 TXT、MD、PDF、DOCX、HTML")
    size = path.stat().st_size
    if size == 0:
        raise IngestError(path, "文件为空")
    if size > settings.max_file_bytes:
        raise IngestError(
            path, f"文件过大（{size / 2**20:.1f} MB），上限为 {settings.max_file_bytes / 2**20:.0f} MB"
        )
    warnings: list[str] = []
    if suffix == ".pdf":
        text, warnings = read_pdf(path)
        fmt = "pdf"
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
    return RawText(text=text, fmt=fmt, warnings=warnings)
