"""Hand-made norms and the verdicts of a proposal's facts on them, for the judgment tests of the check."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import shanxi_policy as sp
from shanxi_policy.check.judges import RuleJudge
from shanxi_policy.check.proposal import analyze, project_fact
from shanxi_policy.norms.extract import extract_norms
from shanxi_policy.norms.model import Norm

from .conftest import LAWS


@lru_cache(maxsize=8)
def library_norms(law_files: tuple[str, ...]) -> tuple[Norm, ...]:
    """Real norms of these laws: word rarity (and the zones the library names) are read from them, as in a check."""
    corpus = sp.load_corpus([LAWS / f"{name}.md" for name in law_files])
    return tuple(n for d in corpus.documents for n in extract_norms(d))


def make_norm(modality: str, action: str, subject: str = "", scope: str = "", conditions: str = "",
              exceptions: str = "", trigger: str = "") -> Norm:
    word = {"obligation": "应当", "encouragement": "鼓励"}.get(modality, "禁止")
    quote = "".join(x for x in (conditions, subject, word, action) if x)
    trigger = trigger or word
    return Norm("测试法:a1#0", "测试法:a1", "测试法", modality, trigger, subject, action, scope, exceptions, quote,
                conditions=conditions, subject_type="operator" if subject else "public")


def verdicts(text: str, norm: Norm, law_files: tuple[str, ...]) -> list[str]:
    """Verdicts of every fact of the proposal, and of the proposal as one fact."""
    prop = analyze(text)
    judge = RuleJudge()
    judge.prepare([*library_norms(law_files), norm])
    facts = [f for f in prop.facts if f.mentions or f.fields]
    whole = project_fact(prop)
    return [judge.judge(f, norm).verdict for f in facts + ([whole] if whole else [])]


TRIALS = Path(__file__).parent / "data" / "trials"


def trial_text(prefix: str) -> str:
    """A proposal a trial's tester wrote, by its file's prefix ("23_P09")."""
    return next(TRIALS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def relations(rep, law: str, article: str) -> set[str]:
    """The relations of a report's findings on one article of one law."""
    return {f.relation for f in rep.findings if law in f.doc_label and f.article == article}
