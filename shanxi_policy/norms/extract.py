"""Read the normative statements (禁止/限制/义务/鼓励) of a clause: who, what, where, unless.

The same procedure runs on law articles (第X条) and on policy clauses (（一）…): a clause is cut into
paragraphs, list items, sentences (。；) and comma phrases; a phrase holding a modal word from the
lexicon (shanxi_policy/data/norm_lexicon.yaml) opens a norm, the phrases before it give its subject,
scope and conditions, the phrases after it continue its action until the next modal word. A list
("禁止下列行为：（一）…（二）…") yields one norm per item under the list's modality. Penalty articles
(违反本法规定…处…罚款) yield norms of kind "penalty" for the conduct they punish. Sentences that define
or declare (本法所称…) yield none. Every quote is a verbatim substring of the clause text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..models import Clause, Document
from ..package_data import data_text, load_yaml
from ..text.markers import CLAUSE, ITEM, PART, SUBITEM
from ..text.tokenize import content_terms, tagged
from .model import MODALITIES, Norm

# libyaml when present: parsing the lexicons in pure Python was a third of the first check's time.

# ----- lexicon -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TriggerRule:
    word: str
    modality: str
    regex: bool = False
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    only_before: tuple[str, ...] = ()
    not_before_regex: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Lexicon:
    rules: tuple[TriggerRule, ...]
    priority: tuple[str, ...]
    subjects: tuple[tuple[str, tuple[str, ...]], ...]
    declarative: tuple[str, ...]
    permissive: tuple[str, ...]
    list_scope_nouns: tuple[str, ...]
    penalty_markers: tuple[str, ...]
    failure_prefixes: tuple[str, ...]
    subject_suffixes: tuple[str, ...]
    auxiliaries: tuple[str, ...]
    manner: re.Pattern[str]
    pattern: re.Pattern[str] = field(compare=False, repr=False)
    predicate_verbs: tuple[str, ...] = ()


def parse_lexicon(data: dict[str, Any]) -> Lexicon:
    rules: list[TriggerRule] = []
    for modality, entries in (data.get("triggers") or {}).items():
        if modality not in MODALITIES:
            raise ValueError(f"规范词表中的情态“{modality}”无效，应为 {', '.join(MODALITIES)} 之一")
        for e in entries:
            rules.append(TriggerRule(
                word=str(e["word"]), modality=modality, regex=bool(e.get("regex", False)),
                not_before=tuple(e.get("not_before") or ()), not_after=tuple(e.get("not_after") or ()),
                only_before=tuple(e.get("only_before") or ()),
                not_before_regex=re.compile(e["not_before_regex"]) if e.get("not_before_regex") else None,
            ))
    # Longest literal first so that 严格限制 wins over 限制 and 任何单位和个人不得 over 不得.
    order = sorted(range(len(rules)), key=lambda i: (rules[i].regex, -len(rules[i].word)))
    rules = [rules[i] for i in order]
    alts = [f"(?P<t{i}>{r.word if r.regex else re.escape(r.word)})" for i, r in enumerate(rules)]
    return Lexicon(
        rules=tuple(rules),
        priority=tuple(data.get("priority") or MODALITIES),
        subjects=tuple((k, tuple(v)) for k, v in (data.get("subjects") or {}).items()),
        declarative=tuple(data.get("declarative") or ()),
        permissive=tuple(data.get("permissive") or ()),
        list_scope_nouns=tuple(data.get("list_scope_nouns") or ()),
        penalty_markers=tuple(data.get("penalty_markers") or ()),
        failure_prefixes=tuple(sorted(data.get("failure_prefixes") or (), key=len, reverse=True)),
        subject_suffixes=tuple(data.get("subject_suffixes") or ()),
        auxiliaries=tuple(data.get("auxiliaries") or ()),
        manner=re.compile("^(?:" + "|".join(map(re.escape, sorted(data.get("manner_words") or ["$^"], key=len,
                                                                   reverse=True))) + ")+$"),
        pattern=re.compile("|".join(alts)),
        predicate_verbs=tuple(data.get("predicate_verbs") or ()),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    text = data_text("norm_lexicon.yaml")
    return parse_lexicon(load_yaml(text))


# ----- spans -------------------------------------------------------------------------------------------

Span = tuple[int, int]

_ARTICLE_HEAD = re.compile(r"^\s*第[一二三四五六七八九十百千零〇两\d]+条(?:之[一二三四五六七八九十]+)?[\s　]*")
_ITEM = re.compile(r"[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|(?<![\d.])\d{1,2}[.．、](?!\d)")
_ITEM_AT_START = re.compile(r"^\s*(" + _ITEM.pattern + r")\s*")
_OPEN, _CLOSE = "（(“《「‘[【", "）)”》」’]】"
_TRIM = " \t　，,。；;：:、"
_CONNECT = re.compile(r"^(?:和|与|及|以及|或者|或|、|并|并且|也|还|要|严格|依法|积极|大力|进一步|全面|加快|逐步|有序|重点|"
                      r"坚决|统筹|深入|持续|切实|稳步|着力|不断|鼓励|支持|引导)*$")
_ADVERB_TAIL = re.compile(r"(?:还|也|均|都|亦|仍|同时|依法|依照[^，]*规定|按照[^，]*规定|严格|必须|应|要|并|需要)+$")
# "距离…一级保护区边界1000米范围内": a distance from a place bounds where the norm applies (the place, the figure, its
# unit, and whether the norm holds within or beyond it). The check compares it with the proposal's distance.
# A distance from a place: "距离…取水口500米范围内", or along it: "岚河干流岸线两侧各200米范围内", "厂界周边300米以内".
DISTANCE_SCOPE = re.compile(r"(?:(?:距离|距)(?P<place>[^，。；：]{1,40}?)|(?P<along>[^，。；：\d]{2,40}?)"
                            r"(?:两侧|两岸|周边|周围|沿岸|四周|外延|向外)各?(?:延伸)?)"
                            r"(?P<num>\d+(?:\.\d+)?)(?P<unit>米|公里|千米)(?P<side>范围内|以内|之内|范围以外|以外|之外)")
_SCOPE_PATTERNS = [
    re.compile(r"在[^，。；：]{1,40}?(?:范围内|以内|以外|区域内|内|上游|下游|周边|周围|附近|沿岸|两侧|期间|过程中)"),
    re.compile(r"夜间|昼间|\d{1,2}时至(?:次日)?\d{1,2}时|[^，。；：]{0,8}(?:期间|季节|时段)"),
    re.compile(r"(?:开工建设|开工|投入生产或者使用|投入使用|投入运行|投产|施工)(?:之)?前"),
    DISTANCE_SCOPE,
    re.compile(r"(?:单台|年产|日产|设计能力|规模)?[^，。；：]{0,10}?\d+(?:\.\d+)?(?:万|千)?(?:吨|千瓦|兆瓦|蒸吨|立方米|平方米|公顷|亩|头|只|千伏|米|公里)"
               r"(?:/[时日年小]+)?(?:以上|以下|及以上|及以下|以内)?"),
]
# Only in the phrases before the modal word (not in its action, where 从事 or 向…保护区 is the verb's own):
_AUX_START = re.compile(r"^(?:也|还|均|都|亦|并|依法|必须)?(?:应当|必须|须|不得|不准|不许)")
_EXCEPTION_HEAD = re.compile(r"^(?:未经|经)[^，]{0,20}(?:批准|许可|同意|备案|核准)|^除.+外$")
_HEAD_SCOPE_PATTERNS = [
    re.compile(r"^[^，。；：在向对由经、]{1,20}?(?:保护区|功能区|缓冲区|核心区|禁养区|建成区|管理范围|敏感建筑物集中区域|重点区域|重点地区)(?:内)?"),
    re.compile(r"从事[^，。；：]{2,24}?(?:活动|经营|业务|的)"),
]
# 除 opening an exception, not the 除 of a verb (拆除作业…外挂防尘布, 清除, 消除 …).
_CHU = r"(?<![拆清消排去免删解废根铲剔扣破革祛摒切戒割整])除"
_EXCEPTION_PATTERNS = [
    re.compile(_CHU + r"[^。；]{1,80}?(?:外|以外)"),
    re.compile(r"(?:未经|非经|须经|(?<![一-龥])经)[^，。；：]{0,30}?(?:批准|许可|同意|备案|核准|登记|审批)(?:的)?"),
    re.compile(r"与[^，。；：]{1,40}?无关的"),
    re.compile(r"[^，。；：]*的除外"),
]


def _split(text: str, span: Span, seps: str) -> list[Span]:
    """Cut span at separators outside brackets and quotes; each piece keeps its separator."""
    out: list[Span] = []
    s, e = span
    depth, start = 0, s
    for i in range(s, e):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            out.append((start, i + 1))
            start = i + 1
    if start < e:
        out.append((start, e))
    return [p for p in (_strip(text, p) for p in out) if p[1] > p[0]]


def _strip(text: str, span: Span, chars: str = " \t　\n") -> Span:
    s, e = span
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


def _clean(t: str) -> str:
    return t.strip(_TRIM + "\n")


def _body_start(c: Clause) -> int:
    """Skip the article number (第五条) or a policy clause's own heading （三）推动产业结构绿色低碳转型。"""
    m = _ARTICLE_HEAD.match(c.text)
    if m:
        return m.end()
    headed = bool(c.title) and c.text.startswith(c.title)
    if headed:
        end = len(c.title)
        while end < len(c.text) and c.text[end] in "。．.：: 　":
            end += 1
        if c.text[end:].strip():
            return end
    # Only the list marker is skipped for a one-sentence item ("（二）严禁新增焦化产能，新建焦化项目必须实施产能减量置换。"
    # is its own body: a local notice states most of its rules so) and for a numbered paragraph with no heading
    # ("三、距离…1000米范围内，禁止新建加油站。"): the marker is no word of the norm's scope or subject.
    marker = next((m for rx in (CLAUSE, PART, ITEM, SUBITEM) if (m := rx.match(c.text))), None)
    return marker.start(2) if marker and (headed or not c.title) else 0


