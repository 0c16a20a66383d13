"""Offline OCR of scanned pages and images with RapidOCR (PP-OCRv4 Chinese models shipped in its wheel).

The output has the shape of extracted PDF text (lines, pages separated by blank lines), so it goes
through the same repair and structure steps. Results are cached by content hash because the corpus
is re-read at every index refresh and OCR costs seconds per page.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import IngestError

PageProgress = Callable[[int, int], object]  # (pages done, pages in all)

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"}
RENDER_DPI = 200  # a typical office scan; PP-OCRv4 reads 16pt 仿宋 well from here
# A page whose mean character confidence is below this is listed as a warning (measured: clean
# 200 dpi scans score 0.97-0.99; pages with many misread characters score below 0.85).
LOW_CONFIDENCE = 0.85
# Detection runs on the page scaled so its long side is at most this; recognition uses the full-resolution crops.
_DET_LIMIT = 960
_CACHE_VERSION = "rapidocr-v4-1"


@dataclass
class OcrLine:
    text: str
    confidence: float
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels


@dataclass
class OcrPage:
    page: int  # 1-based
    text: str
    confidence: float  # mean over characters; 0.0 for a page without text
    lines: int = 0


@dataclass
class OcrResult:
    pages: list[OcrPage] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.pages)

    def page_meta(self) -> list[dict[str, Any]]:
        return [{"page": p.page, "confidence": round(p.confidence, 3)} for p in self.pages]

    def warnings(self, name: str) -> list[str]:
        low = [p for p in self.pages if p.text.strip() and p.confidence < LOW_CONFIDENCE]
        empty = [p.page for p in self.pages if not p.text.strip()]
        out = [f"《{name}》已对 {len(self.pages)} 页扫描图像进行文字识别（OCR），请核对识别结果"]
        if low:
            pages = "、".join(f"第 {p.page} 页（{p.confidence:.2f}）" for p in low)
            out.append(f"《{name}》以下页面识别置信度较低，可能有错字：{pages}")
        if empty:
            out.append(f"《{name}》第 {'、'.join(map(str, empty))} 页未识别出文字")
        return out


_engine_lock = threading.Lock()
_engine: Any = None


def available() -> bool:
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def _get_engine() -> Any:
    global _engine
    with _engine_lock:
        if _engine is None:
            try:
                from rapidocr_onnxruntime import RapidOCR
            except ImportError as exc:
                raise RuntimeError("未安装文字识别组件 rapidocr-onnxruntime") from exc
            # Pages are upright scans: the 180° classifier only costs time.
            _engine = RapidOCR(det_limit_type="max", det_limit_side_len=_DET_LIMIT, use_cls=False)
        return _engine


def group_lines(lines: list[OcrLine]) -> list[list[OcrLine]]:
    """Boxes on one printed line (e.g. "一、" and its heading) are grouped, then read left to right."""
    rows: list[list[OcrLine]] = []
    for ln in sorted(lines, key=lambda x: (x.box[1] + x.box[3]) / 2):
        cy = (ln.box[1] + ln.box[3]) / 2
        if rows:
            last = rows[-1]
            top = min(x.box[1] for x in last)
            bottom = max(x.box[3] for x in last)
            if top <= cy <= bottom:
                last.append(ln)
                continue
        rows.append([ln])
    return [sorted(r, key=lambda x: x.box[0]) for r in rows]


def recognize(image: np.ndarray) -> tuple[str, float, int]:
    """OCR one page image (H×W×3 uint8 RGB or H×W gray). Returns (text as lines, confidence, lines)."""
    if image.ndim == 2:
        image = np.stack([image] * 3, axis=-1)
    # RapidOCR takes BGR like OpenCV.
    result, _ = _get_engine()(np.ascontiguousarray(image[:, :, ::-1]))
    boxes: list[OcrLine] = []
    for box, text, score in result or []:
        xs = [float(p[0]) for p in box]
        ys = [float(p[1]) for p in box]
        if str(text).strip():
            boxes.append(OcrLine(str(text).strip(), float(score), (min(xs), min(ys), max(xs), max(ys))))
    rows = group_lines(boxes)
    text = "\n".join("".join(x.text for x in r) for r in rows)
    chars = sum(len(b.text) for b in boxes)
    conf = sum(b.confidence * len(b.text) for b in boxes) / chars if chars else 0.0
    return text, conf, len(rows)


def _cache_file(cache_dir: Path | None, data: bytes, pages: Sequence[int]) -> Path | None:
    if cache_dir is None:
        return None
    h = hashlib.sha256(data)
    h.update(f"{_CACHE_VERSION}|{RENDER_DPI}|{_DET_LIMIT}|{','.join(map(str, pages))}".encode())
    return cache_dir / f"{h.hexdigest()[:32]}.json"


def _read_cache(p: Path | None) -> OcrResult | None:
    if p is None or not p.exists():
        return None
    try:
        rows = json.loads(p.read_text(encoding="utf-8"))
        return OcrResult([OcrPage(**r) for r in rows])
    except (OSError, ValueError, TypeError):
        return None


def _write_cache(p: Path | None, res: OcrResult) -> None:
    if p is None:
        return
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_name(f"{p.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps([asdict(x) for x in res.pages], ensure_ascii=False), encoding="utf-8")
        tmp.replace(p)
    except OSError:
        pass  # the cache only saves time


def _run(images: Callable[[int], np.ndarray], numbers: Sequence[int], progress: PageProgress | None) -> OcrResult:
    res = OcrResult()
    for done, n in enumerate(numbers):
        text, conf, nlines = recognize(images(n))
        res.pages.append(OcrPage(page=n, text=text, confidence=conf, lines=nlines))
        if progress:
            progress(done + 1, len(numbers))
    return res


def render_pdf_page(path: Path, page: int, dpi: int = RENDER_DPI) -> np.ndarray:
    """Render one page (1-based) to an RGB array with PDFium."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        bitmap = pdf[page - 1].render(scale=dpi / 72)
        img = bitmap.to_pil().convert("RGB")
    finally:
        pdf.close()
    return np.asarray(img)


