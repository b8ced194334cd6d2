"""Small views of the backprop page: the step picker, one step of the walk-through, the gradient
check's table and the memory measurement."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from mlp_lab.controls import controls_of
from mlp_lab.experiments import backprop as exp
from mlp_lab.ui.backprop_charts import latex_matrix, memory_chart, memory_table
from mlp_lab.ui.controls import widget
from mlp_lab.ui.i18n import t

STEP = controls_of(exp.WalkView)["step"]


def _move(delta: int, last: int) -> None:
    """Prev / Next: change the step slider's value before it is drawn."""
    current = st.session_state.get(STEP.key, STEP.default)
    current = current if isinstance(current, int) else STEP.default
    st.session_state[STEP.key] = min(max(current + delta, 1), last)


def step_picker(last: int) -> int:
    """Previous / Next buttons and the step slider, over steps 1..``last`` of this walk (the
    declared range is the longest walk's: without the biases it is clamped to this one)."""
    if isinstance(st.session_state.get(STEP.key), int) and st.session_state[STEP.key] > last:
        st.session_state[STEP.key] = last  # the biases were just switched off past the walk's end
    prev, next_, slider = st.columns([1, 1, 6], vertical_alignment="center")
    prev.button(t("bp.prev"), on_click=_move, args=(-1, last), key="bp_prev", width="stretch")
    next_.button(t("bp.next"), on_click=_move, args=(1, last), key="bp_next", width="stretch")
    return min(widget(STEP, slider, label_visibility="collapsed", hi=last), last)


def step_view(walk: list[exp.Step], index: int, example: exp.Example, values: exp.Pass) -> None:
    """Step ``index`` (1-based): what it does and its formula on the left, its numbers on the right."""
    step = walk[index - 1]
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
            st.latex(latex_matrix(name, exp.step_value(attr, example, values)))


def check_table(check: exp.GradCheck) -> None:
    """Hand-derived gradients against autograd and finite differences, and the verdict."""
    rows = [
        {
            t("bp.col_param"): f"∂J/∂{name}",
            t("bp.col_autograd"): f"{check.vs_autograd[name]:.2e}",
            t("bp.col_fd"): f"{check.vs_finite_diff[name]:.2e}",
        }
        for name in check.vs_autograd
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    message = t("bp.check_result", auto=check.max_autograd, fd=check.max_finite_diff)
    if check.ok:
        st.success(message, icon="✅")
    else:
        st.warning(message, icon="⚠️")


def memory_view(points: list[exp.MemoryPoint], config: exp.MemoryConfig) -> None:
    """The bytes kept for backward: chart, table, and the largest case counted by hand."""
    st.altair_chart(memory_chart(points), width="stretch")
    st.dataframe(memory_table(points).style.format("{:.3f}"), width="stretch")
    big = max(points, key=lambda p: (p.depth, p.batch_size))
    st.caption(
        t(
            "bp.mem_caption",
            depth=big.depth,
            batch=big.batch_size,
            mib=big.saved_bytes / 2**20,
            floats=big.saved_bytes / big.batch_size / 4,
            predicted=exp.activation_floats(big.depth, config.width, config.model),
            params=big.param_bytes / 2**20,
            predict=big.predict_bytes,
        )
    )
