"""The index directory: plain files only (json, jsonl, npy, faiss, bm25s), written atomically.

    manifest.json    format version, corpus fingerprint, embedder backend/model/dim, counts
    documents.jsonl  one document per line: title, meta, text, sections, clauses
    units.jsonl      retrieval units (clause windows) with their text hash
    vectors.npy      unit embeddings (float32, L2-normalized), reused as the embedding cache
    dense.faiss      FAISS index over vectors.npy
    bm25/            bm25s sparse index over unit tokens
    terms.json       quoted domain terms harvested from the corpus (added to jieba at load)
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import IndexStateError
from ..models import Clause, Document, Section

FORMAT_VERSION = 1
MANIFEST = "manifest.json"


def doc_to_dict(d: Document) -> dict[str, Any]:
    return {
        "doc_id": d.doc_id,
        "title": d.title,
        "meta": d.meta,
        "source": d.source,
        "warnings": d.warnings,
        "text": d.text,
        "sections": [s.to_dict() for s in d.sections],
        "clauses": [c.to_dict() for c in d.clauses],
    }


def doc_from_dict(x: dict[str, Any]) -> Document:
    return Document(
        doc_id=x["doc_id"],
        title=x["title"],
        text=x["text"],
        clauses=[Clause.from_dict(c) for c in x["clauses"]],
        sections=[Section(**{**s, "path": tuple(s["path"])}) for s in x["sections"]],
        meta=x["meta"],
        warnings=x["warnings"],
        source=x["source"],
    )


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_manifest(index_dir: Path) -> dict[str, Any]:
    p = Path(index_dir) / MANIFEST
    if not Path(index_dir).exists():
        raise IndexStateError(f"索引目录“{index_dir}”不存在，请先运行：shanxi-policy index corpus/ --index {index_dir}")
    if not p.exists():
        raise IndexStateError(f"“{index_dir}”不是本工具的索引目录（缺少 {MANIFEST}），请重新建立索引")
    try:
        m = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise IndexStateError(f"索引清单 {p.name} 已损坏，请重新建立索引") from exc
    if not isinstance(m, dict) or m.get("tool") != "shanxi-policy":
        raise IndexStateError(f"“{index_dir}”不是本工具建立的索引，请重新建立索引")
    if m.get("format_version") != FORMAT_VERSION:
        raise IndexStateError(
            f"索引格式版本为 {m.get('format_version')}，当前程序需要 {FORMAT_VERSION}，请重新建立索引"
        )
    return m


def atomic_replace_dir(tmp: Path, target: Path) -> None:
    """Move a fully written tmp directory into place; the old index is removed only afterwards."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}-{int(time.time() * 1000)}")
    if target.exists():
        target.rename(old)
    try:
        tmp.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def new_tmp_dir(target: Path) -> Path:
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}-{int(time.time() * 1000)}")
    tmp.mkdir(parents=True)
    return tmp


def save_vectors(path: Path, vectors: np.ndarray) -> None:
    np.save(path, np.ascontiguousarray(vectors, dtype=np.float32), allow_pickle=False)


def load_vectors(path: Path, mmap: bool = False) -> np.ndarray:
    return np.load(path, mmap_mode="r" if mmap else None, allow_pickle=False)