def ocr_pdf_pages(path: Path, pages: Sequence[int], progress: PageProgress | None = None,
                  cache_dir: Path | None = None) -> OcrResult:
    """OCR the given pages (1-based) of a PDF."""
    if not available():
        raise IngestError(path, "PDF 中没有可提取的文字（可能是扫描件），且未安装文字识别组件 rapidocr-onnxruntime")
    cf = _cache_file(cache_dir, path.read_bytes(), pages)
    cached = _read_cache(cf)
    if cached is not None:
        if progress:
            progress(len(pages), len(pages))
        return cached
    try:
        res = _run(lambda n: render_pdf_page(path, n), pages, progress)
    except (OSError, ValueError, RuntimeError) as exc:
        raise IngestError(path, "PDF 页面无法渲染为图像进行文字识别") from exc
    _write_cache(cf, res)
    return res


def ocr_image_file(path: Path, progress: PageProgress | None = None, cache_dir: Path | None = None) -> OcrResult:
    """OCR a PNG/JPG/TIFF scan; every frame of a multi-page TIFF is a page."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    if not available():
        raise IngestError(path, "图片需要文字识别，但未安装文字识别组件 rapidocr-onnxruntime")
    data = path.read_bytes()
    cf = _cache_file(cache_dir, data, [0])
    cached = _read_cache(cf)
    if cached is not None:
        if progress:
            progress(len(cached.pages), len(cached.pages))
        return cached
    try:
        with Image.open(path) as im:
            frames = [np.asarray(f.convert("RGB")) for f in ImageSequence.Iterator(im)]
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise IngestError(path, "图片文件已损坏或格式不正确") from exc
    res = _run(lambda n: frames[n - 1], list(range(1, len(frames) + 1)), progress)
    _write_cache(cf, res)
    return res
