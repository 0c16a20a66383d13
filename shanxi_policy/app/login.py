"""Optional login for the Streamlit app (Settings.app_login / SHANXI_POLICY_APP_LOGIN=1) with the API tokens,
and the audit records of what app users do."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ..api.audit import AuditLog
from ..api.auth import Principal, TokenStore
from ..errors import PolicyError
from ..settings import Settings


def require_login() -> Principal | None:
    """The signed-in user; None when login is off. Stops the page until a valid token is entered."""
    s = Settings()
    if not s.app_login:
        return None
    known = st.session_state.get("principal")
    if known:
        return Principal(known["name"], known["role"])
    st.title("登录")
    st.caption("请输入管理员发放的访问令牌（管理员可在服务器上用 shanxi-policy token add 创建）。")
    with st.form("login"):
        token = st.text_input("访问令牌", type="password")
        submitted = st.form_submit_button("登录", type="primary")
    if submitted:
        try:
            who = TokenStore(s.auth_db).verify(token)
        except PolicyError as exc:
            st.error(str(exc))
        else:
            st.session_state["principal"] = {"name": who.name, "role": who.role}
            st.rerun()
    st.stop()
    return None  # not reached: st.stop() ends the run


def audit(action: str, target: str = "", *, ok: bool = True, index_version: str = "", **detail: Any) -> None:
    """Record a check, upload or deletion made in the app (best effort: the action itself already happened)."""
    known = st.session_state.get("principal") or {}
    try:
        AuditLog(Settings().auth_db).record(str(known.get("name", "app")), action, target, channel="app", ok=ok,
                                            index_version=index_version, detail=detail)
    except Exception:  # the audit database is unavailable: never fail the user's action on it
        pass
