"""Repair text extracted from page layouts: rejoin broken lines and pages, collapse doubled
headline characters, remove stray spaces and normalize stray Latin words.

The output is a list of paragraphs; the display text of a document is the paragraphs joined by
newlines, so the original wording is kept and only extraction damage is undone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from .markers import ARTICLE, ends_terminal, heading_like, starts_with_marker

CJK = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
CJK_PUNCT = r"[，。、；：？！“”‘’（）《》〈〉【】〔〕…—％]"
_SPACE = r"[ \t\u00a0\u3000]"
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)

# Latin words that a layout tool inserted between Chinese words, and their Chinese reading.
_LATIN_CONJUNCTIONS = {"and": "和", "or": "或", "with": "与"}


@dataclass
class Repaired:
    paragraphs: list[str]
    warnings: list[str] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@lru_cache(maxsize=4096)
def _doubled_split(s: str) -> tuple[str, ...] | None:
    """Split s into segments that each occur twice in a row (x x y y ...), longest first."""
    if not s:
        return ()
    for k in range(len(s) // 2, 0, -1):
        if s[:k] == s[k : 2 * k]:
            rest = _doubled_split(s[2 * k :])
            if rest is not None:
                return (s[:k], *rest)
    return None


def collapse_doubled(line: str) -> str:
    """Undo bold-font double extraction: "印发印发" -> "印发", "、、" -> "、".

    Applied only when the whole heading-like line is made of doubled runs, so legitimate
    repeats inside a phrase ("绿水青山就是金山银山", "人人有责") are untouched.
    """
    s = line.strip()
    if len(s) < 4 or not heading_like(s, max_len=120):
        return line
    parts = _doubled_split(s)
    if parts is None or (len(parts) < 3 and all(len(p) == 1 for p in parts)):
        return line
    return "".join(parts)


def fix_latin(text: str) -> tuple[str, list[str]]:
    """Normalize Latin conjunctions between Chinese words; flag other stray lowercase words."""
    warnings: list[str] = []

    def conj(m: re.Match[str]) -> str:
        word = m.group(1)
        warnings.append(f"已将中文中夹杂的英文“{word}”规范为“{_LATIN_CONJUNCTIONS[word.lower()]}”")
        return _LATIN_CONJUNCTIONS[word.lower()]

    words = "|".join(_LATIN_CONJUNCTIONS)
    text = re.sub(rf"(?<={CJK}){_SPACE}*\b({words})\b{_SPACE}*(?={CJK})", conj, text, flags=re.I)
    for m in re.finditer(rf"(?<={CJK}){_SPACE}*\b([a-z]{{2,}})\b{_SPACE}*(?={CJK})", text):
        warnings.append(f"中文中夹杂英文单词“{m.group(1)}”，请核对原文")
    return text, warnings


def fix_spaces(text: str, headline: bool = False) -> str:
    """Remove spaces between Chinese and digits/Latin and inside numbers with units.

    In headlines a space before a number may separate two side-by-side headlines
    ("分三个阶段提出建设目标 6大重点任务…"), so it is kept there.
    """
    if not headline:
        text = re.sub(rf"(?<={CJK}){_SPACE}+(?=[0-9A-Za-z])", "", text)
    text = re.sub(rf"(?<=[0-9A-Za-z%.]){_SPACE}+(?={CJK})", "", text)
    text = re.sub(rf"(?<=\d){_SPACE}+(?=[%％‰])", "", text)
    text = re.sub(rf"{_SPACE}+(?={CJK_PUNCT})", "", text)
    text = re.sub(rf"(?<={CJK_PUNCT}){_SPACE}+", "", text)
    text = re.sub(rf"(?<=[A-Za-z0-9]){_SPACE}*-{_SPACE}*(?=[A-Za-z0-9])", "-", text)
    return re.sub(rf"{_SPACE}{{2,}}", " ", text).strip()


def _glue(a: str, b: str) -> str:
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    return a + b


def _width(line: str) -> float:
    """Printed width: Latin letters, digits and spaces take about half a Chinese character."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in line)


