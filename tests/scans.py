"""Synthetic scans for the OCR tests and benchmark: real clause text rendered with a CJK font at
scanner resolution, with sensor noise, a slight skew and JPEG compression, embedded in a PDF."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np

_KNOWN_FONTS = [
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
]


def find_cjk_font() -> str | None:
    """A font file with Chinese glyphs on this machine, or None."""
    if shutil.which("fc-list"):
        try:
            out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=20).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        files = sorted({ln.split(":")[0].strip() for ln in out.splitlines() if ln.strip()})
        if files:
            return files[0]
    return next((f for f in _KNOWN_FONTS if Path(f).exists()), None)


def render_page(paragraphs: list[str], font_path: str, dpi: int = 200, font_pt: float = 16,
                width_in: float = 8.27, height_in: float | None = None, noise: float = 18.0,
                skew_deg: float = 0.4, seed: int = 0):
    """Lay out paragraphs like an official document (2-character indent, 1.6 line spacing) and scan
    them. Returns (PIL image, the text as laid out, one string per printed line)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(font_path, round(font_pt / 72 * dpi))
    size = font.size
    margin = int(0.9 * dpi)
    width = int(width_in * dpi)
    measure = ImageDraw.Draw(Image.new("L", (1, 1)))
    lines: list[tuple[int, str]] = []
    for p in paragraphs:
        indent = 0 if re.match(r"^[一二三四五六七八九十]+、", p) else 2 * size
        cur, x0 = "", indent
        for ch in p:
            if measure.textlength(cur + ch, font=font) > width - 2 * margin - x0:
                lines.append((x0, cur))
                cur, x0 = ch, 0
            else:
                cur += ch
        lines.append((x0, cur))
    step = int(size * 1.6)
    height = int(height_in * dpi) if height_in else 2 * margin + step * len(lines)
    img = Image.new("L", (width, height), 255)
    d = ImageDraw.Draw(img)
    y = margin
    for x0, text in lines:
        d.text((margin + x0, y), text, font=font, fill=20)
        y += step
    rng = np.random.default_rng(seed)
    a = np.asarray(img, dtype=np.float32) + rng.normal(0.0, noise, (height, width))
    a += rng.normal(0.0, 6.0, (1, width))  # faint vertical streaks of a scanner
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).rotate(skew_deg, fillcolor=255, expand=False)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=75)
    buf.seek(0)
    return Image.open(buf).convert("L"), "".join(t for _, t in lines), [t for _, t in lines]


def make_scan_pdf(path: Path, images: list, dpi: int = 200) -> Path:
    """A PDF whose pages are only images (no text layer), each page the size of its scan."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for im in images:
        w, h = im.size[0] * 72 / dpi, im.size[1] * 72 / dpi
        c.setPageSize((w, h))
        c.drawImage(ImageReader(im), 0, 0, width=w, height=h)
        c.showPage()
    c.save()
    return path


def char_accuracy(reference: str, recognised: str) -> float:
    """1 - character edit distance / reference length, whitespace ignored (1.0 is perfect)."""
    a = re.sub(r"\s", "", reference)
    b = re.sub(r"\s", "", recognised)
    if not a:
        return 1.0 if not b else 0.0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return max(0.0, 1.0 - prev[-1] / len(a))


def clause_paragraphs(text: str, first: str, count: int = 1, max_chars: int | None = None) -> list[str]:
    """`count` paragraphs of a document starting at the one that begins with `first`, optionally cut."""
    paras = [p.strip() for p in text.splitlines() if p.strip()]
    i = next(n for n, p in enumerate(paras) if p.startswith(first))
    out = paras[i : i + count]
    if max_chars:
        cut, total = [], 0
        for p in out:
            if total >= max_chars:
                break
            piece = p[: max_chars - total]
            end = piece.rfind("。")  # end on a full sentence
            cut.append(piece[: end + 1] if end > 0 and len(piece) < len(p) else piece)
            total += len(cut[-1])
        out = cut
    return out
