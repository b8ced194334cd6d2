"""Views of the 3.5 page: one implementation's run and what it shows, ||w|| and the test loss of the
book's two runs over seeds, the lambda sweep, and ridge (L2) against lasso (L1). Every sentence that
says what a chart shows is chosen from the run's numbers; every chart goes through ``a11y.chart``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from mlp_lab.experiments import weight_decay as exp
from mlp_lab.ui import a11y
from mlp_lab.ui import fitting_charts as charts
from mlp_lab.ui.controls import form
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import cached


def _g(v: float) -> str:
    return f"{v:.3g}"


def run_column(settings: exp.WDSettings, implementation: str) -> None:
    """One implementation at the slider's lambda: curves, ||w|| (and the zero count for L1), and what
    the run shows (overfitting without decay; the book's effect against lambda = 0 with it)."""
    st.markdown(f"**{t(f'wd.{implementation}')}**")
    st.caption(t(f"wd.{implementation}_note") if settings.penalty == "L2" else t("wd.l1_note"))
    result = cached(exp.train_at_lambda, settings.run(implementation), label="wd.training")
    title = t("wd.curves_title", lambd=settings.lambd)
    a11y.chart(*charts.loss_curves(result.train_loss[:, 0, 0], result.test_loss[:, 0, 0], title))
    if result.diverged:
        st.warning(t("wd.diverged"), icon="⚠️")
    m1, m2 = st.columns(2)
    m1.metric(t("wd.norm"), f"{result.norms[0, 0]:.4g}")
    if settings.penalty == "L1":
        m2.metric(t("wd.zeros"), int(result.zeros[0, 0]))
    train, test = result.train_loss[-1, 0, 0], result.test_loss[-1, 0, 0]
    st.caption(t("wd.final", train=train, test=test, seconds=result.seconds))
    without = result if settings.lambd == 0 else cached(exp.train_at_lambda, settings.without_decay(implementation))
    v = exp.judge(result, without)
    numbers = {"train": _g(v.train), "test": _g(v.test), "gap": _g(v.gap), "train0": _g(v.train0),
               "test0": _g(v.test0), "need": f"{exp.GAP:g}"}  # fmt: skip
    if settings.lambd == 0:
        st.markdown(t("wd.verdict.over" if v.overfits else "wd.verdict.over_not", **numbers))
    else:
        st.markdown(t("wd.verdict.helps" if v.decay_helps else "wd.verdict.helps_not", **numbers))


def norm_spread(settings: exp.WDSettings) -> None:
    """||w|| and the test loss of the book's two runs (lambda 0 and 3) for both implementations: at the
    sidebar's seed and over SPREAD_SEEDS seeds from it, so one run's luck can be told from the effect."""
    runs = {impl: cached(exp.seed_norms, settings.spread(impl), label="wd.training") for impl in exp.IMPLEMENTATIONS}
    seeds = runs["scratch"].seeds
    st.caption(t("wd.spread", seed=settings.seed, first=seeds[0], last=seeds[-1]))
    rows = []
    for impl, r in runs.items():
        tests = r.test_loss[-1]
        for j, lambd in enumerate(exp.BOOK_LAMBDAS):
            rows.append({
                t("wd.col.run"): t("wd.run", impl=t(f"wd.impl.{impl}"), lambd=lambd),
                t("wd.col.norm_seed", seed=settings.seed): f"{r.norms[0, j]:.4g}",
                t("wd.col.norm_seeds"): _spread(r.norms[:, j]),
                t("wd.col.test_seed", seed=settings.seed): f"{tests[0, j]:.3g}",
                t("wd.col.test_seeds"): _spread(tests[:, j]),
            })  # fmt: skip
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    zero, three = exp.BOOK_LAMBDAS.index(0.0), exp.BOOK_LAMBDAS.index(3.0)
    over = sum(all(exp.judge(r, r, i, zero).overfits for r in runs.values()) for i in range(len(seeds)))
    helps = sum(all(exp.judge(r, r, i, three).decay_helps for r in runs.values()) for i in range(len(seeds)))
    st.caption(t("wd.spread_count", over=over, helps=helps, total=len(seeds)))
    st.caption(t("wd.spread_note"))


def _spread(values: np.ndarray) -> str:
    """Median (min–max)."""
    return f"{np.median(values):.3g} ({values.min():.3g}–{values.max():.3g})"


def sweep_view(settings: exp.WDSettings) -> None:
    """The lambda sweep (exercises 1 to 3): losses and ||w|| (or zeros), the validation set's pick and
    its test loss (looked at once), and where and why the loss levels off."""
    st.markdown(t("wd.sweep_text", count=len(exp.LAMBDA_GRID)))
    sweep = cached(exp.lambda_sweep, settings.sweep(), label="wd.training")
    runs = sweep.runs
    a, b = st.columns(2)
    a11y.chart(*charts.sweep_loss_chart(runs, settings.lambd), where=a)
    a11y.chart(*charts.sweep_weights_chart(runs, settings.lambd, settings.penalty), where=b)
    val = sweep.chosen_by_val
    st.markdown(t("wd.sweep_pick", val=val, test=sweep.test_at(val), test0=sweep.test_at(0.0),
                  count=len(runs.lambdas), seconds=runs.seconds))  # fmt: skip
    p = sweep.plateau()
    theory = exp.NUM_INPUTS * exp.TRUE_W**2 + exp.NOISE**2
    c = "½" if p.half else "1"
    st.markdown(t("wd.plateau" if p.shows else "wd.plateau_not", start=p.flat_from, low=p.low, high=p.high,
                  lambd=p.lambd, norm=p.norm, bias=p.bias, test=p.test, c=c, var=p.var_y,
                  shift=(p.mean_y - p.bias) ** 2, pred=p.predicted, mean=p.mean_y, theory=theory))  # fmt: skip
    if p.half:
        st.caption(t("wd.plateau_half", var=p.var_y, theory=theory))
    if settings.penalty == "L1":
        nearest = int(np.argmin(np.abs(np.array(runs.lambdas) - settings.lambd)))
        zeros = int(runs.zeros[0, nearest])
        st.caption(t("wd.l1_sweep" if zeros else "wd.l1_sweep_none", zeros=zeros, lambd=runs.lambdas[nearest]))


def sparse_view(seed: int) -> None:
    """Ridge against lasso where only a few inputs matter: the learned weights side by side, what
    they show, and the same over SPREAD_SEEDS seeds (all in one cached batch)."""
    st.markdown(t("wd.sparse_text"))
    s = form(exp.SparseSettings, [["l1", "l2"]], seed=seed)
    runs = cached(exp.l1_vs_l2, s.config(), label="wd.training")
    a11y.chart(*charts.sparse_chart(runs, seed, s.l1, s.l2))
    v = runs.verdict(seed, s.l1, s.l2)
    numbers = {"l1": f"{s.l1:g}", "l2": f"{s.l2:g}", "share1": v.share_l1, "share2": v.share_l2,
               "zeros1": v.zeros_l1, "zeros2": v.zeros_l2, "test1": v.test_l1, "test2": v.test_l2}  # fmt: skip
    text = t("wd.sparse_shows" if v.shows else "wd.sparse_not", **numbers)
    if not v.shows:
        others = [x for x in runs.seeds if x != seed and runs.verdict(x, s.l1, s.l2).shows]
        text += t("fit.sep") + (t("wd.sparse_hint_seed", seed=others[0]) if others else t("wd.sparse_hint_none"))
    st.markdown(text)
    rows, count = [], 0
    for x in runs.seeds:
        vx = runs.verdict(x, s.l1, s.l2)
        count += vx.shows
        rows.append({
            t("fit.spread.seed"): x,
            t("wd.sparse_col.share", penalty="L1"): f"{vx.share_l1:.0%}",
            t("wd.sparse_col.zeros", penalty="L1"): vx.zeros_l1,
            t("wd.sparse_col.share", penalty="L2"): f"{vx.share_l2:.0%}",
            t("wd.sparse_col.zeros", penalty="L2"): vx.zeros_l2,
            t("wd.sparse_col.shows"): t("fit.yes") if vx.shows else t("fit.no"),
        })  # fmt: skip
    st.caption(t("wd.sparse_spread", first=runs.seeds[0], last=runs.seeds[-1], count=count, total=len(runs.seeds),
                 seconds=runs.seconds))  # fmt: skip
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
