"""Altair charts of the 3.4 and 3.5 pages (loss curves, fitted polynomials, sweeps over a knob,
L1 against L2 weights), each with its text alternative and data table for ``a11y.chart``.

Every series has its own colour from the a11y palette AND its own dash and point shape, so no two
are told apart by colour alone. A chart builder returns (chart, alt text, data table): the alt text
is computed from the run on screen, in the learner's language, with its key numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import altair as alt
import numpy as np
import pandas as pd

from mlp_lab.experiments import fitting as exp
from mlp_lab.experiments import weight_decay as wd
from mlp_lab.ui.a11y import DASHES, SHAPES, C
from mlp_lab.ui.charts import COLOURS

LOG_FLOOR = 1e-12  # an exact fit has loss 0, which a log axis cannot show: drawn at this floor
HEIGHT = 340  # Streamlit fits title, axes and legend into this: the plot itself gets ~230 px
Shown = tuple[alt.TopLevelMixin, str, pd.DataFrame]  # (chart, alt text, data table)

# Train and test as everywhere in the app (solid / dashed); the other series get their own style.
STYLE: dict[str, tuple[str, list[int], str]] = {  # series -> (colour, dash, point shape)
    "train": (COLOURS["train_loss"], DASHES[0], SHAPES[0]),
    "test": (COLOURS["test_loss"], DASHES[1], SHAPES[1]),
    "val": (C.green, DASHES[2], SHAPES[2]),
    "kfold_train": (C.sky, DASHES[3], SHAPES[3]),
    "kfold_val": (C.purple, DASHES[4], SHAPES[4]),
    "exact_train": (C.sky, DASHES[3], SHAPES[3]),
    "exact_test": (C.purple, DASHES[4], SHAPES[4]),
    "truth": (C.black, DASHES[2], SHAPES[2]),
    "sgd": (C.green, DASHES[0], SHAPES[0]),
    "exact": (C.purple, DASHES[1], SHAPES[1]),
    "train_points": (COLOURS["train_loss"], DASHES[0], SHAPES[0]),
    "test_points": (COLOURS["test_loss"], DASHES[1], SHAPES[1]),
    "norm": (C.orange, DASHES[0], SHAPES[0]),
    "zeros": (C.purple, DASHES[0], SHAPES[3]),
}


def t(key: str, **fmt: object) -> str:
    from mlp_lab.ui.i18n import t as translate  # at call time: the session's language

    return translate(key, **fmt)


def name(series: str) -> str:
    common = {"train": "metric.train_loss", "test": "metric.test_loss"}
    return t(common.get(series, f"fit.series.{series}"))


def _encodings(series: list[str]) -> dict[str, alt.ChannelMixin]:
    """Colour, dash and shape by series, one legend (colour) standing for all three."""
    names = [name(s) for s in series]
    scale = {"domain": names}
    return {
        "color": alt.Color("series:N", title=None, scale=alt.Scale(**scale, range=[STYLE[s][0] for s in series]),
                           legend=alt.Legend(orient="bottom", columns=2, symbolStrokeWidth=2)),
        "strokeDash": alt.StrokeDash("series:N", scale=alt.Scale(**scale, range=[STYLE[s][1] for s in series]),
                                     legend=None),
        "shape": alt.Shape("series:N", scale=alt.Scale(**scale, range=[STYLE[s][2] for s in series]), legend=None),
    }  # fmt: skip


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
                rows.append({x_name: float(xv), "series": name(series), "value": max(v, LOG_FLOOR) if log else v})
    return pd.DataFrame(rows, columns=[x_name, "series", "value"])


def table(x_title: str, x: Sequence[float], columns: dict[str, Sequence[float]]) -> pd.DataFrame:
    """The chart's data, wide: one row per x, one column per series, in the learner's language."""
    return pd.DataFrame({x_title: list(x), **{name(s): [float(v) for v in vals] for s, vals in columns.items()}})


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
        .mark_line(point=alt.OverlayMarkDef(filled=True, size=40) if points else False)
        .encode(x=x, y=y, tooltip=tooltip, **_encodings(series))
        .properties(height=HEIGHT)
    )


def _marker(value: float, field: str, ordinal: bool = False, sort: list[float] | None = None) -> alt.Chart:
    """A dotted grey rule at the shown value (the slider's k, n or lambda)."""
    kind = "O" if ordinal else "Q"
    x = alt.X(f"{field}:{kind}", sort=sort) if sort is not None else alt.X(f"{field}:{kind}")
    return alt.Chart(pd.DataFrame({field: [value]})).mark_rule(strokeDash=DASHES[6], color=C.grey).encode(x=x)


def g(v: float) -> str:
    """A number for an alt text: 3 significant digits."""
    return f"{v:.3g}"


# --- loss curves (both pages) ----------------------------------------------------------------------


def loss_curves(train: np.ndarray, test: np.ndarray, title: str = "") -> Shown:
    """Train and test loss per epoch, log scale (what d2l's Animator draws)."""
    epochs = np.arange(1, len(train) + 1)
    df = _long("epoch", epochs, {"train": train, "test": test})
    x = alt.X("epoch:Q", title=t("chart.epoch"), scale=alt.Scale(domain=[1, max(2, len(train))]))
    chart = _lines(df, x, ["train", "test"], t("chart.loss"), title)
    text = t("fit.alt.curves", title=title, epochs=len(train), train0=g(train[0]), train1=g(train[-1]),
             test0=g(test[0]), test1=g(test[-1]))  # fmt: skip
    return chart, text, table(t("chart.epoch"), epochs, {"train": train, "test": test})


# --- the polynomial (3.4) ------------------------------------------------------------------------------


def fit_chart(sweep: exp.DegreeSweep, k: int, title: str = "") -> Shown:
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
        pd.DataFrame({"x": data.x_train, "value": data.y_train, "series": name("train_points")}),
        pd.DataFrame({"x": data.x_test, "value": data.y_test, "series": name("test_points")}),
    ])  # fmt: skip
    ys = np.concatenate([data.y_train, data.y_test])
    pad = 0.15 * float(ys.max() - ys.min() + 1e-9)
    y_scale = alt.Scale(domain=[float(ys.min()) - pad, float(ys.max()) + pad])  # wild fits leave the frame (clip)
    x = alt.X("x:Q", title=t("fit.x"), scale=alt.Scale(domain=[lo, hi]))
    y = alt.Y("value:Q", title=t("fit.y"), scale=y_scale)
    tip = [alt.Tooltip("series:N", title=t("chart.series")), alt.Tooltip("x:Q", format=".3f"),
           alt.Tooltip("value:Q", format=".3f", title=t("chart.value"))]  # fmt: skip
    # Two legends: the curves by colour and dash, the points by colour and shape.
    line_enc, dot_enc = _encodings(list(fits)), _encodings(["train_points", "test_points"])
    line_enc["color"]["legend"] = alt.Legend(orient="bottom", columns=1, symbolStrokeWidth=2)
    dot_enc["color"]["legend"] = alt.Legend(orient="bottom", columns=1)
    lines = (
        alt.Chart(curves)
        .mark_line(clip=True, strokeWidth=2)
        .encode(x=x, y=y, tooltip=tip, color=line_enc["color"], strokeDash=line_enc["strokeDash"])
    )
    dots = (
        alt.Chart(points)
        .mark_point(size=18, opacity=0.7, filled=True, clip=True)
        .encode(x=x, y=y, tooltip=tip, color=dot_enc["color"], shape=dot_enc["shape"])
    )
    test = sweep.final()[1]
    text = t("fit.alt.fit", k=k, n=len(data.x_train), m=len(data.x_test), lo=f"{lo:.1f}", hi=f"{hi:.1f}",
             test=g(test[k - 1]), exact=g(sweep.exact_test_loss[k - 1]))  # fmt: skip
    frame = table(t("fit.x"), grid, fits)
    chart = alt.layer(dots, lines, title=title).resolve_scale(
        color="independent", shape="independent", strokeDash="independent"
    )
    return chart.properties(height=HEIGHT), text, frame


