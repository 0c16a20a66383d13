"""Load policy files into structured documents: read → repair → parse."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import IngestError
from .ingest.docmeta import FIELDS as META_FIELDS
from .ingest.docmeta import extract as extract_meta
from .ingest.docmeta import infer_corpus_validity
from .ingest.docmeta import merge as merge_meta
from .ingest.loaders import SUPPORTED_SUFFIXES, load_file
from .ingest.metadata import is_sidecar, read_sidecar
from .ingest.ocr import PageProgress
from .models import Clause, Document, Indicator
from .settings import Settings
from .text.repair import repair
from .text.structure import parse_document


def doc_id_for(path: Path) -> str:
    """The file stem, made safe for ids (":" separates document and clause)."""
    return re.sub(r"[\s:/\\]+", "_", path.stem)


def ingest_file(path: str | Path, settings: Settings | None = None,
                progress: PageProgress | None = None) -> Document:
    """Read, repair and parse one file (progress: OCR pages done, pages in all). Raises IngestError for a bad file."""
    path = Path(path)
    raw = load_file(path, settings, progress)
    meta, meta_warnings = read_sidecar(path)
    fixed = repair(raw.text)
    if not fixed.paragraphs:
        raise IngestError(path, "文件中没有可读取的文字")
    doc_id = doc_id_for(path)
    parsed = parse_document(doc_id, fixed.paragraphs, str(meta.get("title", "")))
    if not parsed.clauses:
        raise IngestError(path, "未能从文件中识别出任何正文段落")
    inferred = extract_meta(fixed.paragraphs, str(meta.get("title") or parsed.title))
    title = str(meta.get("title") or inferred.title or path.stem)
    meta = {"format": raw.fmt, **merge_meta(inferred, meta)}
    if raw.ocr_pages:
        meta["ocr_pages"] = raw.ocr_pages
    if parsed.header_lines:
        meta.setdefault("header_lines", parsed.header_lines)
    warnings = [*raw.warnings, *meta_warnings, *(f"《{path.name}》{w}" for w in fixed.warnings)]
    return Document(
        doc_id=doc_id,
        title=title,
        text=fixed.text,
        clauses=parsed.clauses,
        sections=parsed.sections,
        meta=meta,
        warnings=warnings,
        source=path.name,
    )


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand directories (sorted, non-recursive into hidden folders); skip metadata sidecars."""
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not is_sidecar(f) and not any(x.startswith(".") for x in f.parts):
                    if f.suffix.lower() in SUPPORTED_SUFFIXES or f.suffix.lower() == ".doc":
                        yield f
        else:
            yield p


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)

    @property
    def clauses(self) -> list[Clause]:
        return [c for d in self.documents for c in d.clauses]

    @property
    def warnings(self) -> list[str]:
        return [w for d in self.documents for w in d.warnings]

    def document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents if d.doc_id == doc_id), None)

    def clause(self, clause_id: str) -> Clause | None:
        doc_id = clause_id.split(":", 1)[0]
        d = self.document(doc_id)
        return d.clause(clause_id) if d else None

    def indicators(self) -> list[Indicator]:
        return [i for d in self.documents for i in d.indicators()]

    def fingerprint(self) -> str:
        """Hash of every clause's id and text: changes whenever the index would change."""
        h = hashlib.sha256()
        for c in self.clauses:
            h.update(c.clause_id.encode())
            h.update(b"\0")
            h.update(c.text.encode())
            h.update(b"\0")
        for d in self.documents:
            h.update(d.title.encode())
            # Filters read these: a validity set by hand must reach the index.
            h.update(json.dumps([d.meta.get(k) for k in META_FIELDS], ensure_ascii=False).encode())
        return h.hexdigest()[:16]


def load_corpus(paths: str | Path | Iterable[str | Path], settings: Settings | None = None) -> Corpus:
    """Load a directory, a file or several paths. Bad files are collected in Corpus.errors."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    corpus = Corpus()
    seen: set[str] = set()
    for f in iter_files(paths):
        try:
            doc = ingest_file(f, settings)
        except IngestError as exc:
            corpus.errors.append(exc)
            continue
        if doc.doc_id in seen:
            corpus.errors.append(IngestError(f, f"文档编号“{doc.doc_id}”与已加载的文件重复，已跳过"))
            continue
        seen.add(doc.doc_id)
        corpus.documents.append(doc)
    infer_corpus_validity(corpus.documents)
    return corpus
