"""Entry point of the Streamlit app: the page registry."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

import streamlit as st

from .login import require_login
from .state import warm_up

_log = logging.getLogger(__name__)


def _lazy(module: str) -> Callable[[], None]:
    """A page function that imports its module on first use: the first page drawn after start-up does
    not wait for the imports of the other pages (the checker, the loaders, the document tables)."""

    def page() -> None:
        try:
            importlib.import_module(f"{__package__}.pages.{module}").page()
        except Exception:  # Streamlit's rerun/stop signals are BaseExceptions and pass through
            # Users see a Chinese message, not a traceback with the server's paths; the log keeps the details.
            _log.exception("page %s failed", module)
            st.error("页面处理出错，请刷新页面后重试。如在程序升级后出现，请重新启动服务；问题持续时请联系管理员。")

    page.__name__ = module
    return page


_ASK, _CHECK, _BROWSE, _MANAGE = (_lazy(m) for m in ("ask", "check", "browse", "manage"))


def run() -> None:
    st.set_page_config(page_title="山西政策问答与合规审查", page_icon="📜", layout="wide")
    who = require_login()  # None when login is not configured
    pages = [
        # The default page is served at "/" whatever its url_path; a hidden twin keeps "/ask" links working.
        st.Page(_ASK, title="政策问答", url_path="home", default=True),
        st.Page(_ASK, title="政策问答", url_path="ask", visibility="hidden"),
        st.Page(_CHECK, title="项目合规审查", url_path="check"),
        st.Page(_BROWSE, title="政策浏览", url_path="browse"),
    ]
    if who is None or who.may("write"):  # uploading and deleting need the editor role
        pages.append(st.Page(_MANAGE, title="文档管理", url_path="manage"))
    nav = st.navigation(pages)
    nav.run()
    # After the page has been drawn: load the index (and the table libraries) in the background, once.
    warm_up()
