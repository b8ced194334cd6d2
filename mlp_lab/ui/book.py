"""The "check against the book" rows inside the app: one component for every page's book box,
the rows computed through the one path to a cached result, and the link to the book page."""

from __future__ import annotations

import contextlib
import re

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from mlp_lab.data import DataError
from mlp_lab.reproduce import Check, Row, for_topic, row, row_failed_to_run
from mlp_lab.store import cached as core_cached
from mlp_lab.store import key_of
from mlp_lab.ui.i18n import current_lang, lookup, t
from mlp_lab.ui.runner import gate, live_bar, result_store, show_data_error, waiting_note

BOOK_PAGE = "pages/book.py"


def literal(value: object) -> str:
    """``value`` as Markdown that shows exactly these characters: "> 10" must not become a quote."""
    return re.sub(r"([\\`*_{}\[\]()<>#+\-.!|~$])", r"\\\1", str(value))


def text(check: Check, field: str, lang: str) -> str:
    """A row's ``quantity``, ``source`` or ``tolerance`` in ``lang``."""
    return lookup(f"check.{check.id}.{field}", lang)


def ours(r: Row) -> str:
    """Our value as the learner reads it: a claim's share says over how many seeds."""
    if r.kind == "claim" and isinstance(r.ours, float):
        return t("book.claim_share", share=r.ours, n=r.seeds)
    return str(r.ours)


def cached_row(check: Check) -> Row | None:
    return result_store().get(key_of(row, check.id))


def run_row(check: Check) -> Row:
    """A row, computed once per server (and code version); a row that raised is shown but never
    stored, so the next ask tries again. Raises ``DataError`` for the page to explain."""
    return core_cached(row, check.id, should_store=lambda r: not row_failed_to_run(r), waiting=waiting_note())


def run_rows(checks: list[Check]) -> dict[str, Row]:
    """Run ``checks`` with one progress bar; data problems are explained once, the rest kept."""
    done: dict[str, Row] = {}
    report, clear = live_bar(t("book.running_n", n=len(checks)))
    problem = None
    for i, check in enumerate(checks):
        try:
            done[check.id] = run_row(check)
        except DataError as exc:
            problem = exc
        report((i + 1) / len(checks))
    clear()
    if problem is not None:
        show_data_error(problem)
    return done


def cells(check: Check, r: Row | None) -> dict[str, str]:
    """One table row in the learner's language."""
    lang = current_lang()
    if r is None or row_failed_to_run(r):
        value, ok = t("book.not_run"), ("⚠️" if r is not None else "")
    else:
        value, ok = ours(r), ("✅" if r.ok else "❌")
    return {
        t("book.col_section"): check.section,
        t("book.col_quantity"): text(check, "quantity", lang),
        t("book.col_kind"): t(f"book.kind_{check.kind}"),
        t("book.col_source"): text(check, "source", lang),
        t("book.col_ours"): value,
        t("book.col_tolerance"): text(check, "tolerance", lang),
        t("book.col_ok"): ok,
    }


def book_box(topic: str) -> None:
    """A topic page's box: its rows of the reproduce registry at the book's settings, ours beside
    the source's, computed on request (or shown at once when this server has them)."""
    checks = for_topic(topic)
    with st.container(border=True):
        st.markdown(f"**📖 {t('book.title')}**")
        st.caption(t("book.box_intro"))
        rows = {c.id: cached_row(c) for c in checks}
        if gate(f"book_box_{topic}", all(r is not None for r in rows.values()), label="book.box_run",
                note="book.box_note", n=len(checks)):  # fmt: skip
            rows |= run_rows([c for c in checks if rows[c.id] is None])
        st.dataframe(pd.DataFrame([cells(c, rows[c.id]) for c in checks]), hide_index=True, width="stretch")
        book_link(topic)


def book_link(topic: str) -> None:
    """Every topic page links to its rows on the book page."""
    # Suppressed when the page was started on its own, outside app.py's navigation.
    with contextlib.suppress(StreamlitPageNotFoundError):
        st.page_link(BOOK_PAGE, label=t("book.link"), icon="📖", query_params={"book_topic": topic})
