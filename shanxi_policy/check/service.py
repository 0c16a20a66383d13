"""The check service the CLI, the app and the API call: `check_proposal(library, text)`.

`library` is anything that provides the retrieval interface `retrieve.norm_search.CheckSource`; a loaded
index (KnowledgeBase) is adapted to it once per index version.
"""

from __future__ import annotations

from .engine import CheckParams, check_proposal
from .judges import Judge, LLMJudge, RuleJudge

__all__ = ["CheckParams", "Judge", "LLMJudge", "RuleJudge", "check_proposal"]
