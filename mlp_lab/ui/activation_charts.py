"""Altair charts of the activation page: function and derivative, saturation shading, fits."""

from __future__ import annotations

import altair as alt
import pandas as pd

from mlp_lab.experiments.activations import ApproxResult, Curve
from mlp_lab.ui.i18n import t

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]


def _saturated_spans(curve: Curve) -> pd.DataFrame:
    """Contiguous x intervals where |f'(x)| < 0.01, as rectangles to shade."""
    mask = curve.saturated()
    spans, start = [], None
    for i, flag in enumerate(mask):
        if flag and start is None:
            start = i
        if start is not None and (not flag or i == len(mask) - 1):
            end = i if flag else i - 1
            spans.append({"x0": curve.x[start], "x1": curve.x[end]})
            start = None
    return pd.DataFrame(spans, columns=["x0", "x1"])


def _lines(df: pd.DataFrame, y_title: str, names: list[str]) -> alt.Chart:
    colour = alt.Color("function:N", scale=alt.Scale(domain=names, range=PALETTE[: len(names)]), title=None)
    return (
        alt.Chart(df)
        .mark_line()
        .encode(
            x=alt.X("x:Q", title="x"),
            y=alt.Y("y:Q", title=y_title),
            color=colour,
            tooltip=[alt.Tooltip("function:N"), alt.Tooltip("x:Q", format=".2f"), alt.Tooltip("y:Q", format=".4f")],
        )
    )


def _frame(curves: list[Curve], field: str) -> pd.DataFrame:
    return pd.concat(
        [pd.DataFrame({"x": c.x, "y": getattr(c, field), "function": c.name}) for c in curves], ignore_index=True
    )


def function_and_derivative(curve: Curve, height: int = 220) -> dict:
    """One function: f(x) and f'(x) side by side, saturation shaded on both.

    A plain Vega-Lite spec (for ``st.vega_lite_chart``), not Altair: the page draws one per chosen
    function on every rerun, and building and validating them through Altair cost more than all the
    rest of the page together.
    """
    quantitative = {"type": "quantitative"}
    colour = {"field": "function", "type": "nominal", "title": None,
              "scale": {"domain": [curve.name], "range": PALETTE[:1]}}  # fmt: skip
    shade = {
        "data": {"name": "spans"},
        "mark": {"type": "rect", "opacity": 0.15, "color": "#888"},
        "encoding": {"x": {"field": "x0", **quantitative}, "x2": {"field": "x1"}},
    }

    def panel(field: str, title: str, y_title: str) -> dict:
        line = {
            "data": {"name": "curve"},
            "mark": "line",
            "encoding": {
                "x": {"field": "x", **quantitative, "title": "x"},
                "y": {"field": field, **quantitative, "title": y_title},
                "color": colour,
                "tooltip": [
                    {"field": "function", "type": "nominal"},
                    {"field": "x", **quantitative, "format": ".2f"},
                    {"field": field, **quantitative, "format": ".4f", "title": y_title},
                ],
            },
        }
        return {"title": title, "height": height, "layer": [shade, line]}

    values = pd.DataFrame({"x": curve.x, "y": curve.y, "grad": curve.grad, "function": curve.name})
    return {
        "datasets": {"curve": values, "spans": _saturated_spans(curve)},
        "hconcat": [panel("y", curve.name, t("act.value")), panel("grad", f"{curve.name}′", t("act.grad"))],
    }


def overlay(curves: list[Curve], height: int = 300) -> alt.HConcatChart:
    names = [c.name for c in curves]
    f = _lines(_frame(curves, "y"), t("act.value"), names).properties(height=height)
    g = _lines(_frame(curves, "grad"), t("act.grad"), names).properties(height=height)
    return alt.hconcat(f, g)


def approximation(results: list[ApproxResult], height: int = 320) -> alt.Chart:
    """The target as points, and one fitted curve per k (darker = more units)."""
    first = results[0]
    target = pd.DataFrame({"x": first.x, "y": first.target})
    fits = pd.concat(
        [
            pd.DataFrame({"x": r.x, "y": r.fit, "k": r.config.units, "series": t("act.series_fit", k=r.config.units)})
            for r in results
        ],
        ignore_index=True,
    )
    points = alt.Chart(target).mark_circle(size=14, color="#999").encode(x=alt.X("x:Q", title="x"), y=alt.Y("y:Q"))
    lines = (
        alt.Chart(fits)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=alt.X("x:Q"),
            y=alt.Y("y:Q", title="y"),
            color=alt.Color("series:N", title=None, sort=None, scale=alt.Scale(scheme="oranges")),
            tooltip=[alt.Tooltip("series:N"), alt.Tooltip("x:Q", format=".2f"), alt.Tooltip("y:Q", format=".3f")],
        )
    )
    return (points + lines).properties(height=height)
