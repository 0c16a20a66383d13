"""The rule-based checker before norms (24 curated keyword checks + facet retrieval), kept as the baseline
that `eval-check` measures beside the norm-based checker on the same cases."""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

from .curated import compare_figures, run_check, validate_proposal
from .facts import FACET_NAMES, facets, proposal_fields, proposal_title
from .report import FORCE_LABELS, Finding, Report, overall_verdict
from .rules import load_checks

if TYPE_CHECKING:
    from ..kb import KnowledgeBase

_RESTRICTIVE = re.compile(r"禁止|严禁|不得|遏制|淘汰|关停|严控|限制|退出|严守|坚守|严格")
_OBLIGATORY = re.compile(r"执行|实施|落实|要求|确保|必须|应当")
_ENCOURAGING = re.compile(r"推进|鼓励|支持|加快|建设|推广|发展|培育")


def directive_force(sentence: str) -> str:
    if _RESTRICTIVE.search(sentence):
        return "restrictive"
    if _OBLIGATORY.search(sentence):
        return "obligatory"
    if _ENCOURAGING.search(sentence):
        return "encouraging"
    return ""


def legacy_check(kb: KnowledgeBase, text: str, k_per_facet: int = 2, checks_path: str = "") -> Report:
    from ..answer.extract import coverage

    text = validate_proposal(text)
    findings: list[Finding] = []
    for check in load_checks(checks_path):
        f = run_check(kb, check, text)
        if f:
            findings.append(f)
    findings.extend(compare_figures(kb, text))
    cited = {f.hit.clause_id for f in findings}
    # Clauses retrieved for each facet that no curated check covered.
    for facet, ftext in facets(text).items():
        for h in kb.search(ftext[:1500], k=k_per_facet):
            if h.clause_id in cited or h.source == "lookup":
                continue
            if coverage(ftext, kb.norm_text(h.clause_id), kb.term_idf) < 0.25:
                continue
            force = directive_force(h.quote)
            cited.add(h.clause_id)
            reason = f"与项目的{FACET_NAMES[facet]}相关的{FORCE_LABELS[force] or ''}条款。"
            findings.append(Finding("related", h, ftext[:200], reason, "对照该条款核实项目是否符合相关要求。", "", force))
    order = {"conflict": 0, "attention": 1, "supports": 2, "related": 3}
    findings.sort(key=lambda f: order[f.relation])
    return Report(
        verdict=overall_verdict(findings),
        findings=findings,
        title=proposal_title(text),
        summary=proposal_fields(text),
        created=time.strftime("%Y-%m-%d %H:%M"),
        index_version=kb.version,
        proposal=text,
    )
