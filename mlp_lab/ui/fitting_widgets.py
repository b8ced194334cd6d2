"""Views of the 3.4 page: the book's three cases as buttons, the shown model's run and what it shows
(with the spread over seeds), the learned weights, model selection on a validation set, and the
capacity, size, K-fold and d = 200 tabs. Every sentence that says what a chart shows is chosen from
the run's numbers (``exp.judge`` and friends); every chart goes through ``a11y.chart``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from mlp_lab.controls import controls_of
from mlp_lab.experiments import fitting as exp
from mlp_lab.experiments.weight_decay import D200Sweep
from mlp_lab.ui import a11y
from mlp_lab.ui import fitting_charts as charts
from mlp_lab.ui.i18n import t


def _use_preset(name: str) -> None:
    """Set the controls of one of the book's cases (callback: runs before the widgets are drawn)."""
    specs = controls_of(exp.FitSettings)
    st.session_state.update({specs[field].key: value for field, value in exp.preset(name).items()})


def preset_buttons() -> None:
    """One button per book case (3.4.4); values from ``exp.PRESETS`` and the controls."""
    st.caption(t("fit.presets"))
    for col, name in zip(st.columns(len(exp.PRESETS)), exp.PRESETS, strict=True):
        col.button(
            t(f"fit.preset.{name}"), on_click=_use_preset, args=(name,), help=t(f"fit.preset_help.{name}"),
            width="stretch",
        )  # fmt: skip


def main_run(sweep: exp.DegreeSweep, k: int) -> None:
    """The k-feature model: its loss curves and its fitted polynomial."""
    left, right = st.columns(2)
    curves = charts.loss_curves(sweep.train_loss[:, k - 1], sweep.test_loss[:, k - 1], t("fit.curves_title", k=k))
    a11y.chart(*curves, where=left)
    a11y.chart(*charts.fit_chart(sweep, k, t("fit.fit_title", k=k)), where=right)


def _hint(spread: exp.DegreeSpread, k: int, seed: int) -> str:
    """Where to see the effect this draw does not show: another seed of the spread, or a setting."""
    others = [s for s in spread.showing(k) if s != seed]
    if others:
        return t("fit.hint.seed", seed=others[0])
    first, last = spread.seeds[0], spread.seeds[-1]
    return t(f"fit.hint.none_{exp.expected(k)}", first=first, last=last)


