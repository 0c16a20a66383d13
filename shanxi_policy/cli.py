"""Command line: one function per verb; all logic lives in the services it calls."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .corpus import load_corpus
from .models import Document


def _emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _document_tree(doc: Document) -> dict[str, Any]:
    return {
        "doc_id": doc.doc_id,
        "title": doc.title,
        "meta": doc.meta,
        "source": doc.source,
        "sections": [s.to_dict() for s in doc.sections],
        "clauses": [c.to_dict() for c in doc.clauses],
        "indicators": [i.to_dict() for i in doc.indicators()],
        "warnings": doc.warnings,
    }


@click.group()
@click.version_option(__version__, prog_name="shanxi-policy")
def main() -> None:
    """山西政策文件问答与合规审查工具。"""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出条款树、量化目标和警告。")
def ingest(paths: tuple[Path, ...], as_json: bool) -> None:
    """读取政策文件（目录、单个或多个文件），输出条款结构、量化目标和警告。"""
    corpus = load_corpus(paths)
    if as_json:
        _emit_json(
            {
                "documents": [_document_tree(d) for d in corpus.documents],
                "errors": [{"file": e.name, "reason": e.reason} for e in corpus.errors],
            }
        )
    else:
        for doc in corpus.documents:
            click.echo(f"《{doc.title}》  [{doc.doc_id}]  {len(doc.clauses)} 条")
            current: tuple[str, ...] = ()
            for c in doc.clauses:
                parents = c.path[:-1] if c.title else c.path
                if parents != current:
                    for depth, heading in enumerate(parents):
                        if depth >= len(current) or current[depth] != heading:
                            click.echo("  " * (depth + 1) + heading)
                    current = parents
                label = c.title or c.local_id
                click.echo("  " * (len(parents) + 1) + f"- {label}  ({c.local_id}, {len(c.text)} 字)")
            targets = doc.indicators()
            if targets:
                click.echo("  量化目标：")
                for t in targets:
                    year = f"{t.year}年" if t.year else "（未定年份）"
                    value = f"{t.value:g}{t.unit}"
                    click.echo(f"    {year} {t.name} {t.qualifier} {value}  [{t.clause_id.split(':', 1)[1]}]")
            for w in doc.warnings:
                click.echo(f"  提示：{w}")
    for e in corpus.errors:
        click.echo(f"错误：{e}", err=True)
    if corpus.errors:
        click.echo(f"共 {len(corpus.documents)} 个文件读取成功，{len(corpus.errors)} 个失败。", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
