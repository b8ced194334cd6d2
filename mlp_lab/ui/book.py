"""The "check against the book" rows inside the app: run, cache, and link to them."""

from __future__ import annotations

import contextlib
import re
from functools import partial

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from mlp_lab.data import DataError
from mlp_lab.reproduce import Check, Row, row_failed_to_run, row_key, run_check
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import cached_run, result_store

BOOK_PAGE = "pages/book.py"


def literal(text: object) -> str:
    """``text`` as Markdown that shows exactly these characters: "> 10" must not become a quote."""
    return re.sub(r"([\\`*_{}\[\]()<>#+\-.!|~$])", r"\\\1", str(text))


def cached_row(check: Check) -> Row | None:
    return result_store().get(row_key(check))


def run_row(check: Check) -> Row:
    """Run a check once per server (and code version); later asks read the stored row. Raises
    ``DataError`` for the page to explain."""
    compute = partial(run_check, check, reraise=(DataError,))
    return cached_run(row_key(check), compute, should_store=lambda row: not row_failed_to_run(row))


def book_link(topic: str) -> None:
    """Every topic page ends with a link to its rows on the book page."""
    # Suppressed when the page was started on its own, outside app.py's navigation.
    with contextlib.suppress(StreamlitPageNotFoundError):
        st.page_link(BOOK_PAGE, label=t("book.link"), icon="📖", query_params={"book_topic": topic})
