"""Entry point of the Streamlit app: page registry and shared resources."""

from __future__ import annotations

import streamlit as st

from ..corpus import Corpus, load_corpus
from ..settings import Settings


@st.cache_resource(show_spinner="正在加载政策文件…")
def get_corpus() -> Corpus:
    return load_corpus(Settings().corpus_dir)


def browse_page() -> None:
    corpus = get_corpus()
    st.title("政策浏览")
    for doc in corpus.documents:
        with st.expander(doc.title, expanded=False):
            for c in doc.clauses:
                st.markdown(f"**{' › '.join(c.path) or c.local_id}**  `{c.local_id}`")
                st.text(c.text)  # st.text never renders markdown or HTML from documents
    for e in corpus.errors:
        st.warning(str(e))


def run() -> None:
    st.set_page_config(page_title="山西政策问答与合规审查", layout="wide")
    nav = st.navigation([st.Page(browse_page, title="政策浏览", url_path="browse", default=True)])
    nav.run()
