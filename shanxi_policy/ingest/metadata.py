"""Metadata sidecars: "<file stem>.meta.json" next to a document gives its title, issuer, date, type."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SIDECAR_SUFFIX = ".meta.json"
FIELDS = ("title", "issuer", "date", "doc_type", "source")


def sidecar_path(doc_path: Path) -> Path:
    return doc_path.with_name(doc_path.stem + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)


def read_sidecar(doc_path: Path) -> tuple[dict[str, Any], list[str]]:
    """Return (metadata, warnings). A broken sidecar is reported, never fatal."""
    p = sidecar_path(doc_path)
    if not p.exists():
        return {}, []
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}, [f"元数据文件《{p.name}》无法解析，已忽略"]
    if not isinstance(data, dict):
        return {}, [f"元数据文件《{p.name}》格式不正确，已忽略"]
    return data, []


def write_sidecar(doc_path: Path, meta: dict[str, Any]) -> Path:
    p = sidecar_path(doc_path)
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(p)
    return p
