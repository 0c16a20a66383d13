"""Streamlit front end. Run with `make run`."""

from __future__ import annotations

from shanxi_policy.app.main import run

run()
