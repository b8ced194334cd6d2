"""Altair charts of the stability page (3.8): sigmoid, vanishing and exploding products, number
formats, symmetry, variances, training. Each builder returns the chart, its text alternative
(computed from the result, in the learner's language, with its key numbers) and its data as a table,
for ``a11y.chart``. Colours come from ``mlp_lab.ui.a11y``; every series has its own dash as well."""

from __future__ import annotations

import math

import altair as alt
import numpy as np
import pandas as pd

from mlp_lab.experiments.stability import (
    FLOAT16_MAX_LOG10,
    FLOAT16_TINY_LOG10,
    FLOAT32_MAX_LOG10,
    FLOAT32_TINY_LOG10,
    FORMATS,
    LayerVarianceResult,
    MatrixProductResult,
    PrecisionResult,
    SigmoidCurve,
    SymmetryRun,
    VanishingResult,
    depth_ratio,
)
from mlp_lab.training import TrainResult
from mlp_lab.ui import a11y
from mlp_lab.ui.i18n import t

Chart = tuple[alt.TopLevelMixin, str, pd.DataFrame]

# One colour and one dash per initialisation scheme, activation and number format, everywhere on the page.
SCHEMES = ("normal", "normal1", "xavier_normal", "xavier_uniform", "kaiming", "constant")
SCHEME_COLOURS = dict(zip(SCHEMES, a11y.PALETTE, strict=False))
SCHEME_DASHES = {s: list(d) for s, d in zip(SCHEMES, a11y.DASHES, strict=False)}
ACTS = ("sigmoid", "tanh", "relu", "linear", "sigmoid4")
ACT_COLOURS = dict(zip(ACTS, (a11y.C.purple, a11y.C.green, a11y.C.orange, a11y.C.blue, a11y.C.vermillion), strict=True))
ACT_DASHES = {a: list(d) for a, d in zip(ACTS, a11y.DASHES, strict=False)}
FORMAT_COLOURS = {"float16": a11y.C.vermillion, "float32": a11y.C.blue, "float64": a11y.C.black}
FORMAT_DASHES = {"float16": list(a11y.DASHES[0]), "float32": list(a11y.DASHES[1]), "float64": list(a11y.DASHES[2])}
FORWARD, BACKWARD = a11y.C.blue, a11y.C.vermillion
HEIGHT = 260


def _colour(field: str, domain: list[str], colours: dict[str, str], title: str | None = None) -> alt.Color:
    return alt.Color(
        f"{field}:N",
        title=title,
        scale=alt.Scale(domain=domain, range=[colours[d] for d in domain]),
        legend=alt.Legend(orient="bottom", labelLimit=400),
    )


def _dash(field: str, domain: list[str], dashes: dict[str, list[int]]) -> alt.StrokeDash:
    return alt.StrokeDash(f"{field}:N", scale=alt.Scale(domain=domain, range=[dashes[d] for d in domain]), legend=None)


def sigmoid_chart(curve: SigmoidCurve) -> Chart:
    """The book's figure: sigmoid and its gradient, which never exceeds 1/4."""
    names = (t("stability.sigmoid"), t("stability.sigmoid_grad"))
    table = pd.DataFrame({"x": curve.x, names[0]: curve.value, names[1]: curve.grad})
    rows = table.melt(id_vars="x", var_name="series", value_name="y")
    chart = (
        alt.Chart(rows)
        .mark_line()
        .encode(
            x=alt.X("x:Q", title="x"),
            y=alt.Y("y:Q", title=None),
            color=_colour("series", list(names), dict(zip(names, (a11y.C.blue, a11y.C.vermillion), strict=True))),
            strokeDash=_dash("series", list(names), dict(zip(names, ([1, 0], [6, 3]), strict=True))),
            tooltip=[
                alt.Tooltip("series:N", title=t("chart.series")),
                alt.Tooltip("x:Q", format=".1f"),
                alt.Tooltip("y:Q", format=".4f", title=t("chart.value")),
            ],
        )
        .properties(height=HEIGHT)
    )
    top = int(np.argmax(curve.grad))
    small = np.abs(curve.x[curve.grad >= 0.01])
    alt_text = t(
        "stability.alt_sigmoid",
        lo=float(curve.value[0]),
        hi=float(curve.value[-1]),
        x0=float(curve.x[0]),
        x1=float(curve.x[-1]),
        top=float(curve.grad[top]),
        at=abs(float(curve.x[top])),
        far=float(small.max()) if small.size else 0.0,
    )
    return chart, alt_text, table


