"""OCR character accuracy and speed on synthetic scans of real clause text.

Pages of the seed 实施意见 are rendered with a CJK font like an A4 official document (16 pt, 1.6 line
spacing), scanned at 200 and 300 dpi with sensor noise, streaks, a slight skew and JPEG compression, and
embedded in an image-only PDF. Each page is then read through the product path (PDFium render →
RapidOCR PP-OCRv4 → line grouping) and compared with the rendered text (character accuracy = 1 −
edit distance / length, whitespace ignored). Baseline in the same run: RapidOCR's default settings
(detection at the page's short side ≥ 736 px, 180° classifier on) on the same pages.
Run: .venv/bin/python -m benchmarks.ocr [--pages 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.scans import char_accuracy, find_cjk_font, make_scan_pdf, render_page

from .common import ROOT, save

STARTS = ["（八）", "（二）", "（十二）", "（四）", "（九）", "（十四）"]


def _pages(n: int) -> list[list[str]]:
    text = (ROOT / "corpus" / "meili_shanxi_shishi_yijian.txt").read_text(encoding="utf-8")
    paras = [p.strip() for p in text.splitlines() if p.strip()]
    out = []
    for s in STARTS[:n]:
        i = next(k for k, p in enumerate(paras) if p.startswith(s))
        page, total = [], 0
        for p in paras[i:]:  # about one A4 page of text (22 lines × 28 characters in 公文 layout)
            if total > 560:
                break
            page.append(p[: 600 - total])
            total += len(page[-1])
        out.append(page)
    return out


def run(n: int) -> dict[str, Any]:
    from rapidocr_onnxruntime import RapidOCR

    from shanxi_policy.ingest import ocr

    font = find_cjk_font()
    if font is None:
        raise SystemExit("没有可用的中文字体（fc-list :lang=zh 为空），无法生成扫描样张")
    results: dict[str, Any] = {"font": Path(font).name, "pages": n, "settings": {}}
    default_engine = RapidOCR()
    for dpi in (200, 300):
        rendered = [render_page(p, font, dpi=dpi, height_in=11.69, seed=k) for k, p in enumerate(_pages(n))]
        with tempfile.TemporaryDirectory() as tmp:
            pdf = make_scan_pdf(Path(tmp) / "scan.pdf", [r[0] for r in rendered], dpi=dpi)
            ocr._get_engine()  # model load is counted separately
            rows: dict[str, list[dict[str, float]]] = {"product": [], "rapidocr_default": []}
            for k, (_img, ref, _lines) in enumerate(rendered, start=1):
                t0, c0 = time.perf_counter(), time.process_time()
                img = ocr.render_pdf_page(pdf, k, dpi=ocr.RENDER_DPI)
                text, conf, _ = ocr.recognize(img)
                rows["product"].append({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                                        "accuracy": char_accuracy(ref, text), "confidence": conf, "chars": len(ref)})
                t0, c0 = time.perf_counter(), time.process_time()
                res, _ = default_engine(img[:, :, ::-1].copy())
                base = "".join(r[1] for r in (res or []))
                rows["rapidocr_default"].append({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                                                 "accuracy": char_accuracy(ref, base), "chars": len(ref)})
        for name, r in rows.items():
            secs = sum(x["seconds"] for x in r)
            results["settings"][f"{name}@{dpi}dpi"] = {
                "char_accuracy_mean": round(statistics.mean(x["accuracy"] for x in r), 4),
                "char_accuracy_min": round(min(x["accuracy"] for x in r), 4),
                "pages_per_s": round(len(r) / secs, 3),
                "s_per_page": round(secs / len(r), 2),
                # CPU time of all threads: far less sensitive than wall time to other jobs on a shared machine.
                "cpu_s_per_page": round(statistics.mean(x["cpu"] for x in r), 2),
                "chars_per_page": round(statistics.mean(x["chars"] for x in r)),
                **({"confidence_mean": round(statistics.mean(x["confidence"] for x in r), 4)}
                   if "confidence" in r[0] else {}),
            }
    import os

    results["note"] = ("scan = rendered text + Gaussian noise σ=18 + column streaks + 0.4° skew + JPEG q75; "
                       "the product renders every PDF page at 200 dpi whatever the scan resolution. "
                       f"Timed on a shared {os.cpu_count()}-core machine (load average {os.getloadavg()[0]:.1f} at the end).")
    return results


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=3)
    args = ap.parse_args()
    res = run(args.pages)
    print(save("ocr", res))
    for k, v in res["settings"].items():
        print(k, v)


if __name__ == "__main__":
    main()
