"""The one place the API touches the services: signature changes in kb/check/manage are followed here.

Everything the API does is a call into the same functions the CLI and the Streamlit app use.
"""

from __future__ import annotations

import inspect
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..check.history import History
from ..check.report import Report, report_from_dict
from ..errors import IndexStateError, PolicyError, QueryError
from ..kb import KnowledgeBase
from ..models import Answer, Hit
from ..retrieve.filters import DocFilter
from ..settings import Settings


def _accepts(fn: Callable[..., Any], name: str) -> bool:
    try:
        return name in inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False


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


def _filter_kw(fn: Callable[..., Any], flt: DocFilter | None) -> dict[str, Any] | None:
    """Keyword the service takes a DocFilter under; None when it takes none."""
    for name in ("filters", "flt", "doc_filter", "filter"):
        if _accepts(fn, name):
            return {name: flt}
    return None


def search(kb: KnowledgeBase, q: str, k: int, flt: DocFilter | None) -> list[Hit]:
    kw = _filter_kw(kb.search, flt)
    if flt is None or kw is not None:
        return list(kb.search(q, k=k, **(kw or {})))
    # The service does not filter by metadata yet: ask for more and keep the matching documents.
    hits = kb.search(q, k=k * 10)
    return [h for h in hits if (d := kb.document(h.doc_id)) is not None and flt.matches(d)][:k]


def ask(kb: KnowledgeBase, question: str, history: list[dict[str, str]], k: int, flt: DocFilter | None) -> Answer:
    kw: dict[str, Any] = {}
    if history and _accepts(kb.ask, "history"):
        # The answerer takes the earlier questions, oldest first.
        kw["history"] = [t["content"] for t in history if t.get("role", "user") == "user"]
    if flt is not None:
        fkw = _filter_kw(kb.ask, flt)
        if fkw is None:
            raise PolicyError("当前版本的问答暂不支持按文档属性筛选，请去掉筛选条件或使用检索接口")
        kw.update(fkw)
    return kb.ask(question, k=k, **kw)


# ----- checks ------------------------------------------------------------------------------------------
def _check_service() -> Callable[[KnowledgeBase, str], Report]:
    """The check service function taking the kb; KnowledgeBase.check while it is still the entry point."""
    import importlib

    try:
        service = importlib.import_module("shanxi_policy.check.service")
        for name in ("check_proposal", "run_check"):
            fn = getattr(service, name, None)
            if callable(fn):
                return fn
    except ImportError:
        pass
    from ..check.service import check_proposal

    return check_proposal


# The check's cost grows faster than linearly with the proposal's length (measured on 2 cores: 2,000
# characters 1-8 s, 10,000 characters 15-90 s); one request must not occupy the server for minutes.
MAX_CHECK_CHARS = 10_000


def run_check(kb: KnowledgeBase, text: str) -> Report:
    n = len((text or "").strip())
    if n > MAX_CHECK_CHARS:
        raise QueryError(f"项目材料过长（{n} 字）：接口一次最多审查 {MAX_CHECK_CHARS} 字，"
                         "请只提交项目概况、建设内容、工艺、能源、运输和环保措施等部分，或分段提交")
    return _check_service()(kb, text)


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
