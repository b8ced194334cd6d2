"""Altair charts of the dropout page: the mask, unbiasedness, train vs eval mode, layer variance."""

from __future__ import annotations

import math

import altair as alt
import numpy as np
import pandas as pd

from mlp_lab.experiments.dropout import ActivationVarianceResult, MaskPicture, ModeGap, UnbiasResult
from mlp_lab.ui.i18n import t

WITH_COLOUR, WITHOUT_COLOUR = "#d62728", "#1f77b4"  # with dropout red, without blue, everywhere on the page


def _grid(values: np.ndarray, name: str) -> pd.DataFrame:
    rows, cols = np.indices(values.shape)
    return pd.DataFrame({"example": rows.ravel() + 1, "unit": cols.ravel() + 1, "value": values.ravel(), "panel": name})


def mask_chart(pic: MaskPicture) -> alt.VConcatChart:
    """h, the mask, and h' as heatmaps: rows are examples, columns hidden units."""
    top = max(float(pic.dropped_out.max()), float(pic.hidden.max()), 1e-9)

    def heat(values: np.ndarray, title: str, scheme: str, domain: list[float]) -> alt.Chart:
        return (
            alt.Chart(_grid(values, title))
            .mark_rect(stroke="white", strokeWidth=0.5)
            .encode(
                x=alt.X("unit:O", title=t("dropout.unit"), axis=alt.Axis(labels=False, ticks=False)),
                y=alt.Y("example:O", title=t("dropout.example")),
                color=alt.Color("value:Q", scale=alt.Scale(scheme=scheme, domain=domain), legend=None),
                tooltip=[
                    alt.Tooltip("example:O", title=t("dropout.example")),
                    alt.Tooltip("unit:O", title=t("dropout.unit")),
                    alt.Tooltip("value:Q", format=".3f", title=t("chart.value")),
                ],
            )
            .properties(title=title, height=150)
        )

    return alt.vconcat(
        heat(pic.hidden, t("dropout.mask_h"), "greens", [0, top]),
        heat(pic.kept, t("dropout.mask_mask"), "greys", [0, 1]),
        heat(pic.dropped_out, t("dropout.mask_h_prime"), "greens", [0, top]),
    ).resolve_scale(color="independent")


def unbiased_chart(res: UnbiasResult) -> alt.LayerChart:
    """Relative error of the mean of n draws against n, log-log, with the 1/sqrt(n) law."""
    measured = t("dropout.unbias_measured")
    theory = t("dropout.unbias_theory")
    rows = [
        {"draws": int(n), "error": float(e), "series": name}
        for name, values in ((measured, res.rel_error), (theory, res.theory))
        for n, e in zip(res.draws, values, strict=True)
        if math.isfinite(e) and e > 0  # a log axis cannot show an exact zero (p = 0)
    ]
    df = pd.DataFrame(rows, columns=["draws", "error", "series"])
    base = alt.Chart(df).encode(
        x=alt.X("draws:Q", scale=alt.Scale(type="log"), title=t("dropout.draws")),
        y=alt.Y("error:Q", scale=alt.Scale(type="log"), title=t("dropout.rel_error")),
        color=alt.Color(
            "series:N",
            scale=alt.Scale(domain=[measured, theory], range=[WITH_COLOUR, "#7f7f7f"]),
            legend=alt.Legend(orient="bottom", title=None, symbolType="stroke"),
        ),
        strokeDash=alt.StrokeDash(
            "series:N", scale=alt.Scale(domain=[measured, theory], range=[[1, 0], [5, 4]]), legend=None
        ),
        tooltip=[
            alt.Tooltip("series:N", title=t("chart.series")),
            alt.Tooltip("draws:Q", title=t("dropout.draws")),
            alt.Tooltip("error:Q", format=".2e", title=t("dropout.rel_error")),
        ],
    )
    one_percent = alt.Chart(pd.DataFrame({"y": [0.01]})).mark_rule(color="#2ca02c").encode(y="y:Q")
    return (base.mark_line(point=True) + one_percent).properties(height=280)


def mode_chart(gap: ModeGap) -> alt.LayerChart:
    """Every pass with dropout left on is a dot; the one eval-mode accuracy is a line."""
    df = pd.DataFrame({"pass": np.arange(1, len(gap.train_accs) + 1), "acc": gap.train_accs})
    dots = (
        alt.Chart(df)
        .mark_circle(size=80, color=WITH_COLOUR)
        .encode(
            x=alt.X("pass:O", title=t("dropout.mode_pass"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("acc:Q", title=t("chart.accuracy"), scale=alt.Scale(zero=False)),
            tooltip=[alt.Tooltip("pass:O", title=t("dropout.mode_pass")), alt.Tooltip("acc:Q", format=".4f")],
        )
    )
    line = (
        alt.Chart(pd.DataFrame({"acc": [gap.eval_acc], "label": [t("dropout.mode_eval_line", acc=gap.eval_acc)]}))
        .mark_rule(color="#2ca02c", strokeWidth=2)
        .encode(y="acc:Q", tooltip=["label:N"])
    )
    return (dots + line).properties(height=240)


SOLID, DASHED = [1, 0], [6, 4]


def solid_with_dashed_without(chart: alt.Chart, short: dict[str, str]) -> alt.Chart:
    """One of the shared history charts with the runs told apart by a fixed dash (said in the heading)
    instead of a second legend, which a chart stretched to a column clips."""
    dash = alt.StrokeDash(
        "run:N", scale=alt.Scale(domain=[short["with"], short["without"]], range=[SOLID, DASHED]), legend=None
    )
    return chart.encode(strokeDash=dash).properties(height=340)  # a stretched chart fits its legend inside


def variance_charts(results: dict[str, ActivationVarianceResult], labels: dict[str, str]) -> list[alt.Chart]:
    """Per-layer activation variance per epoch; colour = run, dash = layer; one chart per mode."""
    frames = []
    for run, res in results.items():
        df = pd.DataFrame(res.rows(), columns=["epoch", "layer", "mode", "variance"])
        df["run"] = labels[run]
        frames.append(df)
    df = pd.concat(frames, ignore_index=True)
    df = df[df["variance"] > 0]
    df["layer"] = [t("dropout.layer_n", n=n) for n in df["layer"]]
    names = [labels[r] for r in results]
    layers = [t("dropout.layer_n", n=n) for n in (1, 2)]
    colours = [WITH_COLOUR if r == "with" else WITHOUT_COLOUR for r in results]

    def panel(mode: str) -> alt.Chart:
        return (
            alt.Chart(df[df["mode"] == mode])
            .mark_line(point=True)
            .encode(
                x=alt.X("epoch:Q", title=t("chart.epoch"), axis=alt.Axis(tickMinStep=1)),
                y=alt.Y("variance:Q", scale=alt.Scale(type="log"), title=t("dropout.variance")),
                color=alt.Color(
                    "run:N",
                    scale=alt.Scale(domain=names, range=colours),
                    legend=alt.Legend(orient="bottom", title=None),
                ),
                strokeDash=alt.StrokeDash(
                    "layer:N", scale=alt.Scale(domain=layers, range=[SOLID, DASHED]), legend=None
                ),
                detail="layer:N",
                tooltip=["run:N", "layer:N", "epoch:Q", alt.Tooltip("variance:Q", format=".4f")],
            )
            .properties(title=t(f"dropout.variance_{mode}"), height=400)  # legends fit inside a stretched chart
        )

    return [panel("train"), panel("eval")]
