"""Questions about a document rather than its content: issuer, date, number, title, which document."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..ingest.docmeta import SECONDARY_TYPES, effective_label, issuers_of
from ..models import Answer, AnswerItem, Document, Hit
from ..text.tokenize import content_terms
from .extract import NOT_FOUND

if TYPE_CHECKING:
    from ..kb import KnowledgeBase

FIELD_LABELS = {"issuer": "发文机关", "date": "成文日期", "effective": "施行日期", "doc_number": "发文字号", "title": "标题",
                "doc_type": "文种"}
# A text's own statement of when it takes effect; the last one is the text's (an amendment's comes earlier).
_EFFECTIVE = re.compile(r"(?:本法|本条例|本办法|本规定|本细则|本意见|本通知|本方案|本决定|本规则|本解释)?自"
                        r"(\d{4}年\d{1,2}月\d{1,2}日|公布之日|发布之日|印发之日)起(?:施行|实施|生效)")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号")
# Words that name a kind of document ("这份实施意见", "这部法律"): they pick the document of that type.
_DOC_KINDS = ("实施意见", "意见", "通知", "决定", "办法", "条例", "规定", "方案", "规划", "法律", "法规", "新闻报道", "报道",
              "法")


_NAMES: dict[tuple[tuple[str, ...], ...], dict[str, str]] = {}


def _library_key(documents: Sequence[Document]) -> tuple[tuple[str, ...], ...]:
    """What the names of a document list depend on: ids, titles and the metadata that names or types them."""
    return tuple((d.doc_id, d.title, *(str(d.meta.get(f, "")) for f in ("short_title", "doc_type", "genre")))
                 for d in documents)


def tax_name(title: str) -> str:
    """A tax law is named by its tax ("交环境保护税吗" asks 环境保护税法); "" for any other title."""
    m = re.fullmatch(r"(?:中华人民共和国)?(.{3,}税)法", title)
    return m.group(1) if m else ""


def document_names(documents: Sequence[Document]) -> dict[str, str]:
    """Names that refer to one document: title, title without 中华人民共和国, short title, and a document
    kind of four or more characters held by one document only ("实施意见"). Computed once per document
    list: a follow-up asks for them dozens of times, and a library holds hundreds of documents."""
    key = _library_key(documents)
    got = _NAMES.get(key)
    if got is not None:
        return dict(got)
    held = Counter(k for x in documents for k in _kinds(x))
    names: dict[str, str] = {}
    for d in documents:
        for n in (d.title, re.sub(r"^中华人民共和国", "", d.title), str(d.meta.get("short_title", "")), tax_name(d.title)):
            if len(n) >= 2:
                names[n] = d.doc_id
        for kind in _kinds(d):
            if len(kind) >= 4 and held[kind] == 1:
                names[kind] = d.doc_id
    out = dict(sorted(names.items(), key=lambda x: -len(x[0])))
    _NAMES.clear()
    _NAMES[key] = out
    return dict(out)


# Documents that speak about other documents rather than lay down rules of their own.


def reports_on(doc_id: str, documents: Sequence[Document]) -> list[str]:
    """News reports and interpretations that quote the document by one of its names (《…》). Read once per
    document list: the answerer asks it for the documents of every question's hits."""
    key = _library_key(documents)
    got = _REPORTS.get(key)
    if got is None:
        got = {d.doc_id: _reporters(d, documents) for d in documents}
        _REPORTS.clear()
        _REPORTS[key] = got
    return list(got.get(doc_id, []))


_REPORTS: dict[tuple[tuple[str, ...], ...], dict[str, list[str]]] = {}


def _reporters(target: Document, documents: Sequence[Document]) -> list[str]:
    names = {n for n, d in document_names(documents).items() if d == target.doc_id}
    if "关于" in target.title:
        names.add(re.sub(r"^.*?关于", "关于", target.title))
    quoted = [f"《{n}》" for n in names if len(n) >= 4]
    return [d.doc_id for d in documents if d.doc_id != target.doc_id
            and str(d.meta.get("doc_type", "")) in SECONDARY_TYPES and any(q in d.text for q in quoted)]


