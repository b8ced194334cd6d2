"""Altair charts of the distribution-shift page (3.9). Each builder returns the chart, its text
alternative (computed from the result, in the learner's language, with its key numbers) and its data
as a table, for ``a11y.chart``. Colours come from ``mlp_lab.ui.a11y``; classes differ by shape as well
as colour, lines by dash, bars by the dash of their outline; the heat map uses ``a11y.SEQUENTIAL``."""

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
from mlp_lab.ui import a11y
from mlp_lab.ui.i18n import t

Chart = tuple[alt.TopLevelMixin, str, pd.DataFrame]
SOURCE, TARGET = a11y.C.blue, a11y.C.orange  # source blue, target orange in the bars
TARGET_POINTS = a11y.C.purple  # unlabelled target points: purple triangles, apart from both classes
CLASS_COLOURS = [a11y.C.sky, a11y.C.vermillion]  # y = 0 and y = 1
CLASS_SHAPES = ["circle", "square"]
HEIGHT = 300
AXIS = alt.Scale(domain=list(BOX), nice=False)


def _points(x: np.ndarray, y: np.ndarray, panel: str) -> pd.DataFrame:
    return pd.DataFrame({"x1": x[:, 0], "x2": x[:, 1], "y": y.astype(int).astype(str), "panel": panel})


def _class_encoding() -> dict:
    domain = ["0", "1"]
    return {
        "color": alt.Color("y:N", title="y", scale=alt.Scale(domain=domain, range=CLASS_COLOURS)),
        "shape": alt.Shape("y:N", title="y", scale=alt.Scale(domain=domain, range=CLASS_SHAPES)),
    }


def kind_chart(picture: dict[str, tuple[np.ndarray, np.ndarray]], kind: str) -> Chart:
    """Source and target of one kind of shift side by side: two small scatter plots."""
    src, tgt = t("shift.source"), t("shift.target")
    df = pd.concat([_points(*picture["source"], src), _points(*picture["target"], tgt)])
    classes = _class_encoding()
    chart = (
        alt.Chart(df)
        .mark_point(size=16, opacity=0.85, filled=True)
        .encode(
            x=alt.X("x1:Q", title=None, scale=alt.Scale(domain=[-3, 4], nice=False), axis=alt.Axis(labels=False)),
            y=alt.Y("x2:Q", title=None, scale=alt.Scale(domain=[-3, 4], nice=False), axis=alt.Axis(labels=False)),
            color=classes["color"].legend(None),
            shape=classes["shape"].legend(None),
        )
        .properties(width=120, height=120)
        .facet(column=alt.Column("panel:N", title=None, sort=[src, tgt]))
    )
    (xs, ys), (xt, yt) = picture["source"], picture["target"]
    alt_text = t(
        "shift.alt_kind",
        kind=t(f"shift.kind_{kind}"),
        ns=len(ys),
        sx=float(xs[:, 0].mean()),
        sy=float(xs[:, 1].mean()),
        ss=float(np.mean(ys == 1)),
        nt=len(yt),
        tx=float(xt[:, 0].mean()),
        ty=float(xt[:, 1].mean()),
        st=float(np.mean(yt == 1)),
    )
    return chart, alt_text, df


