"""MLP Lab entry point: page config, the shared sidebar, and the navigation over pages/."""

from __future__ import annotations

import streamlit as st

from mlp_lab import teacher
from mlp_lab.ui import a11y
from mlp_lab.ui import teacher as lesson
from mlp_lab.ui.board import sidebar_room, sync_room
from mlp_lab.ui.controls import gate_address_bar, show_address_notice
from mlp_lab.ui.i18n import current_lang, t
from mlp_lab.ui.pages import BOARD, BOOK, HOME, TOPICS
from mlp_lab.ui.runner import configure_logging, show_unexpected
from mlp_lab.ui.shell import enter_shell, leave_shell
from mlp_lab.ui.sidebar import render_sidebar
from mlp_lab.ui.warm_status import start_once

configure_logging()
start_once()  # the background warm-up, when MLP_LAB_WARM_ON_START is on (once per process)
# Presenter mode (a teacher's link) starts with the sidebar closed; the gate below checks the link.
presenting = st.query_params.get(teacher.PRESENT, "").lower() in ("1", "true")
st.set_page_config(
    page_title="MLP Lab", page_icon="🧠", layout="wide", initial_sidebar_state="collapsed" if presenting else "auto"
)
gate_address_bar()  # before any widget reads the address bar
sync_room()  # a room in the link joins it; the session's room stays in the address bar
render_sidebar()  # then the sidebar: the language it sets decides every title below
a11y.page_setup(current_lang())

pages = [
    st.Page(HOME.path, title=t(HOME.title_key), icon=HOME.icon, default=True),
    *(st.Page(s.path, title=t(s.title_key), icon=s.icon, url_path=s.url_path) for s in (*TOPICS, BOOK, BOARD)),
]
page = st.navigation(pages)
sidebar_room()
enter_shell()
presenting = lesson.start_run(page.url_path, topic=page.url_path in {s.url_path for s in TOPICS})
top = st.container(key="present_top") if presenting else st.container()
try:
    with top:
        show_address_notice()
        if not presenting:
            lesson.lesson_note()
    page.run()
    if presenting:
        lesson.presenter_bar(top)
except Exception as exc:  # never a traceback: a clear message, details in the server log
    with st.container(key="present_error") if presenting else st.container():
        show_unexpected(exc)
finally:
    leave_shell()
