"""Decode text files that may be UTF-8, UTF-8 with BOM, UTF-16 with BOM or GB18030/GBK."""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u4e00-\u9fff]")


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises UnicodeError when no candidate decodes cleanly."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # GB18030 is a superset of GBK and GB2312; it decodes almost any byte string, so require
    # the result to look like Chinese text before accepting it.
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise UnicodeError("既不是 UTF-8 也不是 GB18030/GBK 编码") from exc
    if text and len(_CJK.findall(text)) < max(1, len(text) // 50):
        raise UnicodeError("无法识别文件编码（既不是 UTF-8，按 GB18030 解码也不像中文）")
    return text, "gb18030"
