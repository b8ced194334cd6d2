"""The computational graph of 3.7 as a DOT string and in words, matrices as LaTeX, and the memory
chart. Colours come from ``mlp_lab.ui.a11y``; the step on screen is told apart by a thick border as
well as its fill, the backward pass by the gradient written in each box and by dashed edges."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from mlp_lab.experiments.backprop import MemoryPoint, Step
from mlp_lab.ui import a11y
from mlp_lab.ui.i18n import t

# Variables are boxes and operators circles, as in the book's figure.
VARIABLES = {
    "x": "x", "W1": "W⁽¹⁾", "b1": "b⁽¹⁾", "z": "z", "h": "h", "W2": "W⁽²⁾", "b2": "b⁽²⁾",
    "o": "o", "y": "y", "L": "L", "lam": "λ", "s": "s", "J": "J",
}  # fmt: skip
GRADIENT_LABEL = {"L": "∂J/∂L", "s": "∂J/∂s", "o": "∂J/∂o", "W2": "∂J/∂W⁽²⁾", "b2": "∂J/∂b⁽²⁾", "h": "∂J/∂h",
                  "z": "∂J/∂z", "W1": "∂J/∂W⁽¹⁾", "b1": "∂J/∂b⁽¹⁾"}  # fmt: skip
# Fills behind text (dark text on them passes AA); "now" is told from "done" by the border's width.
FORWARD_FILL, BACKWARD_FILL = a11y.LIGHT.blue, a11y.LIGHT.orange
NOW_PEN = 3


def _edges(bias: bool) -> list[tuple[str, str]]:
    first = [("x", "mul1"), ("W1", "mul1")]
    first += [("mul1", "add1"), ("b1", "add1"), ("add1", "z")] if bias else [("mul1", "z")]
    second = [("h", "mul2"), ("W2", "mul2")]
    second += [("mul2", "add2"), ("b2", "add2"), ("add2", "o")] if bias else [("mul2", "o")]
    return [
        *first, ("z", "phi"), ("phi", "h"), *second,
        ("o", "loss"), ("y", "loss"), ("loss", "L"),
        ("W1", "norm"), ("W2", "norm"), ("lam", "norm"), ("norm", "s"),
        ("L", "plus"), ("s", "plus"), ("plus", "J"),
    ]  # fmt: skip


OPERATORS = {"mul1": "×", "add1": "+", "phi": "φ", "mul2": "×", "add2": "+", "loss": "l", "norm": "‖·‖²", "plus": "+"}


def graph_dot(bias: bool, walk: list[Step], current: int) -> str:
    """The graph with step ``current`` (0-based) of ``walk`` highlighted and earlier steps shaded."""
    step = walk[current]
    done_fwd = {n for s in walk[:current] if s.phase == "forward" for n in s.nodes}
    done_bwd = {n for s in walk[:current] if s.phase == "backward" for n in s.nodes}
    lines = [
        "digraph G {",
        '  rankdir=LR; bgcolor="transparent"; nodesep=0.25; ranksep=0.35;',
        f'  node [fontname="Helvetica", fontsize=22, color="{a11y.C.black}", fontcolor="{a11y.C.black}", '
        'style=filled, fillcolor="white"];',
        f'  edge [color="{a11y.C.grey}", arrowsize=0.7];',
    ]
    edges = _edges(bias)
    used = {n for e in edges for n in e}
    for name, label in VARIABLES.items():
        if name not in used:
            continue
        fill, pen = "white", 1
        if name in done_fwd:
            fill = FORWARD_FILL
        if name in done_bwd:
            fill, label = BACKWARD_FILL, f"{label}\\n{GRADIENT_LABEL.get(name, '')}"
        if name in step.nodes:
            fill, pen = (FORWARD_FILL if step.phase == "forward" else BACKWARD_FILL), NOW_PEN
            if step.phase == "backward" and name in GRADIENT_LABEL and "\\n" not in label:
                label = f"{label}\\n{GRADIENT_LABEL[name]}"
        lines.append(f'  {name} [shape=box, label="{label}", fillcolor="{fill}", penwidth={pen}];')
    for name, label in OPERATORS.items():
        if name in used:
            lines.append(f'  {name} [shape=circle, label="{label}", width=0.7, fixedsize=true, fontsize=18];')
    backward = step.phase == "backward"
    for a, b in edges:
        lines.append(f"  {a} -> {b}{' [style=dashed]' if backward else ''};")
    lines.append("}")
    return "\n".join(lines)


def _expression(node: str, into: dict[str, list[str]]) -> str:
    """A node as text: a variable's name, or an operator applied to its inputs (recursively)."""
    if node in VARIABLES:
        return VARIABLES[node]
    inputs = into[node][::-1] if node.startswith("mul") else into[node]  # W x, as the book writes it
    return f"{OPERATORS[node]}({', '.join(_expression(n, into) for n in inputs)})"


