"""Document metadata read from the text, validity across a library, and filters in search."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

import shanxi_policy as sp
from shanxi_policy.ingest.docmeta import extract, normalize_doc_number, parse_date
from shanxi_policy.retrieve.filters import DocFilter
from tests.hash_embedder import HashEmbedder

from .conftest import DATA, POLICY

NOTICE = [
    "山西省人民政府文件",
    "晋政发〔2024〕5号",
    "山西省人民政府关于加快推进清洁取暖的通知",
    "各市、县人民政府，省人民政府各委、厅，各直属机构：",
    "为贯彻落实《国务院关于印发空气质量持续改善行动计划的通知》（国发〔2023〕24号），现就有关事项通知如下。",
    "一、总体要求",
    "（一）到2025年，全省清洁取暖率达到95%。",
    "二、其他事项",
    "本通知自2024年3月1日起施行。《山西省清洁取暖实施办法》同时废止。",
    "山西省人民政府",
    "2024年2月1日",
]


def test_parse_dates():
    assert parse_date("2019年8月20日") == "2019-08-20"
    assert parse_date("二〇一九年八月二十日") == "2019-08-20"
    assert parse_date("2024 年 5 月") == "2024-05"
    assert parse_date("第十三届") == ""


def test_doc_numbers_are_normalized():
    assert normalize_doc_number("国办发[2023]12号") == "国办发〔2023〕12号"
    assert normalize_doc_number("晋政发（2024） 5 号") == "晋政发〔2024〕5号"


def test_notice_head_and_signature():
    m = extract(NOTICE, "山西省人民政府关于加快推进清洁取暖的通知", today=dt.date(2024, 6, 1))
    assert m.doc_number == "晋政发〔2024〕5号"  # not the number of the cited 国发 document
    assert m.issuer == ["山西省人民政府"]
    assert (m.date, m.effective_date) == ("2024-02-01", "2024-03-01")
    assert (m.doc_type, m.genre, m.validity) == ("规范性文件", "通知", "现行有效")


def test_not_yet_in_force_and_expired():
    assert extract(NOTICE, "通知", today=dt.date(2024, 2, 15)).validity == "尚未施行"
    paras = ["关于试行的通知", "一、本通知有效期至2020年12月31日。", "某某局", "2019年1月5日"]
    m = extract(paras, "关于试行的通知", today=dt.date(2024, 1, 1))
    assert m.validity == "已废止" and "有效期" in m.validity_basis


def test_joint_issuers_in_a_number_and_a_signature():
    paras = ["财政部 税务总局关于支持疫情防控有关税收政策的公告 财政部 税务总局公告2020年第8号 为支持相关企业发展，现公告如下：",
             "一、对相关企业免征增值税。", "二、本公告自2020年1月1日起实施。", "财政部 税务总局", "2020年2月6日"]
    m = extract(paras, "")
    assert m.title == "财政部 税务总局关于支持疫情防控有关税收政策的公告"
    assert m.doc_number == "财政部 税务总局公告2020年第8号"
    assert sorted(m.issuer) == ["税务总局", "财政部"]
    assert (m.date, m.effective_date) == ("2020-02-06", "2020-01-01")


def test_law_head_enactment_lines():
    paras = ["中华人民共和国噪声污染防治法",
             "2021年12月24日 第十三届全国人民代表大会常务委员会第三十二次会议通过",
             "第一章 总则", "第一条 为了防治噪声污染，制定本法。",
             "第九十条 本法自2022年6月5日起施行。《中华人民共和国环境噪声污染防治法》同时废止。"]
    m = extract(paras, paras[0], today=dt.date(2024, 1, 1))
    assert m.issuer == ["全国人民代表大会常务委员会"] and m.doc_type == "法律"
    assert (m.date, m.effective_date) == ("2021-12-24", "2022-06-05")
    local = ["某市大气污染防治条例", "2019年4月22日 某市第八届人民代表大会常务委员会第七次会议通过",
             "2019年5月31日 河南省第十三届人民代表大会常务委员会第十次会议批准", "第一条 为了防治大气污染，制定本条例。"]
    m2 = extract(local, local[0])
    assert (m2.issuer, m2.doc_type, m2.date) == (["某市人民代表大会常务委员会"], "地方性法规", "2019-05-31")


def test_news_report():
    paras = ["7万铁警驻守铁路站车一线", "新华社北京2月1日电（记者 熊丰）春节假期即将结束，铁路客流将迎来返程高峰。"]
    m = extract(paras, paras[0])
    assert (m.doc_type, m.issuer) == ("新闻报道", ["新华社"])


LAW_OLD = ("# 中华人民共和国环境噪声污染防治法\n\n2018年12月29日 第十三届全国人民代表大会常务委员会第七次会议修正\n\n"
           "第一条 为防治环境噪声污染，制定本法。\n\n第二条 工业噪声应当符合标准。\n")
LAW_NEW = ("# 中华人民共和国噪声污染防治法\n\n2021年12月24日 第十三届全国人民代表大会常务委员会第三十二次会议通过\n\n"
           "第一条 为了防治噪声污染，制定本法。\n\n第二条 工业噪声排放应当符合噪声排放标准。\n\n"
           "第三条 本法自2022年6月5日起施行。《中华人民共和国环境噪声污染防治法》同时废止。\n")


def _library(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "old.md").write_text(LAW_OLD, encoding="utf-8")
    (d / "new.md").write_text(LAW_NEW, encoding="utf-8")
    (d / "v2019.md").write_text("# 某市水法实施办法\n\n2019年7月26日 某市人民代表大会常务委员会第十次会议通过\n\n"
                                "第一条 为实施水法，制定本办法。\n", encoding="utf-8")
    (d / "v2022.md").write_text("# 某市水法实施办法\n\n2022年11月25日 某市人民代表大会常务委员会第二十次会议修正\n\n"
                                "第一条 为实施水法，结合本市实际，制定本办法。\n", encoding="utf-8")
    return d


def test_repealed_and_revised_texts_across_the_library(tmp_path):
    c = sp.load_corpus(_library(tmp_path))
    v = {d.doc_id: d.meta["validity"] for d in c.documents}
    assert v == {"old": "已废止", "new": "现行有效", "v2019": "已修订", "v2022": "现行有效"}
    old = c.document("old")
    assert old.meta["superseded_by"] == "new" and "同时废止" not in old.meta["validity_basis"]
    assert "validity" in old.meta["inferred"]


def test_sidecar_values_win(tmp_path):
    d = _library(tmp_path)
    (d / "old.meta.json").write_text(json.dumps({"validity": "现行有效", "doc_type": "实施意见"}), encoding="utf-8")
    old = sp.load_corpus(d).document("old")
    assert old.meta["validity"] == "现行有效" and "validity" not in old.meta["inferred"]
    assert (old.meta["doc_type"], old.meta["genre"]) == ("规范性文件", "实施意见")
    seed = sp.ingest_file(POLICY)
    assert seed.meta["issuer"] == ["中共山西省委", "山西省人民政府"] and seed.meta["doc_type"] == "规范性文件"


def test_labels_are_split_before_tuning():
    rows = [json.loads(x) for x in (DATA / "docmeta_labels.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 30 and {r["split"] for r in rows} == {"dev", "test"}
    assert sum(r["split"] == "test" for r in rows) == 15




@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("meta_kb")
    d = _library(tmp)
    shutil.copy(POLICY, d / POLICY.name)
    return sp.build_index([d], tmp / "index", embedder=HashEmbedder())


def test_search_prefers_texts_in_force_and_flags_superseded(kb):
    plain = [h.doc_id for h in kb.search("工业噪声", k=30, mode="bm25", prefer_current=False)]
    assert plain[:2] == ["new", "old"]  # the two laws score alike
    hits = kb.search("工业噪声", k=30, mode="bm25")
    ids = [h.doc_id for h in hits]
    # Every clause of a text in force comes before the repealed law's clauses.
    assert max(i for i, x in enumerate(ids) if x != "old") < min(i for i, x in enumerate(ids) if x == "old")
    old = next(h for h in hits if h.doc_id == "old")
    assert old.superseded and "（已废止）" in old.citation() and old.to_dict()["superseded"]
    # Asking by the old law's own name keeps it where the score puts it.
    named = kb.search("环境噪声污染防治法 工业噪声", k=5, mode="bm25")
    assert named[0].doc_id == "old"


def test_search_filters_by_type_issuer_date_and_validity(kb):
    q = "工业噪声 标准 水法 清洁取暖"
    assert {h.doc_id for h in kb.search(q, k=10, mode="bm25", filters=DocFilter(validity=["已废止"]))} == {"old"}
    laws = kb.search(q, k=10, mode="bm25", filters=DocFilter(doc_types=["法律"]))
    assert laws and {h.doc_id for h in laws} <= {"old", "new"}
    assert {h.doc_id for h in kb.search(q, k=10, mode="bm25", filters=DocFilter(issuers=["山西省人民政府"]))} == {
        "meili_shanxi_shishi_yijian"}
    recent = kb.search(q, k=10, mode="bm25", filters=DocFilter(date_from="2021", date_to="2022-12-31"))
    assert {h.doc_id for h in recent} == {"new", "v2022"}


def test_regulation_without_enactment_lines():
    arts = ["第一条 为了规范碳排放权交易，制定本条例。", "第二条 本条例适用于全国碳排放权交易市场。"]
    assert extract(["碳排放权交易管理暂行条例", *arts], "碳排放权交易管理暂行条例").doc_type == "行政法规"
    assert extract(["山西省大气污染防治条例", *arts], "山西省大气污染防治条例").doc_type == "地方性法规"
    assert extract(["某某管理规范", *arts], "某某管理规范").doc_type == "规范性文件"  # articles: not a news report


@pytest.mark.parametrize("date, effective, shown", [
    ("2018-10-26", "2016-01-01", "2016-01-01（2018-10-26修改）"),  # amended after its own 施行 article
    ("2024-05-20", "2024-07-01", "2024-07-01"),
    ("2024-05-20", "", ""),
])
def test_effective_label_names_a_later_amendment(date, effective, shown):
    from shanxi_policy.ingest.docmeta import effective_label
    from shanxi_policy.models import Document

    d = Document(doc_id="x", title="x", text="", clauses=[], meta={"date": date, "effective_date": effective})
    assert effective_label(d) == shown
