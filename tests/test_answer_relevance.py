"""Which clause leads an answer and how its sources are numbered: a clause that uses the question's rarest
term comes before one on a wider subject, sources are numbered in the order the answer cites them, and a
one-sentence answer about a different object says that the documents name nothing on the one asked about."""

from __future__ import annotations

from shanxi_policy.answer.structured import held_key, renumber
from shanxi_policy.models import AnswerItem, Hit


def _hit(cid: str, path: tuple[str, ...], text: str) -> Hit:
    return Hit("d", "文件", f"d:{cid}", path, text, 1.0, "hybrid")


WIDE = _hit("c10", ("（十）加力推进土壤地下水污染防治",), "实施土壤污染重点监管单位周边土壤和地下水环境监测。")
NARROW = _hit("a36", ("第三十六条",), "在地下水超采地区，县级以上地方人民政府应当采取措施，严格控制开采地下水。")


class _Rarity:
    """Term rarities as a library would give them: 超采 is rarer than 地下水."""

    def term_idf(self, term: str) -> float:
        return {"超采": 6.0, "地下水": 3.8}.get(term, 8.0)


def test_key_is_the_rarest_term_some_clauses_lack():
    kb = _Rarity()
    assert held_key("地下水超采区有什么规定？", [WIDE, NARROW], kb) == "超采"  # type: ignore[arg-type]
    # Every clause uses it: it separates nothing.
    assert held_key("地下水超采区有什么规定？", [NARROW], kb) == ""  # type: ignore[arg-type]
    # A frame word of the question (举措) is never the key.
    assert held_key("节地方面有哪些举措？", [_hit("s9", ("六大举措",), "打好攻坚战。"), NARROW], kb) == ""  # type: ignore[arg-type]


def test_sources_are_numbered_in_the_order_items_cite_them():
    a, b, c = _hit("a1", (), "甲。"), _hit("a2", (), "乙。"), _hit("a3", (), "丙。")
    items = [AnswerItem("丙。", 3), AnswerItem("甲。", 1), AnswerItem("丙。", 3)]
    cites, mapping = renumber(items, [a, b, c])
    assert [h.clause_id for h in cites] == ["d:a3", "d:a1", "d:a2"]
    assert [i.cite for i in items] == [1, 2, 1]
    assert mapping == {3: 1, 1: 2, 2: 3}


def test_clause_with_the_question_term_leads_the_open_answer(library_kb):
    ans = library_kb.ask("山西省地下水超采区有什么规定？")
    assert ans.found and ans.items
    assert "超采" in ans.items[0].text
    # No item of the clause on 土壤地下水污染防治 (it never speaks of 超采) precedes or replaces the articles.
    assert not any("受污染耕地" in i.text for i in ans.items)


def test_printed_numbers_follow_the_item_order(library_kb):
    for q in ("山西省地下水超采区有什么规定？", "建筑垃圾污染环境防治有哪些要求？"):
        ans = library_kb.ask(q)
        seen: list[int] = []
        for i in ans.items:
            if i.cite not in seen:
                seen.append(i.cite)
        assert seen == list(range(1, len(seen) + 1))


def test_whole_clause_still_answers_when_its_title_is_the_subject(library_kb):
    ans = library_kb.ask("山西省要如何推进碳达峰碳中和？")
    assert len(ans.items) >= 5
    assert any("碳排放权交易" in i.text for i in ans.items)


def test_sentence_on_another_object_says_the_object_is_not_named(library_kb):
    ans = library_kb.ask("焦化企业可以建在黄河干流岸线多远以内？")
    assert ans.found and "焦化" not in ans.text
    # said plainly; a clause that mentions 焦化 elsewhere (清洁生产) is pointed to, not denied
    assert "没有提到“焦化”" in ans.note


def test_sentence_with_the_object_carries_no_such_note(library_kb):
    ans = library_kb.ask("禁止在黄河干流岸线管控范围内新建什么？")
    assert ans.found and "未找到" not in ans.note
