"""Open answers read the structure of the text: headed blocks, inline headings, lists a sentence introduces."""

from __future__ import annotations

from shanxi_policy.answer.structured import (
    heading_blocks,
    inline_headed,
    introduced_list,
    matched_blocks,
    with_blocks,
)
from shanxi_policy.models import Answer, Hit

PASSAGE = (
    "今年以来，全省水质持续改善。为巩固成果，将从三个方面推进。\n"
    "强化刚性约束。落实生态流量下泄措施。\n"
    "建立生态流量落实保障机制，科学调配水资源，推动生态流量得到有力保障。严控无序取水。\n"
    "深化综合治理。加快管网改造。\n"
    "严格监测监管。开展专项行动。"
)


def _hit(text: str, path: tuple[str, ...] = ("治水",), title: str = "某市治水报道") -> Hit:
    return Hit("d", title, "d:c1", path, text, 1.0, "hybrid")


def test_heading_blocks_run_to_the_next_heading_paragraph():
    blocks = heading_blocks(PASSAGE)
    assert [h for h, _b in blocks] == ["强化刚性约束。", "深化综合治理。", "严格监测监管。"]
    # The paragraph with a long first sentence belongs to the block above it.
    assert blocks[0][1] == ["落实生态流量下泄措施。", "建立生态流量落实保障机制，科学调配水资源，推动生态流量得到有力保障。",
                            "严控无序取水。"]


def test_no_blocks_in_running_text_or_with_one_heading():
    assert heading_blocks("（八）持续改善空气质量。加强噪声污染防治。推进清洁取暖。") == []
    assert heading_blocks("引言一句。\n强化刚性约束。落实措施。") == []


def test_the_block_the_question_names_is_given_whole():
    hit = _hit(PASSAGE)
    assert matched_blocks("刚性约束怎么强化？", hit) == [
        "强化刚性约束。", "落实生态流量下泄措施。", "建立生态流量落实保障机制，科学调配水资源，推动生态流量得到有力保障。",
        "严控无序取水。"]
    assert matched_blocks("如何开展植树造林？", hit) == []


def test_a_heading_picked_brings_its_block():
    assert with_blocks(PASSAGE, ["深化综合治理。"]) == ["深化综合治理。", "加快管网改造。"]
    assert with_blocks(PASSAGE, ["加快管网改造。"]) == ["加快管网改造。"]


def test_inline_heading_names_the_subject_beyond_the_document_title():
    text = ("（九）巩固提升水生态环境质量。强化水资源保护，推进水源地规范化建设。"
            "强化水污染防治，持续开展入河排污口排查整治。实施水生态修复。")
    hit = _hit(text, ("（九）巩固提升水生态环境质量",), "关于全面推进美丽山西建设的实施意见")
    assert inline_headed("美丽山西建设中强化水污染防治有哪些措施？", hit) == [
        "强化水污染防治，持续开展入河排污口排查整治。"]
    assert inline_headed("如何保护生物多样性？", hit) == []


def test_a_sentence_introducing_a_list_is_answered_with_the_list():
    text = "第十条 凡具有下列条件之一的，应当建立保护区：\n（一）典型区域；\n（二）珍稀物种分布区域；\n（三）其他区域。"
    hit = _hit(text, ("第十条",), "保护区条例")
    base = Answer(True, "第十条 凡具有下列条件之一的，应当建立保护区：", [hit], "什么区域应当建立保护区？", "", 1.0)
    ans = introduced_list(base)
    assert ans.type == "list"
    assert [i.text for i in ans.items] == ["（一）典型区域；", "（二）珍稀物种分布区域；", "（三）其他区域。"]
    assert ans.text.startswith("第十条")
    plain = Answer(True, "第十条 应当建立保护区。", [hit], "q", "", 1.0)
    assert introduced_list(plain) is plain


def test_factoid_wording_over_an_enumerating_article_lists_its_items(library_kb):
    ans = library_kb.ask("医疗废物集中处置单位应当符合什么条件？")
    assert ans.type == "list" and len(ans.items) == 4
    assert "经过培训的技术人员" in ans.items[1].text


def test_news_passage_block_named_by_the_question(library_kb):
    ans = library_kb.ask("清洁取暖改造和机动车新能源化怎么推进？")
    texts = [i.text for i in ans.items]
    assert "持续推进清洁取暖改造和机动车新能源化。" in texts
    assert any("散煤替代工程" in t for t in texts)


def test_duties_of_the_named_actor_come_from_every_article_binding_it(library_kb):
    ans = library_kb.ask("医疗卫生机构在医疗废物管理方面有哪些义务？")
    assert ans.type == "list"
    cited = {ans.citations[i.cite - 1].clause_id for i in ans.items}
    # 第七条 (with the disposal units), 第十六、十七条 (its own) all bind 医疗卫生机构.
    assert {"医疗废物管理条例:a7", "医疗废物管理条例:a16", "医疗废物管理条例:a17"} <= cited
    assert len(cited) >= 6
    assert all(c.startswith("医疗废物管理条例:") for c in cited)


def test_duty_answer_only_for_questions_asking_for_duties(library_kb):
    from shanxi_policy.answer.extract import answer_question
    from shanxi_policy.answer.structured import duty_answer

    q = "医疗卫生机构在医疗废物管理方面有哪些要求？"
    assert duty_answer(library_kb, q, answer_question(library_kb, q)) is None