def capacity_chart(sweep: exp.DegreeSweep, k: int) -> Shown:
    """Final train / test loss of SGD and least squares against the number of features (exercise 2)."""
    train, test = sweep.final()
    ks = np.arange(1, exp.MAX_DEGREE + 1)
    columns = {"train": train, "test": test, "exact_train": sweep.exact_train_loss, "exact_test": sweep.exact_test_loss}
    x = alt.X("k:Q", title=t("fit.capacity_x"), scale=alt.Scale(domain=[1, exp.MAX_DEGREE]))
    chart = _lines(_long("k", ks, columns), x, list(columns), t("fit.final_loss"), points=True)
    text = t("fit.alt.capacity", tr1=g(train[0]), tr4=g(train[3]), tr20=g(train[19]), te1=g(test[0]),
             te4=g(test[3]), te20=g(test[19]), ls4=g(sweep.exact_train_loss[3]),
             ls20=g(sweep.exact_train_loss[19]), lst4=g(sweep.exact_test_loss[3]),
             lst20=g(sweep.exact_test_loss[19]))  # fmt: skip
    return alt.layer(chart, _marker(k, "k")), text, table("k", ks, columns)


def validation_chart(sweep: exp.DegreeSweep, picked: int) -> Shown:
    """Training and validation loss against k (no test loss: the test set waits for the end)."""
    ks = np.arange(1, exp.MAX_DEGREE + 1)
    columns = {"train": sweep.train_loss[-1], "val": sweep.val_loss[-1]}
    x = alt.X("k:Q", title=t("fit.capacity_x"), scale=alt.Scale(domain=[1, exp.MAX_DEGREE]))
    chart = _lines(_long("k", ks, columns), x, list(columns), t("fit.final_loss"), points=True)
    val = sweep.val_loss[-1]
    text = t("fit.alt.validation", picked=picked, val=g(val[picked - 1]), train=g(sweep.train_loss[-1, picked - 1]),
             val1=g(val[0]), val20=g(val[-1]))  # fmt: skip
    return alt.layer(chart, _marker(picked, "k")), text, table("k", ks, columns)


