"""Batch import: progress, duplicates by content, a report per file, bad files skipped, nothing lost."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import shanxi_policy as sp
from shanxi_policy import library
from shanxi_policy.cli import main
from shanxi_policy.errors import PolicyError
from shanxi_policy.library import import_files, list_import_files, set_document_meta

from .conftest import NEWS, POLICY
from .hash_embedder import HashEmbedder
from .test_docmeta import LAW_NEW, LAW_OLD

EMB = HashEmbedder()


def _settings(tmp_path):
    return sp.Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index", ocr_cache_dir=tmp_path / "ocr")


@pytest.fixture
def folder(tmp_path):
    src = tmp_path / "incoming"
    (src / "sub").mkdir(parents=True)
    (src / "噪声污染防治法.md").write_text(LAW_NEW, encoding="utf-8")
    (src / "sub" / "噪声污染防治法副本.md").write_text(LAW_NEW, encoding="utf-8")  # the same bytes
    # The same text in another encoding: different bytes, same document.
    (src / "旧法.txt").write_bytes(LAW_OLD.encode("utf-8"))
    (src / "旧法_gbk.txt").write_bytes(LAW_OLD.encode("gb18030"))
    (src / "损坏.pdf").write_bytes(b"%PDF-1.4\n garbage")
    (src / "空文件.txt").write_bytes(b"")
    (src / "表格.xlsx").write_bytes(b"PK\x03\x04")
    (src / ".hidden.txt").write_text("一、隐藏文件", encoding="utf-8")
    return src


def test_import_reports_every_file(tmp_path, folder):
    s = _settings(tmp_path)
    s.corpus_dir.mkdir()
    (s.corpus_dir / POLICY.name).write_bytes(POLICY.read_bytes())
    sp.build_index([s.corpus_dir], s.index_dir, embedder=EMB)
    calls: list[tuple[int, int, str]] = []
    kb, rep = import_files(list_import_files([folder]), s, lambda i, n, name: calls.append((i, n, name)), embedder=EMB)
    status = {o.name: o.status for o in rep.outcomes}
    assert status == {
        "噪声污染防治法.md": "added", "sub/噪声污染防治法副本.md": "duplicate", "旧法.txt": "added",
        "旧法_gbk.txt": "duplicate", "损坏.pdf": "failed", "空文件.txt": "failed", "表格.xlsx": "failed",
    }
    assert calls[0][:2] == (0, 7) and calls[-1] == (7, 7, "") and calls[-2][2] == "sub/噪声污染防治法副本.md"
    text = "\n".join(rep.lines())
    assert "[失败，已跳过] 损坏.pdf" in text and "文件为空" in text and "不支持的文件类型" in text
    assert "与《噪声污染防治法.md》内容完全相同" in text and "与《旧法.txt》正文相同" in text
    assert rep.summary().startswith("共 7 个文件：导入 2 个，重复 2 个，失败 3 个")
    # The document already indexed is kept, the new ones are searchable, the repealed law is flagged.
    assert kb is not None
    assert {d.doc_id for d in kb.documents} == {"meili_shanxi_shishi_yijian", "噪声污染防治法", "旧法"}
    assert kb.document("旧法").meta["validity"] == "已废止"
    assert json.loads(json.dumps(rep.to_dict(), ensure_ascii=False))["files"][-1]["status"] == "duplicate"
    # Importing the same folder again adds nothing and keeps the index.
    kb2, rep2 = import_files(list_import_files([folder]), s, embedder=EMB)
    assert kb2 is None and rep2.count("added") == 0 and rep2.count("duplicate") == 4
    assert sorted(p.name for p in s.corpus_dir.iterdir()) == sorted([POLICY.name, "噪声污染防治法.md", "旧法.txt"])


def test_failed_index_build_leaves_corpus_and_index_as_they_were(tmp_path, monkeypatch):
    s = _settings(tmp_path)
    s.corpus_dir.mkdir()
    (s.corpus_dir / POLICY.name).write_bytes(POLICY.read_bytes())
    sp.build_index([s.corpus_dir], s.index_dir, embedder=EMB)
    before = (s.index_dir / "manifest.json").read_text(encoding="utf-8")

    def broken(*a, **k):
        raise PolicyError("磁盘已满")

    monkeypatch.setattr(library, "build_index_with_stats", broken)
    with pytest.raises(PolicyError, match="磁盘已满"):
        import_files([(NEWS.name, NEWS)], s, embedder=EMB)
    assert [p.name for p in s.corpus_dir.iterdir()] == [POLICY.name]
    assert (s.index_dir / "manifest.json").read_text(encoding="utf-8") == before


def test_validity_set_by_hand(tmp_path):
    s = _settings(tmp_path)
    s.corpus_dir.mkdir()
    (s.corpus_dir / "新法.md").write_text(LAW_NEW, encoding="utf-8")
    sp.build_index([s.corpus_dir], s.index_dir, embedder=EMB)
    kb = set_document_meta("新法", {"validity": "已修订", "doc_number": "主席令第一〇四号"}, s, embedder=EMB)
    d = kb.document("新法")
    assert (d.meta["validity"], d.meta["doc_number"]) == ("已修订", "主席令第一〇四号")
    assert "validity" not in d.meta["inferred"]
    side = json.loads((s.corpus_dir / "新法.meta.json").read_text(encoding="utf-8"))
    assert side == {"validity": "已修订", "doc_number": "主席令第一〇四号"}
    kb = set_document_meta("新法", {"validity": ""}, s, embedder=EMB)  # back to what the text says
    assert kb.document("新法").meta["validity"] == "现行有效"
    with pytest.raises(PolicyError, match="效力状态"):
        set_document_meta("新法", {"validity": "作废"}, s, embedder=EMB)
    with pytest.raises(PolicyError, match="没有找到文档"):
        set_document_meta("无此文档", {"validity": "已废止"}, s, embedder=EMB)
    # a date as documents write it is read, a date that is none is refused
    kb = set_document_meta("新法", {"date": "2024年5月20日"}, s, embedder=EMB)
    assert kb.document("新法").meta["date"] == "2024-05-20"
    with pytest.raises(PolicyError, match="日期格式"):
        set_document_meta("新法", {"date": "去年五月"}, s, embedder=EMB)


def test_cli_import_lists_bad_files(tmp_path):
    src = tmp_path / "bad"
    src.mkdir()
    (src / "a.pdf").write_bytes(b"not a pdf")
    (src / "b.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    r = CliRunner().invoke(main, ["import", str(src), "--corpus", str(tmp_path / "c"), "--index", str(tmp_path / "i")])
    assert r.exit_code == 1
    assert "[失败，已跳过] a.pdf" in r.output and "另存为 .docx" in r.output
    assert "共 2 个文件：导入 0 个，重复 0 个，失败 2 个" in r.output
    assert not (tmp_path / "i").exists()


def test_cli_import_into_another_index_needs_its_library(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("第一条 测试。", encoding="utf-8")
    r = CliRunner().invoke(main, ["import", str(src), "--index", str(tmp_path / "i")])
    assert r.exit_code != 0 and "--corpus" in r.output
    assert not (tmp_path / "i").exists()
