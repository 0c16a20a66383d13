"""Resources shared by all pages and sessions: loaded once per process, reloaded when the index changes.

The index is loaded in a background thread after the first page is drawn (warm_up), so no page waits for
it before showing its title and inputs; a page that needs it before the load has finished waits for it.
The heavy modules (the index, numpy, the embedding model) are imported only there.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from ..errors import PolicyError
from ..settings import Settings

if TYPE_CHECKING:
    from ..check.history import History
    from ..kb import KnowledgeBase

_MAX_LOADED = 2  # the current index and, during a rebuild by another session, the previous one
_loaded: OrderedDict[tuple[str, str], KnowledgeBase] = OrderedDict()
_load_lock = threading.Lock()
_warm_started = False


def settings() -> Settings:
    return Settings()


def _signature(index_dir: Path) -> str:
    m = index_dir / "manifest.json"
    try:
        s = m.stat()
    except OSError:
        return "missing"
    return f"{s.st_mtime_ns}-{s.st_size}"


def _key() -> tuple[str, str]:
    d = settings().index_dir
    return str(d), _signature(d)


def _load(index_dir: str, signature: str) -> KnowledgeBase:
    """Load once per (directory, manifest signature); concurrent callers wait for the one load."""
    key = (index_dir, signature)
    kb = _loaded.get(key)
    if kb is not None:
        return kb
    with _load_lock:
        kb = _loaded.get(key)
        if kb is None:
            from ..kb import load_index
            from ..text.tokenize import tokenize

            kb = load_index(index_dir)
            kb.embedder  # noqa: B018  (load the model now, not on the first question)
            _loaded[key] = kb
            while len(_loaded) > _MAX_LOADED:
                _loaded.popitem(last=False)
            # The segmenter takes about a second to build: warm it while the user reads the page.
            warm = threading.Timer(1.0, tokenize, args=("预热分词器",))
            warm.daemon = True
            warm.start()
    return kb


def get_kb() -> KnowledgeBase | None:
    """The current index; a rebuild by any session changes the signature and reloads it."""
    key = _key()
    try:
        if key in _loaded:
            return _loaded[key]
        with st.spinner("正在加载索引…"):
            return _load(*key)
    except PolicyError as exc:
        st.error(f"索引不可用：{exc}")
        return None


def index_missing() -> bool:
    """No index has been built yet (cheap: one stat), so a page can say so at once."""
    return _key()[1] == "missing"


def _warm() -> None:
    try:
        _load(*_key())
    except Exception:  # best effort: the page that needs the index loads it again and shows the message
        pass


def warm_up() -> None:
    """Start loading the index in the background, once per process; called after a page has been drawn."""
    global _warm_started
    if _warm_started:
        return
    _warm_started = True
    threading.Thread(target=_warm, name="shanxi-policy-warm-up", daemon=True).start()


@st.cache_resource
def _history(path: str) -> History:
    from ..check.history import History

    return History(path)


def get_history() -> History:
    return _history(str(settings().history_db))
