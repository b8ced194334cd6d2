"""Altair charts of the stability page (3.8): sigmoid, vanishing and exploding products, symmetry, variances."""

from __future__ import annotations

import math

import altair as alt
import numpy as np
import pandas as pd

from mlp_lab.experiments.stability import (
    FLOAT32_MAX_LOG10,
    FLOAT32_TINY_LOG10,
    LayerVarianceResult,
    MatrixProductResult,
    SigmoidCurve,
    SymmetryRun,
    VanishingResult,
)
from mlp_lab.training import TrainResult
from mlp_lab.ui.i18n import t

# One colour per initialisation scheme and per activation, everywhere on the page.
SCHEME_COLOURS = {
    "normal": "#1f77b4",
    "normal1": "#d62728",
    "xavier_normal": "#2ca02c",
    "xavier_uniform": "#17becf",
    "kaiming": "#ff7f0e",
    "constant": "#7f7f7f",
}
ACT_COLOURS = {"sigmoid": "#9467bd", "tanh": "#8c564b", "relu": "#ff7f0e", "linear": "#1f77b4", "sigmoid4": "#e377c2"}
FORWARD, BACKWARD = "#1f77b4", "#d62728"
HEIGHT = 260


def _finite_rows(rows: list[dict], field: str) -> pd.DataFrame:
    return pd.DataFrame([r for r in rows if math.isfinite(r[field])])


def sigmoid_chart(curve: SigmoidCurve) -> alt.Chart:
    """The book's figure: sigmoid and its gradient, which never exceeds 1/4."""
    names = (t("stability.sigmoid"), t("stability.sigmoid_grad"))
    rows = [
        {"x": float(x), "y": float(v), "series": name}
        for name, values in zip(names, (curve.value, curve.grad), strict=True)
        for x, v in zip(curve.x, values, strict=True)
    ]
    return (
        alt.Chart(pd.DataFrame(rows))
        .mark_line()
        .encode(
            x=alt.X("x:Q", title="x"),
            y=alt.Y("y:Q", title=None),
            color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom")),
            tooltip=[
                alt.Tooltip("series:N", title=t("chart.series")),
                alt.Tooltip("x:Q", format=".1f"),
                alt.Tooltip("y:Q", format=".4f", title=t("chart.value")),
            ],
        )
        .properties(height=HEIGHT)
    )


