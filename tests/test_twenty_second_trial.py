"""Findings of the twenty-second user trial (a county office preparing answers for meetings and callers: policy
measures, lay questions on the laws, figures, the documents themselves, questions the library cannot answer, and
two-turn conversations), each a general case."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


@pytest.mark.parametrize(("question", "law"), [
    # a matter another law governs is said to be outside the library, not answered by the closest clause of another
    ("抓野鸡、捕鸟拿去卖犯法吗？", "野生动物保护法"),
    ("农村宅基地审批要走什么手续？", "土地管理法"),
    ("煤矿出了安全事故，矿长要负什么责任？", "安全生产法"),
    # the caution that the closest clause misses the word (砍树) gives way to naming the governing law
    ("农民在自家承包的林地里砍树，要不要办采伐许可证？", "森林法"),
])
def test_a_matter_of_a_law_the_library_lacks_is_refused(library_kb, question, law):
    ans = library_kb.ask(question)
    assert not ans.found
    assert f"《{law}》" in ans.text


def test_a_penalty_follow_up_gets_the_paragraph_on_the_act(library_kb):
    # 第九十一条 punishes building in the zone (10–50万) in its list and swimming or fishing (500元) in its second
    # paragraph: the rule just shown is the one on swimming, so is its penalty
    ans = library_kb.ask("违反了怎么罚？", history=["饮用水水源一级保护区里能不能游泳钓鱼？"])
    assert ans.citations[0].clause_id == "水污染防治法:a91"
    assert "五百元以下" in ans.shown_text()
    assert "十万元以上五十万元以下" not in ans.shown_text()


@pytest.mark.parametrize("question", ["养猪场的粪水能不能直接排到沟里？", "养殖场的粪污能不能直接排放？"])
def test_whether_an_act_is_allowed_is_answered_by_the_ban_on_that_act(library_kb, question):
    # 第十三条 (facilities; "…不得投入生产") shares more words; 第二十条 forbids the act asked about
    ans = library_kb.ask(question)
    assert ans.citations[0].clause_id == "畜禽规模养殖污染防治条例:a20"
    assert "不得直接向环境排放" in ans.text
    fine = library_kb.ask("罚款多少？", history=[question])
    assert fine.citations[0].clause_id == "畜禽规模养殖污染防治条例:a41"


def test_policy_measures_are_given_from_the_policy_not_the_news_about_it(library_kb):
    ans = library_kb.ask("美丽山西建设里，空气质量要怎么改善？有哪些措施？")
    assert ans.citations[0].clause_id == "meili_shanxi_shishi_yijian:c8"
    assert ans.items and ans.citations[ans.items[0].cite - 1].clause_id == "meili_shanxi_shishi_yijian:c8"


@pytest.mark.parametrize(("earlier", "question", "resolved"), [
    # "能不能…" opening the question: the act is what follows it, whole ("能不在地里…" had been left)
    ("能不能在地里露天烧秸秆？", "违反了怎么罚？", "在地里露天烧秸秆，违反了怎么罚？"),
    # a question of its own (怎么办) on the earlier subject, not 到期了 swapped into "…有效期多久"
    ("排污许可证有效期多久？", "到期了怎么办？", "排污许可证有效期，到期了怎么办？"),
])
def test_follow_up_rewrites(library_kb, earlier, question, resolved):
    assert resolve(question, [earlier], library_kb.term_idf, library_kb.documents) == resolved


def test_a_later_question_the_listed_sentence_answers_points_back(library_kb):
    # "考核结果作为…重要参考" is in （二十七） listed for the first question; 环境保护法 第二十六条 on 考核 answered nothing asked
    ans = library_kb.ask("美丽山西建设怎么考核？考核结果怎么用？")
    cited = {ans.citations[i.cite - 1].doc_id for i in ans.items}
    assert "环境保护法" not in cited
    assert "“考核结果怎么用”见上文[1]" in ans.note


def test_building_before_approval_asked_plainly_is_a_penalty_question(library_kb):
    # "没做环评就先开工了，怎么处理？": the penalty, not the duty "不得开工建设" alone
    ans = library_kb.ask("厂子没做环评就先开工了，怎么处理？")
    assert "责令停止建设" in ans.shown_text()


def test_sources_of_a_list_are_not_quoted_again_under_it(library_kb):
    from shanxi_policy.answer.render import citation_lines

    ans = library_kb.ask("固体废物治理有哪些措施？")
    assert ans.items
    lines = citation_lines(ans, limit=3)
    first = ans.items[0].text
    assert not any(first[:20] in line for line in lines)  # the items' words are listed once, above
    assert any(line.startswith("[1]") for line in lines)


def test_a_source_the_note_points_to_is_listed(library_kb):
    from shanxi_policy.answer.render import citation_lines
    from shanxi_policy.models import Answer

    ans = library_kb.ask("固体废物治理有哪些措施？")
    noted = Answer(True, ans.text, ans.citations, ans.question, "", 1.0, note="[5]提到了“固废”，请核对。")
    assert any(line.startswith("[5]") for line in citation_lines(noted, limit=3))


def test_a_callers_recourse_question_gets_the_rule_and_its_penalty(library_kb):
    # "能不能管？" wants to know that the conduct breaks a rule and what follows: the rule, then the article punishing it
    ans = library_kb.ask("小区门口广场舞音响开得老大，能不能管？")
    shown = [ans.citations[i.cite - 1].clause_id for i in ans.items]
    assert shown[0] == "噪声污染防治法:a64" and "噪声污染防治法:a82" in shown
    assert "罚款" in ans.shown_text()