def size_chart(result: exp.SizeSweep, n: int) -> Shown:
    columns = {"train": result.train_loss, "test": result.test_loss}
    ticks = [10, 20, 50, 100, 200, 500, 1000]
    x = alt.X("n:Q", title=t("fit.size_x"), scale=alt.Scale(type="log"), axis=alt.Axis(values=ticks, format="~g"))
    chart = _lines(_long("n", result.sizes, columns), x, ["train", "test"], t("fit.final_loss"), points=True)
    text = t("fit.alt.size", k=result.config.features, n0=result.sizes[0], n1=result.sizes[-1],
             train0=g(result.train_loss[0]), test0=g(result.test_loss[0]), train1=g(result.train_loss[-1]),
             test1=g(result.test_loss[-1]))  # fmt: skip
    return alt.layer(chart, _marker(n, "n")), text, table(t("fit.size_x"), result.sizes, columns)


def kfold_chart(kf: exp.KFold, sweep: exp.DegreeSweep, k: int) -> Shown:
    """Mean K-fold training and validation loss against k, beside the separate validation set's."""
    ks = np.arange(1, exp.MAX_DEGREE + 1)
    columns = {"kfold_train": kf.train_loss.mean(axis=0), "kfold_val": kf.mean_val, "val": sweep.val_loss[-1]}
    x = alt.X("k:Q", title=t("fit.capacity_x"), scale=alt.Scale(domain=[1, exp.MAX_DEGREE]))
    chart = _lines(_long("k", ks, columns), x, list(columns), t("fit.final_loss"), points=True)
    text = t("fit.alt.kfold", folds=kf.config.k_folds, picked=kf.picked_degree,
             val=g(kf.mean_val[kf.picked_degree - 1]), held=sweep.picked_by_validation)  # fmt: skip
    return alt.layer(chart, _marker(k, "k")), text, table("k", ks, columns)