def vanishing_chart(result: VanishingResult) -> Chart:
    """RMS gradient of the first layer's weights against the depth of the stack (log scale)."""
    acts = list(result.first_layer_grad)
    table = pd.DataFrame({t("stability.depth_axis"): result.depths, **result.first_layer_grad})
    rows = [
        {"depth": int(d), "grad": float(g), "activation": act}
        for act, grads in result.first_layer_grad.items()
        for d, g in zip(result.depths, grads, strict=True)
        if g > 0 and math.isfinite(g)
    ]
    chart = (
        alt.Chart(pd.DataFrame(rows))
        .mark_line(point=True)
        .encode(
            x=alt.X("depth:Q", title=t("stability.depth_axis"), axis=alt.Axis(tickMinStep=1)),
            y=alt.Y("grad:Q", title=t("stability.grad_axis"), scale=alt.Scale(type="log"), axis=alt.Axis(format=".0e")),
            color=_colour("activation", acts, ACT_COLOURS, t("stability.activation")),
            strokeDash=_dash("activation", acts, ACT_DASHES),
            shape=alt.Shape(
                "activation:N", scale=alt.Scale(domain=acts, range=list(a11y.SHAPES[: len(acts)])), legend=None
            ),
            tooltip=["activation:N", "depth:Q", alt.Tooltip("grad:Q", format=".3e", title=t("stability.grad_axis"))],
        )
        .properties(height=HEIGHT)
    )
    parts = t("stability.sep").join(
        t("stability.alt_vanish_part", act=a, first=float(g[0]), last=float(g[-1]), ratio=depth_ratio(result, a))
        for a, g in result.first_layer_grad.items()
    )
    return chart, t("stability.alt_vanish", depth=int(result.depths[-1]), parts=parts), table


def _limit_rules(limits: list[tuple[float, str]], y_field: str) -> alt.LayerChart:
    df = pd.DataFrame([{y_field: v, "label": label} for v, label in limits])
    base = alt.Chart(df)
    rule = base.mark_rule(strokeDash=[4, 4], color=a11y.C.grey).encode(y=f"{y_field}:Q")
    text = base.mark_text(align="left", dx=4, dy=-6, color=a11y.C.grey).encode(
        y=f"{y_field}:Q", x=alt.value(0), text="label:N"
    )
    return rule + text


def product_chart(result: MatrixProductResult) -> Chart:
    """log10 of the product's norm after k matrices, with the limits of float32 drawn in."""
    k = np.arange(len(result.log10_norm))
    df = pd.DataFrame({"k": k, "log10": result.log10_norm})
    lo = min(float(df["log10"].min()), FLOAT32_TINY_LOG10) - 5
    hi = max(float(df["log10"].max()), FLOAT32_MAX_LOG10) + 5
    line = (
        alt.Chart(df)
        .mark_line(color=a11y.C.vermillion)
        .encode(
            x=alt.X("k:Q", title=t("stability.count_axis")),
            y=alt.Y("log10:Q", title=t("stability.norm_axis"), scale=alt.Scale(domain=[lo, hi])),
            tooltip=[alt.Tooltip("k:Q", title=t("stability.count_axis")), alt.Tooltip("log10:Q", format=".2f")],
        )
    )
    rules = _limit_rules(
        [(FLOAT32_MAX_LOG10, t("stability.f32_max")), (FLOAT32_TINY_LOG10, t("stability.f32_tiny"))], "log10"
    )
    alt_text = t(
        "stability.alt_product",
        first=float(result.log10_norm[0]),
        last=float(result.log10_norm[-1]),
        count=int(k[-1]),
        per=result.growth_per_matrix,
    )
    table = df.rename(columns={"k": t("stability.count_axis"), "log10": t("stability.norm_axis")})
    return (line + rules).properties(height=HEIGHT), alt_text, table


