"""Normalization for matching only: full-width to half-width, traditional to simplified, lower case.

Display text is never normalized; search text is derived from it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _t2s() -> Any:
    from opencc_purepy import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    return str(_t2s().convert(text))


def normalize_for_search(text: str) -> str:
    """"中小學生 ＰＭ２．５" -> "中小学生 pm2.5"."""
    text = unicodedata.normalize("NFKC", text)
    return to_simplified(text).lower()
