"""3.4 Model selection, underfitting and overfitting: the book's polynomial, all 20 degrees at once."""

import numpy as np
import pandas as pd
import streamlit as st

from mlp_lab.experiments import fitting as exp
from mlp_lab.experiments.weight_decay import D200_SIZES, d200_size_sweep
from mlp_lab.ui import fitting_charts as charts
from mlp_lab.ui.book import book_link
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import cached_run
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed

ensure_shell()

seed = global_seed()
st.title(t("page.fitting"))
st.markdown(t("fit.intro"))
st.latex(r"y = 5 + 1.2x - 3.4\frac{x^2}{2!} + 5.6\frac{x^3}{3!} + \epsilon,\quad \epsilon \sim \mathcal{N}(0, 0.1^2)"
         r"\qquad\qquad \hat{y} = \sum_{i=0}^{k-1} w_i \frac{x^i}{i!}")  # fmt: skip
st.markdown(t("fit.model"))


def use_preset(name: str) -> None:
    """The book's cases: 100 training examples, noise 0.1, and the case's features and epochs."""
    preset = exp.PRESETS[name]
    st.session_state.update(fit_features=preset["features"], fit_epochs=preset["epochs"], fit_n=100, fit_noise=0.1)


st.caption(t("fit.presets"))
for col, name in zip(st.columns(len(exp.PRESETS)), exp.PRESETS, strict=True):
    col.button(t(f"fit.preset.{name}"), on_click=use_preset, args=(name,), help=t("fit.preset_help"), width="stretch")
c1, c2, c3, c4 = st.columns(4)
k = c1.slider(t("fit.features"), 1, exp.MAX_DEGREE, 4, key="fit_features", bind="query-params",
              help=t("fit.features_help"))  # fmt: skip
n_train = c2.slider(t("fit.n_train"), 10, exp.MAX_TRAIN, 100, 10, key="fit_n", bind="query-params",
                    help=t("fit.n_train_help"))  # fmt: skip
noise = c3.slider(t("fit.noise"), 0.0, 1.0, 0.1, 0.05, key="fit_noise", bind="query-params", help=t("fit.noise_help"))
epochs = c4.slider(t("fit.epochs"), 10, 2000, 400, 10, key="fit_epochs", bind="query-params", help=t("fit.epochs_help"))

config = exp.PolyConfig(features=k, n_train=n_train, noise=noise, epochs=epochs, seed=seed)
with st.spinner(t("fit.training")):  # every k is in this one sweep: changing k is a lookup
    sweep = cached_run(exp.degrees_key(config), lambda: exp.degree_sweep(config))
train, test = sweep.final()
st.caption(t("fit.trained", seconds=sweep.seconds, epochs=epochs))
if sweep.diverged:
    st.warning(t("fit.diverged"), icon="⚠️")

left, right = st.columns(2)
left.altair_chart(charts.loss_curves(sweep.train_loss[:, k - 1], sweep.test_loss[:, k - 1],
                                     t("fit.curves_title", k=k)), width="stretch")  # fmt: skip
right.altair_chart(charts.fit_chart(sweep, k, t("fit.fit_title", k=k)), width="stretch")
st.markdown(t("fit.final", epochs=epochs, train=train[k - 1], test=test[k - 1], floor=noise**2))
st.info(t("fit.verdict." + ("under" if k < 4 else "right" if k == 4 else "over")))

# --- learned weights, SGD against least squares (exercise 1) ------------------------------------------
st.subheader(t("fit.weights"))
st.markdown(t("fit.weights_text"))
rows = max(k, len(exp.TRUE_W))
true_w = np.zeros(exp.MAX_DEGREE)
true_w[: len(exp.TRUE_W)] = exp.TRUE_W
weights = pd.DataFrame({
    t("fit.col.feature"): [f"x^{i}/{i}!" for i in range(rows)],
    t("fit.col.true"): true_w[:rows],
    t("fit.col.sgd"): [sweep.weights[k - 1, i] if i < k else None for i in range(rows)],
    t("fit.col.exact"): [sweep.exact[k - 1, i] if i < k else None for i in range(rows)],
    t("fit.col.book"): [*exp.BOOK_WEIGHTS, *[None] * (rows - 4)],
})  # fmt: skip
st.dataframe(weights.style.format(precision=4, na_rep="—"), hide_index=True, width="stretch")
st.caption(t("fit.exact_test", k=k, test=sweep.exact_test_loss[k - 1], sgd=test[k - 1]))