def folds_chart(kf: exp.KFold, k: int) -> Shown:
    """Per fold: the k-feature model's train loss (on the other folds) and validation loss (on this one)."""
    folds = np.arange(1, kf.config.k_folds + 1)
    columns = {"train": kf.train_loss[:, k - 1], "val": kf.val_loss[:, k - 1]}
    # Bars need a zero baseline, which a log axis does not have: this one is linear.
    df = _long("fold", folds, columns, log=False)
    enc = _encodings(["train", "val"])
    chart = (
        alt.Chart(df, title=t("fit.folds_title", k=k))
        .mark_bar(strokeWidth=1.5, stroke=C.black)
        .encode(
            x=alt.X("fold:O", title=t("fit.fold"), axis=alt.Axis(labelAngle=0)),
            xOffset="series:N",
            y=alt.Y("value:Q", title=t("fit.loss_linear")),
            color=enc["color"],
            strokeDash=enc["strokeDash"],  # the bars' outlines: solid for training, dashed for validation
            tooltip=[
                alt.Tooltip("series:N", title=t("chart.series")),
                alt.Tooltip("fold:O", title=t("fit.fold")),
                alt.Tooltip("value:Q", format=".4g", title=t("chart.value")),
            ],
        )
        .properties(height=HEIGHT)
    )
    val = kf.val_loss[:, k - 1]
    text = t("fit.alt.folds", k=k, folds=len(folds), lo=g(np.nanmin(val)), hi=g(np.nanmax(val)),
             train=g(float(np.nanmean(kf.train_loss[:, k - 1]))))  # fmt: skip
    return chart, text, table(t("fit.fold"), folds, columns)


def d200_size_chart(sizes: Sequence[int], train: np.ndarray, test: np.ndarray, n: int, title: str) -> Shown:
    columns = {"train": train, "test": test}
    x = alt.X("n:Q", title=t("fit.size_x"), scale=alt.Scale(type="log"), axis=alt.Axis(values=list(sizes), format="~g"))
    chart = _lines(_long("n", sizes, columns), x, ["train", "test"], t("fit.final_loss"), title, points=True)
    peak = int(sizes[int(np.nanargmax(train))])
    text = t("fit.alt.d200", n0=sizes[0], n1=sizes[-1], train0=g(train[0]), test0=g(test[0]), train1=g(train[-1]),
             test1=g(test[-1]), peak=peak)  # fmt: skip
    return alt.layer(chart, _marker(n, "n")), text, table(t("fit.size_x"), sizes, columns)


# --- weight decay (3.5) --------------------------------------------------------------------------------


def by_lambda_chart(lambdas: Sequence[float], columns: dict[str, np.ndarray], lambd: float, y_title: str,
                    log: bool = True) -> alt.LayerChart:  # fmt: skip
    """Curves against the grid of lambdas, evenly spaced (it spans 0 and 0.01 to 100); the rule marks
    the grid value nearest to the slider's lambda."""
    df = _long("lambda", lambdas, columns, log=log)
    order = [float(v) for v in lambdas]
    x = alt.X("lambda:O", title="λ", sort=order, axis=alt.Axis(labelAngle=0, format="~g"))
    chart = _lines(df, x, list(columns), y_title, points=True, log=log)
    nearest = float(lambdas[int(np.argmin(np.abs(np.asarray(lambdas) - lambd)))])
    return alt.layer(chart, _marker(nearest, "lambda", ordinal=True, sort=order))


def sweep_loss_chart(runs: wd.WDRuns, lambd: float) -> Shown:
    grid = runs.lambdas
    columns = {"train": runs.train_loss[-1, 0], "test": runs.test_loss[-1, 0], "val": runs.val_loss[0]}
    chart = by_lambda_chart(grid, columns, lambd, t("wd.sweep_loss"))
    text = t("wd.alt.sweep_loss", count=len(grid), train0=g(columns["train"][0]), test0=g(columns["test"][0]),
             train1=g(columns["train"][-1]), test1=g(columns["test"][-1]), last=f"{grid[-1]:g}")  # fmt: skip
    return chart, text, table("λ", grid, columns)


