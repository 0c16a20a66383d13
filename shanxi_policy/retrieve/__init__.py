"""Retrieval layer: sparse (BM25), dense (FAISS), score fusion, direct lookups, LangChain adapters."""
