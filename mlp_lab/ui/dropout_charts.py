"""Altair charts of the dropout page: input noise against ridge, the mask, unbiasedness, train vs eval
mode, layer variance. Each builder returns the chart, its text alternative (computed from the result,
in the learner's language) and its data as a table, for ``a11y.chart``."""

from __future__ import annotations

import math

import altair as alt
import numpy as np
import pandas as pd

from mlp_lab.experiments.dropout import ActivationVarianceResult, MaskPicture, ModeGap, NoiseResult, UnbiasResult
from mlp_lab.training import TrainResult
from mlp_lab.ui import a11y
from mlp_lab.ui.i18n import t

# With dropout vermillion and solid, without blue and dashed, everywhere on the page.
WITH_COLOUR, WITHOUT_COLOUR = a11y.C.vermillion, a11y.C.blue
SOLID, DASHED, DOTTED = list(a11y.DASHES[0]), list(a11y.DASHES[1]), list(a11y.DASHES[2])
Chart = tuple[alt.TopLevelMixin, str, pd.DataFrame]


def _grid(values: np.ndarray, name: str) -> pd.DataFrame:
    rows, cols = np.indices(values.shape)
    return pd.DataFrame({"example": rows.ravel() + 1, "unit": cols.ravel() + 1, "value": values.ravel(), "panel": name})


def mask_chart(pic: MaskPicture, p: float) -> Chart:
    """h, the mask, and h' as heat maps (viridis): rows are examples, columns hidden units."""
    top = max(float(pic.dropped_out.max()), float(pic.hidden.max()), 1e-9)

    def heat(values: np.ndarray, title: str, domain: list[float]) -> alt.Chart:
        return (
            alt.Chart(_grid(values, title))
            .mark_rect(stroke="white", strokeWidth=0.5)
            .encode(
                x=alt.X("unit:O", title=t("dropout.unit"), axis=alt.Axis(labels=False, ticks=False)),
                y=alt.Y("example:O", title=t("dropout.example")),
                color=alt.Color("value:Q", scale=alt.Scale(scheme=a11y.SEQUENTIAL, domain=domain), legend=None),
                tooltip=[
                    alt.Tooltip("example:O", title=t("dropout.example")),
                    alt.Tooltip("unit:O", title=t("dropout.unit")),
                    alt.Tooltip("value:Q", format=".3f", title=t("chart.value")),
                ],
            )
            .properties(title=title, height=150)
        )

    chart = alt.vconcat(
        heat(pic.hidden, t("dropout.mask_h"), [0, top]),
        heat(pic.kept, t("dropout.mask_mask"), [0, 1]),
        heat(pic.dropped_out, t("dropout.mask_h_prime"), [0, top]),
    ).resolve_scale(color="independent")
    examples, units = pic.hidden.shape
    alt_text = t(
        "dropout.mask_alt",
        examples=examples,
        units=units,
        kept=int(pic.kept.sum()),
        total=pic.kept.size,
        share=float(pic.kept.mean()),
        p=p,
        h_max=float(pic.hidden.max()),
        h2_max=float(pic.dropped_out.max()),
    )
    rows, cols = np.indices(pic.hidden.shape)
    table = pd.DataFrame(
        {
            t("dropout.example"): rows.ravel() + 1,
            t("dropout.unit"): cols.ravel() + 1,
            "h": pic.hidden.ravel().round(3),
            t("dropout.kept_col"): pic.kept.ravel().astype(int),
            "h'": pic.dropped_out.ravel().round(3),
        }
    )
    return chart, alt_text, table


