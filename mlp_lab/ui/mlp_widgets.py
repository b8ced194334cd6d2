"""Result views of the Fashion-MNIST pages: the write-up's run beside ours, prediction grid,
confusion matrix, scratch == concise, exports. Every sentence about a result is chosen from it."""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable
from dataclasses import replace

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st
import torch

from mlp_lab.controls import controls_of
from mlp_lab.data import DataError, class_names, load_fashion_mnist
from mlp_lab.device import pick_device
from mlp_lab.experiments import mlp as exp
from mlp_lab.experiments.mlp import EquivalenceResult, MLPSettings
from mlp_lab.store import key_of
from mlp_lab.training import TrainResult, train
from mlp_lab.ui import a11y
from mlp_lab.ui.i18n import current_lang, t
from mlp_lab.ui.runner import cached, result_store, show_data_error

GRID = 12  # test images in the prediction grid, as d2l.predict_ch3 shows a row of them


def model_name(model: str) -> str:
    """ "from scratch" or "concise", for inside a sentence."""
    return t("mlp.model_" + model)


def settings_differences(settings: MLPSettings) -> list[str]:
    """ "epochs 2 (book: 10)" for every control that differs from the book's (the model aside)."""
    book = MLPSettings(model=settings.model, seed=settings.seed)
    out = []
    for name, spec in controls_of(MLPSettings).items():
        ours, theirs = getattr(settings, name), getattr(book, name)
        if ours != theirs:
            out.append(t("mlp.differs", name=t(spec.label).lower(), ours=spec.show(ours), book=spec.show(theirs)))
    return out


def trained_seeds(settings: MLPSettings, shows: Callable[[TrainResult], bool], seeds: range = range(8)) -> list[int]:
    """Seeds whose run of ``settings`` this server already has and that show the effect (no training)."""
    found = []
    for seed in seeds:
        if seed == settings.seed:
            continue
        config = replace(settings, seed=seed).train_configs()[0]
        result = result_store().get(key_of(train, config))
        if result is not None and len(result.history) and shows(result):
            found.append(seed)
    return found


def _others(seeds: list[int]) -> str:
    return t("mlp.other_seeds", seeds=", ".join(map(str, seeds))) if seeds else ""


def seeds_table(settings: MLPSettings, seeds: range = range(8)) -> pd.DataFrame | None:
    """The runs of these settings this server already has, one row per seed (nothing is trained for
    it): the spread a single draw sits in. None when there is only this seed's run."""
    names = class_names(current_lang())
    labels = exp.fmnist_test_labels()
    rows = []
    for seed in seeds:
        config = replace(settings, seed=seed).train_configs()[0]
        result = result_store().get(key_of(train, config))
        if result is None or not len(result.history):
            continue
        report = exp.class_report(exp.confusion(result.test_pred, labels))
        rows.append(
            {
                t("mlp.seed"): seed,
                t("mlp.final_test_acc"): f"{result.history.test_acc[-1]:.2%}",
                t("mlp.hardest"): f"{names[report.hardest]} ({report.hardest_acc:.0%})",
            }
        )
    return pd.DataFrame(rows) if len(rows) > 1 else None


def write_up_comparison(finished: dict[str, TrainResult], settings: MLPSettings) -> None:
    """The write-up's printed run (3.2.5), then ours in a sentence chosen from our numbers."""
    st.markdown(t("mlp.write_up"))
    diffs = settings_differences(settings)
    for model, result in finished.items():
        h = result.history
        fmt = dict(
            model=model_name(model), seed=settings.seed, acc=h.test_acc[-1], loss=h.train_loss[-1], epochs=len(h)
        )
        if diffs:
            st.markdown(t("mlp.ours_other_settings", diffs="; ".join(diffs), **fmt))
        elif exp.near_write_up(h.test_acc[-1]):
            st.markdown(t("mlp.ours_near", **fmt))
        else:
            near = trained_seeds(settings, lambda r: exp.near_write_up(r.history.test_acc[-1]))
            st.markdown(t("mlp.ours_far", others=_others(near), **fmt))
    table = seeds_table(settings)
    if table is not None:
        st.caption(t("mlp.seeds_table", n=len(table)))
        st.dataframe(table, hide_index=True, width="content")


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
        confusion_views(shown, data.test_y.cpu().numpy(), settings)
    with tabs[2]:
        st.caption(t("mlp.code_intro"))
        st.code(exp.code_that_ran(shown_model), language="python", wrap_lines=True)  # no scroll region (axe)
    with tabs[3]:
        st.write(t("mlp.equal_intro"))
        eq = settings.equivalence()
        res = cached(exp.scratch_vs_concise, eq)
        st.write(t("mlp.equal_result", steps=eq.steps, diff=res.max_abs_diff))
        chart, alt_text, table = equivalence_chart(res)
        a11y.chart(chart, alt_text, table)
    with tabs[4]:
        for model, result in finished.items():
            export_buttons(result, key=f"mlp_export_{model}")


