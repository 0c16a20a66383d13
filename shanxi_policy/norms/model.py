"""The Norm record: one normative statement of one clause, stored with the index as norms.jsonl."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

MODALITIES = ("prohibition", "restriction", "obligation", "encouragement")
MODALITY_LABELS = {"prohibition": "禁止", "restriction": "限制", "obligation": "义务", "encouragement": "鼓励"}
KIND_LABELS = {"rule": "条款", "penalty": "罚则"}
SUBJECT_TYPE_LABELS = {"public": "任何单位和个人", "government": "政府及部门", "operator": "单位和个人（经营者）", "": ""}


@dataclass
class Norm:
    norm_id: str  # "<clause_id>#<k>", k counts norms within the clause from 0
    clause_id: str  # the article or clause it was read from
    doc_id: str
    modality: str  # one of MODALITIES
    trigger: str  # the modal word that was found: 禁止, 不得, 应当, 鼓励 ...
    subject: str  # who it binds: 建设单位, 排污单位, 任何单位和个人 ...; "" when unstated
    action: str  # the regulated action or object
    scope: str  # place, zone, industry, period or size it is limited to; "" when general
    exceptions: str  # 除…外, 但是…, 经…批准的 ...; "" when none
    quote: str  # verbatim text of the clause the norm rests on (a substring of Clause.text)
    item: str = ""  # the list item marker, e.g. "（三）", when split from "禁止下列行为：（一）…"
    conditions: str = ""  # when it applies: "向农田灌溉渠道排放城镇污水…的", "有下列情形之一的: …"
    subject_type: str = ""  # public (任何单位和个人) | government | operator | "" (unstated)
    kind: str = "rule"  # rule: stated by a modal word; penalty: read from a 法律责任 article's violation

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Norm:
        fields = cls.__dataclass_fields__
        return cls(**{k: d[k] for k in fields if k in d}, **{k: "" for k in _REQUIRED if k not in d})


_REQUIRED = ("norm_id", "clause_id", "doc_id", "modality", "trigger", "subject", "action", "scope", "exceptions", "quote")
