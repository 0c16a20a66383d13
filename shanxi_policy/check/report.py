"""Report records of a compliance check, and their Markdown form."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from ..models import Hit

RELATION_LABELS = {"conflict": "冲突", "attention": "需关注", "supports": "符合", "related": "相关"}
VERDICT_LABELS = {
    "conflict": "存在与政策冲突的内容",
    "attention": "基本可行，但有需关注事项",
    "supports": "符合政策导向",
    "unrelated": "未发现直接相关的政策条款",
}
# The verdict on a report about a plant in operation: breaches found or not, nothing on feasibility.
OPERATING_VERDICT_LABELS = {
    "conflict": "发现涉嫌违反规定的事项",
    "attention": "有需核实的事项",
    "supports": "未发现违反规定的事项",
    "unrelated": "未发现直接相关的政策条款",
}
# What the office may do with the proposal, by the overall verdict: a suggestion for the reviewer, who decides.
ADVICE_LABELS = {
    "conflict": "项目材料存在与法律法规或政策冲突的内容，建议退回建设单位补正；冲突事项消除前，不宜予以批准。",
    "attention": "未发现冲突事项；建议建设单位就需关注事项补充说明或完善措施后，再行审查。",
    "supports": "未发现冲突或需补充的事项，可按程序办理。",
    "unrelated": "文档库中未发现与项目材料直接相关的条款，建议结合其他法规和技术规范人工审查。",
}
OPERATING_ADVICE_LABELS = {
    "conflict": "发现涉嫌违反规定的事项，建议依法核查处理，并责令整改。",
    "attention": "有需核实的事项，建议现场核实后再作结论。",
    "supports": "未发现违反规定的事项。",
    "unrelated": "文档库中未发现与材料直接相关的条款，建议人工审查。",
}


def advice_label(rep: Any) -> str:
    """The suggested disposal of the proposal, by its overall verdict."""
    if verdict_label(rep) == UNREVIEWED_LABEL:
        return ADVICE_LABELS["unrelated"]
    if verdict_label(rep) == PARTLY_UNREVIEWED_LABEL:
        return PARTLY_UNREVIEWED_ADVICE
    labels = OPERATING_ADVICE_LABELS if getattr(rep, "subject", "") == "operating" else ADVICE_LABELS
    return labels[rep.verdict]


# A review whose only result is what it could not review (no article applies, a matter no law covers) is not
# "基本可行": the verdict stays 需关注, and its label says why.
UNREVIEWED_LABEL = "未能完成审查，需人工审查"


# A review that found nothing to mend but could not review a matter (a forest the library has no 森林法 for): the verdict
# stays 需关注 for that matter alone, and the label says so rather than send the reader looking for a 需关注 item.
PARTLY_UNREVIEWED_LABEL = "基本可行，但有未能审查的事项"
PARTLY_UNREVIEWED_ADVICE = "未发现冲突或需补充的事项；文档库未收录的法规所涉事项（见“未能审查”）需人工审查后再作结论。"


def verdict_label(rep: Any) -> str:
    """The overall verdict as a reader sees it."""
    if rep.verdict == "attention" and not any(f.relation in ("conflict", "attention", "supports")
                                              for f in rep.findings) and rep.gaps:
        return UNREVIEWED_LABEL
    if rep.verdict == "attention" and rep.gaps and getattr(rep, "subject", "") != "operating" \
            and not any(f.relation in ("conflict", "attention") for f in rep.findings):
        return PARTLY_UNREVIEWED_LABEL
    labels = OPERATING_VERDICT_LABELS if getattr(rep, "subject", "") == "operating" else VERDICT_LABELS
    return labels[rep.verdict]


FORCE_LABELS = {"restrictive": "限制性", "obligatory": "约束性", "encouraging": "鼓励性", "": ""}


@dataclass
class Finding:
    relation: str  # conflict | attention | supports | related
    hit: Hit  # the cited clause, as from search
    evidence: str  # proposal text the finding rests on
    reason: str
    recommendation: str
    check_id: str = ""  # curated check id, "target", "obligation:<id>" for unaddressed duties, "" for norms
    force: str = ""  # restrictive | obligatory | encouraging
    norm_id: str = ""  # the norm the finding rests on ("" for curated checks and figures)
    article: str = ""  # 第六十四条, （三）
    doc_label: str = ""  # short title of the cited document
    score: float = 0.0  # ranking strength within a relation
    # for a conflict with a law's rule: the article of the same law that punishes it, with the lines that concern the
    # rule ("《固体废物污染环境防治法》第一百一十二条：…（四）…；有前款第三项、第四项…处…罚款"); "" when none is found
    penalty: str = ""

    def citation(self) -> str:
        """《水污染防治法》第六十四条; the heading path when the article is unknown (older records)."""
        if self.article:
            return f"《{self.doc_label or self.hit.doc_title}》{self.article}"
        return self.hit.citation()

    def filed_citation(self) -> str:
        """The citation as a filed paper writes it: headings one after another, without the screen's "›"."""
        return self.citation().replace(" › ", " ")

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["hit"] = self.hit.to_dict()
        d["citation"] = self.citation()
        return d