def growth_chart(result: MatrixProductResult) -> Chart:
    """log10 growth per matrix against sigma: a straight line through 0 at the stable scale."""
    sigmas = np.logspace(-3, 2, 60)
    df = pd.DataFrame({"sigma": sigmas, "growth": result.growth_at_unit_sigma + np.log10(sigmas)})
    n = result.config.size
    sqrt_n = 1 / math.sqrt(n)
    labels = [t("stability.stable_measured", sigma=result.stable_sigma), t("stability.stable_sqrt", n=n, sigma=sqrt_n)]
    marks = pd.DataFrame({"sigma": [result.stable_sigma, sqrt_n], "label": labels})
    x = alt.X("sigma:Q", title="σ", scale=alt.Scale(type="log"), axis=alt.Axis(format="~g"))
    line = (
        alt.Chart(df)
        .mark_line(color=a11y.C.black)
        .encode(
            x=x,
            y=alt.Y("growth:Q", title=t("stability.growth_axis")),
            tooltip=[alt.Tooltip("sigma:Q", format=".3g"), alt.Tooltip("growth:Q", format=".3f")],
        )
    )
    zero = alt.Chart(pd.DataFrame({"growth": [0.0]})).mark_rule(color=a11y.C.grey).encode(y="growth:Q")
    rules = (
        alt.Chart(marks)
        .mark_rule()
        .encode(
            x=x,
            color=_colour("label", labels, dict(zip(labels, (a11y.C.green, a11y.C.purple), strict=True))),
            strokeDash=_dash("label", labels, dict(zip(labels, ([6, 3], [2, 2]), strict=True))),
        )
    )
    here = pd.DataFrame({"sigma": [result.config.sigma], "growth": [result.growth_per_matrix]})
    point = (
        alt.Chart(here)
        .mark_point(size=120, filled=True, color=a11y.C.vermillion)
        .encode(
            x=x, y="growth:Q", tooltip=[alt.Tooltip("sigma:Q", format=".3g"), alt.Tooltip("growth:Q", format=".3f")]
        )
    )
    alt_text = t(
        "stability.alt_growth",
        stable=result.stable_sigma,
        n=n,
        sqrt=1 / math.sqrt(n),
        sigma=result.config.sigma,
        growth=result.growth_per_matrix,
    )
    table = df.rename(columns={"sigma": "σ", "growth": t("stability.growth_axis")})
    return (line + zero + rules + point).properties(height=HEIGHT), alt_text, table


def _finite(values: np.ndarray) -> np.ndarray:
    return np.where(np.isfinite(values), values, np.nan)


def _give_ups(df: pd.DataFrame, x: str, label: dict[str, str]) -> pd.DataFrame:
    """Per format that gave up, its last finite point and what came next ("→ inf" or "→ 0")."""
    rows = []
    for fmt, text in label.items():
        finite = df[(df["format"] == fmt) & df["log10"].notna()]
        if len(finite):
            last = finite.iloc[-1]
            rows.append({x: last[x], "log10": last["log10"], "format": fmt, "label": f"{fmt} {text}"})
    return pd.DataFrame(rows, columns=[x, "log10", "format", "label"])


