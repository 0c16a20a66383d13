"""Norm extraction (shanxi_policy/norms): modalities, lists, exceptions, storage with the index, UI table."""

from __future__ import annotations

import json
import shutil

import pytest

from shanxi_policy.errors import IndexStateError, PolicyError
from shanxi_policy.models import Clause
from shanxi_policy.norms.extract import extract_clause_norms, extract_norms
from shanxi_policy.norms.model import Norm
from shanxi_policy.norms.store import NORMS_FILE, NormTable, read_norms
from tests.hash_embedder import HashEmbedder

from .conftest import POLICY


def _article(text: str, cid: str = "law:a1") -> Clause:
    return Clause(clause_id=cid, doc_id="law", path=("第一条",), text=text, start=0, end=len(text), kind="article")


def _norms(text: str) -> list[Norm]:
    ns = extract_clause_norms(_article(text))
    for n in ns:
        assert n.quote and n.quote in text, n  # every quote is verbatim
    return ns


# 畜禽规模养殖污染防治条例 第十一条 and 水污染防治法 第八十三条, as published.
LIVESTOCK_11 = """第十一条 禁止在下列区域内建设畜禽养殖场、养殖小区：
(一)饮用水水源保护区，风景名胜区；
(二)自然保护区的核心区和缓冲区；
(三)城镇居民区、文化教育科学研究区等人口集中区域；
(四)法律、法规规定的其他禁止养殖区域。"""

WATER_83 = (
    "第八十三条 违反本法规定，有下列行为之一的，由县级以上人民政府环境保护主管部门责令改正或者责令限制生产、停产整治，"
    "并处十万元以上一百万元以下的罚款；情节严重的，报经有批准权的人民政府批准，责令停业、关闭:\n"
    "（一）未依法取得排污许可证排放水污染物的；\n"
    "（二）超过水污染物排放标准或者超过重点水污染物排放总量控制指标排放水污染物的；\n"
    "（三）利用渗井、渗坑、裂隙、溶洞，私设暗管，篡改、伪造监测数据，或者不正常运行水污染防治设施等逃避监管的方式排放水污染物的；\n"
    "（四）未按照规定进行预处理，向污水集中处理设施排放不符合处理工艺要求的工业废水的。"
)

BEHAVIOUR_LIST = """第二十条 禁止任何单位和个人从事下列活动：
（一）向水体排放油类、酸液、碱液；
（二）在水体清洗装贮过油类的车辆和容器；
（三）使用国家明令淘汰的工艺和设备。"""


def test_place_list_gives_one_prohibition_per_item():
    ns = _norms(LIVESTOCK_11)
    assert [n.item for n in ns] == ["(一)", "(二)", "(三)", "(四)"]
    assert {n.modality for n in ns} == {"prohibition"}
    assert ns[1].scope == "自然保护区的核心区和缓冲区"
    assert ns[1].action == "在自然保护区的核心区和缓冲区内建设畜禽养殖场、养殖小区"
    assert all("下列" not in n.scope for n in ns)


def test_behaviour_list_items_keep_list_modality():
    ns = _norms(BEHAVIOUR_LIST)
    assert len(ns) == 3
    # Item (三) holds 淘汰 (a restriction word) but stays under the list's 禁止.
    assert [n.modality for n in ns] == ["prohibition"] * 3
    assert ns[0].action == "向水体排放油类、酸液、碱液"
    assert ns[2].quote == "使用国家明令淘汰的工艺和设备"


def test_penalty_list_is_marked_and_failures_become_obligations():
    ns = _norms(WATER_83)
    assert len(ns) == 4 and {n.kind for n in ns} == {"penalty"}
    assert ns[0].modality == "obligation" and ns[0].action == "依法取得排污许可证排放水污染物"
    assert ns[1].modality == "prohibition"
    assert ns[3].action.startswith("按照规定进行预处理")