def graph_lines(bias: bool) -> list[str]:
    """The drawn graph in words, one line per computed variable, read off its edges:
    "z ← ×(x, W⁽¹⁾)", "J ← +(L, s)"."""
    into: dict[str, list[str]] = {}
    for a, b in _edges(bias):
        into.setdefault(b, []).append(a)
    return [f"{VARIABLES[v]} ← {_expression(into[v][0], into)}" for v in VARIABLES if v in into]


def graph_alt(walk: list[Step], current: int) -> str:
    """The chart's short description: what the graph is and which step it shows."""
    step = walk[current]
    return t("bp.graph_alt", i=current + 1, n=len(walk), phase=t(f"bp.phase_{step.phase}"),
             nodes=", ".join(VARIABLES[n] for n in step.nodes if n in VARIABLES))  # fmt: skip


def graph_state(walk: list[Step], current: int) -> str:
    """Which boxes each pass has reached before this step (what the fills show)."""

    def names(phase: str) -> str:
        reached = (VARIABLES[n] for s in walk[:current] if s.phase == phase for n in s.nodes if n in VARIABLES)
        return ", ".join(dict.fromkeys(reached)) or "—"

    return t("bp.graph_state", forward=names("forward"), backward=names("backward"))


def latex_matrix(name: str, values: np.ndarray, digits: int = 3) -> str:
    """``name = [[...]]`` as a LaTeX bmatrix (a scalar stays a number)."""
    if values.size == 1:
        return f"{name} = {float(values.reshape(-1)[0]):.{digits}f}"
    rows = [" & ".join(f"{v:.{digits}f}" for v in row) for row in np.atleast_2d(values)]
    return name + r" = \begin{bmatrix}" + r" \\ ".join(rows) + r"\end{bmatrix}"


def memory_chart(points: list[MemoryPoint]) -> alt.Chart:
    """MiB kept for backward against batch size (log-log), one line per depth: a colour, a dash and a
    point shape per depth (the a11y palette: 3:1 against white, told apart under colour-blindness)."""
    depths = sorted({p.depth for p in points})
    names = [t("bp.mem_depth_n", n=d) for d in depths]
    df = pd.DataFrame(
        {
            "batch": [p.batch_size for p in points],
            "mib": [p.saved_bytes / 2**20 for p in points],
            "depth": [t("bp.mem_depth_n", n=p.depth) for p in points],
        }
    )
    df = df[df["mib"] > 0]
    legend = alt.Legend(orient="bottom", title=None, labelLimit=0)
    return (
        alt.Chart(df)
        .mark_line(point=alt.OverlayMarkDef(size=60, filled=True), strokeWidth=2)
        .encode(
            x=alt.X("batch:Q", scale=alt.Scale(type="log", base=2), title=t("bp.mem_batch")),
            y=alt.Y("mib:Q", scale=alt.Scale(type="log"), title=t("bp.mem_mib")),
            color=alt.Color(
                "depth:N",
                sort=names,
                legend=legend,
                scale=alt.Scale(domain=names, range=list(a11y.PALETTE[: len(names)])),
            ),
            strokeDash=alt.StrokeDash(
                "depth:N",
                sort=names,
                legend=legend,
                scale=alt.Scale(domain=names, range=list(a11y.DASHES[: len(names)])),
            ),
            shape=alt.Shape(
                "depth:N",
                sort=names,
                legend=legend,
                scale=alt.Scale(domain=names, range=list(a11y.SHAPES[: len(names)])),
            ),
            tooltip=[
                alt.Tooltip("depth:N", title=t("bp.mem_depth")),
                alt.Tooltip("batch:Q", title=t("bp.mem_batch")),
                alt.Tooltip("mib:Q", format=".3f", title=t("bp.mem_mib")),
            ],
        )
        .properties(height=300)
    )


def memory_table(points: list[MemoryPoint]) -> pd.DataFrame:
    """Depth × batch size, MiB kept for backward (what the chart shows, as numbers)."""
    df = pd.DataFrame({"depth": [p.depth for p in points], "batch": [p.batch_size for p in points],
                       "mib": [p.saved_bytes / 2**20 for p in points]})  # fmt: skip
    table = df.pivot(index="depth", columns="batch", values="mib")
    table.columns = [f"{t('bp.mem_batch')} {c}" for c in table.columns]
    table = table.reset_index().rename(columns={"depth": t("bp.mem_depth")})
    return table.round(3)
