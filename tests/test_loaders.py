"""Reading files of every supported format, and clear messages for bad ones."""

from __future__ import annotations

import pytest

import shanxi_policy as sp
from shanxi_policy.ingest.loaders import load_file

from .fixtures_files import make_docx, make_image_pdf, make_pdf

POLICY_LINES = [
    "关于推进清洁取暖的实施方案",
    "一、总体要求",
    "（一）工作目标。到 2027 年，清洁取暖率达到 95%，",
]
PAGE2 = ["农村地区散煤基本清零。", "（二）重点任务。全面推进煤改电、煤改气。"]


def test_pdf_pages_rejoined_and_furniture_removed(tmp_path):
    pdf = make_pdf(tmp_path / "plan.pdf", [POLICY_LINES, PAGE2])
    doc = sp.ingest_file(pdf)
    assert "公报" not in doc.text and "- 1 -" not in doc.text and "- 2 -" not in doc.text
    c1 = doc.clause("c1")
    assert c1 is not None
    assert "清洁取暖率达到95%，农村地区散煤基本清零。" in c1.text  # sentence cut by the page break
    assert doc.clause("c2") is not None
    assert any("页眉" in w for w in doc.warnings)
    assert [(i.year, i.value) for i in doc.indicators()] == [(2027, 95.0)]


def test_docx(tmp_path):
    paras = ["关于加强扬尘治理的通知", "一、总体要求", "（一）严格管控。施工工地全面落实六个百分之百。"]
    f = make_docx(tmp_path / "notice.docx", paras)
    doc = sp.ingest_file(f)
    assert doc.title == "关于加强扬尘治理的通知"
    assert doc.clause("c1").title == "（一）严格管控"  # type: ignore[union-attr]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_text_encodings_detected(tmp_path, encoding):
    text = "一、总体要求\n\n（一）节能降碳。到2030年，非化石能源占比达到18%。\n"
    f = tmp_path / "t.txt"
    f.write_bytes(text.encode(encoding))
    assert "非化石能源占比达到18%" in load_file(f).text


def test_html_scripts_dropped(tmp_path):
    f = tmp_path / "page.html"
    f.write_text("<html><script>alert(1)</script><p>一、总体要求</p><p>（一）治污。加强治理。</p></html>",
                 encoding="utf-8")
    doc = sp.ingest_file(f)
    assert "alert" not in doc.text and doc.clause("c1") is not None


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "文件为空"),
        ("blank.txt", b"   \n\n  ", "没有可读取的文字"),
        ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "PDF 文件已损坏"),
        ("broken.docx", b"PK\x03\x04 not a zip", "Word 文件已损坏"),
        ("old.doc", b"\xd0\xcf\x11\xe0", "不支持旧版 Word"),
        ("data.xlsx", b"PK", "不支持的文件类型"),
        ("binary.txt", b"\x00\x01\x02\x03" * 100, "不是文本"),
        ("latin1.txt", "Ça va très bien, merci beaucoup. Déjà vu à côté.".encode("latin-1"), "编码"),
    ],
)
def test_bad_files_get_clear_messages(tmp_path, name, content, reason):
    f = tmp_path / name
    f.write_bytes(content)
    with pytest.raises(sp.IngestError) as exc:
        sp.ingest_file(f)
    assert name in str(exc.value) and reason in str(exc.value)


def test_encrypted_pdf(tmp_path):
    f = make_pdf(tmp_path / "secret.pdf", [POLICY_LINES], encrypt="s3cret")
    with pytest.raises(sp.IngestError, match="已加密"):
        sp.ingest_file(f)


def test_image_only_pdf(tmp_path):
    f = make_image_pdf(tmp_path / "scan.pdf")
    with pytest.raises(sp.IngestError, match="扫描件"):
        sp.ingest_file(f)


def test_huge_file_refused(tmp_path):
    f = tmp_path / "huge.txt"
    f.write_bytes("一、总体要求\n".encode() * 1000)
    with pytest.raises(sp.IngestError, match="文件过大"):
        sp.ingest_file(f, sp.Settings(max_file_bytes=1000))


def test_batch_continues_past_bad_files(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_broken.pdf").write_bytes(b"%PDF-garbage")
    (tmp_path / "c_good.txt").write_text("一、总体要求\n\n（一）治污。加强治理。\n", encoding="utf-8")
    corpus = sp.load_corpus(tmp_path)
    assert [d.doc_id for d in corpus.documents] == ["c_good"]
    assert sorted(e.name for e in corpus.errors) == ["a_empty.txt", "b_broken.pdf"]


def test_sidecar_metadata_is_used_and_broken_sidecar_reported(tmp_path, corpus):
    doc = corpus.document("meili_shanxi_shishi_yijian")
    assert doc.meta["issuer"] == ["中共山西省委", "山西省人民政府"]
    news = corpus.document("shanxi_wanbao_2024_meili_shanxi")
    assert news.meta["issuer"] == ["山西晚报"] and "5月29日" in news.title and "6月4日" in news.title
    (tmp_path / "x.txt").write_text("一、总体要求\n\n（一）治污。加强治理。\n", encoding="utf-8")
    (tmp_path / "x.meta.json").write_text("{not json", encoding="utf-8")
    d = sp.ingest_file(tmp_path / "x.txt")
    assert any("元数据" in w for w in d.warnings)
