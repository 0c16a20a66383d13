"""shanxi-policy: cited answers and compliance checks over Chinese policy texts."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import IndexStateError, IngestError, PolicyError, QueryError
from .models import Clause, Document, Indicator, Section
from .settings import Settings

if TYPE_CHECKING:
    from .corpus import Corpus, ingest_file, load_corpus
    from .kb import KnowledgeBase, build_index, load_index

__version__ = "0.1.0"

__all__ = [
    "Clause",
    "Corpus",
    "Document",
    "IndexStateError",
    "Indicator",
    "IngestError",
    "PolicyError",
    "QueryError",
    "Section",
    "Settings",
    "__version__",
    "ingest_file",
    "load_corpus",
]

from .models import Answer, Hit

__all__ += ["Answer", "Hit", "KnowledgeBase", "build_index", "load_index"]

# The corpus and the index (numpy, the loaders, the retrievers) are imported on first use, so that a
# light user of the package (the app's first page, `--help`) does not pay about a second for them.
_LAZY = {"Corpus": "corpus", "ingest_file": "corpus", "load_corpus": "corpus",
         "KnowledgeBase": "kb", "build_index": "kb", "load_index": "kb"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
