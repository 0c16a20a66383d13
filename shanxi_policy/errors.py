"""Errors whose messages are shown to officials, so they are written in Chinese."""

from __future__ import annotations

from pathlib import Path


class PolicyError(Exception):
    """Base class for every error the CLI and the app report as a plain message."""


class IngestError(PolicyError):
    """A file could not be read as a policy document."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.name = Path(path).name
        self.reason = reason
        super().__init__(f"无法读取文件《{self.name}》：{reason}")


class IndexStateError(PolicyError):
    """The index directory is missing, stale, foreign or damaged."""


EMPTY_QUESTION = "问题不能为空，请输入要查询的内容"


class QueryError(PolicyError):
    """A question or search string cannot be processed (empty, too long)."""