def unbiased_chart(res: UnbiasResult, p: float) -> Chart:
    """Relative error of the mean of n draws against n, log-log, with the noise-only law and 1 %."""
    measured, theory = t("dropout.unbias_measured"), t("dropout.unbias_theory")
    rows = [
        {"draws": int(n), "error": float(e), "series": name}
        for name, values in ((measured, res.rel_error), (theory, res.theory))
        for n, e in zip(res.draws, values, strict=True)
        if math.isfinite(e) and e > 0  # a log axis cannot show an exact zero (p = 0)
    ]
    df = pd.DataFrame(rows, columns=["draws", "error", "series"])
    domain = [measured, theory]
    base = alt.Chart(df).encode(
        x=alt.X("draws:Q", scale=alt.Scale(type="log"), title=t("dropout.draws")),
        y=alt.Y("error:Q", scale=alt.Scale(type="log"), title=t("dropout.rel_error")),
        color=alt.Color(
            "series:N",
            scale=alt.Scale(domain=domain, range=[WITH_COLOUR, a11y.C.grey]),
            legend=alt.Legend(orient="bottom", title=None, symbolType="stroke"),
        ),
        strokeDash=alt.StrokeDash("series:N", scale=alt.Scale(domain=domain, range=[SOLID, DASHED]), legend=None),
        tooltip=[
            alt.Tooltip("series:N", title=t("chart.series")),
            alt.Tooltip("draws:Q", title=t("dropout.draws")),
            alt.Tooltip("error:Q", format=".2e", title=t("dropout.rel_error")),
        ],
    )
    one = pd.DataFrame({"y": [0.01], "label": [t("dropout.one_percent")]})
    rule = alt.Chart(one).mark_rule(color=a11y.C.green, strokeDash=DOTTED).encode(y="y:Q")
    label = (
        alt.Chart(one)
        .mark_text(align="left", dx=4, dy=-6, color=a11y.C.green)
        .encode(x=alt.value(0), y="y:Q", text="label:N")
    )
    chart = (base.mark_line(point=True) + rule + label).properties(height=280)
    if len(res.draws):
        alt_text = t(
            "dropout.unbias_alt",
            first=float(res.rel_error[0]),
            last=float(res.rel_error[-1]),
            n=int(res.draws[-1]),
            theory=float(res.theory[-1]),
        )
    else:
        alt_text = t("dropout.unbias_alt_none")
    table = df.rename(
        columns={"draws": t("dropout.draws"), "error": t("dropout.rel_error"), "series": t("chart.series")}
    )
    return chart, alt_text, table


