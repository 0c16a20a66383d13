"""Option and output helpers shared by every group of CLI verbs (main CLI and the API's verbs)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, NoReturn

import click

INDEX_OPTION = click.option(
    "--index", "index_dir", type=click.Path(path_type=Path), default=None,
    help="索引目录（默认为项目下的 index/）。",
)


def fail(exc: Exception, code: int = 2) -> NoReturn:
    click.echo(f"错误：{exc}", err=True)
    sys.exit(code)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))
