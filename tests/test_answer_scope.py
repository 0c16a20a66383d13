"""Which texts an answer is drawn from: a document named by its genre (and the reports quoting it), the
article next to a chosen one that continues its provision, the articles binding an actor named in a
condition, and the section a question names."""

from __future__ import annotations

from shanxi_policy.answer.metadata import named_document, reports_on


def test_genre_names_the_one_document_of_that_genre(library_kb):
    assert named_document("实施意见对噪声污染有什么要求？", library_kb.documents) == "meili_shanxi_shishi_yijian"


def test_named_document_is_searched_with_the_reports_quoting_it(library_kb):
    assert reports_on("meili_shanxi_shishi_yijian", library_kb.documents) == ["shanxi_wanbao_2024_meili_shanxi"]
    # A law cited by other laws has no report on it.
    assert reports_on("水污染防治法", library_kb.documents) == []
    ans = library_kb.ask("实施意见对噪声污染有什么要求？")
    assert ans.found and "加强噪声污染防治" in ans.text
    assert {h.doc_id for h in ans.citations} <= {"meili_shanxi_shishi_yijian", "shanxi_wanbao_2024_meili_shanxi"}


def test_next_article_on_the_same_subject_joins(library_kb):
    ans = library_kb.ask("建筑垃圾污染环境防治有哪些要求？")
    cited = {ans.citations[i.cite - 1].clause_id.rsplit(":", 1)[1] for i in ans.items}
    assert {"a60", "a61", "a62"} <= cited
    assert any("建筑垃圾回收利用体系" in i.text for i in ans.items)


def test_duties_stated_under_a_condition_bind_the_party_it_opens_with(library_kb):
    ans = library_kb.ask("产生工业固体废物的单位应当履行哪些义务？")
    text = "\n".join(i.text for i in ans.items)
    for phrase in ("建立工业固体废物管理台账", "对受托方的主体资格和技术能力进行核实", "安全分类存放"):
        assert phrase in text


def test_section_named_by_the_question_gives_its_clause_titles(library_kb):
    ans = library_kb.ask("守牢美丽山西建设安全底线包括哪几个方面？")
    assert ans.type == "parts"
    assert [i.text for i in ans.items] == ["（十二）严密防控环境风险", "（十三）有效应对气候变化不利影响和风险",
                                          "（十四）强化生物安全管理"]


def test_duties_over_the_limit_keep_the_retrieved_articles(library_kb, monkeypatch):
    from shanxi_policy.answer import structured
    from shanxi_policy.answer.extract import answer_question

    q = "产生工业固体废物的单位应当履行哪些义务？"
    base = answer_question(library_kb, q)
    monkeypatch.setattr(structured, "MAX_DUTY_CLAUSES", 2)
    ans = structured.duty_answer(library_kb, q, base)
    assert ans is not None
    kept = {ans.citations[i.cite - 1].clause_id for i in ans.items}
    # The two best-ranked binding articles stay (第三十七、四十一条), not the first two of the law (第三十六、三十七条).
    assert kept == {h.clause_id for h in base.citations[:2]}
    assert "固体废物污染环境防治法:a36" not in kept
