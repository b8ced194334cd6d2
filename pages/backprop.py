"""3.7 Forward propagation, backward propagation and computational graphs, step by step."""

from dataclasses import replace

import streamlit as st

from mlp_lab.experiments import backprop as exp
from mlp_lab.ui import learn, runner
from mlp_lab.ui.backprop_widgets import check_table, graph_view, memory_view, step_picker, step_view
from mlp_lab.ui.book import book_box
from mlp_lab.ui.controls import form
from mlp_lab.ui.i18n import t
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed

ensure_shell()

st.title(t("page.backprop"))
st.markdown(t("bp.intro"))

# --- the example: sizes, activation, lambda, bias -----------------------------------------------
config = form(exp.GraphConfig, [["inputs", "hidden", "outputs", "activation"], ["lam", "bias"]], seed=global_seed())
example = exp.make_example(config)
values = exp.forward_backward(example, config)
learn.predict("bp.grad_shape", config)

# --- 3.7.1-3.7.3: the graph, walked forward then backward --------------------------------------
st.subheader(t("bp.graph"))
st.caption(t("bp.graph_caption"))
walk = exp.steps(config.bias)
index = step_picker(len(walk))
graph_view(config, walk, index)
step_view(walk, index, example, values, config)
learn.challenge("bp.still_w1", config)

# --- the check: hand against autograd against finite differences ----------------------------------
st.subheader(t("bp.check"))
st.markdown(t("bp.check_text"))
spread = {s: runner.cached(exp.gradient_check, replace(config, seed=s)) for s in exp.SPREAD_SEEDS}
check_table(runner.cached(exp.gradient_check, config), spread)

# --- 3.7.4: training keeps what prediction does not -----------------------------------------------
st.subheader(t("bp.mem"))
st.markdown(t("bp.mem_text"))
memory = form(exp.MemoryConfig, ["model"], seed=global_seed())
learn.predict("bp.saved_mib", memory)
memory_view(runner.cached(exp.backward_memory, memory, label="bp.mem_progress"), memory)

learn.exercises_heading("3.7")
learn.exercise("3.7.1")
learn.exercise("3.7.2", config)
learn.exercise("3.7.3", config)
learn.exercise("3.7.4")
learn.exercise("3.7.5")

book_box("backprop")
