"""Small views of the 3.5 page: one implementation's run, and ||w|| of the book's two runs over seeds."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from mlp_lab.experiments import weight_decay as exp
from mlp_lab.ui import fitting_charts as charts
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import cached


def run_column(settings: exp.WDSettings, implementation: str) -> None:
    """One implementation at the slider's lambda: curves, ||w|| (and the zero count for L1)."""
    st.markdown(f"**{t(f'wd.{implementation}')}**")
    st.caption(t(f"wd.{implementation}_note") if settings.penalty == "L2" else t("wd.l1_note"))
    result = cached(exp.train_at_lambda, settings.run(implementation), label="wd.training")
    title = t("wd.curves_title", lambd=settings.lambd)
    st.altair_chart(charts.loss_curves(result.train_loss[:, 0, 0], result.test_loss[:, 0, 0], title), width="stretch")
    if result.diverged:
        st.warning(t("wd.diverged"), icon="⚠️")
    m1, m2 = st.columns(2)
    m1.metric(t("wd.norm"), f"{result.norms[0, 0]:.4g}")
    if settings.penalty == "L1":
        m2.metric(t("wd.zeros"), int(result.zeros[0, 0]))
    train, test = result.train_loss[-1, 0, 0], result.test_loss[-1, 0, 0]
    st.caption(t("wd.final", train=train, test=test, seconds=result.seconds))


def norm_spread(settings: exp.WDSettings) -> None:
    """||w|| of the book's two runs (lambda 0 and 3) for both implementations: at the sidebar's seed,
    and the median (min-max) over 5 seeds, so a single run's luck can be told from the effect."""
    st.caption(t("wd.spread"))
    rows = []
    for impl in exp.IMPLEMENTATIONS:
        norms = cached(exp.seed_norms, settings.spread(impl), label="wd.training").norms
        for j, lambd in enumerate(exp.BOOK_LAMBDAS):
            spread = f"{np.median(norms[:, j]):.4g} ({norms[:, j].min():.3g}–{norms[:, j].max():.3g})"
            rows.append(
                {
                    t("wd.col.run"): t("wd.run", impl=t(f"wd.impl.{impl}"), lambd=lambd),
                    t("wd.col.seed", seed=settings.seed): f"{norms[0, j]:.4g}",
                    t("wd.col.seeds"): spread,
                }
            )
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.caption(t("wd.spread_note"))
