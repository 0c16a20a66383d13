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

import hashlib
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
        recover_replaced_dir(Path(index_dir))
    if not Path(index_dir).exists():
        raise IndexStateError(f"索引目录“{index_dir}”不存在，请先运行：shanxi-policy index corpus/ --index {index_dir}")
    if not p.exists():
        raise IndexStateError(f"“{index_dir}”不是本工具的索引目录（缺少 {MANIFEST}），请重新建立索引")
    try:
        m = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexStateError(f"索引清单 {p.name} 已损坏，请重新建立索引") from exc
    if not isinstance(m, dict) or m.get("tool") != "shanxi-policy":
        raise IndexStateError(f"“{index_dir}”不是本工具建立的索引，请重新建立索引")
    if m.get("format_version") != FORMAT_VERSION:
        raise IndexStateError(
            f"索引格式版本为 {m.get('format_version')}，当前程序需要 {FORMAT_VERSION}，请重新建立索引"
        )
    return m


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(2**20), b""):
            h.update(block)
    return h.hexdigest()


def file_digests(index_dir: Path) -> dict[str, str]:
    """sha256 of every index file but the manifest, which records them (written into the manifest)."""
    return {p.relative_to(index_dir).as_posix(): _sha256(p)
            for p in sorted(Path(index_dir).rglob("*")) if p.is_file() and p.name != MANIFEST}


def verify_files(index_dir: Path, manifest: dict[str, Any]) -> None:
    """A truncated, overwritten or edited index file is refused rather than answered from."""
    want = manifest.get("files")
    if not isinstance(want, dict):
        return  # built before digests were recorded
    for rel, digest in want.items():
        try:
            got = _sha256(Path(index_dir) / rel)
        except OSError as exc:
            raise IndexStateError(f"索引文件 {rel} 缺失或无法读取，请重新建立索引") from exc
        if got != digest:
            raise IndexStateError(f"索引文件 {rel} 已损坏或被改动（校验值不符），请重新建立索引")


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


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover_replaced_dir(target: Path) -> None:
    """A writer killed between the two renames of atomic_replace_dir leaves only `.<name>.old-<pid>-…`:
    move the old index back. A living writer's directory is left alone (it is mid-swap)."""
    olds = []
    for d in target.parent.glob(f".{target.name}.old-*"):
        try:
            pid = int(d.name.rsplit(".old-", 1)[1].split("-")[0])
        except (IndexError, ValueError):
            continue
        if d.is_dir() and (d / MANIFEST).exists() and not _pid_alive(pid):
            olds.append(d)
    for d in sorted(olds, key=lambda x: x.stat().st_mtime, reverse=True):
        try:
            d.rename(target)
            return
        except OSError:
            continue


def remove_dead_tmp_dirs(target: Path) -> None:
    """Half-written directories of builds that were killed would otherwise pile up beside the index."""
    for d in target.parent.glob(f".{target.name}.tmp-*"):
        try:
            pid = int(d.name.rsplit(".tmp-", 1)[1].split("-")[0])
        except (IndexError, ValueError):
            continue
        if not _pid_alive(pid):
            shutil.rmtree(d, ignore_errors=True)


def new_tmp_dir(target: Path) -> Path:
    remove_dead_tmp_dirs(target)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}-{int(time.time() * 1000)}")
    tmp.mkdir(parents=True)
    return tmp


def save_vectors(path: Path, vectors: np.ndarray) -> None:
    np.save(path, np.ascontiguousarray(vectors, dtype=np.float32), allow_pickle=False)


def load_vectors(path: Path, mmap: bool = False) -> np.ndarray:
    return np.load(path, mmap_mode="r" if mmap else None, allow_pickle=False)
