"""Align two versions of a text article by article and classify every difference.

Articles are matched by content, not by number: a revision inserts and deletes articles, so the
same provision is often renumbered. Similarity is the Dice coefficient of the two articles'
character-bigram sets; the matching maximizes total similarity (Hungarian algorithm) over pairs
at or above a threshold, with a small bonus for keeping the same relative position so that
near-identical boilerplate articles (penalty clauses, 附则) pair up in order. Unmatched old articles
are deleted, unmatched new ones added; a matched pair is unchanged, renumbered (same text, new
number), changed (with a character-level diff) and/or moved (out of order relative to the others).
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from ..models import Document

# Chosen on the dev pair (环境噪声污染防治法 2018 → 噪声污染防治法 2021); see benchmarks/compare_eval.py.
MATCH_THRESHOLD = 0.22
# Weight of the relative-position bonus: small enough never to outweigh a real similarity difference.
POSITION_WEIGHT = 0.05
# An unmatched article whose bigrams are mostly inside one article of the other version was split
# from or merged into it.
CONTAINMENT_HINT = 0.6
# Equal runs this short between two edits are folded into the edit, so a diff reads as phrases.
SHORT_EQUAL = 2

_NOISE = re.compile(r"[\s\u3000，。、；：！？“”‘’（）《》〈〉【】,.;:!?()\[\]\"'·…—-]+")
_TOKEN = re.compile(r"[0-9A-Za-z.%]+|.", re.S)
_NUMBER_LABEL = re.compile(r"^第[一二三四五六七八九十百千零〇两\d]+条\s*")

KIND_LABELS = {"added": "新增", "deleted": "删除", "changed": "修改", "unchanged": "未变"}


@dataclass
class ArticleRef:
    """One article (or clause) of one version."""

    key: str  # local clause id in its document, e.g. "a35"
    label: str  # 第三十五条, or the clause heading
    path: tuple[str, ...]
    text: str  # display text without the label
    number: int | None = None
    index: int = 0  # position in its version

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["path"] = list(self.path)
        return d


@dataclass
class Change:
    kind: str  # added | deleted | changed | unchanged
    old: ArticleRef | None
    new: ArticleRef | None
    similarity: float = 0.0
    renumbered: bool = False
    moved: bool = False
    # (op, old_text, new_text) with op in equal | delete | insert | replace
    diff: list[tuple[str, str, str]] = field(default_factory=list)
    hint: str = ""  # e.g. 部分内容来自原第十条 (split or merged articles)

    @property
    def label(self) -> str:
        """Chinese description of the change, e.g. 修改（第五条→第六条，位置调整）."""
        notes = []
        if self.renumbered and self.old and self.new:
            notes.append(f"{self.old.label}→{self.new.label}")
        if self.moved:
            notes.append("位置调整")
        base = "条号变化" if self.kind == "unchanged" and self.renumbered else KIND_LABELS[self.kind]
        return base + (f"（{'，'.join(notes)}）" if notes else "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "label": self.label, "similarity": round(self.similarity, 3),
            "renumbered": self.renumbered, "moved": self.moved, "hint": self.hint,
            "old": self.old.to_dict() if self.old else None, "new": self.new.to_dict() if self.new else None,
            "diff": [list(d) for d in self.diff],
        }


@dataclass
class Comparison:
    old_title: str
    new_title: str
    changes: list[Change]  # in reading order of the new version, deletions where they stood

    def counts(self) -> dict[str, int]:
        c = {k: 0 for k in ("added", "deleted", "changed", "unchanged")}
        for ch in self.changes:
            c[ch.kind] += 1
        c["renumbered"] = sum(ch.renumbered for ch in self.changes)
        c["moved"] = sum(ch.moved for ch in self.changes)
        return c

    def summary(self) -> str:
        c = self.counts()
        return (f"新增 {c['added']} 条，删除 {c['deleted']} 条，修改 {c['changed']} 条，未变 {c['unchanged']} 条"
                f"（其中条号变化 {c['renumbered']} 条，位置调整 {c['moved']} 条）")

    def differences(self) -> list[Change]:
        """Every change except articles that kept both text and number."""
        return [c for c in self.changes if c.kind != "unchanged" or c.renumbered or c.moved]

    def to_dict(self) -> dict[str, Any]:
        return {"old_title": self.old_title, "new_title": self.new_title, "counts": self.counts(),
                "changes": [c.to_dict() for c in self.changes]}


# ----- similarity ------------------------------------------------------------------------------
def _norm(text: str) -> str:
    return _NOISE.sub("", text)


def _grams(text: str) -> set[str]:
    t = _norm(text)
    return {t[i : i + 2] for i in range(len(t) - 1)} if len(t) > 1 else {t} if t else set()


def _incidence(sets: Sequence[set[str]], vocab: dict[str, int]) -> np.ndarray:
    m = np.zeros((len(sets), len(vocab)), dtype=np.float32)
    for i, s in enumerate(sets):
        m[i, [vocab[g] for g in s]] = 1.0
    return m


def similarity_matrix(old: Sequence[str], new: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Old × new matrices: weighted Dice similarity of the bigram sets, the weighted share of each
    old article's bigrams found in each new one, and of each new article's found in each old one.

    A bigram is weighted by its smoothed inverse document frequency over the articles of both
    versions: boilerplate shared by many articles (违反本法规定, 主管部门) says little about which
    article a provision became.
    """
    a, b = [_grams(t) for t in old], [_grams(t) for t in new]
    vocab: dict[str, int] = {}
    for s in (*a, *b):
        for g in s:
            vocab.setdefault(g, len(vocab))
    if not vocab or not a or not b:
        z = np.zeros((len(a), len(b)))
        return z, z, z
    ia, ib = _incidence(a, vocab), _incidence(b, vocab)
    df = ia.sum(axis=0) + ib.sum(axis=0)
    w = np.log1p((len(a) + len(b)) / df).astype(np.float32)
    inter = ((ia * w) @ ib.T).astype(np.float64)
    la = (ia @ w).astype(np.float64)[:, None]
    lb = (ib @ w).astype(np.float64)[None, :]
    eps = 1e-9
    return 2 * inter / np.maximum(la + lb, eps), inter / np.maximum(la, eps), inter / np.maximum(lb, eps)