@pytest.mark.parametrize(("text", "modality", "trigger"), [
    ("第一条 在饮用水水源保护区内，禁止设置排污口。", "prohibition", "禁止"),
    ("第一条 严禁在自然保护区内开矿。", "prohibition", "严禁"),
    ("第一条 改建建设项目，不得增加排污量。", "prohibition", "不得"),
    ("第一条 施工单位不准在夜间进行产生噪声的作业。", "prohibition", "不准"),
    ("第一条 任何单位和个人不得在城市人民政府禁止的时段和区域内燃放烟花爆竹。", "prohibition", "不得"),
    ("第一条 严格限制在生态保护红线内实施航道整治工程。", "restriction", "严格限制"),
    ("第一条 国家对严重污染水环境的落后工艺和设备实行淘汰制度。", "restriction", "实行"),
    ("第一条 遏制高耗能、高排放项目盲目发展。", "restriction", "遏制"),
    ("第一条 严控新增钢铁产能。", "restriction", "严控"),
    ("第一条 严格控制化肥、农药使用量。", "restriction", "严格控制"),
    ("第一条 建设单位应当在开工建设前报批环境影响报告书。", "obligation", "应当"),
    ("第一条 排污单位必须依法取得排污许可证。", "obligation", "必须"),
    ("第一条 进入保护区的人员须遵守保护区的各项管理制度。", "obligation", "须"),
    ("第一条 国家实行排污许可管理制度。", "obligation", "实行"),
    ("第一条 城镇新建建筑执行绿色建筑标准。", "obligation", "执行"),
    ("第一条 国家鼓励畜禽养殖废弃物的综合利用。", "encouragement", "鼓励"),
    ("第一条 国家支持建设污水集中处理设施。", "encouragement", "支持"),
    ("第一条 推广测土配方施肥技术。", "encouragement", "推广"),
    ("第一条 各级人民政府应当优先保护饮用水水源。", "encouragement", "应当优先"),
    ("第一条 推进城镇污水管网全覆盖。", "encouragement", "推进"),
])
def test_modality_of_each_trigger(text, modality, trigger):
    ns = _norms(text)
    assert len(ns) == 1, ns
    assert (ns[0].modality, ns[0].trigger) == (modality, trigger)


@pytest.mark.parametrize("text", [
    "第一条 为了保护和改善环境，推进生态文明建设，制定本法。",  # purpose
    "第二条 本法所称固体废物，是指在生产、生活和其他活动中产生的丧失原有利用价值的物品。",  # definition
    "第三条 国务院和省级人民政府可以规定在饮用水水源保护区内，采取禁止或者限制使用含磷洗涤剂等措施。",  # power
    "第四条 科学划定禁止航行区域和限制航行区域。",  # trigger words inside a noun
    "第五条 列入国家限制进口目录的固体废物，按照国家有关规定执行。",
    "第六条 国务院生态环境主管部门负责全国的监督管理工作。",  # competence
])
def test_no_binding_norm(text):
    assert _norms(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("第一条 禁止在饮用水水源一级保护区内新建与供水设施和保护水源无关的建设项目。", "与供水设施和保护水源无关的"),
    ("第一条 除国家另有规定外，禁止在河道管理范围内建设妨碍行洪的建筑物。", "除国家另有规定外"),
    ("第一条 在噪声敏感建筑物集中区域，禁止夜间进行产生噪声的建筑施工作业，但是抢修、抢险施工作业除外。",
     "但是抢修、抢险施工作业除外"),
    ("第一条 未经批准，不得在自然保护区的缓冲区内开展旅游活动。", "未经批准"),
])
def test_exceptions_are_kept_apart_from_the_prohibition(text, expected):
    ns = _norms(text)
    assert len(ns) == 1 and ns[0].modality == "prohibition"
    assert expected in ns[0].exceptions


def test_conditions_and_subject():
    ns = _norms("第十三条 未建设污染防治配套设施、自行建设的配套设施不合格，或者未委托他人对畜禽养殖废弃物进行综合利用和"
                "无害化处理的，畜禽养殖场、养殖小区不得投入生产或者使用。")
    assert len(ns) == 1
    n = ns[0]
    assert (n.subject, n.subject_type, n.action) == ("畜禽养殖场、养殖小区", "operator", "投入生产或者使用")
    assert n.conditions.startswith("未建设污染防治配套设施") and n.conditions.endswith("处理的")


def test_power_then_duty_of_another_party():
    # 湿地保护法 第十一条: 有权 grants a right; the 机关 named after it still has a duty.
    ns = _norms("第十一条 任何单位和个人都有保护湿地的义务，对破坏湿地的行为有权举报或者控告，接到举报或者控告的机关应当"
                "及时处理，并依法保护举报人、控告人的合法权益。")
    assert len(ns) == 1
    assert (ns[0].subject, ns[0].subject_type) == ("接到举报或者控告的机关", "government")