# ----- triggers ----------------------------------------------------------------------------------------


@dataclass
class _Trig:
    start: int
    end: int
    rule: TriggerRule


_IN_OPEN_PHRASE = re.compile(r"(?<![所存现正实自内外])在[^内中上时，,]*$")
_CLOSES_PHRASE = re.compile(r"[^，,。；内]*?(?:中|时|过程中)")


def _find_triggers(text: str, span: Span, lex: Lexicon) -> list[_Trig]:
    out: list[_Trig] = []
    s, e = span
    for m in lex.pattern.finditer(text, s, e):
        rule = lex.rules[int(m.lastgroup[1:])] if m.lastgroup else None
        if rule is None:
            continue
        after, before = text[m.end(): m.end() + 8], text[max(s, m.start() - 8): m.start()]
        if rule.not_before and after.startswith(rule.not_before):
            continue
        if rule.not_after and before.endswith(rule.not_after):
            continue
        if rule.only_before and not after.startswith(rule.only_before):
            continue
        if rule.not_before_regex and rule.not_before_regex.match(text, m.end(), e):
            continue
        if _IN_OPEN_PHRASE.search(text, s, m.start()) and _CLOSES_PHRASE.match(text, m.end(), e):
            continue  # 在…推广应用中有显著成绩: inside a 在…中 phrase, not a modal
        if text.count("《", 0, m.start()) > text.count("》", 0, m.start()):
            continue  # 《关于全面推进美丽山西建设的实施意见》: a title, not a modal
        out.append(_Trig(m.start(), m.end(), rule))
    return out


