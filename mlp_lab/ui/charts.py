"""Altair chart builders shared by the pages (consistent colours per series, log losses)."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from mlp_lab.training import History
from mlp_lab.ui.i18n import t

METRICS = ("train_loss", "test_loss", "train_acc", "test_acc")
# Train solid, test dashed; loss warm, accuracy cool: the same everywhere in the app.
COLOURS = {"train_loss": "#1f77b4", "test_loss": "#9467bd", "train_acc": "#ff7f0e", "test_acc": "#2ca02c"}


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
        "tooltip": [
            alt.Tooltip("series:N", title=t("chart.series")),
            "epoch:Q",
            alt.Tooltip("value:Q", format=".4f", title=t("chart.value")),
        ],
    }
    if "run" in sub.columns:
        encode["strokeDash"] = alt.StrokeDash("run:N", title=None, legend=alt.Legend(orient="bottom"))
        encode["detail"] = "run:N"
    return alt.Chart(sub).mark_line(point=True).encode(**encode).properties(height=260)


def history_chart(history: History | pd.DataFrame, epochs: int) -> alt.HConcatChart:
    """Loss (log scale) and accuracy side by side, what d2l's Animator draws, with test loss too."""
    df = history if isinstance(history, pd.DataFrame) else history_frame(history)
    loss = _panel(df, ("train_loss", "test_loss"), t("chart.loss"), epochs, log=True)
    acc = _panel(df, ("train_acc", "test_acc"), t("chart.accuracy"), epochs, log=False)
    return alt.hconcat(loss, acc).resolve_scale(color="independent", strokeDash="independent")
