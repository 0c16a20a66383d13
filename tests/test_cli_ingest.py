"""`shanxi-policy ingest`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from shanxi_policy.cli import main

from .conftest import CORPUS


def test_ingest_json_shows_structure_targets_and_clean_news():
    result = CliRunner().invoke(main, ["ingest", str(CORPUS), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    docs = {d["doc_id"]: d for d in data["documents"]}
    policy = docs["meili_shanxi_shishi_yijian"]
    assert sum(c["kind"] == "clause" for c in policy["clauses"]) == 27
    assert sum(s["level"] == "part" for s in policy["sections"]) == 8
    assert {"year": 2030, "value": 18.0, "unit": "%"}.items() <= next(
        i for i in policy["indicators"] if i["name"] == "非化石能源占能源消费总量比重").items()
    news = docs["shanxi_wanbao_2024_meili_shanxi"]
    text = "".join(c["text"] for c in news["clauses"]) + "".join(s["title"] for s in news["sections"])
    assert "印发印发" not in text and "、、" not in text
    assert data["errors"] == []


def test_ingest_tree_text_output():
    result = CliRunner().invoke(main, ["ingest", str(CORPUS / "meili_shanxi_shishi_yijian.txt")])
    assert result.exit_code == 0
    assert "三、坚持全质加快改善，推动生态环境根本好转" in result.output
    assert "（八）持续改善空气质量  (c8," in result.output
    assert "2030年 非化石能源占能源消费总量比重 达到 18%" in result.output


def test_ingest_reports_bad_file_and_exit_code(tmp_path):
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-broken")
    (tmp_path / "ok.txt").write_text("一、总体要求\n\n（一）治污。加强治理。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path)])
    assert result.exit_code == 1
    assert "bad.pdf" in result.output and "1 个失败" in result.output and "（一）治污" in result.output
