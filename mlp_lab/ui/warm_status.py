"""The background warm-up on the page side (``mlp_lab.warmup``): started once per server process,
its progress on the home page."""

from __future__ import annotations

import os

import streamlit as st

from mlp_lab import warmup
from mlp_lab.ui.i18n import t


@st.cache_resource(show_spinner=False)
def start_once() -> bool:
    """app.py, every run: the first run of a server process starts the warm-up (when it is on).

    The setting may be a root-level secret (Community Cloud's Secrets box): Streamlit exports those
    to the environment when the secrets are first read, which may not have happened yet."""
    try:
        value = st.secrets.get(warmup.ENV)
    except Exception:  # no secrets file: the environment decides
        value = None
    if value is not None and warmup.ENV not in os.environ:
        os.environ[warmup.ENV] = str(value)
    return warmup.start_background()


def home_status() -> None:
    """On the home page while the setting is on: a progress bar that follows the warm-up, then one line."""
    if not warmup.enabled():
        return
    state = warmup.read_progress()
    if state is not None and state.get("finished"):
        _finished(state)
    else:
        _running()


@st.fragment(run_every=5)
def _running() -> None:
    state = warmup.read_progress()
    if state is None:
        st.caption(t("warm.starting"))
    elif state.get("finished"):
        _finished(state)
    else:
        total = max(int(state.get("total", 1)), 1)
        done = int(state.get("done", 0))
        st.progress(done / total, text=t("warm.running", done=done, total=total, page=state.get("current", "")))


def _finished(state: dict) -> None:
    rows = state.get("rows", [])
    failed = sum(r.get("status") != "ok" for r in rows)
    minutes = (float(state["finished"]) - float(state.get("started", state["finished"]))) / 60
    st.caption(t("warm.done", n=sum(int(r.get("computed", 0)) for r in rows), minutes=minutes))
    if failed:
        st.caption(t("warm.failed", n=failed))
