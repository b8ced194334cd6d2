"""Altair charts of the 3.4 and 3.5 pages: loss curves, fitted polynomials, sweeps over a knob."""

from __future__ import annotations

import math
from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from mlp_lab.experiments import fitting as exp
from mlp_lab.ui.charts import COLOURS
from mlp_lab.ui.i18n import t

LOG_FLOOR = 1e-12  # an exact fit has loss 0, which a log axis cannot show: drawn at this floor
# Train and test as everywhere in the app; the other series get their own fixed colours.
SERIES_COLOURS = {
    "train": COLOURS["train_loss"],
    "test": COLOURS["test_loss"],
    "val": "#d62728",
    "kfold_val": "#d62728",
    "kfold_train": "#17becf",
    "truth": "#2ca02c",
    "sgd": "#ff7f0e",
    "exact": "#8c564b",
    "exact_train": "#bcbd22",
    "exact_test": "#8c564b",
    "train_points": COLOURS["train_loss"],
    "test_points": COLOURS["test_loss"],
    "norm": "#ff7f0e",
    "zeros": "#8c564b",
}
HEIGHT = 340  # Streamlit fits title, axes and legend into this: the plot itself gets ~230 px


def _name(series: str) -> str:
    common = {"train": "metric.train_loss", "test": "metric.test_loss"}
    return t(common.get(series, f"fit.series.{series}"))


def _colour(series: list[str]) -> alt.Color:
    names = [_name(s) for s in series]
    return alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=names, range=[SERIES_COLOURS[s] for s in series]),
        legend=alt.Legend(orient="right"),
    )