def vanishing_chart(result: VanishingResult) -> alt.Chart:
    """RMS gradient of the first layer's weights against the depth of the stack (log scale)."""
    rows = [
        {"depth": int(d), "grad": float(g), "activation": act}
        for act, grads in result.first_layer_grad.items()
        for d, g in zip(result.depths, grads, strict=True)
        if g > 0
    ]
    acts = list(result.first_layer_grad)
    return (
        alt.Chart(_finite_rows(rows, "grad"))
        .mark_line(point=True)
        .encode(
            x=alt.X("depth:Q", title=t("stability.depth_axis"), axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("grad:Q", title=t("stability.grad_axis"), scale=alt.Scale(type="log"), axis=alt.Axis(format=".0e")),
            color=alt.Color(
                "activation:N",
                title=t("stability.activation"),
                scale=alt.Scale(domain=acts, range=[ACT_COLOURS[a] for a in acts]),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=["activation:N", "depth:Q", alt.Tooltip("grad:Q", format=".3e", title=t("stability.grad_axis"))],
        )
        .properties(height=HEIGHT)
    )


def _float32_rules(y_field: str) -> alt.Chart:
    limits = pd.DataFrame(
        [
            {y_field: FLOAT32_MAX_LOG10, "label": t("stability.f32_max")},
            {y_field: FLOAT32_TINY_LOG10, "label": t("stability.f32_tiny")},
        ]
    )
    base = alt.Chart(limits)
    rule = base.mark_rule(strokeDash=[4, 4], color="#999").encode(y=f"{y_field}:Q")
    text = base.mark_text(align="left", dx=4, dy=-6, color="#777").encode(
        y=f"{y_field}:Q", x=alt.value(0), text="label:N"
    )
    return rule + text


def product_chart(result: MatrixProductResult) -> alt.LayerChart:
    """log10 of the product's norm after k matrices, with the limits of float32 drawn in."""
    df = pd.DataFrame({"k": np.arange(len(result.log10_norm)), "log10": result.log10_norm})
    lo = min(float(df["log10"].min()), FLOAT32_TINY_LOG10) - 5
    hi = max(float(df["log10"].max()), FLOAT32_MAX_LOG10) + 5
    line = (
        alt.Chart(df)
        .mark_line(color="#d62728")
        .encode(
            x=alt.X("k:Q", title=t("stability.count_axis")),
            y=alt.Y("log10:Q", title=t("stability.norm_axis"), scale=alt.Scale(domain=[lo, hi])),
            tooltip=[alt.Tooltip("k:Q", title=t("stability.count_axis")), alt.Tooltip("log10:Q", format=".2f")],
        )
    )
    return (line + _float32_rules("log10")).properties(height=HEIGHT)


def growth_chart(result: MatrixProductResult) -> alt.LayerChart:
    """log10 growth per matrix against sigma: a straight line through 0 at the stable scale."""
    sigmas = np.logspace(-3, 2, 60)
    df = pd.DataFrame({"sigma": sigmas, "growth": result.growth_at_unit_sigma + np.log10(sigmas)})
    n = result.config.size
    marks = pd.DataFrame(
        [
            {"sigma": result.stable_sigma, "label": t("stability.stable_measured", sigma=result.stable_sigma)},
            {"sigma": 1 / math.sqrt(n), "label": t("stability.stable_sqrt", n=n, sigma=1 / math.sqrt(n))},
        ]
    )
    x = alt.X("sigma:Q", title="σ", scale=alt.Scale(type="log"), axis=alt.Axis(format="~g"))
    line = (
        alt.Chart(df)
        .mark_line(color="#555")
        .encode(
            x=x,
            y=alt.Y("growth:Q", title=t("stability.growth_axis")),
            tooltip=[alt.Tooltip("sigma:Q", format=".3g"), alt.Tooltip("growth:Q", format=".3f")],
        )
    )
    zero = alt.Chart(pd.DataFrame({"growth": [0.0]})).mark_rule(color="#999").encode(y="growth:Q")
    rules = (
        alt.Chart(marks)
        .mark_rule(strokeDash=[4, 4])
        .encode(x=x, color=alt.Color("label:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=400)))
    )
    here = pd.DataFrame({"sigma": [result.config.sigma], "growth": [result.growth_per_matrix]})
    point = (
        alt.Chart(here)
        .mark_point(size=120, filled=True, color="#d62728")
        .encode(
            x=x, y="growth:Q", tooltip=[alt.Tooltip("sigma:Q", format=".3g"), alt.Tooltip("growth:Q", format=".3f")]
        )
    )
    return (line + zero + rules + point).properties(height=HEIGHT)


def symmetry_chart(run: SymmetryRun) -> alt.Chart:
    """Each hidden unit's weight from the centre pixel over the SGD steps (equal units: one line)."""
    steps, units = run.tracked.shape
    rows = [
        {"step": s, "weight": float(run.tracked[s, u]), "unit": t("stability.unit", i=u + 1)}
        for s in range(steps)
        for u in range(units)
    ]
    return (
        alt.Chart(pd.DataFrame(rows))
        .mark_line(opacity=0.8)
        .encode(
            x=alt.X("step:Q", title=t("stability.step_axis")),
            y=alt.Y("weight:Q", title=t("stability.weight_axis"), scale=alt.Scale(zero=False)),
            color=alt.Color("unit:N", title=None, legend=alt.Legend(orient="bottom")),
            tooltip=["unit:N", "step:Q", alt.Tooltip("weight:Q", format=".6f")],
        )
        .properties(height=HEIGHT + 40)
    )


def variance_chart(result: LayerVarianceResult) -> alt.LayerChart:
    """Var of activations (forward) and gradients (backward) per layer, log scale; dashed: the theory."""
    rows = []
    series = {t("stability.forward"): result.forward_var, t("stability.backward"): result.backward_var}
    for direction, (name, values) in zip(("forward", "backward"), series.items(), strict=True):
        theory = result.theory(direction)
        for layer, v in enumerate(values):
            expected = float(theory[layer]) if theory is not None else float("nan")
            rows.append({"layer": layer, "var": float(v), "theory": expected, "series": name})
    df = pd.DataFrame(rows)
    names = list(series)
    x = alt.X("layer:Q", title=t("stability.layer_axis"), axis=alt.Axis(tickMinStep=1))
    colour = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=names, range=[FORWARD, BACKWARD]),
        legend=alt.Legend(orient="bottom"),
    )
    log_y = alt.Scale(type="log")
    measured = df[np.isfinite(df["var"]) & (df["var"] > 0)]
    lines = (
        alt.Chart(measured)
        .mark_line(point=True)
        .encode(
            x=x,
            y=alt.Y("var:Q", title=t("stability.var_axis"), scale=log_y, axis=alt.Axis(format=".0e")),
            color=colour,
            tooltip=["series:N", "layer:Q", alt.Tooltip("var:Q", format=".3e"), alt.Tooltip("theory:Q", format=".3e")],
        )
    )
    expected = df[np.isfinite(df["theory"]) & (df["theory"] > 0)]
    theory = alt.Chart(expected).mark_line(strokeDash=[6, 4], opacity=0.8).encode(x=x, y="theory:Q", color=colour)
    return (theory + lines).properties(height=HEIGHT + 40)


def histogram_chart(result: LayerVarianceResult) -> alt.Chart:
    """Histograms of activations (forward) and gradients (backward) after 1, half and all the layers."""
    rows, order = [], []
    # Forward panels on the first row, backward on the second, each by layers travelled.
    for h in sorted(result.histograms, key=lambda h: (h.direction != "forward", h.travelled)):
        name = t("stability.forward") if h.direction == "forward" else t("stability.backward")
        panel = t("stability.hist_panel", direction=name, layers=h.travelled)
        order.append(panel)
        for lo, hi, c in zip(h.edges[:-1], h.edges[1:], h.counts, strict=True):
            if math.isfinite(lo) and math.isfinite(hi):
                rows.append({"lo": float(lo), "hi": float(hi), "count": int(c), "panel": panel, "dir": name})
    names = [t("stability.forward"), t("stability.backward")]
    return (
        alt.Chart(pd.DataFrame(rows))
        .mark_rect()
        .encode(
            x=alt.X("lo:Q", title=None, axis=alt.Axis(format=".2~g", labelOverlap=True, tickCount=3)),
            x2="hi:Q",
            y=alt.Y("count:Q", title=t("stability.hist_count")),
            color=alt.Color("dir:N", scale=alt.Scale(domain=names, range=[FORWARD, BACKWARD]), legend=None),
            tooltip=[alt.Tooltip("lo:Q", format=".3e"), alt.Tooltip("hi:Q", format=".3e"), "count:Q"],
        )
        .properties(width=170, height=110)
        .facet(facet=alt.Facet("panel:N", title=None, sort=order), columns=len(order) // 2)
        .resolve_scale(x="independent", y="independent")
    )


def training_compare_chart(results: dict[str, TrainResult], epochs: int) -> alt.HConcatChart:
    """Train loss (log) and test accuracy per epoch, one colour per initialisation scheme."""
    rows = [
        {"epoch": i + 1, "scheme": scheme, "metric": metric, "value": float(v)}
        for scheme, r in results.items()
        for metric in ("train_loss", "test_acc")
        for i, v in enumerate(getattr(r.history, metric))
        if math.isfinite(v) and v > 0
    ]
    df = pd.DataFrame(rows, columns=["epoch", "scheme", "metric", "value"])
    schemes = list(results)
    colour = alt.Color(
        "scheme:N",
        title=None,
        scale=alt.Scale(domain=schemes, range=[SCHEME_COLOURS[s] for s in schemes]),
        legend=alt.Legend(orient="bottom"),
    )
    x = alt.X(
        "epoch:Q", title=t("chart.epoch"), scale=alt.Scale(domain=[1, max(epochs, 2)]), axis=alt.Axis(tickMinStep=1)
    )

    def panel(metric: str, title: str, log: bool) -> alt.Chart:
        return (
            alt.Chart(df[df["metric"] == metric])
            .mark_line(point=True)
            .encode(
                x=x,
                y=alt.Y("value:Q", title=title, scale=alt.Scale(type="log") if log else alt.Scale(zero=False)),
                color=colour,
                tooltip=["scheme:N", "epoch:Q", alt.Tooltip("value:Q", format=".4f", title=t("chart.value"))],
            )
            .properties(height=HEIGHT)
        )

    return alt.hconcat(
        panel("train_loss", t("metric.train_loss"), True), panel("test_acc", t("metric.test_acc"), False)
    )