def image_alt(i: int, true: int, pred: int, names: tuple[str, ...]) -> str:
    """One grid item's text alternative: its class and the network's answer."""
    mark = "" if true == pred else t("mlp.alt_wrong")
    return t("mlp.image_alt", i=i + 1, true=names[true], pred=names[pred], mark=mark)


def prediction_grid(result: TrainResult, images: torch.Tensor, labels: torch.Tensor, n: int = GRID) -> None:
    """Like d2l.predict_ch3: images with true and predicted labels; mistakes marked (in words too)."""
    names = class_names(current_lang())
    wrong = sum(int(labels[i]) != int(result.test_pred[i]) for i in range(n))
    st.caption(t("mlp.predict_intro", n=n, wrong=wrong))
    cols = st.columns(6)
    for i in range(n):
        true, pred = int(labels[i]), int(result.test_pred[i])
        mark = "✅" if true == pred else "❌"
        with cols[i % 6]:
            st.image(images[i].cpu().numpy(), width=84, clamp=True, alt=image_alt(i, true, pred, names))
            st.caption(f"{t('mlp.true')}: {names[true]}  \n{mark} {t('mlp.pred')}: {names[pred]}")


def confusion_views(result: TrainResult, labels: np.ndarray, settings: MLPSettings) -> None:
    """The sentence (chosen by ``exp.tops_are_hardest``), the confusion matrix and accuracy per class."""
    matrix = exp.confusion(result.test_pred, labels)
    st.markdown(tops_sentence(matrix, settings))
    left, right = st.columns([3, 2])
    chart, alt_text, table = confusion_chart(matrix)
    a11y.chart(chart, alt_text, table, where=left)
    chart, alt_text, table = per_class_chart(matrix)
    a11y.chart(chart, alt_text, table, where=right)


def tops_sentence(matrix: np.ndarray, settings: MLPSettings) -> str:
    names = class_names(current_lang())
    r = exp.class_report(matrix)
    fmt = dict(
        hardest=names[r.hardest],
        acc=r.hardest_acc,
        confused=names[r.confused_with],
        count=r.confused_count,
        n=int(matrix[r.hardest].sum()),
        easiest=names[r.easiest],
        easiest_acc=r.easiest_acc,
    )
    if exp.tops_are_hardest(r):
        return t("mlp.tops_yes", **fmt)

    def shows(other: TrainResult) -> bool:
        return exp.tops_are_hardest(exp.class_report(exp.confusion(other.test_pred, exp.fmnist_test_labels())))

    return t("mlp.tops_no", others=_others(trained_seeds(settings, shows)), **fmt)


def _text_threshold(top: int) -> float:
    """The count above which a cell's number is drawn black: on viridis, white text keeps 4.5:1 up
    to 46 % of the colour scale and black from there (a11y.contrast), and the scale is symlog (log1p)."""
    return math.expm1(0.46 * math.log1p(max(top, 1)))


def confusion_frame(matrix: np.ndarray) -> pd.DataFrame:
    names = list(class_names(current_lang()))
    rows = [
        {t("mlp.confusion_true"): names[i], t("mlp.confusion_pred"): names[j], t("mlp.count"): int(matrix[i, j])}
        for i in range(10)
        for j in range(10)
    ]
    return pd.DataFrame(rows)