def _is_heading_line(line: str) -> bool:
    # Wrapped body lines often lack a full stop but carry a comma; headings rarely do,
    # except numbered ones ("二、坚持全面深化转型，推进绿色低碳循环发展").
    return heading_like(line) and ("，" not in line or starts_with_marker(line))


def _join_block(lines: list[str]) -> list[str]:
    """Join the hard-wrapped lines of one block into paragraphs."""
    width = max(_width(x) for x in lines)
    paras: list[str] = []
    cur = lines[0]
    for prev, nxt in pairwise(lines):
        full = _width(prev) >= 0.8 * width  # a line that fills the column was wrapped
        # "第七条 任何组织…有权向…或者生态" filling the column opens an article's text, not a heading: it goes on.
        article = full and "，" in prev and bool(ARTICLE.match(prev))
        breaks = (
            ends_terminal(prev)
            or starts_with_marker(nxt)
            or (_is_heading_line(prev) and not article and (not full or starts_with_marker(prev)))
        )
        if breaks:
            paras.append(cur)
            cur = nxt
        else:
            cur = _glue(cur, nxt)
    paras.append(cur)
    return paras


def _rejoin_pages(paras: list[str]) -> tuple[list[str], int]:
    """Rejoin paragraphs that a page break cut mid-sentence ("…交易行业覆" + "盖范围…")."""
    out: list[str] = []
    joined = 0
    for p in paras:
        if out:
            prev = out[-1]
            if not ends_terminal(prev) and not heading_like(prev) and not starts_with_marker(p):
                out[-1] = _glue(prev, p)
                joined += 1
                continue
        out.append(p)
    return out, joined


_INLINE_BREAK = re.compile(
    r"[ \t]*\u3000{2,}[ \t\u3000]*"  # full-width indentation opens a paragraph
    r"|(?<=[。；：！？）])[ \t\u3000]+"
    r"(?=[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百]+条)"
)


# A headline at the start of a run-on line: a phrase without sentence punctuation, then a space.
_LEADING_HEADLINE = re.compile(r"^([^\s。，；！？,;]{6,60})[ \t\u3000]+(?=\S)")


def _split_run_on_lines(text: str) -> str:
    """Web pages are often saved as one long line: restore the headline and the paragraphs at
    indentation and numbering."""
    out = []
    for ln in text.split("\n"):
        if len(ln) > 300:
            ln = _LEADING_HEADLINE.sub("\\1\n", ln.strip(), count=1)
            ln = _INLINE_BREAK.sub("\n", ln)
        out.append(ln)
    return "\n".join(out)


def repair(raw: str) -> Repaired:
    """Turn raw extracted text into clean paragraphs."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\f", "\n\n")
    text = _split_run_on_lines(_HTML_COMMENT.sub("", text))
    stats = {"collapsed_lines": 0, "page_joins": 0}
    paras: list[str] = []
    for block in re.split(r"\n[ \t\u3000]*\n", text):
        lines = [ln.strip(" \t\u3000\u00a0") for ln in block.split("\n")]
        lines = [ln for ln in lines if ln]
        if not lines:
            continue
        fixed = [collapse_doubled(ln) for ln in lines]
        stats["collapsed_lines"] += sum(a != b for a, b in zip(lines, fixed, strict=True))
        paras.extend(_join_block(fixed))
    paras, stats["page_joins"] = _rejoin_pages(paras)
    warnings: list[str] = []
    out: list[str] = []
    for p in paras:
        p, w = fix_latin(p)
        warnings.extend(w)
        p = fix_spaces(p, headline=heading_like(p) and "，" not in p and not starts_with_marker(p))
        if p:
            out.append(p)
    return Repaired(paragraphs=out, warnings=warnings, stats=stats)
