"""Small views of the backprop page: the step picker, the graph (with its description in words),
one step of the walk-through, the gradient check's table and the memory measurement. Sentences that
say what a result shows are chosen from it (``GradCheck.ok``, ``MemoryShape.as_the_book_says``)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from mlp_lab.controls import controls_of
from mlp_lab.experiments import backprop as exp
from mlp_lab.ui import a11y
from mlp_lab.ui.backprop_charts import (
    graph_alt,
    graph_dot,
    graph_lines,
    graph_state,
    latex_matrix,
    memory_chart,
    memory_table,
)
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


def graph_view(config: exp.GraphConfig, walk: list[exp.Step], index: int) -> None:
    """The graph at step ``index`` (1-based), with a short description as its accessible name and
    the whole graph in words beside it (a dense diagram needs more than a name)."""
    st.graphviz_chart(graph_dot(config.bias, walk, index - 1), width="stretch", alt=graph_alt(walk, index - 1))
    with st.expander(t("bp.graph_words")):
        st.markdown("\n".join(f"- {line}" for line in graph_lines(config.bias)))
        st.markdown(graph_state(walk, index - 1))


def writeup_note(config: exp.GraphConfig) -> str:
    """Where the printed dJ/dz with the extra W2^T comes from (the write-up), and what it does here."""
    error = exp.writeup_dJ_dz_error(config)
    if error is None:
        here = t("bp.writeup_shapes", h=config.hidden, q=config.outputs)
    else:
        here = t("bp.writeup_wrong", h=config.hidden, error=error)
    return t("bp.writeup_slip", here=here)


def step_view(
    walk: list[exp.Step], index: int, example: exp.Example, values: exp.Pass, config: exp.GraphConfig
) -> None:
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
            st.info(writeup_note(config), icon="📝")
        if step.id == "dJ_dL":
            st.caption(t("bp.dJ_ds_note"))
    with values_col:
        for name, attr in step.values:
            st.latex(latex_matrix(name, exp.step_value(attr, example, values)))


def check_table(check: exp.GradCheck, spread: dict[int, exp.GradCheck]) -> None:
    """Hand-derived gradients against autograd and finite differences, the verdict, and the same
    check on other draws (``spread``: seed -> check) at these settings."""
    rows = [
        {
            t("bp.col_param"): f"∂J/∂{name}",
            t("bp.col_autograd"): f"{check.vs_autograd[name]:.2e}",
            t("bp.col_fd"): f"{check.vs_finite_diff[name]:.2e}",
        }
        for name in check.vs_autograd
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    limits = {"auto": check.max_autograd, "fd": check.max_finite_diff, "auto_tol": exp.AUTOGRAD_TOL,
              "fd_tol": exp.FINITE_DIFF_TOL}  # fmt: skip
    if check.ok:
        st.success(t("bp.check_result", **limits), icon="✅")
    else:
        st.warning(t("bp.check_failed", **limits), icon="⚠️")
    seeds = list(spread)
    st.caption(t("bp.check_spread", lo=seeds[0], hi=seeds[-1], shown=sum(c.ok for c in spread.values()),
                 n=len(spread), errors=t("bp.sep").join(f"{c.max_autograd:.1e}" for c in spread.values())))  # fmt: skip


def memory_alt(points: list[exp.MemoryPoint]) -> str:
    small = min(points, key=lambda p: (p.depth, p.batch_size))
    big = max(points, key=lambda p: (p.depth, p.batch_size))
    return t("bp.mem_alt", depths=", ".join(str(d) for d in sorted({p.depth for p in points})),
             lo=small.saved_bytes / 2**20, lo_depth=small.depth, lo_batch=small.batch_size,
             hi=big.saved_bytes / 2**20, hi_depth=big.depth, hi_batch=big.batch_size,
             predict=max(p.predict_bytes for p in points))  # fmt: skip


def memory_sentence(points: list[exp.MemoryPoint], config: exp.MemoryConfig) -> str:
    """The chart's verdict, chosen by ``MemoryShape.as_the_book_says``, with the largest case counted."""
    shape = exp.memory_shape(points)
    if not shape.as_the_book_says:
        return t("bp.mem_not", slopes=", ".join(f"{s:.3f}" for s in shape.slopes),
                 per_layer=", ".join(f"{b:.0f}" for b in shape.per_layer), predict=shape.predict_bytes)  # fmt: skip
    big = max(points, key=lambda p: (p.depth, p.batch_size))
    return t(
        "bp.mem_shows",
        slope=sum(shape.slopes) / len(shape.slopes),
        per_layer=shape.per_layer[-1],
        layer_floats=shape.per_layer[-1] / 4,
        depth=big.depth,
        batch=big.batch_size,
        mib=big.saved_bytes / 2**20,
        floats=big.saved_bytes / big.batch_size / 4,
        predicted=exp.activation_floats(big.depth, config.width, config.model),
        params=big.param_bytes / 2**20,
        predict=shape.predict_bytes,
    )


def memory_view(points: list[exp.MemoryPoint], config: exp.MemoryConfig) -> None:
    """The bytes kept for backward: chart (its data as a table on request), and what it shows."""
    a11y.chart(memory_chart(points), memory_alt(points), memory_table(points))
    st.markdown(memory_sentence(points, config))
