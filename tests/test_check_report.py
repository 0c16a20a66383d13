"""The Word and Markdown reports, and the SQLite history."""

from __future__ import annotations

import re
import sqlite3

import docx
import pytest
from click.testing import CliRunner

from shanxi_policy.check.docx_report import write_docx
from shanxi_policy.check.history import History
from shanxi_policy.check.report import library_version_label, report_file_name, report_from_dict, to_markdown
from shanxi_policy.check.service import check_proposal
from shanxi_policy.cli import main
from shanxi_policy.errors import PolicyError

from .conftest import DATA, ROOT
from .test_retrieval import kb  # noqa: F401

PROPOSAL = "项目名称：年产100万吨焦化项目。建设地点：介休市。供热采用燃煤锅炉。厂内运输采用纯电动车辆。"


@pytest.fixture(scope="module")
def report(kb):  # noqa: F811
    return check_proposal(kb, PROPOSAL)


def test_docx_reads_back_as_an_official_opinion(report, tmp_path):
    path = write_docx(report, tmp_path / "r.docx")
    d = docx.Document(str(path))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "关于年产100万吨焦化项目的政策符合性审查意见" in text and "总体结论：存在与政策冲突的内容" in text
    # the file names the paper, not the library that wrote it
    assert d.core_properties.title.startswith("关于年产100万吨焦化项目") and d.core_properties.author == ""
    recs = text.split("意见建议", 1)[1].split("文档库版本")[0]
    assert all(line.endswith("。") for line in recs.splitlines() if line.strip())
    assert "项目名称：年产100万吨焦化项目" in text and "建设地点：介休市" in text
    assert "文档库版本：" in text and "审查日期：" in text and "意见建议" in text
    assert "›" not in "".join(c.text for t in d.tables for row in t.rows for c in row.cells)
    footer = d.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "第 " in d.sections[0].footer.paragraphs[0].text  # page numbers for filing
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    assert any("（八）持续改善空气质量" in c for c in cells)
    assert any("加快燃煤锅炉关停整治" in c for c in cells)
    headings = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
    # numbered verdict groups with their counts, one table each
    groups = [h for h in headings if re.match(r"（[一二三四]）(冲突|需关注|符合|相关)（\d+ 项）$", h)]
    assert groups[0].startswith("（一）冲突") and any("符合" in g for g in groups) and len(d.tables) == len(groups)
    sec = d.sections[0]
    assert round(sec.page_width.mm) == 210 and round(sec.page_height.mm) == 297  # A4, not US Letter


def test_docx_numbers_items_once_and_recommendations_point_to_them(report, tmp_path):
    d = docx.Document(str(write_docx(report, tmp_path / "r.docx")))
    numbers = [int(row.cells[0].text) for t in d.tables for row in t.rows[1:]]
    assert numbers == list(range(1, len(report.findings) + 1))  # one count through every verdict and document
    text = "\n".join(p.text for p in d.paragraphs)
    recs = [line for line in text.split("四、意见建议", 1)[1].splitlines() if re.match(r"\d+\. ", line)]
    cited = [int(n) for line in recs for n in re.findall(r"\d+", line.split("见第三部分第", 1)[-1].split("项")[0])]
    # the numbers cited are those of the rows under the 冲突 and 需关注 groups (one table per group, in heading order)
    groups = [p.text for p in d.paragraphs if p.style.name.startswith("Heading 2")]
    flagged = {int(row.cells[0].text) for g, t in zip(groups, d.tables, strict=True) if "冲突" in g or "需关注" in g
               for row in t.rows[1:]}
    assert recs and cited and set(cited) == flagged
    assert re.search(r"审查日期：\d{4}年\d{1,2}月\d{1,2}日$", text, re.M)  # the day, not the clock time
    assert "审查单位（盖章）：" in text and "审查人：" in text


def test_overview_keeps_every_labelled_line(kb, tmp_path):  # noqa: F811
    text = ("项目名称：某尾矿库加高扩容工程\n建设内容：坝高由45米加高至70米。\n选址：位于汾河干流岸边。\n"
            "手续：拟先行施工，环评报告书同步编制。")
    rep = check_proposal(kb, text)
    doc = "\n".join(p.text for p in docx.Document(str(write_docx(rep, tmp_path / "l.docx"))).paragraphs)
    overview = doc.split("一、项目概况", 1)[1].split("二、审查结论", 1)[0]
    md = to_markdown(rep).split("## 项目概况", 1)[1]
    for line in ("选址：位于汾河干流岸边。", "手续：拟先行施工，环评报告书同步编制。"):
        assert line in overview and f"- {line}" in md  # the lines that decide a review, not only the known fields


def test_docx_overview_quotes_a_proposal_without_field_labels(kb, tmp_path):  # noqa: F811
    rep = check_proposal(kb, "某县生活垃圾焚烧发电项目。项目拟选址于县城东南约6公里，设计日处理生活垃圾600吨。"
                             "烟气经布袋除尘后排放。")
    text = "\n".join(p.text for p in docx.Document(str(write_docx(rep, tmp_path / "o.docx"))).paragraphs)
    overview = text.split("一、项目概况", 1)[1].split("二、审查结论", 1)[0]
    assert "项目名称：某县生活垃圾焚烧发电项目" in overview and "项目内容：项目拟选址于县城东南约6公里" in overview


