"""The answer sentence comes from the clause retrieval ranked best unless a lower clause's sentence is
clearly better: a shared year, verb and number do not pull the answer to a clause ranked far below."""

from __future__ import annotations


def test_year_follow_up_keeps_the_subject_in_the_full_library(library_kb):
    ans = library_kb.ask("那2035年呢？", history=["到2027年各设区市细颗粒物平均浓度要达到什么水平？"])
    assert ans.found and "六项大气污染物指标" in ans.text, ans.text
    assert "铁路货运" not in ans.text


def test_a_number_question_still_gets_its_number(library_kb):
    ans = library_kb.ask("排污许可证有效期几年？")
    assert ans.found and "5年" in ans.text


def test_a_list_item_is_shown_with_its_lead():
    # "(一)…" alone names a violation; the penalty is in the lead that introduces the list.
    text = ("第三十三条 违反本条例规定，排污单位有下列行为之一的，处20万元以上100万元以下的罚款；情节严重的，责令停业、关闭：\n"
            "(一)未取得排污许可证排放污染物；\n(二)排污许可证有效期届满未申请延续排放污染物。")
    from shanxi_policy.answer.extract import item_lead
    from shanxi_policy.index.units import sentences

    leads = [item_lead(text, s) for s, _ in sentences(text)]
    assert leads[0] == leads[1] == ""
    assert leads[2] == leads[3] == text.split("\n")[0]
    assert item_lead("（一）不在行首的标号：\n说明文字", 0) == ""


def test_the_penalty_of_a_listed_violation_is_answered(library_kb):
    ans = library_kb.ask("未取得排污许可证排放污染物要罚多少钱？")
    assert "未取得排污许可证排放污染物" in ans.text and "万元" in ans.text and "罚款" in ans.text


def test_a_question_the_text_asks_itself_is_answered_by_what_follows(tmp_path):
    # 问答 pages: the sentence matching the question is the text's own question; its answer follows it.
    import shanxi_policy as sp
    from tests.hash_embedder import HashEmbedder

    d = tmp_path / "docs"
    d.mkdir()
    (d / "问答.txt").write_text(
        "疫情防控常见问题解答\n一、和患者在潜伏期共用洗衣机会感染吗？\n目前调查提示潜伏期具有传染性的可能性。"
        "建议衣物分开清洗并消毒。\n二、口罩可以重复使用吗？\n一次性口罩不建议重复使用。\n", encoding="utf-8")
    kb = sp.build_index([d], tmp_path / "index", embedder=HashEmbedder())
    ans = kb.ask("和患者在潜伏期共用洗衣机会感染吗？")
    assert ans.found and "潜伏期具有传染性的可能性" in ans.text and "分开清洗" in ans.text
    assert "口罩" not in ans.text  # the answer stops at the next question
