"""Follow-up questions: "那2035年呢？", "水土保持率呢？", "黑臭水体呢？".

An elliptical question is rewritten in full from the previous question of the conversation: a new
year replaces the old year, a new topic replaces the old topic (the rarest term of the previous
question), a pronoun ("它", "这项") is replaced by the old topic, and a bare question frame ("有什么措施呢？")
is asked about the old topic. The rewritten question is what gets answered, and it is shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..errors import EMPTY_QUESTION, QueryError
from ..index.units import sentences
from ..models import Answer, Document, Hit
from ..text.tokenize import content_terms, tagged
from .extract import AMOUNT
from .qtype import ASKS_PENALTY, NOT_DONE, asks_of_person_only
from .qtype import YEAR as _YEAR
from .structured import penalty_answer

if TYPE_CHECKING:
    from ..kb import KnowledgeBase

# Words that put a follow-up as a case ("要是…呢？").
_IF_WORDS = "要是|如果|假如|若是"
_LEAD = re.compile(rf"^(?:那么|那|还有|另外|再问一下|再问|而|如果是|换成|改成|关于)[，,\s]*(?:{_IF_WORDS})?[，,\s]*")
# A time named without a year ("本世纪中叶", "“十五五”末").
_TIME = re.compile(r"(?:到|至)?(?:本世纪|21世纪|二十一世纪)中叶|(?:到|至)?“?十[三四五六]五”?(?:时期|期间|期末|末)")
# A follow-up put as a case ("要是抢修自来水管道呢？").
_IF = re.compile(rf"^(?:{_IF_WORDS}|万一)")
_TAIL = re.compile(r"(?:的情况|情况)?(?:呢|吗|怎么样|又如何|又是多少|又是怎样)?[？?。！!…\s]*$")
_PRONOUN = re.compile(r"它们|它|这项|该项|这一项|这个|这些|上述|此项|这方面")
# A question on what a party must do ("…有什么义务", "…有哪些要求"), and a party that is an authority, not one bound.
_DUTIES_ASKED = re.compile(r"义务|要求|责任|应当|必须|要做什么|需要做")
_AUTHORITY_PARTY = re.compile(r"部门|机关|政府|委员会|法院")
# A demonstrative before what a question before asked for ("这些措施", "上述义务").
_THESE_THINGS = re.compile(r"(这些|上述|这项|此项|这几项)(?:措施|义务|要求|规定|手续|制度)")
# Pronouns that stand for a party ("那它们…").
_PARTY_PRONOUN = re.compile(r"^(?:那|那么)?(?:它们|他们|这些)")
# Words that make a fragment a new question about the old topic rather than a new topic.
_FRAME = re.compile(r"多少|多久|多长|多大|如何|怎么|怎样|什么|哪些|哪个|哪一?年|何时|是否|要求|措施|举措|任务|规定|目标|期限|"
                    r"标准")


_PREFIX = re.compile(r"^(?:到|至|在|截至)?\s*(?:\d{4}\s*年)?[，,]?\s*(?:对于|对|关于)?")
# Where the subject of a question ends and its frame begins ("…要达到多少", "…有什么要求").
_FRAME_START = re.compile(r"(?<![重主需必只纲])要|应当|应该|需要|必须|将|可以|能否|是否|有什么|有哪些|有何|如何|怎么|怎样|"
                          r"是多少|是什么|多少|多大|多久|多长|哪些|几(?:年|个|天|次|日|月|种|类|项|点|级)|吗|[？?]")
_DOC_PLACE = re.compile(r"(?:里面|里|中|上|方面|当中)$")


# The kind a document reference ends with ("…实施意见", "…条例", "…法").
_DOC_KIND_END = re.compile(r"(?:实施意见|意见|通知|决定|办法|条例|规定|方案|规划|细则|法|报道)$")


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def document_reference(phrase: str, documents: Sequence[Document]) -> str:
    """The name to use for the one document a phrase refers to, or "".

    A phrase refers to a document by one of its names ("大气污染防治法", "水法"), or by an abbreviation
    that starts like a name, keeps its characters in order and ends with its kind ("美丽山西实施意见"
    for 美丽山西建设实施意见), or by the name's ending ("实施意见"), when exactly one document fits.
    The document's short title is returned, so that the rewritten question names it the way the
    answerer recognises.
    """
    from .metadata import document_names

    names = document_names(documents)
    bare = re.sub(r"[《》“”\s]", "", phrase)
    if bare in names:
        return _short_name(names[bare], documents, names) or bare
    if len(bare) == 3 and bare.endswith("法"):
        # "大气法", "固废法", "环评法": a law's usual three-character abbreviation
        from ..kb import abbreviates

        laws = {d.doc_id for d in documents if abbreviates(bare, d.title)}
        return _short_name(laws.pop(), documents, names) if len(laws) == 1 else ""
    if len(bare) < 4 or not _DOC_KIND_END.search(bare):
        return ""
    # The abbreviation starts as a name starts (or is the name's ending, "实施意见"); a 的 inside it
    # ("山西晚报的报道") is the speaker's, not the name's.
    # It may also leave out the name's leading words ("晚报报道" for 山西晚报新闻发布会报道) when its own
    # first two characters stand together in the name.
    short = re.sub(r"的", "", bare[2:])
    fits = {d for n, d in names.items() for m in {n, re.sub(r"^.*?关于", "", n)}
            if m.endswith(bare) or (bare[:2] in m and _is_subsequence(short, m[m.index(bare[:2]) + 2:]))}
    if len(fits) != 1:
        return ""
    return _short_name(fits.pop(), documents, names)


def _short_name(doc_id: str, documents: Sequence[Document], names: dict[str, str]) -> str:
    """The name a rewritten question uses for a document: its short title, or its title."""
    doc = next((d for d in documents if d.doc_id == doc_id), None)
    if doc is None:
        return ""
    short = str(doc.meta.get("short_title", "")) or re.sub(r"^中华人民共和国", "", doc.title)
    return short if short in names else doc.title


def find_document_reference(question: str, documents: Sequence[Document]) -> tuple[int, int, str]:
    """The longest span of a question that refers to one document: (start, end, name), or (0, 0, "")."""
    q = question
    best = (0, 0, "")
    for m in re.finditer(r"实施意见|意见|通知|决定|办法|条例|规定|方案|规划|细则|法|报道", q):
        end = m.end()
        for start in range(0, m.start() + 1):
            if end - start <= best[1] - best[0]:
                break
            name = document_reference(q[start:end], documents)
            if name:
                best = (start, end, name)
                break
    return best


# A party a duty binds: its name ends with the kind of body it is.
PARTY_HEAD = (r"(?:单位|企业|部门|机构|机关|公司|商家|商户|经营者|生产者|销售者|使用者|所有者|管理者|业主|个人|人民政府|"
              r"负责人|责任人|法定代表人|主管人员)")
_PARTY = re.compile(rf"[\u4e00-\u9fff、]{{0,14}}?{PARTY_HEAD}")


def _party_span(subject: str) -> tuple[int, int] | None:
    """Where the last clause of a question's subject names its party ("生产者" in "…的家电，生产者";
    "城市道路养护维修单位" before "在降噪方面"); None when it names none."""
    found = None
    pos = 0
    for seg in re.split(r"[，,]", subject):
        m = re.match(rf"{_PARTY.pattern}(?=在|对于|对|$)", seg) or _acting_party(seg)
        if m:
            found = (pos, pos + m.end())
        pos += len(seg) + 1  # the comma
    return found


def _acting_party(seg: str) -> re.Match[str] | None:
    """A party that opens a clause and acts in it ("企业" in "企业超标排放大气污染物"): a whole word, followed by a verb
    or an adverb."""
    m = _PARTY.match(seg)
    if not m or m.end() >= len(seg):
        return None
    ends, pos = set(), 0
    for w, _f in tagged(seg):
        pos += len(w)
        ends.add(pos)
    rest = tagged(seg[m.end():])
    return m if m.end() in ends and rest and rest[0][1][:1] in ("v", "d") else None


def _same_head_replaced(before: str, after: str, item: str) -> bool:
    """after puts item where before had a word of the same head (实验区 for 核心区): the span they differ in, with
    what follows it, ends as item does."""
    a = 0
    while a < min(len(before), len(after)) and before[a] == after[a]:
        a += 1
    b = 0
    while b < min(len(before), len(after)) - a and before[-1 - b] == after[-1 - b]:
        b += 1
    return len(before) - b > a and before[len(before) - b - 1:len(before) - b + 1].find(item[-1]) >= 0


# Two things of a kind joined ("核心区和缓冲区").
_PAIR = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:和|与|及|、)([\u4e00-\u9fff]{2,8})")


def _replace_subject(question: str, new: str, topic: str, documents: Sequence[Document]) -> str:
    """Put a new subject into the previous question: a document for a document, a phrase for a phrase."""
    pair = _PAIR.fullmatch(new)
    if pair:
        # "那核心区和缓冲区呢？" after "自然保护区的实验区里能建项目吗？": the pair stands where its first item would
        one = _replace_subject(question, pair.group(1), topic, documents)
        if one != question and pair.group(1) in one and pair.group(1) not in question \
                and _same_head_replaced(question, one, pair.group(1)):
            # (a thing of the same kind gave way, 实验区 for 核心区; not "开放" for "电鱼")
            return one.replace(pair.group(1), new, 1)
    bare = _DOC_PLACE.sub("", new)
    name = document_reference(bare, documents)
    if name:
        i, e, old = find_document_reference(question, documents)
        if old:
            # "美丽山西实施意见对…": a reference near the start of the question is replaced whole.
            start = 0 if i <= 6 else i
            return question[:start] + name + question[e:]
        return f"{name}{question}" if question.startswith(("对", "关于")) else f"{name}中，{question}"
    i, e, old = find_document_reference(question, documents)
    if old and i <= 6 and e < len(question):
        # "大气污染防治法对扬尘有什么规定" → "噪声": the subject after the document's name changes, the name stays.
        return question[:e] + _replace_subject(question[e:], new, topic, documents)
    s = _PREFIX.match(question)
    start = s.end() if s else 0
    f = _FRAME_START.search(question, start)
    end = f.start() if f else len(question)
    subject = question[start:end].rstrip("的")
    aspect = re.search(rf"(?:{_ASPECT.pattern})$", subject)
    if aspect and aspect.start() > 0 and not _ASPECT.search(new):
        # "露天焚烧秸秆罚款多少" → "焚烧塑料、垃圾": what is asked of the subject (罚款) stays
        subject = subject[:aspect.start()]
    if _PARTY.fullmatch(new):
        # "那铁路运输企业呢？" after "城市道路养护维修单位在降噪方面…": the party changes, its matter stays.
        span = _party_span(subject)
        if span is not None:
            return question[:start + span[0]] + new + question[start + span[1]:]
    act = _predicate_start(subject) if _starts_with_verb(new) else -1
    if act > 0:
        # "终止经营呢？" after "危险废物经营单位变更法人名称…": a new act replaces the act, the party stays.
        return question[:start + act] + new + question[start + len(subject):]
    words = content_terms(new)
    head = words[-1] if words else ""
    # The shared head must end a word of the subject ("报告" does not end 报告书), and something must come
    # before it: "转移固体废物出省…" starts with the verb that "危险废物跨省转移" ends with, and is replaced whole.
    i = subject.index(head) + len(head) if head and subject.find(head) > 0 else -1
    if len(words) >= 2 and i > 0 and not any(m.start() < i < m.end() for t in content_terms(subject)
                                            for m in re.finditer(re.escape(t), subject)):
        # "城乡建设领域" for "交通运输领域绿色低碳转型": the part up to the shared head word changes.
        return question[:start] + new + subject[i:] + question[start + len(subject):]
    lead = _shared_lead(subject, new)
    if lead:
        # "那两个村民之间呢？" after "两个县因为用水闹纠纷怎么处理？": the phrase opening as the subject does takes the
        # place of the subject's opening noun phrase; what is done (因为用水闹纠纷) stays
        return question[:start] + new + question[start + lead:]
    if (len(words) >= 2 or not topic or topic not in question) and subject:
        return question[:start] + new + question[start + len(subject):]
    # "水污染" after "工业园区大气污染": the word with the same head (污染) gives way, not the rarest one.
    same_head = {t for t in content_terms(subject) if len(t) > 2 and t != new and t[-2:] == new[-2:]}
    if len(same_head) == 1:
        return question.replace(same_head.pop(), new, 1)
    if not topic:
        return f"{new}{question}"
    a, b = attested_span(question, topic, new, documents)
    return question[:a] + new + question[b:]


def attested_span(question: str, term: str, new: str, documents: Sequence[Document]) -> tuple[int, int]:
    """Where the new phrase goes in place of a word of the question: the word, or the word with the words it
    stands next to when together they are one name the texts write, so that the new phrase meets its
    neighbouring words as the texts write them ("泥炭沼泽湿地" + 红树林 → "红树林湿地", not "红树林沼泽湿地";
    "企业事业单位" + 政府 → "政府"). The word alone when the texts write no such reading."""
    p = question.find(term)
    if p < 0 or not documents:
        return (p, p + len(term)) if p >= 0 else (0, 0)
    text = _all_text(documents)
    words = {(m.start(), m.end()) for t in content_terms(question) for m in re.finditer(re.escape(t), question)}
    ends, starts = {e for _s, e in words}, {s for s, _e in words}

    def left_reads(a: int) -> bool:
        return a not in ends or question[a - 1] + new in text

    def right_reads(b: int) -> bool:
        return b not in starts or new + question[b] in text

    a, b = p, p + len(term)
    # Only one side may grow, when the other side already reads as the texts write: with both sides
    # unwritten ("全省生态保护红线面积" + 耕地) the texts say nothing about where the phrase goes.
    if left_reads(a) == right_reads(b):
        return a, b
    while not left_reads(a) and (nxt := next((s for s, e in words if e == a), None)) is not None:
        a = nxt
    while not right_reads(b) and (nxt := next((e for s, e in words if s == b), None)) is not None:
        b = nxt
    # The words taken along form one name the texts write ("泥炭沼泽", "企业事业单位"), not a word of the
    # question's frame ("森林覆盖率目标").
    return (a, b) if left_reads(a) and right_reads(b) and question[a:b] in text else (p, p + len(term))


def parallel_span(question: str, phrase: str) -> str:
    """The span of a question built like the phrase: ending in the phrase's head word, with another modifier
    ("一级保护区" for "二级保护区", "建设单位" for "施工单位"). A span as long as the phrase is preferred; else the
    head word of at least three characters with the word before it ("一级保护区" for "准保护区"). A span never
    starts inside a word of the question ("废物经营" in "危险废物经营单位"). "" when there is none or several."""
    if phrase in question or len(phrase) < 3:
        return ""
    words = sorted({(m.start(), m.end()) for t in content_terms(question)
                    for m in re.finditer(re.escape(t), question)})
    same: set[str] = set()  # spans as long as the phrase
    joined: set[str] = set()  # a head word and its modifier word
    for s, e in words:
        word = question[s:e]
        k = 0
        while k < min(len(word), len(phrase)) and word[-1 - k] == phrase[-1 - k]:
            k += 1
        if k < 2 or k >= len(phrase):
            continue  # no shared head, or the phrase has no modifier of its own
        b = e - len(phrase)
        if b >= 0 and not any(x < b < y for x, y in words):
            same.add(question[b:e])
        if k < len(word):
            # The word has its own modifier; behind a two-character head (单位, 产品) only when no word stands
            # right before it: "电子产品" in "电器电子产品" is not the whole name.
            if k >= 3 or not any(y == s for _x, y in words):
                joined.add(word)
        elif k >= 3:
            for x, y in words:
                if y == s:
                    # "风景名胜区的水体保护区" for "饮用水水源保护区": a phrase with modifiers of its own takes the place of
                    # the whole compound before the head, as far as it is no longer than the phrase.
                    while True:
                        more = [a for a, b in words if b == x and e - a <= len(phrase)]
                        if not more:
                            break
                        x = min(more)
                    joined.add(question[x:e])

    if not same and not joined:
        # "报告书" for "报告表": a word of the phrase's length that differs only in its last character
        if len(phrase) >= 3:
            same |= {m.group(0) for m in re.finditer(re.escape(phrase[:-1]) + r"[\u4e00-\u9fff]", question)}

    def ok(spans: set[str]) -> set[str]:
        return {x for x in spans if x != phrase and re.fullmatch(r"[\u4e00-\u9fff]+", x)}

    for spans in (ok(same), ok(joined)):
        if spans:
            return spans.pop() if len(spans) == 1 else ""
    return ""


_ITEM_START = r"(?:^|(?<=[、，。；：和及或与的\s]))"  # (after 的: "…产生的废气、废水、废渣")
_ITEM_END = r"(?=[、，。；：和及或与等的\s]|$)"


def _starts_with_verb(phrase: str) -> bool:
    tags = tagged(phrase)
    return len(tags) >= 2 and tags[0][1] == "v"


def _is_act(phrase: str) -> bool:
    """An act done to a thing ("过境转移危险废物"): a verb, then the thing last; not a party described by what it
    does ("卖家电的商家")."""
    tags = tagged(phrase)
    if len(tags) >= 2 and tags[0][1].startswith("n") and _OMITTED.search(phrase):
        return True  # "年度排放报告不交": a thing, and what is not done with it
    return len(tags) >= 2 and tags[-1][1].startswith("n") and any(f == "v" for _w, f in tags[:-1]) \
        and not any(f == "uj" for _w, f in tags)


def _is_event(phrase: str) -> bool:
    """What happened to a thing ("项目规模扩大了", "许可证过期了"): a noun first, a verb, and 了 at the end."""
    tags = tagged(phrase)
    return len(tags) >= 3 and tags[0][1].startswith("n") and tags[-1][0] == "了" \
        and any(f.startswith("v") for _w, f in tags[1:-1])


def _leading_nouns(text: str) -> str:
    """The nouns a clause opens with ("建设项目环评" of "建设项目环评批了超过五年才开工")."""
    out = ""
    for w, f in tagged(text):
        if not f.startswith(("n", "j")):
            break
        out += w
    return out


_OMITTED = re.compile(r"(?:不|未|没|没有)(?:按时|按期|按规定|依法)?[\u4e00-\u9fff]{1,2}$")


def _predicate_start(subject: str) -> int:
    """Where the act begins in a subject made of a party and an act ("危险废物经营单位|变更法人名称"): the
    first verb after a noun, with a noun after it; -1 when the subject is not so made."""
    tags = tagged(subject)
    pos = 0
    for i, (w, flag) in enumerate(tags):
        if (i > 0 and flag == "v" and tags[i - 1][1].startswith("n") and i + 1 < len(tags)
                and tags[i + 1][1].startswith("n")):
            return pos
        pos += len(w)
    return -1


# Where a question asking who acts begins ("…由哪个部门统一监督管理"): the words after it are what is asked.
_ASKED_PART = re.compile(r"由(?:哪个|哪些|哪一?级|什么|谁)")


def _with_own_modifier(question: str, old: str, new: str, documents: Sequence[Document]) -> str:
    """The span to replace: the old phrase with the two characters before it when the texts write them as one term
    with it and never with the new phrase ("工业固体废物" → "危险废物", not "工业危险废物")."""
    i = question.find(old)
    if i < 2 or not documents:
        return old
    modifier = question[i - 2:i]
    text = _all_text(documents)
    if re.fullmatch(r"[\u4e00-\u9fff]{2}", modifier) and modifier + old in text and modifier + new not in text:
        return modifier + old
    return old


def _head_of(word: str, modifier: str, documents: Sequence[Document]) -> str:
    """The longest head (two characters or more) of the word that the texts also write after the modifier
    ("污染物" of 大气污染物 for 水: "水污染物" is written); "" when none is, or nothing stays before it."""
    text = _all_text(documents)
    for k in range(len(word) - 1, 1, -1):
        head = word[-k:]
        if modifier + head in text and modifier not in word[:-k]:
            return head
    return ""


def head_swap(question: str, modifier: str, documents: Sequence[Document]) -> tuple[str, str] | None:
    """The word of the question's subject whose modifier a short follow-up replaces, and the word it becomes
    ("大气污染物" → "水污染物" for "水呢？"): the only word whose head the texts write after the new modifier, with a
    modifier of at most three characters before it. None when none or several are."""
    if not modifier or len(modifier) > 2 or not documents or not re.fullmatch(r"[\u4e00-\u9fff]+", modifier):
        return None
    start, end = subject_bounds(question, documents)
    found = set()
    for w in content_terms(question[start:end]):
        head = _head_of(w, modifier, documents) if modifier not in w else ""
        if head and len(w) - len(head) <= 3:
            found.add((w, modifier + head))
    return found.pop() if len(found) == 1 else None


def sibling_term(new: str, terms: Sequence[str], documents: Sequence[Document]) -> str:
    """The term of the previous question that the texts enumerate together with the new one ("收集、贮存、
    运送"): the same kind of thing, so the one the follow-up replaces. "" when none is."""
    if not new or len(new) > 8 or not documents:
        return ""
    best, best_n = "", 0
    for t in dict.fromkeys(terms):
        if t == new or t in new or new in t or len(t) < 2:
            continue
        a, b = re.escape(t), re.escape(new)
        # One enumeration: a and b, each a whole item, with at most four short items between them
        # ("收集、贮存、运送"; not "城镇污水处理、农村…", where 污水处理 ends a longer item). Both items may carry
        # the same modifier ("环境影响报告书、环境影响报告表或者填报环境影响登记表"), and the last may follow its own
        # verb.
        mid = r"[^、，。；：\n]{1,8}"
        plain = rf"{_ITEM_START}(?:{a}(?:、{mid}){{0,4}}[、和及或与]{b}|{b}(?:、{mid}){{0,4}}[、和及或与]{a}){_ITEM_END}"
        mod = r"(?P<m>[\u4e00-\u9fff]{2,6})"
        last = r"(?:[、和及或与]|或者|以及)[\u4e00-\u9fff]{0,2}?(?P=m)"
        shared = rf"{mod}(?:{a}(?:、(?P=m){mid}){{0,4}}{last}{b}|{b}(?:、(?P=m){mid}){{0,4}}{last}{a}){_ITEM_END}"
        pat = re.compile(f"{plain}|{shared}")
        n = sum(sum(1 for _m in pat.finditer(d.text)) for d in documents if t in d.text and new in d.text)
        if n > best_n:
            best, best_n = t, n
    return best


# How many characters of the question on each side of a swapped span must read as the texts read.
SWAP_CONTEXT = 2
_TEXTS: dict[int, tuple[Sequence[Document], str]] = {}


def _all_text(documents: Sequence[Document]) -> str:
    """The documents' texts joined once per document list (without whitespace, as questions are typed)."""
    key = id(documents)
    got = _TEXTS.get(key)
    if got is None or got[0] is not documents:
        got = (documents, "\n".join(re.sub(r"[ \t\u3000]", "", d.text) for d in documents))
        _TEXTS.clear()
        _TEXTS[key] = got
    return got[1]


def subject_bounds(question: str, documents: Sequence[Document] = ()) -> tuple[int, int]:
    """Where the subject of a question lies ("城镇污水处理" in "水污染防治法对城镇污水处理有什么规定？"):
    after a document it names and a leading 对/关于/year, before the question frame."""
    _s, e, name = find_document_reference(question, documents)
    begin = e if name and _s <= 6 else 0
    m = _PREFIX.match(question[begin:])
    start = begin + (m.end() if m else 0)
    f = _FRAME_START.search(question, start)
    end = f.start() if f else len(question)
    while end > start and question[end - 1] in "的在":
        end -= 1
    return start, end


def attested_swap(question: str, new: str, documents: Sequence[Document]) -> tuple[int, int] | None:
    """The span of the question's subject that a follow-up's new phrase takes the place of, read from the
    texts: the swap must give words the texts write, next to the words kept ("城镇污水处理" + 农村 →
    "农村污水" is written, "城镇农村" is not; "重点大气污染物排放" + 水污染物 → "重点水污染物排放"),
    and the words replaced must be written so too. The most context kept wins; None when nothing is written."""
    if len(new) < 2 or not documents or not re.fullmatch(r"[\u4e00-\u9fff]+", new):
        return None
    start, end = subject_bounds(question, documents)
    subject = question[start:end]
    if len(subject) < 3 or new in subject:
        return None
    text = _all_text(documents)
    # The words around each place the texts write the new phrase.
    around = {(text[max(0, p - SWAP_CONTEXT):p], text[p + len(new):p + len(new) + SWAP_CONTEXT])
              for p in (m.start() for m in re.finditer(re.escape(new), text))}
    if not around:
        return None
    best: tuple[int, int, int] | None = None  # (context kept, -span length, start)
    spans: tuple[int, int] | None = None
    for i in range(len(subject)):
        for j in range(i + 1, min(len(subject), i + 8) + 1):
            if i == 0 and j == len(subject):
                continue  # the whole subject: nothing kept to judge by
            old = subject[i:j]
            # A sibling is as long as what it replaces ("城镇" / "农村") or ends with the same head ("大气污染物" /
            # "水污染物").
            if len(old) != len(new) and not (len(old) > 2 and old[-2:] == new[-2:]):
                continue
            left, right = subject[max(0, i - SWAP_CONTEXT):i], subject[j:j + SWAP_CONTEXT]
            if len(left) + len(right) < SWAP_CONTEXT:
                continue
            if not any(a.endswith(left) and b.startswith(right) for a, b in around):
                continue
            if left + old + right not in text:
                continue
            key = (len(left) + len(right), -(j - i), -i)
            if best is None or key > best:
                best, spans = key, (start + i, start + j)
    return spans


def swapped_document(question: str, old: str, new: str, documents: Sequence[Document]) -> str:
    """The question with the document it names swapped for the one named like it with the new modifier
    ("大气污染防治法" → "水污染防治法" when 大气污染物 gives way to 水污染物); unchanged when none is."""
    from .metadata import document_names

    s, e, name = find_document_reference(question, documents)
    if not name:
        return question
    k = 0
    while k < min(len(old), len(new)) and old[-1 - k] == new[-1 - k]:
        k += 1
    old_mod, new_mod = old[:len(old) - k], new[:len(new) - k]
    if not old_mod or not new_mod or old_mod not in name:
        return question
    other = name.replace(old_mod, new_mod, 1)
    return question[:s] + other + question[e:] if other in document_names(documents) else question


# Aspects of a rule asked about without naming the rule: its breach and the penalty for it.
_ASPECT = re.compile(r"违反|违法|违规|不遵守|不履行|处罚|罚款|罚|法律责任|责任|后果|追究")
# "不办会怎么处罚": not doing what the earlier answer asks is the condition, not a subject of its own.
_FILLER = re.compile(r"(?:不|没有?|未)(?:按规定|按要求|依法)?(?:办理|办|做|执行|落实|照办|申请|报批|备案)|"
                     r"的话|多少钱?|[了的会要被将呢吗啊么怎样什如何办]|怎么|如何|什么|哪些|是|有|给予|承担")
# Words asking whether an act may be done.
_MODALS = "可以|可不可以|能不能|能否|是否可以|是否允许|允许"
# A yes-or-no question whether an act is allowed ("鸡粪能不能直接拉到地里还田？"): the party or thing, and the act.
# (a bare 能 is left out: "列入能效标识…的家电" asks nothing of whether it may be done)
YES_NO = re.compile(rf"^([^？?]{{2,20}}?)(?:{_MODALS})([^？?]{{2,24}}?)(?:吗|么)?[？?。]?$")
# A question of the penalty for an act, asked in the follow-up's own words.
_PENALTY_ASK = re.compile(r"(?:怎么|怎样|如何|会)(?:处罚|罚|处理)|罚款多少|罚多少|处罚多少|什么处罚|什么责任|罚款|处罚")
# An act done without what the law asks, or beyond it ("没做环评就开工建设", "擅自", "超期").
# A follow-up asking whether ("能拘留人吗") or by whom ("费用谁出") with its own act.
_OWN_ASK = re.compile(rf"^(?:[\u4e00-\u9fff]{{0,6}}?(?:{PARTY_HEAD}|老板))?(?:还)?(?:能|会|能不能|可以|可不可以|会不会|是否)"
                      r"(?:(?!怎么|什么|多少|哪|如何)[\u4e00-\u9fff]){2,10}$|"
                      r"^[\u4e00-\u9fff]{1,6}(?:谁|由谁|哪个部门)(?:出|付|承担|负担|来出|来付)$")
_OWN_ASK_END = re.compile(r"吗[？?]?$")
# Acts the pollution laws punish by name, a breach of its own ("篡改监测数据", "暗管偷排").
_BREACH_ACT = re.compile(r"篡改|伪造|偷排|暗管|私设|渗井|渗坑|倾倒|偷倒|乱倒|焚烧|隐瞒|拒绝检查|逃避")
_BREACH = re.compile(r"(?:没|未|不)[^，。？]{0,8}就|擅自|无证|超期|超标|偷排|私设|篡改|伪造|弄虚作假")
# Before 超标: a test or survey that found it ("调查发现污染物超标"), a result, not a breach done.
_FOUND_BEFORE = re.compile(r"(?:发现|检测|监测|测出|检出|调查)[^，。？?]{0,10}$")


def _breaches(frag: str) -> list[str]:
    return [m.group(0) for m in _BREACH.finditer(frag)
            if not (m.group(0) == "超标" and _FOUND_BEFORE.search(frag[:m.start()]))]


# A duty left undone, said by how ("没按规定记台账", "未按照要求公开").
_NOT_AS_REQUIRED = re.compile(r"(?:没有?|未|不)(?:按|按照|依照|依)(?:规定|要求|标准|许可证)")
_ASKING = re.compile(r"怎么|怎样|如何|多少|什么|哪些|吗|是否")


# "X可以Y吗？": whether an act is allowed; the act is X + Y.
_MAY_ASK = re.compile(rf"^(.{{0,20}}?)(?:{_MODALS}|能)(.{{2,24}}?)(?:吗|么)?[？?。]?$")


# "…要做环评吗", "…需要办取水许可证吗": whether a duty binds; group 2 is the duty.
_NEED_ASK = re.compile(r"^(.{2,20}?)(?:需不需要|要不要|是否需要|需要|必须|要|得)(.{2,16}?)(?:吗|么)?[？?。]?$")
# "没做的话", "不办的话": the duty left undone, asked of in a follow-up.
_UNDONE_FILLER = re.compile(r"(?:没有?|不|未)(?:按规定|依法)?(?:做|办|办理|申请|报批|备案)(?:的话)?")
# An act done meanwhile after a procedure left undone ("没办|就施工").
_DONE_MEANWHILE = re.compile(r"(?:的话)?[，,]?(?:就|便|先|直接)[\u4e00-\u9fff]")
# The procedure a question asks about ("…需要什么手续", "要办许可证吗").
_PROCEDURE_ASKED = re.compile(r"手续|许可证|许可|证明|审批|批准|备案|登记|环评")
# How long a penalty follow-up may be and still be read as asking of the act before ("烧了罚多少").
PENALTY_FOLLOW_CHARS = 8


# A question that asks for a year or a time ("…是哪一年", "…定在什么时候"); spoken, also "啥时候", "几时".
_WHEN = r"哪一年|哪年|何年|哪个年份|什么时候|何时"
_ASKS_WHEN = re.compile(rf"{_WHEN}|啥时候|几时")
_ASKS_YEAR = re.compile(rf"(?:是|定在|在|为)?(?:{_WHEN})")
# A follow-up that the conduct asked about goes on after it is sanctioned ("拒不改正", "罚了还不改", "继续排") or is
# worse ("情节严重"), and the words that only say so ("要是", "他们", "罚了").
_PERSISTS = re.compile(r"(?:拒不|仍不|还不|仍然不|依然不|就是不|一直不|照样|继续|屡次|多次|再次|一再)[^，。？?]{0,4}?"
                         r"(?:改正|改|整改|停止|停|排|干|犯|违法)|情节严重|后果严重")
_UNCORRECTED = re.compile(r"不[^，。？?]{0,3}?(?:改|停)|照样|继续|屡次|多次|再次|一再")
_PERSISTS_FILLER = re.compile(r"要是|如果|假如|他们|他|她|对方|企业|老板|这家|那家|罚了|处罚|罚款|以后|之后|被罚|还是|"
                              # the order it goes on against ("叫停了还不停")
                              r"叫停|被叫停|责令|勒令")
# A follow-up that names only where the act is done ("建在居民区旁边", "排到河里"): the verb and its place word.
_PLACED = re.compile(r"^(建在|设在|开在|放在|堆在|倒在|埋在|排到|排进|倒进|倒到|建到|搬到|迁到)[\u4e00-\u9fff]{2,}$")
# A follow-up that only names a case of the earlier act ("情节严重的呢？", "拒不改正的呢？").
_CASE_ONLY = re.compile(r"(?:那么?|如果)?([\u4e00-\u9fff]{2,12}的)(?:呢|话呢|情况呢)?[？?。]?")


# A last clause asking for recourse against the conduct the question reports ("，能不能管？", "，有人管吗？", "能投诉吗？").
_RECOURSE_TAIL = re.compile(r"[，,]\s*(?:[^，,。？?]{0,6}?(?:能不能|能否|可不可以|可以|有没有人|有人|谁|能)(?:向[^，,]{1,8})?"
                            r"(?:管|投诉|举报|反映|制止)(?:管)?[^，,。？?]{0,4}|[这那]?(?:该|要)?怎么办|"
                            # "…吵得睡不着，法律允许吗？": whether it is lawful, asked of the situation told
                            r"(?:这样|这|法律上?|法规)?(?:允许|准许|合法|违法|犯法|违规)(?:吗|么|不)?)[？?。]?$")


def is_aspect_only(question: str) -> bool:
    """A question made only of a rule's aspects and question words ("违反了怎么处罚？"), no subject."""
    q = _TAIL.sub("", _LEAD.sub("", question.strip()))
    # (before and after the tail is taken off: "不办会怎么处理呢？", "不报告会怎么样？")
    if any(_NOT_DONE_ONLY.fullmatch(x.rstrip("？?。 ")) for x in (q, _LEAD.sub("", question.strip()))):
        return True  # "不办会怎么处理？": the consequence of not doing what the earlier answer asks
    return bool(q) and bool(_ASPECT.search(q)) and not _FILLER.sub("", _ASPECT.sub("", q)).strip("，,。 ")


_NOT_DONE_ONLY = re.compile(NOT_DONE)


def question_subject(question: str) -> str:
    """What a question is about: its words before the question frame ("医疗卫生机构对医疗废物")."""
    s = _PREFIX.match(question)
    start = s.end() if s else 0
    f = _FRAME_START.search(question, start)
    subject = question[:f.start()] if f else ""
    # ("料堆不盖会罚多少": 会罚 asks, with 多少; it tells nothing of the situation)
    return re.sub(r"(?:(?:会被|会|要被|要|被)?罚|在|对|的)$", "", subject).strip("，, ")


# A question naming only a party and asking what it must do ("卫生和环保部门要怎么办？").
# Whom a penalty falls on ("对个人", "对直接负责的人", "对单位"), asked alone.
_PENALTY_TARGET = re.compile(r"对[\u4e00-\u9fff]{0,12}?(?:人|人员|个人|单位|企业|负责人|责任人|主管人员)")
_PARTY_ASKS = re.compile(r"^(?:那|那么)?([\u4e00-\u9fff、和及]{2,14}?)(?:要|该|应当|应该|需要|得)?"
                         r"(?:怎么办|怎么做|如何做|做什么|干什么|采取什么措施|采取哪些措施|承担什么责任|负什么责任)[？?。]?$")


# "要去哪里办？", "要找哪个部门投诉？": where to go or whom to turn to, with no subject of its own (only the words of
# a procedure), asked of the situation before.
_WHO_WHERE = re.compile(r"哪里|哪儿|哪个部门|哪个单位|哪个机关|哪家|找谁|向谁|谁来|谁管|去哪|由谁|归谁|谁负责")
_PROCEDURE_WORDS = frozenset("部门 单位 机关 投诉 举报 反映 办理 申请 手续 材料 找 去 办 管 谁来管 负责 监管 管理".split())
WHO_WHERE_CHARS = 14
# A clause of a question that asks ("可以投诉吗", "罚多少", "怎么办"), not one that tells the situation.
_ASKING_CLAUSE = re.compile(r"吗|呢|多少|多久|怎么|怎样|如何|什么|哪|谁|能不能|可不可以|是否|罚")


def asks_who_or_where(question: str) -> bool:
    q = question.strip()
    return len(q) <= WHO_WHERE_CHARS and bool(_WHO_WHERE.search(q)) \
        and all(t in _PROCEDURE_WORDS for t in content_terms(q))


def situation_of(question: str) -> str:
    """The clauses of a question that tell its situation, before those that ask ("晚上工地一直施工，吵得睡不着" of
    "晚上工地一直施工，吵得睡不着，可以投诉吗，罚多少？"); "" when every clause asks."""
    parts = [p for p in re.split(r"[，,？?]", question.strip()) if p.strip()]
    while parts and _ASKING_CLAUSE.search(parts[-1]):
        # "不公开怎么处理": the act before the asking words is part of the situation
        # (an act of its own, not the bare "违反了" of the rule asked before)
        act = _ASKED_HOW.sub("", parts[-1]).strip()
        if act and act != parts[-1] and any(f[0] in "va" and w not in ("违反", "违法") for w, f in tagged(act)) \
                and not _ASKING_CLAUSE.search(act):
            parts[-1] = act
            break
        parts.pop()
    return "，".join(parts)


# The asking words that end a clause on what is done to an act ("怎么处理", "罚多少", "如何处罚").
_ASKED_HOW = re.compile(r"(?:的话)?(?:该|要|会|应该)?(?:怎么|怎样|如何)(?:处理|处罚|罚|办|管)|(?:要|会)?罚(?:款)?多少(?:钱)?|"
                        r"(?:会)?(?:受到)?什么处罚$")


def is_elliptical(question: str, previous: str = "") -> bool:
    q = question.strip()
    if previous and asks_who_or_where(q):
        return True
    if _LEAD.match(q) and len(q) <= 20:
        # "那排污许可证的有效期是多长？" after a question on re-applying: a question of its own (its own asking word
        # and a long noun the earlier question lacks), unless the earlier one set a year it would lose
        rest = _LEAD.sub("", q)
        # ("换成…", "如果是…" always swap into the earlier question)
        # (a question asking when, "那碳排放啥时候达峰？", loses no year: the year is what it asks for)
        # (or whom, of a matter the earlier question did not name: "那土壤污染修复的责任由谁承担？")
        who = bool(_ASKS_WHO.search(rest)) and sum(len(t) >= 2 and t not in previous for t in content_terms(rest)) >= 2
        own = re.match(r"那么?", q) and (_FRAME.search(rest) or _ASKS_WHEN.search(rest) or who) \
            and not re.search(r"呢[？?。\s]*$", rest) \
            and (who or any(len(t) >= 3 and t not in previous for t in content_terms(rest))) \
            and (_ASKS_WHEN.search(rest) or not any(y not in q for y in _YEAR.findall(previous)))
        return not (previous and own)
    if re.search(r"呢[？?。\s]*$", q):
        return True
    if _PRONOUN.search(q) and len(q) <= 20:
        return True
    if is_aspect_only(q):
        return True
    if previous and (_ASPECT.search(q) or _WHO_WHERE.search(q)) and _case_without_object(q):
        return True  # "没按要求处置的谁来罚？": a breach named by its verb alone, of the thing asked about before
    undone = _UNDONE_FILLER.match(q)
    if previous and undone and _PROCEDURE_ASKED.search(previous) and _DONE_MEANWHILE.match(q[undone.end():]):
        return True  # "没办就施工，罚多少？": the procedure asked of before, not done
    if previous and len(q) <= ACTS_ONLY_CHARS and _acts_only(q):
        return True  # "没同意就设了怎么罚？": acts with nothing they are done to, which the question before names
    if previous and _party_duty_undone(q, previous):
        return True  # "没做自行监测罚多少？" after "土壤污染重点监管单位有哪些义务？": that party's duty left undone
    if previous and _PARTY_PENALTY.match(q):
        return True  # "个人违反罚多少？" after "…一级保护区里能不能游泳、钓鱼？": a kind of party, doing what was asked of
    return len(q) <= 8 and len(content_terms(q)) <= 1


_ASKS_WHO = re.compile(r"由谁|谁来|谁负责|谁承担|谁出|归谁")
# A bare kind of party and the penalty asked ("个人违反罚多少？", "单位的话怎么处罚？").
_PARTY_PENALTY = re.compile(r"^(?:那|那么)?(?:个人|单位|企业|公司|市民|游客|村民)(?:的话)?(?:违反|违规|违法|这么做|这样做)?了?"
                            r"(?:的话)?[，,]?(?:会|要)?(?:怎么罚|罚多少钱?|罚款多少|怎么处罚|如何处罚|罚不罚)[？?]?$")


# How long a question made of acts alone may be and still be read as a follow-up.
ACTS_ONLY_CHARS = 20
# A penalty asked of a duty left undone, naming no party ("没做自行监测罚多少？"), and how long it may be.
_UNDONE_ASKED_PENALTY = re.compile(r"^(?:那|那么|要是|如果)?(?:没有?|不|未)[\u4e00-\u9fff]{1,10}?[，,]?(?:会|要)?(?:被)?"
                                   r"(?:罚多少|怎么罚|如何处罚|怎么处罚|罚款多少)")
UNDONE_PENALTY_CHARS = 16


def _party_duty_undone(question: str, previous: str) -> bool:
    """A short penalty question on a duty left undone, naming no party, after a question on a party's duties."""
    q = question.strip()
    return len(q) <= UNDONE_PENALTY_CHARS and bool(_UNDONE_ASKED_PENALTY.match(q)) \
        and bool(re.search(rf"{PARTY_HEAD}[^，。？?]{{0,4}}(?:有哪些|有什么|要|应当|应该|需要|得)", previous)) \
        and not re.search(PARTY_HEAD, q)


def _acts_only(question: str) -> bool:
    """The question speaks of acts and names no thing or party ("到期了还要排污怎么办？", "过期了没续还在排，罚多少？")."""
    tags = tagged(question)
    # (a term of the user dictionary is tagged x, as punctuation is: a domain term names a thing)
    return any(f.startswith("v") and f != "vn" for _w, f in tags) \
        and not any(f.startswith("n") or f in ("vn", "eng") or (f == "x" and re.search(r"[\u4e00-\u9fff]", w))
                    for w, f in tags)


def _case_without_object(question: str) -> bool:
    """The question names a case ("…的") by acts alone, with no thing or party ("没按要求处置的", "超标排放的")."""
    # (the 的 of a time, "装卸的时候扬尘", or of a supposition, "…的话", closes no case)
    m = re.search(r"的(?!时候|时|话)", question)
    if m is None:
        return False
    head = question[:m.start()]
    words = set(content_terms(head))
    tags = [(w, f) for w, f in tagged(head) if w in words and not _ASPECT.fullmatch(w)]
    return bool(tags) and all(f == "v" for _w, f in tags)


def _topic(question: str, rarity: Callable[[str], float], documents: Sequence[Document] = ()) -> str:
    """The term of a question that names what it is about: its rarest content term found verbatim,
    outside the name of a document it refers to ("大气污染防治法对扬尘…" is about 扬尘)."""
    s, e, name = find_document_reference(question, documents)
    if name and e < len(question):
        question = question[:s] + question[e:]
    terms = [t for t in content_terms(question) if not t.isdigit() and t in question and not _FRAME.fullmatch(t)]
    if not terms:
        return ""
    # A word no text uses ("县里") is rare only because the texts say it otherwise: it names no subject of theirs.
    used = [t for t in terms if t in _all_text(documents)] if documents else terms
    terms = used or terms
    # a word of what is asked of an agent ("…由哪个部门统一监督管理") is not what the question is about
    asked_at = _ASKED_PART.search(question)
    before = [t for t in terms if asked_at is not None and question.find(t) < asked_at.start()]
    terms = before or terms
    return rarest_term(terms, rarity)


def rarest_term(terms: Sequence[str], rarity: Callable[[str], float]) -> str:
    """The term that most names a subject: rarity times length (capped), as in sentence scoring ("生态保护红线" over
    "全省"); "" for none."""
    return max(terms, key=lambda t: (rarity(t) * min(len(t), 4), len(t))) if terms else ""


# How many earlier questions a follow-up is resolved against.
RESOLVE_TURNS = 20


# Spoken forms of asking ("咋处理", "能罚不？"), read as the written ones so that a follow-up finds what was asked.
_SPOKEN_HOW = re.compile(r"咋(?=处理|办|罚|处罚|管|弄|整|回事)")
_SPOKEN_YES_NO = re.compile(r"(?<=[\u4e00-\u9fff])不([？?])$")


def _spoken(question: str) -> str:
    q = _SPOKEN_HOW.sub("怎么", question.strip() if question else question)
    return _SPOKEN_YES_NO.sub(r"吗\1", q) if q and not re.search(r"[\u4e00-\u9fff]不[\u4e00-\u9fff]不[？?]$", q) else q


def resolve(question: str, history: Sequence[str], rarity: Callable[[str], float] | None = None,
            documents: Sequence[Document] = ()) -> str:
    """The question in full. History holds the earlier questions, oldest first."""
    # a follow-up is read from the recent turns; the rewrite recurses once per turn, so a long chat is cut, not deep
    history = [_spoken(h) for h in list(history)[-RESOLVE_TURNS:]]
    question = _spoken(question)
    earlier = [h.strip() for h in history if h and h.strip()]
    swapped = (person_asked(question, earlier[-1]) or _party_swapped(question, earlier[-1])) if earlier else ""
    if swapped:
        return swapped
    out = _resolve(question, history, rarity, documents)
    broken = _BROKEN_ASKED.match(_LEAD.sub("", question.strip()))
    if earlier and out == question.strip() and broken and not ASKS_PENALTY.search(earlier[-1]):
        # "不报告呢？罚多少？" after "…审核结果要向谁报告？", read as a question of its own: the duty broken, and the
        # penalty asked in so many words
        inner = resolve(f"{broken.group(1)}呢？", history, rarity, documents)
        if inner.endswith(_BROKEN_ASK):
            return f"{inner[:-len(_BROKEN_ASK)]}，{broken.group(2).rstrip('？?')}？"
    if not earlier or out == question.strip():
        return out
    core = _IF.sub("", _LEAD.sub("", _TAIL.sub("", question.strip())))
    if re.match(r"(?:不|没有?|未)(?!\s*$)", core) and not _ASKING.search(out) and not ASKS_PENALTY.search(out):
        # "不如实报告呢？" after "…审核结果要向谁报告？": the duty asked about, broken; what follows is asked
        # ("…审核结果不如实报告？" asks nothing; nor does whom it goes to, "…要向不报告")
        return f"{_WHOM_ASKED.sub('', out.rstrip('？?。 '))}{_BROKEN_ASK}"
    # "要是许可证到期了没去续呢？" after "企业没办排污许可证就排污，怎么罚？": the short name is the earlier question's
    # thing (排污许可证), which the rewritten question must keep
    before = earlier[-1]
    case = _IF.sub("", _LEAD.sub("", _TAIL.sub("", question.strip())))
    if out == before and case and not _FRAME.search(case) and case not in out and len(case) >= 3:
        # "那要是劝了不听呢？" after "广场舞噪声扰民，法律怎么管？": a new circumstance of the same matter; it is kept, not
        # dropped ("广场舞噪声扰民，劝了不听，法律怎么管？")
        m = _FRAME_START.search(before)
        at = m.start() if m else len(before)
        cut = before.rfind("，", 0, at)
        head, rest = (before[:cut], before[cut + 1:]) if cut >= 0 else (before[:at], before[at:])
        return f"{head}，{case}，{rest}" if rest else f"{head}，{case}"
    undone = _UNDONE_VERB.match(_LEAD.sub("", question.strip()))
    if undone and undone.group(0) in out:
        # "没制定罚多少？" after "…要不要制定危险废物管理计划？": what was not done is the thing the verb took before
        obj = re.search(rf"{undone.group(1)}([\u4e00-\u9fff]{{2,16}}?)(?=[吗呢？?，,。]|$)", before)
        # (what the question before asked of, "要办什么手续": the thing, not the asking word)
        thing = re.sub(r"^(?:什么|哪些|哪种|哪个|哪|多少)", "", obj.group(1)) if obj else ""
        # (after a one-character verb only a thing named at length: "设能源管理岗位", not "办手续")
        if len(thing) >= (2 if len(undone.group(1)) == 2 else 3) and thing not in out:
            said = undone.group(0)
            out = out.replace(said, f"{said[:undone.end(1)]}{thing}{said[undone.end(1):]}，", 1)
    for t in content_terms(question):
        longer = _longer_name(t, before)
        if len(t) >= 3 and longer and longer not in out and t in out:
            out = out.replace(t, longer, 1)
    return out


# A duty left undone and its penalty asked at once ("不报告呢？罚多少？", "不报告罚多少？").
_BROKEN_ASKED = re.compile(r"^((?:不|没有?|未)[\u4e00-\u9fff]{1,8}?)(?:的话)?呢?[？?，,]?\s*"
                           r"((?:要|会)?(?:罚多少钱?|罚款多少|怎么罚|怎么处罚|如何处罚)[？?]?)$")
# What a follow-up on a duty left undone is taken to ask.
_BROKEN_ASK = "，怎么处罚？"
# Whom or where a duty's act goes, asked before the act's denial ("…要向不报告"): no part of the breach.
_WHOM_ASKED = re.compile(r"(?:要|应当|应该|需要|必须)?(?:向|给|找)(?:谁|哪[个里家]?[\u4e00-\u9fff]{0,4}?)?(?=不|没有?|未)")


def person_asked(question: str, before: str) -> str:
    """"那对负责人个人呢？" or "负责人会被拘留吗？" after "环保设施没验收就投产了会怎么样？": the penalty of the same case for
    the person named; the earlier question's case with the person put in. "" when not so."""
    if not asks_of_person_only(question):
        return ""
    m = ASKS_PENALTY.search(before)
    if m is None:
        return ""
    case = re.sub(r"[会要将，,\s]+$", "", before[:m.start()])
    core = _IF.sub("", _LEAD.sub("", question.strip()))
    own = ASKS_PENALTY.search(core)
    if own is not None:  # "负责人会被拘留吗？": asked in its own words
        return f"{case}，{core}" if case else ""
    core = _TAIL.sub("", core)
    asking = before[m.start():].lstrip("了话，, ")
    return f"{case}，{core}{asking}" if case and core else ""


# Parties a follow-up may swap in ("那要是单位乱倒呢？"), and those it replaces (also "有人").
_SWAP_PARTIES = "单位|企业|个人|公司|工厂|商户|商家|个体户|居民|村民|农户|医院|学校"
_SWAP_PARTY = re.compile(rf"^({_SWAP_PARTIES})")
_OLD_PARTY = re.compile(rf"{_SWAP_PARTIES}|有人")


def _party_swapped(question: str, before: str) -> str:
    """"那要是单位乱倒呢？" after "乱倒生活垃圾罚多少？": the same act by another party; the earlier question with the
    party put in ("单位乱倒生活垃圾罚多少？") or swapped for its own ("个人…" → "单位…"). "" when not so."""
    core = _IF.sub("", _LEAD.sub("", _TAIL.sub("", question.strip())))
    m = _SWAP_PARTY.match(core)
    act = core[m.end():] if m else ""
    if not m or len(act) < 2 or act not in before or _FRAME.search(core):
        return ""
    at = before.find(act)
    old = list(_OLD_PARTY.finditer(before, 0, at))
    if old:
        return f"{before[:old[-1].start()]}{m.group(1)}{before[old[-1].end():]}"
    return f"{before[:at]}{m.group(1)}{before[at:]}"


# A follow-up naming a duty left undone by its verb alone ("没制定罚多少？").
# ("不设的罚多少？": a one-character verb, with the 的 of a case)
_UNDONE_VERB = re.compile(r"^(?:没有?|未|不)([\u4e00-\u9fff]{1,2}?)(?:的话|的)?(?=[，,]?(?:会|要)?被?(?:罚|怎么|如何))")


def _longer_name(term: str, text: str) -> str:
    """The longer name in the text whose head is the term ("排污许可证" for 许可证), as the text writes it; "" if none."""
    for w in content_terms(text):
        for k in range(len(term), 0, -1):
            if len(w) > k and w.endswith(term[:k]) and (w + term[k:]) in text:
                return w + term[k:]
    return ""


def _resolve(question: str, history: Sequence[str], rarity: Callable[[str], float] | None = None,
             documents: Sequence[Document] = ()) -> str:
    q = question.strip()
    earlier = [h.strip() for h in history if h and h.strip()]
    party = _PARTY_ASKS.match(q)
    if earlier and party:
        # "卫生和环保部门要怎么办？" after "医疗废物发生泄漏扩散，医院要做什么？": another party, same situation.
        situation, sep, _last = _resolve(earlier[-1], earlier[:-1], rarity, documents).rpartition("，")
        if sep and situation and party.group(1) not in situation:
            return f"{situation}，{re.sub(r'^那么?', '', q)}"
    if earlier and not is_elliptical(q, earlier[-1]):
        q = _LEAD.sub("", q) or q  # "那排污许可证的有效期是多长？" is asked without its 那
        return _within_document(q, _resolve(earlier[-1], earlier[:-1], rarity, documents), documents)
    if not earlier:
        return q
    rarity = rarity or (lambda t: float(len(t)))
    previous = _resolve(earlier[-1], earlier[:-1], rarity, documents)
    if _party_duty_undone(q, previous) and not _acts_only(q):
        carried = carry_subject(_LEAD.sub("", q) or q, previous)
        if carried:
            return carried
    frag = _TAIL.sub("", _LEAD.sub("", q)).strip("，,的 ")
    conditional = bool(_IF.match(frag))
    frag = _IF.sub("", frag).strip("，,的 ") or frag
    out = previous
    by_law = _BY_DOCUMENT.fullmatch(frag)
    named = document_reference(by_law.group(1), documents) if by_law and documents else ""
    if named and not find_document_reference(previous, documents)[2]:
        # "按循环经济促进法呢？" after "使用国家明令淘汰的用能设备怎么处罚？": the same question, by that document
        ask = _ASK_PART.search(previous)
        if ask and ask.start() > 0:
            return f"{previous[:ask.start()].rstrip('，, ')}，依照{named}{previous[ask.start():]}"
        return f"{previous.rstrip('？?。 ')}，依照{named}呢？"
    if asks_who_or_where(q):
        # "要找哪个部门投诉？" after "晚上工地一直施工，吵得睡不着，可以投诉吗，罚多少？": asked of the situation told
        situation = situation_of(previous) or question_subject(previous)
        if situation:
            return f"{situation}，{frag}？"
    own_ask = _OWN_ASK.search(frag)
    situation = situation_of(previous) if own_ask and not conditional else ""
    if situation and any(f.startswith("v") for _w, f in tagged(frag)):
        # "能拘留人吗？" after "企业超标排放，拒不改正的，环保局…还能采取什么措施？", "费用谁出？" after "土壤污染责任人找不到，
        # 谁来负责修复？": a question of its own, whether or by whom, asked of the situation told before
        asked = _LEAD.sub("", q).strip("，, ")
        return f"{situation}，{asked if _OWN_ASK_END.search(asked) else _TAIL.sub('', asked) + '？'}"
    new_years = _YEAR.findall(frag)
    if new_years and _ASKS_YEAR.search(out) and not _YEAR.findall(out):
        # "那2035年呢？" after "山西碳达峰目标是哪一年？": the year is given now, so what is asked of it is the target
        # ("2035年山西碳达峰目标是什么"), not which year
        out = _ASKS_YEAR.sub("是什么", out)
    if new_years:
        old_years = _YEAR.findall(out)
        if old_years:
            for old, new in zip(old_years, new_years, strict=False):
                out = out.replace(f"{old}年", f"{new}年", 1) if old != new else out
        else:
            out = f"{new_years[0]}年{out}"
        frag = _YEAR.sub("", frag).strip("，,的 ")
    when = _TIME.fullmatch(frag)
    years = _YEAR.findall(out)
    if when and years:
        # "本世纪中叶呢？" after "美丽山西到2035年的主要目标是什么？": a time named without a year takes the year's place
        return out.replace(f"{years[0]}年", when.group(0), 1)
    topic = _topic(previous, rarity, documents)
    these = _THESE_THINGS.search(frag)
    subject = question_subject(previous) if these else ""
    if these and subject and _PENALTY_ASK.search(q):
        # "不采取这些措施罚多少？" after "建筑工地的施工单位在防治扬尘方面有什么义务？": the measures are those the
        # question before asked about, of its whole subject (not its rarest word, 施工单位, alone)
        own = _TAIL.sub("", _LEAD.sub("", q)).strip("，, ")
        return f"{subject}，{own.replace(these.group(1), '', 1)}？"
    if _PRONOUN.search(frag) and topic:
        if _PARTY_PRONOUN.search(frag):
            # "那它们每年要报什么？" after "重点用能单位怎么界定？": they are the party the question was about, not its
            # rarest word (界定)
            subject = question_subject(previous)
            span = _party_span(subject)
            topic = subject[span[0]:span[1]] if span else topic
        return _PRONOUN.sub(topic, _TAIL.sub("", _LEAD.sub("", q)), count=1) + "？"
    if not frag:
        return out
    case = _CASE_ONLY.fullmatch(q)
    if case and not _FRAME.search(case.group(1)) and not any(t in previous for t in content_terms(case.group(1))):
        # (a phrase sharing a word with the earlier question is a parallel to swap in: "向水体排放的呢？")
        # "情节严重的呢？" after "企业把危险废物交给没有许可证的个体户处理，怎么处罚？": a case of the same act, asked the
        # same way
        act = _IF.sub("", case.group(1))
        noun = _lead_noun(previous)
        told, sep, asked_now = out.rpartition("，")
        if sep and noun and noun in told and noun not in act and _starts_with_verb(act) \
                and not re.match(r"[没未无不非]", act) and not _PERSISTS.search(act):
            # "那要是卖给收废品的呢？" after "医疗废物混进生活垃圾，罚多少？": another act done to the same thing, which takes
            # the earlier act's place (not a case of it, "…混进生活垃圾，要是卖给收废品的")
            return f"{noun}{act[:-1] if act.endswith('的') else act}的，{asked_now}"
        with_case = _with_case(out, case.group(1), documents)
        if with_case:
            return with_case
    worse = _PERSISTS.search(frag)
    if worse and not [t for t in content_terms(frag[:worse.start()] + frag[worse.end():])
                      if t not in previous and not _PERSISTS_FILLER.fullmatch(t)]:
        # "要是他们拒不改正呢？", "罚了还不改呢？": the same conduct, persisted in; the law states what follows
        # ("拒不改正的，责令停业整治", "按日连续处罚") beside the first penalty
        situation, sep, rest = out.rpartition("，")
        ask_penalty = _PENALTY_ASK.search(rest) if sep else None
        persisted = "拒不改正" if _UNCORRECTED.search(worse.group(0)) else worse.group(0)
        if ask_penalty:
            return f"{situation}，{persisted}的，{rest}"
        ask_at = _PENALTY_ASK.search(out)
        if ask_at:  # "企业用暗管偷排污水怎么罚": the conduct is what comes before the penalty asked
            return f"{out[:ask_at.start()].rstrip('，, ')}，{persisted}的，{out[ask_at.start():].rstrip('？? ')}？"
        return f"{_TAIL.sub('', out).rstrip('，,？? ')}，{persisted}的，怎么处罚？"
    # ("那公司负责人呢？" after "没有许可证收集处置危险废物，罚多少？": a party named alone, where the breach named none)
    target = _PENALTY_TARGET.fullmatch(frag) or (
        _PARTY.fullmatch(frag) if not conditional and not re.search(PARTY_HEAD, out) else None)
    ask_at = _PENALTY_ASK.search(out) if target else None
    if target and ask_at and ask_at.start() > 0:
        # "那对直接负责的人呢？" after "项目没批环评就开工，罚多少？": the same breach, the penalty of another party to it
        return f"{out[:ask_at.start()].rstrip('，, ')}，{frag}{out[ask_at.start():]}"
    at_place = _AT_PLACE.fullmatch(frag)
    held_at = re.search(r"(?:在|建在|设在|开在|放在|堆在)([\u4e00-\u9fff]{2,16}?)(?:里|内|中)", out) if at_place else None
    if at_place and held_at and at_place.group(1) != held_at.group(1):
        # "要是在饮用水水源保护区里呢？" after "养猪场建在禁养区里，已经建起来了的，怎么处罚？": the same act at another place
        return out[:held_at.start(1)] + at_place.group(1) + out[held_at.end(1):]
    placed = _PLACED.match(frag)
    if placed:
        # "那建在居民区旁边呢？" after "养殖场建在饮用水水源保护区里怎么处理？": the same act at another place
        m = re.search(re.escape(placed.group(1)) + r"[^，,。？?]*?(?=怎么|如何|是否|能否|能不能|可以|可不可以|要|会|吗|呢|"
                      r"[，,。？?]|$)", out)
        if m and m.group(0) != frag:
            return out[:m.start()] + frag + out[m.end():]
        # "在禁止养殖区域建养猪场罚多少？": the place stands before the act; the new place takes its stead
        at = re.search(r"在([\u4e00-\u9fff]{2,16}?)(?:内|里|中)?(?=新建|建设|建|设|开|盖|堆|倒|排)", out)
        if at:
            return out[:at.start(1)] + frag[len(placed.group(1)):] + out[at.end(1):]
    undone = _UNDONE_FILLER.match(frag)
    paper = _PROCEDURE_ASKED.search(previous)
    # (only with an act done meanwhile, the undone procedure named by no word of its own: "没办理的话会怎样" asks the
    # penalty of the duty itself, "没做环评就开工建设" names it)
    acted = _DONE_MEANWHILE.match(frag[undone.end():]) if undone else None
    if undone and paper and acted and not content_terms(frag[:undone.start()]):
        # "没办就施工，罚多少？" after "工地夜间施工需要什么手续？": the procedure asked of before, left undone
        subject = question_subject(previous)
        rest = f"未办理{paper.group(0)}{frag[undone.end():]}"
        return f"{subject}，{rest}？" if subject else f"{rest}？"
    penalty_at = _PENALTY_ASK.search(out)
    lead_party = re.match(rf"^(?:那|那么)?([\u4e00-\u9fff]{{0,6}}?{PARTY_HEAD})", previous)
    # ("没按规定记台账呢？" after "排污单位超过许可排放浓度排污罚多少？": a duty the same party left undone)
    omitted = bool(_NOT_AS_REQUIRED.match(frag)) and len(content_terms(frag)) >= 2
    if (conditional or omitted) and penalty_at and (_BREACH_ACT.search(frag) or omitted) and lead_party \
            and any(f.startswith("v") for _w, f in tagged(frag)) and not re.search(PARTY_HEAD, frag):
        # "要是篡改监测数据呢？" after "企业不按排污许可证规定公开排污信息，怎么罚？": another breach by the same party,
        # punished by its own article; the first breach is not its case
        return f"{lead_party.group(1)}{frag}，{out[penalty_at.start():].lstrip('，, ')}"
    # ("要是没批就开工了呢？" after "环评报告表交上去，审批部门多久要给结果？": a breach asks what follows from it, not
    # the earlier question's how long; see the breach below)
    breach = bool(_breaches(frag)) and not _PENALTY_ASK.search(out) \
        and not all(b in previous for b in _breaches(frag))
    if conditional and not _FRAME.search(frag) and not breach \
            and any(f.startswith("v") for _w, f in tagged(frag)) \
            and any(len(t) >= 2 and t not in previous for t in content_terms(frag)):
        # "要是抢修自来水管道呢？" after "夜间施工噪声扰民怎么处罚？": a case of the same act, asked the same way
        if _MEASURE_ASK.search(out) and not _PENALTY_ASK.search(out):
            # "要是把医疗废物混进生活垃圾里呢？" after "医疗废物…最多能暂存几天？": another act on the same thing;
            # how long or how much was asked of the first act, not of this one
            noun = _lead_noun(previous)
            return f"{noun if noun and noun not in frag else ''}{frag}，怎么处理？"
        if _WHERE_ASK.search(out) and _PLACE_IN.search(frag):
            # "要是已经在禁养区建了呢？" after "养猪场哪些地方不让建？": the case is at a place asked about, where the act is
            # barred; what follows for it is what the question asks now
            noun = _lead_noun(previous)
            return f"{noun if noun and noun not in frag else ''}{frag}的，怎么处罚？"
        with_case = _with_case(out, f"{frag}的", documents)
        if with_case:
            return with_case
    if not is_aspect_only(frag) and is_aspect_only(q):
        frag = _LEAD.sub("", q).strip("？?。 ")  # "不报告会怎么样？": its 怎么样 is the question, not a tail to drop
    if is_aspect_only(frag):
        # "违反了怎么处罚？" after a question on a duty: the consequence asked of the old subject.
        if frag in previous:
            return out  # "罚多少？" after "…可以投诉吗，罚多少？": asked already
        situation = _RECOURSE_TAIL.sub("", previous.strip())
        if situation != previous.strip() and situation:
            # "罚多少？" after "小区门口广场舞音响开得老大，能不能管？": the conduct the caller reported
            return f"{situation}，{frag}？"
        need = _NEED_ASK.match(previous.strip())
        undone = _UNDONE_FILLER.search(frag)
        if need and undone and not re.search(r"什么|哪|多少|怎么|几", need.group(2)):
            # "没做的话罚多少？" after "村里建养鸡场要做环评吗？": the duty asked about, not done
            rest = frag[:undone.start()] + frag[undone.end():]
            return f"{need.group(1)}未{need.group(2)}，{rest.strip('，, ') or '如何处罚'}？"
        subject = question_subject(previous)
        may = _MAY_ASK.match(previous.strip())
        if may:
            # "医疗废物可以和生活垃圾混在一起吗？": the act asked about is the breach ("医疗废物和生活垃圾混在一起")
            subject = may.group(1) + may.group(2)
        if not _ASKING.search(frag):
            frag += "如何规定"  # "那罚款呢？" asks how the penalty is laid down
        return f"{subject}，{frag}？" if subject else out
    own = _TAIL.sub("", _LEAD.sub("", q)).strip("，, ")
    if _case_without_object(own):
        # "没按要求处置的谁来罚？" after "农村卫生室没有集中处置条件的怎么办？": the breach is of what was asked before
        subject = question_subject(previous)
        return f"{subject}，{own}？" if subject and subject not in own else f"{topic}{own}？"
    may_act = _MAY_ASK.match(previous.strip())
    if _PENALTY_ASK.search(own) and may_act and len(own) <= PENALTY_FOLLOW_CHARS \
            and not any(t in previous for t in content_terms(_PENALTY_ASK.split(own)[0]) if len(t) >= 2):
        # "烧了罚多少？" after "秸秆能不能露天烧？": the act asked about, whole, is what is punished (not only its
        # rarest word, "露天")
        return f"{may_act.group(1)}{may_act.group(2)}，{own}？"
    if _PENALTY_ASK.search(own) and len(content_terms(own)) >= 2:
        # "那超期贮存怎么处罚？" after "危险废物在厂内最长可以贮存多久？": a question of its own on another act, asked of
        # the earlier topic when it does not name it ("没有取得排污许可证就排污，罚款多少？" does)
        # (the noun the earlier question opens with when its rarest one is a part of it: "排污许可证有效期几年" is of the
        # licence, "过期了没续还在排" of the licence too)
        noun = _lead_noun(previous)
        thing = noun if noun and topic and topic in noun else topic
        return f"{thing}{own}？" if thing and thing not in own else f"{own}？"
    may = YES_NO.match(previous.strip())
    if may and not _FRAME.search(frag) and _starts_with_verb(re.sub(r"^(?:直接|再|也|还|就|都)", "", frag)):
        # "那直接排到村边沟里呢？" after "鸡粪、猪粪能不能直接拉到地里还田？": the other act, asked the same way
        return f"{previous.strip()[:may.end(1)]}{previous.strip()[may.end(1):may.start(2)]}{frag}？"
    if _acts_only(own) and _ASKING_CLAUSE.search(own):
        # "没同意就设了怎么罚？" after "在河上设排污口要谁同意？": acts done to what the question before names (a question
        # already carried is asked of its situation, the clause before its last comma)
        situation, sep, _asked = previous.rpartition("，")
        carried = carry_subject(f"{own}？", situation + "？" if sep and not _ASKING_CLAUSE.search(situation) else previous)
        return carried or f"{topic}{own}？"
    if _breaches(frag) and not _FRAME.search(frag) and not all(b in previous for b in _breaches(frag)):
        # "那没做环评就开工建设呢？": an act done without what the law asks; what follows from it (the earlier topic
        # may be an act itself, 环评, so it is not put in front). Not a breach the earlier question named ("那废水超标呢？"
        # after "废气超标排放怎么罚？": another thing, the same breach)
        subject = question_subject(previous)
        bare = [t for t in content_terms(frag) if t not in _breaches(frag)]
        if subject and subject not in frag and bare and all(t in previous for t in bare):
            # "要是无证经营呢？" after "从事危险废物收集、贮存、处置经营需要许可证吗？": the breach of the act asked about,
            # which it names by its verb alone
            return f"{subject}，{frag}，如何处罚？"
        span = _party_span(subject) if subject else None
        doer = subject[span[0]:span[1]] if span else ""
        if doer and doer not in frag and not _party_span(frag) and _DUTIES_ASKED.search(previous) \
                and not _AUTHORITY_PARTY.search(doer):
            # "那篡改、伪造监测数据呢？" after "重点排污单位在监测设备方面有什么义务？": the party asked about does it
            return f"{doer}{frag}，如何处罚？"
        return f"{frag}，如何处罚？"
    before = content_terms(previous)
    nouns = [t for t in content_terms(_FRAME.split(frag)[0]) if t not in before]
    phrase = _FRAME.split(frag)[0].strip("，,的 ")
    own_frames = [f for f in _FRAME.findall(frag) if f not in previous]
    if not nouns and phrase and phrase not in out and not own_frames:
        # "准保护区呢？": a one-character modifier is no term of its own, yet it changes the head it comes with
        # (not "到期了怎么办？" after "…有效期多久？": a question of its own, not a modifier of 有效期).
        parallel = parallel_span(out, phrase)
        if parallel:
            return out.replace(parallel, phrase, 1)
        headed = head_swap(out, phrase, documents)
        if headed:
            # "水呢？" after "大气污染物超标排放罚多少钱？": 水 takes the place of 大气 before the head 污染物
            old_word, new_word = headed
            return swapped_document(out.replace(old_word, new_word, 1), old_word, new_word, documents)
    if nouns and documents:
        ps, pe, pname = find_document_reference(phrase, documents)
        s0, e0, oname = find_document_reference(out, documents)
        if pname and oname and pname != oname and ps == 0 and pe == len(phrase):
            # "噪声污染防治法呢？" after "固体废物污染环境防治法对…有什么要求？": the other law, asked the same
            return out[:s0] + phrase + out[e0:]
    if nouns:
        situation, sep, rest = out.rpartition("，")
        if sep and (_is_act(phrase) or _is_event(phrase)) and any(f == "v" for _w, f in tagged(situation)) \
                and not _FRAME_START.search(situation):
            # "那借道我国过境转移危险废物呢？" after "把境外的固体废物运进国内，海关会怎么处理？": another act in the
            # place of the situation the question was asked in ("那要是项目规模扩大了呢？" after "…批了超过五年才开工，
            # 原来的批复还能用吗？": another event, of the thing the situation opened with, "建设项目环评").
            lead = _leading_nouns(situation) if not _is_act(phrase) else ""
            return f"{lead}，{phrase}，{rest}" if lead and lead not in phrase and lead not in rest else f"{phrase}，{rest}"
        parallel = parallel_span(out, phrase)
        if parallel:
            parallel = _with_own_modifier(out, parallel, phrase, documents)
            # "二级保护区呢？" after "饮用水水源一级保护区内…": the phrase with the same head is swapped.
            return swapped_document(out.replace(parallel, phrase, 1), parallel, phrase, documents)
        sibling = sibling_term(phrase, [t for t in content_terms(previous) if t in out], documents)
        if sibling:
            # "那运送呢？" after "贮存危险废物…": 运送 takes the place of the term the texts list it with (and a law
            # named after the one replaced gives way to the law named after the new one: 大气 → 水污染防治法).
            return swapped_document(out.replace(sibling, phrase, 1), sibling, phrase, documents)
        swap = attested_swap(out, phrase, documents)
        if swap is not None:
            # "那农村呢？" after "…对城镇污水处理…": the words the texts write next to 农村 decide what it replaces.
            i, j = swap
            return swapped_document(out[:i] + phrase + out[j:], out[i:j], phrase, documents)
        obj = _object_span(out)
        if obj is not None and not _PLACE_PHRASE_END.search(phrase) and not _starts_with_verb(phrase) and not _FRAME.search(frag):
            # "那尾矿库呢？" after "黄河干支流岸线管控范围内能新建化工项目吗？": another thing, the same act at the same place
            return out[:obj[0]] + phrase + out[obj[1]:]
        # (how long asked by its unit, "几年", is a question of its own too)
        asks = _FRAME.findall(frag) + [m.group(0) for m in [_MEASURE_ASK.search(frag)] if m]
        ask_at = _FRAME.search(frag)
        own_verbs = [w for w, f in tagged(frag[ask_at.end():]) if f.startswith("v") and len(w) >= 2
                     and w not in previous] if ask_at else []
        if own_verbs:
            # "那审批部门多少日内完成审查？" after "排污许可证到期前多少天要申请延续？": a question with its own act, on
            # the earlier subject; no word of it goes into the earlier question
            own_q = _TAIL.sub("", _LEAD.sub("", q)).strip("，, ") + "？"
            return carry_subject(own_q, previous) or own_q
        if asks and not all(f in previous for f in asks):
            # "到期了怎么办？" after "排污许可证有效期是几年？": a question of its own on the earlier subject, not a word
            # to put into the earlier question ("排污许可证到期了是几年"); "那许可证有效期几年？" after "…，罚多少？"
            # names its own subject and asks its own question: nothing of the earlier ask goes with it
            own_q = _TAIL.sub("", _LEAD.sub("", q)).strip("，, ") + "？"
            if _MEASURE_ASK.search(frag) and len(content_terms(phrase)) >= 2:
                return own_q
            carried = carry_subject(own_q, previous)
            if carried:
                return carried
            if len([t for t in content_terms(phrase) if t not in previous]) >= 3:
                # "那山西省对油烟排放浓度的地方标准是多少？" after "饭馆不装油烟净化设备，谁来罚？": a whole question of
                # its own; putting its words into the earlier one would ask "…的地方罚"
                return own_q
        return _replace_subject(out, phrase, topic, documents)
    frames = _FRAME.findall(frag)
    frag_penalty = _PENALTY_ASK.search(frag)
    asked_party = re.fullmatch(rf"(?:这个|这家|该)?({PARTY_HEAD}|老板)(?:会|要|将)?(?:被)?",
                               frag[:frag_penalty.start()]) if frag_penalty else None
    told = situation_of(previous) if asked_party else ""
    if told:
        # "企业会被怎么罚？" after "发现河边有企业偷排污水，可以向哪里举报？": the party's penalty for the situation told
        return f"{told}，{frag}？"
    if frames and not all(f in previous for f in frames):
        # A new question about the old topic ("有什么措施呢？").
        if topic and topic in frag:
            # "每年什么时候之前报呢？" after "…许可证的情况，要报哪一级备案？": the follow-up repeats a word of the
            # old question but not its subject; the old question's subject is carried whole.
            subject = question_subject(previous)
            return f"{subject}，{frag}？" if subject and subject not in frag else f"{frag}？"
        # "那原审批部门多少天内要给答复？": the follow-up already names a word of the earlier question, its context
        shares = any(len(t) >= 2 and t in previous and not _FRAME.fullmatch(t) for t in content_terms(frag))
        return f"{topic}{frag}？" if topic and not shares else f"{frag}？"
    if conditional and any(len(w) >= 2 and w not in previous for w, f in tagged(frag) if f != "x"):
        # "要是报告内容不实呢？" after "重点用能单位不报能源利用状况报告罚多少？": a case told by a state, not an act, of
        # the party the question opens with
        with_case = _with_case(out, f"{frag}的", documents)
        if with_case:
            return with_case
        ask = _PENALTY_ASK.search(out) or _ASK_PART.search(out)
        party = _OPENING_PARTY.match(previous)
        if ask and party and party.group(1) not in frag:
            return f"{party.group(1)}{frag}的，{out[ask.start():].lstrip('，, ')}"
    return out


# The party a question opens with, before what it does or fails to do ("重点用能单位|不报…").
_OPENING_PARTY = re.compile(r"^(.{2,12}?(?:单位|企业|公司|机构|经营者|生产者|场|厂|站|医院))"
                            r"(?=不|未|没|应|要|须|必须|在|把|将|对|的)")


# A phrase naming a place ("二级保护区", "河边上"): it takes the place of a place, not of a thing.
_PLACE_PHRASE_END = re.compile(r"(?:区|内|里|边|旁|附近|周边|范围|地带|上游|下游|地方)$")


# Verbs of building, read as verbs whatever the tagger says (it tags 新建 as a place name).
_BUILD_VERB = re.compile(r"新建|改建|扩建|建设|兴建|修建|建|设|设置|开设|开办")


def _object_span(question: str) -> tuple[int, int] | None:
    """Where the thing lies in a question whether an act may be done to it ("…能新建|化工项目|吗？"): the words after
    the act's verb; None when the question is not so made."""
    may = _MAY_ASK.match(question.strip())
    if not may:
        return None
    tags = tagged(may.group(2))
    # (jieba tags 新建 as a place name)
    if len(tags) < 2 or not (tags[0][1] == "v" or _BUILD_VERB.fullmatch(tags[0][0])) \
            or not all(f.startswith("n") or f in ("x", "vn") for _w, f in tags[1:]):
        return None
    return may.start(2) + len(tags[0][0]), may.end(2)


def _shared_lead(subject: str, new: str) -> int:
    """How long the subject's opening noun phrase is when the new phrase opens with the same word ("两个县" of
    "两个县因为用水闹纠纷" for "两个村民之间"); 0 when they open differently or nothing follows the phrase."""
    tags, mine = tagged(subject), tagged(new)
    if len(tags) < 3 or not mine or tags[0][0] != mine[0][0] or len(mine) < 2:
        return 0
    end = len(tags[0][0])
    for w, f in tags[1:]:
        if not (f.startswith("n") or f in ("m", "q", "x", "zg", "f")):
            break
        end += len(w)
    return end if end < len(subject) and subject[:end] != new else 0


# A follow-up that names only a document to read the same question by ("按循环经济促进法呢？"), and the asking part of
# the question it goes with.
_BY_DOCUMENT = re.compile(r"(?:按|按照|依照|依据|根据|用)?(.{2,30}?)(?:的规定|来说|来看|规定)?")
_ASK_PART = re.compile(r"(?:怎么|如何|怎样|该怎么|要怎么)(?:处罚|罚|处理|办|规定)|罚多少|罚款多少|处罚多少|有什么|有哪些|"
                       r"是什么|谁来|由谁|哪个部门|能不能|可不可以|是否")
# Asked where or in which places ("哪些地方不让建"), and a place said in a case ("在禁养区建了").
_WHERE_ASK = re.compile(r"哪些地方|哪些区域|什么地方|哪里|哪儿|哪些地区|什么区域")
_PLACE_IN = re.compile(r"在[\u4e00-\u9fff]{2,12}?(?:区|内|里|地|范围|边|旁)")
# A question of how long or how much ("最多能暂存几天", "能存多久"), not of a penalty.
_MEASURE_ASK = re.compile(r"(?:几天|多久|多长时间|几年|多少天|多少年|几个月|多少小时|几小时)[？?]?$")


def _lead_noun(question: str) -> str:
    """The noun a question opens with, its subject ("危险废物" of "危险废物能在厂里存多久"); "" when it opens otherwise."""
    run = ""
    for w, f in tagged(question.strip()):
        # (a term of the lexicon the tagger does not know, "排污许可", is tagged x: a noun of the domain)
        if not (f.startswith("n") or (f == "x" and re.fullmatch(r"[\u4e00-\u9fff]+", w))):
            break
        run += w
    return run if len(run) >= 2 else ""


# A follow-up naming only a place ("在饮用水水源保护区里").
_AT_PLACE = re.compile(r"在([\u4e00-\u9fff]{2,16}?)(?:里|内|中|里面)?")
# A question asking only whether ("养猪场能建在禁养区里吗？"), and the modal it asks with.
_YES_NO_ASK = re.compile(r"(?:吗|么|没有)[？?]?$")
_MODAL_LEAD = re.compile(r"能不能|可不可以|能否|可以|能")
_EITHER_WAY = re.compile(r"能不能|可不可以|让不让|准不准|许不许")


def _with_case(question: str, case: str, documents: Sequence[Document]) -> str:
    """The question asked of a case of what it reports ("…秸秆，拒不改正的，罚款多少"): the case goes after the situation,
    before what is asked; "" when the question has no situation to put it after."""
    situation, sep, rest = question.rpartition("，")
    if sep:
        return f"{situation}，{case}，{rest}"
    yes_no = _YES_NO_ASK.search(question)
    # (or asked by a modal either way, "能不能在河道管理范围内盖楼？")
    body = question[:yes_no.start()] if yes_no else \
        question.rstrip("？?。 ") if _EITHER_WAY.search(question) else ""
    if body:
        # "要是已经建起来了呢？" after "养猪场能建在禁养区里吗？": the act done, asked what follows (not "…的，吗？")
        return f"{_MODAL_LEAD.sub('', body, count=1)}，{case}，怎么处罚？"
    s, e = subject_bounds(question, documents)
    aspect = re.search(rf"(?:{_ASPECT.pattern})$", question[s:e])
    e = s + aspect.start() if aspect and aspect.start() > 0 else e
    if e <= s:
        return ""
    # (a question all subject, "…调查报告交给谁评审": the case ends it, not an empty ask, "…的，？")
    tail = question[e:].lstrip("，, ")
    return f"{question[:e]}，{case}，{tail}" if tail.strip("？?。 ") else f"{question[:e]}，{case}？"


def ask(kb: KnowledgeBase, question: str, history: Sequence[str] | None = None, k: int = 5,
        filters: Any = None) -> Answer:
    """Answer a question in a conversation; Answer.resolved_question holds the rewritten question."""
    from .typed import answer

    if not (question or "").strip():
        # Checked before the history is read: a blank message would otherwise resolve to the previous question.
        raise QueryError(EMPTY_QUESTION)
    earlier = _as_answered(kb, [h.strip() for h in history or [] if h and h.strip()], k, filters)
    if not earlier and _ONLY_FOLLOWS.match(question.strip()):
        # "那2035年呢？" as the first question: there is nothing to carry on, and any answer would be a guess.
        return Answer(False, NO_EARLIER, [], question.strip(), NO_EARLIER, 0.0, type="refusal")
    full = _of_previous_document(kb, question, earlier, k, filters) \
        or resolve(question, earlier, kb.term_idf, kb.documents)
    ans = answer(kb, full, k, filters)

    def answered_before() -> Answer:
        """The earlier question as it was answered (read by at most one of the cases below)."""
        return answer(kb, resolve(earlier[-1], earlier[:-1], kb.term_idf, kb.documents), k, filters)

    new = new_subject_terms(question, earlier, kb.documents)
    if new and not _mentions(ans, new):
        # "耕地呢？" after a question on 生态保护红线: the clause that answered the previous question
        # often lists the sibling item too, when a search for the rewritten question misses it.
        sibling = _sibling_answer(kb, full, answered_before(), new)
        if sibling is not None:
            ans = sibling
    if earlier and ASKS_PENALTY.search(question) and is_aspect_only(_TAIL.sub("", _LEAD.sub("", question.strip()))):
        # "罚多少？" after "废机油能卖给收破烂的吗？" (answered by 固废法 第八十条 "禁止将危险废物提供…给无许可证的…"): the
        # article punishing the rule the user was just shown, not one a search for the joined question finds (a
        # collector's duty under another regulation)
        linked = penalty_answer(kb, full, answered_before())
        if linked is not None and (not ans.citations or ans.citations[0].clause_id != linked.citations[0].clause_id
                                   or not AMOUNT.search(ans.shown_text())):
            ans = linked
    year = _YEAR_ONLY.match(question.strip())
    if earlier and year:
        # "那2035年呢？" after "…到2027年PM2.5要降到多少？" (answered by 实施意见（八）): the clause that answered it says what
        # it sets for the other year too ("到2035年，…六项大气污染物指标力争全面达到…二级标准"); a search for the
        # rewritten question finds the broad goal of 2035 in a news report instead
        same = _year_in_answering_clause(answered_before(), year.group(1))
        # (also when the same clause leads with another of its sentences, or nothing was found)
        if same is not None and (not ans.found or not ans.citations or ans.citations[0].clause_id != same[0].clause_id
                                 or f"{year.group(1)}年" not in ans.text):
            from .typed import answered_by

            ans = answered_by(replace(ans, found=True, type="factoid", note="", message="", items=[]), *same, full)
    if not ans.found and earlier and full in (question.strip(), _LEAD.sub("", question.strip())):
        # (also when only its 那 was taken off: "那到期前多长时间要申请延续？" after a question on 排污许可证)
        carried = _carried(kb, _LEAD.sub("", question.strip()) or question, earlier, k, filters)
        if carried is not None:
            ans, full = carried
    if full != question.strip():
        ans.resolved_question = full
        ans.question = question.strip()
    return ans


# A follow-up asking the same of another year and nothing else ("那2035年呢？", "到2030年呢？").
_YEAR_ONLY = re.compile(r"^(?:那么?|要是|如果是?)?(?:到)?(\d{4})年(?:底|末)?(?:的)?呢[？?。\s]*$")


def _year_in_answering_clause(before: Answer, year: str) -> tuple[Hit, str] | None:
    """The sentence of the clause that answered the earlier question that speaks of the year asked now."""
    if not before.found or not before.citations:
        return None
    lead = before.citations[0]
    said = [lead.text[a:b].strip() for a, b in sentences(lead.text) if f"{year}年" in lead.text[a:b]]
    # (a copy: answered_by sets the cited hit's quote, and the earlier answer's hit is not ours to change)
    return (replace(lead), said[0]) if said else None


# A message that only continues an earlier question ("那2035年呢？", "那罚款呢？", "还有呢？"): 那 or 呢 around a year
# or an aspect of a rule, no subject of its own ("水土保持率呢？" names one and is answered).
_ASPECT_ONLY = r"(?:\d{4}年|罚款|处罚|期限|目标|要求|标准|措施|时间|其他|别的|以后|之后)?"
_ONLY_FOLLOWS = re.compile(rf"^(?:那么?|还有|另外)?{_ASPECT_ONLY}呢[？?。！!\s]*$|^那么?\d{{4}}年[？?]$")
NO_EARLIER = ("这像是接着上一个问题的追问，但前面没有问题可以接续。请把问题说完整，例如“到2035年细颗粒物浓度要达到什么水平？”。")


# What a follow-up says of the earlier answer when it names nothing else ("这个是哪个文件规定的？").
_DEICTIC = re.compile(r"这个|这条|这项|这些|这|该|此|上述|以上|它|其|是|的|呢|吗|规定|要求|内容|[？?，,。\s]")


def _of_previous_document(kb: KnowledgeBase, question: str, earlier: list[str], k: int, filters: Any) -> str:
    """A question on a document's metadata that names no document ("是哪个部门印发的？", "文号是多少？", "这个是哪个
    文件规定的？") asks of the document that answered the previous question: the question as resolved, or ""."""
    from .metadata import WHICH_WORDS, named_documents
    from .qtype import classify
    from .typed import answer

    q = question.strip()
    qt = classify(q)
    if not earlier or qt.kind != "metadata" or named_documents(q, list(kb.documents)) \
            or find_document_reference(q, kb.documents)[2]:
        return ""
    previous = _of_previous_document(kb, earlier[-1], earlier[:-1], k, filters) \
        or resolve(earlier[-1], earlier[:-1], kb.term_idf, kb.documents)
    if qt.meta_field == "which_doc":
        rest = WHICH_WORDS.sub("", q)
        return f"{previous.rstrip('？?。 ')}，出自哪个文件？" if not _DEICTIC.sub("", rest) else ""
    prev = answer(kb, previous, k, filters)
    if not prev.found or not prev.citations:
        return ""
    doc = kb.document(prev.citations[0].doc_id)
    return f"《{doc.title}》{q}" if doc is not None else ""


# A question without "呢" is carried on within the earlier subject only when it is this short.
CARRIED_CHARS = 14


def _carried(kb: KnowledgeBase, question: str, earlier: list[str], k: int, filters: Any) -> tuple[Answer, str] | None:
    """"到期前多少天要申请延续？" after "排污许可证的有效期是几年？": no "呢", yet it asks on within the earlier subject.
    Asked with that subject, it is answered only when the answer still holds a word of its own."""
    from .typed import answer

    if len(question.strip("？?。 ")) > CARRIED_CHARS:
        return None  # "山西省光伏扶贫电站收益如何分配": a question this long names its own subject; it is a new topic
    previous = resolve(earlier[-1], earlier[:-1], kb.term_idf, kb.documents)
    if any(len(t) >= 4 and t not in previous and kb.uses_term(t) for t in content_terms(question)):
        return None  # "排污许可证到期了要怎么办？" after a question on 验收报告 names a thing of its own
    carried = carry_subject(question.strip(), previous)
    if not carried:
        return None
    again = answer(kb, carried, k, filters)
    own = [t for t in content_terms(question) if t not in content_terms(carried[: -len(question.strip())])]
    return (again, carried) if again.found and own and any(t in again.text for t in own) else None


def _as_answered(kb: KnowledgeBase, earlier: list[str], k: int, filters: Any) -> list[str]:
    """The history with its last question as it was answered: "有效期多久？" after "排污许可证应当记载哪些信息？" was
    answered as "排污许可证…，有效期多久？", and a third question ("大气法里呢？") goes on from that."""
    from .typed import answer

    if len(earlier) < 2:
        return earlier
    last, before = earlier[-1], earlier[:-1]
    # the cheap tests first: answering the last question again is needed only when it could have been carried
    if resolve(last, before, kb.term_idf, kb.documents) != last \
            or not carry_subject(last, resolve(before[-1], before[:-1], kb.term_idf, kb.documents)) \
            or answer(kb, last, k, filters).found:
        return earlier
    carried = _carried(kb, last, before, k, filters)
    return [*before, carried[1]] if carried is not None else earlier


# A follow-up this short, naming no document, may be asked within the document the earlier question named.
WITHIN_DOCUMENT_CHARS = 12


def _within_document(question: str, previous: str, documents: Sequence[Document]) -> str:
    """"谁负责监督管理？" after "湿地保护法什么时候施行的？": asked within that law when every word of it is a word the
    law uses; a question on something the law never speaks of ("个人所得税起征点是多少") is left as asked."""
    if len(question) > WITHIN_DOCUMENT_CHARS or find_document_reference(question, documents)[2]:
        return question
    from .metadata import named_documents

    _s, _e, name = find_document_reference(previous, documents)
    found = named_documents(name, list(documents)) if name else []
    doc = found[0] if len(found) == 1 else None
    words = [t for t in content_terms(question) if len(t) >= 2]
    if doc is None or not words or not all(t in doc.text for t in words):
        return question
    return f"{name}中，{question}"


# "的有效期是几年": the asking words that end a question, after its subject.
_ASKS_TAIL = re.compile(r"(?:的)?(?:是|为|有)?(?:多少|几|什么|哪)[\u4e00-\u9fff]{0,3}[？?]?$")


def carry_subject(question: str, previous: str) -> str:
    """The follow-up with the previous question's subject before it ("排污许可证的有效期，到期前多少天…"); "" when the
    previous question has no subject apart from the follow-up's words."""
    s, e = subject_bounds(previous)
    subject = previous[s:e]
    if e >= len(previous.rstrip("？?")):  # no frame found: cut the asking words at the end
        subject = _ASKS_TAIL.sub("", previous.rstrip("？? ")) if _ASKS_TAIL.search(previous.rstrip("？? ")) else ""
    # a verb the frame leaves at the subject's end ("按日连续处罚适用于") is no part of what is asked about
    subject = re.sub(r"(?:适用于|适用|针对|对于|是|为)$", "", subject.strip("，, 的")).strip("，, 的")
    if re.search(r"是指|几|多少|什么|哪|怎么|如何|吗", subject):
        return ""  # "…夜间是指几点到": the earlier question's asking words are still in it, no clean subject
    if not subject or subject in question or not set(content_terms(subject)) - set(content_terms(question)):
        return ""
    return f"{subject}，{question}"


def new_subject_terms(question: str, history: Sequence[str], documents: Sequence[Document] = ()) -> list[str]:
    """Content terms of an elliptical follow-up that the previous question did not have ("耕地");
    none when the follow-up names another document ("水法里呢？")."""
    q = question.strip()
    if not history or not is_elliptical(q):
        return []
    frag = _YEAR.sub("", _TAIL.sub("", _LEAD.sub("", q))).strip("，,的 ")
    if not frag or _PRONOUN.search(frag) or document_reference(_DOC_PLACE.sub("", frag), documents):
        return []
    before = set(content_terms(history[-1]))
    return [t for t in content_terms(_FRAME.split(frag)[0]) if t not in before and not t.isdigit()]


def _mentions(ans: Answer, terms: list[str]) -> bool:
    """The answer, or the headings of the clause it quotes first, names every term."""
    head = " ".join(ans.citations[0].path) if ans.citations else ""
    text = "\n".join([head, ans.text, *(i.text for i in ans.items)])
    return ans.found and all(t in text for t in terms)


def _sibling_answer(kb: KnowledgeBase, question: str, previous: Answer, terms: list[str]) -> Answer | None:
    """The sentences of the previous answer's clause that name the new subject, as the answer."""
    from .extract import item_lead, term_spans

    if not previous.found or not previous.citations:
        return None
    top = previous.citations[0]
    picked: list[str] = []
    for s, e in sentences(top.text):
        if all(t in top.text[s:e] for t in terms):
            # an item with the lead of its list ("有下列行为之一的，…处十万元以上…罚款："): alone it names no penalty
            lead = item_lead(top.text, s)
            picked.extend(x for x in (lead, top.text[s:e].strip()) if x and x not in picked)
    if not picked:
        return None
    quote = "".join(picked[:2])
    top.quote = quote
    top.marks = term_spans(question, quote)
    return Answer(True, quote, [top, *previous.citations[1:]], question, "", previous.confidence, type="factoid")
