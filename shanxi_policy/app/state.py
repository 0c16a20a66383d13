"""Resources shared by all pages and sessions: loaded once per process, reloaded when the index changes."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ..check.history import History
from ..errors import PolicyError
from ..kb import KnowledgeBase, load_index
from ..settings import Settings


def settings() -> Settings:
    return Settings()


def _signature(index_dir: Path) -> str:
    m = index_dir / "manifest.json"
    try:
        s = m.stat()
    except OSError:
        return "missing"
    return f"{s.st_mtime_ns}-{s.st_size}"


@st.cache_resource(show_spinner="正在加载索引…", max_entries=2)
def _load(index_dir: str, signature: str) -> KnowledgeBase:
    import threading

    from ..text.tokenize import tokenize

    kb = load_index(index_dir)
    kb.embedder  # noqa: B018  (load the model now, not on the first question)
    # The segmenter takes about a second to build: warm it while the user reads the first page,
    # after that page has rendered (a thread would otherwise compete with the render for the GIL).
    warm = threading.Timer(2.5, tokenize, args=("预热分词器",))
    warm.daemon = True
    warm.start()
    return kb


def get_kb() -> KnowledgeBase | None:
    """The current index; a rebuild by any session changes the signature and reloads it."""
    s = settings()
    try:
        return _load(str(s.index_dir), _signature(s.index_dir))
    except PolicyError as exc:
        st.error(f"索引不可用：{exc}")
        return None


@st.cache_resource
def _history(path: str) -> History:
    return History(path)


def get_history() -> History:
    return _history(str(settings().history_db))
