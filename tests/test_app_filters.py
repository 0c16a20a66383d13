"""The document filter panel keeps a filter set before it was closed."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from shanxi_policy.retrieve.filters import DocFilter


def _page() -> None:
    import streamlit as st

    from shanxi_policy.app.filters_view import doc_filter

    f = doc_filter([], "t")
    st.text("filter:" + ("none" if f is None else ",".join(f.doc_types) + "|" + ",".join(f.issuers)))


def test_closed_panel_keeps_the_filter_and_shows_it_escaped():
    at = AppTest.from_function(_page, default_timeout=30)
    at.session_state["t-kept"] = DocFilter(doc_types=["法律"], issuers=["*某*厅"])
    at.run()
    assert [t.value for t in at.text] == ["filter:法律|*某*厅"]
    caption = at.caption[0].value
    assert "类型 法律" in caption and "\\*某\\*厅" in caption


def test_no_filter_when_nothing_was_set():
    at = AppTest.from_function(_page, default_timeout=30).run()
    assert [t.value for t in at.text] == ["filter:none"]
    assert not at.caption
