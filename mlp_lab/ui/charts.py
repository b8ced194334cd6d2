"""Altair chart builders shared by the pages (consistent colours per series, log losses)."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from mlp_lab.training import History
from mlp_lab.ui.a11y import DASHES, SHAPES, C
from mlp_lab.ui.i18n import t

METRICS = ("train_loss", "test_loss", "train_acc", "test_acc")
# Train solid, test dashed (never colour alone); the same colours everywhere in the app.
COLOURS = {"train_loss": C.blue, "test_loss": C.vermillion, "train_acc": C.blue, "test_acc": C.vermillion}
DASH = {"train_loss": DASHES[0], "test_loss": DASHES[1], "train_acc": DASHES[0], "test_acc": DASHES[1]}
SHAPE = {"train_loss": SHAPES[0], "test_loss": SHAPES[1], "train_acc": SHAPES[0], "test_acc": SHAPES[1]}


def history_frame(history: History, run: str | None = None) -> pd.DataFrame:
    rows = [r for r in history.rows() if math.isfinite(r["value"])]
    df = pd.DataFrame(rows, columns=["epoch", "metric", "value"])
    df["series"] = [t(f"metric.{m}") for m in df["metric"]]
    if run is not None:
        df["run"] = run
    return df


def _panel(df: pd.DataFrame, metrics: tuple[str, ...], title: str, epochs: int, log: bool) -> alt.Chart:
    sub = df[df["metric"].isin(metrics)]
    names = [t(f"metric.{m}") for m in metrics]
    y = alt.Y("value:Q", title=title, scale=alt.Scale(type="log") if log else alt.Scale(zero=False))
    encode = {
        "x": alt.X(
            "epoch:Q", title=t("chart.epoch"), scale=alt.Scale(domain=[1, max(epochs, 2)]), axis=alt.Axis(tickMinStep=1)
        ),
        "y": y,
        "color": alt.Color(
            "series:N",
            title=None,
            scale=alt.Scale(domain=names, range=[COLOURS[m] for m in metrics]),
            legend=alt.Legend(orient="bottom"),
        ),
        "strokeDash": alt.StrokeDash(
            "series:N", scale=alt.Scale(domain=names, range=[DASH[m] for m in metrics]), legend=None
        ),
        "shape": alt.Shape("series:N", scale=alt.Scale(domain=names, range=[SHAPE[m] for m in metrics]), legend=None),
        "tooltip": [
            alt.Tooltip("series:N", title=t("chart.series")),
            "epoch:Q",
            alt.Tooltip("value:Q", format=".4f", title=t("chart.value")),
        ],
    }
    if "run" in sub.columns:  # runs compared: the run takes the dash, the series keeps colour and shape
        encode["strokeDash"] = alt.StrokeDash("run:N", title=None, legend=alt.Legend(orient="bottom"))
        encode["detail"] = "run:N"
    return alt.Chart(sub).mark_line(point=True).encode(**encode).properties(height=260)


def describe_history(history: History) -> str:
    """The curves in one sentence with their numbers, for screen readers and the caption."""
    h = history
    if len(h) == 0:
        return ""
    last = {"loss1": h.train_loss[-1], "tloss1": h.test_loss[-1], "acc1": h.train_acc[-1], "tacc1": h.test_acc[-1]}
    if len(h) == 1:
        return t("chart.history_alt_one", **last)
    best = max(range(len(h)), key=lambda i: h.test_acc[i])
    first = {"loss0": h.train_loss[0], "tloss0": h.test_loss[0], "acc0": h.train_acc[0], "tacc0": h.test_acc[0]}
    return t("chart.history_alt", epochs=len(h), best=h.test_acc[best], best_epoch=best + 1, **first, **last)


def history_table(history: History) -> pd.DataFrame:
    """The curves as a table (one row per epoch), in the learner's language."""
    h = history
    return pd.DataFrame(
        {
            t("chart.epoch"): range(1, len(h) + 1),
            **{t(f"metric.{m}"): getattr(h, m) for m in ("train_loss", "test_loss", "train_acc", "test_acc")},
        }
    )


def history_chart(history: History | pd.DataFrame, epochs: int) -> alt.HConcatChart:
    """Loss (log scale) and accuracy side by side, what d2l's Animator draws, with test loss too."""
    df = history if isinstance(history, pd.DataFrame) else history_frame(history)
    loss = _panel(df, ("train_loss", "test_loss"), t("chart.loss"), epochs, log=True)
    acc = _panel(df, ("train_acc", "test_acc"), t("chart.accuracy"), epochs, log=False)
    return alt.hconcat(loss, acc).resolve_scale(color="independent", strokeDash="independent")
