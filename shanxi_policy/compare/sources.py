"""Find the two documents to compare: a file path, or a document of the index by id or title."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import PolicyError
from ..models import Document


def find_document(ref: str, documents: Sequence[Document]) -> Document:
    """By doc id, exact title, short title, or a piece of the title that names one document."""
    ref = ref.strip()
    for d in documents:
        if ref in (d.doc_id, d.title, d.meta.get("short_title")):
            return d
    hits = [d for d in documents if ref and (ref in d.title or ref in d.doc_id)]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        names = "、".join(f"《{d.title}》（{d.doc_id}）" for d in hits[:5])
        raise PolicyError(f"“{ref}”对应多个文档：{names}，请使用文档编号")
    raise PolicyError(f"索引中没有文档“{ref}”（可以使用文档编号、标题，或直接给出文件路径）")


def resolve(ref: str, documents: Sequence[Document] | None) -> Document:
    """A file path is read directly; anything else is looked up in the index documents."""
    from ..corpus import ingest_file

    p = Path(ref)
    if p.is_file():
        return ingest_file(p)
    if documents is None:
        raise PolicyError(f"文件“{ref}”不存在")
    return find_document(ref, documents)
