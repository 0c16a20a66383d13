"""Patterns for the numbering of Chinese official documents and laws, shared by repair and parsing."""

from __future__ import annotations

import re

CN_DIGITS = "零〇一二三四五六七八九十百千两"
_N = f"[{CN_DIGITS}]+"
_ND = f"[{CN_DIGITS}0-9０-９]+"

BIAN = re.compile(rf"^第({_ND})编[\s\u3000]*(.*)$")
CHAPTER = re.compile(rf"^第({_ND})章[\s\u3000]*(.*)$")
SECTION = re.compile(rf"^第({_ND})节[\s\u3000]*(.*)$")
ARTICLE = re.compile(rf"^第({_ND})条(?:之[{CN_DIGITS}]+)?[\s\u3000]*(.*)$", re.S)
PART = re.compile(rf"^({_N})、[\s\u3000]*(.*)$", re.S)
CLAUSE = re.compile(rf"^[（(]({_N})[）)][\s\u3000]*(.*)$", re.S)
ITEM = re.compile(r"^(\d{1,3})[\.．、](?![\d０-９])[\s\u3000]*(.*)$", re.S)
SUBITEM = re.compile(r"^[（(](\d{1,3})[）)][\s\u3000]*(.*)$", re.S)
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# The start of an enumerated item inside a clause: （一）, (1), ①, 一是.
ENUM_START = re.compile(r"^\s*(?:[（(](?:[一二三四五六七八九十]+|\d{1,2})[）)]|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]+是)")

ANY_MARKER = re.compile(
    rf"^(?:#{{1,6}}\s|第{_ND}[编章节条]|{_N}、|[（(]{_N}[）)]|\d{{1,3}}[\.．、](?![\d０-９])|[（(]\d{{1,3}}[）)])"
)

SENTENCE_PUNCT = "。！？；!?;"
# A paragraph that ends with one of these is complete; anything else may be cut by a page break.
TERMINAL_END = re.compile(r"[。！？；：:!?;…）)》]$|[。！？!?][”’」』]$")


def without_article_no(text: str) -> str:
    """Text after a leading 第X条 (the number a citation already gives); the text itself without one."""
    m = ARTICLE.match(text)
    return m.group(2) if m else text


def without_marker(text: str) -> str:
    """Text after a leading 第X条, 一、 or （一） (the number a citation already gives)."""
    m = ARTICLE.match(text) or PART.match(text) or CLAUSE.match(text)
    return m.group(2) if m else text


def starts_with_marker(line: str) -> bool:
    return bool(ANY_MARKER.match(line.lstrip("\u3000 ")))


def ends_terminal(line: str) -> bool:
    return bool(TERMINAL_END.search(line.rstrip()))


def heading_like(line: str, max_len: int = 40) -> bool:
    """Short and without sentence punctuation: a title, heading or headline rather than body text."""
    s = line.strip()
    return 0 < len(s) <= max_len and not any(ch in s for ch in SENTENCE_PUNCT)


def cn_to_int(s: str) -> int | None:
    """Convert 一 / 十二 / 二十七 / 一百零三 / 12 / １２ to an int."""
    s = s.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if s.isdigit():
        return int(s)
    digits = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
    units = {"十": 10, "百": 100, "千": 1000}
    total, cur = 0, 0
    for ch in s:
        if ch in digits:
            cur = digits[ch]
        elif ch in units:
            total += (cur or 1) * units[ch]
            cur = 0
        else:
            return None
    return total + cur


def cn_numeral(n: int) -> str:
    """25 -> 二十五, 10 -> 十, 103 -> 一百零三: an article number as the texts write it (the inverse of cn_to_int)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + digits[rest] if rest < 10 else
                                 ("一" + cn_numeral(rest) if rest < 20 else cn_numeral(rest)))
    return digits[n // 100] + "百" + tail


# A penalty naming the paragraphs of a rule it punishes ("违反本办法第十五条第一款、第二款、第三款规定的").
_CITED_PARAGRAPHS = re.compile(r"违反本(?:法|条例|办法|规定)第([一二三四五六七八九十百零〇]+)条"
                               r"((?:第[一二三四五六七八九十]+款[、和及或者]*)+)")


def cited_paragraphs(text: str) -> tuple[int, set[int]] | None:
    """The article and paragraphs of its own law a text cites as breached ("违反本办法第十五条第四款规定的" → (15, {4}));
    None when it names no paragraph."""
    m = _CITED_PARAGRAPHS.search(text)
    article = cn_to_int(m.group(1)) if m else None
    if m is None or article is None:
        return None
    return article, {n for x in re.findall(r"第([一二三四五六七八九十]+)款", m.group(2)) if (n := cn_to_int(x)) is not None}


def cites_article(text: str, n: int) -> bool:
    """The text refers to article n of its own law ("违反本条例第二十五条规定", "第十四条第一款、第二十一条")."""
    # (not another law's article named by its title: "有《中华人民共和国环境保护法》第六十三条规定的…行为")
    return "违反本" in text and \
        re.search(rf"(?<!》)(?:第|、){cn_numeral(n)}条(?!之)", text) is not None
