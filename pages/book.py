"""Check against the book: each row beside its named source (the book, the write-up's run, our
claims over seeds, identities), grouped by source, each row runnable."""

import streamlit as st

from mlp_lab.checks import KINDS
from mlp_lab.reproduce import BookView, Check, Row, all_checks, row_failed_to_run
from mlp_lab.ui.book import cached_row, literal, ours, run_rows, text
from mlp_lab.ui.controls import form
from mlp_lab.ui.i18n import current_lang, t
from mlp_lab.ui.runner import gate
from mlp_lab.ui.shell import ensure_shell

ensure_shell()

st.title(t("page.book"))
st.markdown(t("book.intro"))

view = form(BookView, ["topic"])
shown = [c for c in all_checks() if view.topic in ("all", c.topic)]
kinds = {k: sum(c.kind == k for c in shown) for k in KINDS}
st.caption(t("book.kinds", **kinds))

rows: dict[str, Row | None] = {c.id: cached_row(c) for c in shown}
missing = [c for c in shown if rows[c.id] is None]
if gate("book_run_all", not missing, label="book.run_all", note="book.run_all_note", n=len(missing)):
    rows |= run_rows(missing)

widths = [0.8, 3.2, 1.6, 1.2, 1.2, 0.5, 0.8]


def header() -> None:
    names = ["section", "quantity", "source", "ours", "tolerance", "ok", "run"]
    for col, name in zip(st.columns(widths), names, strict=True):
        col.markdown(f"**{t('book.col_' + name)}**")


def show_row(check: Check, row: Row | None) -> None:
    cols = st.columns(widths, vertical_alignment="center")
    if cols[6].button("▶", key=f"book_run_{check.id}", help=t("book.run_one")):
        row = run_rows([check]).get(check.id, row)
    rows[check.id] = row
    lang = current_lang()
    cols[0].write(check.section)
    cols[1].markdown(literal(text(check, "quantity", lang)))
    cols[1].caption(f"`{check.id}` · {t(f'book.kind_{check.kind}')}")
    cols[2].markdown(literal(text(check, "source", lang)))
    cols[4].markdown(literal(text(check, "tolerance", lang)))
    if row is None or row_failed_to_run(row):
        cols[3].caption(t("book.not_run"))
        cols[5].write("⚠️" if row is not None else "")
        return
    cols[3].markdown(literal(ours(row)))
    cols[3].caption(t("book.seconds", s=row.seconds))
    cols[5].write("✅" if row.ok else "❌")


for kind in KINDS:  # each source under its own heading
    of_kind = [c for c in shown if c.kind == kind]
    if of_kind:
        st.subheader(t(f"book.heading_{kind}"))
        header()
        for check in of_kind:
            show_row(check, rows[check.id])

done = [r for r in rows.values() if r is not None and not row_failed_to_run(r)]
for r in rows.values():
    if r is not None and row_failed_to_run(r):
        error = str(r.ours).removeprefix("error: ").replace("`", "'")
        st.warning(t("book.row_raised", id=r.id, error=error), icon="⚠️")
passed = sum(r.ok for r in done)
st.caption(t("book.summary", passed=passed, failed=len(done) - passed, pending=len(shown) - len(done)))