@dataclass
class Report:
    verdict: str  # conflict | attention | supports | unrelated
    findings: list[Finding]
    title: str = ""
    summary: dict[str, str] = field(default_factory=dict)
    created: str = ""
    index_version: str = ""
    proposal: str = ""
    # what the check could not review: matters whose governing law the library lacks, a discharge nothing matched
    gaps: list[str] = field(default_factory=list)
    # the documents the review was limited to, as chosen by the user ("仅依据：《…》"); "" for the whole library
    basis: str = ""
    # what was reviewed: "proposal" (a project to be approved) or "operating" (a report on a plant in operation:
    # 自查报告, 情况说明 …), whose verdict is about breaches found, not about whether a project may go ahead
    subject: str = "proposal"
    # procedures the proposal states done ("环境影响评价（《环境影响评价法》）：环境影响报告表已…取得…批复"), to be
    # verified against the papers themselves
    papers: list[str] = field(default_factory=list)

    def grouped(self) -> dict[str, list[Finding]]:
        return {r: [f for f in self.findings if f.relation == r] for r in RELATION_LABELS}

    def by_document(self, relation: str) -> dict[str, list[Finding]]:
        """Findings of one relation grouped by cited document, in order of first appearance."""
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            if f.relation == relation:
                out.setdefault(f.doc_label or f.hit.doc_title, []).append(f)
        return out

    def numbered(self) -> list[tuple[int, Finding]]:
        """The findings in the order the paper lists them (by verdict, then document), numbered once through:
        the Word report, the Markdown and the JSON's "no" give a finding the same number."""
        out: list[tuple[int, Finding]] = []
        for rel, items in self.grouped().items():
            if items:
                for group in self.by_document(rel).values():
                    for f in group:
                        out.append((len(out) + 1, f))
        return out

    def to_dict(self) -> dict[str, Any]:
        no = {id(f): n for n, f in self.numbered()}
        return {
            "verdict": self.verdict,
            "verdict_label": verdict_label(self),
            "title": self.title,
            "summary": self.summary,
            "created": self.created,
            "index_version": self.index_version,
            "proposal": self.proposal,
            "gaps": self.gaps,
            "papers": self.papers,
            "basis": self.basis,
            "subject": self.subject,
            # in the order of their numbers, as the Word report lists them
            "findings": sorted(({**f.to_dict(), "no": no.get(id(f), 0)} for f in self.findings),
                               key=lambda x: x["no"] or len(self.findings) + 1),
        }


# A labelled line of a proposal ("选址：位于…").
_LABELLED = re.compile(r"(?m)^\s*([\u4e00-\u9fff]{2,8})[：:]\s*(.+?)\s*$")
# Labels whose value is a name (of a party, a place, a project), not a description.
_NAME_LABEL = re.compile(r"(?:单位|名称|地点|位置|法人|联系人)$")
# The overview quotes the proposal's opening sentences when it is not written as labelled fields.
OVERVIEW_CHARS = 300