def _group(text: str, trigs: list[_Trig]) -> list[list[_Trig]]:
    """Triggers side by side before one action (应当严格限制, 鼓励和支持) form one group."""
    groups: list[list[_Trig]] = []
    for t in trigs:
        if groups and _CONNECT.match(text[groups[-1][-1].end: t.start]):
            groups[-1].append(t)
        else:
            groups.append([t])
    return groups


def _modality(group: list[_Trig], lex: Lexicon) -> str:
    mods = {t.rule.modality for t in group}
    return next(m for m in lex.priority if m in mods)


# ----- fields ------------------------------------------------------------------------------------------


def subject_type(subject: str, modality: str = "", trigger: str = "", lex: Lexicon | None = None) -> str:
    lex = lex or lexicon()
    if subject:
        kinds = dict(lex.subjects)
        speaker = subject == "国家" or subject.endswith(tuple(kinds.get("government", ())))
        if speaker and trigger[:1] in "禁严" and modality == "prohibition":
            # "国家禁止进口、销售和燃用不符合质量标准的煤炭", "地方各级人民政府应当…禁止销售…": the state or a
            # government forbids the act; whoever does it is bound, as under a bare 禁止.
            return "public"
        if subject.startswith("任何") or subject in kinds.get("public", ()):
            return "public"
        for kind in ("operator", "government"):
            if subject.endswith(tuple(kinds.get(kind, ()))):
                return kind
        if any(w in subject for w in kinds.get("government", ())):
            return "government"
        return "operator"
    if modality == "prohibition" and trigger and trigger[0] in "禁严":
        return "public"
    return ""


# "…的建设项目": a phrase ending in a noun that 的 ties to the clause before it names a kind of thing, not an act.
_DE_NOUN = re.compile(r"的(?:建设项目|项目|单位|企业|设施|场所|区域|地区|车辆|船舶|产品|物品|废物)$")
# In an action, a figure after a bound word is the norm's bound ("距河道管理范围边界不得少于500米"), not its scope.
_BOUND_WORD = re.compile(r"少于|低于|小于|超过|高于|大于|不足|不满")


def _scope(text: str, head: bool = False) -> str:
    found: list[str] = []
    for p in _SCOPE_PATTERNS + (_HEAD_SCOPE_PATTERNS if head else []):
        for m in p.finditer(text):
            if not head and _BOUND_WORD.search(m.group(0)):
                continue
            t = _clean(m.group(0))
            if len(t) >= 2 and not any(t in f for f in found):
                found = [f for f in found if f not in t] + [t]
    return "；".join(found)