def _kinds(doc: Document) -> set[str]:
    """The kinds a document is of: its type (规范性文件, 法律) and its genre (实施意见) when recorded."""
    return {str(doc.meta.get(k, "")) for k in ("doc_type", "genre")} - {""}


def named_document(question: str, documents: Sequence[Document]) -> str | None:
    """The one document a question names ("水法里…", "《实施意见》…"), by its longest matching name."""
    q = re.sub(r"[《》“”\s]", "", question)
    found: list[tuple[str, str]] = [(n, d) for n, d in document_names(documents).items() if n in q]
    # "水污染防治法" also contains "水法": names inside a longer matched name do not count.
    found = [(n, d) for n, d in found if not any(n != m and n in m for m, _ in found)]
    ids = {d for _, d in found}
    return ids.pop() if len(ids) == 1 else None


def _field_value(doc: Document, name: str) -> str:
    meta: dict[str, Any] = doc.meta or {}
    if name == "title":
        return doc.title
    if name == "issuer":
        return "、".join(issuers_of(doc))
    if name == "date":
        date = str(meta.get("date") or meta.get("issue_date") or "")
        steps = enactment_history(doc)
        # an amended law: its first adoption and every amendment, as its header states them ("哪一年通过的")
        return f"{date}（{'；'.join(steps)}）" if date and len(steps) > 1 else date
    if name == "doc_number":
        v = meta.get("doc_number") or meta.get("number")
        if v:
            return str(v)
        for line in [*meta.get("header_lines", []), doc.text[:300]]:
            m = _DOC_NUMBER.search(str(line))
            if m:
                return m.group(0)
        return ""
    if name == "doc_type":
        return str(meta.get("doc_type") or "")
    if name == "effective":
        if meta.get("effective_date"):
            return effective_label(doc)
        found = _EFFECTIVE.findall(doc.text)
        if found:
            when = found[-1]
            issued = _field_value(doc, "date")
            return f"自{issued}起" if when.endswith("之日") and issued else f"自{when}起"
        return ""
    return ""


def named_documents(question: str, docs: list[Document]) -> list[Document]:
    """Documents the question names: by title, short title, or title with the issuer stripped;
    else by a document kind the question mentions ("这份实施意见")."""
    q = re.sub(r"[《》“”\s]", "", question)
    numbered = [d for d in docs if cites_number(q, d)]
    if numbered:
        return numbered  # "晋环发〔2025〕9号是什么文件": a document number names one document
    named: list[tuple[str, Document]] = []
    for d in docs:
        names = [d.title, str(d.meta.get("short_title", "")), re.sub(r"^中华人民共和国", "", d.title),
                 re.sub(r"^.*?关于", "关于", d.title), d.doc_id, tax_name(d.title)]
        hit = max((n for n in names if n and len(n) >= 2 and n in q), key=len, default="")
        if hit:
            named.append((hit, d))
    if named:
        # "水污染防治法" also contains "水法": a name inside a longer matched name does not count.
        return [d for n, d in named if not any(n != m and n in m for m, _ in named)]
    for kind in _DOC_KINDS:
        if kind in q:
            typed = [d for d in docs if kind in _kinds(d) or d.title.endswith(kind)]
            if len(typed) > 1:
                # "忻州新能源通知的文号" among three notices: the ones whose title shares the most of the question's
                # words ("忻州", "新能源") are meant.
                words = [t for t in content_terms(q.replace(kind, "")) if len(t) >= 2]
                shared = {d.doc_id: sum(t in d.title for t in words) for d in typed}
                best = max(shared.values())
                if best > 0:
                    typed = [d for d in typed if shared[d.doc_id] == best]
            if typed:
                return typed
    return []


_ENACTED = re.compile(r"(\d{4}年\d{1,2}月\d{1,2}日)\s*([^\n]*?)(通过|公布|修订|修正|批准)")


def enactment_history(doc: Document) -> list[str]:
    """"1989年12月26日通过", "2014年4月24日修订": the adoption and amendment lines under a law's title (line repair
    may have joined them into one)."""
    head = re.split(r"\n#*\s*第[一二三四五六七八九十]+[章条]", doc.text[:2000], maxsplit=1)[0]
    out = []
    for m in _ENACTED.finditer(head.split("\n", 1)[-1]):
        nth = re.search(r"第[一二三四五六七八九十]+次$", m.group(2))  # "第一次修正", not "第八次会议修订"
        out.append(f"{m.group(1)}{nth.group(0) if nth else ''}{m.group(3)}")
    return out


