"""The shared sidebar: language, global seed, compute device. Rendered by app.py on every run."""

from __future__ import annotations

import streamlit as st

from mlp_lab.controls import controls_of
from mlp_lab.device import configure_threads, describe, pick_device
from mlp_lab.experiments import Shared
from mlp_lab.ui.controls import widget
from mlp_lab.ui.i18n import LANG_KEY, LANG_NAMES, LANGS, t

SEED = controls_of(Shared)["seed"]


def _browser_lang() -> str:
    try:
        locale = st.context.locale or ""
    except Exception:  # no browser context (e.g. some test harnesses)
        locale = ""
    return "zh" if locale.lower().startswith("zh") else "en"


def _language_changed() -> None:
    choice = st.session_state.get("lang_choice")
    if choice in LANGS:
        st.session_state[LANG_KEY] = choice


def render_sidebar() -> None:
    """Language from ?lang=, else the browser's locale, else English; kept in the URL.

    The language is synced by hand rather than with ``bind``: a bound choice widget writes its
    *label* to the URL (``lang=中文``), and links should say ``lang=zh``.
    """
    configure_threads()
    if st.session_state.get(LANG_KEY) not in LANGS:  # first run of this session
        wanted = st.query_params.get("lang")
        st.session_state[LANG_KEY] = wanted if wanted in LANGS else _browser_lang()
    lang = st.session_state[LANG_KEY]
    with st.sidebar:
        st.segmented_control(
            "🌐 Language / 语言",
            options=LANGS,
            default=lang,
            format_func=LANG_NAMES.get,
            key="lang_choice",
            required=True,
            on_change=_language_changed,
        )
        st.query_params["lang"] = st.session_state[LANG_KEY]
        widget(SEED)
        st.caption(t("sidebar.device", device=describe(pick_device())))
        st.caption(t("sidebar.share"))


def global_seed() -> int:
    seed = st.session_state.get(SEED.key, SEED.default)
    return seed if isinstance(seed, int) and SEED.lo <= seed <= SEED.hi else SEED.default