def _exceptions(text: str) -> str:
    found: list[str] = []
    for p in _EXCEPTION_PATTERNS:
        for m in p.finditer(text):
            t = _clean(m.group(0))
            if t and not any(t in f for f in found):
                found = [f for f in found if f not in t] + [t]
    return "；".join(found)


def _join(*parts: str) -> str:
    out: list[str] = []
    for p in parts:
        for x in p.split("；"):
            if x and x not in out:
                out.append(x)
    return "；".join(out)


# ----- one clause --------------------------------------------------------------------------------------


@dataclass
class _Draft:
    modality: str
    trigger: str
    subject: str
    action: str
    scope: str
    exceptions: str
    quote: Span
    item: str = ""
    conditions: str = ""
    kind: str = "rule"


@dataclass
class _ListContext:
    draft: _Draft | None  # the intro's norm (its modality and subject), None for a penalty or a plain list
    role: str  # action | place | condition | penalty | own
    template: str = ""  # the intro action with 下列… marked as {}, when items fill a slot
    subject: str = ""


def _is_declarative(sentence: str, lex: Lexicon) -> bool:
    return any(w in sentence for w in lex.declarative)


def _is_penalty(text: str, lex: Lexicon) -> bool:
    punished = re.search(r"处[^。；]{0,40}(?:罚款|罚|拘留|处分)|追究|给予", text)
    return any(w in text for w in lex.penalty_markers) and bool(punished)


def _is_subject(h: str, lex: Lexicon) -> bool:
    """A phrase names the bound party when it ends with a party noun (…的单位, 建设单位, 国家)."""
    if not h or len(h) > 80 or lex.manner.match(h):
        return False
    verb = next((v for v in lex.predicate_verbs if h.startswith(v)), "")
    if verb and "的" not in h and (len(h) == len(verb) or len(h) - len(verb) > 4):
        return False  # 组织推广…, 加强…监督管理: an action, not a party (编制机关, 实施单位 are parties)
    return h.endswith(lex.subject_suffixes) or h.endswith(tuple(w for _k, words in lex.subjects for w in words))


def _classify_head(text: str, chunks: list[Span], aux: bool, lex: Lexicon, scope: list[str], cond: list[str],
                   exc: list[str]) -> tuple[str, int]:
    """Sort the phrases before a norm's modal word into subject, scope, conditions and exceptions.

    Everything up to the last phrase ending in 的 is one condition (未建设…、…不合格，或者未委托…的，).
    After a modal auxiliary (应当, 不得 …) an unsorted phrase is the norm's topic (向环境排放…废弃物，应当…);
    before a policy verb (推进, 淘汰 …) it is an imperative of its own and is left out."""
    subject = ""
    start = chunks[0][0] if chunks else len(text)
    last_de = max((i for i, c in enumerate(chunks) if _clean(text[c[0]: c[1]]).endswith("的")), default=-1)
    used = False
    for i, hc in enumerate(chunks):
        h = _clean(text[hc[0]: hc[1]])
        if not h:
            continue
        if re.search(_CHU + r".+外|但", h) or "无关的" in h \
                or re.search(r"(?:未经|非经|(?<![一-龥])经).{0,20}(?:批准|许可|同意)", h):
            exc.append(h)
        elif i <= last_de or h.startswith(("对", "凡", "因", "如", "若", "当")):
            cond.append(h)
        elif not subject and _is_subject(h, lex):
            subject = h
            scope += [x for x in _scope(h, head=True).split("；") if x]
        elif re.match(r"^(?:在|于|到\d|以.+为)", h) or _scope(h, head=True) == h:
            scope.append(h)
        elif aux:
            cond.append(h)
        else:
            continue
        if not used:
            start, used = hc[0], True
    if len(cond) > 1:
        cond[:] = ["，".join(cond)]
    return subject, start if used else len(text)


def _permissive(before: str, lex: Lexicon) -> bool:
    """可以规定…禁止, 有权…限制: a power granted, not a norm; a condition phrase (…可以…的，) does not count."""
    for w in lex.permissive:
        i = before.rfind(w)
        if i >= 0 and not re.search(r"的[，,]|但", before[i:]):
            # …有权举报，接到举报的机关应当…: a phrase naming a new party starts a norm of its own.
            last = re.split(r"[，,]", before[i:])[-1]
            return not (len(before[i:]) > len(last) and _is_subject(_ADVERB_TAIL.sub("", _clean(last)), lex))
    return False


