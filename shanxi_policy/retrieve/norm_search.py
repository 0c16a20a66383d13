"""Search over norms, and the small interface the compliance check reads the library through.

A norm is ranked by BM25 over its own words (scope, action, quote and the headings of its clause) fused
with the dense similarity of the clause it was read from: the clause vectors already exist in the index,
so norm search needs no new embeddings.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import numpy as np

from ..models import Clause, Document, Indicator
from ..norms.model import Norm
from ..text.normalize import normalize_for_search
from .filters import DocFilter
from .fusion import minmax
from .sparse import SparseIndex


@dataclass
class NormHit:
    norm: Norm
    score: float  # fused score used for ranking
    sparse: float  # raw BM25 of the norm text
    dense: float  # cosine of the query to the norm's clause (0 when dense search is off)


@runtime_checkable
class CheckSource(Protocol):
    """What the compliance check needs from the library; KnowledgeBase is adapted to it by `check_source`."""

    @property
    def version(self) -> str: ...

    def clause(self, clause_id: str) -> Clause | None: ...

    def document(self, doc_id: str) -> Document | None: ...

    def documents(self) -> list[Document]: ...

    def indicators(self) -> list[Indicator]: ...

    def norms(self) -> list[Norm]: ...

    def search_norms(self, queries: Sequence[str], k: int = 30, doc_filter: DocFilter | None = None,
                     dense: bool = True) -> list[list[NormHit]]: ...


_ASCII = re.compile(r"[a-z0-9][a-z0-9.\-]*")
_NON_CJK = re.compile(r"[^\u4e00-\u9fff]+")


def norm_terms(text: str) -> list[str]:
    """Terms of a norm (or a fact query) in the norm index: Chinese character bigrams and Latin words."""
    norm = normalize_for_search(text)
    out: list[str] = []
    for run in _NON_CJK.split(norm):
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out + _ASCII.findall(norm)


def norm_index_text(norm: Norm, clause: Clause | None) -> str:
    heads = " ".join(clause.path[:-1]) if clause is not None else ""
    return " ".join(x for x in (heads, norm.subject, norm.scope, norm.action, norm.quote) if x)


# The norm BM25 is written with the index (plain npy/json files, covered by the manifest's digests) so
# that the first check of a process does not build it.
NORM_BM25_DIR = "norm_bm25"


def build_norm_sparse(documents: Sequence[Document], norms: Sequence[Norm]) -> SparseIndex | None:
    """BM25 over the norms whose clause is in `documents`, in the order NormSearch keeps them."""
    clauses = {c.clause_id: c for d in documents for c in d.clauses}
    kept = [n for n in norms if n.clause_id in clauses]
    if not kept:
        return None
    return SparseIndex.build([norm_terms(norm_index_text(n, clauses[n.clause_id])) for n in kept])


class NormSearch:
    """A CheckSource over documents, their norms and (optionally) the clause vectors of the index."""

    def __init__(
        self,
        documents: list[Document],
        norms: list[Norm],
        version: str = "",
        unit_clauses: list[str] | None = None,
        dense_search: Callable[[np.ndarray, int], tuple[np.ndarray, np.ndarray]] | None = None,
        embed_queries: Callable[[list[str]], np.ndarray] | None = None,
        indicators: Callable[[], list[Indicator]] | None = None,
        alpha: float = 0.3,
        sparse: SparseIndex | None = None,
    ) -> None:
        self._version = version
        self._docs = {d.doc_id: d for d in documents}
        self._clauses = {c.clause_id: c for d in documents for c in d.clauses}
        self._norms = [n for n in norms if n.clause_id in self._clauses]
        self._unit_clauses = unit_clauses or []
        self._dense_search = dense_search
        self._embed = embed_queries
        self._indicators_fn = indicators
        self._indicators: list[Indicator] | None = None
        self.alpha = alpha
        # Character bigrams only: norms are short, and building word tokens for thousands of them would
        # make the first check of a process slow (measured in benchmarks/check_speed.py). An index built
        # with the norms' BM25 passes it in; one that holds other norms (an older index) is not used.
        if sparse is None or sparse.size() != len(self._norms):
            sparse = build_norm_sparse(documents, self._norms)
        self._sparse = sparse
        self._norm_clause = np.array([0], dtype=np.int64)
        clause_ids = sorted({n.clause_id for n in self._norms})
        self._clause_pos = {c: i for i, c in enumerate(clause_ids)}
        self._norm_clause = np.array([self._clause_pos[n.clause_id] for n in self._norms], dtype=np.int64)
        self._unit_pos = np.array([self._clause_pos.get(c, -1) for c in self._unit_clauses], dtype=np.int64)
        self._qcache: dict[str, np.ndarray] = {}

    # ----- CheckSource ---------------------------------------------------------------------------
    @property
    def version(self) -> str:
        return self._version

    def clause(self, clause_id: str) -> Clause | None:
        return self._clauses.get(clause_id)

    def document(self, doc_id: str) -> Document | None:
        return self._docs.get(doc_id)

    def documents(self) -> list[Document]:
        return list(self._docs.values())

    def indicators(self) -> list[Indicator]:
        if self._indicators is None:
            if self._indicators_fn is not None:
                self._indicators = self._indicators_fn()
            else:
                self._indicators = [i for d in self._docs.values() for i in d.indicators()]
        return self._indicators

    def norms(self) -> list[Norm]:
        return self._norms

    def _query_vectors(self, queries: Sequence[str]) -> np.ndarray | None:
        if self._embed is None or self._dense_search is None:
            return None
        todo = [q for q in dict.fromkeys(queries) if q not in self._qcache]
        if todo:
            for q, v in zip(todo, self._embed(todo), strict=True):
                if len(self._qcache) >= 4096:
                    self._qcache.pop(next(iter(self._qcache)))
                self._qcache[q] = v
        return np.stack([self._qcache[q] for q in queries])

    def _clause_dense(self, qv: np.ndarray) -> np.ndarray:
        """Best cosine of the query to any unit of each norm-bearing clause."""
        assert self._dense_search is not None
        out = np.zeros(len(self._clause_pos), dtype=np.float32)
        scores, ids = self._dense_search(qv, len(self._unit_pos))
        pos = self._unit_pos[ids]
        keep = pos >= 0
        np.maximum.at(out, pos[keep], scores[keep])
        return out

    def search_norms(self, queries: Sequence[str], k: int = 30, doc_filter: DocFilter | None = None,
                     dense: bool = True) -> list[list[NormHit]]:
        if self._sparse is None or not queries:
            return [[] for _ in queries]
        allowed: np.ndarray | None = None
        if doc_filter is not None and not doc_filter.is_empty():
            ok = {d for d, doc in self._docs.items() if doc_filter.matches(doc)}
            allowed = np.array([n.doc_id in ok for n in self._norms])
        qvs = self._query_vectors(queries) if dense else None
        out: list[list[NormHit]] = []
        for qi, q in enumerate(queries):
            sp = self._sparse.scores(norm_terms(q))
            dn = np.zeros(len(self._norms), dtype=np.float32)
            if qvs is not None:
                dn = self._clause_dense(qvs[qi])[self._norm_clause]
            fused = (1 - self.alpha) * minmax(sp) + (self.alpha * minmax(dn) if qvs is not None else 0.0)
            if allowed is not None:
                fused = np.where(allowed, fused, -1.0)
            n = min(k, len(fused))
            top = np.argpartition(-fused, n - 1)[:n] if n < len(fused) else np.arange(len(fused))
            top = top[np.argsort(-fused[top], kind="stable")]
            out.append([NormHit(self._norms[i], float(fused[i]), float(sp[i]), float(dn[i]))
                        for i in top if fused[i] > 0])
        return out


def _kb_norms(kb: Any) -> list[Norm]:
    """Norms stored with the index; read from the clauses when the index has none (an older index)."""
    got = getattr(kb, "norms", None)
    if callable(got):
        got = got()
    if got:
        return list(got)
    from ..norms.extract import extract_norms

    return [n for d in kb.documents for n in extract_norms(d)]


def _embed_queries(embedder: Any) -> Callable[[list[str]], np.ndarray]:
    many = getattr(embedder, "embed_queries", None)
    if callable(many):
        return many
    return lambda texts: np.stack([embedder.embed_query(t) for t in texts])


_SOURCES: weakref.WeakKeyDictionary[Any, tuple[str, NormSearch]] = weakref.WeakKeyDictionary()


def check_source(lib: Any) -> CheckSource:
    """The library as a CheckSource: used as is when it is one, else built once per loaded index.

    `lib` is duck-typed (documents, units, dense, embedder, version, indicators): the retrieval layer
    does not import the service object above it.
    """
    if isinstance(lib, CheckSource):
        return lib
    cached = _SOURCES.get(lib)
    if cached is not None and cached[0] == lib.version:
        return cached[1]
    dense = getattr(lib, "dense", None)
    src = NormSearch(
        list(lib.documents),
        _kb_norms(lib),
        version=lib.version,
        unit_clauses=[u.clause_id for u in getattr(lib, "units", [])],
        dense_search=dense.search if dense is not None else None,
        embed_queries=_LazyEmbed(lib) if dense is not None else None,
        indicators=lib.indicators,
        sparse=_stored_sparse(lib),
    )
    _SOURCES[lib] = (lib.version, src)
    return src


def _stored_sparse(lib: Any) -> SparseIndex | None:
    """The norm BM25 saved with the index, when the library has one."""
    got = getattr(lib, "norm_sparse", None)
    return got() if callable(got) else None


class _LazyEmbed:
    """Loads the embedder only when a dense query is made (BM25-only checks never load the model)."""

    def __init__(self, lib: Any) -> None:
        self._lib = weakref.ref(lib)

    def __call__(self, texts: list[str]) -> np.ndarray:
        lib = self._lib()
        assert lib is not None
        return _embed_queries(lib.embedder)(texts)
