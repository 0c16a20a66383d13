"""Plain-text rendering of a typed answer for the terminal (the app renders the same fields as HTML)."""

from __future__ import annotations

import re

from ..models import Answer, Hit

_ARTICLE_START = re.compile(r"第[一二三四五六七八九十百零〇]+条")


def with_law_name(text: str, hit: Hit | None) -> str:
    """"第八十一条 …" read out alone does not say whose article it is (大气法 and 噪声法 both have a 第七十七条): the
    text that opens with an article number is given with its document's name."""
    if hit is None or not _ARTICLE_START.match(text):
        return text
    return f"《{hit.doc_title.removeprefix('中华人民共和国')}》{text}"


def answer_label(ans: Answer) -> str:
    """"答：", or "最接近的条款：" when the note says the texts state nothing for what was asked ("文件中未找到2025年的
    相应规定，以下是最接近的条款"): the lines below are then no answer, and are not called one."""
    return "最接近的条款：" if ans.note and "以下是最接近的条款" in ans.note else "答："


def list_lead(ans: Answer) -> str:
    """The line a list answer's text opens with when it introduces the items ("…应当包括下列内容："), else "" (an
    item of several paragraphs opens the text too: its first line is no lead)."""
    head = ans.text.split("\n", 1)[0]
    return head if head and not any(i.text == head or i.text.startswith(head + "\n") for i in ans.items) else ""


def answer_lines(ans: Answer) -> list[str]:
    out: list[str] = []
    label = answer_label(ans)
    if ans.resolved_question:
        out.append(f"（理解为：{ans.resolved_question}）")
    if ans.note:
        out.append(f"提示：{ans.note}")
    if not ans.found:
        out.append(f"{ans.message or ans.text}。" if not (ans.message or ans.text).endswith("。") else ans.message)
        return out
    if ans.table is not None:
        t = ans.table
        out.append(label)
        out.append(" | ".join(c or "项目" for c in t.columns))
        for r, row in enumerate(t.rows):
            cites = t.cites[r] if r < len(t.cites) else []
            cells = [c + (f"[{cites[i]}]" if i < len(cites) and cites[i] else "") for i, c in enumerate(row)]
            out.append(" | ".join(cells))
    elif ans.items and (ans.type != "metadata" or len(ans.items) > 1):
        lead = list_lead(ans)
        if ans.type == "metadata":
            # "文档库中共有行政法规8部：" counts the documents; each item cites its own
            out.append(label + lead)
        else:
            # A lead-in ("…应当包括下列内容：") is quoted from the clause of the first item.
            out.append(label + (f"{with_law_name(lead, _cited(ans, ans.items[0].cite))}[{ans.items[0].cite}]"
                                if lead else ""))
        for n, item in enumerate(ans.items, 1):
            tag = f"{item.label}：" if item.label else ""
            out.append(f"  {n}. {tag}{with_law_name(item.text, _cited(ans, item.cite))}[{item.cite}]")
    else:
        cite = f"[{ans.items[0].cite}]" if ans.items else "[1]" if ans.citations else ""
        out.append(f"{label}{with_law_name(ans.text, _cited(ans, ans.items[0].cite if ans.items else 1))}{cite}")
    return out


def citation_lines(ans: Answer, limit: int = 5) -> list[str]:
    """The sources: every clause an item cites, then the rest of the top hits up to the limit."""
    cited = sorted({i.cite for i in ans.items} | {c for row in (ans.table.cites if ans.table else []) for c in row if c})
    shown = cited or [1]
    # a source the note points to ("[4]提到了…") is listed whatever the limit
    noted = [int(m) for m in re.findall(r"\[(\d+)\]", ans.note or "")]
    shown += [n for n in noted if n not in shown]
    shown += [n for n in range(1, len(ans.citations) + 1) if n not in shown][: max(0, limit - len(shown))]
    out = []
    for n in sorted(shown):
        if n > len(ans.citations):
            continue
        h = ans.citations[n - 1]
        out.append(f"[{n}] {h.citation()}  ({h.local_id}，{h.source})")
        # a source whose words the listed items already give is not quoted again under them
        if h.quote and n not in cited:
            out.append(f"    “{h.marked()}”")
    return out


def _cited(ans: Answer, n: int) -> Hit | None:
    return ans.citations[n - 1] if 0 < n <= len(ans.citations) else None
