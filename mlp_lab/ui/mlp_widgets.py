"""Result views of the Fashion-MNIST pages: prediction grid, confusion matrix, exports."""

from __future__ import annotations

import io
import json

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st
import torch

from mlp_lab.data import DataError, class_names, load_fashion_mnist
from mlp_lab.device import pick_device
from mlp_lab.experiments.mlp import EquivalenceResult, MLPSettings, code_that_ran, scratch_vs_concise
from mlp_lab.training import TrainResult
from mlp_lab.ui.i18n import current_lang, t
from mlp_lab.ui.runner import cached, show_data_error


def result_tabs(finished: dict[str, TrainResult], settings: MLPSettings) -> None:
    """What a finished run shows: predictions, confusion, the code that ran, scratch == concise, exports."""
    try:
        data = load_fashion_mnist(pick_device())
    except DataError as exc:
        show_data_error(exc)
        return
    shown_model, shown = next(iter(finished.items()))
    names = ("tab_predict", "tab_confusion", "tab_code", "tab_equal", "tab_export")
    tabs = st.tabs([t(f"mlp.{name}") for name in names])
    with tabs[0]:
        prediction_grid(shown, data.test_x, data.test_y)
    with tabs[1]:
        matrix = confusion(shown, data.test_y)
        left, right = st.columns([3, 2])
        left.altair_chart(confusion_chart(matrix), width="stretch")
        right.altair_chart(per_class_chart(matrix), width="stretch")
    with tabs[2]:
        st.caption(t("mlp.code_intro"))
        st.code(code_that_ran(shown_model), language="python")
    with tabs[3]:
        st.write(t("mlp.equal_intro"))
        eq = settings.equivalence()
        res = cached(scratch_vs_concise, eq)
        st.write(t("mlp.equal_result", steps=eq.steps, diff=res.max_abs_diff))
        st.altair_chart(equivalence_chart(res), width="stretch")
    with tabs[4]:
        for model, result in finished.items():
            export_buttons(result, key=f"mlp_export_{model}")


def prediction_grid(result: TrainResult, images: torch.Tensor, labels: torch.Tensor, n: int = 12) -> None:
    """Like d2l.predict_ch3: images with true and predicted labels; mistakes marked."""
    names = class_names(current_lang())
    st.caption(t("mlp.predict_intro", n=n))
    cols = st.columns(6)
    for i in range(n):
        true, pred = int(labels[i]), int(result.test_pred[i])
        mark = "✅" if true == pred else "❌"
        with cols[i % 6]:
            st.image(images[i].cpu().numpy(), width=84, clamp=True)
            st.caption(f"{t('mlp.true')}: {names[true]}  \n{mark} {t('mlp.pred')}: {names[pred]}")


def confusion(result: TrainResult, labels: torch.Tensor) -> np.ndarray:
    m = np.zeros((10, 10), dtype=np.int64)
    np.add.at(m, (labels.cpu().numpy(), result.test_pred.astype(np.int64)), 1)
    return m


def confusion_chart(matrix: np.ndarray) -> alt.LayerChart:
    names = list(class_names(current_lang()))
    rows = [{"true": names[i], "pred": names[j], "count": int(matrix[i, j])} for i in range(10) for j in range(10)]
    df = pd.DataFrame(rows)
    base = alt.Chart(df).encode(
        x=alt.X("pred:N", sort=names, title=t("mlp.confusion_pred")),
        y=alt.Y("true:N", sort=names, title=t("mlp.confusion_true")),
    )
    heat = base.mark_rect().encode(
        color=alt.Color("count:Q", scale=alt.Scale(type="symlog", scheme="blues"), title=t("mlp.count")),
        tooltip=["true:N", "pred:N", "count:Q"],
    )
    text = base.mark_text(fontSize=10).encode(
        text="count:Q", color=alt.condition(alt.datum.count > 300, alt.value("white"), alt.value("black"))
    )
    return (heat + text).properties(height=380)


def per_class_chart(matrix: np.ndarray) -> alt.Chart:
    names = list(class_names(current_lang()))
    acc = matrix.diagonal() / np.maximum(matrix.sum(axis=1), 1)
    df = pd.DataFrame({"class": names, "acc": acc})
    return (
        alt.Chart(df)
        .mark_bar()
        .encode(
            x=alt.X("acc:Q", title=t("chart.accuracy"), scale=alt.Scale(domain=[0, 1])),
            y=alt.Y("class:N", sort=names, title=t("mlp.class")),
            tooltip=[alt.Tooltip("class:N"), alt.Tooltip("acc:Q", format=".3f")],
        )
        .properties(height=300, title=t("mlp.per_class"))
    )


def equivalence_chart(res: EquivalenceResult) -> alt.Chart:
    diff = np.abs(res.scratch_loss - res.concise_loss)
    df = pd.DataFrame({"step": np.arange(1, len(diff) + 1), "diff": diff})
    return (
        alt.Chart(df)
        .mark_line(point=True)
        .encode(
            x=alt.X("step:Q", title=t("mlp.step")),
            y=alt.Y("diff:Q", title=t("mlp.loss_diff"), axis=alt.Axis(format=".1e")),
            tooltip=["step:Q", alt.Tooltip("diff:Q", format=".2e")],
        )
        .properties(height=240)
    )


def export_buttons(result: TrainResult, key: str) -> None:
    h = result.history
    history = pd.DataFrame(
        {
            "epoch": range(1, len(h) + 1),
            "train_loss": h.train_loss,
            "train_acc": h.train_acc,
            "test_loss": h.test_loss,
            "test_acc": h.test_acc,
        }
    )
    weights = io.BytesIO()
    torch.save(result.state_dict, weights)
    c1, c2, c3 = st.columns(3)
    stem = f"mlp_{result.config.model}_seed{result.config.seed}"
    c1.download_button(t("mlp.download_csv"), history.to_csv(index=False), f"{stem}.csv", "text/csv", key=f"{key}_csv")
    c2.download_button(t("mlp.download_pt"), weights.getvalue(), f"{stem}.pt", key=f"{key}_pt")
    c3.download_button(
        t("mlp.download_json"),
        json.dumps(result.config.to_dict(), indent=2),
        f"{stem}.json",
        "application/json",
        key=f"{key}_json",
    )
