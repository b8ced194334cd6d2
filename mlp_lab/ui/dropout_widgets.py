"""Small views of the dropout page: the formula, the book's demo, the with/without comparison."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from mlp_lab.training import TrainResult
from mlp_lab.ui import dropout_charts as charts
from mlp_lab.ui.charts import history_chart, history_frame
from mlp_lab.ui.i18n import t
from mlp_lab.ui.mlp_widgets import export_buttons


def formula() -> str:
    """Inverted dropout (3.6's h') and why it is unbiased, as LaTeX in the learner's language."""
    cases = rf"0 & \text{{{t('dropout.prob_p')}}} \\ \dfrac{{h}}{{1-p}} & \text{{{t('dropout.otherwise')}}}"
    return rf"h' = \begin{{cases}} {cases} \end{{cases}} \qquad E[h'] = p\cdot 0 + (1-p)\dfrac{{h}}{{1-p}} = h"


def demo_matrices(demo: dict[float, np.ndarray]) -> None:
    """The book's ``dropout_layer(X, p)`` outputs side by side, one column per p."""
    for col, (p, out) in zip(st.columns(len(demo)), demo.items(), strict=True):
        col.markdown(f"`dropout_layer(X, {p:g})`")
        rows = r" \\ ".join(" & ".join(f"{v:g}" for v in row) for row in out)
        col.latex(r"\begin{bmatrix}" + rows + r"\end{bmatrix}")


def comparison(done: dict[str, TrainResult], labels: dict[str, str], short: dict[str, str], epochs: int) -> None:
    """Both finished runs on shared charts, their test accuracy and gap, and their exports."""
    st.markdown(f"**{t('dropout.compare')}**")
    frame = pd.concat([history_frame(r.history, run=short[run]) for run, r in done.items()], ignore_index=True)
    # Loss and accuracy in two columns: each chart then fits its column at any window width.
    for col, chart in zip(st.columns(2), history_chart(frame, epochs).hconcat, strict=True):
        col.altair_chart(charts.solid_with_dashed_without(chart, short), width="stretch")
    for col, (run, r) in zip(st.columns(2), done.items(), strict=True):
        gap = r.history.train_acc[-1] - r.history.test_acc[-1]
        col.metric(t("dropout.test_acc", run=labels[run]), f"{r.history.test_acc[-1]:.2%}")
        col.metric(t("dropout.gap"), f"{gap:+.2%}", help=t("dropout.gap_help"))
    with st.expander(t("dropout.exports")):
        for run, r in done.items():
            st.caption(labels[run])
            export_buttons(r, key=f"dropout_export_{run}")
