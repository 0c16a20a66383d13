"""Entry point of the Streamlit app: the page registry."""

from __future__ import annotations

import streamlit as st

from .login import require_login
from .pages import ask, browse, check, manage


def run() -> None:
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