def _log_y(df: pd.DataFrame, title: str) -> alt.Y:
    """A log axis with grid lines at whole decades only (the default draws one at every 2..9 too)."""
    values = df["value"] if len(df) else pd.Series([1.0])
    lo, hi = math.floor(math.log10(values.min())), math.ceil(math.log10(values.max()))
    step = max(1, (hi - lo) // 6)
    decades = [10.0**e for e in range(lo, hi + 1, step)]
    return alt.Y("value:Q", title=title, scale=alt.Scale(type="log"), axis=alt.Axis(values=decades, format="~g"))


def _long(x_name: str, x: Sequence[float], columns: dict[str, Sequence[float]], log: bool = True) -> pd.DataFrame:
    """Tidy rows (x, series, value), non-finite values dropped, zeros lifted to the log floor."""
    rows = []
    for series, values in columns.items():
        for xv, v in zip(x, values, strict=True):
            v = float(v)
            if math.isfinite(v):
                rows.append({x_name: float(xv), "series": _name(series), "value": max(v, LOG_FLOOR) if log else v})
    return pd.DataFrame(rows, columns=[x_name, "series", "value"])


def _lines(
    df: pd.DataFrame, x: alt.X, series: list[str], y_title: str, title: str = "", points: bool = False, log: bool = True
) -> alt.Chart:
    x_spec = x.to_dict()
    tooltip = [alt.Tooltip("series:N", title=t("chart.series")),
               alt.Tooltip(f"{x_spec['field']}:Q", format=".4g", title=x_spec.get("title")),
               alt.Tooltip("value:Q", format=".4g", title=t("chart.value"))]  # fmt: skip
    y = _log_y(df, y_title) if log else alt.Y("value:Q", title=y_title, scale=alt.Scale(zero=True))
    return (
        alt.Chart(df, title=title)
        .mark_line(point=points)
        .encode(x=x, y=y, color=_colour(series), tooltip=tooltip)
        .properties(height=HEIGHT)
    )


def loss_curves(train: np.ndarray, test: np.ndarray, title: str = "") -> alt.Chart:
    """Train and test loss per epoch, log scale (what d2l's Animator draws)."""
    epochs = np.arange(1, len(train) + 1)
    df = _long("epoch", epochs, {"train": train, "test": test})
    x = alt.X("epoch:Q", title=t("chart.epoch"), scale=alt.Scale(domain=[1, max(2, len(train))]))
    return _lines(df, x, ["train", "test"], t("chart.loss"), title)


def fit_chart(sweep: exp.DegreeSweep, k: int, title: str = "") -> alt.LayerChart:
    """The training and test points, the true cubic, and the k-feature SGD and least-squares fits."""
    data = sweep.data
    xs = np.concatenate([data.x_train, data.x_test])
    lo, hi = float(xs.min()) - 0.2, float(xs.max()) + 0.2
    grid = np.linspace(lo, hi, 200)
    feats = exp.poly_features(grid, k)
    sgd, exact = feats @ sweep.weights[k - 1, :k], feats @ sweep.exact[k - 1, :k]
    fits = {"truth": exp.true_curve(grid), "sgd": sgd, "exact": exact}
    curves = _long("x", grid, fits, log=False)
    points = pd.concat([
        pd.DataFrame({"x": data.x_train, "value": data.y_train, "series": _name("train_points")}),
        pd.DataFrame({"x": data.x_test, "value": data.y_test, "series": _name("test_points")}),
    ])  # fmt: skip
    ys = np.concatenate([data.y_train, data.y_test])
    pad = 0.15 * float(ys.max() - ys.min() + 1e-9)
    y_scale = alt.Scale(domain=[float(ys.min()) - pad, float(ys.max()) + pad])  # wild fits leave the frame (clip)
    colour = _colour(["truth", "sgd", "exact", "train_points", "test_points"])
    x = alt.X("x:Q", title=t("fit.x"), scale=alt.Scale(domain=[lo, hi]))
    y = alt.Y("value:Q", title=t("fit.y"), scale=y_scale)
    tip = [alt.Tooltip("series:N", title=t("chart.series")), alt.Tooltip("x:Q", format=".3f"),
           alt.Tooltip("value:Q", format=".3f", title=t("chart.value"))]  # fmt: skip
    lines = alt.Chart(curves).mark_line(clip=True).encode(x=x, y=y, color=colour, tooltip=tip)
    dots = alt.Chart(points).mark_circle(size=22, opacity=0.6, clip=True).encode(x=x, y=y, color=colour, tooltip=tip)
    return alt.layer(lines, dots, title=title).properties(height=HEIGHT)


def _marker(value: float, field: str) -> alt.Chart:
    return alt.Chart(pd.DataFrame({field: [value]})).mark_rule(strokeDash=[4, 3], color="#888").encode(x=f"{field}:Q")


def capacity_chart(sweep: exp.DegreeSweep, k: int) -> alt.LayerChart:
    """Final train / test loss (and least squares' test loss) against the number of features."""
    train, test = sweep.final()
    ks = np.arange(1, exp.MAX_DEGREE + 1)
    columns = {"train": train, "test": test, "exact_train": sweep.exact_train_loss, "exact_test": sweep.exact_test_loss}
    df = _long("k", ks, columns)
    x = alt.X("k:Q", title=t("fit.capacity_x"), scale=alt.Scale(domain=[1, exp.MAX_DEGREE]))
    chart = _lines(df, x, list(columns), t("fit.final_loss"), points=True)
    return alt.layer(chart, _marker(k, "k"))


def size_chart(result: exp.SizeSweep, n: int) -> alt.LayerChart:
    df = _long("n", result.sizes, {"train": result.train_loss, "test": result.test_loss})
    ticks = [10, 20, 50, 100, 200, 500, 1000]
    x = alt.X("n:Q", title=t("fit.size_x"), scale=alt.Scale(type="log"), axis=alt.Axis(values=ticks, format="~g"))
    return alt.layer(_lines(df, x, ["train", "test"], t("fit.final_loss"), points=True), _marker(n, "n"))


def kfold_chart(kf: exp.KFold, sweep: exp.DegreeSweep, k: int) -> alt.LayerChart:
    """Mean K-fold validation loss against k, beside the test loss the test set would use."""
    ks = np.arange(1, exp.MAX_DEGREE + 1)
    columns = {"kfold_train": kf.train_loss.mean(axis=0), "kfold_val": kf.mean_val, "test": sweep.final()[1]}
    df = _long("k", ks, columns)
    x = alt.X("k:Q", title=t("fit.capacity_x"), scale=alt.Scale(domain=[1, exp.MAX_DEGREE]))
    chart = _lines(df, x, list(columns), t("fit.final_loss"), points=True)
    return alt.layer(chart, _marker(k, "k"))


def folds_chart(kf: exp.KFold, k: int) -> alt.Chart:
    """Per fold: the k-feature model's train loss (on the other folds) and validation loss (on this one)."""
    folds = np.arange(1, kf.config.k_folds + 1)
    # Bars need a zero baseline, which a log axis does not have: this one is linear.
    df = _long("fold", folds, {"train": kf.train_loss[:, k - 1], "val": kf.val_loss[:, k - 1]}, log=False)
    series = ["train", "val"]
    return (
        alt.Chart(df, title=t("fit.folds_title", k=k))
        .mark_bar()
        .encode(
            x=alt.X("fold:O", title=t("fit.fold"), axis=alt.Axis(labelAngle=0)),
            xOffset="series:N",
            y=alt.Y("value:Q", title=t("fit.loss_linear")),
            color=_colour(series),
            tooltip=[
                alt.Tooltip("series:N", title=t("chart.series")),
                alt.Tooltip("fold:O", title=t("fit.fold")),
                alt.Tooltip("value:Q", format=".4g", title=t("chart.value")),
            ],
        )
        .properties(height=HEIGHT)
    )


def by_size_chart(sizes: Sequence[int], train: np.ndarray, test: np.ndarray, n: int, title: str) -> alt.LayerChart:
    df = _long("n", sizes, {"train": train, "test": test})
    x = alt.X("n:Q", title=t("fit.size_x"), scale=alt.Scale(type="log"), axis=alt.Axis(values=list(sizes), format="~g"))
    return alt.layer(_lines(df, x, ["train", "test"], t("fit.final_loss"), title, points=True), _marker(n, "n"))


def by_lambda_chart(lambdas: Sequence[float], columns: dict[str, np.ndarray], lambd: float, y_title: str,
                    log: bool = True) -> alt.LayerChart:  # fmt: skip
    """Curves against the grid of lambdas, evenly spaced (it spans 0 and 0.01 to 100); the rule marks
    the grid value nearest to the slider's lambda."""
    df = _long("lambda", lambdas, columns, log=log)
    x = alt.X("lambda:O", title="λ", sort=[float(v) for v in lambdas], axis=alt.Axis(labelAngle=0, format="~g"))
    chart = _lines(df, x, list(columns), y_title, points=True, log=log)
    nearest = float(lambdas[int(np.argmin(np.abs(np.asarray(lambdas) - lambd)))])
    rule = alt.Chart(pd.DataFrame({"lambda": [nearest]})).mark_rule(strokeDash=[4, 3], color="#888")
    return alt.layer(chart, rule.encode(x=alt.X("lambda:O", sort=[float(v) for v in lambdas])))
