"""Lay wording → legal wording (shanxi_policy/data/lay_terms.tsv): query expansion for plain questions.

"工地晚上打桩" is searched also as "施工 夜间 施工作业"; a clause that says 夜间 covers a question that
says 晚上 when deciding between an answer and "未找到".

The file is cut into sections by comment lines "# [section NAME] …". Entries written while reading
labelled questions are kept apart from the general ones, so that the refusal decision can be fitted on
those questions as a held-out question meets the lexicon: without the entries written for it
(`sections(...)`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from ..package_data import data_text
from ..text.normalize import normalize_for_search
from ..text.tokenize import synonym_groups

_SECTION = re.compile(r"#\s*\[section\s+([\w-]+)\]")
_only: tuple[str, ...] | None = None  # the sections in use; None: all


@lru_cache(maxsize=8)
def _read(only: tuple[str, ...] | None) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    section = ""
    for line in data_text("lay_terms.tsv").splitlines():
        m = _SECTION.match(line)
        if m:
            section = m.group(1)
            continue
        if not line.strip() or line.startswith("#") or (only is not None and section not in only):
            continue
        parts = [normalize_for_search(p.strip()) for p in line.split("\t") if p.strip()]
        if len(parts) >= 2:
            out[parts[0]] = tuple(dict.fromkeys(out.get(parts[0], ()) + tuple(parts[1:])))
    return out


def lay_terms() -> dict[str, tuple[str, ...]]:
    return _read(_only)


@contextmanager
def sections(*names: str) -> Iterator[None]:
    """Use only the named sections of the lexicon inside the block (fitting and measuring on questions
    that one section was written from). Not thread-safe: for benchmarks, not for serving."""
    global _only
    before = _only
    _only = tuple(names)
    try:
        yield
    finally:
        _only = before


def legal_terms(question: str) -> list[str]:
    """Legal terms for the lay words of a question that the question does not already use."""
    extra: list[str] = []
    for legal in legal_terms_of(question).values():
        extra += [t for t in legal if t not in extra]
    return extra


def legal_terms_of(question: str) -> dict[str, list[str]]:
    """Each lay word of a question, with its legal terms that the question does not already use."""
    q = normalize_for_search(question)
    out: dict[str, list[str]] = {}
    longer = [t for g in synonym_groups() for t in g if t in q]
    terms = lay_terms()
    said = [lay for lay in terms if lay in q]
    for lay in said:
        # "玉米秆子" is 玉米秆 (秸秆), not 玉米 (高秆作物): where a longer lay word that means another thing holds the
        # word, that word is meant ("养猪" in "养猪场" means what 养猪场 does: 畜禽养殖 in 畜禽养殖场)
        other = [x for x in said if len(x) > len(lay)
                 and not any(t in u for t in terms[lay] for u in terms[x])]
        if not _inside_longer(lay, q, longer) and not _within(lay, q, other):
            out[lay] = [t for t in terms[lay] if t not in q]
    return out


def _within(word: str, q: str, longer: list[str]) -> bool:
    """Every place the question writes the word lies inside a longer word it writes."""
    spans = [i for i in range(len(q)) if q.startswith(word, i)]
    covered = [(i, i + len(t)) for t in longer if word in t for i in range(len(q)) if q.startswith(t, i)]
    return bool(covered) and all(any(a <= i and i + len(word) <= b for a, b in covered) for i in spans)


def _inside_longer(word: str, q: str, longer: list[str]) -> bool:
    """Every place the question writes the word is a modifier inside a longer term of the synonym lexicon ("新能源" in
    "新能源车"): the question speaks of that term, not of the word. A word that ends the term is its head ("汽车" of
    "电动汽车" is still a 机动车), and keeps its legal terms."""
    spans = [i for i in range(len(q)) if q.startswith(word, i)]
    covered = [(i, i + len(t)) for t in longer if len(t) > len(word) and word in t and not t.endswith(word)
               for i in range(len(q)) if q.startswith(t, i)]
    return bool(covered) and all(any(a <= i and i + len(word) < b for a, b in covered) for i in spans)


# A legal term that names a kind of party ("医疗卫生机构" for 医院): it says who asks, and searched it draws every clause
# of the text on that party ("医院食堂油烟…" answered from the medical waste rules); it still counts as covering the word.
_PARTY_KIND = re.compile(r"(?:机构|单位)$")


def expand(question: str) -> str:
    """The question as it is searched: followed by the legal terms for its lay words (not those naming a kind of party)."""
    extra = [t for t in legal_terms(question) if not _PARTY_KIND.search(t)]
    return f"{question} {' '.join(extra)}" if extra else question


def variants(term: str) -> tuple[str, ...]:
    """Legal terms for a lay term (empty when the term is not lay wording)."""
    return lay_terms().get(term, ())
