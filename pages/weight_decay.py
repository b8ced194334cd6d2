"""3.5 Weight decay: from scratch and concise, ||w|| over seeds, and a sweep over lambda."""

import numpy as np
import streamlit as st

from mlp_lab.experiments import weight_decay as exp
from mlp_lab.ui import fitting_charts as charts
from mlp_lab.ui.book import book_box
from mlp_lab.ui.controls import form
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import cached
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed
from mlp_lab.ui.weight_decay_widgets import norm_spread, run_column

ensure_shell()

st.title(t("page.weight_decay"))
st.markdown(t("wd.intro"))
st.latex(r"L(\mathbf{w}, b) + \frac{\lambda}{2}\|\mathbf{w}\|^2")
st.markdown(t("wd.update"))
st.latex(
    r"\mathbf{w} \leftarrow (1 - \eta\lambda)\,\mathbf{w} - \frac{\eta}{|\mathcal{B}|}\sum_{i \in \mathcal{B}}"
    r"\mathbf{x}^{(i)}\left(\mathbf{w}^\top \mathbf{x}^{(i)} + b - y^{(i)}\right)"
)
st.markdown(t("wd.data"))
st.latex(r"y = 0.05 + \sum_{i=1}^{200} 0.01\,x_i + \epsilon,\qquad \epsilon \sim \mathcal{N}(0, 0.01^2)")

settings = form(exp.WDSettings, [["lambd", "penalty"]], seed=global_seed())
for col, impl in zip(st.columns(2), exp.IMPLEMENTATIONS, strict=True):
    with col:
        run_column(settings, impl)

# --- ||w|| without and with weight decay, over seeds -------------------------------------------------
norm_spread(settings)

# --- the lambda sweep (exercises 1 to 3) -------------------------------------------------------------
st.subheader(t("wd.sweep"))
st.markdown(t("wd.sweep_text", count=len(exp.LAMBDA_GRID)))
sweep = cached(exp.lambda_sweep, settings.sweep(), label="wd.training")
runs, grid = sweep.runs, sweep.runs.lambdas
losses = {"train": runs.train_loss[-1, 0], "test": runs.test_loss[-1, 0], "val": runs.val_loss[0]}
a, b = st.columns(2)
a.altair_chart(charts.by_lambda_chart(grid, losses, settings.lambd, t("wd.sweep_loss")), width="stretch")
if settings.penalty == "L2":
    norms = charts.by_lambda_chart(grid, {"norm": runs.norms[0]}, settings.lambd, t("wd.sweep_norm"))
    b.altair_chart(norms, width="stretch")
else:
    zeros = {"zeros": runs.zeros[0].astype(float)}
    b.altair_chart(charts.by_lambda_chart(grid, zeros, settings.lambd, t("wd.sweep_zeros"), log=False), width="stretch")
st.markdown(t("wd.sweep_pick", val=sweep.chosen_by_val, test=sweep.best_on_test, count=len(grid), seconds=runs.seconds))
st.caption(t("wd.sweep_flat"))
if settings.penalty == "L1":
    nearest = int(np.argmin(np.abs(np.array(grid) - settings.lambd)))
    st.caption(t("wd.l1_sweep", zeros=int(runs.zeros[0, nearest]), lambd=grid[nearest]))

book_box("weight_decay")
