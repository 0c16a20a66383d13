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


def output_file(_ctx: click.Context, _param: click.Parameter, value: Path | None) -> Path | None:
    """An option naming a file to write: its folder must exist, and it must not be a folder itself (checked before any
    work is done, so that a long check is not lost to a typo in the path)."""
    if value is None:
        return None
    if value.is_dir():
        fail(ValueError(f"“{value}”是一个文件夹，请写出要保存的文件名，例如 {value / '审查意见.docx'}。"))
    folder = value.parent
    if not folder.is_dir():
        fail(ValueError(f"无法写出“{value}”：文件夹“{folder}”不存在（相对路径从当前目录算起：{Path.cwd()}）。"
                        "请先建立该文件夹，或换一个保存位置。"))
    return value


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))
