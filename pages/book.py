"""Check against the book: every number the chapter prints, beside ours, each row runnable."""

import streamlit as st

from mlp_lab.reproduce import all_checks
from mlp_lab.ui.book import cached_row, run_row
from mlp_lab.ui.i18n import current_lang, t
from mlp_lab.ui.shell import ensure_shell

ensure_shell()

st.title(t("page.book"))
st.markdown(t("book.intro"))

checks = all_checks()
topics = ["all", *dict.fromkeys(c.id.split(".")[0] for c in checks)]
topic = st.selectbox(t("book.topic"), topics, key="book_topic", bind="query-params")
shown = [c for c in checks if topic == "all" or c.id.split(".")[0] == topic]

if st.button(t("book.run_all", n=len(shown)), type="primary", key="book_run_all"):
    bar = st.progress(0.0)
    for i, check in enumerate(shown):
        bar.progress(i / len(shown), text=t("book.running", id=check.id))
        run_row(check)
    bar.empty()

widths = [0.6, 3.2, 1.6, 1.2, 1.2, 0.5, 0.8]
head = st.columns(widths)
for col, name in zip(head, ["section", "quantity", "book", "ours", "tolerance", "ok", "run"], strict=True):
    col.markdown(f"**{t('book.col_' + name)}**")
passed = failed = 0
for check in shown:
    cols = st.columns(widths, vertical_alignment="center")
    if cols[6].button("▶", key=f"book_run_{check.id}", help=t("book.run_one")):
        run_row(check)
    row = cached_row(check)
    cols[0].write(check.section)
    cols[1].write(check.quantity_zh if current_lang() == "zh" else check.quantity)
    cols[1].caption(f"`{check.id}`")
    cols[2].write(check.book)
    cols[4].write(check.tolerance)
    if row is None:
        cols[3].caption(t("book.not_run"))
        continue
    cols[3].write(f"{row.ours}")
    cols[3].caption(t("book.seconds", s=row.seconds))
    cols[5].write("✅" if row.ok else "❌")
    passed += row.ok
    failed += not row.ok

st.caption(t("book.summary", passed=passed, failed=failed, pending=len(shown) - passed - failed))
