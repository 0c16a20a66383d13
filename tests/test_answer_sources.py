"""A report about a document does not answer ahead of the document's own clause when both rank close."""

from __future__ import annotations

import pytest

from shanxi_policy.answer import extract


def test_the_document_leads_its_news_report(library_kb):
    ans = library_kb.ask("美丽山西建设的主要目标是什么？")
    assert ans.citations[0].doc_id == "meili_shanxi_shishi_yijian"
    assert ans.text.startswith("主要目标是")


def test_without_the_rule_the_report_leads(library_kb, monkeypatch):
    # The rule is what puts the document first: with the ratio out of reach the report's sentence answers.
    monkeypatch.setattr(extract, "SOURCE_RATIO", 2.0)
    ans = library_kb.ask("美丽山西建设的主要目标是什么？")
    assert ans.citations[0].doc_id != "meili_shanxi_shishi_yijian"


@pytest.mark.parametrize("question", ["山西累计排查历史遗留矿区多少家？"])
def test_facts_only_the_report_states_still_come_from_it(library_kb, question):
    ans = library_kb.ask(question)
    assert ans.found and ans.citations[0].doc_id == "shanxi_wanbao_2024_meili_shanxi"
