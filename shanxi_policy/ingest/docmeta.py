"""Document metadata read from the text: 标题, 发文机关, 发文字号, 成文日期, 施行日期, 文件类型 and validity.

Official documents put these in fixed places: the head (发文机关标志, 发文字号, title, for laws the
enactment lines "2018年10月26日 第十三届全国人民代表大会常务委员会第六次会议…修正"), the signature
block (issuers and the date) and the closing articles ("本条例自2020年1月1日起施行", "《…》同时废止").
Values from a sidecar (<stem>.meta.json) always win over values read here.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..package_data import data_text, load_yaml
from ..text.structure import NAME_CHARS

if TYPE_CHECKING:
    from ..models import Document

FIELDS = ("title", "issuer", "doc_number", "date", "effective_date", "doc_type", "validity")
CURRENT = "现行有效"
REVISED = "已修订"
REPEALED = "已废止"
PENDING = "尚未施行"
SUPERSEDED = (REVISED, REPEALED)

_CJK = NAME_CHARS
_CN_NUM = "〇零一二三四五六七八九十"
_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_CN_DATE = re.compile(rf"([〇零一二三四五六七八九]{{4}})年([{_CN_NUM}]{{1,3}})月(?:([{_CN_NUM}]{{1,3}})日)?")
_BRACKET_NO = re.compile(
    rf"([{_CJK}]{{1,16}}?)\s*[〔\[［【（(]\s*((?:19|20)\d{{2}})\s*[〕\]］】）)]\s*(\d{{1,4}})\s*号"
)
_GAZETTE_NO = re.compile(r"公告\s*((?:19|20)\d{2})\s*年\s*第\s*(\d{1,4})\s*号")
_ORDER_NO = re.compile(rf"([{_CJK}]{{2,60}}?令)\s*[（(]?\s*第\s*([0-9{_CN_NUM}百]+)\s*号\s*[）)]?")
_ENACTED = re.compile(r"(通过|批准|修正|修订|公布|发布|施行|印发)")
_EFFECTIVE = re.compile(
    r"自\s*(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零一二三四五六七八九]{4}年[^起]{2,6}日)\s*起\s*"
    r"(?:施行|实施|执行|生效)"
)
_EFFECTIVE_ON_ISSUE = re.compile(r"自?(?:发布|公布|印发|下发|颁布)之日起?\s*(?:施行|实施|执行|生效)")
# "本条例自…起施行": the text speaks of itself (other texts' dates are cited too).
_SELF = re.compile(r"本(?:法|条例|规定|办法|决定|通知|公告|通告|意见|方案|细则|规则|措施|政策|解释|令)")
_VALID_UNTIL = re.compile(r"有效期(?:至|截至|到)\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
_REPEALS = re.compile(r"《([^》]{2,60})》[^。；《]{0,30}?(?:同时|予以|即行)?废止")
_REPEALS_B = re.compile(r"废止《([^》]{2,60})》")


@dataclass
class Lexicon:
    genres: dict[str, str]
    issuer_suffixes: list[str]
    judicial_issuers: list[str]
    interpretation_title_words: list[str]
    provinces: list[str]
    news_patterns: list[re.Pattern[str]] = field(default_factory=list)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = load_yaml(data_text("docmeta.yaml"))
    return Lexicon(
        genres=dict(raw["genres"]),
        issuer_suffixes=sorted(raw["issuer_suffixes"], key=len, reverse=True),
        judicial_issuers=list(raw["judicial_issuers"]),
        interpretation_title_words=list(raw["interpretation_title_words"]),
        provinces=list(raw["provinces"]),
        news_patterns=[re.compile(p) for p in raw["news_patterns"]],
    )


# Document types offered by filters, in the order of the legal hierarchy.
DOC_TYPES: tuple[str, ...] = ("法律", "行政法规", "司法解释", "地方性法规", "规章", "规范性文件", "政策解读", "新闻报道")
# texts that retell or explain a policy: never its basis
SECONDARY_TYPES: tuple[str, ...] = ("新闻报道", "政策解读")
VALIDITY: tuple[str, ...] = (CURRENT, REVISED, REPEALED, PENDING)


# ----- small readers ---------------------------------------------------------------------------------
def _cn_small(s: str) -> int | None:
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    if not s:
        return None
    if "十" in s:
        a, _, b = s.partition("十")
        return (digits.get(a, 1) if a else 1) * 10 + (digits.get(b, 0) if b else 0)
    return digits.get(s)


def parse_date(s: str) -> str:
    """"2019年8月20日" / "二〇一九年八月二十日" -> "2019-08-20" ("2019-08" without a day); "" if none."""
    m = _DATE.search(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
        if not 1 <= mo <= 12 or (d and not 1 <= int(d) <= 31):
            return ""
        return f"{y:04d}-{mo:02d}-{int(d):02d}" if d else f"{y:04d}-{mo:02d}"
    m2 = _CN_DATE.search(s)
    if m2:
        y = int("".join(str(_cn_small(c)) for c in m2.group(1)))
        mo2 = _cn_small(m2.group(2))
        d2 = _cn_small(m2.group(3)) if m2.group(3) else None
        if mo2 is None or not 1 <= mo2 <= 12:
            return ""
        return f"{y:04d}-{mo2:02d}-{d2:02d}" if d2 else f"{y:04d}-{mo2:02d}"
    return ""


def _norm_space(s: str) -> str:
    return re.sub(r"[\s\u3000]+", " ", s).strip()


def is_issuer(name: str) -> bool:
    """A short name ending like an issuing body: 山西省人民政府, 国家发展改革委办公厅, 税务总局."""
    n = name.strip()
    if not 2 <= len(n) <= 40 or re.search(rf"[^{_CJK}（）()·]", n) or "的" in n[-6:]:
        return False
    return any(n.endswith(s) for s in lexicon().issuer_suffixes) and len(n) > 1


def split_issuers(segment: str) -> list[str]:
    """"财政部 税务总局" / "最高人民法院、最高人民检察院" -> names; pieces that a line break cut are glued."""
    tokens = [t for t in re.split(r"[\s\u3000、，,]+", segment.strip()) if t]
    out: list[str] = []
    buf = ""
    for t in tokens:
        buf += t
        if is_issuer(buf):
            out.append(buf)
            buf = ""
    if buf:
        return []  # a leftover that is no issuer: the segment is not a list of issuers
    return out


def normalize_doc_number(s: str) -> str:
    s = re.sub(r"[\s\u3000]+", " ", s).strip()
    s = re.sub(r"[\[［【（(]\s*((?:19|20)\d{2})\s*[\]］】）)]", r"〔\1〕", s)
    s = re.sub(r"〔\s*", "〔", re.sub(r"\s*〕\s*", "〕", s))
    return re.sub(r"(?<=[〕\d])\s+|\s+(?=[〔\d号])", "", s)


def title_key(title: str) -> str:
    """Titles compared across versions: without 中华人民共和国, brackets, spaces and a trailing （试行）."""
    t = re.sub(r"[\s\u3000《》〈〉<>“”\"]", "", title)
    t = t.replace("中华人民共和国", "")
    return re.sub(r"[（(](?:试行|暂行|草案|\d{4}年?(?:修订|修正)?)[）)]$", "", t)


# ----- the extractor -----------------------------------------------------------------------------------
@dataclass
class DocMeta:
    title: str = ""
    issuer: list[str] = field(default_factory=list)
    doc_number: str = ""
    date: str = ""
    effective_date: str = ""
    doc_type: str = ""
    validity: str = ""
    validity_basis: str = ""
    genre: str = ""

    def to_meta(self) -> dict[str, Any]:
        """Only the fields that were found."""
        out: dict[str, Any] = {}
        for k in (*FIELDS, "validity_basis", "genre"):
            v = getattr(self, k)
            if v:
                out[k] = v
        return out


def _head_and_tail(paras: list[str]) -> tuple[list[str], str]:
    """The head: paragraphs up to the first numbered body part (at most 12); the tail: the last 400 characters."""
    from ..text.markers import ARTICLE, CHAPTER, PART

    head: list[str] = []
    for p in paras[:12]:
        q = p.lstrip("# ")
        if ARTICLE.match(q) or CHAPTER.match(q) or PART.match(q):
            break
        head.append(q)
    tail = "\n".join(paras)[-400:]
    return head, tail


def _doc_number(head_text: str) -> str:
    for m in _BRACKET_NO.finditer(head_text):
        before = head_text[max(0, m.start() - 2) : m.start()]
        after = head_text[m.end() : m.end() + 1]
        if before.endswith(("》（", "》(")) or (after in ("）", ")") and "《" in head_text[max(0, m.start() - 60) : m.start()]):
            continue  # a cited document: 《国务院关于…的通知》（国发〔2018〕41号）
        prefix = m.group(1)
        # The prefix ends at the number: drop anything a space separates from it (a title before it).
        prefix = re.split(r"[\s\u3000]", prefix)[-1]
        # An issuer's full name joined to it by line repair ("阳城县人民政府办公室阳政办发"): a number's prefix is an
        # abbreviation and never holds these words.
        prefix = re.split(r"(?:人民政府|办公室|办公厅|委员会)(?=[\u4e00-\u9fff]{2})", prefix)[-1]
        return normalize_doc_number(f"{prefix}〔{m.group(2)}〕{m.group(3)}号")
    m2 = _GAZETTE_NO.search(head_text)
    if m2:
        left = head_text[: m2.start()]
        tokens = re.split(r"([\s\u3000]+)", left)
        parts: list[str] = []
        last = tokens[-1] if tokens else ""
        parts.append(last)
        i = len(tokens) - 3
        while i >= 0 and is_issuer(tokens[i]) and "的" not in tokens[i]:
            parts.insert(0, tokens[i])
            i -= 2
        name = " ".join(p for p in parts if p)
        return f"{name}公告{m2.group(1)}年第{m2.group(2)}号"
    m3 = _ORDER_NO.search(head_text)
    if m3:
        name = re.split(r"[\s\u3000]", m3.group(1))[-1]
        name = re.sub(r"^(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)", "", name)
        return f"{name}第{m3.group(2)}号"
    return ""


def _signature(tail: str) -> tuple[list[str], str]:
    """Issuers and date of the signature block: "…。 泰州市人民政府 2020年2月4日 （此件公开发布）"."""
    last = re.split(r"[。；！？]", tail)[-1]
    found = list(_DATE.finditer(last)) or list(_CN_DATE.finditer(last))
    if not found:
        return [], ""
    m = found[-1]
    after = last[m.end() :].strip()
    if len(re.sub(r"[（(][^）)]*[）)]", "", after)) > 20:
        return [], ""  # the date is inside a sentence, not a signature
    before = last[: m.start()]
    before = re.split(r"附件[:：][^\n]*\n?", before)[-1]
    issuers = split_issuers(before.strip().split("\n")[-1] if "\n" not in before.strip() else " ".join(
        ln for ln in before.strip().split("\n")[-4:]))
    if not issuers and before.strip():
        # keep only the trailing tokens that form issuers ("… 具体办法另行通知 国家发展改革委办公厅")
        toks = [t for t in re.split(r"[\s\u3000]+", before.strip()) if t]
        for k in range(len(toks)):
            cand = split_issuers(" ".join(toks[k:]))
            if cand:
                issuers = cand
                break
    return issuers, parse_date(m.group(0))


def _title_issuers(title: str) -> list[str]:
    m = re.match(r"^(.{2,80}?)关于", title)
    if not m:
        return []
    return split_issuers(m.group(1))


def _doc_mark_issuers(head: list[str]) -> list[str]:
    """发文机关标志: "山西省人民政府文件", a joint mark over several lines ending with 文件."""
    for i, p in enumerate(head[:6]):
        s = _norm_space(p)
        if s.endswith("文件") and len(s) <= 60:
            names = split_issuers(s[:-2]) + [x for q in head[i + 1 : i + 4] for x in split_issuers(_norm_space(q))]
            if names:
                return names
    return []


def _enactment(head: list[str]) -> tuple[list[str], str, str, str]:
    """Laws and regulations: (issuers, latest enactment date, effective date, the adopting body's level).

    The head lists "date + body + 通过/批准/修正…" steps; repair may have joined them into one paragraph."""
    text = "\n".join(head)
    starts = [m for m in _DATE.finditer(text) if m.group(3)]
    issuers: list[str] = []
    dates: list[str] = []
    effective = ""
    level = ""
    for i, m in enumerate(starts):
        d = parse_date(m.group(0))
        rest = text[m.end() : starts[i + 1].start() if i + 1 < len(starts) else len(text)].strip()
        rest = re.sub(r"^经(?=[\u4e00-\u9fff])", "", rest)  # "2019年2月12日经山东省…常务委员会…批准"
        if re.fullmatch(r"(?:起)?施行[。]?|(?:自)?(?:发布|公布)之日(?:起)?施行[。]?", rest.split("\n")[0].strip()):
            effective = "@issue" if ("发布" in rest or "公布" in rest) else d
            continue
        if not _ENACTED.search(rest[:160]):
            continue
        dates.append(d)
        if issuers:
            continue
        if "全国人民代表大会" in rest[:30]:
            issuers = ["全国人民代表大会常务委员会" if "常务委员会" in rest[:40] else "全国人民代表大会"]
            level = "national"
        elif re.search(r"人民代表大会(?:常务委员会)?", rest[:60]):
            mm = re.match(rf"^([{_CJK}]{{1,20}}?[省市州县区盟旗])(?:第[{_CN_NUM}\d]+届)?(人民代表大会(?:常务委员会)?)", rest)
            if mm:
                issuers = [mm.group(1) + mm.group(2)]
                level = "local"
        elif re.search(r"国务院(?:令|发布|批准|公布|第)", rest[:40]):
            issuers, level = ["国务院"], "state_council"
        else:
            mm = re.match(rf"^([{_CJK}]{{2,30}}?)(?:审判委员会|检察委员会|令|第[{_CN_NUM}\d]+次|发布|公布|印发)", rest)
            if mm and is_issuer(re.sub(r"^中华人民共和国", "", mm.group(1)) or mm.group(1)):
                name = mm.group(1)
                issuers = [name]
                level = "judicial" if name in lexicon().judicial_issuers else "other"
    return issuers, max(dates) if dates else "", effective, level


_ABOUT_TITLE = re.compile(r"((?:[^\s。，；：:]{2,30}[\s\u3000]+){0,3}[^\s。，；：:]{0,40}关于[^。；：:\n]{2,100}?的?(?:%s))")


def _title_from_head(head: list[str]) -> str:
    """A "…关于…的通知" title inside the head (single-line web pages, titles under a 发文机关标志)."""
    genres = "|".join(sorted(map(re.escape, lexicon().genres), key=len, reverse=True))
    pat = re.compile(_ABOUT_TITLE.pattern % genres)
    for p in head[:4]:
        m = pat.search(p[:200])
        if m:
            t = m.group(1).strip()
            # a 发文机关标志 repeated before the title is not part of it
            toks = re.split(r"[\s\u3000]+", t)
            while len(toks) > 1 and is_issuer(toks[0]) and not re.search("关于", toks[0]) and toks.count(toks[0]) > 1:
                toks = toks[1:]
            if len(toks) > 1 and all(is_issuer(x) for x in toks[:-1]) and toks[-1].startswith("关于"):
                toks = toks[-1:]  # "四川省…指挥部 关于做好…的通知": the mark, then the title
            return " ".join(toks)
    return ""


_PROMULGATION = re.compile(r"^《([^》]{2,60})》[^。]{0,120}?(?:现予公布|现予发布|现予以公布|予以公布|现公布)")


def _promulgated_title(title: str, head: list[str]) -> str:
    """A regulation filed with the notice that promulgates it ("德州市人民代表大会常务委员会公告（第十号）
    《德州市扬尘污染防治条例》已于…通过…现予公布", then the regulation under its own title): the regulation's title,
    when it stands as a line of its own below the notice; "" otherwise."""
    if not re.search(r"(?:公告|令)(?:[（(]第[^）)]{1,8}号[）)])?$", title.strip()):
        return ""
    for i, p in enumerate(head):
        m = _PROMULGATION.match(p.strip())
        if m and any(q.strip() == m.group(1) for q in head[i + 1:]):
            return m.group(1)
    return ""


def _news_outlet(text: str) -> tuple[bool, str]:
    head = text[:300]
    news = False
    outlet = ""
    for pat in lexicon().news_patterns:
        m = pat.search(head) or (pat.search(text[-200:]) if "编辑" in pat.pattern else None)
        if m:
            news = True
            if not outlet:
                if m.group(0).startswith("新华社"):
                    outlet = "新华社"
                elif m.groups() and m.group(1):
                    outlet = m.group(1)
    return news, outlet


def _genre(title: str) -> str:
    t = re.sub(r"[（(][^）)]*[）)]$", "", title.strip())
    for g in sorted(lexicon().genres, key=len, reverse=True):
        if t.endswith(g):
            return g
    return ""


# A city or prefecture name at the start of a title ("东营市…条例"); "城市…" is a word, not a place.
_CITY = re.compile(rf"^(?!城市)(?:[{_CJK}]{{2,3}}市|[{_CJK}]{{2,8}}?(?:自治州|盟))")


def is_local_title(title: str) -> bool:
    t = re.sub(r"[\s\u3000]", "", title)
    return t.startswith(tuple(lexicon().provinces)) or bool(_CITY.match(t))


def _doc_type(title: str, issuers: list[str], doc_number: str, level: str, news: bool, has_signature: bool,
              genre: str, has_articles: bool = False) -> str:
    lex = lexicon()
    if any(w in title for w in lex.interpretation_title_words):
        return "政策解读"
    if level == "judicial" or any(i in lex.judicial_issuers for i in issuers) or doc_number.startswith(("法释", "高检发释")):
        return "司法解释"
    law_title = re.search(r"(?:法|法典)$", title_key(title)) is not None
    if level == "national":
        return "法律"
    if level == "local":
        return "地方性法规"
    if level == "state_council" and genre not in ("通知", "意见", "实施意见", "指导意见", "决定", "通告", "公告"):
        return "行政法规"
    if re.search(r"(?:部|委员会|总局|署|局|人民政府)令", doc_number) and genre in ("办法", "规定", "细则", "实施细则", "规则"):
        return "规章"
    if re.search(r"条例$", title_key(title)) and not news:
        # 条例 are made only by the State Council (行政法规) or by local people's congresses (地方性法规).
        return "地方性法规" if is_local_title(title) else "行政法规"
    if doc_number or has_signature or (genre and not news):
        return lex.genres.get(genre, "规范性文件") if genre else "规范性文件"
    if law_title and title.startswith("中华人民共和国"):
        return "法律"
    return "规范性文件" if has_articles else "新闻报道"


def extract(paragraphs: list[str], title: str = "", today: _dt.date | None = None) -> DocMeta:
    """Read metadata from a document's repaired paragraphs; title is the parsed or given title."""
    paras = [p for p in paragraphs if p.strip()]
    if not paras:
        return DocMeta(title=title)
    head, tail = _head_and_tail(paras)
    head_text = "\n".join(head)[:800] or paras[0][:400]
    if not title or is_issuer(title) or title.endswith("文件") or len(title) > 60:
        title = _title_from_head(head or paras[:1]) or title
    title = _promulgated_title(title, head or paras[:12]) or title
    meta = DocMeta(title=title)
    meta.doc_number = _doc_number(head_text)
    sig_issuers, sig_date = _signature(tail)
    enact_issuers, enact_date, enact_effective, level = _enactment(head)
    news, outlet = _news_outlet("\n".join(paras))
    meta.genre = _genre(title)
    official = bool(meta.doc_number or sig_date or level)
    if news and not official:
        meta.issuer = [outlet] if outlet else []
    else:
        meta.issuer = sig_issuers or _title_issuers(title) or _doc_mark_issuers(head) or enact_issuers
        if not meta.issuer and meta.doc_number.endswith("号") and "令" in meta.doc_number:
            name = meta.doc_number.split("令")[0]
            meta.issuer = [name] if is_issuer(name) else []
    meta.date = sig_date or enact_date
    if not meta.date:
        for p in head[:4]:  # "（2024年1月10日省人民政府第X次常务会议通过）" under the title
            if p.startswith(("（", "(")):
                meta.date = parse_date(p)
                if meta.date:
                    break
    full = "\n".join(paras)
    eff = ""
    own = [m for m in _EFFECTIVE.finditer(full) if _SELF.search(full[max(0, m.start() - 12) : m.start()])]
    pick = own[-1] if own else next(iter(_EFFECTIVE.finditer(full)), None)
    if pick:
        eff = parse_date(pick.group("date"))
    elif enact_effective and enact_effective != "@issue":
        eff = enact_effective
    elif _EFFECTIVE_ON_ISSUE.search(full) or enact_effective == "@issue":
        eff = meta.date
    meta.effective_date = eff
    from ..text.markers import ARTICLE

    has_articles = sum(bool(ARTICLE.match(p.lstrip("# "))) for p in paras) >= 2
    meta.doc_type = _doc_type(title, meta.issuer, meta.doc_number, level, news and not official, bool(sig_date),
                              meta.genre, has_articles)
    meta.validity, meta.validity_basis = own_validity(full, meta.effective_date, today)
    return meta


def own_validity(text: str, effective_date: str, today: _dt.date | None = None) -> tuple[str, str]:
    """What the text itself says: not yet in force, or expired at the end of its stated term."""
    today_s = (today or _dt.date.today()).isoformat()
    if effective_date and len(effective_date) == 10 and effective_date > today_s:
        return PENDING, f"自{effective_date}起施行"
    m = _VALID_UNTIL.search(text)
    if m:
        until = parse_date(m.group(1))
        if until and until < today_s:
            return REPEALED, f"有效期至{until}，已届满"
    return CURRENT, ""


# ----- across documents ----------------------------------------------------------------------------------
def repealed_titles(text: str) -> list[str]:
    """Titles a text repeals: "《中华人民共和国环境噪声污染防治法》同时废止", "废止《…》"."""
    out = [m.group(1) for m in _REPEALS.finditer(text)] + [m.group(1) for m in _REPEALS_B.finditer(text)]
    return list(dict.fromkeys(out))


def infer_corpus_validity(docs: list[Any]) -> None:
    """Mark texts that another document of the corpus repeals (已废止) or that a later version of the same
    title replaces (已修订). Only documents whose validity was inferred (not set in a sidecar) change."""
    by_key: dict[str, list[Any]] = {}
    for d in docs:
        by_key.setdefault(title_key(d.title), []).append(d)

    def settable(d: Any) -> bool:
        return "validity" in d.meta.get("inferred", []) or "validity" not in d.meta

    def mark(d: Any, validity: str, by: Any, basis: str) -> None:
        if not settable(d) or d.meta.get("validity") in SUPERSEDED:
            return
        d.meta["validity"] = validity
        d.meta["superseded_by"] = by.doc_id
        d.meta["validity_basis"] = basis
        inferred = d.meta.setdefault("inferred", [])
        if "validity" not in inferred:
            inferred.append("validity")

    for group in by_key.values():
        dated = [d for d in group if d.meta.get("date")]
        if len(dated) < 2:
            continue
        dated.sort(key=lambda d: str(d.meta["date"]))
        latest = dated[-1]
        for d in dated[:-1]:
            if str(d.meta["date"]) < str(latest.meta["date"]):
                mark(d, REVISED, latest, f"已有 {latest.meta['date']} 版本《{latest.title}》")
    for d in docs:
        for t in repealed_titles(d.text):
            for old in by_key.get(title_key(t), []):
                if old is d:
                    continue
                newer = not old.meta.get("date") or not d.meta.get("date") or str(old.meta["date"]) <= str(d.meta["date"])
                if newer:
                    mark(old, REPEALED, d, f"《{d.title}》规定《{t}》废止")


def merge(inferred: DocMeta, sidecar: dict[str, Any]) -> dict[str, Any]:
    """Sidecar values win; a sidecar doc_type that names a genre (实施意见) becomes its type and genre."""
    out = inferred.to_meta()
    found = [k for k in FIELDS if k in out and k != "title"]
    side = dict(sidecar)
    dt = side.get("doc_type")
    if isinstance(dt, str) and dt and dt not in DOC_TYPES:
        g = lexicon().genres.get(dt)
        if g:
            side.setdefault("genre", dt)
            side["doc_type"] = g
    if isinstance(side.get("issuer"), str):
        side["issuer"] = [side["issuer"]]
    out.update(side)
    out["inferred"] = [k for k in found if k not in sidecar]
    return out


def issuers_of(d: Document) -> list[str]:
    """The issuing bodies recorded for a document (one string or a list in the metadata)."""
    v = d.meta.get("issuer", [])
    return [v] if isinstance(v, str) else [str(x) for x in v]


def effective_label(d: Document) -> str:
    """施行日期 as shown to users. A law amended after its text's own 施行 article has a later 成文日期
    (the amendment) than 施行日期, which reads as a contradiction unless the amendment is named."""
    eff, date = str(d.meta.get("effective_date") or ""), str(d.meta.get("date") or "")
    if eff and date and date > eff:
        return f"{eff}（{date}修改）"
    return eff


def validity_label(d: Document) -> str:
    """效力 as shown to users: a news report or an explanation of a policy has no legal force of its own."""
    if d.meta.get("doc_type") in ("新闻报道", "政策解读"):
        return "不适用（非规范性文件）"
    return str(d.meta.get("validity") or "")