def covariate_chart(result: CovariateResult) -> Chart:
    """Source points sized by beta, target points, the true boundary and the two straight-line fits."""
    src = _points(result.source_x, result.source_y, t("shift.source"))
    src["beta"] = result.beta
    src["true_beta"] = result.true_beta
    tgt = pd.DataFrame({"x1": result.target_x[:, 0], "x2": result.target_x[:, 1]})
    x = alt.X("x1:Q", title="x₁", scale=AXIS)
    y = alt.Y("x2:Q", title="x₂", scale=AXIS)
    target = alt.Chart(tgt).mark_point(size=14, color=TARGET_POINTS, opacity=0.5, shape="triangle-up").encode(x=x, y=y)
    classes = _class_encoding()
    source = (
        alt.Chart(src)
        .mark_point(opacity=0.75, filled=True)
        .encode(
            x=x,
            y=y,
            size=alt.Size("beta:Q", title="β", scale=alt.Scale(range=[4, 400]), legend=alt.Legend(orient="right")),
            color=classes["color"],
            shape=classes["shape"].legend(None),  # one legend for y: the colours; the alt text names the shapes
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
                scale=alt.Scale(domain=names, range=[a11y.C.black, a11y.C.grey, a11y.C.green]),
                legend=alt.Legend(orient="bottom", labelLimit=400),
            ),
            strokeDash=alt.StrokeDash(
                "line:N", scale=alt.Scale(domain=names, range=[[1, 0], [8, 4], [2, 2]]), legend=None
            ),
            detail="line:N",
        )
    )
    chart = alt.layer(target, source, boundaries).resolve_scale(color="independent").properties(height=420)
    config = result.config
    alt_text = t(
        "shift.alt_covariate",
        n=len(result.beta),
        top=float(result.beta.max()),
        x1=config.target_x1,
        x2=config.target_x2,
        plain=result.fits[("linear", False)].target_acc,
        weighted=result.fits[("linear", True)].target_acc,
    )
    table = src.drop(columns="panel").rename(columns={"true_beta": t("shift.true_beta"), "beta": "β"})
    return chart, alt_text, table


def distribution_chart(result: LabelShiftResult, q_y: np.ndarray, names: tuple[str, ...]) -> Chart:
    """p(y) of the target, our estimate, and the training q(y), class by class."""
    series = {t("shift.true_p"): result.true_p, t("shift.estimate"): result.estimate, t("shift.q_y"): q_y}
    rows = [
        {"class": names[k], "p": float(v), "series": s} for s, values in series.items() for k, v in enumerate(values)
    ]
    order = list(series)
    chart = (
        alt.Chart(pd.DataFrame(rows))
        .mark_bar(stroke=a11y.C.black, strokeWidth=1)
        .encode(
            x=alt.X("class:N", title=None, sort=list(names)),
            xOffset=alt.XOffset("series:N", sort=order),
            y=alt.Y("p:Q", title="p(y)"),
            color=alt.Color(
                "series:N",
                title=None,
                sort=order,
                scale=alt.Scale(domain=order, range=[TARGET, a11y.C.green, SOURCE]),
                legend=alt.Legend(orient="bottom"),
            ),
            strokeDash=alt.StrokeDash(
                "series:N", sort=order, scale=alt.Scale(domain=order, range=[[1, 0], [4, 2], [1, 2]]), legend=None
            ),
            tooltip=["class:N", "series:N", alt.Tooltip("p:Q", format=".3f")],
        )
        .properties(height=HEIGHT)
    )
    top = int(np.argmax(result.true_p))
    alt_text = t(
        "shift.alt_distribution",
        l1=result.l1_error,
        top=names[top],
        p=float(result.true_p[top]),
        est=float(result.estimate[top]),
    )
    table = pd.DataFrame({t("shift.true_class"): list(names), **{s: v for s, v in series.items()}})
    return chart, alt_text, table