def test_docx_carries_the_whole_proposal_when_the_overview_cuts_it(kb, tmp_path):  # noqa: F811
    night = "因管道连接等工艺要求确需夜间连续施工的，提前取得相关部门证明，并在施工现场公告附近居民。"
    proposal = "某县城区雨污分流管网改造工程。" + "工程新建污水管网26.5公里，雨水管网19.8公里。" * 12 + night
    rep = check_proposal(kb, proposal)
    text = "\n".join(p.text for p in docx.Document(str(write_docx(rep, tmp_path / "o.docx"))).paragraphs)
    assert night not in text.split("二、审查结论", 1)[0]  # the overview is cut
    assert night in text.split("附件：项目材料原文", 1)[1]


@pytest.mark.parametrize(("version", "label"), [
    ("02f38876368c69d1-a91f387e5128-f85c98-w400 (2026-12-04 23:06:26)", "2026-12-04 23:06（02f38876）"),
    ("custom", "custom"),
])
def test_library_version_is_shown_by_date(version, label):
    assert library_version_label(version) == label


def test_markdown_and_round_trip(report):
    md = to_markdown(report)
    assert md.startswith("# 项目合规审查意见") and "## 冲突" in md and "> 加快燃煤锅炉关停整治" in md
    again = report_from_dict(report.to_dict())
    assert to_markdown(again) == md


def test_history_add_list_get_delete(report, tmp_path):
    h = History(tmp_path / "h.sqlite3")
    i = h.add(report)
    assert [e.id for e in h.list()] == [i] and h.list()[0].verdict == "conflict"
    assert h.get(i)["proposal"] == PROPOSAL
    h.delete(i)
    assert h.list() == []
    with pytest.raises(PolicyError, match="没有编号"):
        h.get(i)
    con = sqlite3.connect(tmp_path / "h.sqlite3")
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_history_failed_write_leaves_no_half_record(report, tmp_path):
    h = History(tmp_path / "h.sqlite3")
    bad = report_from_dict(report.to_dict())
    bad.title = None  # type: ignore[assignment]  # NOT NULL violated inside the transaction
    with pytest.raises(sqlite3.IntegrityError):
        h.add(bad)
    assert h.list() == []


def test_cli_check_writes_docx_and_history(tmp_path, monkeypatch):
    monkeypatch.setenv("SHANXI_POLICY_HISTORY_DB", str(tmp_path / "h.sqlite3"))
    out = tmp_path / "r.docx"
    r = CliRunner().invoke(main, ["check", "--text", PROPOSAL, "--docx", str(out), "--index", str(ROOT / "index")])
    assert r.exit_code == 0, r.output
    assert out.exists() and "总体结论：存在与政策冲突的内容（冲突" in r.output
    r = CliRunner().invoke(main, ["history", "list"])
    assert "年产100万吨焦化项目" in r.output
    check_id = r.output.split("\t")[0]
    md = tmp_path / "r.md"
    r = CliRunner().invoke(main, ["history", "export", check_id, "--md", str(md)])
    assert r.exit_code == 0 and "燃煤锅炉" in md.read_text(encoding="utf-8")
    shown = CliRunner().invoke(main, ["history", "show", check_id]).output  # as the check showed it, not JSON
    assert shown.startswith("项目：年产100万吨焦化项目") and "    项目材料：" in shown and "{" not in shown.split("\n")[0]
    assert '"verdict"' in CliRunner().invoke(main, ["history", "show", check_id, "--json"]).output
    r = CliRunner().invoke(main, ["history", "delete", check_id])
    assert r.exit_code == 0
    assert CliRunner().invoke(main, ["history", "show", check_id]).exit_code == 2


def test_cli_check_file_and_errors(tmp_path):
    f = tmp_path / "p.txt"
    f.write_text("建设200MW风电光伏基地，配套储能。", encoding="utf-8")
    idx = str(ROOT / "index")
    r = CliRunner().invoke(main, ["check", "--file", str(f), "--json", "--no-history", "--index", idx])
    assert r.exit_code == 0 and '"verdict": "supports"' in r.output
    r = CliRunner().invoke(main, ["check", "--index", idx])
    assert r.exit_code == 2
    (tmp_path / "e.txt").write_bytes(b"")
    r = CliRunner().invoke(main, ["check", "--file", str(tmp_path / "e.txt"), "--index", idx])
    assert r.exit_code == 2 and "文件为空" in r.output


def test_eval_check_reports(tmp_path):
    cases = tmp_path / "c.jsonl"
    cases.write_text("\n".join((DATA / "check_cases.jsonl").read_text(encoding="utf-8").splitlines()[:3]) + "\n",
                     encoding="utf-8")
    r = CliRunner().invoke(main, ["eval-check", str(cases), "--json", "--index", str(ROOT / "index")])
    assert r.exit_code == 0 and '"verdict_accuracy"' in r.output


def test_download_names_tell_reports_apart(report):
    name = report_file_name(report, ".docx")
    assert name.startswith("审查意见_年产100万吨焦化项目_") and name.endswith(".docx") and "/" not in name


@pytest.mark.parametrize("where, said", [("missing/r.docx", "不存在"), (".", "是一个文件夹")])
def test_an_output_path_that_cannot_be_written_is_refused_before_the_check(tmp_path, monkeypatch, where, said):
    monkeypatch.setenv("SHANXI_POLICY_HISTORY_DB", str(tmp_path / "h.sqlite3"))
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["check", "--text", PROPOSAL, "--docx", where, "--index", str(ROOT / "index")])
    assert r.exit_code == 2
    assert said in r.output and "Traceback" not in r.output