# --- check against the book -----------------------------------------------------------------------------
with st.container(border=True):
    st.markdown(f"**{t('book.title')}**")
    check = pd.DataFrame({
        t("book.col_quantity"): [t("fit.book.weights"), t("fit.book.underfit"), t("fit.book.overfit", epochs=epochs)],
        t("book.col_book"): [", ".join(f"{w:.4f}" for w in exp.BOOK_WEIGHTS), t("fit.book.underfit_book"),
                             t("fit.book.overfit_book")],
        t("book.col_ours"): [", ".join(f"{w:.4f}" for w in sweep.weights[3, :4]), f"{train[1] / train[3]:.0f}×",
                             f"{test[19] / test[3]:.2f}×"],
    })  # fmt: skip
    st.dataframe(check, hide_index=True, width="stretch")
    st.caption(t("fit.book.note"))

# --- the exercises, each computed only when its tab is open -------------------------------------------------
tabs = st.tabs([t(f"fit.tab.{name}") for name in ("capacity", "size", "kfold", "d200")], key="fit_tab",
               on_change="rerun")  # fmt: skip
if tabs[0].open:
    with tabs[0]:
        st.markdown(t("fit.capacity_text"))
        st.altair_chart(charts.capacity_chart(sweep, k), width="stretch")
        st.caption(t("fit.best_k", best=sweep.best_degree, exact=sweep.exact_test_loss[-1]))

if tabs[1].open:
    with tabs[1]:
        st.markdown(t("fit.size_text", k=k))
        with st.spinner(t("fit.training")):
            sizes = cached_run(exp.sizes_key(config), lambda: exp.size_sweep(config))
        st.altair_chart(charts.size_chart(sizes, n_train), width="stretch")
        st.caption(t("fit.size_done", count=len(sizes.sizes), seconds=sizes.seconds))

if tabs[2].open:
    with tabs[2]:
        st.markdown(t("fit.kfold_text"))
        folds = st.slider(t("fit.k_folds"), 2, 10, 5, key="fit_k", bind="query-params", help=t("fit.k_folds_help"))
        if folds > n_train:
            st.warning(t("fit.kfold_invalid", k=folds, n=n_train), icon="⚠️")
        else:
            with st.spinner(t("fit.training")):
                kf = cached_run(exp.kfold_key(config, folds), lambda: exp.kfold(config, folds))
            sizes_text = "/".join(str(s) for s in sorted(set(kf.fold_sizes)))
            st.markdown(t("fit.kfold_pick", picked=kf.picked_degree, best=sweep.best_degree, sizes=sizes_text,
                          models=folds * exp.MAX_DEGREE, seconds=kf.seconds))  # fmt: skip
            st.altair_chart(charts.kfold_chart(kf, sweep, k), width="stretch")
            st.altair_chart(charts.folds_chart(kf, k), width="stretch")

if tabs[3].open:
    with tabs[3]:
        st.markdown(t("fit.d200_text"))
        n = st.select_slider(t("fit.d200_n"), D200_SIZES, 20, key="fit_d200_n", bind="query-params")
        with st.spinner(t("fit.training")):
            d200 = cached_run(exp.d200_key(seed), lambda: d200_size_sweep(seed))
        i = d200.sizes.index(n)
        a, b = st.columns(2)
        a.altair_chart(charts.loss_curves(d200.train_loss[:, i], d200.test_loss[:, i], t("fit.d200_title", n=n)),
                       width="stretch")  # fmt: skip
        b.altair_chart(charts.by_size_chart(d200.sizes, d200.train_loss[-1], d200.test_loss[-1], n,
                                            t("fit.d200_sizes")), width="stretch")  # fmt: skip
        st.caption(t("fit.d200_done", n=n, train=d200.train_loss[-1, i], test=d200.test_loss[-1, i],
                     count=len(d200.sizes), seconds=d200.seconds))  # fmt: skip
        st.caption(t("fit.d200_peak"))

book_link("fitting")
