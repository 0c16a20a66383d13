"""`shanxi-policy index/search/ask/eval` from the command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from shanxi_policy.cli import main

from .conftest import DATA, POLICY


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    ix = tmp_path_factory.mktemp("cli") / "index"
    r = CliRunner().invoke(main, ["index", str(POLICY), "--index", str(ix)])
    assert r.exit_code == 0 and "索引已建立" in r.output
    return ix


def test_search_json_has_api_fields(index_dir):
    r = CliRunner().invoke(main, ["search", "森林覆盖率", "--k", "2", "--json", "--index", str(index_dir)])
    assert r.exit_code == 0
    hits = json.loads(r.output)
    assert len(hits) == 2 and hits[0]["clause_id"].endswith(":c16") and hits[0]["path"]


def test_ask_text_and_json(index_dir):
    r = CliRunner().invoke(main, ["ask", "到2030年非化石能源比重要达到多少？", "--index", str(index_dir)])
    assert r.exit_code == 0 and "18%" in r.output and "出处" in r.output and "（四）" in r.output
    r = CliRunner().invoke(main, ["ask", "养老金每月能领多少钱？", "--json", "--index", str(index_dir)])
    d = json.loads(r.output)
    assert d["found"] is False and d["message"] == "未在政策文件中找到相关规定"


@pytest.mark.parametrize("question", ["", "问" * 2001])
def test_bad_question_exit_code_2(index_dir, question):
    r = CliRunner().invoke(main, ["ask", question, "--index", str(index_dir)])
    assert r.exit_code == 2 and "错误" in r.output


def test_missing_index_exit_code_2(tmp_path):
    r = CliRunner().invoke(main, ["search", "森林", "--index", str(tmp_path / "nope")])
    assert r.exit_code == 2 and "不存在" in r.output


def test_eval_reports_metrics(index_dir, tmp_path):
    gold = tmp_path / "g.jsonl"
    lines = [line for line in (DATA / "gold_corpus_qa.jsonl").read_text(encoding="utf-8").splitlines()][:5]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["eval", str(gold), "--modes", "hybrid,bm25", "--json", "--index", str(index_dir)])
    assert r.exit_code == 0
    reports = json.loads(r.output)
    assert [x["mode"] for x in reports] == ["hybrid", "bm25"] and reports[0]["recall_at_5"] == 1.0
