"""Retrieval units: a clause, or sentence windows of a long clause, carrying the clause's context."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass
from typing import Any

from ..models import Clause, Document

_SENT = re.compile(r"[^。！？；!?;]*[。！？；!?;]?")


@dataclass
class Unit:
    unit_id: int
    clause_id: str
    doc_id: str
    text: str  # the window of clause text
    start: int  # offsets of the window inside the clause text
    end: int
    context: str  # document title and heading path, searchable with the text

    @property
    def index_text(self) -> str:
        return f"{self.context}\n{self.text}"

    @property
    def text_hash(self) -> str:
        return hashlib.sha1(self.index_text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, split after 。！？； and newlines."""
    spans = []
    for line_m in re.finditer(r"[^\n]+", text):
        base = line_m.start()
        for m in _SENT.finditer(line_m.group(0)):
            if m.group(0).strip():
                spans.append((base + m.start(), base + m.end()))
    return spans


def windows(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Overlapping windows of whole sentences, each at most about max_chars long."""
    if len(text) <= max_chars:
        return [(0, len(text))]
    sents = sentences(text)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(sents):
        j = i
        while j + 1 < len(sents) and sents[j + 1][1] - sents[i][0] <= max_chars:
            j += 1
        out.append((sents[i][0], sents[j][1]))
        if j + 1 >= len(sents):
            break
        i = max(i + 1, j)  # the last sentence of a window opens the next one
    return out


def build_units(docs: list[Document], max_chars: int) -> list[Unit]:
    units: list[Unit] = []
    for d in docs:
        for c in d.clauses:
            units.extend(clause_units(d, c, max_chars, start_id=len(units)))
    return units


def clause_units(doc: Document, clause: Clause, max_chars: int, start_id: int = 0) -> list[Unit]:
    # A document without a real title is named by its file stem (often a hash): keep that out of the text.
    title = doc.title if doc.title != doc.doc_id else ""
    context = " ".join(x for x in [title, *clause.path] if x)
    return [
        Unit(start_id + k, clause.clause_id, doc.doc_id, clause.text[s:e], s, e, context)
        for k, (s, e) in enumerate(windows(clause.text, max_chars))
    ]
