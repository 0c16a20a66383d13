"""shanxi-policy: cited answers and compliance checks over Chinese policy texts."""

from __future__ import annotations

from .corpus import Corpus, ingest_file, load_corpus
from .errors import IndexStateError, IngestError, PolicyError, QueryError
from .models import Clause, Document, Indicator, Section
from .settings import Settings

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

from .kb import KnowledgeBase, build_index, load_index
from .models import Answer, Hit

__all__ += ["Answer", "Hit", "KnowledgeBase", "build_index", "load_index"]
