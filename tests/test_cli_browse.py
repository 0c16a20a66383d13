"""Browsing from the command line: documents, targets, and search filters that name no document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from shanxi_policy.cli import main

INDEX = str(Path(__file__).resolve().parents[1] / "index")


def _run(*args: str):
    return CliRunner().invoke(main, [*args, "--index", INDEX])


@pytest.mark.parametrize(("query", "abbrev", "title"), [("扬尘", "大气法", "大气污染防治法"),
                                                         ("环境影响报告书", "环评法", "环境影响评价法")])
def test_search_doc_takes_an_abbreviation(query, abbrev, title):
    r = _run("search", query, "--doc", abbrev, "--k", "1", "--json")
    assert r.exit_code == 0, r.output
    assert title in json.loads(r.output)[0]["doc_title"]


@pytest.mark.parametrize(("option", "value", "message"), [("--doc", "森林法", "没有与“森林法”对应的文档"),
                                                           ("--type", "法规", "没有“法规”这种文件类型")])
def test_a_filter_that_matches_nothing_is_said(option, value, message):
    r = _run("search", "扬尘", option, value)
    assert r.exit_code != 0 and message in r.output


def test_documents_lists_the_library_by_type():
    r = _run("documents", "--type", "行政法规", "--json")
    rows = json.loads(r.output)
    assert rows and all(x["doc_type"] == "行政法规" for x in rows)
    assert any(x["title"] == "排污许可管理条例" for x in rows)
    # a news report has no legal force: the list says so, as the app does
    news = json.loads(_run("documents", "--type", "新闻报道", "--json").output)
    assert news and all(x["validity"].startswith("不适用") for x in news)


def test_targets_table_by_year():
    r = _run("targets", "--year", "2030")
    assert r.exit_code == 0 and "非化石能源" in r.output and "18%" in r.output
    assert all(line.startswith("2030年") for line in r.output.strip().splitlines())
