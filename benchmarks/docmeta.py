"""Accuracy of document metadata read from the text (标题, 发文机关, 发文字号, 成文日期, 施行日期, 文件类型)
and of validity inferred across a library.

Sets:
  - tests/data/docmeta_labels.jsonl: 30 documents labelled for this project (18 laws and regulations of
    lawrefbook_env, 12 notices and reports of ncp_policy_qa, drawn at random), split dev/test before the
    rules were tuned; the rules were tuned on dev only.
  - govdoc_cn_sample/397.txt: a State Council-style 通知 with character-level BIO labels written by others
    (正文标题, 发文字号, 发文机关, 成文日期): an external test document.
  - validity on the whole lawrefbook_env library: the older of two versions of one title is 已修订, a law
    that a later law repeals is 已废止 (labels from the file names and the repeal clauses).
Baseline in the same run: the previous code path (title from the structure parser, no other field).
Run: .venv/bin/python -m benchmarks.docmeta
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from .common import ROOT, dataset, save

KEYS = ["title", "issuer", "doc_number", "date", "effective_date", "doc_type"]


def _norm(v: Any) -> Any:
    if isinstance(v, list):
        return sorted(re.sub(r"\s", "", x) for x in v)
    return re.sub(r"[\s（）()]", "", str(v or ""))


def _predict(path: Path, settings: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """(product, baseline) field values for one file."""
    from shanxi_policy.corpus import ingest_file
    from shanxi_policy.ingest.loaders import load_file
    from shanxi_policy.text.repair import repair
    from shanxi_policy.text.structure import parse_document

    d = ingest_file(path, settings)
    m = d.meta
    prod = {"title": d.title, **{k: m.get(k, [] if k == "issuer" else "") for k in KEYS[1:]}}
    parsed = parse_document("x", repair(load_file(path, settings).text).paragraphs)
    base = {"title": parsed.title or path.stem, "issuer": [], "doc_number": "", "date": "", "effective_date": "",
            "doc_type": ""}
    return prod, base


def _score(rows: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    out: dict[str, Any] = {"n": len(rows)}
    for k in KEYS:
        out[k] = round(sum(_norm(p[k]) == _norm(g[k]) for p, g in rows) / max(1, len(rows)), 3)
    out["all_fields"] = round(sum(all(_norm(p[k]) == _norm(g[k]) for k in KEYS) for p, g in rows) / max(1, len(rows)), 3)
    return out


def labelled(settings: Any, tmp: Path) -> dict[str, Any]:
    ncp = {json.loads(x)["doc_id"]: json.loads(x)["text"]
           for x in (dataset("ncp_policy_qa") / "documents.jsonl").read_text(encoding="utf-8").splitlines()}
    laws = dataset("lawrefbook_env")
    per: dict[str, dict[str, list[Any]]] = {"dev": defaultdict(list), "test": defaultdict(list)}
    errors: list[dict[str, Any]] = []
    for line in (ROOT / "tests" / "data" / "docmeta_labels.jsonl").read_text(encoding="utf-8").splitlines():
        lab = json.loads(line)
        if lab["dataset"] == "lawrefbook_env":
            f = laws / lab["id"]
        else:
            f = tmp / f"{lab['id']}.txt"
            f.write_text(ncp[lab["id"]], encoding="utf-8")
        prod, base = _predict(f, settings)
        per[lab["split"]]["product"].append((prod, lab))
        per[lab["split"]]["baseline"].append((base, lab))
        if lab["split"] == "test":
            for k in KEYS:
                if _norm(prod[k]) != _norm(lab[k]):
                    errors.append({"id": lab["id"][:60], "field": k, "got": prod[k], "gold": lab[k]})
    return {split: {m: _score(r) for m, r in d.items()} for split, d in per.items()} | {"test_errors": errors}


def govdoc(settings: Any, tmp: Path) -> dict[str, Any]:
    d = dataset("govdoc_cn_sample")
    spans: dict[str, list[str]] = defaultdict(list)
    for line in (d / "397_a.txt").read_text(encoding="utf-8").splitlines():
        parts = line.rsplit(" ", 1)
        if len(parts) != 2:
            continue
        ch, tag = parts
        if tag.startswith("B_"):
            spans[tag[2:]].append(ch)
        elif tag.startswith("I_") and spans[tag[2:]]:
            spans[tag[2:]][-1] += ch
    from shanxi_policy.ingest.docmeta import parse_date

    gold = {"title": spans["正文标题"][0], "issuer": spans["发文机关"], "doc_number": spans["发文字号"][0],
            "date": parse_date(spans["成文日期"][0])}
    f = tmp / "397.txt"
    f.write_text((d / "397.txt").read_text(encoding="utf-8"), encoding="utf-8")
    prod, base = _predict(f, settings)
    keys = list(gold)
    return {"gold": gold, "product": {k: prod[k] for k in keys}, "baseline": {k: base[k] for k in keys},
            "product_correct": {k: _norm(prod[k]) == _norm(gold[k]) for k in keys},
            "baseline_correct": {k: _norm(base[k]) == _norm(gold[k]) for k in keys}}


def validity(settings: Any) -> dict[str, Any]:
    """Every text of lawrefbook_env loaded as one library; which are found superseded."""
    import shanxi_policy as sp

    laws = dataset("lawrefbook_env")
    corpus = sp.load_corpus(sorted(laws.glob("*.md")), settings)  # the 191 texts, not the dataset's notes
    by_title: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for f in sorted(laws.glob("*.md")):
        m = re.match(r"^(.*?)(?:\((\d{4}-\d{2}-\d{2})\))?\.md$", f.name)
        assert m
        by_title[m.group(1)].append((m.group(2) or "", f.stem))
    expected: dict[str, str] = {}
    for versions in by_title.values():
        if len(versions) > 1:
            for _, stem in sorted(versions)[:-1]:
                expected[stem] = "已修订"
    # Repeal clauses between texts of the library, read by hand. The last two were found by the first run
    # of this benchmark (the rules flagged them) and confirmed in the texts; they were not in the first labels.
    repealed = {
        "行政法__环境噪声污染防治法": "噪声污染防治法 (2021) 第九十条",
        "上海地方法规__地方性法规__上海__上海市人民代表大会常务委员会关于促进和保障长三角生态绿色一体化发展示范区建设若干问题的决定":
            "上海市促进长三角生态绿色一体化发展示范区高质量发展条例 (2024): 《…决定》同时废止",
        "司法解释__最高人民法院、最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释(2016":
            "the 2023 解释: 《…解释》（法释〔2016〕29号）同时废止",
    }
    for stem in (s for v in by_title.values() for _, s in v):
        if any(stem.startswith(k) for k in repealed):
            expected[stem] = "已废止"
    from shanxi_policy.corpus import doc_id_for

    got = {d.doc_id: str(d.meta.get("validity", "")) for d in corpus.documents}
    exp = {doc_id_for(Path(s)): v for s, v in expected.items()}
    flagged = {k for k, v in got.items() if v in ("已修订", "已废止")}
    tp = len(flagged & set(exp))
    exact = sum(got.get(k) == v for k, v in exp.items())
    return {
        "documents": len(corpus.documents),
        "expected_superseded": len(exp),
        "flagged_superseded": len(flagged),
        "recall": round(tp / max(1, len(exp)), 3),
        "precision": round(tp / max(1, len(flagged)), 3),
        "exact_status": f"{exact}/{len(exp)}",
        "flagged": {k: {"validity": got[k], "basis": next(d.meta.get("validity_basis", "") for d in corpus.documents
                                                           if d.doc_id == k)} for k in sorted(flagged)},
        "missed": sorted(set(exp) - flagged),
        "baseline": "the previous code path has no validity: every text counts as in force (recall 0)",
    }


def main() -> None:
    import shanxi_policy as sp

    with tempfile.TemporaryDirectory() as tmp:
        settings = sp.Settings(ocr_cache_dir=Path(tmp) / "ocr")
        res = {"labelled_30": labelled(settings, Path(tmp)), "govdoc_397": govdoc(settings, Path(tmp)),
               "validity_lawrefbook": validity(settings)}
    res["note"] = ("Field accuracy = exact match after removing spaces and brackets (issuer: the same set of "
                   "names). The 30 labels were written by the developer of the rules (split before tuning); "
                   "govdoc_397 was labelled by others.")
    print(save("docmeta", res))
    print(json.dumps({k: v for k, v in res["labelled_30"].items() if k != "test_errors"}, ensure_ascii=False, indent=1))
    print(json.dumps(res["govdoc_397"]["product_correct"], ensure_ascii=False))
    print(json.dumps({k: v for k, v in res["validity_lawrefbook"].items() if k != "flagged"}, ensure_ascii=False))


if __name__ == "__main__":
    main()