def _sentence_norms(text: str, sent: Span, lex: Lexicon, inherited_subject: str = "") -> list[_Draft]:
    """Norms of one sentence (cut at 。；)."""
    s_text = text[sent[0]: sent[1]]
    if _is_declarative(s_text, lex):
        return []
    chunks = _split(text, sent, "，,")
    drafts: list[_Draft] = []
    head_chunks: list[Span] = []
    cur: _Draft | None = None
    for ci, ch in enumerate(chunks):
        trigs = _find_triggers(text, ch, lex)
        c_text = text[ch[0]: ch[1]]
        bare = _clean(c_text)
        if trigs and ci + 1 < len(chunks) and _is_subject(bare, lex) and _AUX_START.match(
                _clean(text[chunks[ci + 1][0]: chunks[ci + 1][1]])):
            trigs = []  # …应当取得许可证方可排放的废水的企业，应当…: the first modal sits inside the subject
        if trigs and cur is not None and bare.endswith("除外"):
            trigs = []  # "…因生产工艺要求…必须连续施工作业的除外": a modal inside the exception
        elif trigs and (bare.endswith("的") or _DE_NOUN.search(bare)) and ci + 1 < len(chunks) \
                and _find_triggers(text, chunks[ci + 1], lex):
            # "因特殊需要必须连续施工作业的，应当…", "依法应当编制环境影响报告书的建设项目，建设单位应当…": a modal
            # inside the condition or the topic of the next one
            trigs = []
        if cur is not None and not trigs:
            if bare.startswith(("但", "但是")) or bare.endswith("除外"):
                cur.exceptions = _join(cur.exceptions, bare)
            elif _EXCEPTION_HEAD.match(bare) or bare.endswith("的"):
                head_chunks.append(ch)  # 未经批准，不得…: it opens the next norm
                continue
            else:
                for hc in head_chunks:
                    cur.action += "，" + _clean(text[hc[0]: hc[1]])
                head_chunks = []
                cur.action = cur.action + "，" + bare if cur.action else bare
            cur.quote = (cur.quote[0], ch[1])
            continue
        if not trigs:
            head_chunks.append(ch)
            continue
        groups = _group(text, trigs)
        for gi, g in enumerate(groups):
            # A later group inside the same phrase (应当保证…不得超过…) belongs to the first one's action.
            if gi > 0 and text[g[0].start - 1] not in "、；;":
                continue
            g_start = g[0].start
            head_from = ch[0] if gi == 0 else g_start
            if _permissive(text[sent[0]: g_start], lex):
                continue
            next_start = next((h[0].start for h in groups[gi + 1:] if text[h[0].start - 1] in "、；;"), ch[1])
            # 实行…制度 / 执行…标准: the verb is the trigger, the matched object is part of the action.
            verb_end = g[-1].start + 2 if g[-1].rule.regex else g[-1].end
            action = _clean(text[verb_end: next_start])
            trig_word = text[g[0].start: verb_end]
            head = _clean(text[head_from: g_start])
            subject = word_subject = ""
            modality = _modality(g, lex)
            if g[0].rule.word.startswith("任何"):
                core = g[0].rule.word[-2:]
                word_subject, trig_word = g[0].rule.word[:-2], core + text[g[0].start + len(g[0].rule.word): g[-1].end]
            if g[-1].rule.regex:
                # A modal verb inside 实行…制度 (实行淘汰制度) decides the modality.
                inner = [t for t in _find_triggers(text, (verb_end, g[-1].end), lex) if not t.rule.regex]
                if inner:
                    modality = _modality([*g, *inner], lex)
            scope_parts: list[str] = []
            cond_parts: list[str] = []
            exc_parts: list[str] = []
            if gi == 0:
                # After a modal auxiliary an unsorted phrase is the norm's topic, unless the phrase holding
                # the modal names its own party (…有权举报，接到举报的机关应当…).
                aux = g[0].rule.word in lex.auxiliaries and not _is_subject(_ADVERB_TAIL.sub("", head), lex)
                subject, q_start = _classify_head(text, head_chunks, aux, lex, scope_parts, cond_parts, exc_parts)
                q_start = min(q_start, ch[0])
            else:
                q_start = head_from
            subject = word_subject or subject
            if head:
                head = _ADVERB_TAIL.sub("", head)
                m_scope = re.match(r"^(在[^，]{1,40}?(?:范围内|以内|内|中|上|期间))(.*)$", head)
                if m_scope:
                    scope_parts.append(m_scope.group(1))
                    head = m_scope.group(2)
                if lex.manner.match(head):
                    head = ""
                if head.endswith("的"):
                    cond_parts.append(head)
                elif head and not subject and _is_subject(head, lex):
                    subject = head
                elif head and action:
                    # 对…应当…, 农田灌溉用水应当符合…: the head names what the action is about.
                    action = head + "，" + action if head.startswith(("对", "向", "将")) else head + action
            if not action:
                # Object before verb: 推动国四…货车淘汰, …应当从严控制 at the end of a phrase.
                action = head
                if subject == head:
                    subject = ""
            if not subject and inherited_subject:
                subject = inherited_subject
            cur = _Draft(modality, trig_word, subject, action, "", "", (q_start, next_start))
            cur.scope = _join(*scope_parts, _scope(action), *(_scope(c, head=True) for c in cond_parts))
            cur.exceptions = _join(*exc_parts, _exceptions(action))
            cur.conditions = "；".join(cond_parts)
            drafts.append(cur)
        head_chunks = []
    if cur is not None and head_chunks:
        # Phrases held for a next norm that never came belong to the last one.
        for hc in head_chunks:
            h = _clean(text[hc[0]: hc[1]])
            if _EXCEPTION_HEAD.match(h):
                cur.exceptions = _join(cur.exceptions, h)
            else:
                cur.action += "，" + h
            cur.quote = (cur.quote[0], hc[1])
    out = [d for d in drafts if d.action]
    for prev, d in itertools.pairwise(out):
        if not (d.subject or d.conditions or d.scope):
            # "添加剂的有害物质含量…应当符合…，不得损害…，不得增加新的大气污染物排放": a modal phrase with
            # no head of its own speaks of the same party, object and place as the phrase before it.
            d.subject, d.conditions, d.scope = prev.subject, prev.conditions, prev.scope
            if len(d.action) <= 3 and len(content_terms(d.action)) <= 1:
                # "洗砂废水必须全部循环利用，不得外排": a bare verb acts on the thing the phrase before it begins with.
                lead = _leading_nouns(prev.action)
                # only a thing the phrase before opens with, before its modal word (not an act of its action)
                if lead and text[prev.quote[0]: prev.quote[1]].startswith(lead):
                    d.action = lead + d.action
    return out