def confusion_chart(matrix: np.ndarray) -> tuple[alt.LayerChart, str, pd.DataFrame]:
    """Heat map (viridis, symlog counts) with the counts written in; its alt text and data."""
    names = list(class_names(current_lang()))
    df = pd.DataFrame(
        [{"true": names[i], "pred": names[j], "count": int(matrix[i, j])} for i in range(10) for j in range(10)]
    )
    base = alt.Chart(df).encode(
        x=alt.X("pred:N", sort=names, title=t("mlp.confusion_pred")),
        y=alt.Y("true:N", sort=names, title=t("mlp.confusion_true")),
    )
    heat = base.mark_rect().encode(
        color=alt.Color("count:Q", scale=alt.Scale(type="symlog", scheme=a11y.SEQUENTIAL), title=t("mlp.count")),
        tooltip=[
            alt.Tooltip("true:N", title=t("mlp.confusion_true")),
            alt.Tooltip("pred:N", title=t("mlp.confusion_pred")),
            alt.Tooltip("count:Q", title=t("mlp.count")),
        ],
    )
    dark = _text_threshold(int(matrix.max()))
    text = base.mark_text(fontSize=10).encode(
        text="count:Q", color=alt.condition(alt.datum.count > dark, alt.value("black"), alt.value("white"))
    )
    off = matrix.copy()
    np.fill_diagonal(off, -1)
    i, j = np.unravel_index(int(np.argmax(off)), off.shape)
    alt_text = t(
        "mlp.confusion_alt",
        n=int(matrix.sum()),
        correct=int(matrix.trace()),
        acc=matrix.trace() / max(matrix.sum(), 1),
        true=names[i],
        pred=names[j],
        count=int(matrix[i, j]),
    )
    return (heat + text).properties(height=380), alt_text, confusion_frame(matrix)


def per_class_chart(matrix: np.ndarray) -> tuple[alt.LayerChart, str, pd.DataFrame]:
    """Accuracy per class as bars with their values written at the end; alt text and data."""
    names = list(class_names(current_lang()))
    acc = exp.per_class_accuracy(matrix)
    df = pd.DataFrame({"class": names, "acc": acc})
    base = alt.Chart(df).encode(
        x=alt.X("acc:Q", title=t("chart.accuracy"), scale=alt.Scale(domain=[0, 1.15])),
        y=alt.Y("class:N", sort=names, title=t("mlp.class"), axis=alt.Axis(labelOverlap=False)),
        tooltip=[alt.Tooltip("class:N", title=t("mlp.class")), alt.Tooltip("acc:Q", format=".3f")],
    )
    bars = base.mark_bar(color=a11y.C.blue)
    labels = base.mark_text(align="left", dx=3, color=a11y.C.black).encode(text=alt.Text("acc:Q", format=".0%"))
    lo, hi = int(np.argmin(acc)), int(np.argmax(acc))
    alt_text = t(
        "mlp.per_class_alt", lo_name=names[lo], lo=acc[lo], hi_name=names[hi], hi=acc[hi], below=int((acc < 0.8).sum())
    )
    table = pd.DataFrame({t("mlp.class"): names, t("chart.accuracy"): np.round(acc, 4)})
    return (bars + labels).properties(height=380, title=t("mlp.per_class")), alt_text, table


def equivalence_chart(res: EquivalenceResult) -> tuple[alt.Chart, str, pd.DataFrame]:
    diff = np.abs(res.scratch_loss - res.concise_loss)
    df = pd.DataFrame({"step": np.arange(1, len(diff) + 1), "diff": diff})
    chart = (
        alt.Chart(df)
        .mark_line(point=True, color=a11y.C.blue)
        .encode(
            x=alt.X("step:Q", title=t("mlp.step")),
            y=alt.Y("diff:Q", title=t("mlp.loss_diff"), axis=alt.Axis(format=".1e")),
            tooltip=[alt.Tooltip("step:Q", title=t("mlp.step")), alt.Tooltip("diff:Q", format=".2e")],
        )
        .properties(height=240)
    )
    worst = int(np.argmax(diff)) if len(diff) else 0
    alt_text = t(
        "mlp.equal_alt",
        steps=len(diff),
        diff=float(diff.max()) if len(diff) else 0.0,
        step=worst + 1,
        mean=float(diff.mean()) if len(diff) else 0.0,
    )
    table = df.rename(columns={"step": t("mlp.step"), "diff": t("mlp.loss_diff")})
    return chart, alt_text, table


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
