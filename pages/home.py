"""Home: what the app is, and a map from the chapter's sections to the pages."""

import streamlit as st

from mlp_lab.data import locate
from mlp_lab.ui.board import current_room, room_picker
from mlp_lab.ui.i18n import t
from mlp_lab.ui.learn import section_progress
from mlp_lab.ui.pages import BOARD, BOOK, SECTIONS, page_for_section
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.teacher import link_builder
from mlp_lab.ui.warm_status import home_status

ensure_shell()

st.title(f"🧠 {t('app.title')}")
st.write(t("app.tagline"))
st.markdown(t("home.intro"))
home_status()  # the background warm-up's progress, when the server runs one

st.subheader(t("home.sections"))
st.caption(t("home.progress_note"))
for section in SECTIONS:
    spec = page_for_section(section)
    left, mid, right = st.columns([2, 2, 3])
    left.markdown(f"**{section}** {t(f'section.{section}')}")
    if spec is None:
        mid.caption(t("home.not_yet"))
    else:
        mid.page_link(spec.path, label=t(spec.title_key), icon=spec.icon)
    right.markdown(t("home.progress", **section_progress(section)))

st.page_link(BOOK.path, label=t(BOOK.title_key), icon=BOOK.icon)

link_builder()

st.subheader(t("board.title"))
st.markdown(t("board.intro"))
room_picker()
if current_room():
    st.page_link(BOARD.path, label=t("board.open_page"), icon=BOARD.icon)

st.subheader(t("home.how"))
st.write(t("home.how_text"))

# Whether the data is there, never where: a server's paths are nobody's business but its operator's.
if locate() is not None:
    st.caption(t("home.data_ok"))
else:
    st.info(t("home.data_missing"), icon="📦")
