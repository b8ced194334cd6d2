"""3.4 Model selection, underfitting and overfitting: the book's polynomial, all 20 degrees at once."""

from dataclasses import replace

import streamlit as st

from mlp_lab.controls import controls_of
from mlp_lab.experiments import fitting as exp
from mlp_lab.experiments.weight_decay import d200_size_sweep
from mlp_lab.ui import fitting_charts as charts
from mlp_lab.ui.book import book_box
from mlp_lab.ui.controls import form, widget
from mlp_lab.ui.fitting_widgets import d200_view, kfold_view, preset_buttons, weights_table
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import cached, lazy_tabs
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed

ensure_shell()
CONTROLS = controls_of(exp.FitSettings)

st.title(t("page.fitting"))
st.markdown(t("fit.intro"))
st.latex(
    r"y = 5 + 1.2x - 3.4\frac{x^2}{2!} + 5.6\frac{x^3}{3!} + \epsilon,\quad \epsilon \sim \mathcal{N}(0, 0.1^2)"
    r"\qquad\qquad \hat{y} = \sum_{i=0}^{k-1} w_i \frac{x^i}{i!}"
)
st.markdown(t("fit.model"))

preset_buttons()
settings = form(exp.FitSettings, [["features", "n_train", "noise", "epochs"]], seed=global_seed())
k = settings.features
sweep = cached(exp.degree_sweep, settings.degrees(), label="fit.training")  # every k: changing k is a lookup
train, test = sweep.final()
st.caption(t("fit.trained", seconds=sweep.seconds, epochs=settings.epochs))
if sweep.diverged:
    st.warning(t("fit.diverged"), icon="⚠️")

left, right = st.columns(2)
curves = charts.loss_curves(sweep.train_loss[:, k - 1], sweep.test_loss[:, k - 1], t("fit.curves_title", k=k))
left.altair_chart(curves, width="stretch")
right.altair_chart(charts.fit_chart(sweep, k, t("fit.fit_title", k=k)), width="stretch")
st.markdown(t("fit.final", epochs=settings.epochs, train=train[k - 1], test=test[k - 1], floor=settings.noise**2))
st.info(t(f"fit.verdict.{exp.verdict(k)}"))

# --- learned weights, SGD against least squares (exercise 1) ---------------------------------------
st.subheader(t("fit.weights"))
st.markdown(t("fit.weights_text"))
weights_table(sweep, k)

# --- the exercises, each computed only when its tab is open -----------------------------------------
capacity, size, kfold, d200 = lazy_tabs(
    [t(f"fit.tab.{name}") for name in ("capacity", "size", "kfold", "d200")], key="fit_tab"
)
if capacity:
    with capacity:
        st.markdown(t("fit.capacity_text"))
        st.altair_chart(charts.capacity_chart(sweep, k), width="stretch")
        st.caption(t("fit.best_k", best=sweep.best_degree, exact=sweep.exact_test_loss[-1]))

if size:
    with size:
        st.markdown(t("fit.size_text", k=k))
        sizes = cached(exp.size_sweep, settings.sizes(), label="fit.training")
        st.altair_chart(charts.size_chart(sizes, settings.n_train), width="stretch")
        st.caption(t("fit.size_done", count=len(sizes.sizes), seconds=sizes.seconds))

if kfold:
    with kfold:
        st.markdown(t("fit.kfold_text"))
        settings = replace(settings, k_folds=widget(CONTROLS["k_folds"]))
        if not settings.kfold_fits():
            st.warning(t("fit.kfold_invalid", k=settings.k_folds, n=settings.n_train), icon="⚠️")
        else:
            kf = cached(exp.kfold, settings.kfold(), label="fit.training")
            kfold_view(kf, sweep, k)

if d200:
    with d200:
        st.markdown(t("fit.d200_text"))
        settings = replace(settings, d200_n=widget(CONTROLS["d200_n"]))
        d200_view(cached(d200_size_sweep, settings.d200(), label="fit.training"), settings.d200_n)

book_box("fitting")