def confusion_chart(confusion: np.ndarray, names: tuple[str, ...]) -> Chart:
    """C as a heat map (viridis): row i = true class, column j = predicted class, each row sums to 1."""
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
        color=alt.Color("c:Q", scale=alt.Scale(scheme=a11y.SEQUENTIAL, domain=[0, 1]), legend=None),
        tooltip=[
            alt.Tooltip("true:N", title=t("shift.true_class")),
            alt.Tooltip("pred:N", title=t("shift.pred_class")),
            alt.Tooltip("c:Q", format=".3f"),
        ],
    )
    # viridis runs from dark purple (0) to yellow (1): white text on the dark half, black on the light
    text = base.mark_text(fontSize=9).encode(
        text=alt.Text("c:Q", format=".2f"),
        color=alt.condition(alt.datum.c > 0.5, alt.value(a11y.C.black), alt.value("white")),
    )
    diag = np.diag(confusion)
    off = confusion - np.diag(diag)
    i, j = np.unravel_index(int(np.argmax(off)), off.shape)
    alt_text = t(
        "shift.alt_confusion",
        low=float(diag.min()),
        low_name=names[int(np.argmin(diag))],
        high=float(diag.max()),
        high_name=names[int(np.argmax(diag))],
        true=names[i],
        pred=names[j],
        c=float(off[i, j]),
    )
    table = pd.DataFrame(confusion, columns=list(names)).assign(**{t("shift.true_class"): list(names)})
    table = table[[t("shift.true_class"), *names]]
    return (heat + text).properties(height=HEIGHT + 40), alt_text, table


def concept_chart(result: ConceptResult) -> Chart:
    """Accuracy per round of the frozen and the updated model, and where their boundaries point."""
    frozen, updated, rule = t("shift.frozen"), t("shift.updated"), t("shift.rule")
    rounds = np.arange(len(result.rule_angle))
    acc = pd.concat(
        [
            pd.DataFrame({"round": rounds, "acc": result.frozen_acc, "model": frozen}),
            pd.DataFrame({"round": rounds, "acc": result.updated_acc, "model": updated}),
        ]
    )
    unwrapped = np.unwrap(result.updated_angle, period=360)
    angles = pd.concat(
        [
            pd.DataFrame({"round": rounds, "angle": result.rule_angle, "model": rule}),
            pd.DataFrame({"round": rounds, "angle": unwrapped, "model": updated}),
            pd.DataFrame({"round": rounds, "angle": result.frozen_angle, "model": frozen}),
        ]
    )
    domain = [frozen, updated, rule]
    colour = alt.Color(
        "model:N",
        title=None,
        scale=alt.Scale(domain=domain, range=[a11y.C.grey, a11y.C.green, a11y.C.black]),
        legend=alt.Legend(orient="bottom"),
    )
    dash = alt.StrokeDash("model:N", scale=alt.Scale(domain=domain, range=[[8, 4], [1, 0], [2, 2]]), legend=None)
    x = alt.X("round:Q", title=t("shift.round"))

    def panel(df: pd.DataFrame, field: str, title: str, scale: alt.Scale, fmt: str) -> alt.Chart:
        return (
            alt.Chart(df)
            .mark_line(point=True)
            .encode(
                x=x,
                y=alt.Y(f"{field}:Q", title=title, scale=scale),
                color=colour,
                strokeDash=dash,
                shape=alt.Shape(
                    "model:N", scale=alt.Scale(domain=domain, range=["square", "circle", "stroke"]), legend=None
                ),
                tooltip=["model:N", "round:Q", alt.Tooltip(f"{field}:Q", format=fmt)],
            )
            .properties(width=320, height=HEIGHT)
        )

    left = panel(acc, "acc", t("shift.round_accuracy"), alt.Scale(domain=[0, 1]), ".3f")
    right = panel(angles, "angle", t("shift.angle"), alt.Scale(zero=False), ".1f")
    chart = alt.hconcat(left, right).resolve_scale(color="shared")
    alt_text = t(
        "shift.alt_concept",
        rounds=len(rounds),
        f0=float(result.frozen_acc[0]),
        f1=float(result.frozen_acc[-1]),
        u0=float(result.updated_acc[0]),
        u1=float(result.updated_acc[-1]),
        rule=round(float(result.rule_angle[-1])),  # whole degrees, and never "-0"
        follow=round(float(unwrapped[-1])),
        frozen_angle=round(result.frozen_angle),
    )
    table = acc.pivot(index="round", columns="model", values="acc").reset_index()
    return chart, alt_text, table
