"""Which article of a law punishes a given rule of it, read from the law's own 法律责任 chapter.

A liability article names the rule it punishes either by repeating its words ("（四）将危险废物提供或者委托给无许可证的
单位…" for 第八十条 "禁止将危险废物提供或者委托给无许可证的单位…") or by its number ("违反本办法第二十条规定的"). It
often lists several breaches and sets their amounts in a later paragraph ("有前款第三项、第四项…行为之一，处…罚款"): the
lines that concern one rule are its lead, the items repeating the rule and the amounts set for those items.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from ..index.units import sentences
from ..models import Clause, Document
from ..text.markers import ENUM_START, cited_paragraphs, cites_article
from ..text.tokenize import char_bigrams

_LIABILITY = re.compile(r"法律责任|罚则")
# The words of a rule before its act ("禁止", "应当") say nothing of which breach is punished.
_MODALS = r"禁止|不得|严禁|应当|必须"
_RULE_HEAD = re.compile(rf"^.*?(?:{_MODALS})")
_ARTICLE_NO = re.compile(r":a(\d+)$")
_ITEM_NUMBER = re.compile(r"[（(]([一二三四五六七八九十]+)[）)]")
# Share of a rule's character bigrams a liability article must repeat to punish that rule.
REPEAT_SHARE = 0.6
MIN_BIGRAMS = 6


def under_liability(path: Sequence[str]) -> bool:
    """A clause path (chapters, then the clause's own heading) that runs through a liability chapter."""
    return any(_LIABILITY.search(p) for p in path[:-1])


# A penalty article by its shape: the breach (…的), the authority (由…), the sanction.
_PENALTY_SHAPE = re.compile(r"^第[一二三四五六七八九十百零〇]+条\s*[^。]{2,160}?的，由[^。]{2,60}?(?:责令|处|给予|没收|吊销)"
                            r"[^。]*?(?:罚款|吊销|没收|责令停产|责令停业|责令关闭)")


def penalty_shaped(text: str) -> bool:
    """An article that reads as a penalty ("第二十四条 重点排放单位未按照规定清缴其碳排放配额的，由生态环境主管部门责令改正，
    处…罚款"), for texts whose articles stand under no chapter."""
    return bool(_PENALTY_SHAPE.match(text))


# "依照本条例规定", "违反本法规定": every rule and liability article of a text says it; it tells no breach apart.
_OWN_TEXT_REF = re.compile(r"(?:依照|按照|依据|根据|违反)?本(?:法|条例|办法|规定)(?:的)?(?:有关)?规定")


def _rule_bigrams(rule: str) -> set[str]:
    return set(char_bigrams(_OWN_TEXT_REF.sub("", _RULE_HEAD.sub("", rule, count=1))))


@lru_cache(maxsize=4096)
def _text_bigrams(text: str) -> frozenset[str]:
    # a law's liability articles are compared with every rule asked about: read once
    return frozenset(char_bigrams(text))


def _liable(doc: Document, duty_clause_id: str) -> list[Clause]:
    # (a text without chapters, 碳排放权交易管理暂行条例: its articles that read as penalties)
    return [c for c in doc.clauses if c.clause_id != duty_clause_id
            and (under_liability(c.path) or (len(c.path) <= 1 and penalty_shaped(c.text)))]


# The breach a penalty article opens with: its words up to the first "…的，".
_OPENING_CASE = re.compile(r"^(?:第[一二三四五六七八九十百零〇]+条)?\s*([^。；，,]{4,80}?)的[，,]")


def opening_cases(doc: Document) -> list[tuple[Clause, str]]:
    """Each liability article of a law with the breach it opens with ("无许可证从事收集、贮存、利用、处置危险废物经营活动"),
    when it opens with one (not with a list: "有下列行为之一的")."""
    out = []
    for c in _liable(doc, ""):
        m = _OPENING_CASE.match(c.text)
        if m and "下列" not in m.group(1):
            out.append((c, m.group(1)))
    return out


# A listed breach of a liability article ("（三）擅自倾倒、堆放危险废物的").
_LISTED_CASE = re.compile(r"[（(][一二三四五六七八九十]+[）)]\s*([^。；;\n]{4,120}?)的[；;。]")


def listed_cases(doc: Document) -> list[tuple[Clause, str]]:
    """Each breach a liability article of a law lists, with its article."""
    return [(c, m.group(1)) for c in _liable(doc, "") for m in _LISTED_CASE.finditer(c.text)]


def repeating_clause(doc: Document, duty_clause_id: str, rule: str, exclude: Collection[str] = ()) -> Clause | None:
    """The liability article of the law that repeats most of the rule's words, when it repeats enough of them (the
    clauses in exclude left aside); None otherwise."""
    grams = _rule_bigrams(rule)
    liable = [c for c in _liable(doc, duty_clause_id) if c.clause_id not in exclude]
    if not liable:
        return None
    if len(grams) < MIN_BIGRAMS:
        # "…未予批准的，建设单位不得开工建设": the act after 不得 is too short to know the article by; the case before it
        # is read too, and one article must repeat clearly more of it than any other (环评法 第三十一条)
        return _clearly_repeating(set(char_bigrams(re.sub(_MODALS, "", rule))), liable)
    # Enough of the rule repeated over the whole article; of such articles, the one with a single breach (an item, a
    # sentence) repeating most of it: 第一百一十四条 "无许可证从事收集…危险废物经营活动的" over 第一百一十二条, whose
    # many items hold the same words apart ("（四）…无许可证的单位…", "（七）…混合收集…").
    passing = [c for c in liable if len(grams & _text_bigrams(c.text)) >= REPEAT_SHARE * len(grams)]
    if not passing:
        # "向污水集中处理设施排放工业废水的，应当…进行预处理…": the case is half the rule, and the article punishing it
        # repeats both ("未按照规定进行预处理，向污水集中处理设施排放…工业废水的"); read with the case, one must lead clearly
        return _clearly_repeating(set(char_bigrams(re.sub(_MODALS, "", rule))), liable)
    return max(passing, key=lambda c: (_breach_share(grams, c.text), len(grams & _text_bigrams(c.text))))


def _breach_share(grams: set[str], text: str) -> int:
    """The most of the rule's bigrams one sentence or listed item of the article repeats."""
    return max((len(grams & _text_bigrams(text[a:b])) for a, b in _breaches(text)), default=0)


@lru_cache(maxsize=4096)
def _breaches(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(sentences(text))


# With the case read in, the share of the rule's bigrams the article repeats, and its lead over the next article.
CASE_SHARE = 0.45
CASE_LEAD = 0.1


def _clearly_repeating(grams: set[str], liable: list[Clause]) -> Clause | None:
    if len(grams) < MIN_BIGRAMS:
        return None
    ranked = sorted(((len(grams & _text_bigrams(c.text)) / len(grams), c) for c in liable), key=lambda x: -x[0])
    best, runner = ranked[0][0], (ranked[1][0] if len(ranked) > 1 else 0.0)
    return ranked[0][1] if best >= CASE_SHARE and best - runner >= CASE_LEAD else None


def penalty_clause(doc: Document, duty_clause_id: str, rule: str) -> Clause | None:
    """The liability article of the duty's own law that punishes the rule (a sentence of the duty clause): the one
    repeating it, else one naming the duty's article; None when the law has neither."""
    # (an article punishing the authority's own staff, "…主管部门的工作人员，有下列行为之一的，依法给予行政处分：（二）
    # 发现未依法取得…许可证的单位…不予查处", repeats the rule but punishes no one who breaks it)
    officials = {c.clause_id for c in _liable(doc, duty_clause_id) if punishes_officials(c.text)}
    best = repeating_clause(doc, duty_clause_id, rule, exclude=officials)
    if best is not None:
        return best
    m = _ARTICLE_NO.search(duty_clause_id)
    n = int(m.group(1)) if m is not None else None
    cited = next((c for c in _liable(doc, duty_clause_id) if n is not None and cites_article(c.text, n)
                  and c.clause_id not in officials), None)
    return cited or _repeating_act(doc, duty_clause_id, rule, officials)


def _repeating_act(doc: Document, duty_clause_id: str, rule: str, exclude: Collection[str]) -> Clause | None:
    """The one liability article that repeats the rule's act, its last clause ("…按照…规定的时限，足额清缴其碳排放配额"
    and 第二十四条 "未按照规定清缴其碳排放配额的"), when the rule's procedure words are too many for the whole to be
    repeated; None when no article, or more than one, does."""
    act = re.split(r"[，,；;]", rule.strip().rstrip("。"))[-1]
    grams = set(char_bigrams(re.sub(f"{_MODALS}|足额|按时|及时|依法|如实|按照规定", "", act)))
    if len(grams) < MIN_BIGRAMS:
        return None
    got = [c for c in _liable(doc, duty_clause_id) if c.clause_id not in exclude
           and len(grams & _text_bigrams(c.text)) >= REPEAT_SHARE * len(grams)]
    return got[0] if len(got) == 1 else None


# The party a penalty article opens with, when it is a government body or its staff.
_OFFICIAL_PARTY = re.compile(r"人民政府|主管部门|工作人员|监督管理职责的部门|国家机关|发证机关")


def punishes_officials(text: str) -> bool:
    """The article punishes an authority or its staff ("县级以上人民政府环境保护主管部门的工作人员，有下列行为之一的，
    依法给予行政处分"), not a party that breaks a rule ("违反本法规定，…由…主管部门责令改正")."""
    body = re.sub(r"^第[一二三四五六七八九十百零〇]+条\s*", "", text.strip())
    if body.startswith("违反"):
        return False
    opening = re.split(r"[，,：:]|有下列", body, maxsplit=1)[0]
    return bool(_OFFICIAL_PARTY.search(opening))


def first_item(body: Sequence[str]) -> int | None:
    """Where a liability article's list of breaches begins ("（一）…"); None when it lists none."""
    return next((i for i, x in enumerate(body) if ENUM_START.match(x)), None)


def amounts_for(body: Sequence[str], items: Sequence[str] | None = None) -> list[str]:
    """The sentences after an article's list that set amounts for listed breaches ("有前款第三项、第四项…行为之一，处…"):
    those naming one of the items given, or all of them when items is None."""
    first = first_item(body)
    if first is None:
        return []
    numbers = None if items is None else [m.group(1) for x in items if (m := _ITEM_NUMBER.match(x))]
    # (one naming no item, "有前款规定行为之一的，处二万元以上二十万元以下的罚款", sets the amount for every item)
    return [x for x in body[first:] if not ENUM_START.match(x) and "前款" in x
            and (numbers is None or not re.search(r"第[一二三四五六七八九十]+项", x)
                 or any(re.search(rf"第{n}项(?![一二三四五六七八九十])", x) for n in numbers))]


def _paragraph_citing(text: str, article: int, paragraph: int) -> list[str]:
    """Of an article whose paragraphs punish different paragraphs of one rule ("违反本办法第十五条第一款、第二款、第三款
    规定的，…" then "违反本办法第十五条第四款规定的，…"), the sentences of the paragraph naming the rule's; [] when no
    paragraph names paragraphs of that article."""
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    named = [(p, got[1]) for p in paras if (got := cited_paragraphs(p)) is not None and got[0] == article]
    if len(paras) < 2 or not named:
        return []
    return [p[a:b].strip() for p, ks in named if paragraph in ks for a, b in sentences(p) if p[a:b].strip()]


def penalty_lines(text: str, rule: str, duty: str = "", duty_clause_id: str = "") -> list[str]:
    """The sentences of a liability article that concern the rule: for an article listing breaches, its lead, the
    items that repeat the rule most and the later sentences setting their amounts ("有前款第四项…行为之一，处…"); the
    whole article otherwise. duty, duty_clause_id: the rule's article, whose paragraph a penalty may name."""
    m = _ARTICLE_NO.search(duty_clause_id)
    paras = [p.strip() for p in duty.split("\n") if p.strip()]
    at = next((i for i, p in enumerate(paras) if rule and rule[:12] in p), None)
    if m is not None and at is not None and len(paras) > 1:
        own = _paragraph_citing(text, int(m.group(1)), at + 1)
        if own:
            return own
    body = [text[a:b].strip() for a, b in sentences(text) if text[a:b].strip()]
    first = first_item(body)
    if first is None:
        return _paragraphs_on(text, rule) or body
    items = [x for x in body[first:] if ENUM_START.match(x)]
    grams = _rule_bigrams(rule)
    shares = [len(grams & set(char_bigrams(x))) for x in items]
    if not shares or max(shares) == 0:
        return body
    chosen = [x for x, s in zip(items, shares, strict=True) if s == max(shares)]
    return body[:first] + chosen + amounts_for(body, chosen)


def _paragraphs_on(text: str, rule: str) -> list[str]:
    """For an article of several paragraphs (款) and no list, the sentences of the paragraphs repeating the rule
    most (第一百一十九条: pesticides, not the burning of asphalt or fireworks set out in its next paragraphs); []
    when it has one paragraph or none repeats the rule more than the others."""
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    if len(paras) < 2:
        return []
    grams = _rule_bigrams(rule)
    shares = [len(grams & set(char_bigrams(p))) for p in paras]
    top = max(shares)
    if top == 0 or shares.count(top) == len(paras):
        return []
    return [p[a:b].strip() for p, s in zip(paras, shares, strict=True) if s == top
            for a, b in sentences(p) if p[a:b].strip()]

