"""Small views of the 3.4 page: the book's three cases as buttons, the learned weights, the K-fold and
d = 200 results."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from mlp_lab.controls import controls_of
from mlp_lab.experiments import fitting as exp
from mlp_lab.experiments.weight_decay import D200Sweep
from mlp_lab.ui import fitting_charts as charts
from mlp_lab.ui.i18n import t


def _use_preset(name: str) -> None:
    """Set the controls of one of the book's cases (callback: runs before the widgets are drawn)."""
    specs = controls_of(exp.FitSettings)
    st.session_state.update({specs[field].key: value for field, value in exp.preset(name).items()})


def preset_buttons() -> None:
    """One button per book case (d2l 4.4.4.2 - 4.4.4.4); values from ``exp.PRESETS`` and the controls."""
    st.caption(t("fit.presets"))
    for col, name in zip(st.columns(len(exp.PRESETS)), exp.PRESETS, strict=True):
        col.button(
            t(f"fit.preset.{name}"), on_click=_use_preset, args=(name,), help=t("fit.preset_help"), width="stretch"
        )


def weights_table(sweep: exp.DegreeSweep, k: int) -> None:
    """Exercise 1: the k-feature model's weights, true / SGD / least squares, feature by feature."""
    rows = max(k, len(exp.TRUE_W))
    true_w = np.zeros(exp.MAX_DEGREE)
    true_w[: len(exp.TRUE_W)] = exp.TRUE_W
    table = pd.DataFrame(
        {
            t("fit.col.feature"): [f"x^{i}/{i}!" for i in range(rows)],
            t("fit.col.true"): true_w[:rows],
            t("fit.col.sgd"): [sweep.weights[k - 1, i] if i < k else None for i in range(rows)],
            t("fit.col.exact"): [sweep.exact[k - 1, i] if i < k else None for i in range(rows)],
        }
    )
    st.dataframe(table.style.format(precision=4, na_rep="—"), hide_index=True, width="stretch")
    st.caption(t("fit.exact_test", k=k, test=sweep.exact_test_loss[k - 1], sgd=sweep.final()[1][k - 1]))


def kfold_view(kf: exp.KFold, sweep: exp.DegreeSweep, k: int) -> None:
    """What K-fold picks beside what the test set would pick, and the losses per k and per fold."""
    sizes = "/".join(str(s) for s in sorted(set(kf.fold_sizes)))
    models = kf.config.k_folds * exp.MAX_DEGREE
    pick = t(
        "fit.kfold_pick",
        picked=kf.picked_degree,
        best=sweep.best_degree,
        sizes=sizes,
        models=models,
        seconds=kf.seconds,
    )
    st.markdown(pick)
    st.altair_chart(charts.kfold_chart(kf, sweep, k), width="stretch")
    st.altair_chart(charts.folds_chart(kf, k), width="stretch")


def d200_view(result: D200Sweep, n: int) -> None:
    """3.5's data at lambda 0: the n-example model's curves, and every size's final losses."""
    i = result.sizes.index(n)
    train, test = result.train_loss, result.test_loss
    a, b = st.columns(2)
    a.altair_chart(charts.loss_curves(train[:, i], test[:, i], t("fit.d200_title", n=n)), width="stretch")
    b.altair_chart(charts.by_size_chart(result.sizes, train[-1], test[-1], n, t("fit.d200_sizes")), width="stretch")
    st.caption(
        t("fit.d200_done", n=n, train=train[-1, i], test=test[-1, i], count=len(result.sizes), seconds=result.seconds)
    )
    st.caption(t("fit.d200_peak"))
