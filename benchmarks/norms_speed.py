"""Speed of norm extraction over the whole lawrefbook_env library (about 9,000 articles).

Target (issue 9): building norms for 9,000 articles in ≤ 60 s on 2 cores. Parsing the files into clauses
is timed separately (it happens at index time anyway); the figure that counts is extraction alone, plus
the time to write and read norms.jsonl. Also reports how many norms of each modality the library yields.
Run: .venv/bin/python -m benchmarks.norms_speed
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from pathlib import Path

from .common import dataset, save


def main() -> None:
    from shanxi_policy.corpus import load_corpus
    from shanxi_policy.norms.extract import extract_norms, lexicon
    from shanxi_policy.norms.store import read_norms, write_norms

    files = sorted(dataset("lawrefbook_env").glob("*.md"))
    t0 = time.perf_counter()
    corpus = load_corpus(files)
    t_parse = time.perf_counter() - t0
    docs = corpus.documents
    articles = sum(1 for d in docs for c in d.clauses if c.kind == "article")
    clauses = sum(len(d.clauses) for d in docs)
    lexicon()  # loaded once per process, like at index time
    t1 = time.perf_counter()
    norms = [n for d in docs for n in extract_norms(d)]
    t_extract = time.perf_counter() - t1
    with tempfile.TemporaryDirectory() as tmp:
        t2 = time.perf_counter()
        write_norms(Path(tmp) / "norms.jsonl", norms)
        back = read_norms(Path(tmp))
        t_io = time.perf_counter() - t2
    assert len(back) == len(norms)
    by_mod = Counter(n.modality for n in norms if n.kind == "rule")
    by_kind = Counter(n.kind for n in norms)
    res = {
        "documents": len(docs),
        "clauses": clauses,
        "articles": articles,
        "norms": len(norms),
        "norms_by_modality": dict(by_mod),
        "norms_by_kind": dict(by_kind),
        "parse_seconds": round(t_parse, 2),
        "extract_seconds": round(t_extract, 2),
        "write_read_seconds": round(t_io, 2),
        "clauses_per_second": round(clauses / t_extract, 1) if t_extract else None,
        "target_seconds_for_9000_articles": 60,
        "extract_seconds_per_9000_clauses": round(t_extract / clauses * 9000, 2) if clauses else None,
        "meets_target": t_extract + t_io <= 60 * max(1.0, clauses / 9000),
    }
    p = save("norms_speed", res)
    print(f"{len(docs)} 部法规，{clauses} 个条款（{articles} 条），读出 {len(norms)} 条规范")
    print(f"解析文件 {t_parse:.1f} s；抽取规范 {t_extract:.1f} s（{res['clauses_per_second']} 条款/秒）；"
          f"写入并读回 norms.jsonl {t_io:.1f} s")
    print(f"目标：9,000 条 ≤ 60 s — {'达到' if res['meets_target'] else '未达到'}；结果已写入 {p.name}")


if __name__ == "__main__":
    main()