def _bare_number(text: str) -> str:
    """A document number as typed in any brackets ("晋环发[2025]9号", "晋环发（2025）9号")."""
    return re.sub(r"[〔〕\[\]()（）【】\s]", "", text)


def cites_number(question: str, doc: Document) -> bool:
    """The question names the document by its 发文字号 (a document without one is never so named)."""
    number = _bare_number(str(doc.meta.get("doc_number") or ""))
    return bool(number) and number in _bare_number(question)


def _meta_hit(doc: Document, line: str) -> Hit:
    first = doc.clauses[0] if doc.clauses else None
    cid = first.clause_id if first else f"{doc.doc_id}:meta"
    summary = "\n".join(f"{label}：{v}" for k, label in FIELD_LABELS.items() if (v := _field_value(doc, k)))
    return Hit(doc.doc_id, doc.title, cid, ("文件信息",), summary, 1.0, "metadata", line, [])


# The document types a question about the library may ask for, most specific first ("行政法规" holds "法规").
_LIBRARY_TYPES = (("行政法规", ("行政法规",)), ("规范性文件", ("规范性文件",)), ("法律法规", ("法律", "行政法规")),
                  ("法律", ("法律",)), ("法规", ("行政法规",)), ("条例", ("行政法规",)), ("新闻报道", ("新闻报道",)),
                  ("报道", ("新闻报道",)), ("政策", ("规范性文件",)))
# How many documents a listing names one by one; a larger library is counted by type.
LIBRARY_LIST_MAX = 40


def library_answer(kb: KnowledgeBase, question: str) -> Answer:
    """"库里有哪些行政法规": the documents of the type asked (all of them when none is named), one item each with its
    issuer and date, each cited to its document information."""
    q = question.strip()
    wanted = next((types for word, types in _LIBRARY_TYPES if word in q), ())
    docs = [d for d in kb.documents if not wanted or str(d.meta.get("doc_type", "")) in wanted]
    kind = next((word for word, _t in _LIBRARY_TYPES if word in q), "文件")
    if not docs:
        msg = f"文档库中没有{kind}。" if wanted else "文档库中还没有文件。"
        return Answer(False, msg, [], q, msg, 0.0, type="metadata")
    counts = Counter(str(d.meta.get("doc_type") or "未标类型") for d in docs)
    unit = "部" if set(counts) <= {"法律", "行政法规"} else "份"  # "14部法律"
    by_type = "，".join(f"{t}{n}{unit}" for t, n in counts.most_common())
    more = f"，以下列出前{LIBRARY_LIST_MAX}{unit}，其余可在政策浏览中按类型查看" if len(docs) > LIBRARY_LIST_MAX else ""
    lead = f"文档库中共有{kind}{len(docs)}{unit}" + (f"（{by_type}）" if len(counts) > 1 else "") + more + "："
    items, citations = [], []
    for d in docs[:LIBRARY_LIST_MAX]:
        facts = "，".join(v for v in (str(d.meta.get("doc_type") or ""), "、".join(issuers_of(d)),
                                       str(d.meta.get("date") or "")) if v)
        citations.append(_meta_hit(d, f"《{d.title}》（{facts}）" if facts else f"《{d.title}》"))
        items.append(AnswerItem(citations[-1].quote, len(citations)))
    text = "\n".join([lead, *(i.text for i in items)])
    return Answer(True, text, citations, q, "", 1.0, type="metadata", items=items)