def precision_chart(result: PrecisionResult) -> Chart:
    """Left: log10 of the product's largest entry in each format; right: log10 of the largest gradient
    reaching each layer of the sigmoid stack. A line ends where its format gave inf (left) or 0 (right),
    marked with a point and "→ inf" / "→ 0"; float16 is drawn last and thickest, on top of the others."""
    fmts = list(FORMATS)
    k = np.arange(result.config.count + 1)
    layers = np.arange(result.config.depth, 0, -1)
    product = pd.concat([pd.DataFrame({"k": k, "log10": _finite(result.product_log10[f]), "format": f}) for f in fmts])
    grads = pd.concat(
        [pd.DataFrame({"layer": layers, "log10": _finite(result.grad_log10[f]), "format": f}) for f in fmts]
    )
    colour = _colour("format", fmts, FORMAT_COLOURS)
    dash = _dash("format", fmts, FORMAT_DASHES)
    order = alt.Order("rank:Q")  # float64 first, float16 last (on top)

    def panel(
        df: pd.DataFrame, ends: pd.DataFrame, x: alt.X, title: str, limits: list[tuple[float, str]]
    ) -> alt.LayerChart:
        ranked = df.dropna().assign(rank=lambda d: d["format"].map({f: -i for i, f in enumerate(fmts)}))
        line = (
            alt.Chart(ranked)
            .mark_line()
            .encode(
                x=x,
                y=alt.Y("log10:Q", title=title),
                color=colour,
                strokeDash=dash,
                strokeWidth=alt.StrokeWidth("format:N", scale=alt.Scale(domain=fmts, range=[3, 1.5, 1.5]), legend=None),
                detail="format:N",
                order=order,
                tooltip=["format:N", x.shorthand, alt.Tooltip("log10:Q", format=".2f")],
            )
        )
        marks = alt.Chart(ends).encode(x=x, y="log10:Q", color=colour)
        points = marks.mark_point(size=70, filled=True, shape="diamond")
        # "float16 → inf" above the limit's own label, which sits just over its rule
        words = marks.mark_text(align="left", dx=6, dy=-22, fontWeight="bold").encode(text="label:N")
        return (line + points + words + _limit_rules(limits, "log10")).properties(width=320, height=HEIGHT)

    left = panel(
        product,
        _give_ups(
            product,
            "k",
            {
                f: ("→ inf" if result.overflow_at(f) is not None else "→ 0")
                for f in fmts
                if result.overflow_at(f) is not None or result.product_underflow_at(f) is not None
            },
        ),
        alt.X("k:Q", title=t("stability.count_axis")),
        t("stability.entry_axis"),
        [(FLOAT16_MAX_LOG10, t("stability.f16_max")), (FLOAT32_MAX_LOG10, t("stability.f32_max"))],
    )
    right = panel(
        grads,
        _give_ups(grads, "layer", {f: "→ 0" for f in fmts if result.underflow_layer(f) is not None}),
        alt.X("layer:Q", title=t("stability.layer_from_input"), scale=alt.Scale(reverse=True)),
        t("stability.grad_max_axis"),
        [(FLOAT16_TINY_LOG10, t("stability.f16_tiny"))],
    )
    chart = alt.hconcat(left, right).resolve_scale(color="shared", strokeDash="shared")
    return chart, precision_alt(result), pd.concat([product.assign(study="product"), grads.assign(study="gradient")])


def precision_parts(result: PrecisionResult, fmt: str) -> tuple[str, str]:
    """For one format: where the product overflowed or hit 0 (or its size at the end), and where the
    gradient hit 0 (or its size at layer 1)."""
    over, zero, layer = result.overflow_at(fmt), result.product_underflow_at(fmt), result.underflow_layer(fmt)
    if over is not None:
        product = t("stability.fmt_inf", fmt=fmt, k=over)
    elif zero is not None:
        product = t("stability.fmt_zero_at", fmt=fmt, k=zero)
    else:
        product = t("stability.fmt_holds", fmt=fmt, value=float(result.product_log10[fmt][-1]), k=result.config.count)
    if layer is not None:
        grad = t("stability.fmt_grad_zero", fmt=fmt, layer=layer)
    else:
        grad = t("stability.fmt_grad_holds", fmt=fmt, value=float(result.grad_log10[fmt][-1]))
    return product, grad


def precision_alt(result: PrecisionResult) -> str:
    """Per format: the product's fate and the gradient's, the chart's key numbers in words."""
    parts = {f: precision_parts(result, f) for f in FORMATS}
    return t(
        "stability.alt_precision",
        count=result.config.count,
        depth=result.config.depth,
        products=t("stability.sep").join(p for p, _ in parts.values()),
        grads=t("stability.sep").join(g for _, g in parts.values()),
    )


