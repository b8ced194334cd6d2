"""Altair charts of the distribution-shift page (3.9)."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from mlp_lab.experiments.shift import (
    BOX,
    ConceptResult,
    CovariateResult,
    LabelShiftResult,
    line_points,
    true_boundary,
)
from mlp_lab.ui.i18n import t

SOURCE, TARGET = "#1f77b4", "#ff7f0e"  # source blue, target orange, everywhere on the page
CLASS_COLOURS = ["#9ecae1", "#d62728"]  # y = 0 light, y = 1 red
HEIGHT = 300
AXIS = alt.Scale(domain=list(BOX), nice=False)


def _points(x: np.ndarray, y: np.ndarray, panel: str) -> pd.DataFrame:
    return pd.DataFrame({"x1": x[:, 0], "x2": x[:, 1], "y": y.astype(int).astype(str), "panel": panel})


def kind_chart(picture: dict[str, tuple[np.ndarray, np.ndarray]]) -> alt.Chart:
    """Source and target of one kind of shift side by side: two small scatter plots."""
    df = pd.concat([_points(*picture["source"], t("shift.source")), _points(*picture["target"], t("shift.target"))])
    return (
        alt.Chart(df)
        .mark_circle(size=14, opacity=0.8)
        .encode(
            x=alt.X("x1:Q", title=None, scale=alt.Scale(domain=[-3, 4], nice=False), axis=alt.Axis(labels=False)),
            y=alt.Y("x2:Q", title=None, scale=alt.Scale(domain=[-3, 4], nice=False), axis=alt.Axis(labels=False)),
            color=alt.Color("y:N", scale=alt.Scale(domain=["0", "1"], range=CLASS_COLOURS), legend=None),
        )
        .properties(width=120, height=120)
        .facet(column=alt.Column("panel:N", title=None, sort=[t("shift.source"), t("shift.target")]))
    )


def covariate_chart(result: CovariateResult) -> alt.LayerChart:
    """Source points sized by beta, target points, the true boundary and the two straight-line fits."""
    src = _points(result.source_x, result.source_y, t("shift.source"))
    src["beta"] = result.beta
    src["true_beta"] = result.true_beta
    tgt = pd.DataFrame({"x1": result.target_x[:, 0], "x2": result.target_x[:, 1]})
    x = alt.X("x1:Q", title="x₁", scale=AXIS)
    y = alt.Y("x2:Q", title="x₂", scale=AXIS)
    target = alt.Chart(tgt).mark_circle(size=12, color=TARGET, opacity=0.35).encode(x=x, y=y)
    source = (
        alt.Chart(src)
        .mark_circle(opacity=0.7)
        .encode(
            x=x,
            y=y,
            size=alt.Size("beta:Q", title="β", scale=alt.Scale(range=[4, 400]), legend=alt.Legend(orient="right")),
            color=alt.Color("y:N", title="y", scale=alt.Scale(domain=["0", "1"], range=CLASS_COLOURS)),
            tooltip=[
                alt.Tooltip("beta:Q", format=".3g", title="β"),
                alt.Tooltip("true_beta:Q", format=".3g", title=t("shift.true_beta")),
                "y:N",
            ],
        )
    )
    x1 = np.linspace(BOX[0], BOX[1], 120)
    lines = [pd.DataFrame({"x1": x1, "x2": true_boundary(x1), "line": t("shift.true_boundary")})]
    for weighted, key in ((False, "shift.fit_plain"), (True, "shift.fit_weighted")):
        pts = line_points(result.fits[("linear", weighted)].theta)
        lines.append(pd.DataFrame({"x1": pts[:, 0], "x2": pts[:, 1], "line": t(key)}))
    df = pd.concat(lines)
    df = df[(df["x2"] >= BOX[0]) & (df["x2"] <= BOX[1])]
    names = [t("shift.true_boundary"), t("shift.fit_plain"), t("shift.fit_weighted")]
    boundaries = (
        alt.Chart(df)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "line:N",
                title=None,
                scale=alt.Scale(domain=names, range=["#000", "#7f7f7f", "#2ca02c"]),
                legend=alt.Legend(orient="bottom", labelLimit=400),
            ),
            strokeDash=alt.StrokeDash(
                "line:N", scale=alt.Scale(domain=names, range=[[1, 0], [6, 4], [1, 0]]), legend=None
            ),
            detail="line:N",
        )
    )
    return alt.layer(target, source, boundaries).resolve_scale(color="independent").properties(height=420)


def distribution_chart(result: LabelShiftResult, q_y: np.ndarray, names: tuple[str, ...]) -> alt.Chart:
    """p(y) of the target, our estimate, and the training q(y), class by class."""
    series = {t("shift.true_p"): result.true_p, t("shift.estimate"): result.estimate, t("shift.q_y"): q_y}
    rows = [
        {"class": names[k], "p": float(v), "series": s} for s, values in series.items() for k, v in enumerate(values)
    ]
    order = list(series)
    return (
        alt.Chart(pd.DataFrame(rows))
        .mark_bar()
        .encode(
            x=alt.X("class:N", title=None, sort=list(names)),
            xOffset=alt.XOffset("series:N", sort=order),
            y=alt.Y("p:Q", title="p(y)"),
            color=alt.Color(
                "series:N",
                title=None,
                sort=order,
                scale=alt.Scale(domain=order, range=[TARGET, "#2ca02c", SOURCE]),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=["class:N", "series:N", alt.Tooltip("p:Q", format=".3f")],
        )
        .properties(height=HEIGHT)
    )


def confusion_chart(confusion: np.ndarray, names: tuple[str, ...]) -> alt.LayerChart:
    """C as a heatmap: row i = true class, column j = predicted class (as scikit-learn), each row sums to 1."""
    rows = [
        {"true": names[i], "pred": names[j], "c": float(confusion[i, j])}
        for i in range(confusion.shape[0])
        for j in range(confusion.shape[1])
    ]
    df = pd.DataFrame(rows)
    base = alt.Chart(df).encode(
        x=alt.X("pred:N", title=t("shift.pred_class"), sort=list(names)),
        y=alt.Y("true:N", title=t("shift.true_class"), sort=list(names)),
    )
    heat = base.mark_rect().encode(
        color=alt.Color("c:Q", scale=alt.Scale(scheme="blues", domain=[0, 1]), legend=None),
        tooltip=[
            alt.Tooltip("true:N", title=t("shift.true_class")),
            alt.Tooltip("pred:N", title=t("shift.pred_class")),
            alt.Tooltip("c:Q", format=".3f"),
        ],
    )
    text = base.mark_text(fontSize=9).encode(
        text=alt.Text("c:Q", format=".2f"),
        color=alt.condition(alt.datum.c > 0.5, alt.value("white"), alt.value("#333")),
    )
    return (heat + text).properties(height=HEIGHT + 40)


def concept_chart(result: ConceptResult) -> alt.HConcatChart:
    """Accuracy per round of the frozen and the updated model, and where their boundaries point."""
    frozen, updated = t("shift.frozen"), t("shift.updated")
    acc = pd.DataFrame(
        [{"round": r, "acc": float(a), "model": frozen} for r, a in enumerate(result.frozen_acc)]
        + [{"round": r, "acc": float(a), "model": updated} for r, a in enumerate(result.updated_acc)]
    )
    rule = t("shift.rule")
    unwrapped = np.unwrap(result.updated_angle, period=360)
    angles = pd.DataFrame(
        [{"round": r, "angle": float(a), "model": rule} for r, a in enumerate(result.rule_angle)]
        + [{"round": r, "angle": float(a), "model": updated} for r, a in enumerate(unwrapped)]
        + [{"round": r, "angle": result.frozen_angle, "model": frozen} for r in range(len(result.rule_angle))]
    )
    domain = [frozen, updated, rule]
    colour = alt.Color(
        "model:N",
        title=None,
        scale=alt.Scale(domain=domain, range=["#7f7f7f", "#2ca02c", "#000"]),
        legend=alt.Legend(orient="bottom"),
    )
    x = alt.X("round:Q", title=t("shift.round"))

    def panel(df: pd.DataFrame, field: str, title: str, scale: alt.Scale, fmt: str) -> alt.Chart:
        return (
            alt.Chart(df)
            .mark_line(point=True)
            .encode(
                x=x,
                y=alt.Y(f"{field}:Q", title=title, scale=scale),
                color=colour,
                tooltip=["model:N", "round:Q", alt.Tooltip(f"{field}:Q", format=fmt)],
            )
            .properties(height=HEIGHT)
        )

    left = panel(acc, "acc", t("shift.accuracy"), alt.Scale(domain=[0, 1]), ".3f")
    right = panel(angles, "angle", t("shift.angle"), alt.Scale(zero=False), ".1f")
    return alt.hconcat(left, right).resolve_scale(color="shared")