def verdict_text(sweep: exp.DegreeSweep, spread: exp.DegreeSpread, k: int) -> str:
    """The sentence that says what the shown run shows, with its numbers; honest when it does not."""
    v = sweep.verdict(k)
    numbers = {"k": k, "train": f"{v.train:.3g}", "test": f"{v.test:.3g}", "gap": f"{v.gap:.2g}",
               "train4": f"{v.train4:.3g}", "test4": f"{v.test4:.3g}", "floor": f"{v.floor:.3g}",
               "ratio": f"{v.train / max(v.train4, 1e-30):.3g}", "tratio": f"{v.test / max(v.test4, 1e-30):.3g}",
               "need": f"{exp.GAP:g}", "under": f"{exp.UNDER:g}", "epochs": sweep.config.epochs}  # fmt: skip
    text = t(f"fit.verdict.{v.case}" + ("" if v.shows else "_not"), **numbers)
    if v.case == "over" and v.shows and v.test4 >= v.test:  # the yardstick itself has not converged
        n = sweep.config.n_train
        text += t("fit.sep") + t("fit.verdict.over_yardstick", n=n, steps=-(-n // sweep.config.batch_size),
                        ls4=f"{sweep.exact_test_loss[3]:.3g}")  # fmt: skip
    return text if v.shows else text + t("fit.sep") + _hint(spread, k, sweep.config.seed)


def spread_table(spread: exp.DegreeSpread, k: int) -> None:
    """The shown k at every seed of the spread: its losses, and whether that run shows the effect."""
    case = exp.expected(k)
    rows = []
    for seed in spread.seeds:
        v = spread.verdict(seed, k)
        row = {t("fit.spread.seed"): seed, t("metric.train_loss"): f"{v.train:.3g}",
               t("metric.test_loss"): f"{v.test:.3g}", t("fit.spread.gap"): f"{v.gap:.2g}"}  # fmt: skip
        if k != len(exp.TRUE_W):
            row[t("fit.spread.test4")] = f"{v.test4:.3g}"
        row[t(f"fit.spread.shows_{case}")] = t("fit.yes") if v.shows else t("fit.no")
        rows.append(row)
    showing = len(spread.showing(k))
    st.caption(t(f"fit.spread.caption_{case}", k=k, count=showing, total=len(spread.seeds), first=spread.seeds[0],
                 last=spread.seeds[-1], seconds=spread.seconds))  # fmt: skip
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


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


def selection_view(sweep: exp.DegreeSweep, spread: exp.DegreeSpread, k: int) -> None:
    """Model selection (3.4.2): the validation set picks k, the test set is looked at once, at the end;
    then early stopping on the same validation set."""
    st.markdown(t("fit.select_text", n_val=sweep.config.n_val))
    picked = sweep.picked_by_validation
    a11y.chart(*charts.validation_chart(sweep, picked))
    val, test = sweep.val_loss[-1, picked - 1], sweep.test_loss[-1, picked - 1]
    st.markdown(t("fit.select_pick", k=picked, val=val) + t("fit.sep") + _pick_sentence(picked, sweep.val_loss[-1, 3]))
    st.markdown(t("fit.select_test", k=picked, test=test, val=val))
    picks = ", ".join(str(spread.picked_by_validation(s)) for s in spread.seeds)
    st.caption(t("fit.select_spread", first=spread.seeds[0], last=spread.seeds[-1], picks=picks))
    st.markdown(t("fit.early_text"))
    stop = sweep.early_stop(k)
    if stop.epoch < sweep.config.epochs:
        better = "lower" if stop.test < stop.test_end else "higher"
        st.markdown(t(f"fit.early_{better}", k=k, epoch=stop.epoch, epochs=sweep.config.epochs, val=stop.val,
                      test=stop.test, end=stop.test_end))  # fmt: skip
    else:
        st.markdown(t("fit.early_none", k=k, epochs=sweep.config.epochs))


def _pick_sentence(picked: int, val4: float) -> str:
    """What a picked number of features means next to the cubic's 4 terms (``exp.pick_case``)."""
    return t(f"fit.select_{exp.pick_case(picked)}", k=picked, close=exp.CLOSE, val4=val4)


def capacity_view(sweep: exp.DegreeSweep, k: int) -> None:
    """Exercise 2: final losses against k, and what the 20-feature least-squares fit does."""
    st.markdown(t("fit.capacity_text"))
    a11y.chart(*charts.capacity_chart(sweep, k))
    n = sweep.config.n_train
    train, test = sweep.exact_train_loss[-1], sweep.exact_test_loss[-1]
    through = "through" if n <= exp.MAX_DEGREE else "cannot"
    st.caption(t(f"fit.ls20_{through}", n=n, train=train, test=test, test4=sweep.exact_test_loss[3]))


def size_view(sizes: exp.SizeSweep, n: int) -> None:
    """The shown model by training-set size, and whether more data closed the train-test gap."""
    a11y.chart(*charts.size_chart(sizes, n))
    g0, g1 = (float(sizes.test_loss[i] / max(sizes.train_loss[i], 1e-30)) for i in (0, -1))
    closes = "closes" if g1 < g0 else "open"
    st.markdown(t(f"fit.size_{closes}", g0=g0, g1=g1, n0=sizes.sizes[0], n1=sizes.sizes[-1]))
    st.caption(t("fit.size_done", count=len(sizes.sizes), seconds=sizes.seconds))


def kfold_view(kf: exp.KFold, sweep: exp.DegreeSweep, k: int) -> None:
    """What K-fold picks beside what the validation set picked, and the losses per k and per fold."""
    sizes = "/".join(str(s) for s in sorted(set(kf.fold_sizes)))
    picked = kf.picked_degree
    st.markdown(t("fit.kfold_pick", picked=picked) + t("fit.sep") + _pick_sentence(picked, kf.mean_val[3]))
    st.caption(t("fit.kfold_info", held=sweep.picked_by_validation, sizes=sizes,
                 models=kf.config.k_folds * exp.MAX_DEGREE, seconds=kf.seconds))  # fmt: skip
    a11y.chart(*charts.kfold_chart(kf, sweep, k))
    a11y.chart(*charts.folds_chart(kf, k))


def d200_view(result: D200Sweep, n: int) -> None:
    """3.5's data at lambda 0: the n-example model's curves, every size's final losses, and what they show."""
    i = result.sizes.index(n)
    train, test = result.train_loss, result.test_loss
    a, b = st.columns(2)
    a11y.chart(*charts.loss_curves(train[:, i], test[:, i], t("fit.d200_title", n=n)), where=a)
    a11y.chart(*charts.d200_size_chart(result.sizes, train[-1], test[-1], n, t("fit.d200_sizes")), where=b)
    tr, te = float(train[-1, i]), float(test[-1, i])
    numbers = {"n": n, "train": f"{tr:.3g}", "test": f"{te:.3g}", "gap": f"{te / max(tr, 1e-30):.3g}"}
    if exp.d200_overfits(tr, te):
        key = "fit.d200_over_few" if n < exp.D200_PARAMS else "fit.d200_over"
    else:
        key = "fit.d200_fine"
    st.markdown(t(key, **numbers))
    peak = int(result.sizes[int(np.nanargmax(train[-1]))])
    near = exp.D200_PARAMS / 2 <= peak <= 2 * exp.D200_PARAMS
    st.caption(t("fit.d200_peak" if near else "fit.d200_peak_elsewhere", peak=peak, value=float(np.nanmax(train[-1]))))
    st.caption(t("fit.d200_done", count=len(result.sizes), seconds=result.seconds))