def test_modal_inside_subject_is_not_a_norm():
    # 水污染防治法 第二十一条: the first 应当 sits inside the description of who is bound.
    ns = _norms("第二十一条 直接或者间接向水体排放工业废水和医疗污水以及其他按照规定应当取得排污许可证方可排放的废水、"
                "污水的企业事业单位和其他生产经营者，应当取得排污许可证；城镇污水集中处理设施的运营单位，也应当取得排污许可证。")
    assert [n.action for n in ns] == ["取得排污许可证", "取得排污许可证"]
    assert ns[0].subject.endswith("的企业事业单位和其他生产经营者")


def test_modal_inside_an_exception_or_a_condition_starts_no_norm():
    # 噪声污染防治法 第四十三条: 必须 sits inside the exception, then inside the condition of the duty that follows.
    ns = _norms("第四十三条 在噪声敏感建筑物集中区域，禁止夜间进行产生噪声的建筑施工作业，但抢修、抢险施工作业，因生产工艺"
                "要求或者其他特殊需要必须连续施工作业的除外。因特殊需要必须连续施工作业的，应当取得地方人民政府住房和城乡"
                "建设、生态环境主管部门或者地方人民政府指定的部门的证明，并在施工现场显著位置公示或者以其他方式公告附近居民。")
    assert [n.modality for n in ns] == ["prohibition", "obligation"]
    assert ns[0].exceptions.endswith("必须连续施工作业的除外") and ns[0].quote.endswith("除外")
    assert ns[1].conditions == "因特殊需要必须连续施工作业的" and ns[1].action.startswith("取得")


def test_one_article_several_norms():
    ns = _norms("第五十九条 船舶的残油、废油应当回收，禁止排入水体。\n禁止向水体倾倒船舶垃圾。")
    assert [n.modality for n in ns] == ["obligation", "prohibition", "prohibition"]
    assert [n.norm_id for n in ns] == ["law:a1#0", "law:a1#1", "law:a1#2"]


def test_later_modal_phrases_keep_the_head_of_the_sentence():
    # 大气污染防治法 第六十六条: the two 不得 speak of the additives, not of every emission.
    ns = _norms("第六十六条 发动机油、氮氧化物还原剂、燃料和润滑油添加剂以及其他添加剂的有害物质含量和其他大气环境保护指标，"
                "应当符合有关标准的要求，不得损害机动车船污染控制装置效果和耐久性，不得增加新的大气污染物排放。")
    assert [n.modality for n in ns] == ["obligation", "prohibition", "prohibition"]
    assert ns[0].conditions.startswith("发动机油") and ns[2].conditions == ns[0].conditions
    ns = _norms("第二条 排污单位应当按照规定安装监测设备，不得擅自拆除或者闲置。")
    assert ns[1].subject == ns[0].subject == "排污单位"
    # A phrase with a head of its own keeps it.
    ns = _norms("第三条 排污单位应当公开排放信息；在饮用水水源保护区内，禁止设置排污口。")
    assert ns[1].scope.startswith("在饮用水水源保护区内") and ns[1].subject == ""


def test_policy_clause_of_the_seed(policy_doc):
    c = policy_doc.clause("c3")
    ns = extract_clause_norms(c)
    by_action = {n.action: n for n in ns}
    assert by_action["高耗能、高排放、低水平项目盲目发展"].modality == "restriction"
    assert by_action["落后产能和化解过剩产能"].trigger == "淘汰"
    assert any(n.modality == "encouragement" and "绿色矿山建设" in n.action for n in ns)
    assert all("推动产业结构绿色低碳转型" not in n.quote for n in ns)  # the heading is not a norm
    assert all(n.quote in c.text for n in ns)


def test_every_norm_of_the_seed_is_well_formed(policy_doc):
    ns = extract_norms(policy_doc)
    assert len(ns) > 40
    assert len({n.norm_id for n in ns}) == len(ns)
    assert {"restriction", "obligation", "encouragement"} <= {n.modality for n in ns}
    assert all(n.clause_id.startswith("meili_shanxi_shishi_yijian:") and n.action for n in ns)


# ----- storage with the index -----------------------------------------------------------------------




@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from shanxi_policy.kb import build_index

    tmp = tmp_path_factory.mktemp("norms")
    (tmp / "corpus").mkdir()
    shutil.copy(POLICY, tmp / "corpus" / POLICY.name)
    (tmp / "corpus" / "条例.md").write_text("# 示范条例\n\n" + LIVESTOCK_11 + "\n\n" + BEHAVIOUR_LIST + "\n", encoding="utf-8")
    kb = build_index([tmp / "corpus"], tmp / "index", embedder=HashEmbedder())
    return tmp, kb


