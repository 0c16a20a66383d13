"""Plain data records shared by every layer: documents, clauses, sections and targets."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Clause:
    """The unit that is cited and retrieved: a numbered clause, an article, a paragraph or a passage."""

    clause_id: str  # "<doc_id>:<local id>", e.g. "meili_shanxi_shishi_yijian:c8"
    doc_id: str
    path: tuple[str, ...]  # headings from the top of the document down to this clause
    text: str  # display text, faithful to the (repaired) source
    start: int  # character offsets into Document.text
    end: int
    kind: str = "clause"  # preamble | paragraph | clause | article | item | passage
    title: str = ""  # the clause's own heading, e.g. "（八）持续改善空气质量"
    number: int | None = None

    @property
    def local_id(self) -> str:
        return self.clause_id.split(":", 1)[1]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["path"] = list(self.path)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Clause:
        return cls(**{**d, "path": tuple(d["path"])})


@dataclass
class Section:
    """A heading that groups clauses: a part (一、), chapter (第X章), section (第X节) or headline."""

    section_id: str
    doc_id: str
    level: str  # part | chapter | section | bian | headline
    title: str
    path: tuple[str, ...]
    number: int | None = None
    clause_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["path"] = list(self.path)
        return d


@dataclass
class Indicator:
    """A quantitative target stated in a clause, e.g. (2030, 非化石能源占能源消费总量比重, 18, %, 达到)."""

    year: int | None
    name: str
    value: float
    unit: str
    qualifier: str
    clause_id: str
    sentence: str = ""  # the sentence the target was read from, for citation

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def shown_value(self) -> str:
        """"98%左右", "达到60%": approximations and bounds follow the value, verbs precede it."""
        value = f"{self.value:g}{self.unit}"
        return f"{value}{self.qualifier}" if self.qualifier in ("左右", "以上", "以下", "以内") else f"{self.qualifier}{value}"


@dataclass
class Document:
    doc_id: str
    title: str
    text: str  # cleaned full text; clause offsets point into it
    clauses: list[Clause]
    sections: list[Section] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    source: str = ""  # file name the document was read from

    def clause(self, local_or_full_id: str) -> Clause | None:
        for c in self.clauses:
            if local_or_full_id in (c.clause_id, c.local_id):
                return c
        return None

    def indicators(self) -> list[Indicator]:
        from .text.indicators import extract_indicators

        out: list[Indicator] = []
        for c in self.clauses:
            out.extend(extract_indicators(c.text, c.clause_id))
        return out


@dataclass
class Hit:
    """A retrieved clause, with the passage that matched and the query terms marked in it."""

    doc_id: str
    doc_title: str
    clause_id: str
    path: tuple[str, ...]
    text: str  # the whole clause
    score: float
    source: str  # hybrid | bm25 | dense | lookup | exact
    quote: str = ""  # the sentence(s) quoted as evidence
    marks: list[tuple[int, int]] = field(default_factory=list)  # query-term spans inside quote
    validity: str = ""  # the document's 现行有效 / 已修订 / 已废止 / 尚未施行 ("" when unknown)
    # Other clauses with the same text (a notice reposted or quoted whole by another document), shown with
    # this hit instead of taking places of their own: (doc_id, doc_title, clause_id).
    also: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def local_id(self) -> str:
        return self.clause_id.split(":", 1)[1]

    @property
    def superseded(self) -> bool:
        """The cited text is no longer in force (revised or repealed): answers and checks must say so."""
        return self.validity in ("已修订", "已废止")

    def also_labels(self) -> list[str]:
        """《title》 of each other document with this text; a repost that kept the original's title is told
        apart by its document id."""
        return [f"《{t}》" + (f"（{d}）" if t == self.doc_title else "") for d, t, _c in self.also]

    def marked(self, open_: str = "【", close: str = "】") -> str:
        out, pos = [], 0
        for s, e in self.marks:
            out.append(self.quote[pos:s] + open_ + self.quote[s:e] + close)
            pos = e
        return "".join(out) + self.quote[pos:]

    def citation(self) -> str:
        note = f"（{self.validity}）" if self.validity and self.validity != "现行有效" else ""
        return f"《{self.doc_title}》{note}" + " › ".join(self.path)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["path"] = list(self.path)
        d["marks"] = [list(m) for m in self.marks]
        d["also"] = [{"doc_id": a, "doc_title": t, "clause_id": c} for a, t, c in self.also]
        d["marked_quote"] = self.marked()
        d["citation"] = self.citation()
        d["superseded"] = self.superseded
        return d


@dataclass
class Answer:
    found: bool
    text: str
    citations: list[Hit]
    question: str = ""
    message: str = ""  # e.g. "未在政策文件中找到相关规定"
    confidence: float = 0.0
    # factoid | list | parts | comparison | metadata | lookup | llm | refusal
    type: str = "factoid"
    items: list[AnswerItem] = field(default_factory=list)  # list/parts answers, in document order
    table: AnswerTable | None = None  # comparison answers
    resolved_question: str = ""  # a follow-up rewritten in full ("那2035年呢？" → "2035年…")
    note: str = ""  # e.g. why the LLM answer fell back to the extractive one

    def shown_text(self) -> str:
        """Everything the user reads: the text, the list items and the table cells."""
        parts = [self.text, *(i.text for i in self.items)]
        if self.table:
            parts += [c for r in self.table.rows for c in r]
        return "\n".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "found": self.found,
            "text": self.text,
            "message": self.message,
            "confidence": self.confidence,
            "type": self.type,
            "items": [asdict(i) for i in self.items],
            "table": asdict(self.table) if self.table else None,
            "resolved_question": self.resolved_question,
            "note": self.note,
            "citations": [h.to_dict() for h in self.citations],
        }


@dataclass
class AnswerItem:
    """One line of a structured answer: the policy's own words, cited to citations[cite - 1]."""

    text: str
    cite: int  # 1-based index into Answer.citations, shown as [n]
    label: str = ""  # e.g. a sub-heading the item belongs to


@dataclass
class AnswerTable:
    """A comparison: one column per compared value (e.g. a year), one row per aspect; cells cite [n]."""

    columns: list[str]
    rows: list[list[str]]
    cites: list[list[int]] = field(default_factory=list)  # per cell, 0 = no citation
