"""Group unnumbered text (newspaper pages, notices without numbering) into passages under headlines.

Newspaper extraction interleaves articles and puts the headlines at the end, sometimes two
side-by-side headlines on one line. A passage starts at a "lead" paragraph that shares most of a
headline's rare characters and bigrams, or after a byline such as "（武佳）" that closes an article.
A passage that has no lead goes under the headline its paragraphs match best overall.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .markers import ends_terminal, heading_like, starts_with_marker

_BOILERPLATE = re.compile(r"^(本版|本报|责任编辑|编辑|校对|版式|美编|图片|来源)")
_LEAD_THRESHOLD = 0.55  # share of a headline's idf-weighted characters/bigrams found in a lead
_MIN_FRAGMENT = 4
_BYLINE = re.compile(r"[（(][\u4e00-\u9fff]{2,4}(?:[、\s][\u4e00-\u9fff]{2,4})*[）)]$")
_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")


@dataclass
class Passage:
    headline: str  # "" when the text has no headline at all
    paragraph_indices: list[int]


def is_headline(p: str) -> bool:
    return heading_like(p) and "，" not in p and not starts_with_marker(p)


def _grams(s: str) -> set[str]:
    s = re.sub(r"[^\u4e00-\u9fff〇A-Za-z]", "|", s.translate(_DIGITS))
    chars = {c for c in s if c != "|"}
    return chars | {s[i : i + 2] for i in range(len(s) - 1) if "|" not in s[i : i + 2]}


def group_passages(paragraphs: list[str]) -> tuple[list[Passage], list[int]]:
    """Return (passages, indices of boilerplate lines left out)."""
    body = [i for i, p in enumerate(paragraphs) if not is_headline(p)]
    heads = [i for i, p in enumerate(paragraphs) if is_headline(p)]
    skipped = [i for i in heads if _BOILERPLATE.match(paragraphs[i])]
    heads = [i for i in heads if i not in skipped]
    if not body:
        return [], skipped
    # Side-by-side headlines are separated by a space; each fragment is a candidate.
    frags: list[tuple[int, str]] = []
    for i in heads:
        parts = [x for x in paragraphs[i].split() if len(x) >= _MIN_FRAGMENT]
        frags.extend((i, x) for x in (parts or [paragraphs[i]]))
    if not frags:
        # No headline at all: consecutive paragraphs form passages of a readable length.
        out: list[Passage] = []
        for i in body:
            if out and sum(len(paragraphs[j]) for j in out[-1].paragraph_indices) + len(paragraphs[i]) <= 600:
                out[-1].paragraph_indices.append(i)
            else:
                out.append(Passage("", [i]))
        return out, skipped

    grams = [_grams(paragraphs[i]) for i in body]
    df: dict[str, int] = {}
    for g in grams:
        for b in g:
            df[b] = df.get(b, 0) + 1
    n = len(body)

    def idf(b: str) -> float:
        return math.log((n + 1) / (df.get(b, 0) + 0.5))

    def share(frag: set[str], g: set[str]) -> float:
        total = sum(idf(b) for b in frag) or 1.0
        return sum(idf(b) for b in frag & g) / total

    def score(fg: set[str], g: set[str]) -> float:
        uni = {x for x in fg if len(x) == 1}
        return 0.5 * share(uni, g) + 0.5 * share(fg - uni, g)

    frag_grams = [_grams(f) for _, f in frags]
    table = [[score(fg, g) for fg in frag_grams] for g in grams]

    # Cut the paragraphs into runs: before a lead of another headline, after a byline.
    runs: list[tuple[int | None, list[int]]] = []  # (headline fragment or None, positions in body)
    for t in range(n):
        best = max(range(len(frags)), key=lambda k: table[t][k])
        lead = table[t][best] >= _LEAD_THRESHOLD
        prev_closed = t > 0 and bool(_BYLINE.search(paragraphs[body[t - 1]]))
        glued = t > 0 and not ends_terminal(paragraphs[body[t - 1]])
        if runs and not glued and ((lead and runs[-1][0] != best) or prev_closed):
            runs.append((best if lead else None, [t]))
        elif runs:
            if lead and runs[-1][0] is None:
                runs[-1] = (best, runs[-1][1])
            runs[-1][1].append(t)
        else:
            runs.append((best if lead else None, [t]))
    assigned: list[tuple[int, list[int]]] = []
    for k, ts in runs:
        if k is None:
            k = max(range(len(frags)), key=lambda j: sum(table[t][j] for t in ts))
        if assigned and assigned[-1][0] == k:
            assigned[-1][1].extend(ts)
        else:
            assigned.append((k, ts))

    frags_per_line: dict[int, set[int]] = {}
    for k, _ in assigned:
        frags_per_line.setdefault(frags[k][0], set()).add(k)

    def headline_of(k: int) -> str:
        line, text = frags[k]
        # A fragment that is alone in getting paragraphs speaks for its whole line.
        return paragraphs[line] if len(frags_per_line[line]) == 1 else text

    return [Passage(headline_of(k), [body[t] for t in ts]) for k, ts in assigned], skipped
