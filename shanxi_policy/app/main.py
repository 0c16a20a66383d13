"""Entry point of the Streamlit app: the page registry."""

from __future__ import annotations

import threading

import streamlit as st

from .login import require_login
from .pages import ask, browse, check, manage


@st.cache_resource(show_spinner=False)
def _preload_table_libraries() -> None:
    """st.dataframe imports pandas and pyarrow on first use (about 0.8 s here); importing them in the
    background once per server takes that off the first table a user opens."""

    def load() -> None:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401

    threading.Thread(target=load, daemon=True).start()


def run() -> None:
    _preload_table_libraries()
    st.set_page_config(page_title="山西政策问答与合规审查", page_icon="📜", layout="wide")
    who = require_login()  # None when login is not configured
    pages = [
        st.Page(ask.page, title="政策问答", url_path="ask", default=True),
        st.Page(check.page, title="项目合规审查", url_path="check"),
        st.Page(browse.page, title="政策浏览", url_path="browse"),
    ]
    if who is None or who.may("write"):  # uploading and deleting need the editor role
        pages.append(st.Page(manage.page, title="文档管理", url_path="manage"))
    nav = st.navigation(pages)
    nav.run()
