"""3.7 Forward propagation, backward propagation and computational graphs, step by step."""

import pandas as pd
import streamlit as st

from mlp_lab.experiments import backprop as exp
from mlp_lab.ui import backprop_charts as charts
from mlp_lab.ui.book import book_link
from mlp_lab.ui.i18n import t
from mlp_lab.ui.runner import cached_run
from mlp_lab.ui.shell import ensure_shell
from mlp_lab.ui.sidebar import global_seed

ensure_shell()

STEP_KEY = "bp_step"


def move(delta: int, last: int) -> None:
    """Prev / Next buttons: change the step slider's value before it is drawn."""
    current = st.session_state.get(STEP_KEY, 1)
    current = current if isinstance(current, int) else 1
    st.session_state[STEP_KEY] = min(max(current + delta, 1), last)


st.title(t("page.backprop"))
st.markdown(t("bp.intro"))

# --- the example: sizes, activation, lambda, bias ----------------------------------------------------
c1, c2, c3, c4 = st.columns(4)
d = c1.slider(t("bp.inputs"), 1, 8, 4, key="bp_d", bind="query-params")
h = c2.slider(t("bp.hidden"), 1, 8, 5, key="bp_h", bind="query-params")
q = c3.slider(t("bp.outputs"), 2, 6, 3, key="bp_q", bind="query-params")
activation = c4.selectbox(t("bp.phi"), list(exp.PHIS), key="bp_phi", bind="query-params", help=t("bp.phi_help"))
c5, c6 = st.columns([3, 1])
lam = c5.select_slider(t("bp.lambda"), list(exp.LAMBDAS), 0.1, key="bp_lam", bind="query-params",
                       format_func=lambda v: f"{v:g}", help=t("bp.lambda_help"))  # fmt: skip
bias = c6.toggle(t("bp.bias"), value=False, key="bp_bias", bind="query-params", help=t("bp.bias_help"))
config = exp.GraphConfig(d, h, q, activation, lam, bias, global_seed())
example = exp.make_example(config)
values = exp.forward_backward(example, config)
walk = exp.steps(bias)

# --- the graph and the walk-through ----------------------------------------------------------------
st.subheader(t("bp.graph"))
st.caption(t("bp.graph_caption"))
b1, b2, b3 = st.columns([1, 1, 6])
b1.button(t("bp.prev"), on_click=move, args=(-1, len(walk)), key="bp_prev", width="stretch")
b2.button(t("bp.next"), on_click=move, args=(1, len(walk)), key="bp_next", width="stretch")
index = b3.slider(t("bp.step"), 1, len(walk), key=STEP_KEY, bind="query-params", label_visibility="collapsed")
step = walk[index - 1]
st.graphviz_chart(charts.graph_dot(bias, walk, index - 1), width="stretch")
text_col, values_col = st.columns([2, 3])
with text_col:
    phase = t(f"bp.phase_{step.phase}")
    st.markdown(f"**{t('bp.step_of', i=index, n=len(walk), phase=phase)}**  \n{t('bp.step.' + step.id)}")
    st.latex(step.formula)
    if step.id == "inputs":
        st.caption(t("bp.label_is", y=example.y))
    if step.id == "dJ_dz":
        st.info(t("bp.book_typo"), icon="📖")
    if step.id == "dJ_dL":
        st.caption(t("bp.dJ_ds_note"))
with values_col:
    for name, attr in step.values:
        st.latex(charts.latex_matrix(name, exp.step_value(attr, example, values)))

# --- the check: hand against autograd against finite differences ------------------------------------
st.subheader(t("bp.check"))
st.markdown(t("bp.check_text"))
check = cached_run(("backprop.check", config), lambda: exp.gradient_check(config))
rows = [
    {
        t("bp.col_param"): f"∂J/∂{name}",
        t("bp.col_autograd"): f"{check.vs_autograd[name]:.2e}",
        t("bp.col_fd"): f"{check.vs_finite_diff[name]:.2e}",
    }
    for name in check.vs_autograd
]
st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
ok = check.max_autograd < 1e-10 and check.max_finite_diff < 1e-6
message = t("bp.check_result", auto=check.max_autograd, fd=check.max_finite_diff)
if ok:
    st.success(message, icon="✅")
else:
    st.warning(message, icon="⚠️")

with st.container(border=True):
    st.markdown(f"**📖 {t('book.title')}**")
    st.write(t("bp.book_box"))

# --- 3.7.3 memory: training keeps what prediction does not --------------------------------------------
st.subheader(t("bp.mem"))
st.markdown(t("bp.mem_text"))
kind = st.segmented_control(t("bp.mem_model"), ["concise", "scratch"], default="concise", key="bp_mem_model",
                            bind="query-params", required=True, help=t("bp.mem_model_help")) or "concise"  # fmt: skip
mem_config = exp.MemoryConfig(model=kind, seed=global_seed())
bar = st.progress(0.0, text=t("bp.mem_progress"))
points = cached_run(
    ("backprop.memory", mem_config),
    lambda: exp.backward_memory(mem_config, lambda i, n: bar.progress(i / n, text=t("bp.mem_progress"))),
)
bar.empty()
st.altair_chart(charts.memory_chart(points), width="stretch")
st.dataframe(charts.memory_table(points).style.format("{:.3f}"), width="stretch")
big = max(points, key=lambda p: (p.depth, p.batch_size))
per_example = big.saved_bytes / big.batch_size / 4
predicted = exp.activation_floats(big.depth, mem_config.width, kind)
st.caption(
    t("bp.mem_caption", depth=big.depth, batch=big.batch_size, mib=big.saved_bytes / 2**20,
      floats=per_example, predicted=predicted, params=big.param_bytes / 2**20, predict=big.predict_bytes)
)  # fmt: skip

book_link("backprop")
