"""Speed of the compliance check: a one-page proposal against the whole library (laws + seed documents).

Measured in one process on the given index (default: index/): the first check (which builds the norm
search over every norm of the library and its word statistics), then repeated checks of the same
one-page proposal and of every law case in tests/data/check_cases_laws.jsonl, with the default judge
(rules, BM25 over norms) and, for comparison, with the dense similarity of each norm's clause fused in.
Run: .venv/bin/python -m benchmarks.check_speed [--index index] [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from typing import Any

from .common import ROOT, save

PAGE = (
    "项目名称：某县生活垃圾焚烧发电项目。\n"
    "建设单位：某县城市管理局。\n"
    "建设地点：某县城东河岸边的河滩地上，紧邻河道，距最近的村庄约600米，下游2公里为县自来水厂取水口。\n"
    "建设规模：日处理生活垃圾600吨，建设2台300吨/日机械炉排焚烧炉，配套1台15兆瓦汽轮发电机组。\n"
    "工艺：垃圾经卸料大厅进入垃圾池，发酵后入炉焚烧，余热锅炉产汽发电。\n"
    "烟气治理：焚烧烟气经SNCR脱硝、半干法脱酸、活性炭吸附、布袋除尘后经80米烟囱排放。\n"
    "废水：垃圾渗滤液经调节池、厌氧、MBR和反渗透处理后回用，浓液回喷焚烧炉，生活污水排入市政管网。\n"
    "固废：焚烧炉渣外售制砖；焚烧产生的飞灰运至县生活垃圾填埋场直接填埋；废机油交由有资质单位处置。\n"
    "噪声：选用低噪声设备，夜间22时至次日6时不进行土建施工。\n"
    "用水：生产用水取自厂区新打深井两眼，年取水量约20万立方米。\n"
    "运输：垃圾运输车辆采用密闭式压缩车，厂内运输采用新能源车辆。\n"
    "用地：占地80亩，其中部分为河滩地。\n"
    "进度：计划2026年3月开工建设，2027年6月建成投产，环评文件正在编制。\n"
)


def _times(fn: Any, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", default=str(ROOT / "index"))
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    import shanxi_policy as sp
    from shanxi_policy.check.engine import CheckParams
    from shanxi_policy.check.service import check_proposal

    t0 = time.perf_counter()
    kb = sp.load_index(args.index)
    load_s = time.perf_counter() - t0
    norms = kb.norms()
    t0 = time.perf_counter()
    rep = check_proposal(kb, PAGE)
    first_s = time.perf_counter() - t0
    res: dict[str, Any] = {
        "library": {"documents": len(kb.documents), "clauses": sum(len(d.clauses) for d in kb.documents),
                    "norms": len(norms), "units": len(kb.units)},
        "proposal_chars": len(PAGE),
        "index_load_s": round(load_s, 3),
        "first_check_s": round(first_s, 3),
        "findings": len(rep.findings),
        "verdict": rep.verdict,
    }
    cases = [json.loads(x) for x in (ROOT / "tests/data/check_cases_laws.jsonl").read_text(encoding="utf-8").splitlines()
             if x.strip()]
    for name, params in (("rules_bm25", CheckParams()), ("rules_hybrid_dense", CheckParams(dense=True))):
        page = _times(lambda p=params: check_proposal(kb, PAGE, params=p), args.repeats)
        per_case = [t for c in cases for t in _times(lambda c=c, p=params: check_proposal(kb, c["proposal"], params=p), 1)]
        res[name] = {
            "one_page_p50_s": round(statistics.median(page), 3), "one_page_max_s": round(max(page), 3),
            "cases": len(per_case), "case_p50_s": round(statistics.median(per_case), 3),
            "case_max_s": round(max(per_case), 3),
        }
        print(name, res[name])
    print(json.dumps(res, ensure_ascii=False))
    save("check_speed", res)


if __name__ == "__main__":
    main()