# Adverbs the segmenter tags as nouns ("全部", "依法"): they end the nouns an action opens with.
_NOUN_LIKE_ADVERBS = frozenset({"全部", "全面", "依法", "一律", "统一", "及时", "严格", "规定", "同时", "分类"})


def _leading_nouns(action: str) -> str:
    """The nouns an action opens with ("洗砂废水" in "洗砂废水全部循环利用")."""
    out = ""
    for w, flag in tagged(action):
        if (not flag.startswith("n") and flag != "vn") or w in _NOUN_LIKE_ADVERBS:
            break
        out += w
    return out if len(out) >= 2 else ""


_AGGRAVATION = ("情节", "拒不", "逾期", "造成", "构成", "有前款", "有前两款", "有本条", "有违法所得", "有其他违法")


# "…的，由城市人民政府生态环境等主管部门依法予以处罚": a sanction named without its measure (罚款, 责令…).
_SANCTIONED_BY = re.compile(r"的[，,]\s*由[^。；]{2,40}?(?:予以|依法)处罚")


def _penalty_sentence(text: str, sent: Span, lex: Lexicon) -> _Draft | None:
    """违反本法规定，建设单位未依法…的，由…处…罚款 -> the punished conduct as a norm."""
    s = text[sent[0]: sent[1]]
    m = re.search(r"的[，,]\s*(?:由|处|依照|依法|责令|对|没收|并处)", s)
    if not m:
        return None
    lead = s[: m.start() + 1]
    lead = re.sub(r"^违反[^，,]*规定[，,]", "", lead)
    if "下列" in lead or lead.startswith(_AGGRAVATION) or len(_clean(lead)) < 4:
        return None
    off = s.find(lead)
    q = (sent[0] + off, sent[0] + off + len(lead))
    return _violation_draft(text, q, lex, "")


def _violation_draft(text: str, span: Span, lex: Lexicon, subject: str, item: str = "") -> _Draft | None:
    v = _clean(text[span[0]: span[1]])
    v = re.sub(r"的$", "", v)
    if len(v) < 2:
        return None
    modality, trigger, action = "prohibition", "罚则", v
    subj = subject
    for p in lex.failure_prefixes:
        i = v.find(p)
        if 0 <= i <= 24 and "，" not in v[:i]:
            if p.startswith("未经"):
                break  # acting without approval is prohibited conduct, not an omitted duty
            rest = v[i + len(p):]
            if p.endswith("规定") or p.endswith("依法"):
                rest = p.lstrip("未不") + rest
            if i and not subj:
                subj = v[:i]
            modality, action = "obligation", rest
            break
    d = _Draft(modality, trigger, subj, action, _scope(v), _exceptions(v), span, item, kind="penalty")
    return d


