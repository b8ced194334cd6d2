"""3.6 Dropout: input noise as a penalty, the layer from scratch, its unbiasedness, and the book's
network with and without it."""

import inspect

import streamlit as st

from mlp_lab.data import DataError
from mlp_lab.experiments import dropout as exp
from mlp_lab.models import dropout_layer
from mlp_lab.ui import a11y, board, learn, runner
from mlp_lab.ui import dropout_charts as charts
from mlp_lab.ui import dropout_widgets as views
from mlp_lab.ui.book import book_box
from mlp_lab.ui.controls import form
from mlp_lab.ui.i18n import t
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed
from mlp_lab.ui.train_panel import is_trained, training_panel

ensure_shell()

seed = global_seed()
st.title(t("page.dropout"))
st.markdown(t("dropout.intro"))
st.latex(views.formula())
views.noise_section(seed)  # Bishop (1995): noise on the inputs is an L2 penalty

# --- 3.6.1 the layer ------------------------------------------------------------------------------
st.subheader(t("dropout.layer"))
st.markdown(t("dropout.layer_text"))
st.code(inspect.getsource(dropout_layer), language="python", wrap_lines=True)
st.markdown(t("dropout.demo_text"))
views.demo_matrices(exp.book_demo(seed))
p = views.mask_section(seed)  # co-adaptation, and one mask
learn.predict("dropout.mean_h", exp.UnbiasConfig(p=p, seed=seed))
views.unbias_section(p, seed)

# --- the book's network -----------------------------------------------------------------------------
st.subheader(t("dropout.net"))
st.markdown(t("dropout.net_text"))
st.markdown(t("dropout.near_input", link=views.SECTION_URL))
net = form(exp.DropoutSettings, [[("model", "epochs"), ("p1", "p2"), "weight_decay"]], seed=seed)
if net.p1 == 1.0 or net.p2 == 1.0:
    st.warning(t("dropout.p_is_1"), icon="⚠️")
elif net.p1 == 0.0 and net.p2 == 0.0:
    st.info(t("dropout.p_is_0"), icon="ℹ️")

configs = net.train_configs()
learn.predict("dropout.vs_plain", net)
labels = {"with": t("dropout.run_with", p1=net.p1, p2=net.p2), "without": t("dropout.run_without")}
short = {"with": t("dropout.short_with"), "without": t("dropout.run_without")}  # for chart legends
results = {}
# Two full trainings take a minute or more on a CPU: a cold visit asks first.
trained = all(is_trained(c) for c in configs.values())
if runner.gate("dropout_go", trained, label="dropout.train_both", note="dropout.train_prompt"):
    for run, config in configs.items():  # one above the other: each panel's two charts need the width
        st.markdown(f"**{labels[run]}**")
        results[run] = training_panel(config, key=f"dropout_{run}")
done = {run: r for run, r in results.items() if r is not None and len(r.history)}
if len(done) == 2:
    views.comparison(done, labels, short, net)
    learn.challenge("dropout.heavy", net)

# --- train mode against eval mode ------------------------------------------------------------------
with_run = done.get("with")
if with_run is not None and with_run.complete:
    st.subheader(t("dropout.modes"))
    st.markdown(t("dropout.modes_text"))
    try:
        gap = runner.cached(exp.mode_gap, configs["with"], label="dropout.modes_progress")
    except DataError as exc:
        runner.show_data_error(exc)
        st.stop()
    views.modes_section(gap)

# --- exercise 3: activation variance over training ------------------------------------------------
st.subheader(t("dropout.var"))
st.markdown(t("dropout.var_text"))
measured = all(runner.is_cached(exp.activation_variance, c) for c in configs.values())
if runner.gate("dropout_var", measured, label="dropout.var_run", note="dropout.var_help"):
    try:
        variances = {
            run: runner.cached(exp.activation_variance, c, label=f"dropout.var_progress_{run}")
            for run, c in configs.items()
        }
    except DataError as exc:
        runner.show_data_error(exc)
        st.stop()
    for col, (chart, alt_text, table) in zip(st.columns(2), charts.variance_charts(variances, short), strict=True):
        a11y.chart(chart, alt_text, table, where=col)
    st.caption(views.variance_caption(variances["with"], (net.p1, net.p2)))

board.section("dropout", net)
learn.exercises_heading("3.6")  # each with its own controls and short runs on a subset, run when asked
learn.exercise("3.6.1")
learn.exercise("3.6.2")
learn.exercise("3.6.3")
learn.exercise("3.6.4")
learn.exercise("3.6.5")
learn.exercise("3.6.6")
learn.exercise("3.6.7")

book_box("dropout")