def overview(rep: Report) -> list[str]:
    """一、项目概况: the labelled fields of the proposal, or else its opening sentences (so that the paper says what
    was reviewed, not only the project's name)."""
    # every labelled line of the proposal, whole ("建设内容：一层改造为烧烤店铺；二层改造为KTV" goes on past its first
    # "；"), not only the fields the summary knows ("选址：", "手续：", "施工安排：" decide a review as much as "建设内容：")
    found: list[tuple[str, str]] = []
    rest: list[str] = []
    for m in _LABELLED.finditer(rep.proposal):
        if m.group(1) == "项目名称":
            continue
        value = m.group(2).strip()
        if _NAME_LABEL.search(m.group(1)) and "。" in value.rstrip("。"):
            # "项目单位：××公司。项目位于…": a name ends at its sentence; the narrative after it is no part of it
            value, more = value.split("。", 1)
            rest.append(more.strip()[:OVERVIEW_CHARS])
        found.append((m.group(1), value))
    whole = {k: v for k, v in reversed(found)}  # the first line of each label
    lines = [f"项目名称：{rep.title}"] + [f"{k}：{whole.get(k, v)}" for k, v in rep.summary.items() if k != "项目名称"]
    labelled = [f"{k}：{v}" for k, v in found]
    seen = {line.split("：", 1)[0] for line in lines}
    lines += [line for line in labelled if line.split("：", 1)[0] not in seen] + [r for r in rest if r]
    if len(lines) > 1 or not rep.proposal.strip():
        return lines
    sections = _sections(rep.proposal)
    if len(sections) >= 2:
        # "一、项目概况\n为解决…\n二、建设地点\n县城西南…": each heading names what its paragraph tells
        return [*lines, *(f"{head}：{_opening(body)}" for head, body in sections)]
    body = re.sub(r"\s+", "", rep.proposal)
    if body.startswith(re.sub(r"\s+", "", rep.title)):
        body = body[len(re.sub(r"\s+", "", rep.title)):].lstrip("。；：:，,")
    if not body:
        return lines
    cut = body[:OVERVIEW_CHARS]
    end = max(cut.rfind("。"), cut.rfind("；"))
    text = cut[: end + 1] if end > 0 and len(body) > OVERVIEW_CHARS else cut + ("……" if len(body) > OVERVIEW_CHARS else "")
    return [*lines, f"项目内容：{text}"]


# A heading line of its own: "一、项目概况", "（二）建设地点", "3. 污染防治措施".
_HEADING_LINE = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．])\s*"
                           r"([^\s。；：:，,]{2,14})\s*[：:]?\s*$")
# How much of a section the overview shows.
SECTION_CHARS = 160


def _sections(text: str) -> list[tuple[str, str]]:
    """The sections of a proposal written under numbered heading lines, with their text joined."""
    out: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        m = _HEADING_LINE.match(line)
        if m:
            out.append((m.group(1), []))
        elif out and line.strip():
            out[-1][1].append(line.strip())
    return [(head, "".join(body)) for head, body in out if body]


def _opening(text: str) -> str:
    """Up to SECTION_CHARS of a text, cut at a sentence's end where one falls inside."""
    if len(text) <= SECTION_CHARS:
        return text
    cut = text[:SECTION_CHARS]
    end = max(cut.rfind("。"), cut.rfind("；"))
    return cut[: end + 1] + "……" if end > 0 else cut + "……"


def report_heading(rep: Report) -> str:
    """The title of the filed paper: "关于某物流园区项目的政策符合性审查意见"."""
    name = rep.title.strip()
    return f"关于{name}的政策符合性审查意见" if name else "项目政策符合性审查意见"


def report_file_name(rep: Report, suffix: str) -> str:
    """A download name that tells reports apart: "审查意见_某物流园区_2026-12-05.docx"."""
    name = re.sub(r"[\\/:*?\"<>|\s]+", "", rep.title)[:30]
    day = rep.created[:10]
    return "_".join(x for x in ("审查意见", name, day) if x) + suffix


