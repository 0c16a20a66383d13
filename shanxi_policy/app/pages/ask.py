"""政策问答: questions in Chinese, answers quoted from the policy text with citations."""

from __future__ import annotations

import html

import streamlit as st

from ...answer.render import answer_label, list_lead
from ...errors import QueryError
from ...models import Answer
from ..render import css, hit_card, md_escape, quote_block
from ..state import get_kb, index_missing

EXAMPLES = [
    "到2030年非化石能源比重要达到多少？",
    "对燃煤锅炉有什么要求？",
    "（八）说了什么",
    "美丽山西什么时候基本建成？",
    "美丽山西建设有哪些重点任务？",
]


def _typed_body(ans: Answer) -> None:
    """Lists with [n] citations, comparison tables; all document text escaped."""
    if ans.table is not None:
        t = ans.table
        head = "".join(f"<th>{html.escape(c or '项目')}</th>" for c in t.columns)
        body = []
        for r, row in enumerate(t.rows):
            cites = t.cites[r] if r < len(t.cites) else []
            cells = "".join(
                f"<td>{html.escape(c)}{f'<sup>[{cites[i]}]</sup>' if i < len(cites) and cites[i] else ''}</td>"
                for i, c in enumerate(row))
            body.append(f"<tr>{cells}</tr>")
        st.html(f'<table class="sp-table"><tr>{head}</tr>{"".join(body)}</table>')
        return
    intro = list_lead(ans)
    if intro:
        st.html(f"<p>{html.escape(intro)}</p>")
    lis = "".join(f"<li>{html.escape(i.label + '：' if i.label else '')}{html.escape(i.text)}"
                  f"<sup>[{i.cite}]</sup></li>" for i in ans.items)
    st.html(f'<ol class="sp-list">{lis}</ol>')


def _show(entry: dict) -> None:
    ans = entry["answer"]
    if ans.resolved_question:
        st.caption(f"理解为：{md_escape(ans.resolved_question)}")
    if ans.note:
        st.info(ans.note)
    if ans.found:
        st.markdown(f"**{answer_label(ans)}**")
        if ans.table is not None or (ans.items and ans.type in ("list", "parts")):
            _typed_body(ans)
        else:
            quote_block(ans.text,
                        ans.citations[0].marks if ans.citations and ans.citations[0].quote == ans.text else [])
        st.caption("出处（点击展开原文）：")
        cited = sorted({i.cite for i in ans.items}) or [1]
        shown = [*cited, *[n for n in range(1, 4) if n not in cited]][: max(3, len(cited))]
        for n in shown:
            if n <= len(ans.citations):
                hit_card(ans.citations[n - 1], n, expanded=(n == shown[0]), new_tab=True)
    else:
        # why it is not answered: nothing found, a law the library lacks, a follow-up with nothing before it
        st.warning(ans.message or ans.text or "未在政策文件中找到相关规定。")
        if ans.citations:
            st.caption("可能相关：")
            for n, h in enumerate(ans.citations[:3], 1):
                hit_card(h, n, new_tab=True)


def page() -> None:
    st.title("政策问答")
    st.caption("答案摘自政策原文，并注明文件、部分、条款和原句；文件未涉及的问题会明确说明。")
    if index_missing():
        get_kb()  # shows why the index is unavailable
        return
    history = st.session_state.setdefault("qa_history", [])
    clicked = None
    # two to a row: more in one row cut the longer questions short on a laptop screen
    for row in range(0, len(EXAMPLES), 2):
        part = EXAMPLES[row: row + 2]
        for col, q in zip(st.columns(2), part, strict=False):
            if col.button(q, key=f"ex-{q}", width="stretch"):
                clicked = q
    typed = st.chat_input("请输入问题，例如：到2030年非化石能源比重要达到多少？")
    question = typed or clicked
    # The index is needed only for a question: the page is drawn without waiting for it (it loads in the
    # background after start-up; a question asked before that waits for the load).
    kb = get_kb() if question else None
    if question and kb is not None:
        try:
            earlier = [e["answer"].resolved_question or e["question"] for e in history]
            history.append({"question": question, "answer": kb.ask(question, history=earlier)})
        except QueryError as exc:
            st.error(str(exc))
    if history:
        css()  # only the answers use it: the empty page does not wait for the HTML element's script
    for entry in history:
        with st.chat_message("user"):
            st.text(entry["question"])
        with st.chat_message("assistant"):
            _show(entry)
    if history and st.button("清空对话"):
        st.session_state["qa_history"] = []
        st.rerun()
