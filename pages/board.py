"""The class board of a room: every page's runs, live, one tab per page (for the teacher's projector),
and the teacher's controls when the operator's key is given."""

import streamlit as st

from mlp_lab.boards import BOARDS
from mlp_lab.ui import board
from mlp_lab.ui.i18n import t
from mlp_lab.ui.pages import TOPICS
from mlp_lab.ui.shell import ensure_shell

ensure_shell()

st.title(t("board.title"))
st.markdown(t("board.page_intro"))
board.room_picker()
room = board.current_room()
if room:
    specs = [s for s in TOPICS if s.url_path in BOARDS]
    for tab, spec in zip(st.tabs([f"{s.icon} {t(s.title_key)}" for s in specs], key="board_tab"), specs, strict=True):
        with tab:
            board.live(spec.url_path, room)
    board.pending_note()
    board.teacher_controls(room)
