"""Check against the book: every number the chapter prints, beside ours, each row runnable."""

import streamlit as st

from mlp_lab.data import DataError
from mlp_lab.reproduce import Check, Row, all_checks, row_failed_to_run
from mlp_lab.ui.book import cached_row, literal, run_row
from mlp_lab.ui.i18n import current_lang, t
from mlp_lab.ui.runner import show_data_error
from mlp_lab.ui.shell import ensure_shell

ensure_shell()

st.title(t("page.book"))
st.markdown(t("book.intro"))

checks = all_checks()
topics = ["all", *dict.fromkeys(c.id.split(".")[0] for c in checks)]
topic = st.selectbox(t("book.topic"), topics, key="book_topic", bind="query-params")
shown = [c for c in checks if topic == "all" or c.id.split(".")[0] == topic]

# Rows that raised are never stored, so this run's results are kept here to show what went wrong.
just_ran: dict[str, Row] = {}
data_errors: dict[str, DataError] = {}  # one message per kind of data problem, not one per row


def run_and_keep(check: Check) -> None:
    try:
        just_ran[check.id] = run_row(check)
    except DataError as exc:
        data_errors[type(exc).__name__] = exc


if st.button(t("book.run_all", n=len(shown)), type="primary", key="book_run_all"):
    bar = st.progress(0.0)
    for i, check in enumerate(shown):
        bar.progress(i / len(shown), text=t("book.running", id=check.id))
        run_and_keep(check)
    bar.empty()

widths = [0.8, 3.2, 1.6, 1.2, 1.2, 0.5, 0.8]
head = st.columns(widths)
for col, name in zip(head, ["section", "quantity", "book", "ours", "tolerance", "ok", "run"], strict=True):
    col.markdown(f"**{t('book.col_' + name)}**")
passed = failed = 0
broken: list[Row] = []
for check in shown:
    cols = st.columns(widths, vertical_alignment="center")
    if cols[6].button("▶", key=f"book_run_{check.id}", help=t("book.run_one")):
        run_and_keep(check)
    row = just_ran.get(check.id) or cached_row(check)
    cols[0].write(check.section)
    cols[1].markdown(literal(check.text("quantity", current_lang())))
    cols[1].caption(f"`{check.id}`")
    cols[2].markdown(literal(check.text("book", current_lang())))
    cols[4].markdown(literal(check.text("tolerance", current_lang())))
    if row is None:
        cols[3].caption(t("book.not_run"))
        continue
    if row_failed_to_run(row):
        cols[3].caption(t("book.not_run"))
        cols[5].write("⚠️")
        broken.append(row)
        continue
    cols[3].markdown(literal(row.ours))
    cols[3].caption(t("book.seconds", s=row.seconds))
    cols[5].write("✅" if row.ok else "❌")
    passed += row.ok
    failed += not row.ok

for exc in data_errors.values():
    show_data_error(exc)
for row in broken:
    st.warning(t("book.row_raised", id=row.id, error=str(row.ours).removeprefix("error: ").replace("`", "'")), icon="⚠️")
st.caption(t("book.summary", passed=passed, failed=failed, pending=len(shown) - passed - failed))