def symmetry_chart(run: SymmetryRun, label: str) -> Chart:
    """Each hidden unit's weight from the centre pixel over the SGD steps (equal units: one line)."""
    steps, units = run.tracked.shape
    names = [t("stability.unit", i=u + 1) for u in range(units)]
    table = pd.DataFrame(run.tracked, columns=names).rename_axis(t("stability.step_axis")).reset_index()
    rows = table.melt(id_vars=t("stability.step_axis"), var_name="unit", value_name="weight")
    rows = rows.rename(columns={t("stability.step_axis"): "step"})
    dashes = {n: list(a11y.DASHES[i % len(a11y.DASHES)]) for i, n in enumerate(names)}
    colours = {n: a11y.PALETTE[i % len(a11y.PALETTE)] for i, n in enumerate(names)}
    chart = (
        alt.Chart(rows)
        .mark_line(opacity=0.85)
        .encode(
            x=alt.X("step:Q", title=t("stability.step_axis")),
            y=alt.Y("weight:Q", title=t("stability.weight_axis"), scale=alt.Scale(zero=False)),
            color=_colour("unit", names, colours),
            strokeDash=_dash("unit", names, dashes),
            tooltip=["unit:N", "step:Q", alt.Tooltip("weight:Q", format=".6f")],
        )
        .properties(height=HEIGHT + 40)
    )
    ends = ", ".join(f"{v:.5f}" for v in run.tracked[-1])
    alt_text = t(
        "stability.alt_symmetry",
        run=label,
        units=units,
        steps=steps - 1,
        start=float(run.tracked[0, 0]),
        ends=ends,
        spread=run.final_spread,
    )
    return chart, alt_text, table


def unit_alts(run: SymmetryRun, label: str, steps: int) -> list[str]:
    """One text alternative per unit image: its weights' range and how far it is from unit 1."""
    W = run.final_W1
    return [
        t(
            "stability.alt_unit",
            run=label,
            i=u + 1,
            steps=steps,
            lo=float(W[:, u].min()),
            hi=float(W[:, u].max()),
            diff=float(np.abs(W[:, u] - W[:, 0]).max()),
        )
        for u in range(W.shape[1])
    ]


def variance_chart(result: LayerVarianceResult) -> Chart:
    """Var of activations (forward) and gradients (backward) per layer, log scale; dashed: the theory."""
    rows = []
    names = {"forward": t("stability.forward"), "backward": t("stability.backward")}
    values = {"forward": result.forward_var, "backward": result.backward_var}
    for direction, name in names.items():
        theory = result.theory(direction)
        for layer, v in enumerate(values[direction]):
            expected = float(theory[layer]) if theory is not None else float("nan")
            rows.append({"layer": layer, "var": float(v), "theory": expected, "series": name})
    df = pd.DataFrame(rows)
    domain = list(names.values())
    x = alt.X("layer:Q", title=t("stability.layer_axis"), axis=alt.Axis(tickMinStep=1))
    colour = _colour("series", domain, dict(zip(domain, (FORWARD, BACKWARD), strict=True)))
    log_y = alt.Scale(type="log")
    measured = df[np.isfinite(df["var"]) & (df["var"] > 0)]
    lines = (
        alt.Chart(measured)
        .mark_line(point=True)
        .encode(
            x=x,
            y=alt.Y("var:Q", title=t("stability.var_axis"), scale=log_y, axis=alt.Axis(format=".0e")),
            color=colour,
            shape=alt.Shape("series:N", scale=alt.Scale(domain=domain, range=["circle", "square"]), legend=None),
            tooltip=["series:N", "layer:Q", alt.Tooltip("var:Q", format=".3e"), alt.Tooltip("theory:Q", format=".3e")],
        )
    )
    expected = df[np.isfinite(df["theory"]) & (df["theory"] > 0)]
    theory = alt.Chart(expected).mark_line(strokeDash=[6, 4], opacity=0.8).encode(x=x, y="theory:Q", color=colour)
    depth = result.config.depth
    theory_part = (
        t("stability.alt_theory", gain=result.gain_per_layer) if result.gain_per_layer else t("stability.alt_no_theory")
    )
    alt_text = t(
        "stability.alt_variance",
        depth=depth,
        f0=float(result.forward_var[0]),
        f1=float(result.forward_var[-1]),
        b1=float(result.backward_var[-1]),
        b0=float(result.backward_var[0]),
        theory=theory_part,
    )
    table = pd.DataFrame(
        {
            t("stability.layer_axis"): np.arange(depth + 1),
            names["forward"]: result.forward_var,
            names["backward"]: result.backward_var,
        }
    )
    return (theory + lines).properties(height=HEIGHT + 40), alt_text, table


