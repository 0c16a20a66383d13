"""Curated checks, kept as data in shanxi_policy/data/checks.yaml (adding one needs no code)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import PolicyError
from ..package_data import data_text, load_yaml

# libyaml when present: parsing the lexicons in pure Python was a third of the first check's time.

RELATIONS = ("conflict", "attention", "supports", "related")


@dataclass
class Check:
    id: str
    name: str
    clause: str
    quote: str
    force: str
    applies: list[str]
    reason_apply: str
    recommendation: str
    forbids: list[str] = field(default_factory=list)
    requires: list[str] = field(default_factory=list)
    supports: list[str] = field(default_factory=list)
    missing: str = "attention"
    # relation when a forbidden term is present: a clause that only promotes a substitute ("加大低VOCs原辅材料源头替代
    # 力度") makes the old material a matter to look at, not a breach
    forbidden: str = "conflict"
    new_works: bool = False  # a check on new works only (准入): not run on a report about a plant in operation
    # words that, in the sentence of what the clause applies to, show it does not ("既有建筑…内部装修" builds nothing)
    unless: list[str] = field(default_factory=list)


def parse_checks(data: Any, source: str = "checks.yaml") -> list[Check]:
    if not isinstance(data, list):
        raise PolicyError(f"{source} 应为检查项列表")
    out = []
    for n, item in enumerate(data, 1):
        try:
            c = Check(**item)
        except TypeError as exc:
            raise PolicyError(f"{source} 第 {n} 个检查项字段有误：{exc}") from exc
        if c.missing not in ("conflict", "attention") or c.forbidden not in ("conflict", "attention"):
            raise PolicyError(f"{source} 检查项 {c.id} 的 missing、forbidden 只能是 conflict 或 attention")
        out.append(c)
    ids = [c.id for c in out]
    if len(ids) != len(set(ids)):
        raise PolicyError(f"{source} 中检查项编号重复")
    return out


@lru_cache(maxsize=4)
def load_checks(path: str = "") -> tuple[Check, ...]:
    if path:
        text = Path(path).read_text(encoding="utf-8")
    else:
        text = data_text("checks.yaml")
    return tuple(parse_checks(load_yaml(text), path or "checks.yaml"))