def test_norms_jsonl_written_and_loaded(built):
    from shanxi_policy.kb import KnowledgeBase

    tmp, kb = built
    rows = [json.loads(x) for x in (tmp / "index" / NORMS_FILE).read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(kb.norms()) > 40
    kb2 = KnowledgeBase.load(tmp / "index", embedder=HashEmbedder())
    assert [n.to_dict() for n in kb2.norms()] == [n.to_dict() for n in kb.norms()]
    assert kb2.norm_table().note == ""
    law = next(d for d in kb2.documents if d.doc_id != "meili_shanxi_shishi_yijian")
    per_doc = kb2.norms_for_document(law.doc_id)
    assert len(per_doc) == 7
    assert kb2.norms_for_clause(per_doc[0].clause_id)[0] == per_doc[0]


def test_norm_search_is_written_with_the_index(built, tmp_path):
    from shanxi_policy.kb import KnowledgeBase
    from shanxi_policy.retrieve.norm_search import NORM_BM25_DIR, check_source

    src, _ = built
    m = json.loads((src / "index" / "manifest.json").read_text(encoding="utf-8"))
    assert f"{NORM_BM25_DIR}/vocab.index.json" in m["files"]  # covered by the digests like every index file
    kb = KnowledgeBase.load(src / "index", embedder=HashEmbedder())
    stored = kb.norm_sparse()
    assert stored is not None and stored.size() == len(kb.norms())
    lib = check_source(kb)
    assert lib._sparse is stored  # loaded, not rebuilt at the first check
    want = [h.norm.norm_id for h in lib.search_norms(["饮用水水源保护区 建设畜禽养殖场"], k=5, dense=False)[0]]
    assert want
    # An index written before the norm BM25 existed: the search is built from the norms, same ranking.
    old = tmp_path / "old"
    shutil.copytree(src / "index", old)
    shutil.rmtree(old / NORM_BM25_DIR)
    m["files"] = {k: v for k, v in m["files"].items() if not k.startswith(NORM_BM25_DIR)}
    (old / "manifest.json").write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
    kb2 = KnowledgeBase.load(old, embedder=HashEmbedder())
    assert kb2.norm_sparse() is None
    got = check_source(kb2).search_norms(["饮用水水源保护区 建设畜禽养殖场"], k=5, dense=False)[0]
    assert [h.norm.norm_id for h in got] == want


def test_old_index_without_norms_is_handled(built, tmp_path):
    from shanxi_policy.kb import KnowledgeBase

    src, kb = built
    old = tmp_path / "old"
    shutil.copytree(src / "index", old)
    (old / NORMS_FILE).unlink()
    # An index built before norms existed lists no norms.jsonl among its file digests.
    m = json.loads((old / "manifest.json").read_text(encoding="utf-8"))
    m.get("files", {}).pop(NORMS_FILE, None)
    (old / "manifest.json").write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(IndexStateError, match="索引需要重建"):
        read_norms(old)
    kb2 = KnowledgeBase.load(old, embedder=HashEmbedder())
    assert len(kb2.norms()) == len(kb.norms())  # read from the documents instead
    assert "重建索引" in kb2.norm_table().note
    (old / NORMS_FILE).write_text("{not json\n", encoding="utf-8")
    with pytest.raises(IndexStateError, match="损坏"):
        NormTable.load(old, kb2.documents)


def test_cli_norms(built):
    from click.testing import CliRunner

    from shanxi_policy.cli import main

    tmp, _ = built
    r = CliRunner().invoke(main, ["norms", "示范条例", "--index", str(tmp / "index"), "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert len(data["norms"]) == 7 and data["norms"][0]["item"] == "(一)"
    r = CliRunner().invoke(main, ["norms", "meili_shanxi_shishi_yijian", "--index", str(tmp / "index"),
                                  "--modality", "restriction"])
    assert r.exit_code == 0 and "[限制]" in r.output and "[鼓励]" not in r.output
    r = CliRunner().invoke(main, ["norms", "不存在的文件", "--index", str(tmp / "index")])
    assert r.exit_code != 0 and "没有文档" in r.output
    # --doc, as search and targets spell it, names the same document.
    r = CliRunner().invoke(main, ["norms", "--doc", "示范条例", "--index", str(tmp / "index"), "--json"])
    assert r.exit_code == 0 and len(json.loads(r.output)["norms"]) == 7
    r = CliRunner().invoke(main, ["norms", "--index", str(tmp / "index")])
    assert r.exit_code != 0 and "请给出文档" in r.output


def test_eval_norms_rejects_bad_file(tmp_path):
    from shanxi_policy.norms.evaluate import load_labels

    p = tmp_path / "x.jsonl"
    p.write_text('{"id": "1"}\n', encoding="utf-8")
    with pytest.raises(PolicyError, match="缺少字段"):
        load_labels(p)


def test_eval_matching_is_one_to_one():
    from shanxi_policy.norms.evaluate import baseline_norms, score

    row = {"id": "x", "split": "dev", "law": "l", "article": "第二十条", "text": BEHAVIOUR_LIST,
           "norms": [{"modality": "prohibition", "action": a} for a in
                     ("向水体排放油类、酸液、碱液", "在水体清洗装贮过油类的车辆和容器", "使用国家明令淘汰的工艺和设备")]}
    from shanxi_policy.norms.evaluate import extractor

    full = score([row], extractor()).to_dict()
    base = score([row], baseline_norms).to_dict()
    assert full["recall"] == 1.0 and full["precision"] == 1.0
    assert base["recall"] < 1.0  # one norm per sentence cannot match three items


# ----- UI ------------------------------------------------------------------------------------------


def test_norms_table_html_is_escaped_and_linked():
    from shanxi_policy.app.norms_view import norms_table_html

    class _KB:
        def clause(self, cid):
            return None

    n = Norm("d:a1#0", "d:a1", "d", "prohibition", "禁止", "", "<script>alert(1)</script>", "", "", "[x](http://e)")
    html = norms_table_html(_KB(), [n])  # type: ignore[arg-type]
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="/browse?clause=d%3Aa1"' in html and ">禁止<" in html


def test_browse_shows_norms_table(built, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("SHANXI_POLICY_INDEX_DIR", str(built[0] / "index"))
    monkeypatch.setattr("shanxi_policy.kb.get_embedder", lambda backend, model="": HashEmbedder())

    def _browse():
        from shanxi_policy.app.pages import browse

        browse.page()

    at = AppTest.from_function(_browse, default_timeout=120).run()
    assert not at.exception
    at.session_state["browse_tab"] = "规范条款"  # tabs run lazily: open the norms tab
    at.run()
    box = next(s for s in at.selectbox if s.key == "norms_doc")
    box.set_value(next(o for o in box.options if "美丽山西建设的实施意见" in o)).run()
    assert not at.exception
    html = "\n".join(h.proto.body for h in at.get("html"))
    assert "<th>行为或对象</th>" in html
    assert "高耗能、高排放、低水平项目盲目发展" in html
    assert "/browse?clause=meili_shanxi_shishi_yijian%3Ac3" in html


def test_restrict_or_prohibit_is_a_restriction_without_a_modal_subject():
    from shanxi_policy.models import Clause
    from shanxi_policy.norms.extract import extract_clause_norms

    text = ("第二十七条 国家鼓励和支持使用再生水。在有条件使用再生水的地区，"
            "限制或者禁止将自来水作为城市道路清扫、城市绿化和景观用水使用。")
    c = Clause("law:a27", "law", ("第二十七条",), text, 0, len(text), kind="article", number=27)
    norms = [n for n in extract_clause_norms(c) if "自来水" in n.action]
    assert [n.modality for n in norms] == ["restriction"]
    assert "限制" not in norms[0].subject


def test_a_verb_opening_a_predicate_is_not_the_party():
    ns = _norms("第一条 国务院生态环境主管部门应当制定技术政策，组织推广先进的生产工艺和设备。")
    assert all(n.subject != "组织" for n in ns)
    kept = _norms("第一条 编制机关应当认真考虑公众的意见。")
    assert kept[0].subject == "编制机关"  # a verb with a party noun still names a party


def test_trigger_inside_a_title_is_not_a_norm():
    assert _norms("第一条 会议深入解读了《关于全面推进美丽山西建设的实施意见》。") == []


@pytest.mark.parametrize(("text", "bound"), [
    ("第一条 国家禁止进口、销售和燃用不符合质量标准的煤炭。", "public"),  # the state forbids the act to all
    ("第一条 地方各级人民政府应当加强民用散煤的管理，禁止销售不符合民用散煤质量标准的煤炭。", "public"),
    ("第一条 地方各级人民政府不得以任何名义降低环境准入标准。", "government"),  # 不得 binds the body itself
])
def test_who_a_prohibition_spoken_by_the_state_binds(text, bound):
    ns = [n for n in _norms(text) if n.modality == "prohibition"]
    assert ns and ns[-1].subject_type == bound
