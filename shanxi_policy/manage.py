"""Adding and removing documents of the corpus, then refreshing the index (used by the app and CLI)."""

from __future__ import annotations

import fcntl
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import doc_id_for, ingest_file, iter_files
from .errors import IngestError, PolicyError
from .ingest.loaders import SUPPORTED_SUFFIXES
from .ingest.metadata import sidecar_path, write_sidecar
from .kb import BuildStats, KnowledgeBase, build_index_with_stats
from .settings import Settings

Progress = Callable[[str, float], object]


@dataclass
class UploadResult:
    added: list[str] = field(default_factory=list)  # doc ids
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stats: BuildStats | None = None


@contextmanager
def index_lock(settings: Settings) -> Iterator[None]:
    """One writer at a time across processes and browser sessions."""
    lock = settings.index_dir.parent / f".{settings.index_dir.name}.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _embedder_args(settings: Settings) -> tuple[str, str]:
    """Keep the embedder the current index was built with; the settings' one for a new index."""
    from .errors import IndexStateError
    from .index.store import read_manifest

    try:
        e = read_manifest(settings.index_dir)["embedder"]
        return str(e["backend"]), str(e.get("model_arg", ""))
    except (IndexStateError, KeyError):
        return settings.embedder, settings.embedder_model


def safe_name(name: str) -> str:
    stem, suffix = Path(name).stem, Path(name).suffix.lower()
    # Control characters (NUL makes open() fail) and path separators never reach the file system.
    stem = re.sub(r"[\s/\\:*?\"<>|\x00-\x1f\x7f]+", "_", stem).strip("._") or "document"
    suffix = re.sub(r"[^.a-z0-9]", "", suffix)
    return f"{stem[:80]}{suffix}"


def add_documents(files: list[tuple[str, bytes]], settings: Settings | None = None,
                  progress: Progress | None = None) -> tuple[KnowledgeBase | None, UploadResult]:
    """Validate each upload on its own, copy the good ones into the corpus and refresh the index."""
    settings = settings or Settings()
    res = UploadResult()
    with tempfile.TemporaryDirectory() as tmp:
        checked: list[tuple[Path, str]] = []
        for name, data in files:
            fname = safe_name(name)
            if Path(fname).suffix not in SUPPORTED_SUFFIXES:
                res.errors.append(str(IngestError(fname, "不支持的文件类型，支持 TXT、MD、PDF、DOCX、HTML")))
                continue
            p = Path(tmp) / fname
            p.write_bytes(data)
            try:
                doc = ingest_file(p, settings)
            except IngestError as exc:
                res.errors.append(str(exc))
                continue
            res.warnings.extend(doc.warnings)
            checked.append((p, doc.title))
        if not checked:
            return None, res
        with index_lock(settings):
            settings.corpus_dir.mkdir(parents=True, exist_ok=True)
            copied: list[Path] = []
            for p, title in checked:
                dest = settings.corpus_dir / p.name
                taken = {doc_id_for(q) for q in iter_files([settings.corpus_dir])}
                if dest.exists() or doc_id_for(dest) in taken:
                    res.errors.append(f"文件《{p.name}》与已有文档同名，已跳过（请先删除旧文档或改名后上传）")
                    continue
                shutil.copyfile(p, dest)
                copied.append(dest)
                write_sidecar(dest, {"title": title, "source": "用户上传"})
                res.added.append(doc_id_for(dest))
            if not res.added:
                return None, res
            try:
                kb, stats = build_index_with_stats([settings.corpus_dir], settings.index_dir,
                                                   *_embedder_args(settings), settings, progress)
            except BaseException:
                # The index was not replaced (full disk, crash of the build): take the copies back out, so
                # the corpus and the index still agree and the upload can simply be retried.
                for dest in copied:
                    sidecar_path(dest).unlink(missing_ok=True)
                    dest.unlink(missing_ok=True)
                raise
    res.stats = stats
    res.errors.extend(stats.errors)
    return kb, res


def remove_document(doc_id: str, settings: Settings | None = None,
                    progress: Progress | None = None) -> KnowledgeBase:
    settings = settings or Settings()
    with index_lock(settings):
        matches = [p for p in settings.corpus_dir.iterdir()
                   if p.is_file() and doc_id_for(p) == doc_id and not p.name.endswith(".meta.json")]
        if not matches:
            raise PolicyError(f"没有找到文档“{doc_id}”")
        # Hidden names are not read as corpus files; they are put back if the rebuild fails.
        moved = [(f, f.with_name(f".removing-{f.name}")) for p in matches for f in (p, sidecar_path(p)) if f.exists()]
        for src, hidden in moved:
            src.rename(hidden)
        try:
            kb, _ = build_index_with_stats([settings.corpus_dir], settings.index_dir, *_embedder_args(settings),
                                           settings, progress)
        except BaseException:
            for src, hidden in moved:
                hidden.rename(src)
            raise
        for _src, hidden in moved:
            hidden.unlink(missing_ok=True)
    return kb
