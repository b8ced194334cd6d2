"""Charts of the activation page: function and derivative with the flat stretches shaded, the
approximation ladder, the monotone example and the deep-against-shallow sawtooth. Each builder
returns the chart and, where the page offers it, the data it draws (the chart's table).

Colours come from ``mlp_lab.ui.a11y``; every chart with several series tells them apart by dash as
well as colour."""

from __future__ import annotations

import altair as alt
import pandas as pd

from mlp_lab.experiments.activations import ApproxResult, Curve, DepthResult, MonotoneResult, summarize
from mlp_lab.ui import a11y
from mlp_lab.ui.i18n import t


def _flat_spans(curve: Curve) -> pd.DataFrame:
    """The stretches where |f'(x)| < 0.01, as rectangles to shade."""
    spans = [{"x0": f.x0, "x1": f.x1} for f in summarize(curve).flats]
    return pd.DataFrame(spans, columns=["x0", "x1"])


def curve_table(curves: list[Curve]) -> pd.DataFrame:
    """x, f(x) and f'(x) of each function, as the charts draw them."""
    return pd.concat(
        [pd.DataFrame({t("act.col_function"): c.name, "x": c.x, "f(x)": c.y, "f′(x)": c.grad}) for c in curves],
        ignore_index=True,
    ).round(4)


def function_and_derivative(curve: Curve, height: int = 220, width: int = 300) -> dict:
    """One function: f(x) and f'(x) side by side, the flat stretches shaded on both.

    A plain Vega-Lite spec (for ``st.vega_lite_chart``), not Altair: the page draws one per chosen
    function on every rerun, and building and validating them through Altair cost more than all the
    rest of the page together.
    """
    quantitative = {"type": "quantitative"}
    shade = {
        "data": {"name": "spans"},
        "mark": {"type": "rect", "color": a11y.LIGHT.grey, "opacity": 0.6},
        "encoding": {"x": {"field": "x0", **quantitative}, "x2": {"field": "x1"}},
    }

    def panel(field: str, title: str, y_title: str) -> dict:
        line = {
            "data": {"name": "curve"},
            "mark": {"type": "line", "color": a11y.C.blue, "strokeWidth": 2.5},
            "encoding": {
                "x": {"field": "x", **quantitative, "title": "x"},
                "y": {"field": field, **quantitative, "title": y_title},
                "tooltip": [
                    {"field": "function", "type": "nominal"},
                    {"field": "x", **quantitative, "format": ".2f"},
                    {"field": field, **quantitative, "format": ".4f", "title": y_title},
                ],
            },
        }
        return {"title": title, "height": height, "width": width, "layer": [shade, line]}

    values = pd.DataFrame({"x": curve.x, "y": curve.y, "grad": curve.grad, "function": curve.name})
    return {
        "datasets": {"curve": values, "spans": _flat_spans(curve)},
        "hconcat": [panel("y", curve.name, t("act.value")), panel("grad", f"{curve.name}′", t("act.grad"))],
    }


def _series(names: list[str]) -> dict:
    """Colour and dash per series, both from the a11y palette, one legend (below, full labels) for the two."""
    scale = {"domain": names}
    legend = alt.Legend(orient="bottom", title=None, labelLimit=0, symbolStrokeWidth=2.5)
    return {
        "color": alt.Color("series:N", sort=names, legend=legend,
                           scale=alt.Scale(**scale, range=list(a11y.PALETTE[: len(names)]))),
        "strokeDash": alt.StrokeDash("series:N", sort=names, legend=legend,
                                     scale=alt.Scale(**scale, range=list(a11y.DASHES[: len(names)]))),
    }  # fmt: skip


def overlay(curves: list[Curve], height: int = 300, width: int = 300) -> alt.HConcatChart:
    """All chosen functions in one chart, their derivatives in a second."""
    names = [c.name for c in curves]

    def lines(field: str, y_title: str) -> alt.Chart:
        df = pd.concat([pd.DataFrame({"x": c.x, "y": getattr(c, field), "series": c.name}) for c in curves])
        return (
            alt.Chart(df)
            .mark_line(strokeWidth=2.5)
            .encode(
                x=alt.X("x:Q", title="x"),
                y=alt.Y("y:Q", title=y_title),
                **_series(names),
                tooltip=[alt.Tooltip("series:N"), alt.Tooltip("x:Q", format=".2f"), alt.Tooltip("y:Q", format=".4f")],
            )
            .properties(height=height, width=width)
        )

    return alt.hconcat(lines("y", t("act.value")), lines("grad", t("act.grad")))