def _list_context(text: str, intro: Span, drafts: list[_Draft], lex: Lexicon, penalty: bool) -> _ListContext:
    t = text[intro[0]: intro[1]]
    lm = _LIST_WORD.search(t)
    pos = lm.start() if lm else -1
    if penalty and (re.search(r"有(?:下列|以下)[^，。；]{0,8}之一", t) or any(w in t for w in lex.penalty_markers)):
        subj = ""
        m = re.search(r"([^，,：:]{1,40}?)有(?:下列|以下)", t)
        if m:
            subj = re.sub(r"^.*违反[^，,]*规定[，,]?", "", m.group(1)).strip("，, ")
        return _ListContext(None, "penalty", subject=subj)
    if not drafts:
        return _ListContext(None, "own")
    d = drafts[-1]
    trig_pos = t.find(d.trigger[:2]) if d.trigger else -1
    if 0 <= pos < trig_pos:
        return _ListContext(d, "condition", subject=d.subject)
    a = d.action
    am = _LIST_WORD.search(a)
    if am is None:
        return _ListContext(d, "action", subject=d.subject)
    ap = am.start()
    tail = a[ap + 2:]
    for noun in lex.list_scope_nouns:
        if tail.startswith(noun):
            return _ListContext(d, "place", a[:ap] + "{}" + tail[len(noun):], d.subject)
    if re.match(r"(?:行为|活动|事项|规定|要求|措施|情形|情况|义务|职责|条件|内容|工作|原则|制度|文件|材料|资料|信息)", tail):
        return _ListContext(d, "action", subject=d.subject)
    harmed = _HARMED.match(tail)
    if harmed:
        # "禁止下列破坏湿地及其生态功能的行为：…（三）排放不符合…标准的…污水": each item is done to the thing harmed,
        # which bounds it like a place
        d.scope = _join(d.scope, harmed.group(1))
        return _ListContext(d, "action", subject=d.subject)
    return _ListContext(d, "action", a[:ap] + "{}", d.subject)


# A list of acts named by the thing they harm ("下列破坏湿地及其生态功能的行为", "下列破坏海洋生态的行为").
_HARMED = re.compile(r"(?:破坏|损害|危害|毁坏|侵占)([\u4e00-\u9fff]{2,6}?)(?:及其[\u4e00-\u9fff]{0,8})?的(?:行为|活动)")


_LIST_WORD = re.compile(r"下列|以下(?![的罚])|如下")


def _fill(template: str, item: str) -> str:
    return template.replace("{}", item, 1)


def _item_drafts(text: str, item: Span, marker: str, ctx: _ListContext, lex: Lexicon) -> list[_Draft]:
    body = _strip(text, item, " \t　\n；;。，,")
    it = _clean(text[body[0]: body[1]])
    if not it:
        return []
    if ctx.role == "penalty":
        d = _violation_draft(text, body, lex, ctx.subject, marker)
        return [d] if d else []
    if ctx.role == "own" or ctx.draft is None:
        # A list under an intro without a modal word (本条例下列用语…, 国家对下列…): items speak for themselves.
        own: list[_Draft] = []
        for sent in _split(text, body, "。；;"):
            own += _sentence_norms(text, sent, lex, ctx.subject)
        for d in own:
            d.item = marker
        return own
    # Items keep the list's modality even when they hold a modal word themselves (应当采取下列措施：…禁止…).
    base = ctx.draft
    base_scope = "；".join(x for x in base.scope.split("；") if not _LIST_WORD.search(x))
    d = _Draft(base.modality, base.trigger, base.subject, it, base_scope, base.exceptions, body, marker,
               base.conditions, base.kind)
    if ctx.role == "place":
        d.action = _fill(ctx.template, it)
        d.scope = _join(it, base_scope)
    elif ctx.role == "condition":
        d.action = base.action
        d.conditions = _join(base.conditions, it)
    elif ctx.template:
        d.action = _fill(ctx.template, it)
    d.exceptions = _join(d.exceptions, _exceptions(it))
    if ctx.role != "place":
        d.scope = _join(d.scope, _scope(it))
    return [d]


def _segments(text: str, para: Span) -> list[tuple[str, Span]]:
    """A paragraph as (marker, span) pieces: "" for running text, the marker for a list item.

    An item marker counts only at the paragraph start or right after ：；。, so that 第（一）项 inside a
    sentence does not open an item."""
    s, e = para
    cuts: list[tuple[int, int, str]] = []
    for m in _ITEM.finditer(text, s, e):
        prev = text[s: m.start()].rstrip(" 　")
        if m.start() == s or (prev and prev[-1] in "：:；;。"):
            cuts.append((m.start(), m.end(), m.group(0)))
    if not cuts:
        return [("", para)]
    out: list[tuple[str, Span]] = []
    if cuts[0][0] > s:
        out.append(("", (s, cuts[0][0])))
    for i, (_a, b, mk) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else e
        out.append((mk, _strip(text, (b, end))))
    return out


# A state or stage without the thing it is of ("已经建成的", "尚未投入使用的").
_BARE_STATE = re.compile(r"(?:已经|已|尚未|仍未|正在)[\u4e00-\u9fff]{1,6}的")


