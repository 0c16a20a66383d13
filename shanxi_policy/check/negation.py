"""Find terms in proposal text and tell whether each mention is negated ("不设燃煤锅炉", "未建设…")."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that, before a term in the same clause segment, deny or remove it.
NEGATORS = re.compile(r"未|无(?!组织|机|害|人|线|缝|水|烟|尘)|没有|禁止|严禁|不得|杜绝|取消|不(?!断|仅|但|少|同|锈|定期|低于)")
# Words that remove the thing named after them ("淘汰国四货车", "以电锅炉替代燃煤锅炉"): they negate a
# forbidden item but not an encouraged one ("燃煤锅炉改为电锅炉" still has an electric boiler).
REMOVERS = re.compile(r"拆除|淘汰|替代|替换|改为|关停|取代|置换")
# After a term: "散煤替代", "煤改电", "燃煤锅炉改为电锅炉", "国四货车全部淘汰" remove it too.
# "原农药生产企业搬迁后的厂区" is a former plant: the enterprise is gone from the site.
POST_REMOVERS = re.compile(r"^[^，。；,;：:]{0,5}?(?:替代|淘汰|关停|拆除|取缔|清零|退出|改为|改成|改造为|改电|改气|置换为|"
                           r"搬迁后|搬离|迁出|停产后|关闭后)")
# Punctuation that ends a clause segment.
SEGMENT_END = re.compile(r"[，。；：,;:！？!?\n]")


def segment_start(text: str, pos: int) -> int:
    """Start of the clause segment that holds text[pos]."""
    start = 0
    for m in SEGMENT_END.finditer(text, 0, pos):
        start = m.end()
    return start


@dataclass
class Mention:
    term: str
    start: int
    end: int
    negated: bool
    sentence: str


def sentence_at(text: str, start: int, end: int) -> str:
    s = max(text.rfind(ch, 0, start) for ch in "。；！？\n") + 1
    ends = [i for i in (text.find(ch, end) for ch in "。；！？\n") if i >= 0]
    e = min(ends) + 1 if ends else len(text)
    return text[s:e].strip()


def _pattern(term: str) -> re.Pattern[str]:
    if len(term) > 2 and term.startswith("/") and term.endswith("/"):
        return re.compile(term[1:-1], re.I)
    return re.compile(re.escape(term), re.I)


def find_mentions(text: str, terms: list[str], removal_negates: bool = False) -> list[Mention]:
    out: list[Mention] = []
    for term in terms:
        for m in _pattern(term).finditer(text):
            window = text[segment_start(text, m.start()) : m.start()]
            end = SEGMENT_END.search(text, m.end())
            after = text[m.end() : end.start() if end else len(text)]
            removed = bool(REMOVERS.search(window)) or bool(POST_REMOVERS.search(after))
            negated = bool(NEGATORS.search(window)) or (removal_negates and removed)
            out.append(Mention(m.group(0), m.start(), m.end(), negated, sentence_at(text, m.start(), m.end())))
    return out


def present(text: str, terms: list[str], removal_negates: bool = False) -> list[Mention]:
    return [m for m in find_mentions(text, terms, removal_negates) if not m.negated]
