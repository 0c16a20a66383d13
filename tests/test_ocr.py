"""OCR of scanned PDFs and images: rendered clause text with noise, recognised offline."""

from __future__ import annotations

import time

import numpy as np
import pytest

import shanxi_policy as sp
from shanxi_policy.ingest import ocr
from shanxi_policy.ingest.loaders import load_file

from .conftest import POLICY
from .scans import char_accuracy, clause_paragraphs, find_cjk_font, make_scan_pdf, render_page

# Measured on these pages: 0.98-1.00 (benchmarks/ocr.py); the bar leaves room for other CPUs/ORT builds.
MIN_ACCURACY = 0.95

needs_ocr = pytest.mark.skipif(not ocr.available(), reason="rapidocr-onnxruntime is not installed")


@pytest.fixture(scope="module")
def font() -> str:
    f = find_cjk_font()
    if f is None:
        pytest.skip("no CJK font on this machine (fc-list :lang=zh is empty; .ci/run installs fonts-wqy-zenhei)")
    return f


@pytest.fixture(scope="module")
def scan(font, tmp_path_factory):
    """One scanned page: a part heading and the start of clause （八） of the seed 实施意见."""
    text = POLICY.read_text(encoding="utf-8")
    paras = [*clause_paragraphs(text, "三、坚持全质加快改善"), *clause_paragraphs(text, "（八）", max_chars=120)]
    img, ref, _ = render_page(paras, font, dpi=200, width_in=6.5, seed=1)  # a narrow page keeps the test fast
    d = tmp_path_factory.mktemp("scan")
    pdf = make_scan_pdf(d / "扫描件.pdf", [img])
    return pdf, ref, paras, d


@needs_ocr
def test_scanned_pdf_is_recognised_and_structured(scan):
    pdf, ref, _paras, d = scan
    calls: list[tuple[int, int]] = []
    t0 = time.perf_counter()
    doc = sp.ingest_file(pdf, sp.Settings(ocr_cache_dir=d / "cache"), progress=lambda i, n: calls.append((i, n)))
    took = time.perf_counter() - t0
    assert calls == [(1, 1)]
    acc = char_accuracy(ref, doc.text)
    assert acc >= MIN_ACCURACY, (acc, doc.text)
    # The recognised text goes through the same repair and structure steps: the clause is citable.
    c8 = next(c for c in doc.clauses if c.title.startswith("（八）"))
    assert c8.path[0].startswith("三、")
    assert "持续改善空气质量" in c8.title
    pages = doc.meta["ocr_pages"]
    assert [p["page"] for p in pages] == [1] and 0.8 < pages[0]["confidence"] <= 1.0
    assert any("文字识别" in w for w in doc.warnings)
    # A second read comes from the cache, not from the OCR engine.
    t1 = time.perf_counter()
    again = sp.ingest_file(pdf, sp.Settings(ocr_cache_dir=d / "cache"))
    assert again.text == doc.text and time.perf_counter() - t1 < took / 3


@needs_ocr
def test_image_upload_is_recognised(font, tmp_path):
    text = POLICY.read_text(encoding="utf-8")
    paras = clause_paragraphs(text, "（九）", max_chars=60)
    img, ref, _ = render_page(paras, font, width_in=6.0, seed=2)
    f = tmp_path / "通知.jpg"
    img.save(f, "JPEG", quality=80)
    raw = load_file(f, sp.Settings(ocr_cache_dir=tmp_path / "cache"))
    assert raw.fmt == "image-ocr" and raw.ocr_pages[0]["page"] == 1
    assert char_accuracy(ref, raw.text) >= MIN_ACCURACY, raw.text


def test_broken_image_is_refused(tmp_path):
    f = tmp_path / "坏图.png"
    f.write_bytes(b"\x89PNG\r\n\x1a\nnot really a png")
    with pytest.raises(sp.IngestError, match="图片"):
        load_file(f, sp.Settings(ocr_cache_dir=tmp_path / "cache"))


def test_low_confidence_pages_are_warned():
    res = ocr.OcrResult([ocr.OcrPage(1, "一、总体要求", 0.97), ocr.OcrPage(2, "模糊文字", 0.61), ocr.OcrPage(3, "", 0.0)])
    w = " ".join(res.warnings("a.pdf"))
    assert "第 2 页（0.61）" in w and "第 1 页" not in w.split("置信度较低")[1]
    assert "第 3 页未识别出文字" in w
    assert res.page_meta()[1] == {"page": 2, "confidence": 0.61}


def test_boxes_on_one_line_are_read_left_to_right():
    line = ocr.OcrLine
    rows = ocr.group_lines([
        line("总体要求", 0.9, (120, 100, 400, 140)),
        line("第二行", 0.9, (60, 170, 300, 210)),
        line("一、", 0.9, (60, 104, 110, 138)),
    ])
    assert ["".join(x.text for x in r) for r in rows] == ["一、总体要求", "第二行"]


def test_recognize_accepts_gray_images(monkeypatch):
    seen = {}

    def engine(img):
        seen["shape"] = img.shape
        return [([[0, 0], [10, 0], [10, 5], [0, 5]], "字", 0.9)], None

    monkeypatch.setattr(ocr, "_get_engine", lambda: engine)
    text, conf, n = ocr.recognize(np.zeros((5, 10), dtype=np.uint8))
    assert (text, n, seen["shape"]) == ("字", 1, (5, 10, 3)) and conf == pytest.approx(0.9)