def sweep_weights_chart(runs: wd.WDRuns, lambd: float, penalty: str) -> Shown:
    grid = runs.lambdas
    if penalty == "L2":
        columns = {"norm": runs.norms[0]}
        chart = by_lambda_chart(grid, columns, lambd, t("wd.sweep_norm"))
        text = t("wd.alt.sweep_norm", first=g(runs.norms[0, 0]), last=g(runs.norms[0, -1]), lambd=f"{grid[-1]:g}")
    else:
        columns = {"zeros": runs.zeros[0].astype(float)}
        chart = by_lambda_chart(grid, columns, lambd, t("wd.sweep_zeros"), log=False)
        text = t("wd.alt.sweep_zeros", first=int(runs.zeros[0, 0]), last=int(runs.zeros[0, -1]), lambd=f"{grid[-1]:g}")
    return chart, text, table("λ", grid, columns)


def sparse_chart(runs: wd.SparseRuns, seed: int, l1: float, l2: float) -> Shown:
    """The 200 weights of the L2 and the L1 model, one panel each; the features that matter are
    drawn as diamonds in another colour, the true weight as a dotted line."""
    idx = np.arange(1, wd.SPARSE_INPUTS + 1)
    matters = [t("wd.sparse_matters") if i <= wd.SPARSE_RELEVANT else t("wd.sparse_rest") for i in idx]
    panels = {t("wd.sparse_panel", penalty="L2", lambd=f"{l2:g}"): runs.w(seed, "L2", l2),
              t("wd.sparse_panel", penalty="L1", lambd=f"{l1:g}"): runs.w(seed, "L1", l1)}  # fmt: skip
    frames = [pd.DataFrame({"feature": idx, "weight": w.astype(float), "kind": matters, "panel": p})
              for p, w in panels.items()]  # fmt: skip
    df = pd.concat(frames)
    kinds = [t("wd.sparse_matters"), t("wd.sparse_rest")]
    tooltip = [alt.Tooltip("feature:Q", title=t("wd.sparse_x")),
               alt.Tooltip("weight:Q", format=".4f", title=t("wd.sparse_y")),
               alt.Tooltip("kind:N", title=" ")]  # fmt: skip
    colour = alt.Color("kind:N", title=None, scale=alt.Scale(domain=kinds, range=[C.vermillion, C.blue]),
                       legend=alt.Legend(orient="bottom"))  # fmt: skip
    points = (
        alt.Chart()
        .mark_point(filled=True)
        .encode(
            x=alt.X("feature:Q", title=t("wd.sparse_x"), scale=alt.Scale(domain=[0, wd.SPARSE_INPUTS + 1])),
            y=alt.Y("weight:Q", title=t("wd.sparse_y")),
            color=colour,
            shape=alt.Shape("kind:N", scale=alt.Scale(domain=kinds, range=[SHAPES[3], SHAPES[0]]), legend=None),
            size=alt.Size("kind:N", scale=alt.Scale(domain=kinds, range=[110, 28]), legend=None),
            tooltip=tooltip,
        )
    )
    truth = alt.Chart().mark_rule(strokeDash=DASHES[6], color=C.grey).encode(y=alt.datum(wd.SPARSE_W))
    chart = (
        alt.layer(points, truth, data=df)
        .properties(height=200, width=560)
        .facet(row=alt.Row("panel:N", title=None, sort=list(panels)))
    )
    v = runs.verdict(seed, l1, l2)
    text = t("wd.alt.sparse", l1=f"{l1:g}", l2=f"{l2:g}", share1=v.share_l1, share2=v.share_l2, zeros1=v.zeros_l1,
             zeros2=v.zeros_l2, rest=wd.SPARSE_INPUTS - wd.SPARSE_RELEVANT, k=wd.SPARSE_RELEVANT)  # fmt: skip
    frame = pd.DataFrame({t("wd.sparse_x"): idx, **{p: w.astype(float) for p, w in panels.items()}})
    return chart, text, frame
