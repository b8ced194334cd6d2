"""MLP Lab entry point: page config, the shared sidebar, and the navigation over pages/."""

from __future__ import annotations

import streamlit as st

from mlp_lab.ui import a11y
from mlp_lab.ui.controls import gate_address_bar, show_address_notice
from mlp_lab.ui.i18n import current_lang, t
from mlp_lab.ui.pages import BOOK, HOME, TOPICS
from mlp_lab.ui.runner import configure_logging, show_unexpected
from mlp_lab.ui.shell import enter_shell, leave_shell
from mlp_lab.ui.sidebar import render_sidebar

configure_logging()
st.set_page_config(page_title="MLP Lab", page_icon="🧠", layout="wide")
gate_address_bar()  # before any widget reads the address bar
render_sidebar()  # then the sidebar: the language it sets decides every title below
a11y.page_setup(current_lang())

pages = [
    st.Page(HOME.path, title=t(HOME.title_key), icon=HOME.icon, default=True),
    *(st.Page(s.path, title=t(s.title_key), icon=s.icon, url_path=s.url_path) for s in (*TOPICS, BOOK)),
]
page = st.navigation(pages)
enter_shell()
try:
    show_address_notice()
    page.run()
except Exception as exc:  # never a traceback: a clear message, details in the server log
    show_unexpected(exc)
finally:
    leave_shell()