def extract_clause_norms(clause: Clause, lex: Lexicon | None = None) -> list[Norm]:
    """All norms of one clause or article, in reading order."""
    lex = lex or lexicon()
    text = clause.text
    start = _body_start(clause)
    penalty = _is_penalty(text[start:], lex)
    drafts: list[_Draft] = []
    ctx: _ListContext | None = None
    for para in _split(text, (start, len(text)), "\n"):
        for marker, seg in _segments(text, para):
            if marker and ctx is not None:
                drafts += _item_drafts(text, seg, marker, ctx, lex)
                continue
            seg_drafts: list[_Draft] = []
            for sent in _split(text, seg, "。；;！？"):
                st = text[sent[0]: sent[1]]
                if penalty and (any(w in st for w in lex.penalty_markers) or _SANCTIONED_BY.search(st)):
                    pd = _penalty_sentence(text, sent, lex)
                    if pd:
                        seg_drafts.append(pd)
                    continue
                bare = _clean(st)
                sd = _sentence_norms(text, sent, lex)
                if penalty:
                    # 拒不改正的，车辆不得上道路行驶: a further sanction, not a norm of its own.
                    sd = [d for d in sd if not d.conditions.startswith(_AGGRAVATION) and "违法行为" not in d.conditions]
                if seg_drafts and seg_drafts[-1].subject and bare.startswith("对"):
                    # "生态环境主管部门应当…检查。对监测数据异常…的排污单位，应当实施重点检查": the fronted object
                    # leaves the subject unsaid; it is the previous sentence's.
                    for d in sd:
                        if not d.subject and d.modality == "obligation":
                            d.subject = seg_drafts[-1].subject
                if seg_drafts and (seg_drafts[-1].subject or seg_drafts[-1].conditions):
                    # "不符合强制性节能标准的项目，建设单位不得开工建设；已经建成的，不得投入生产、使用": a state with no
                    # thing of its own ("已经建成的") is said of the thing the sentence before named
                    prev = seg_drafts[-1]
                    # the thing, not a party ("建设主管部门"), nor the state the sentence before added to it
                    thing = prev.conditions or (prev.subject if "的" in prev.subject else "")
                    thing = re.sub(rf"[，,]?{_BARE_STATE.pattern}$", "", thing)
                    for d in sd:
                        if thing and not d.subject and _BARE_STATE.fullmatch(d.conditions.strip("，, ")):
                            d.conditions = f"{thing}{d.conditions.strip('，, ')}"
                if seg_drafts and seg_drafts[-1].scope and sent[0] > 0 and text[sent[0] - 1] in "；;" \
                        and _clean(text[seg_drafts[-1].quote[0]: seg_drafts[-1].quote[1]]).startswith(seg_drafts[-1].scope):
                    # "在禁燃区内，禁止销售、燃用高污染燃料；禁止新建、扩建燃用高污染燃料的设施": a place that opens a
                    # sentence bounds every ban its semicolons join
                    for d in sd:
                        if not d.scope and not d.subject and d.modality in ("prohibition", "restriction"):
                            d.scope = seg_drafts[-1].scope
                if not sd and seg_drafts and (bare.startswith(("但", "但是")) or bare.endswith("除外")):
                    seg_drafts[-1].exceptions = _join(seg_drafts[-1].exceptions, bare)
                    continue
                seg_drafts += sd
            drafts += seg_drafts
            seg_text = text[seg[0]: seg[1]].rstrip()
            if seg_text.endswith(("：", ":")):
                ctx = _list_context(text, seg, seg_drafts, lex, penalty)
                if ctx.role != "own" and ctx.draft is not None and ctx.draft in drafts and ctx.role != "condition":
                    drafts.remove(ctx.draft)  # the items carry the intro's norm
                elif ctx.role == "condition" and ctx.draft is not None and ctx.draft in drafts:
                    drafts.remove(ctx.draft)
            elif not marker:
                ctx = None
    norms: list[Norm] = []
    for k, d in enumerate(drafts):
        q0, q1 = _strip(text, d.quote, " \t　\n，,；;。：:")
        norms.append(Norm(
            norm_id=f"{clause.clause_id}#{k}", clause_id=clause.clause_id, doc_id=clause.doc_id,
            modality=d.modality, trigger=d.trigger, subject=d.subject, action=d.action, scope=d.scope,
            exceptions=d.exceptions, quote=text[q0:q1], item=d.item, conditions=d.conditions,
            subject_type=subject_type(d.subject, d.modality, d.trigger, lex), kind=d.kind,
        ))
    return norms


def extract_norms(doc: Document, lex: Lexicon | None = None) -> list[Norm]:
    """All norms of a document, clause by clause."""
    lex = lex or lexicon()
    out: list[Norm] = []
    for c in doc.clauses:
        if c.kind == "preamble":
            continue
        out += extract_clause_norms(c, lex)
    return out