def metadata_answer(kb: KnowledgeBase, question: str, field_name: str, k: int = 5) -> Answer:
    q = question.strip()
    if field_name == "library":
        return library_answer(kb, q)
    docs = named_documents(q, kb.documents)
    if field_name == "which_doc":
        if not any(cites_number(q, d) for d in docs):
            return _which_document(kb, q, k)
        field_name = "title"  # "晋环发〔2025〕9号是什么文件？" asks for the title of the numbered document
    if not docs:
        hits = kb.search(q, k=1)
        docs = [d for d in (kb.document(h.doc_id) for h in hits) if d is not None]
    if not docs:
        return Answer(False, NOT_FOUND, [], q, NOT_FOUND, 0.0, type="refusal")
    label = FIELD_LABELS[field_name]
    items, citations = [], []
    for d in docs[:3]:
        v = _field_value(d, field_name)
        line = f"{label}：{v}" if v else f"文件信息中没有记录{label}"
        citations.append(_meta_hit(d, line))
        items.append(AnswerItem(f"《{d.title}》{line}" if len(docs) > 1 else line, len(citations)))
    found = any(_field_value(d, field_name) for d in docs[:3])
    if not found:
        msg = f"文件信息中没有记录{label}"
        return Answer(False, msg, citations, q, msg, 0.0, type="metadata", items=items)
    if len(docs) == 1 and field_name == "title" and cites_number(q, docs[0]):
        extra = "，".join(f"{FIELD_LABELS[f]}：{v}" for f in ("issuer", "date") if (v := _field_value(docs[0], f)))
        text = f"{docs[0].meta['doc_number']}是《{docs[0].title}》" + (f"（{extra}）" if extra else "")
    elif len(docs) == 1:
        text = f"《{docs[0].title}》的{label}：{_field_value(docs[0], field_name)}"
        own = _stating_article(docs[0]) if field_name == "effective" else None
        if own is not None:
            # "本法自2022年6月5日起施行。…同时废止": the article that says so is cited with the date
            citations.append(own)
            items = [AnswerItem(text, 1), AnswerItem(own.quote, 2)]
            text = f"{text}\n{own.quote}"
    else:
        text = "\n".join(i.text for i in items)
    return Answer(True, text, citations, q, "", 1.0, type="metadata", items=items)


def _stating_article(doc: Document) -> Hit | None:
    """The clause in which a text states when it takes effect (its last such statement), with that sentence and the
    next one of the same article ("《…》同时废止")."""
    for c in reversed(doc.clauses):
        found = list(_EFFECTIVE.finditer(c.text))
        if not found:
            continue
        m = found[-1]
        start = max(c.text.rfind("。", 0, m.start()) + 1, c.text.rfind("\n", 0, m.start()) + 1)
        end = c.text.find("。", m.end())
        stop = c.text.find("。", end + 1) if end >= 0 else -1
        tail = c.text[end + 1: stop + 1] if stop >= 0 else ""
        quote = c.text[start: end + 1 if end >= 0 else len(c.text)].strip()
        if "废止" in tail:
            quote += tail.strip()
        return Hit(doc.doc_id, doc.title, c.clause_id, c.path, c.text, 1.0, "metadata",
                   re.sub(r"^第[一二三四五六七八九十百零〇]+条\s*", "", quote), [])
    return None


# The words that ask which document or article says something, taken off before the rest is answered.
WHICH_WORDS = re.compile(r"(哪个|哪份|哪一?部|哪些|什么)(文件|法律|法规|政策|规定)|规定了|来自|"
                         r"出自(?:哪里|哪个|哪份|哪一?部|哪)?(?:文件|法律|法规|政策)?|依据哪|(?:是|在)?(?:哪一?条|第几条)(?:规定|写)?的?")


def _which_document(kb: KnowledgeBase, q: str, k: int) -> Answer:
    """"哪个文件规定了…": the documents of the clauses that answer the question, with those clauses."""
    from .typed import answer  # typed imports this module

    stripped = WHICH_WORDS.sub("", q).strip("？?，, ")
    # the question as it is answered (the rule a "必须…吗" asks about, not the article punishing its breach)
    base = answer(kb, f"{stripped}？" if stripped else q, k)
    if not base.found:
        base.type = "refusal"
        return base
    seen: list[str] = []
    items = []
    for i, h in enumerate(base.citations[:3]):
        if h.doc_id in seen or (i > 0 and h.score < 0.85 * base.citations[0].score):
            continue
        seen.append(h.doc_id)
        items.append(AnswerItem(f"《{h.doc_title}》{' › '.join(h.path)}：{h.quote}", i + 1))
    text = "\n".join(i.text for i in items)
    return Answer(True, text, base.citations, q, "", base.confidence, type="metadata", items=items)
