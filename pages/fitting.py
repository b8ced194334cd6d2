"""3.4 Model selection, underfitting and overfitting: the book's polynomial, all 20 degrees at once."""

from dataclasses import replace

import streamlit as st

from mlp_lab.controls import controls_of
from mlp_lab.experiments import fitting as exp
from mlp_lab.experiments.weight_decay import d200_size_sweep
from mlp_lab.ui import board, learn
from mlp_lab.ui import fitting_widgets as views
from mlp_lab.ui.book import book_box
from mlp_lab.ui.controls import form, widget
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

views.preset_buttons()
settings = form(exp.FitSettings, [["features", "n_train", "noise", "epochs"]], seed=global_seed())
k = settings.features
sweep = cached(exp.degree_sweep, settings.degrees(), label="fit.training")  # every k: changing k is a lookup
spread = cached(exp.degree_spread, settings.spread(), label="fit.training")  # the same for 8 seeds, one batch
learn.predict("fit.which_overfits", settings)
st.caption(t("fit.trained", seconds=sweep.seconds, epochs=settings.epochs))
if sweep.diverged:
    st.warning(t("fit.diverged"), icon="⚠️")
views.main_run(sweep, k)
train, test = sweep.final()
st.markdown(t("fit.final", epochs=settings.epochs, train=train[k - 1], test=test[k - 1], floor=settings.noise**2))
st.info(views.verdict_text(sweep, spread, k))
views.spread_table(spread, k)
learn.challenge("fit.big_at_floor", settings)

# --- learned weights, SGD against least squares (exercise 1) ---------------------------------------
st.subheader(t("fit.weights"))
st.markdown(t("fit.weights_text"))
views.weights_table(sweep, k)

# --- model selection: the validation set chooses, the test set is looked at once ---------------------
st.subheader(t("fit.select"))
views.selection_view(sweep, spread, k)

# --- the exercises, each computed only when its tab is open -----------------------------------------
capacity, size, kfold, d200 = lazy_tabs(
    [t(f"fit.tab.{name}") for name in ("capacity", "size", "kfold", "d200")], key="fit_tab"
)
if capacity:
    with capacity:
        views.capacity_view(sweep, k)

if size:
    with size:
        st.markdown(t("fit.size_text", k=k))
        views.size_view(cached(exp.size_sweep, settings.sizes(), label="fit.training"), settings.n_train)

if kfold:
    with kfold:
        st.markdown(t("fit.kfold_text"))
        settings = replace(settings, k_folds=widget(CONTROLS["k_folds"]))
        if not settings.kfold_fits():
            st.warning(t("fit.kfold_invalid", k=settings.k_folds, n=settings.n_train), icon="⚠️")
        else:
            learn.predict("fit.kfold_pick", settings)
            views.kfold_view(cached(exp.kfold, settings.kfold(), label="fit.training"), sweep, k)

if d200:
    with d200:
        st.markdown(t("fit.d200_text"))
        settings = replace(settings, d200_n=widget(CONTROLS["d200_n"]))
        learn.predict("fit.d200_gap", settings)
        views.d200_view(cached(d200_size_sweep, settings.d200(), label="fit.training"), settings.d200_n)

board.section("fitting", settings)

learn.exercises_heading("3.4")
learn.exercise("3.4.1", settings)
learn.exercise("3.4.2", settings)
learn.exercise("3.4.3", settings)
learn.exercise("3.4.4", settings)

book_box("fitting")
