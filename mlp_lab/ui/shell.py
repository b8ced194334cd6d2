"""Make sure every page runs inside app.py (sidebar, language, navigation).

Streamlit still supports the legacy ``pages/`` folder: until ``st.navigation`` has run once in a
process (and in every AppTest run) a request for ``/mlp`` can execute ``pages/mlp.py`` on its own,
without app.py. A page that finds itself alone turns that mode off and reruns through app.py.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

SHELL_KEY = "_mlp_lab_shell_active"
RETRIED_KEY = "_mlp_lab_shell_retried"


def enter_shell() -> None:
    """app.py: mark this run as going through the shell."""
    st.session_state[SHELL_KEY] = True
    st.session_state[RETRIED_KEY] = False


def leave_shell() -> None:
    st.session_state[SHELL_KEY] = False


def ensure_shell() -> None:
    """Pages call this first; it reruns through app.py when the page was run on its own.

    Only once: a page started directly (``streamlit run pages/mlp.py``) then renders without the
    shell instead of rerunning forever.
    """
    if st.session_state.get(SHELL_KEY) or st.session_state.get(RETRIED_KEY):
        return
    st.session_state[RETRIED_KEY] = True
    PagesManager.uses_pages_directory = False
    st.rerun()