def noise_chart(res: NoiseResult, sigma: float) -> Chart:
    """The weights of each feature under least squares, ridge (λ = σ²) and training on noisy inputs."""
    names = [t("dropout.noise_ls"), t("dropout.noise_ridge", lam=sigma**2), t("dropout.noise_trained")]
    weights = (res.least_squares, res.ridge, res.noisy)
    df = pd.DataFrame(
        [
            {"feature": j + 1, "weight": float(w[j]), "fit": name}
            for name, w in zip(names, weights, strict=True)
            for j in range(len(w))
        ]
    )
    chart = (
        alt.Chart(df)
        .mark_point(size=90, filled=True, opacity=0.85)
        .encode(
            x=alt.X("feature:O", title=t("dropout.noise_feature"), axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("fit:N", sort=names),
            y=alt.Y("weight:Q", title=t("dropout.noise_weight")),
            color=alt.Color(
                "fit:N",
                sort=names,
                scale=alt.Scale(domain=names, range=list(a11y.PALETTE[:3])),
                legend=alt.Legend(orient="bottom", title=None),
            ),
            shape=alt.Shape(
                "fit:N", sort=names, scale=alt.Scale(domain=names, range=list(a11y.SHAPES[:3])), legend=None
            ),
            tooltip=[
                alt.Tooltip("fit:N", title=t("chart.series")),
                alt.Tooltip("feature:O", title=t("dropout.noise_feature")),
                alt.Tooltip("weight:Q", format=".3f", title=t("dropout.noise_weight")),
            ],
        )
        .properties(height=280)
    )
    shrink = 1 - float(np.linalg.norm(res.ridge) / np.linalg.norm(res.least_squares))
    alt_text = t(
        "dropout.noise_alt",
        d=len(res.ridge),
        to_ridge=res.to_ridge,
        to_ls=res.to_least_squares,
        shrink=shrink,
        lam=sigma**2,
    )
    table = df.pivot(index="feature", columns="fit", values="weight")[names].round(4).reset_index()
    table = table.rename(columns={"feature": t("dropout.noise_feature")})
    return chart, alt_text, table


def mode_chart(gap: ModeGap) -> Chart:
    """Every pass with dropout left on is a dot; the one eval-mode accuracy is a dashed, labelled line."""
    df = pd.DataFrame({"pass": np.arange(1, len(gap.train_accs) + 1), "acc": gap.train_accs})
    dots = (
        alt.Chart(df)
        .mark_point(size=80, filled=True, color=WITH_COLOUR, shape=a11y.SHAPES[0])
        .encode(
            x=alt.X("pass:O", title=t("dropout.mode_pass"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("acc:Q", title=t("chart.accuracy"), scale=alt.Scale(zero=False)),
            tooltip=[alt.Tooltip("pass:O", title=t("dropout.mode_pass")), alt.Tooltip("acc:Q", format=".4f")],
        )
    )
    eval_df = pd.DataFrame({"acc": [gap.eval_acc], "label": [t("dropout.mode_eval_line", acc=gap.eval_acc)]})
    line = (
        alt.Chart(eval_df)
        .mark_rule(color=a11y.C.green, strokeWidth=2, strokeDash=DASHED)
        .encode(y="acc:Q", tooltip=["label:N"])
    )
    label = (
        alt.Chart(eval_df)
        .mark_text(align="left", dx=4, dy=-7, color=a11y.C.green)
        .encode(x=alt.value(0), y="acc:Q", text="label:N")
    )
    below = sum(a < gap.eval_acc for a in gap.train_accs)
    alt_text = t(
        "dropout.mode_alt",
        n=len(gap.train_accs),
        lo=min(gap.train_accs),
        hi=max(gap.train_accs),
        mean=gap.train_mean,
        below=below,
        eval=gap.eval_acc,
    )
    table = df.rename(columns={"pass": t("dropout.mode_pass"), "acc": t("chart.accuracy")})
    return (dots + line + label).properties(height=240), alt_text, table


def solid_with_dashed_without(chart: alt.Chart, short: dict[str, str]) -> alt.Chart:
    """One of the shared history charts with the runs told apart by a fixed dash (said in the heading)
    instead of a second legend, which a chart stretched to a column clips."""
    dash = alt.StrokeDash(
        "run:N", scale=alt.Scale(domain=[short["with"], short["without"]], range=[SOLID, DASHED]), legend=None
    )
    return chart.encode(strokeDash=dash).properties(height=340)  # a stretched chart fits its legend inside


def comparison_alts(done: dict[str, TrainResult], short: dict[str, str]) -> tuple[str, str]:
    """The loss panel's and the accuracy panel's text alternatives, from both runs' last epoch."""
    w, o = done["with"].history, done["without"].history
    loss = t(
        "dropout.compare_loss_alt",
        epochs=len(w),
        with_test=w.test_loss[-1],
        without_test=o.test_loss[-1],
        with_train=w.train_loss[-1],
        without_train=o.train_loss[-1],
        w=short["with"],
        o=short["without"],
    )
    acc = t(
        "dropout.compare_acc_alt",
        epochs=len(w),
        with_test=w.test_acc[-1],
        without_test=o.test_acc[-1],
        with_train=w.train_acc[-1],
        without_train=o.train_acc[-1],
        w=short["with"],
        o=short["without"],
    )
    return loss, acc


def variance_charts(results: dict[str, ActivationVarianceResult], labels: dict[str, str]) -> list[Chart]:
    """Per-layer activation variance per epoch; colour and shape = run, dash = layer; one chart per mode."""
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
    shapes = [a11y.SHAPES[0] if r == "with" else a11y.SHAPES[1] for r in results]

    def panel(mode: str) -> Chart:
        sub = df[df["mode"] == mode]
        chart = (
            alt.Chart(sub)
            .mark_line(point=True)
            .encode(
                x=alt.X("epoch:Q", title=t("chart.epoch"), axis=alt.Axis(tickMinStep=1)),
                y=alt.Y("variance:Q", scale=alt.Scale(type="log"), title=t("dropout.variance")),
                color=alt.Color(
                    "run:N",
                    scale=alt.Scale(domain=names, range=colours),
                    legend=alt.Legend(orient="bottom", title=None),
                ),
                shape=alt.Shape("run:N", scale=alt.Scale(domain=names, range=shapes), legend=None),
                strokeDash=alt.StrokeDash(
                    "layer:N", scale=alt.Scale(domain=layers, range=[SOLID, DASHED]), legend=None
                ),
                detail="layer:N",
                tooltip=["run:N", "layer:N", "epoch:Q", alt.Tooltip("variance:Q", format=".4f")],
            )
            .properties(title=t(f"dropout.variance_{mode}"), height=400)  # legends fit inside a stretched chart
        )
        last = {}
        for run, res in results.items():
            table = res.train_mode if mode == "train" else res.eval_mode
            last[run] = table[-1] if table else [float("nan"), float("nan")]
        with_v, without_v = last.get("with", [math.nan] * 2), last.get("without", [math.nan] * 2)
        alt_text = t(
            "dropout.variance_alt",
            mode=t(f"dropout.variance_{mode}"),
            epochs=len(sub["epoch"].unique()) - 1,
            w1=with_v[0],
            w2=with_v[1],
            o1=without_v[0],
            o2=without_v[1],
        )
        table = sub.rename(columns={"epoch": t("chart.epoch"), "variance": t("dropout.variance")})
        return chart, alt_text, table.drop(columns=["mode"])

    return [panel("train"), panel("eval")]
