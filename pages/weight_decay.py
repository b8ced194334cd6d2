"""3.5 Weight decay: from scratch and concise, the book's ||w|| beside ours, and a sweep over lambda."""

import numpy as np
import pandas as pd
import streamlit as st

from mlp_lab.experiments import weight_decay as exp
from mlp_lab.ui import fitting_charts as charts
from mlp_lab.ui.book import book_link
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import cached_run
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed

ensure_shell()

seed = global_seed()
st.title(t("page.weight_decay"))
st.markdown(t("wd.intro"))
st.latex(r"L(\mathbf{w}, b) + \frac{\lambda}{2}\|\mathbf{w}\|^2")
st.markdown(t("wd.update"))
st.latex(r"\mathbf{w} \leftarrow (1 - \eta\lambda)\,\mathbf{w} - \frac{\eta}{|\mathcal{B}|}\sum_{i \in \mathcal{B}}"
         r"\mathbf{x}^{(i)}\left(\mathbf{w}^\top \mathbf{x}^{(i)} + b - y^{(i)}\right)")  # fmt: skip
st.markdown(t("wd.data"))
st.latex(r"y = 0.05 + \sum_{i=1}^{200} 0.01\,x_i + \epsilon,\qquad \epsilon \sim \mathcal{N}(0, 0.01^2)")

c1, c2 = st.columns([3, 1])
lambd = c1.slider(t("wd.lambda"), 0.0, 10.0, 0.0, 0.1, key="wd_lambda", bind="query-params", help=t("wd.lambda_help"))
penalty = c2.segmented_control(t("wd.penalty"), list(exp.PENALTIES), default="L2", key="wd_penalty",
                               bind="query-params", required=True, help=t("wd.penalty_help"))  # fmt: skip
penalty = penalty if penalty in exp.PENALTIES else "L2"


def run(config: exp.WDConfig) -> exp.WDRuns:
    return cached_run(exp.run_key(config), lambda: exp.train_lambdas(config, (config.lambd,)))


for col, impl in zip(st.columns(2), exp.IMPLEMENTATIONS, strict=True):
    with col:
        st.markdown(f"**{t(f'wd.{impl}')}**")
        st.caption(t(f"wd.{impl}_note") if penalty == "L2" else t("wd.l1_note"))
        result = run(exp.WDConfig(lambd=lambd, implementation=impl, penalty=penalty, seed=seed))
        st.altair_chart(charts.loss_curves(result.train_loss[:, 0, 0], result.test_loss[:, 0, 0],
                                           t("wd.curves_title", lambd=lambd)), width="stretch")  # fmt: skip
        if result.diverged:
            st.warning(t("wd.diverged"), icon="⚠️")
        m1, m2 = st.columns(2)
        m1.metric(t("wd.norm"), f"{result.norms[0, 0]:.4g}")
        if penalty == "L1":
            m2.metric(t("wd.zeros"), int(result.zeros[0, 0]))
        st.caption(t("wd.final", train=result.train_loss[-1, 0, 0], test=result.test_loss[-1, 0, 0],
                     seconds=result.seconds))  # fmt: skip

# --- check against the book: ||w|| at lambda 0 and 3 ------------------------------------------------------
with st.container(border=True):
    st.markdown(f"**{t('book.title')}**")
    st.caption(t("wd.book_norms"))
    rows = []
    for impl in exp.IMPLEMENTATIONS:
        norms = cached_run(exp.seeds_key(impl, seed), lambda impl=impl: exp.seed_norms(impl, seed)).norms
        for j, lam in enumerate((0.0, 3.0)):
            rows.append({
                t("wd.col.run"): t("wd.run", impl=t(f"wd.impl.{impl}"), lambd=lam),
                t("wd.col.d2l"): f"{exp.BOOK_NORMS[impl][j]:g}",
                t("wd.col.chapter"): f"{exp.CHAPTER_NORMS[j]:g}" if impl == "scratch" else "—",
                t("wd.col.seed", seed=seed): f"{norms[0, j]:.4g}",
                t("wd.col.seeds"): f"{np.median(norms[:, j]):.4g} ({norms[:, j].min():.3g}–{norms[:, j].max():.3g})",
            })  # fmt: skip
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.caption(t("wd.book_note"))

# --- the lambda sweep (exercises 1 to 3) -------------------------------------------------------------------
st.subheader(t("wd.sweep"))
st.markdown(t("wd.sweep_text", count=len(exp.LAMBDA_GRID)))
sweep_config = exp.WDConfig(penalty=penalty, seed=seed)
sweep = cached_run(exp.sweep_key(sweep_config), lambda: exp.lambda_sweep(sweep_config)).runs
grid = sweep.lambdas
losses = {"train": sweep.train_loss[-1, 0], "test": sweep.test_loss[-1, 0], "val": sweep.val_loss[0]}
a, b = st.columns(2)
a.altair_chart(charts.by_lambda_chart(grid, losses, lambd, t("wd.sweep_loss")), width="stretch")
if penalty == "L2":
    b.altair_chart(charts.by_lambda_chart(grid, {"norm": sweep.norms[0]}, lambd, t("wd.sweep_norm")), width="stretch")
else:
    zeros = {"zeros": sweep.zeros[0].astype(float)}
    b.altair_chart(charts.by_lambda_chart(grid, zeros, lambd, t("wd.sweep_zeros"), log=False), width="stretch")
picks = exp.LambdaSweep(sweep)
st.markdown(t("wd.sweep_pick", val=picks.chosen_by_val, test=picks.best_on_test, count=len(grid),
              seconds=sweep.seconds))  # fmt: skip
st.caption(t("wd.sweep_flat"))
if penalty == "L1":
    nearest = int(np.argmin(np.abs(np.array(grid) - lambd)))
    st.caption(t("wd.l1_sweep", zeros=int(sweep.zeros[0, nearest]), lambd=grid[nearest]))

book_link("weight_decay")
