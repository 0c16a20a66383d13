"""norms.jsonl inside the index directory: written with the index, read lazily by KnowledgeBase."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import IndexStateError, PolicyError
from ..models import Document
from .extract import extract_norms
from .model import Norm

NORMS_FILE = "norms.jsonl"


def build_norms(docs: Iterable[Document]) -> list[Norm]:
    out: list[Norm] = []
    for d in docs:
        out += extract_norms(d)
    return out


def write_norms(path: Path, norms: Iterable[Norm]) -> None:
    with Path(path).open("w", encoding="utf-8") as f:
        for n in norms:
            f.write(json.dumps(n.to_dict(), ensure_ascii=False) + "\n")


def read_norms(index_dir: Path) -> list[Norm]:
    """The stored norms; IndexStateError (in Chinese) when the file is missing or damaged."""
    p = Path(index_dir) / NORMS_FILE
    if not p.exists():
        raise IndexStateError("索引中没有规范条款（norms.jsonl），该索引由旧版本建立，索引需要重建：请运行 shanxi-policy index")
    try:
        with p.open(encoding="utf-8") as f:
            return [Norm.from_dict(json.loads(line)) for line in f if line.strip()]
    except (OSError, ValueError, TypeError) as exc:
        raise IndexStateError(f"规范条款文件 norms.jsonl 已损坏（{type(exc).__name__}），索引需要重建") from exc


class NormTable:
    """Norms of an index with lookups by clause and by document."""

    def __init__(self, norms: list[Norm], note: str = "") -> None:
        self.norms = norms
        self.note = note  # set when the norms were read from the documents because the file was missing
        self._by_clause: dict[str, list[Norm]] = {}
        self._by_doc: dict[str, list[Norm]] = {}
        for n in norms:
            self._by_clause.setdefault(n.clause_id, []).append(n)
            self._by_doc.setdefault(n.doc_id, []).append(n)

    @classmethod
    def load(cls, index_dir: Path, docs: Iterable[Document]) -> NormTable:
        """Read norms.jsonl; an index built before norms existed gets them read from its documents."""
        p = Path(index_dir) / NORMS_FILE
        if not p.exists():
            return cls(build_norms(docs), "索引由旧版本建立，缺少规范条款文件；已临时从文档中读取，重建索引后可保存")
        return cls(read_norms(index_dir))

    def for_clause(self, clause_id: str) -> list[Norm]:
        return self._by_clause.get(clause_id, [])

    def for_document(self, doc_id: str) -> list[Norm]:
        return self._by_doc.get(doc_id, [])


def select_norms(kb: Any, name: str, modalities: Iterable[str] = (), with_penalty: bool = True) -> tuple[Document, list[Norm]]:
    """A document's norms by document id, title or short title; PolicyError (in Chinese) when unknown."""
    found = kb.resolve_documents(name)  # an id, words of a title, a short title or an abbreviation ("大气法")
    doc = kb.document(found[0]) if found else None
    if doc is None:
        raise PolicyError(f"索引中没有文档“{name}”；可用 shanxi-policy ingest 或 文档管理 页面查看文档编号")
    wanted = set(modalities)
    rows = [n for n in kb.norms_for_document(doc.doc_id)
            if (not wanted or n.modality in wanted) and (with_penalty or n.kind != "penalty")]
    return doc, rows


def format_norm_line(kb: Any, n: Norm) -> str:
    """One line of `shanxi-policy norms`: [禁止] 第十一条(一)  subject｜action  范围：… 例外：…"""
    from .model import MODALITY_LABELS

    c = kb.clause(n.clause_id)
    where = (c.path[-1] if c and c.path else n.clause_id) + n.item
    label = MODALITY_LABELS[n.modality] + ("（罚则）" if n.kind == "penalty" else "")
    extra = "".join(f"  {k}：{v}" for k, v in (("范围", n.scope), ("例外", n.exceptions), ("条件", n.conditions)) if v)
    return f"[{label}] {where}  {n.subject or '—'}｜{n.action}{extra}"