def align(sim: np.ndarray, threshold: float = MATCH_THRESHOLD) -> list[tuple[int, int]]:
    """Pairs (old index, new index) maximizing total similarity; pairs below threshold are never made."""
    n, m = sim.shape
    if n == 0 or m == 0:
        return []
    from scipy.optimize import linear_sum_assignment

    rel_old = (np.arange(n) + 0.5)[:, None] / n
    rel_new = (np.arange(m) + 0.5)[None, :] / m
    score = sim + POSITION_WEIGHT * (1 - np.abs(rel_old - rel_new))
    score = np.where(sim >= threshold, score, 0.0)
    rows, cols = linear_sum_assignment(score, maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols, strict=True) if sim[i, j] >= threshold)


def _in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest run of pairs whose new positions increase with the old ones; the rest moved."""
    js = [j for _, j in pairs]
    if not js:
        return set()
    # patience LIS with back-pointers
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(js)
    for k, j in enumerate(js):
        p = bisect.bisect_left(tails, j)
        if p == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[p] = j
            tail_idx[p] = k
        prev[k] = tail_idx[p - 1] if p > 0 else -1
    keep: set[tuple[int, int]] = set()
    k = tail_idx[-1]
    while k >= 0:
        keep.add(pairs[k])
        k = prev[k]
    return keep


# ----- character diff --------------------------------------------------------------------------
def char_diff(a: str, b: str) -> list[tuple[str, str, str]]:
    """Character-level (numbers whole) edit script as (op, old, new); short equal runs between edits are folded in."""
    # Numbers and Latin words are compared whole (2000 → 2024, not 2[-0-]{+2+}0...).
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    ops = [(tag, "".join(ta[i1:i2]), "".join(tb[j1:j2]))
           for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()]
    out: list[tuple[str, str, str]] = []
    for k, (tag, x, y) in enumerate(ops):
        after_edit = bool(out) and out[-1][0] != "equal"
        if tag == "equal" and not (after_edit and len(x) <= SHORT_EQUAL and k + 1 < len(ops)):
            out.append((tag, x, y))
            continue
        if after_edit:  # extend the previous edit (a folded equal run appears on both sides)
            _, px, py = out.pop()
            x, y = px + x, py + y
        out.append(("delete" if not y else "insert" if not x else "replace", x, y))
    return out


# ----- documents -------------------------------------------------------------------------------
def articles_of(doc: Document) -> list[ArticleRef]:
    """Every clause of a document with its label split from its text."""
    out = []
    for i, c in enumerate(doc.clauses):
        label = c.title or (c.path[-1] if c.path else c.local_id)
        text = c.text
        if c.title and text.startswith(c.title):
            text = text[len(c.title):].lstrip()
        else:
            text = _NUMBER_LABEL.sub("", text)
        out.append(ArticleRef(c.local_id, label, c.path, text, c.number, i))
    return out


def _renumbered(x: ArticleRef, y: ArticleRef) -> bool:
    if x.number is not None and y.number is not None:
        return x.number != y.number
    return x.label != y.label


def compare_articles(old: list[ArticleRef], new: list[ArticleRef], old_title: str = "",
                     new_title: str = "", threshold: float = MATCH_THRESHOLD) -> Comparison:
    for i, x in enumerate(old):
        x.index = i
    for j, y in enumerate(new):
        y.index = j
    sim, old_in_new, new_in_old = similarity_matrix([x.text for x in old], [y.text for y in new])
    pairs = align(sim, threshold)
    ordered = _in_order(pairs)
    matched_old = {i: j for i, j in pairs}
    matched_new = {j: i for i, j in pairs}
    rows: list[tuple[tuple[float, int, int], Change]] = []
    for j, y in enumerate(new):
        if j in matched_new:
            i = matched_new[j]
            x = old[i]
            same = _norm(x.text) == _norm(y.text)
            ch = Change("unchanged" if same else "changed", x, y, float(sim[i, j]),
                        renumbered=_renumbered(x, y), moved=(i, j) not in ordered,
                        diff=[] if same else char_diff(x.text, y.text))
        else:
            ch = Change("added", None, y)
            if len(old):
                i = int(np.argmax(new_in_old[:, j]))
                if new_in_old[i, j] >= CONTAINMENT_HINT:
                    ch.hint = f"部分内容来自原{old[i].label}"
        rows.append(((j, 0, 0), ch))
    for i, x in enumerate(old):
        if i in matched_old:
            continue
        ch = Change("deleted", x, None)
        if len(new):
            j = int(np.argmax(old_in_new[i]))
            if old_in_new[i, j] >= CONTAINMENT_HINT:
                ch.hint = f"部分内容并入新{new[j].label}"
        # place the deletion after the new position of the nearest earlier old article that survived
        anchor = max((matched_old[k] for k in matched_old if k < i), default=-1)
        rows.append(((anchor, 1, i), ch))
    rows.sort(key=lambda r: r[0])
    return Comparison(old_title, new_title, [c for _, c in rows])


def compare_documents(old: Document, new: Document, threshold: float = MATCH_THRESHOLD) -> Comparison:
    return compare_articles(articles_of(old), articles_of(new), old.title, new.title, threshold)
