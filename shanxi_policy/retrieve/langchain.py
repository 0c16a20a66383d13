"""LangChain adapters: the hybrid retriever as a BaseRetriever, the embedder as Embeddings."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LCDocument
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from ..index.embedders import Embedder


class PolicyRetriever(BaseRetriever):
    """Returns clauses as LangChain documents; metadata carries the citation."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    kb: Any
    k: int = 5
    mode: str = "hybrid"

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun,
                                ) -> list[LCDocument]:
        return [
            LCDocument(
                page_content=h.text,
                metadata={"doc_id": h.doc_id, "doc_title": h.doc_title, "clause_id": h.clause_id,
                          "path": list(h.path), "score": h.score, "source": h.source, "quote": h.quote,
                          "citation": h.citation()},
            )
            for h in self.kb.search(query, k=self.k, mode=self.mode)
        ]


class PolicyEmbeddings(Embeddings):
    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [list(map(float, v)) for v in self.embedder.embed_passages(list(texts))]

    def embed_query(self, text: str) -> list[float]:
        return list(map(float, self.embedder.embed_query(text)))