def _histogram_std(edges: np.ndarray, counts: np.ndarray) -> float:
    mids = (edges[:-1] + edges[1:]) / 2
    total = counts.sum()
    if total == 0:
        return 0.0
    mean = float((mids * counts).sum() / total)
    return float(np.sqrt((counts * (mids - mean) ** 2).sum() / total))


def histogram_chart(result: LayerVarianceResult) -> Chart:
    """Histograms of activations (forward) and gradients (backward) after 1, half and all the layers."""
    rows, order, spreads = [], [], {"forward": [], "backward": []}
    # Forward panels on the first row, backward on the second, each by layers travelled.
    for h in sorted(result.histograms, key=lambda h: (h.direction != "forward", h.travelled)):
        name = t(f"stability.{h.direction}")
        panel = t("stability.hist_panel", direction=name, layers=h.travelled)
        order.append(panel)
        spreads[h.direction].append(f"{h.travelled}: {_histogram_std(h.edges, h.counts):.2g}")
        for lo, hi, c in zip(h.edges[:-1], h.edges[1:], h.counts, strict=True):
            if math.isfinite(lo) and math.isfinite(hi):
                rows.append({"lo": float(lo), "hi": float(hi), "count": int(c), "panel": panel, "dir": name})
    names = [t("stability.forward"), t("stability.backward")]
    df = pd.DataFrame(rows)
    chart = (
        alt.Chart(df)
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
    alt_text = t("stability.alt_hist", forward=", ".join(spreads["forward"]), backward=", ".join(spreads["backward"]))
    table = df.rename(columns={"panel": t("chart.series"), "count": t("stability.hist_count")}).drop(columns="dir")
    return chart, alt_text, table


def training_compare_chart(results: dict[str, TrainResult], epochs: int) -> Chart:
    """Train loss (log) and test accuracy per epoch, one colour and dash per initialisation scheme."""
    rows = [
        {"epoch": i + 1, "scheme": scheme, "metric": metric, "value": float(v)}
        for scheme, r in results.items()
        for metric in ("train_loss", "test_acc")
        for i, v in enumerate(getattr(r.history, metric))
        if math.isfinite(v) and v > 0
    ]
    df = pd.DataFrame(rows, columns=["epoch", "scheme", "metric", "value"])
    schemes = list(results)
    colour = _colour("scheme", schemes, SCHEME_COLOURS)
    dash = _dash("scheme", schemes, SCHEME_DASHES)
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
                strokeDash=dash,
                tooltip=["scheme:N", "epoch:Q", alt.Tooltip("value:Q", format=".4f", title=t("chart.value"))],
            )
            .properties(height=HEIGHT)
        )

    chart = alt.hconcat(
        panel("train_loss", t("metric.train_loss"), True), panel("test_acc", t("metric.test_acc"), False)
    )
    parts = t("stability.sep").join(
        t("stability.alt_train_diverged", scheme=s, epoch=r.diverged_epoch or len(r.history) + 1)
        if r.diverged
        else t("stability.alt_train_part", scheme=s, acc=r.history.test_acc[-1], n=len(r.history))
        for s, r in results.items()
        if r.diverged or len(r.history)
    )
    table = df.pivot_table(index=["scheme", "epoch"], columns="metric", values="value").reset_index()
    return chart, t("stability.alt_train", parts=parts), table
