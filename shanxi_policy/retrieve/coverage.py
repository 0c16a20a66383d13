"""What the library cannot speak to: matters a text names whose governing laws the library does not hold.

A proposal that puts a solar farm on 永久基本农田 is not 符合 because the library has no 土地管理法, and a question
about building on 基本农田 is not answered as if another law settled it: the check and the answer say which
matters the library does not cover and which laws would.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..errors import PolicyError
from ..package_data import data_text, load_yaml


@dataclass(frozen=True)
class Gap:
    topic: str  # 占用耕地或永久基本农田
    words: tuple[str, ...]  # the proposal's words that raise it
    laws: tuple[str, ...]  # laws that would cover it, none in the library
    opens: bool = True  # the matter keeps a check's verdict open (a place or land use, not a procedure)

    def named_words(self) -> str:
        return "、".join(f"“{w}”" for w in self.words)

    def named_laws(self) -> str:
        return "".join(f"《{x}》" for x in self.laws)

    def message(self) -> str:
        """The line a check report shows for the matter."""
        return (f"项目材料涉及{self.named_words()}（{self.topic}），文档库中未收录{self.named_laws()}，"
                "本次审查未能覆盖该事项，建议补充后复核。")


@dataclass(frozen=True)
class _Entry:
    topic: str
    words: tuple[str, ...]
    laws: tuple[str, ...]
    opens: bool
    asked_with: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _entries() -> tuple[_Entry, ...]:
    try:
        data = load_yaml(data_text("governing_laws.yaml"))
        return tuple(_Entry(str(e["topic"]), tuple(e["words"]), tuple(e["laws"]), bool(e.get("opens", True)),
                            tuple(e.get("asked_with", ())))
                     for e in data["entries"])
    except (KeyError, TypeError, ValueError) as exc:
        raise PolicyError(f"法规覆盖词表 governing_laws.yaml 格式有误：{exc}") from exc


def _every_time(word: str, text: str, holds: Callable[[re.Match[str]], bool]) -> bool:
    """The text says the word, and each time it does, the condition holds there."""
    spots = list(re.finditer(re.escape(word), text))
    return bool(spots) and all(holds(m) for m in spots)


def _only_in_names(word: str, text: str) -> bool:
    """Every time the text says the word, it is part of a body's name ("经县林业和草原局核查": no grassland)."""
    return _every_time(word, text, lambda m: bool(_BODY_AFTER.match(text, m.end())))


def only_as_new_use(word: str, text: str) -> bool:
    """Every time the text says the word, it is the use other land is turned to ("把芦苇荡开垦成耕地"): the land
    taken, and the law that governs it, come first in the text."""
    return _every_time(word, text, lambda m: bool(_TURNED_TO.search(text[:m.start()])))


# Before a word: a conversion into it ("改成", "开垦为", "变成了").
_TURNED_TO = re.compile(r"(?:改成|改为|改作|改造成|变成|变为|开垦成|开垦为|垦为|开成)了?$")

# After a word: the rest of a body's name ("…草原局", "…水务局", "…湿地保护中心").
_BODY_AFTER = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:局|厅|委员会|管理处|管理站|保护中心|公司|有限公司)")


def coverage_gaps(text: str, titles: Iterable[str],
                  stated: Callable[[str, str], bool] = lambda word, text: word in text,
                  question: bool = False) -> list[Gap]:
    """Matters the text names (stated(word, text): the check reads polarity, "不占用耕地" raises nothing) whose
    governing laws no library title contains. A question raises a matter whose entry lists the acts it is about
    (asked_with) only with one of them: "往耕地里倒尾矿渣" asks of pollution (土壤污染防治法), not of taking the land."""
    held = [t for t in titles if t]
    out = []
    for e in _entries():
        if any(law in t for law in e.laws for t in held):
            continue
        if question and e.asked_with and not any(a in text for a in e.asked_with):
            continue
        words = [w for w in e.words if stated(w, text) and not _only_in_names(w, text)]
        # a longer word covers the shorter ones inside it (永久基本农田, 基本农田)
        words = [w for w in words if not any(w != o and w in o for o in words)]
        if words:
            out.append(Gap(e.topic, tuple(words), e.laws, e.opens))
    return out
