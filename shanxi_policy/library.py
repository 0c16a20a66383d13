"""Batch import into the document library and hand-set metadata (used by the CLI and 文档管理).

An import reads every file on its own (bad files are skipped and reported), drops duplicates by content
(the same bytes, or the same text in another format), copies the new files into the corpus and refreshes
the index once. The index build is atomic; if it fails, the copied files are removed again, so the
corpus and the index are never left half-imported.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .corpus import doc_id_for, ingest_file, iter_files, load_corpus
from .errors import IngestError, PolicyError
from .index.embedders import Embedder
from .ingest.docmeta import DOC_TYPES, VALIDITY, parse_date
from .ingest.loaders import SUPPORTED_LABEL, SUPPORTED_SUFFIXES
from .ingest.metadata import is_sidecar, read_sidecar, sidecar_path, write_sidecar
from .kb import BuildStats, KnowledgeBase, build_index_with_stats
from .manage import _embedder_args, index_lock, safe_name
from .settings import Settings

# (files done, files in all, current file name)
FileProgress = Callable[[int, int, str], object]
# (message, fraction) of the index build
BuildProgress = Callable[[str, float], object]

STATUS_LABELS = {"added": "已导入", "duplicate": "重复，已跳过", "failed": "失败，已跳过"}


@dataclass
class FileOutcome:
    name: str  # as given (relative to the imported folder)
    status: str  # added | duplicate | failed
    doc_id: str = ""
    title: str = ""
    message: str = ""  # the reason, in Chinese
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    stats: BuildStats | None = None
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    @property
    def added(self) -> list[str]:
        return [o.doc_id for o in self.outcomes if o.status == "added"]

    def summary(self) -> str:
        return (f"共 {len(self.outcomes)} 个文件：导入 {self.count('added')} 个，重复 {self.count('duplicate')} 个，"
                f"失败 {self.count('failed')} 个；用时 {self.seconds:.1f} 秒。")

    def lines(self) -> list[str]:
        out = []
        for o in self.outcomes:
            detail = f"《{o.title}》" if o.status == "added" and o.title else ""
            reason = f"：{o.message}" if o.message else ""
            out.append(f"[{STATUS_LABELS[o.status]}] {o.name} {detail}{reason}".rstrip())
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": self.summary(),
            "files": [asdict(o) for o in self.outcomes],
            "index": asdict(self.stats) if self.stats else None,
            "seconds": round(self.seconds, 2),
        }


def _bytes_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_hash(text: str) -> str:
    """The same document saved as PDF, DOCX or TXT has the same text once spaces and punctuation widths go."""
    t = re.sub(r"[\s\u3000]+", "", text)
    return hashlib.sha256(t.encode()).hexdigest()


def list_import_files(paths: Iterable[str | Path]) -> list[tuple[str, Path]]:
    """Every file under the given folders and files (hidden ones and sidecars excepted), with a display name."""
    out: list[tuple[str, Path]] = []
    for p in map(Path, paths):
        if p.is_dir():
            # files of the folder itself first, then those of its subfolders
            for f in sorted(p.rglob("*"), key=lambda x: (len(x.relative_to(p).parts), str(x))):
                rel = f.relative_to(p)
                if f.is_file() and not is_sidecar(f) and not any(x.startswith(".") for x in rel.parts):
                    out.append((str(rel), f))
        else:
            out.append((p.name, p))
    return out


def _emb(settings: Settings, embedder: Embedder | None) -> tuple[Embedder | str, str]:
    return (embedder, "") if embedder is not None else _embedder_args(settings)


def _free_name(corpus_dir: Path, name: str, taken_ids: set[str], taken_names: set[str]) -> str:
    stem, suffix = Path(name).stem, Path(name).suffix
    cand, n = name, 1
    while (corpus_dir / cand).exists() or cand in taken_names or doc_id_for(Path(cand)) in taken_ids:
        n += 1
        cand = f"{stem}_{n}{suffix}"
    return cand


def import_files(
    files: list[tuple[str, Path]],
    settings: Settings | None = None,
    file_progress: FileProgress | None = None,
    build_progress: BuildProgress | None = None,
    embedder: Embedder | None = None,
) -> tuple[KnowledgeBase | None, ImportReport]:
    """Import (display name, path) pairs into settings.corpus_dir and refresh settings.index_dir.
    embedder: by default the one the index was built with (the settings' one for a new index)."""
    t0 = time.perf_counter()
    settings = settings or Settings()
    report = ImportReport()
    corpus_dir = settings.corpus_dir
    with index_lock(settings):
        existing = list(iter_files([corpus_dir])) if corpus_dir.exists() else []
        byte_seen: dict[str, str] = {}
        for f in existing:
            try:
                byte_seen[_bytes_hash(f.read_bytes())] = f.name
            except OSError:
                continue
        text_seen: dict[str, str] = {}
        if existing:
            for d in load_corpus(corpus_dir, settings).documents:
                text_seen[text_hash(d.text)] = d.source
        taken_ids = {doc_id_for(f) for f in existing}
        taken_names: set[str] = set()
        staged: list[tuple[Path, Path]] = []  # (source, destination name in the corpus)
        for i, (name, path) in enumerate(files):
            if file_progress:
                file_progress(i, len(files), name)
            out = FileOutcome(name=name, status="failed")
            report.outcomes.append(out)
            suffix = path.suffix.lower()
            if suffix not in SUPPORTED_SUFFIXES:
                out.message = f"不支持的文件类型“{suffix or '无扩展名'}”，支持 {SUPPORTED_LABEL}"
                if suffix == ".doc":
                    out.message = "不支持旧版 Word（.doc）格式，请另存为 .docx 后再导入"
                continue
            try:
                data = path.read_bytes()
            except OSError:
                out.message = "无法读取文件（可能没有读取权限，或文件正被其他程序占用）"
                continue
            bh = _bytes_hash(data)
            if bh in byte_seen:
                out.status, out.message = "duplicate", f"与《{byte_seen[bh]}》内容完全相同"
                continue
            def on_page(done: int, pages: int, i: int = i, name: str = name) -> None:
                if file_progress:
                    file_progress(i, len(files), f"{name}（文字识别 {done}/{pages} 页）")

            try:
                doc = ingest_file(path, settings, on_page)
            except IngestError as exc:
                out.message = exc.reason
                continue
            th = text_hash(doc.text)
            if th in text_seen:
                out.status, out.message = "duplicate", f"与《{text_seen[th]}》正文相同"
                continue
            free = _free_name(corpus_dir, safe_name(path.name), taken_ids, taken_names)
            out.status, out.doc_id, out.title = "added", doc_id_for(Path(free)), doc.title
            out.warnings = list(doc.warnings)
            if free != safe_name(path.name):
                out.message = f"已有同名文档，保存为《{free}》"
            byte_seen[bh] = name
            text_seen[th] = name
            taken_ids.add(out.doc_id)
            taken_names.add(free)
            staged.append((path, Path(free)))
        if file_progress:
            file_progress(len(files), len(files), "")
        if not staged:
            report.seconds = time.perf_counter() - t0
            return None, report
        corpus_dir.mkdir(parents=True, exist_ok=True)
        copied: list[Path] = []
        try:
            for src, dest_name in staged:
                dest = corpus_dir / dest_name
                shutil.copyfile(src, dest)
                copied.append(dest)
                side, _ = read_sidecar(src)
                if side:
                    write_sidecar(dest, side)
                    copied.append(sidecar_path(dest))
            kb, stats = build_index_with_stats([corpus_dir], settings.index_dir, *_emb(settings, embedder),
                                               settings, build_progress)
        except BaseException:
            for p in copied:  # the index was not replaced: take the corpus back to where it was
                p.unlink(missing_ok=True)
            raise
    report.stats = stats
    report.seconds = time.perf_counter() - t0
    return kb, report


# ----- metadata set by hand ------------------------------------------------------------------------------
EDITABLE = ("title", "issuer", "doc_number", "date", "effective_date", "doc_type", "validity")


def set_document_meta(doc_id: str, changes: dict[str, Any], settings: Settings | None = None,
                      progress: BuildProgress | None = None, embedder: Embedder | None = None) -> KnowledgeBase:
    """Write hand-set metadata (e.g. validity 已废止) to the document's sidecar and refresh the index.
    A value of None or "" removes the hand-set value, so the one read from the text applies again."""
    settings = settings or Settings()
    bad = [k for k in changes if k not in EDITABLE]
    if bad:
        raise PolicyError(f"不能修改的字段：{'、'.join(bad)}")
    if changes.get("validity") and changes["validity"] not in VALIDITY:
        raise PolicyError(f"效力状态只能是：{'、'.join(VALIDITY)}")
    if changes.get("doc_type") and changes["doc_type"] not in DOC_TYPES:
        raise PolicyError(f"文件类型只能是：{'、'.join(DOC_TYPES)}")
    changes = dict(changes)
    for k in ("date", "effective_date"):
        v = str(changes.get(k) or "").strip()
        if v and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v):
            # "2024年5月20日" and "二〇二四年五月二十日", as documents write dates, are read too
            v = parse_date(v) if re.fullmatch(r"[\d〇零一二三四五六七八九十年月日\s]+", v) else ""
            if not v:
                raise PolicyError("日期格式应为 2024-05-20、2024-05、2024 或 2024年5月20日")
            changes[k] = v
    with index_lock(settings):
        matches = [p for p in iter_files([settings.corpus_dir]) if doc_id_for(p) == doc_id]
        if not matches:
            raise PolicyError(f"没有找到文档“{doc_id}”")
        meta, _ = read_sidecar(matches[0])
        for k, v in changes.items():
            if v in (None, "", []):
                meta.pop(k, None)
            else:
                meta[k] = v
        write_sidecar(matches[0], meta)
        kb, _ = build_index_with_stats([settings.corpus_dir], settings.index_dir, *_emb(settings, embedder),
                                       settings, progress)
    return kb
