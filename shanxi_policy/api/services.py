"""The one place the API touches the services: signature changes in kb/check/manage are followed here.

Everything the API does is a call into the same functions the CLI and the Streamlit app use.
"""

from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..check.history import History
from ..check.report import Report, report_from_dict
from ..check.service import check_proposal
from ..errors import IndexStateError, PolicyError, QueryError
from ..kb import KnowledgeBase
from ..models import Answer, Hit
from ..retrieve.filters import DocFilter
from ..settings import Settings


def _signature(index_dir: Path) -> str:
    """Changes whenever a rebuild renames a new index into place (same test as the Streamlit app)."""
    try:
        s = (index_dir / "manifest.json").stat()
    except OSError:
        return "missing"
    return f"{s.st_ino}-{s.st_mtime_ns}-{s.st_size}"


class KBHolder:
    """The current KnowledgeBase, reloaded when another process (app, CLI, API) replaces the index."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._kb: KnowledgeBase | None = None
        self._sig = ""
        self._error: PolicyError | None = None

    def get(self) -> KnowledgeBase:
        sig = _signature(self.settings.index_dir)
        if sig != self._sig:
            with self._lock:
                if sig != self._sig:
                    self._reload(sig)
        if self._kb is None:
            raise self._error or IndexStateError("索引尚未加载")
        return self._kb

    def _reload(self, sig: str) -> None:
        old = self._kb
        try:
            kb = KnowledgeBase.load(self.settings.index_dir, settings=self.settings)
            # Keep the loaded model when the new index uses the same one (a rebuild, an upload).
            if old is not None and old._embedder is not None and \
                    old._embedder.model_id == kb.manifest["embedder"]["model_id"]:
                kb._embedder = old._embedder
            kb.embedder  # noqa: B018  (load the model now, not inside the first request)
        except PolicyError as exc:
            self._kb, self._error = None, exc
        else:
            self._kb, self._error = kb, None
        self._sig = sig

    def replace(self, kb: KnowledgeBase | None) -> None:
        """After our own rebuild: take the new index without waiting for the next request."""
        if kb is not None:
            with self._lock:
                self._kb, self._error, self._sig = kb, None, _signature(self.settings.index_dir)


# ----- questions and search ------------------------------------------------------------------------
def doc_filter(doc_types: list[str], issuers: list[str], date_from: str, date_to: str, validity: list[str],
               doc_ids: list[str]) -> DocFilter | None:
    f = DocFilter(doc_types=doc_types, issuers=issuers, date_from=date_from, date_to=date_to, validity=validity,
                  doc_ids=doc_ids)
    return None if f.is_empty() else f


def resolve_docs(kb: KnowledgeBase, names: list[str]) -> list[str]:
    """Document ids for the names a client gives (an id, words of the title, an abbreviation such as 大气法), as
    the CLI reads --doc. Raises LookupError with a message for a name no document has: an empty result would
    read as "nothing relevant"."""
    out: list[str] = []
    for name in names:
        found = kb.resolve_documents(name)
        if not found:
            raise LookupError(f"没有与“{name}”对应的文档。可用文档编号、标题中的文字或简称（如“大气污染防治法”“大气法”），"
                              "全部文档见 /api/documents。")
        out += [d for d in found if d not in out]
    return out


def search(kb: KnowledgeBase, q: str, k: int, flt: DocFilter | None) -> list[Hit]:
    return list(kb.search(q, k=k, filters=flt))


# A query this short is a keyword: a result list none of whose clauses holds it is said to be only similar.
KEYWORD_CHARS = 12


def verbatim(q: str, hits: list[Hit]) -> list[bool]:
    """Whether each hit's clause holds every part of the query word for word (whitespace ignored)."""
    from ..retrieve.lookup import literal_terms
    from ..text.normalize import normalize_for_search

    terms = literal_terms(q)
    return [bool(terms) and all(t in normalize_for_search(h.text) for t in terms) for h in hits]


def ask(kb: KnowledgeBase, question: str, history: list[dict[str, str]], k: int, flt: DocFilter | None) -> Answer:
    # The answerer takes the earlier questions, oldest first.
    earlier = [t["content"] for t in history if t.get("role", "user") == "user"]
    return kb.ask(question, k=k, history=earlier or None, filters=flt)


# One request must not occupy the single worker for long: a check costs about 1 s per 1,000 characters on
# 2 cores, so the API takes less than the engine's own limit.
MAX_CHECK_CHARS = 10_000


def run_check(kb: KnowledgeBase, text: str, flt: DocFilter | None = None) -> Report:
    n = len((text or "").strip())
    if n > MAX_CHECK_CHARS:
        raise QueryError(f"项目材料过长（{n} 字）：接口一次最多审查 {MAX_CHECK_CHARS} 字，"
                         "请只提交项目概况、建设内容、工艺、能源、运输和环保措施等部分，或分段提交")
    return check_proposal(kb, text, doc_filter=flt)


def read_proposal_file(name: str, data: bytes, settings: Settings) -> str:
    """The same loader the app's upload uses; the client's file name only contributes a sanitised suffix."""
    from ..ingest.loaders import load_file
    from ..manage import safe_name

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / safe_name(name)
        p.write_bytes(data)
        return load_file(p, settings).text


def history(settings: Settings) -> History:
    return History(settings.history_db)


def load_report(h: History, check_id: int) -> Report:
    return report_from_dict(h.get(check_id))


def docx_bytes(rep: Report) -> bytes:
    from ..check.docx_report import write_docx

    with tempfile.TemporaryDirectory() as tmp:
        return write_docx(rep, Path(tmp) / "report.docx").read_bytes()


# ----- documents ---------------------------------------------------------------------------------------
@dataclass
class UploadOutcome:
    added: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # failed and duplicate files, each with its reason
    warnings: list[str] = field(default_factory=list)


def add_documents(files: list[tuple[str, bytes]], settings: Settings) -> tuple[KnowledgeBase | None, UploadOutcome]:
    """The 文档管理 import (library.import_files: duplicates skipped, bad files reported, atomic rebuild)."""
    from ..library import import_files
    from ..manage import safe_name

    with tempfile.TemporaryDirectory() as tmp:
        pairs = []
        for n, (name, data) in enumerate(files):
            p = Path(tmp) / f"{n:04d}" / safe_name(name)
            p.parent.mkdir()
            p.write_bytes(data)
            pairs.append((safe_name(name), p))
        kb, rep = import_files(pairs, settings)
    out = UploadOutcome(added=list(rep.added))
    for o in rep.outcomes:
        out.warnings += o.warnings
        if o.status != "added":
            out.errors.append(f"《{o.name}》{'与已有文档内容重复，已跳过' if o.status == 'duplicate' else '无法导入'}"
                              + (f"：{o.message}" if o.message else ""))
    return kb, out


def remove_document(doc_id: str, settings: Settings) -> KnowledgeBase:
    from ..manage import remove_document as remove

    return remove(doc_id, settings)
