"""Follow-ups on a question that names a document: the subject after the name changes, the name stays."""

from __future__ import annotations

import pytest

from shanxi_policy.answer.followup import resolve


@pytest.fixture(scope="module")
def library_kb():
    import shanxi_policy as sp

    from .conftest import ROOT

    if not (ROOT / "index" / "manifest.json").exists():
        pytest.skip("needs the committed index")
    return sp.load_index(ROOT / "index")


@pytest.mark.parametrize(
    ("first", "second", "resolved"),
    [
        ("大气污染防治法对扬尘有什么规定？", "那噪声呢？", "大气污染防治法对噪声有什么规定？"),
        ("固体废物污染环境防治法对生活垃圾分类有什么规定？", "建筑垃圾呢？", "固体废物污染环境防治法对建筑垃圾分类有什么规定？"),
    ],
)
def test_document_name_is_kept_when_the_subject_changes(library_kb, first, second, resolved):
    assert resolve(second, [first], library_kb.term_idf, library_kb.documents) == resolved


def test_question_word_is_never_the_topic(library_kb):
    out = resolve("那运送呢？", ["医疗废物暂时贮存的时间不得超过多久？"], library_kb.term_idf, library_kb.documents)
    assert out.endswith("多久？") and "运送" in out


def test_single_sentence_clause_answers_with_its_sentence_not_its_title(library_kb):
    ans = library_kb.ask("评估考核怎么开展？")
    assert ans.found
    texts = [ans.text, *(i.text for i in ans.items)]
    assert any("考核结果作为领导班子" in t for t in texts)


@pytest.mark.parametrize(
    ("first", "second", "resolved"),
    [
        ("医疗废物发生泄漏扩散，医院要做什么？", "卫生和环保部门要怎么办？", "医疗废物发生泄漏扩散，卫生和环保部门要怎么办？"),
        ("发生重污染天气时，政府要做什么？", "那企业该怎么做？", "发生重污染天气时，企业该怎么做？"),
        ("排污许可证有效期多长？", "建设单位要怎么办？", "建设单位要怎么办？"),  # no situation to carry
    ],
)
def test_another_party_in_the_same_situation(first, second, resolved):
    assert resolve(second, [first]) == resolved


@pytest.mark.parametrize(("first", "second", "resolved"), [
    # a penalty asked of another act, in the follow-up's own words: the earlier topic when it is not named
    ("危险废物在厂内最长可以贮存多久？", "那超期贮存怎么处罚？", "危险废物超期贮存怎么处罚？"),
    ("汽车维修厂有喷漆房，排污许可是重点管理、简化管理还是登记管理？", "那没有取得排污许可证就排污，罚款多少？",
     "没有取得排污许可证就排污，罚款多少？"),
    # another act asked the same yes-or-no way
    ("养殖场的鸡粪、猪粪能不能直接拉到地里还田？", "那直接排到村边沟里呢？", "养殖场的鸡粪、猪粪能不能直接排到村边沟里？"),
    # an act done without what the law asks: what follows from it
    ("存栏10万羽的蛋鸡养殖场应该编环评报告书还是报告表？", "那没做环评就开工建设呢？", "没做环评就开工建设，如何处罚？"),
    # a question of its own after 那: its own asking word and a noun the earlier question lacks
    ("什么情况下应重新申请排污许可证？", "那排污许可证的有效期是多长？", "排污许可证的有效期是多长？"),
    # ... but not when the earlier question set a year the follow-up would lose, nor after 换成
    ("到2027年各设区市细颗粒物平均浓度要达到什么水平？", "那2035年呢？", "到2035年各设区市细颗粒物平均浓度要达到什么水平？"),
])
def test_a_follow_up_on_another_act(library_kb, first, second, resolved):
    assert resolve(second, [first], library_kb.term_idf, library_kb.documents) == resolved