def approximation(results: list[ApproxResult], height: int = 320) -> tuple[alt.LayerChart, pd.DataFrame]:
    """The target as points, and one fitted curve per k (dash and colour per k)."""
    first = results[0]
    target = pd.DataFrame({"x": first.x, "y": first.target})
    names = [t("act.series_fit", k=r.config.units) for r in results]
    fits = pd.concat(
        [pd.DataFrame({"x": r.x, "y": r.fit, "series": name}) for r, name in zip(results, names, strict=True)],
        ignore_index=True,
    )
    points = alt.Chart(target).mark_circle(size=14, color=a11y.C.grey).encode(x=alt.X("x:Q", title="x"), y="y:Q")
    lines = (
        alt.Chart(fits)
        .mark_line(strokeWidth=2.5)
        .encode(
            x="x:Q",
            y=alt.Y("y:Q", title="y"),
            **_series(names),
            tooltip=[alt.Tooltip("series:N"), alt.Tooltip("x:Q", format=".2f"), alt.Tooltip("y:Q", format=".3f")],
        )
    )
    table = pd.DataFrame({"x": first.x, t("act.col_target"): first.target})
    for r, name in zip(results, names, strict=True):
        table[name] = r.fit
    return (points + lines).properties(height=height), table.round(4)


def monotone(result: MonotoneResult, height: int = 300) -> tuple[alt.LayerChart, pd.DataFrame]:
    """The noisy risks, and the three fits: a line, a line in |t - 37|, one hidden layer."""
    names = [t("act.mono_line"), t("act.mono_distance"), t("act.mono_hidden", k=result.config.units)]
    curves = pd.concat(
        [
            pd.DataFrame({"t": result.grid, "risk": values, "series": name})
            for values, name in zip((result.line, result.distance, result.hidden), names, strict=True)
        ],
        ignore_index=True,
    )
    x = alt.X("t:Q", title=t("act.mono_temperature"), scale=alt.Scale(zero=False))
    points = (
        alt.Chart(pd.DataFrame({"t": result.t, "risk": result.risk}))
        .mark_circle(size=16, color=a11y.C.grey)
        .encode(x=x, y=alt.Y("risk:Q", title=t("act.mono_risk")))
    )
    lines = (
        alt.Chart(curves)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=x,
            y="risk:Q",
            **_series(names),
            tooltip=[alt.Tooltip("series:N"), alt.Tooltip("t:Q", format=".2f"), alt.Tooltip("risk:Q", format=".3f")],
        )
    )
    table = pd.DataFrame({t("act.mono_temperature"): result.grid})
    for values, name in zip((result.line, result.distance, result.hidden), names, strict=True):
        table[name] = values
    return (points + lines).properties(height=height), table.round(4)


def depth(result: DepthResult, height: int = 280, every: int = 8) -> tuple[alt.Chart, pd.DataFrame]:
    """The deep net's sawtooth against the one-hidden-layer fit (every ``every``-th grid point)."""
    names = [
        t("act.depth_deep", layers=result.config.depth, units=result.units),
        t("act.depth_shallow", units=result.units),
    ]
    x, deep, shallow = result.x[::every], result.deep[::every], result.shallow[::every]
    df = pd.concat(
        [pd.DataFrame({"x": x, "y": y, "series": name}) for y, name in zip((deep, shallow), names, strict=True)],
        ignore_index=True,
    )
    chart = (
        alt.Chart(df)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=alt.X("x:Q", title="x"),
            y=alt.Y("y:Q", title="y"),
            **_series(names),
            tooltip=[alt.Tooltip("series:N"), alt.Tooltip("x:Q", format=".3f"), alt.Tooltip("y:Q", format=".3f")],
        )
        .properties(height=height)
    )
    table = pd.DataFrame({"x": x, names[0]: deep, names[1]: shallow}).round(4)
    return chart, table
