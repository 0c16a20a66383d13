"""政策问答: questions in Chinese, answers quoted from the policy text with citations."""

from __future__ import annotations

import streamlit as st

from ...errors import QueryError
from ..render import css, hit_card, quote_block
from ..state import get_kb

EXAMPLES = [
    "到2030年非化石能源比重要达到多少？",
    "对燃煤锅炉有什么要求？",
    "（八）说了什么",
    "美丽山西什么时候基本建成？",
]


def _show(entry: dict) -> None:
    ans = entry["answer"]
    if ans.found:
        st.markdown("**答：**")
        quote_block(ans.text, ans.citations[0].marks if ans.citations and ans.citations[0].quote == ans.text else [])
        st.caption("出处（点击展开原文）：")
        for n, h in enumerate(ans.citations[:3], 1):
            hit_card(h, n, expanded=(n == 1))
    else:
        st.warning("未在政策文件中找到相关规定。")
        if ans.citations:
            st.caption("可能相关：")
            for n, h in enumerate(ans.citations[:3], 1):
                hit_card(h, n)


def page() -> None:
    css()
    st.title("政策问答")
    st.caption("答案摘自政策原文，并注明文件、部分、条款和原句；文件未涉及的问题会明确说明。")
    kb = get_kb()
    if kb is None:
        return
    history = st.session_state.setdefault("qa_history", [])
    cols = st.columns(len(EXAMPLES))
    clicked = None
    for col, q in zip(cols, EXAMPLES, strict=True):
        if col.button(q, key=f"ex-{q}", use_container_width=True):
            clicked = q
    typed = st.chat_input("请输入问题，例如：到2030年非化石能源比重要达到多少？")
    question = typed or clicked
    if question:
        try:
            history.append({"question": question, "answer": kb.ask(question)})
        except QueryError as exc:
            st.error(str(exc))
    for entry in history:
        with st.chat_message("user"):
            st.text(entry["question"])
        with st.chat_message("assistant"):
            _show(entry)
    if history and st.button("清空对话"):
        st.session_state["qa_history"] = []
        st.rerun()