def as_sentence(text: str) -> str:
    """A recommendation as a filed paper writes it: one sentence, ending with 。."""
    t = text.strip().rstrip("；;，,")
    return t if not t or t.endswith(("。", "！", "？")) else t + "。"


def library_version_label(version: str) -> str:
    """"2026-12-04 23:06（02f38876）" for "02f38876368c69d1-a91f…-w400 (2026-12-04 23:06:26)": when the library was
    built, with a short digest that identifies it, instead of the whole internal version string."""
    m = re.match(r"^([0-9a-f]{8})[0-9a-f]*\S*\s*\((\d{4}-\d{2}-\d{2} \d{2}:\d{2})", version)
    return f"{m.group(2)}（{m.group(1)}）" if m else version


def overall_verdict(findings: list[Finding], open_matters: list[str] | None = None) -> str:
    relations = {f.relation for f in findings}
    for r in ("conflict", "attention", "supports"):
        if r in relations:
            # a matter no law in the library covers is open: the proposal cannot be called 符合 as a whole
            return "attention" if r == "supports" and open_matters else r
    return "attention" if open_matters else "unrelated"


def to_markdown(rep: Report) -> str:
    lines = [f"# 项目合规审查意见：{rep.title}", "", f"**总体结论：{verdict_label(rep)}**", ""]
    if rep.basis:
        lines += [f"**审查依据范围：{rep.basis}**", ""]
    if rep.gaps:
        lines += ["## 未能审查的事项", ""] + [f"- {g}" for g in rep.gaps] + [""]
    if rep.papers:
        lines += ["## 项目材料称已办理的手续（请核对原件）", ""] + [f"- {g}" for g in rep.papers] + [""]
    facts = overview(rep) if rep.proposal.strip() else [f"{k}：{v}" for k, v in rep.summary.items()]
    if facts:
        lines += ["## 项目概况", ""] + [f"- {x}" for x in facts] + [""]
    n = 0  # numbered once through, as in the Word report
    for rel, items in rep.grouped().items():
        if not items:
            continue
        lines += [f"## {RELATION_LABELS[rel]}（{len(items)} 项）", ""]
        for doc, group in rep.by_document(rel).items():
            lines += [f"### 《{doc}》", ""]
            for f in group:
                n += 1
                lines += [
                    f"#### {n}. {f.filed_citation()}",
                    "",
                    f"> {f.hit.quote}",
                    "",
                    f"- 项目材料：{f.evidence or '（未涉及）'}",
                    f"- 理由：{f.reason}",
                    f"- 建议：{as_sentence(f.recommendation)}",
                    *([f"- 罚则：{f.penalty}"] if f.penalty else []),
                    "",
                ]
    lines += [f"---\n文档库版本：{library_version_label(rep.index_version)}　审查时间：{rep.created}"]
    return "\n".join(lines) + "\n"


def report_from_dict(d: dict[str, Any]) -> Report:
    findings = []
    for f in d["findings"]:
        h = dict(f["hit"])
        hit = Hit(h["doc_id"], h["doc_title"], h["clause_id"], tuple(h["path"]), h["text"], h["score"], h["source"],
                  h.get("quote", ""), [tuple(m) for m in h.get("marks", [])])
        findings.append(Finding(f["relation"], hit, f["evidence"], f["reason"], f["recommendation"],
                                f.get("check_id", ""), f.get("force", ""), f.get("norm_id", ""),
                                f.get("article", ""), f.get("doc_label", ""), float(f.get("score", 0.0)),
                                str(f.get("penalty", ""))))
    return Report(d["verdict"], findings, d.get("title", ""), d.get("summary", {}), d.get("created", ""),
                  d.get("index_version", ""), d.get("proposal", ""), list(d.get("gaps", [])), str(d.get("basis", "")),
                  str(d.get("subject", "proposal")), list(d.get("papers", [])))
