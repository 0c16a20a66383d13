"""The retriever and the embedder inside a small LangChain chain."""

from __future__ import annotations

from langchain_core.runnables import RunnableLambda

from shanxi_policy.retrieve.langchain import PolicyEmbeddings, PolicyRetriever

from .test_retrieval import kb  # noqa: F401


def test_retriever_in_a_chain(kb):  # noqa: F811
    retriever = PolicyRetriever(kb=kb, k=3)
    chain = retriever | RunnableLambda(lambda docs: [d.metadata["clause_id"].split(":")[1] for d in docs])
    assert chain.invoke("到2030年非化石能源比重要达到多少？")[0] == "c4"
    docs = retriever.invoke("森林覆盖率")
    assert docs[0].metadata["citation"].startswith("《") and "27.22%" in docs[0].page_content


def test_embeddings_adapter(kb):  # noqa: F811
    emb = PolicyEmbeddings(kb.embedder)
    v = emb.embed_query("清洁取暖")
    docs = emb.embed_documents(["清洁取暖改造", "塑料污染治理"])
    assert len(v) == 384 and len(docs) == 2
    assert sum(a * b for a, b in zip(v, docs[0], strict=True)) > sum(a * b for a, b in zip(v, docs[1], strict=True))
